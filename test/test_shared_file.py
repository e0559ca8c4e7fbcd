"""Shared state in a directory (file:// URLs): one budget and one token for the processes of one machine."""

from __future__ import annotations

import fcntl
import logging
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import List

import pytest
from conftest import CANARY_CLIENT_ID, CANARY_SECRET, remember
from redis_server import check_gcra, require_modules, run_workers

from criteo_api_marketingsolutions_v2020_10 import _shared_file
from criteo_api_marketingsolutions_v2020_10._rate_store import LocalRateStore
from criteo_api_marketingsolutions_v2020_10._seal import Sealer, namespace_for
from criteo_api_marketingsolutions_v2020_10._shared_file import FileBackend, FileRateStore, FileTokenStore
from criteo_api_marketingsolutions_v2020_10._shared_state import (
    LOCAL_OWNER_PREFIX,
    SharedState,
    SharedToken,
    open_shared_state,
)
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError

require_modules("cryptography")

HOST = "https://api.criteo.test"
STATE_LOGGER = "criteo_api_marketingsolutions_v2020_10._shared_state"


def _shared(directory: Path) -> SharedState:
    state = open_shared_state(directory.as_uri())
    assert state is not None
    return state


def _token(seconds: float = 60.0, value: str = "access-token-0123456789") -> SharedToken:
    return SharedToken(value, time.time() + seconds)


def _unreachable_warnings(caplog: pytest.LogCaptureFixture) -> List[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno == logging.WARNING and "shared state unreachable" in r.getMessage()]


def test_many_processes_share_one_gcra_budget(tmp_path: Path) -> None:
    interval, burst = 0.02, 0.04
    slots = run_workers((tmp_path / "state").as_uri(), processes=4, count=25, interval=interval, burst=burst)
    assert len(slots) == 100
    check_gcra(slots, interval, burst)


def test_reserve_and_hold_follow_gcra(tmp_path: Path) -> None:
    first, second = FileRateStore(str(tmp_path)), FileRateStore(str(tmp_path))
    waits = [first.reserve("k", 0.2, 0.4, None) for _ in range(4)]
    assert waits[:3] == [0.0, 0.0, 0.0]
    assert 0.15 < (waits[3] or 0.0) <= 0.2
    assert second.reserve("k", 0.2, 0.4, 0.1) is None  # refused: nothing reserved
    assert 0.3 < (second.reserve("k", 0.2, 0.4, 1.0) or 0.0) <= 0.4
    first.hold_until("other", 2.0, 0.1, 0.3)
    assert 1.9 < (second.reserve("other", 0.1, 0.3, None) or 0.0) <= 2.0
    first.hold_until("other", 0.5, 0.1, 0.3)  # never pulls the schedule back
    assert 1.9 < second.peek("other", 0.1, 0.3) <= 2.1


def test_files_are_private_and_hold_only_the_sealed_token(tmp_path: Path) -> None:
    directory = tmp_path / "shared"
    state = _shared(directory)
    tokens = state.token_store(CANARY_CLIENT_ID, CANARY_SECRET, HOST)
    token = _token(value="the-access-token-that-must-not-show")
    tokens.save(token)
    state.rate_store(LocalRateStore()).reserve("k", 1.0, 0.0, None)
    remember(tokens, state, token)
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    namespace = namespace_for(CANARY_CLIENT_ID, HOST)
    files = sorted(directory.iterdir())
    assert files and all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in files)
    for path in files:
        content = path.read_bytes()
        for secret in (token.access_token, CANARY_CLIENT_ID, CANARY_SECRET):
            assert secret.encode() not in content and secret not in path.name
    sealed = directory / f"token-{namespace}.sealed"
    assert Sealer(CANARY_SECRET, namespace).open(sealed.read_bytes()) is not None
    assert abs(sealed.stat().st_mtime - token.expires_at) < 1.0  # the expiry, for anyone who lists the files
    assert tokens.load() == token
    assert Sealer("another-secret", namespace).open(sealed.read_bytes()) is None


