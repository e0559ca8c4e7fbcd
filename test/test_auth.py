"""Managed tokens: one cache per client, single flight, refresh before expiry,
one retry on 401 — with the figures the design promises, counted at the sandbox."""

from __future__ import annotations

import threading
import time

import pytest

from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration, exceptions
from criteo_api_marketingsolutions_v2020_10._auth import CachedToken, TokenManager, refresh_delay
from criteo_api_marketingsolutions_v2020_10._constants import TOKEN_MIN_REUSE_SECONDS, TOKEN_REFRESH_MARGIN
from criteo_api_marketingsolutions_v2020_10.api.advertiser_api import AdvertiserApi
from criteo_api_marketingsolutions_v2020_10.model.jwt_model import JwtModel
from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Fault

PORTFOLIO = "/2021-04/advertisers/me"
TOKEN_PATH = "/oauth2/token"


def run_threads(count: int, target) -> list:
    """Run ``target()`` in ``count`` threads released together; return results or exceptions."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def worker(index: int) -> None:
        barrier.wait()
        try:
            results[index] = target()
        except Exception as error:
            results[index] = error

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


# ---------------------------------------------------------------- the refresh schedule


@pytest.mark.parametrize(
    ("expires_in", "margin", "expected"),
    [
        (900, 60, 840),          # Criteo's lifetime: the full margin applies
        (2, 60, 1.0),            # short token: margin shrinks to half the lifetime
        (10, 1, 9),
        (0, 60, TOKEN_MIN_REUSE_SECONDS),
        (-30, 60, TOKEN_MIN_REUSE_SECONDS),
        (1, 60, TOKEN_MIN_REUSE_SECONDS),
        ("900", 60, TOKEN_MIN_REUSE_SECONDS),
        (None, 60, TOKEN_MIN_REUSE_SECONDS),
        (True, 60, TOKEN_MIN_REUSE_SECONDS),
    ],
)
def test_refresh_delay_is_clamped(expires_in, margin, expected) -> None:
    assert refresh_delay(expires_in, margin) == pytest.approx(expected)


def test_cached_token_repr_hides_the_token() -> None:
    assert "abc" not in repr(CachedToken("Bearer abc", 1.0))


class CountingLock:
    """A lock that counts how often it was taken."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.acquisitions = 0

    def __enter__(self):
        self.acquisitions += 1
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)


def test_a_warm_token_is_read_without_taking_the_lock(clock) -> None:
    manager = TokenManager(lambda deadline: JwtModel(access_token="t", expires_in=900), clock, TOKEN_REFRESH_MARGIN)
    manager.current()
    manager._lock = CountingLock()
    for _ in range(100):
        assert manager.current().header == "Bearer t"
    assert manager._lock.acquisitions == 0


def test_single_flight_and_shared_failure_then_recovery(clock) -> None:
    gate = threading.Event()
    calls = []
    outcome = {"fail": True}

    def fetch(deadline):
        calls.append(1)
        gate.wait(5)
        if outcome["fail"]:
            raise exceptions.ServiceException(503, "Service Unavailable")
        return JwtModel(access_token="fresh", expires_in=900)

    manager = TokenManager(fetch, clock, TOKEN_REFRESH_MARGIN)
    threading.Timer(0.3, gate.set).start()
    results = run_threads(16, manager.current)
    assert len(calls) == 1
    assert all(isinstance(r, exceptions.TokenRefreshError) for r in results)
    assert len({id(r) for r in results}) == 1, "every waiter gets the same error"
    assert results[0].status == 503
    outcome["fail"] = False
    assert manager.current().header == "Bearer fresh"
    assert len(calls) == 2 and not manager._lock.locked()


def test_invalidate_only_drops_the_token_that_failed(clock) -> None:
    tokens = iter(["one", "two", "three"])
    manager = TokenManager(lambda deadline: JwtModel(access_token=next(tokens), expires_in=900), clock, 60)
    first = manager.current()
    manager.invalidate(first)
    second = manager.current()
    assert second.header == "Bearer two"
    manager.invalidate(first)  # a late 401 on the old token changes nothing
    assert manager.current() is second


def test_refresh_happens_a_margin_before_expiry_on_the_monotonic_clock(clock) -> None:
    tokens = iter(["one", "two"])
    manager = TokenManager(lambda deadline: JwtModel(access_token=next(tokens), expires_in=900), clock, 60)
    assert manager.current().header == "Bearer one"
    clock.advance(839)
    assert manager.current().header == "Bearer one"
    clock.advance(1.5)
    assert manager.current().header == "Bearer two"


# ---------------------------------------------------------------- end to end on the sandbox


def test_64_threads_on_a_cold_client_cause_exactly_one_token_request(managed_client, sandbox) -> None:
    api = AdvertiserApi(managed_client)
    results = run_threads(64, api.api_portfolio_get)
    assert [r for r in results if isinstance(r, Exception)] == []
    assert len(results) == 64
    assert sandbox.token_requests == 1
    assert sandbox.api_requests == 64


