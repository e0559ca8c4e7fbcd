"""Shared state without a server: sealing, the forms of Configuration.shared_state, and the resilient layer
(one warning per outage, a one-second retry gate, the local answers) over the file backend."""

from __future__ import annotations

import json
import logging
import math
import sys
import threading
import time
from pathlib import Path
from typing import Any, List, Optional, Tuple
from urllib.parse import quote

import pytest
from conftest import CANARY_CLIENT_ID, CANARY_SECRET, remember
from redis_server import free_port, require_modules

from criteo_api_marketingsolutions_v2020_10._rate_store import LocalRateStore
from criteo_api_marketingsolutions_v2020_10._seal import Sealer, namespace_for, open_token, seal_token
from criteo_api_marketingsolutions_v2020_10._shared_file import FileBackend, FileRateStore
from criteo_api_marketingsolutions_v2020_10._shared_state import (
    EXTRA_HINT,
    LOCAL_OWNER_PREFIX,
    SharedState,
    SharedToken,
    open_shared_state,
    redact_url,
)
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError

require_modules("cryptography")

HOST = "https://api.criteo.test"
STATE_LOGGER = "criteo_api_marketingsolutions_v2020_10._shared_state"


# --------------------------------------------------------------------------- sealing


def test_sealed_blobs_open_only_with_the_same_secret_and_namespace() -> None:
    namespace = namespace_for("client", HOST)
    sealer = Sealer(CANARY_SECRET, namespace)
    blob = sealer.seal(b"plain text")
    assert sealer.open(blob) == b"plain text"
    assert Sealer(CANARY_SECRET, namespace).open(blob) == b"plain text"  # another process, same keys
    assert Sealer(CANARY_SECRET + "x", namespace).open(blob) is None
    assert Sealer(CANARY_SECRET, namespace_for("other", HOST)).open(blob) is None
    assert b"plain text" not in blob and CANARY_SECRET.encode() not in blob
    assert sealer.seal(b"plain text") != blob  # a fresh nonce each time
    remember(sealer)
    assert CANARY_SECRET not in repr(sealer) and namespace in repr(sealer)


def test_a_changed_or_cut_blob_does_not_open() -> None:
    sealer = Sealer("secret", "namespace")
    blob = sealer.seal(b'{"access_token": "t", "expires_at": 1}')
    for position in range(len(blob)):  # the version byte, the nonce, the ciphertext and the tag
        changed = bytearray(blob)
        changed[position] ^= 0x01
        assert sealer.open(bytes(changed)) is None, position
    for length in range(len(blob)):
        assert sealer.open(blob[:length]) is None
    for garbage in (b"", b"\x01", b"\x01" + bytes(40), "a string", None, 12345, blob + b"\x00"):
        assert sealer.open(garbage) is None


def test_a_sealer_needs_a_secret_and_a_namespace() -> None:
    with pytest.raises(ApiValueError, match="client secret"):
        Sealer("", "namespace")
    with pytest.raises(ApiValueError, match="namespace"):
        Sealer("secret", "")


def test_namespaces_are_short_hashes_that_tell_credentials_apart() -> None:
    namespace = namespace_for(CANARY_CLIENT_ID, HOST)
    assert len(namespace) == 32 and all(c in "0123456789abcdef" for c in namespace)
    assert CANARY_CLIENT_ID not in namespace
    assert namespace == namespace_for(CANARY_CLIENT_ID, HOST)
    others = {namespace_for("other", HOST), namespace_for(CANARY_CLIENT_ID, "https://other.test"),
              namespace_for(HOST, CANARY_CLIENT_ID)}
    assert namespace not in others and len(others) == 3


