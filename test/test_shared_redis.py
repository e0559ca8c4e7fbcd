"""Shared state on a real redis-server: one GCRA budget across processes, sealed tokens, the refresh lock,
and what happens when the server stops, hangs, restarts or holds garbage."""

from __future__ import annotations

import base64
import logging
import os
import signal
import subprocess
import sys
import time
from typing import Any, Iterator, List

import pytest
from conftest import CANARY_CLIENT_ID, CANARY_SECRET, remember
from redis_server import GarbageServer, RedisServer, check_gcra, redis_server, require_modules, run_workers

from criteo_api_marketingsolutions_v2020_10._rate_store import LocalRateStore
from criteo_api_marketingsolutions_v2020_10._seal import namespace_for
from criteo_api_marketingsolutions_v2020_10._shared_state import (
    DEFAULT_PREFIX,
    LOCAL_OWNER_PREFIX,
    SharedState,
    SharedToken,
    open_shared_state,
)

__all__ = ["redis_server"]  # the fixture, used by name below

require_modules("redis", "cryptography")
import redis  # noqa: E402

HOST = "https://api.criteo.test"
STATE_LOGGER = "criteo_api_marketingsolutions_v2020_10._shared_state"


def _shared(server: RedisServer, **options: Any) -> SharedState:
    state = open_shared_state(server.url, **options)
    assert state is not None
    return state


@pytest.fixture
def client(redis_server: RedisServer) -> Iterator[Any]:
    """A plain redis-py client to look at and tamper with the server."""
    connection = redis.Redis.from_url(redis_server.url)
    yield connection
    connection.close()


def _token(seconds: float = 60.0, value: str = "access-token-0123456789") -> SharedToken:
    return SharedToken(value, time.time() + seconds)


def _unreachable_warnings(caplog: pytest.LogCaptureFixture) -> List[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno == logging.WARNING and "shared state unreachable" in r.getMessage()]


# --------------------------------------------------------------------------- one budget


def test_many_processes_share_one_gcra_budget(redis_server: RedisServer) -> None:
    interval, burst = 0.05, 0.1
    slots = run_workers(redis_server.url, processes=4, count=20, interval=interval, burst=burst)
    assert len(slots) == 80
    check_gcra(slots, interval, burst)


def test_each_reservation_is_one_round_trip(redis_server: RedisServer, client: Any) -> None:
    store = _shared(redis_server).rate_store(LocalRateStore())
    store.reserve("k", 0.001, 0.0, None)  # loads the script once
    store.hold_until("k", 0.0, 0.001, 0.0)

    def calls() -> dict[str, int]:
        stats = client.info("commandstats")
        return {name: int(row["calls"]) for name, row in stats.items() if name != "cmdstat_info"}

    before = calls()
    for _ in range(20):
        store.reserve("k", 0.001, 0.0, None)
    store.hold_until("k", 0.5, 0.001, 0.0)
    after = calls()
    grown = {name: after[name] - before.get(name, 0) for name in after if after[name] != before.get(name, 0)}
    # One EVALSHA a call, and nothing else from the client: TIME, GET and SET run inside the script.
    assert grown.pop("cmdstat_evalsha") == 21
    assert set(grown) <= {"cmdstat_time", "cmdstat_get", "cmdstat_set"}


def test_reserve_follows_gcra_on_the_server_clock(redis_server: RedisServer, client: Any) -> None:
    store = _shared(redis_server).rate_store(LocalRateStore())
    waits = [store.reserve("k", 0.2, 0.4, None) for _ in range(4)]
    assert waits[:3] == [0.0, 0.0, 0.0]
    assert 0.15 < (waits[3] or 0.0) <= 0.2
    assert store.reserve("k", 0.2, 0.4, 0.1) is None  # refused: nothing reserved
    assert 0.3 < (store.reserve("k", 0.2, 0.4, 1.0) or 0.0) <= 0.4
    key = f"{DEFAULT_PREFIX}:rate:k"
    tat_micros, server_now = int(client.get(key)), client.time()
    assert tat_micros - (server_now[0] * 1_000_000 + server_now[1]) > 0.9e6  # five intervals past the start
    assert 0 < client.pttl(key) <= 1000 + 1200  # vanishes soon after it stops mattering