def test_16_threads_x_300_calls_with_2_second_tokens(managed_client, sandbox) -> None:
    sandbox.token_lifetime = 2
    api = AdvertiserApi(managed_client)
    failures = []

    def many_calls():
        for _ in range(300):
            try:
                api.api_portfolio_get()
            except Exception as error:  # pragma: no cover - asserted empty below
                failures.append(error)

    started = time.monotonic()
    run_threads(16, many_calls)
    elapsed = time.monotonic() - started
    margin = min(TOKEN_REFRESH_MARGIN, 2 * 0.5)
    bound = 1 + int(elapsed // (2 - margin))
    assert failures == []
    assert sandbox.unauthorized_responses == 0, "no caller may see a 401"
    assert sandbox.api_requests == 16 * 300
    assert 1 <= sandbox.token_requests <= bound


def test_one_refresh_per_revocation_burst_and_at_most_two_attempts(managed_client, sandbox) -> None:
    api = AdvertiserApi(managed_client)
    api.api_portfolio_get()
    for burst in range(3):
        sandbox.revoke_all_tokens()
        before = sandbox.api_requests
        results = run_threads(24, api.api_portfolio_get)
        assert [r for r in results if isinstance(r, Exception)] == []
        assert sandbox.token_requests == 2 + burst
        assert sandbox.api_requests - before <= 2 * 24
    assert managed_client.stats["unauthorized_retries"] <= 3 * 24


def test_persistent_401_gives_two_attempts_and_one_unauthorized_exception(managed_client, sandbox) -> None:
    api = AdvertiserApi(managed_client)
    sandbox.script(PORTFOLIO, [Fault(status=401, count=2)])
    with pytest.raises(exceptions.UnauthorizedException) as excinfo:
        api.api_portfolio_get()
    assert excinfo.value.status == 401
    assert sandbox.api_requests == 2
    assert sandbox.token_requests == 2


def test_403_is_not_a_token_problem(managed_client, sandbox) -> None:
    sandbox.script(PORTFOLIO, [Fault(status=403)])
    with pytest.raises(exceptions.ForbiddenException):
        AdvertiserApi(managed_client).api_portfolio_get()
    assert sandbox.api_requests == 1 and sandbox.token_requests == 1


def test_token_endpoint_outage_with_32_waiting_callers(sandbox, managed_configuration) -> None:
    sandbox.script(TOKEN_PATH, [Fault(status=503, delay=0.2, count=50)])
    with ApiClient(managed_configuration, sleep=lambda s: None) as client:
        api = AdvertiserApi(client)
        results = run_threads(32, api.api_portfolio_get)
        assert all(isinstance(r, exceptions.TokenRefreshError) for r in results), results
        assert all(r.status == 503 for r in results)
        budget = 1 + 4  # the first attempt and DEFAULT_MAX_RETRIES retries
        assert sandbox.token_requests <= budget
        assert sandbox.api_requests == 0
        sandbox.clear_script()
        portfolio = api.api_portfolio_get()  # the server recovered: the next call succeeds
        assert len(portfolio.data) == len(sandbox.world.advertiser_ids)


def test_refused_credentials_surface_the_oauth2_error(sandbox) -> None:
    configuration = Configuration(host=sandbox.url, client_id=DEMO_CLIENT_ID, client_secret="wrong-secret")
    with ApiClient(configuration) as client, pytest.raises(exceptions.TokenRefreshError) as excinfo:
        AdvertiserApi(client).api_portfolio_get()
    assert excinfo.value.status == 400
    assert excinfo.value.data.error == "invalid_client"
    assert isinstance(excinfo.value.__cause__, exceptions.BadRequestException)
    assert "wrong-secret" not in str(excinfo.value)


def test_explicit_access_token_is_used_and_never_overwritten(sandbox) -> None:
    token = sandbox.issue_token()
    configuration = Configuration(host=sandbox.url, access_token=token)
    with ApiClient(configuration) as client:
        AdvertiserApi(client).api_portfolio_get()
        assert client.token_manager is None
    assert configuration.access_token == token
    assert sandbox.token_requests == 0
    (request,) = [r for r in sandbox.requests if r.path == PORTFOLIO]
    assert request.headers["Authorization"] == f"Bearer {token}"


def test_username_and_password_work_as_client_credentials(sandbox) -> None:
    configuration = Configuration(host=sandbox.url, username=DEMO_CLIENT_ID, password=DEMO_CLIENT_SECRET)
    with ApiClient(configuration) as client:
        AdvertiserApi(client).api_portfolio_get()
    assert sandbox.token_requests == 1


def test_from_env_gives_a_managed_client(sandbox, monkeypatch) -> None:
    monkeypatch.setenv("CRITEO_CLIENT_ID", DEMO_CLIENT_ID)
    monkeypatch.setenv("CRITEO_CLIENT_SECRET", DEMO_CLIENT_SECRET)
    monkeypatch.setenv("CRITEO_API_HOST", sandbox.url)
    with ApiClient(Configuration.from_env()) as client:
        AdvertiserApi(client).api_portfolio_get()
    assert sandbox.token_requests == 1


def test_a_wall_clock_jump_changes_nothing(sandbox, managed_configuration, clock) -> None:
    wall = {"now": time.time()}
    with ApiClient(managed_configuration, clock=clock, wall_clock=lambda: wall["now"]) as client:
        api = AdvertiserApi(client)
        api.api_portfolio_get()
        wall["now"] += 3600
        api.api_portfolio_get()
        wall["now"] -= 7200
        api.api_portfolio_get()
        assert sandbox.token_requests == 1
        clock.advance(900)  # only the monotonic clock decides
        api.api_portfolio_get()
        assert sandbox.token_requests == 2