def test_token_payloads_round_trip_and_reject_other_shapes() -> None:
    sealer = Sealer("secret", "namespace")
    assert open_token(sealer, seal_token(sealer, "the-token", 1234.5)) == ("the-token", 1234.5)
    plaintexts = [b"not json", b"\xff\xfe", b"[1, 2]", b'{"access_token": "t"}', b'{"expires_at": 5}',
                  b'{"access_token": "", "expires_at": 5}', b'{"access_token": 7, "expires_at": 5}',
                  b'{"access_token": "t", "expires_at": true}', b'{"access_token": "t", "expires_at": "5"}',
                  b'{"access_token": "t", "expires_at": NaN}', b'{"access_token": "t", "expires_at": 1e999}']
    for plaintext in plaintexts:
        assert open_token(sealer, sealer.seal(plaintext)) is None, plaintext
    assert json.loads(sealer.open(seal_token(sealer, "t", 5)) or b"") == {"access_token": "t", "expires_at": 5.0}


def test_a_shared_token_does_not_show_its_value() -> None:
    token = SharedToken("a-very-secret-access-token", 1700000000.0)
    remember(token)
    for text in (repr(token), str(token), f"{token}", repr([token])):
        assert "a-very-secret-access-token" not in text and "1700000000.0" in text
    assert token.access_token == "a-very-secret-access-token" and token == ("a-very-secret-access-token", 1.7e9)


# --------------------------------------------------------------------------- Configuration.shared_state


def test_none_means_no_shared_state_and_a_shared_state_is_taken_as_is(tmp_path: Path) -> None:
    assert open_shared_state(None) is None
    state = open_shared_state(tmp_path.as_uri())
    assert state is not None and open_shared_state(state) is state


@pytest.mark.parametrize("url", [
    "redis://127.0.0.1:{port}/0", "redis://127.0.0.1:{port}", "rediss://127.0.0.1:{port}/2",
    "unix:///tmp/no-such-redis.sock?db=1", "REDIS://127.0.0.1:{port}/0",
])
def test_redis_urls_make_a_client_without_connecting(url: str) -> None:
    require_modules("redis")
    setting = url.format(port=free_port())
    state = open_shared_state(setting)
    assert isinstance(state, SharedState)
    shown = setting.replace("REDIS://", "redis://")  # schemes are case-insensitive
    assert state.describe() == f"redis at {shown}" and repr(state) == f"SharedState(redis at {shown})"
    assert state.reachable  # nothing was tried yet
    state.close()


def test_redis_urls_get_the_bound_and_no_retries() -> None:
    require_modules("redis")
    state = open_shared_state(f"redis://127.0.0.1:{free_port()}/0", timeout=0.2)
    assert state is not None
    client: Any = state._backend._client  # type: ignore[attr-defined]
    options = client.connection_pool.connection_kwargs
    assert options["socket_timeout"] == 0.2 and options["socket_connect_timeout"] == 0.2
    assert client.get_retry()._retries == 0
    started = time.monotonic()
    assert state.rate_store(LocalRateStore()).reserve("k", 1.0, 0.0, None) == 0.0  # refused: answered locally
    assert time.monotonic() - started < 0.2 and not state.reachable


def test_passwords_in_redis_urls_are_never_shown(caplog: pytest.LogCaptureFixture) -> None:
    require_modules("redis")
    caplog.set_level(logging.WARNING, logger=STATE_LOGGER)
    password, port = quote(CANARY_SECRET, safe=""), free_port()
    state = open_shared_state(f"redis://worker:{password}@127.0.0.1:{port}/3")
    assert state is not None
    assert state.describe() == f"redis at redis://***@127.0.0.1:{port}/3"
    state.rate_store(LocalRateStore()).reserve("k", 1.0, 0.0, None)
    remember(state, state.describe())
    assert "shared state unreachable" in caplog.text
    for text in (repr(state), caplog.text):
        assert password not in text and CANARY_SECRET not in text and "worker" not in text


def test_a_redis_client_is_accepted_as_it_is() -> None:
    require_modules("redis")
    import redis

    port = free_port()
    client = redis.Redis(host="127.0.0.1", port=port, db=4, password=CANARY_SECRET)
    state = open_shared_state(client)
    assert state is not None
    assert state.describe() == f"redis client at 127.0.0.1:{port}/4"
    assert CANARY_SECRET not in repr(state)
    unix_client = redis.Redis(unix_socket_path="/tmp/no-such.sock")
    assert open_shared_state(unix_client).describe() == "redis client at unix:/tmp/no-such.sock db 0"  # type: ignore[union-attr]