def test_hold_until_delays_every_process(redis_server: RedisServer) -> None:
    first = _shared(redis_server).rate_store(LocalRateStore())
    second = _shared(redis_server).rate_store(LocalRateStore())
    first.hold_until("k", 2.0, 0.1, 0.3)
    wait = second.reserve("k", 0.1, 0.3, None)
    assert wait is not None and 1.9 < wait <= 2.0
    assert second.reserve("k", 0.1, 0.3, 1.0) is None
    first.hold_until("k", 0.5, 0.1, 0.3)  # a shorter hold never pulls the schedule back
    assert 1.9 < second.peek("k", 0.1, 0.3) <= 2.1


def test_two_credentials_on_one_server_do_not_mix(redis_server: RedisServer, client: Any) -> None:
    state = _shared(redis_server)
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
    loaded = tokens_one.load()
    assert loaded is not None and loaded.access_token == "token-of-client-one"
    keys = sorted(key.decode() for key in client.scan_iter())
    assert keys == sorted([
        f"{DEFAULT_PREFIX}:{one}:rate:k", f"{DEFAULT_PREFIX}:{two}:rate:k",
        f"{DEFAULT_PREFIX}:token:{one}", f"{DEFAULT_PREFIX}:token:{one}:lock", f"{DEFAULT_PREFIX}:token:{two}:lock",
    ])


# --------------------------------------------------------------------------- tokens


def test_tokens_are_sealed_at_rest(redis_server: RedisServer, client: Any) -> None:
    state = _shared(redis_server)
    store = state.token_store(CANARY_CLIENT_ID, CANARY_SECRET, HOST)
    token = _token(value="the-access-token-that-must-not-show")
    store.save(token)
    remember(store, state, token)
    keys = list(client.scan_iter())
    assert keys, "nothing was stored"
    for key in keys:
        dumped = key + client.dump(key)
        for secret in (token.access_token, CANARY_CLIENT_ID, CANARY_SECRET):
            assert secret.encode() not in dumped
        assert key.decode() == f"{DEFAULT_PREFIX}:token:{namespace_for(CANARY_CLIENT_ID, HOST)}"
    loaded = store.load()
    assert loaded == token
    assert "the-access-token" not in repr(loaded)


def test_a_store_without_the_secret_reads_nothing(redis_server: RedisServer) -> None:
    state = _shared(redis_server)
    state.token_store("client", "the-real-secret", HOST).save(_token())
    impostor = state.token_store("client", "a-guessed-secret", HOST)  # same namespace, other key
    assert impostor.load() is None
    assert impostor.discard(_token().access_token) is False  # the fingerprint is keyed too
    assert state.token_store("client", "the-real-secret", HOST).load() is not None


def test_tokens_expire_with_their_expiry(redis_server: RedisServer, client: Any) -> None:
    store = _shared(redis_server).token_store("client", "secret", HOST)
    store.save(_token(seconds=0.4))
    key = f"{DEFAULT_PREFIX}:token:{namespace_for('client', HOST)}"
    assert 0 < client.pttl(key) <= 400
    assert store.load() is not None
    time.sleep(0.45)
    assert store.load() is None
    store.save(_token(seconds=-1.0))  # already expired: not stored
    assert client.exists(key) == 0


def test_discard_removes_only_the_stored_token_once(redis_server: RedisServer) -> None:
    state = _shared(redis_server)
    store = state.token_store("client", "secret", HOST)
    store.save(_token(value="current-token"))
    assert store.discard("some-other-token") is False
    assert store.load() is not None
    other_process = state.token_store("client", "secret", HOST)
    assert store.discard("current-token") is True
    assert other_process.discard("current-token") is False
    assert store.load() is None


# --------------------------------------------------------------------------- the refresh lock


