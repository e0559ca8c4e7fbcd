"""Many worker processes, one application: one token and one rate budget, through Redis or files.

Real OS processes (``test/shared_worker.py``) against one sandbox and, for Redis, a real
``redis-server`` (skipped with a reason when it is not installed, except under CI).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Dict, List

import pytest
from redis_server import RedisServer, redis_server, require_modules

from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Sandbox

__all__ = ["redis_server"]  # the fixture, used by name below

# Real processes, a minute in all: the run at the lowest dependency versions leaves them out.
pytestmark = pytest.mark.slow

WORKER = Path(__file__).resolve().parent / "shared_worker.py"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(params=["redis", "file"])
def shared_state(request, tmp_path) -> str:
    """Each backend in turn: a real Redis server, then a folder of files."""
    if request.param == "file":
        return (tmp_path / "shared").as_uri()
    require_modules("redis", "cryptography")
    return request.getfixturevalue("redis_server").url


def run_workers(sandbox: Sandbox, count: int, **spec: Any) -> List[Dict[str, Any]]:
    """Start ``count`` workers together, wait for them, and return what each printed."""
    spec = {"host": sandbox.url, "client_id": DEMO_CLIENT_ID, "client_secret": DEMO_CLIENT_SECRET,
            "start_at": time.time() + 1.5, **spec}
    workers = [
        subprocess.Popen([sys.executable, str(WORKER), json.dumps(spec)], cwd=ROOT, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(count)
    ]
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err[-2000:]
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def test_processes_starting_cold_make_exactly_one_token_request(sandbox, shared_state) -> None:
    results = run_workers(sandbox, 6, shared_state=shared_state, calls=3)
    assert sum(r["ok"] for r in results) == 18 and all(not r["failures"] for r in results)
    assert sandbox.token_requests == 1


def test_without_shared_state_each_process_fetches_its_own_token(sandbox) -> None:
    results = run_workers(sandbox, 3, shared_state=None, calls=2)
    assert sum(r["ok"] for r in results) == 6
    assert sandbox.token_requests == 3  # the control: what sharing saves


def test_a_revoked_token_is_refreshed_once_for_everyone(sandbox, shared_state) -> None:
    run_workers(sandbox, 1, shared_state=shared_state, calls=1)  # a token is stored
    sandbox.revoke_all_tokens()
    sandbox.reset_counters()
    results = run_workers(sandbox, 5, shared_state=shared_state, calls=2)
    assert sum(r["ok"] for r in results) == 10 and all(not r["failures"] for r in results)
    # Each process loads the stored token, gets a 401, and the first to see it removes it for all.
    assert sandbox.token_requests == 1
    assert sandbox.unauthorized_responses >= 1


def test_one_budget_for_all_processes_never_overruns_the_server(sandbox, shared_state) -> None:
    sandbox.set_rate_limit(20, 4.0)
    limits = {"default": [20, 4.0]}
    results = run_workers(sandbox, 4, shared_state=shared_state, rate_limits=limits, calls=8)
    assert sum(r["ok"] for r in results) == 32, results
    assert sum(sandbox.rate_limited_by_client().values()) == 0  # no 429 at all
    assert sum(r["stats"]["rate_waits"] for r in results) > 0  # the governor made calls wait


def test_ungoverned_processes_overrun_the_server(sandbox) -> None:
    # The control of the test above: the same calls, without the governor, run into the limit.
    sandbox.set_rate_limit(20, 4.0)
    run_workers(sandbox, 4, shared_state=None, rate_limits=None, calls=8, deadline=15.0)
    assert sum(sandbox.rate_limited_by_client().values()) > 0


def test_two_credentials_on_one_store_do_not_mix(sandbox, shared_state) -> None:
    sandbox.register_client("second-app", "second-secret")
    first = run_workers(sandbox, 2, shared_state=shared_state, calls=2)
    second = run_workers(sandbox, 2, shared_state=shared_state, calls=2, client_id="second-app",
                         client_secret="second-secret")
    assert sum(r["ok"] for r in first + second) == 8
    assert sandbox.token_requests_by_client() == {DEMO_CLIENT_ID: 1, "second-app": 1}


def test_calls_go_on_when_redis_dies_and_share_again_when_it_is_back(sandbox, redis_server: RedisServer) -> None:
    require_modules("redis", "cryptography")
    run_workers(sandbox, 2, shared_state=redis_server.url, calls=1)
    assert sandbox.token_requests == 1
    redis_server.stop()
    started = time.monotonic()
    down = run_workers(sandbox, 3, shared_state=redis_server.url, calls=3)
    assert sum(r["ok"] for r in down) == 9 and all(not r["failures"] for r in down)
    assert time.monotonic() - started < 30
    assert sandbox.token_requests == 1 + 3  # each process on its own while Redis is away
    redis_server.start()  # back, empty
    sandbox.reset_counters()
    run_workers(sandbox, 3, shared_state=redis_server.url, calls=2)
    assert sandbox.token_requests == 1  # shared again


def test_the_store_holds_no_token_id_or_secret_in_clear(sandbox, redis_server: RedisServer) -> None:
    require_modules("redis", "cryptography")
    import redis

    run_workers(sandbox, 2, shared_state=redis_server.url, rate_limits={"default": [100, 60.0]}, calls=2)
    client = redis.Redis.from_url(redis_server.url)
    tokens = [r.headers["Authorization"].split(" ", 1)[1] for r in sandbox.requests if "Authorization" in r.headers]
    assert tokens
    dump = b""
    for key in client.scan_iter("*"):
        dump += key + b"\n"
        kind = client.type(key)
        if kind == b"string":
            dump += client.get(key) or b""
        elif kind == b"hash":
            dump += b"".join(k + v for k, v in client.hgetall(key).items())
    assert dump  # something was stored
    for secret in {*tokens, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET}:
        assert secret.encode() not in dump


def test_a_refresh_near_expiry_is_one_token_request_for_all_processes(sandbox, shared_state) -> None:
    sandbox.token_lifetime = 4  # refreshed every 2 s (half the lifetime at most is the margin)
    results = run_workers(sandbox, 4, shared_state=shared_state, calls=12, pause=0.4)
    assert sum(r["ok"] for r in results) == 48 and all(not r["failures"] for r in results)
    # About 5 s of calls: one token, then a refresh every 2 s, for all four processes together.
    # Four processes refreshing on their own would have made at least 8.
    assert 2 <= sandbox.token_requests <= 4


def test_jumped_wall_clocks_cost_at_most_a_token_never_a_call(sandbox, redis_server: RedisServer) -> None:
    require_modules("redis", "cryptography")
    from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration
    from criteo_api_marketingsolutions_v2020_10.api.advertiser_api import AdvertiserApi

    def client(offset: float) -> ApiClient:
        configuration = Configuration(host=sandbox.url, client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET)
        configuration.shared_state = redis_server.url
        return ApiClient(configuration, wall_clock=lambda: time.time() + offset)

    with client(0) as steady, client(3600) as ahead, client(-3600) as behind:
        assert AdvertiserApi(steady).api_portfolio_get().data
        assert sandbox.token_requests == 1
        # Behind: the stored token looks valid for longer than it is; it is used, and still valid.
        assert AdvertiserApi(behind).api_portfolio_get().data
        assert sandbox.token_requests == 1
        # Ahead: the stored token looks expired, so this process fetches (and shares) a new one.
        assert AdvertiserApi(ahead).api_portfolio_get().data
        assert sandbox.token_requests == 2
        sandbox.revoke_all_tokens()
        # A token that is refused is refreshed once, whatever the clock says.
        assert AdvertiserApi(behind).api_portfolio_get().data
        assert AdvertiserApi(steady).api_portfolio_get().data
        assert sandbox.token_requests <= 4