def test_file_urls_name_a_directory_made_on_first_use(tmp_path: Path) -> None:
    directory = tmp_path / "with space" / "state"
    state = open_shared_state(directory.as_uri())
    assert state is not None and state.describe() == f"files in {directory}"
    assert not directory.exists()
    state.token_store("client", "secret", HOST).save(SharedToken("token-value", time.time() + 60))
    assert directory.is_dir()
    assert open_shared_state(f"file://localhost{directory}") is not None


@pytest.mark.parametrize("setting", [
    "", "127.0.0.1:6379", "http://127.0.0.1:6379", "memcached://127.0.0.1", "file:relative/dir",
    "file://other-host/dir", "file:///dir?x=1", 42, 1.5, b"redis://127.0.0.1", ["redis://127.0.0.1"], object(),
])
def test_other_settings_are_refused_naming_the_setting(setting: object) -> None:
    with pytest.raises(ApiValueError) as raised:
        open_shared_state(setting)
    message = str(raised.value)
    assert "Configuration.shared_state" in message and "redis://" in message and "file:///" in message


def test_a_refused_url_does_not_show_its_password() -> None:
    require_modules("redis")
    password = quote(CANARY_SECRET, safe="")
    for url in (f"redis://user:{password}@127.0.0.1:not-a-port/0", f"redis://:{password}@127.0.0.1:6379/not-a-db",
                f"ftp://user:{password}@127.0.0.1/"):
        with pytest.raises(ApiValueError) as raised:
            open_shared_state(url)
        message = str(raised.value)
        assert "Configuration.shared_state" in message and "***@127.0.0.1" in message
        assert password not in message and CANARY_SECRET not in message and "user" not in message


@pytest.mark.parametrize("timeout", [0, -1.0, math.nan, math.inf, "0.05", True])
def test_a_bad_timeout_is_refused(timeout: Any, tmp_path: Path) -> None:
    with pytest.raises(ApiValueError, match="timeout"):
        open_shared_state(tmp_path.as_uri(), timeout=timeout)
    with pytest.raises(ApiValueError, match="retry_after"):
        open_shared_state(tmp_path.as_uri(), retry_after=timeout)


def test_without_the_extra_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "redis", None)
    with pytest.raises(ApiValueError) as raised:
        open_shared_state("redis://127.0.0.1:6379/0")
    assert EXTRA_HINT in str(raised.value) and "'redis'" in str(raised.value)
    monkeypatch.setitem(sys.modules, "cryptography", None)
    with pytest.raises(ApiValueError, match="cryptography"):
        open_shared_state(tmp_path.as_uri())


def test_redact_url_blanks_credentials_only() -> None:
    assert redact_url("redis://user:pw@host:1/0") == "redis://***@host:1/0"
    assert redact_url("rediss://:pw@host") == "rediss://***@host"
    assert redact_url("unix:///run/redis.sock?db=1&password=pw") == "unix:///run/redis.sock?db=1&password=***"
    assert redact_url("redis://host:6379/0") == "redis://host:6379/0"
    assert redact_url("Error connecting to redis://a:b@h:1") == "Error connecting to redis://***@h:1"


# --------------------------------------------------------------------------- the resilient layer


class _CountingBackend:
    """The file backend, counting the calls that reach its rate store."""

    def __init__(self, directory: str) -> None:
        self.inner = FileBackend(directory, lock_timeout=0.05)
        self.calls = 0
        self.directory = directory

    def describe(self) -> str:
        return self.inner.describe()

    def rate_store(self, namespace: str) -> Any:
        outer = self

        class Counting(FileRateStore):
            def reserve(self, key: str, interval: float, burst: float, max_wait: Optional[float]) -> Optional[float]:
                outer.calls += 1
                return super().reserve(key, interval, burst, max_wait)

        return Counting(self.directory, namespace=namespace, lock_timeout=0.05)

    def token_store(self, sealer: Sealer) -> Any:
        return self.inner.token_store(sealer)

    def close(self) -> None:
        self.inner.close()