def test_refresh_lock_has_one_owner_and_expires(redis_server: RedisServer) -> None:
    state = _shared(redis_server)
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
store = open_shared_state(sys.argv[1], timeout=2.0).token_store("client", "secret", "https://api.criteo.test")
print(store.try_lock(float(sys.argv[2])), flush=True)
time.sleep(60)
"""


def test_a_killed_lock_holder_blocks_only_until_the_ttl(redis_server: RedisServer) -> None:
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, redis_server.url, "0.8"], stdout=subprocess.PIPE, text=True)
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
    store = _shared(redis_server).token_store("client", "secret", HOST)
    assert store.try_lock(1.0) is None
    time.sleep(max(0.0, acquired_at + 0.85 - time.monotonic()))
    assert store.try_lock(1.0) is not None


# --------------------------------------------------------------------------- faults


def test_a_stopped_server_falls_back_at_once_with_one_warning(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=STATE_LOGGER)
    state = _shared(redis_server)
    fallback = LocalRateStore()
    rates = state.rate_store(fallback)
    assert rates.reserve("k", 5.0, 0.0, None) == 0.0
    redis_server.stop()
    durations = []
    for _ in range(3):
        started = time.monotonic()
        rates.reserve("k", 5.0, 0.0, None)
        durations.append(time.monotonic() - started)
    assert max(durations) < 0.2
    assert 14.0 < fallback.peek("k", 5.0, 0.0) <= 15.0  # the three calls went to this process's own store
    assert not state.reachable
    warnings = _unreachable_warnings(caplog)
    assert len(warnings) == 1
    assert f"127.0.0.1:{redis_server.port}" in warnings[0].getMessage()
    assert "ConnectionError" in warnings[0].getMessage()


def test_with_the_server_stopped_each_process_fetches_its_own_token(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=STATE_LOGGER)
    state = _shared(redis_server)
    tokens = state.token_store(CANARY_CLIENT_ID, CANARY_SECRET, HOST)
    tokens.save(_token())
    redis_server.stop()
    assert tokens.load() is None
    tokens.save(_token())
    owner = tokens.try_lock(5.0)
    assert owner is not None and owner.startswith(LOCAL_OWNER_PREFIX)
    tokens.unlock(owner)
    assert tokens.discard("whatever") is True
    assert len(_unreachable_warnings(caplog)) == 1
    assert CANARY_SECRET not in caplog.text and CANARY_CLIENT_ID not in caplog.text


def test_a_hung_server_costs_one_timeout_then_the_gate_skips_it(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=STATE_LOGGER)
    state = _shared(redis_server)
    rates = state.rate_store(LocalRateStore())
    assert rates.reserve("k", 5.0, 0.0, None) == 0.0
    redis_server.pause(5.0)
    started = time.monotonic()
    assert rates.reserve("k", 5.0, 0.0, None) == 0.0  # the fallback, cold
    first = time.monotonic() - started
    assert 0.04 <= first < 0.3
    started = time.monotonic()
    for _ in range(20):
        rates.reserve("other", 0.001, 0.0, None)
    assert time.monotonic() - started < 0.05  # the gate: nobody waits for the hung server again
    assert len(_unreachable_warnings(caplog)) == 1
    redis_server.resume()
    time.sleep(1.05)
    # Shared again: the server remembers the first reservation (and maybe the one that timed out, which it
    # may still have run when it woke up: a lost reply can only make the budget stricter).
    wait = rates.reserve("k", 5.0, 0.0, None)
    assert wait is not None and 4.0 < wait <= 10.0
    assert state.reachable
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.INFO and "is back" in r.getMessage()]


def test_after_a_restart_sharing_resumes_from_empty_state(
    redis_server: RedisServer, client: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=STATE_LOGGER)
    state = _shared(redis_server, retry_after=0.2)
    rates, tokens = state.rate_store(LocalRateStore()), state.token_store("client", "secret", HOST)
    assert rates.reserve("k", 10.0, 0.0, None) == 0.0
    tokens.save(_token())
    redis_server.stop()
    assert rates.reserve("k", 10.0, 0.0, None) == 0.0  # fallback
    redis_server.start()
    time.sleep(0.25)
    assert rates.reserve("k", 10.0, 0.0, None) == 0.0  # the server lost the budget: cold
    assert rates.reserve("k", 10.0, 0.0, 1.0) is None  # and keeps the new one
    assert tokens.load() is None
    assert tokens.try_lock(5.0) is not None
    assert state.reachable and len(_unreachable_warnings(caplog)) == 1
    assert client.exists(f"{DEFAULT_PREFIX}:rate:k") == 1


def test_garbage_in_the_rate_key_counts_as_no_state(redis_server: RedisServer, client: Any) -> None:
    state = _shared(redis_server)
    rates = state.rate_store(LocalRateStore())
    key = f"{DEFAULT_PREFIX}:rate:k"
    for plant in (lambda: client.set(key, "not-a-number"), lambda: client.set(key, "1e300"),
                  lambda: client.set(key, "-5"), lambda: client.rpush(key, "a-list")):
        client.delete(key)
        plant()
        assert rates.reserve("k", 10.0, 0.0, None) == 0.0
        assert client.type(key) == b"string" and int(client.get(key)) > 0
    rates.hold_until("k", 1.0, 0.1, 0.0)
    client.set(key, "garbage")
    rates.hold_until("k", 1.0, 0.1, 0.0)
    assert int(client.get(key)) > 0
    assert state.reachable


def test_garbage_in_the_token_key_counts_as_no_token(redis_server: RedisServer, client: Any) -> None:
    state = _shared(redis_server)
    tokens = state.token_store("client", "secret", HOST)
    key = f"{DEFAULT_PREFIX}:token:{namespace_for('client', HOST)}"
    sealed_garbage = base64.b64encode(bytes([1]) + os.urandom(60))
    for plant in (lambda: client.set(key, "a-string"), lambda: client.hset(key, "sealed", "!!not base64!!"),
                  lambda: client.hset(key, "sealed", sealed_garbage), lambda: client.rpush(key, "x")):
        client.delete(key)
        plant()
        assert tokens.load() is None
        assert tokens.discard("access-token-0123456789") is False
    tokens.save(_token())  # replaces whatever was there
    loaded = tokens.load()
    assert loaded is not None and loaded.access_token == _token().access_token
    assert state.reachable


def test_a_server_that_answers_garbage_is_an_outage(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=STATE_LOGGER)
    server = GarbageServer()
    try:
        state = open_shared_state(f"redis://127.0.0.1:{server.port}/0")
        assert state is not None
        fallback = LocalRateStore()
        rates, tokens = state.rate_store(fallback), state.token_store("client", "secret", HOST)
        assert rates.reserve("k", 5.0, 0.0, None) == 0.0
        assert fallback.peek("k", 5.0, 0.0) > 4.0
        assert not state.reachable
        warnings = _unreachable_warnings(caplog)
        assert len(warnings) == 1 and "SharedStateError" in warnings[0].getMessage()
        assert tokens.load() is None  # the gate: not even asked until a second has passed
    finally:
        server.close()


def test_a_client_passed_in_is_used_as_is_and_left_open(redis_server: RedisServer, client: Any) -> None:
    state = open_shared_state(client)
    assert state is not None
    assert state.describe() == f"redis client at 127.0.0.1:{redis_server.port}/0"
    assert state.rate_store(LocalRateStore()).reserve("k", 1.0, 0.0, None) == 0.0
    state.close()
    assert client.ping() is True
    decoding = redis.Redis.from_url(redis_server.url, decode_responses=True)
    tokens = open_shared_state(decoding).token_store("client", "secret", HOST)  # type: ignore[union-attr]
    tokens.save(_token())
    assert tokens.load() == _shared(redis_server).token_store("client", "secret", HOST).load()
    owner = tokens.try_lock(1.0)
    assert owner is not None and not owner.startswith(LOCAL_OWNER_PREFIX)
    decoding.close()