def test_two_credentials_in_one_directory_do_not_mix(tmp_path: Path) -> None:
    state = _shared(tmp_path)
    one, two = namespace_for("client-one", HOST), namespace_for("client-two", HOST)
    rates_one, rates_two = state.rate_store(LocalRateStore(), one), state.rate_store(LocalRateStore(), two)
    assert rates_one.reserve("k", 10.0, 0.0, None) == 0.0
    assert rates_one.reserve("k", 10.0, 0.0, 1.0) is None
    assert rates_two.reserve("k", 10.0, 0.0, 1.0) == 0.0
    tokens_one = state.token_store("client-one", "secret-one", HOST)
    tokens_two = state.token_store("client-two", "secret-two", HOST)
    tokens_one.save(_token(value="token-of-client-one"))
    assert tokens_two.load() is None
    assert tokens_two.discard("token-of-client-one") is False
    assert tokens_one.try_lock(5.0) is not None and tokens_two.try_lock(5.0) is not None
    assert state.token_store("client-one", "a-guessed-secret", HOST).load() is None


def test_tokens_expire_and_discard_removes_only_the_stored_one(tmp_path: Path) -> None:
    state = _shared(tmp_path)
    store, other_process = (state.token_store("client", "secret", HOST) for _ in range(2))
    store.save(_token(seconds=0.3, value="short-lived"))
    assert other_process.load() is not None
    time.sleep(0.35)
    assert store.load() is None
    store.save(_token(seconds=-1.0))  # already expired: not stored
    assert store.load() is None
    store.save(_token(value="current-token"))
    assert store.discard("some-other-token") is False
    assert store.discard("current-token") is True
    assert other_process.discard("current-token") is False
    assert other_process.load() is None


def test_refresh_lock_has_one_owner_and_expires(tmp_path: Path) -> None:
    state = _shared(tmp_path)
    first, second = (state.token_store("client", "secret", HOST) for _ in range(2))
    owner = first.try_lock(0.3)
    assert owner is not None and not owner.startswith(LOCAL_OWNER_PREFIX)
    assert second.try_lock(0.3) is None
    second.unlock("not-the-owner")
    assert second.try_lock(0.3) is None
    time.sleep(0.35)
    taken = second.try_lock(5.0)
    assert taken is not None and taken != owner
    first.unlock(owner)  # expired and taken since: must not release the new owner's lock
    assert first.try_lock(5.0) is None
    second.unlock(taken)
    assert first.try_lock(5.0) is not None


_HOLDER = r"""
import sys, time
from criteo_api_marketingsolutions_v2020_10._shared_state import open_shared_state
store = open_shared_state(sys.argv[1]).token_store("client", "secret", "https://api.criteo.test")
print(store.try_lock(float(sys.argv[2])), flush=True)
time.sleep(60)
"""