def _records(caplog: pytest.LogCaptureFixture, level: int, text: str) -> List[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno == level and text in r.getMessage()]


def _failing_state(tmp_path: Path) -> Tuple[SharedState, _CountingBackend, Path]:
    blocker = tmp_path / "state"
    blocker.write_text("a file where the directory should be: every call fails")
    backend = _CountingBackend(str(blocker))
    return SharedState(backend, retry_after=0.3), backend, blocker


def test_an_outage_logs_once_and_the_backend_is_tried_once_per_retry_interval(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=STATE_LOGGER)
    state, backend, _ = _failing_state(tmp_path)
    fallback = LocalRateStore()
    rates = state.rate_store(fallback)

    def hammer() -> None:
        for _ in range(200):
            rates.reserve("k", 0.001, 0.0, None)

    threads = [threading.Thread(target=hammer) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert backend.calls <= 8  # the first failure closes the gate; at most the calls already under way
    assert fallback.peek("k", 0.001, 0.0) > 1.5  # 1600 reservations answered by this process
    calls = backend.calls
    time.sleep(0.35)
    for _ in range(50):
        rates.reserve("k", 0.001, 0.0, None)
    assert backend.calls == calls + 1  # one try once the gate opened, which closed it again
    assert len(_records(caplog, logging.WARNING, "shared state unreachable")) == 1


def test_the_return_of_the_backend_is_logged_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=STATE_LOGGER)
    state, backend, blocker = _failing_state(tmp_path)
    rates = state.rate_store(LocalRateStore())
    assert rates.reserve("k", 1.0, 0.0, None) == 0.0
    assert not state.reachable and backend.calls == 1
    blocker.unlink()
    time.sleep(0.35)
    assert rates.reserve("k", 1.0, 0.0, None) == 0.0  # the shared store, empty
    assert rates.reserve("k", 1.0, 0.0, 0.5) is None
    assert state.reachable and backend.calls == 3
    back = _records(caplog, logging.INFO, "shared state is back")
    assert len(back) == 1 and "files in" in back[0].getMessage()
    assert len(_records(caplog, logging.WARNING, "shared state unreachable")) == 1


def test_holds_reach_the_fallback_too(tmp_path: Path) -> None:
    state = open_shared_state(tmp_path.as_uri())
    assert state is not None
    fallback = LocalRateStore()
    rates = state.rate_store(fallback)
    rates.hold_until("k", 3.0, 0.1, 0.0)
    assert 2.9 < fallback.peek("k", 0.1, 0.0) <= 3.0  # still held if the shared store goes away now
    assert 2.9 < (rates.reserve("k", 0.1, 0.0, None) or 0.0) <= 3.0


def test_a_callers_mistake_is_raised_not_taken_for_an_outage(tmp_path: Path) -> None:
    state = open_shared_state(tmp_path.as_uri())
    assert state is not None
    rates = state.rate_store(LocalRateStore())
    with pytest.raises(ApiValueError, match="interval"):
        rates.reserve("k", math.nan, 0.0, None)
    assert state.reachable


def test_tokens_while_unreachable_are_fetched_by_each_process(tmp_path: Path) -> None:
    blocker = tmp_path / "state"
    blocker.write_text("not a directory")
    state = open_shared_state(blocker.as_uri())
    assert state is not None
    tokens = state.token_store(CANARY_CLIENT_ID, CANARY_SECRET, HOST)
    assert tokens.load() is None
    tokens.save(SharedToken("token-value", time.time() + 60))
    first, second = tokens.try_lock(5.0), tokens.try_lock(5.0)
    assert first and second and first != second and first.startswith(LOCAL_OWNER_PREFIX)
    tokens.unlock(first)
    assert tokens.discard("token-value") is True
    assert not state.reachable