def test_a_killed_lock_holder_blocks_only_until_the_ttl(tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, tmp_path.as_uri(), "0.8"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        owner = holder.stdout.readline().strip()
        acquired_at = time.monotonic()
        assert len(owner) == 32
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    store = _shared(tmp_path).token_store("client", "secret", HOST)
    assert store.try_lock(1.0) is None
    time.sleep(max(0.0, acquired_at + 0.85 - time.monotonic()))
    assert store.try_lock(1.0) is not None


_BINARY = b"\x00garbage \xff"


@pytest.fixture
def spoilt(tmp_path: Path) -> SharedState:
    """Shared state in ``tmp_path`` with a reservation, a token and a lock stored, before anything is spoilt."""
    state = _shared(tmp_path)
    rates, tokens = state.rate_store(LocalRateStore()), state.token_store("client", "secret", HOST)
    assert rates.reserve("k", 10.0, 0.0, None) == 0.0
    assert rates.reserve("k", 10.0, 0.0, 1.0) is None
    tokens.save(_token())
    assert tokens.load() is not None and tokens.try_lock(10.0) is not None
    return state


def _only(directory: Path, suffix: str) -> Path:
    (path,) = (path for path in directory.iterdir() if path.suffix == suffix)
    return path


def test_a_garbage_rate_file_counts_as_no_reservation(tmp_path: Path, spoilt: SharedState) -> None:
    rates, tat_file, boot = spoilt.rate_store(LocalRateStore()), _only(tmp_path, ".tat"), _shared_file.boot_marker()
    for content in (_BINARY, f"tat 1e300 {boot}", f"tat -5 {boot}", f"tat nan {boot}", "tat 1 x y", ""):
        tat_file.write_bytes(content if isinstance(content, bytes) else content.encode())
        assert rates.reserve("k", 10.0, 0.0, 1.0) == 0.0  # cold, and stored anew
    assert rates.reserve("k", 10.0, 0.0, 1.0) is None
    assert spoilt.reachable


def test_a_garbage_lock_file_counts_as_a_free_lock(tmp_path: Path, spoilt: SharedState) -> None:
    tokens, owner_file = spoilt.token_store("client", "secret", HOST), _only(tmp_path, ".owner")
    assert tokens.try_lock(10.0) is None
    boot = _shared_file.boot_marker()
    for content in (_BINARY, f"someone inf {boot}", f"someone nan {boot}", ""):
        owner_file.write_bytes(content if isinstance(content, bytes) else content.encode())
        owner = tokens.try_lock(10.0)
        assert owner is not None
        tokens.unlock(owner)
    assert spoilt.reachable


def test_a_garbage_token_file_counts_as_no_token(tmp_path: Path, spoilt: SharedState) -> None:
    tokens, token_file = spoilt.token_store("client", "secret", HOST), _only(tmp_path, ".sealed")
    for blob in (_BINARY, b"\x01" + os.urandom(40), b""):
        token_file.write_bytes(blob)
        os.utime(token_file, (time.time() + 60, time.time() + 60))  # not expired by its modification time
        assert tokens.load() is None
        assert tokens.discard("access-token-0123456789") is False
    assert spoilt.reachable


def test_state_from_an_earlier_boot_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = FileRateStore(str(tmp_path))
    assert store.reserve("k", 100.0, 0.0, None) == 0.0
    assert store.reserve("k", 100.0, 0.0, 1.0) is None
    monkeypatch.setattr(_shared_file, "_boot_marker", "another-boot")
    assert store.reserve("k", 100.0, 0.0, 1.0) == 0.0  # monotonic times of another boot mean nothing


def test_a_stuck_lock_holder_delays_a_call_at_most_the_lock_timeout(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=STATE_LOGGER)
    state = SharedState(FileBackend(str(tmp_path), lock_timeout=0.1))
    fallback = LocalRateStore()
    rates = state.rate_store(fallback)
    assert rates.reserve("k", 5.0, 0.0, None) == 0.0
    lock_file = next(path for path in tmp_path.iterdir() if path.suffix == ".lock")
    with open(lock_file, "rb") as stuck:
        fcntl.flock(stuck.fileno(), fcntl.LOCK_EX)  # as a process stopped inside the critical section would
        started = time.monotonic()
        assert rates.reserve("k", 5.0, 0.0, None) == 0.0  # the fallback, cold
        assert 0.09 <= time.monotonic() - started < 0.5
        started = time.monotonic()
        assert 4.9 < (rates.reserve("k", 5.0, 0.0, None) or 0.0) <= 5.0  # the fallback again, without waiting
        assert time.monotonic() - started < 0.05
    assert len(_unreachable_warnings(caplog)) == 1
    assert "TimeoutError" in _unreachable_warnings(caplog)[0].getMessage()


def test_an_unusable_directory_falls_back_and_recovers(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=STATE_LOGGER)
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the directory should be")
    state = open_shared_state(blocker.as_uri(), retry_after=0.1)
    assert state is not None
    rates, tokens = state.rate_store(LocalRateStore()), state.token_store("client", "secret", HOST)
    assert rates.reserve("k", 10.0, 0.0, None) == 0.0
    assert tokens.load() is None
    owner = tokens.try_lock(1.0)
    assert owner is not None and owner.startswith(LOCAL_OWNER_PREFIX)
    assert not state.reachable and len(_unreachable_warnings(caplog)) == 1
    blocker.unlink()
    time.sleep(0.15)
    assert tokens.try_lock(1.0) is not None and state.reachable
    assert blocker.is_dir() and stat.S_IMODE(blocker.stat().st_mode) == 0o700
    assert any("is back" in r.getMessage() for r in caplog.records if r.levelno == logging.INFO)


def test_a_removed_directory_is_made_again(tmp_path: Path) -> None:
    directory = tmp_path / "state"
    store = FileTokenStore(str(directory), Sealer("secret", namespace_for("client", HOST)))
    store.save(_token())
    for path in directory.iterdir():
        path.unlink()
    directory.rmdir()
    store.save(_token(value="saved-after-the-directory-went"))
    loaded = store.load()
    assert loaded is not None and loaded.access_token == "saved-after-the-directory-went"


def test_without_fcntl_the_file_backend_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fcntl", None)
    with pytest.raises(ApiValueError, match="not supported on Windows"):
        open_shared_state(tmp_path.as_uri())
