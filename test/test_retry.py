"""Transient faults: backoff with jitter, Retry-After and x-ratelimit-reset, what is
never retried, and the call deadline. Sleeps and clocks are injected: nothing waits."""

from __future__ import annotations

import time

import pytest
import urllib3

from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration, exceptions
from criteo_api_marketingsolutions_v2020_10._constants import DEFAULT_BACKOFF_MAX, DEFAULT_MAX_RETRIES
from criteo_api_marketingsolutions_v2020_10._retry import DEFAULT_RETRY, policy_from, server_requested_delay
from criteo_api_marketingsolutions_v2020_10.api.advertiser_api import AdvertiserApi
from criteo_api_marketingsolutions_v2020_10.api.campaign_api import CampaignApi
from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi
from criteo_api_marketingsolutions_v2020_10.api_client import Endpoint
from criteo_api_marketingsolutions_v2020_10.rest import Transport
from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Fault

PORTFOLIO = "/2021-04/advertisers/me"
SEARCH = "/2021-04/marketing-solutions/ad-sets/search"
PATCH = "/2021-04/marketing-solutions/ad-sets"
TOKEN_PATH = "/oauth2/token"


@pytest.fixture
def client(sandbox, clock):
    configuration = Configuration(host=sandbox.url, access_token=sandbox.issue_token())
    with ApiClient(configuration, clock=clock, sleep=clock.sleep, wall_clock=lambda: 1_700_000_000.0) as api_client:
        yield api_client


def attempts(sandbox, path: str) -> int:
    return sum(1 for r in sandbox.requests if r.path == path)


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_transient_statuses_are_retried_for_get(client, sandbox, clock, status) -> None:
    sandbox.script(PORTFOLIO, [Fault(status=status, count=2)])
    AdvertiserApi(client).api_portfolio_get()
    assert attempts(sandbox, PORTFOLIO) == 3
    assert len(clock.sleeps) == 2


def test_backoff_grows_exponentially_with_bounded_jitter(client, sandbox, clock) -> None:
    sandbox.script(PORTFOLIO, [Fault(status=503, count=10)])
    with pytest.raises(exceptions.ServiceException) as excinfo:
        AdvertiserApi(client).api_portfolio_get()
    assert excinfo.value.status == 503
    assert attempts(sandbox, PORTFOLIO) == 1 + DEFAULT_MAX_RETRIES
    assert len(clock.sleeps) == DEFAULT_MAX_RETRIES
    # urllib3 skips the delay before the first retry only when backoff is 0;
    # each delay lies within [base, base + jitter] and the bases double.
    for earlier, later in zip(clock.sleeps, clock.sleeps[1:]):
        assert later > earlier * 1.2
    assert all(s <= DEFAULT_BACKOFF_MAX for s in clock.sleeps)


def test_retry_after_seconds_is_honoured_to_the_letter(client, sandbox, clock) -> None:
    sandbox.script(PORTFOLIO, [Fault(status=429, headers={"Retry-After": "2"})])
    AdvertiserApi(client).api_portfolio_get()
    assert clock.sleeps == [2.0]
    first, second = [r for r in sandbox.requests if r.path == PORTFOLIO]
    assert second is not first


def test_retry_after_is_capped(client, sandbox, clock) -> None:
    sandbox.script(PORTFOLIO, [Fault(status=429, headers={"Retry-After": "9999999999"})])
    AdvertiserApi(client).api_portfolio_get()
    assert clock.sleeps == [DEFAULT_BACKOFF_MAX]


def test_retry_after_http_date_and_x_ratelimit_reset(client, sandbox, clock) -> None:
    now = 1_700_000_000.0
    http_date = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(now + 5))
    sandbox.script(
        PORTFOLIO,
        [
            Fault(status=503, headers={"Retry-After": http_date}),
            Fault(status=429, headers={"x-ratelimit-reset": str(int(now + 7)), "x-ratelimit-remaining": "0"}),
        ],
    )
    AdvertiserApi(client).api_portfolio_get()
    assert clock.sleeps == [pytest.approx(5.0), pytest.approx(7.0)]


@pytest.mark.parametrize("garbage", ["soon", "-5", "", "1e999", "Tue, 99 Foo 2024"])
def test_garbage_wait_headers_fall_back_to_backoff(client, sandbox, clock, garbage) -> None:
    sandbox.script(PORTFOLIO, [Fault(status=429, headers={"Retry-After": garbage, "x-ratelimit-reset": garbage})])
    AdvertiserApi(client).api_portfolio_get()
    (delay,) = clock.sleeps
    assert 0 <= delay <= 1.0


def test_server_requested_delay_unit() -> None:
    wall = lambda: 1000.0  # noqa: E731
    assert server_requested_delay({"Retry-After": "3"}, DEFAULT_RETRY, wall) == 3.0
    assert server_requested_delay({"x-ratelimit-reset": "1010"}, DEFAULT_RETRY, wall) == 10.0
    assert server_requested_delay({"x-ratelimit-reset": "900"}, DEFAULT_RETRY, wall) is None  # in the past
    assert server_requested_delay({"x-ratelimit-reset": "nan"}, DEFAULT_RETRY, wall) is None
    assert server_requested_delay({}, DEFAULT_RETRY, wall) is None
    ignoring = DEFAULT_RETRY.new(respect_retry_after_header=False)
    assert server_requested_delay({"Retry-After": "3"}, ignoring, wall) is None


def test_rate_limit_exhaustion_reports_retry_after(client, sandbox) -> None:
    sandbox.script(PORTFOLIO, [Fault(status=429, headers={"Retry-After": "1"}, count=20)])
    with pytest.raises(exceptions.TooManyRequestsException) as excinfo:
        AdvertiserApi(client).api_portfolio_get()
    assert excinfo.value.retry_after == 1.0


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 500])
def test_other_errors_are_never_retried(client, sandbox, clock, status) -> None:
    sandbox.script(PORTFOLIO, [Fault(status=status)])
    with pytest.raises(exceptions.ApiException) as excinfo:
        AdvertiserApi(client).api_portfolio_get()
    assert excinfo.value.status == status
    assert attempts(sandbox, PORTFOLIO) == 1 and clock.sleeps == []


def test_post_is_not_retried_on_503(client, sandbox, clock) -> None:
    sandbox.script(SEARCH, [Fault(status=503)])
    with pytest.raises(exceptions.ServiceException):
        CampaignApi(client).search_ad_sets()
    assert attempts(sandbox, SEARCH) == 1


@pytest.mark.parametrize(("path", "call"), [
    (SEARCH, lambda api: api.search_ad_sets()),
    (PATCH, lambda api: api.patch_ad_sets()),
])
def test_post_and_patch_after_a_connection_reset_reach_the_server_once(client, sandbox, path, call) -> None:
    sandbox.script(path, [Fault(reset=True)])
    with pytest.raises(exceptions.ApiConnectionError) as excinfo:
        call(CampaignApi(client))
    assert excinfo.value.request_sent is True
    assert attempts(sandbox, path) == 1


def test_get_after_a_connection_reset_is_retried(client, sandbox, clock) -> None:
    sandbox.script(PORTFOLIO, [Fault(reset=True)])
    AdvertiserApi(client).api_portfolio_get()
    assert attempts(sandbox, PORTFOLIO) == 2 and len(clock.sleeps) == 1


def test_the_token_request_is_retried_on_transient_statuses(sandbox, clock) -> None:
    sandbox.script(TOKEN_PATH, [Fault(status=503), Fault(status=429, headers={"Retry-After": "1"})])
    with ApiClient(Configuration(host=sandbox.url), clock=clock, sleep=clock.sleep) as api_client:
        OAuthApi(api_client).create_token(client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET)
    assert sandbox.token_requests == 3


def test_refused_connections_are_retried_for_any_method(clock) -> None:
    with ApiClient(Configuration(host="http://127.0.0.1:9"), clock=clock, sleep=clock.sleep) as api_client:
        with pytest.raises(exceptions.ApiConnectionError) as excinfo:
            OAuthApi(api_client).create_token(client_id="a", client_secret="b")
        assert excinfo.value.request_sent is False
        assert api_client.stats["requests"] == 1 + DEFAULT_MAX_RETRIES


def test_configuration_retries_accepts_a_urllib3_retry_or_an_int(sandbox, clock) -> None:
    configuration = Configuration(host=sandbox.url, access_token=sandbox.issue_token())
    configuration.retries = urllib3.Retry(total=1, status_forcelist=[500], backoff_factor=0, raise_on_status=False)
    sandbox.script(PORTFOLIO, [Fault(status=500, count=5)])
    with ApiClient(configuration, clock=clock, sleep=clock.sleep) as api_client:
        with pytest.raises(exceptions.ServiceException):
            AdvertiserApi(api_client).api_portfolio_get()
    assert attempts(sandbox, PORTFOLIO) == 2
    assert policy_from(0).total == 0 and policy_from(2).total == 2 and policy_from(None) is DEFAULT_RETRY
    with pytest.raises(ValueError):
        policy_from(-1)


class TlsFailingTransport(Transport):
    """Fails every request as a certificate problem would."""

    def __init__(self) -> None:
        self.calls = 0

    def request(self, *args, **kwargs):
        self.calls += 1
        error = exceptions.ApiConnectionError(reason="TLS failure: certificate verify failed")
        error.request_sent = False
        error.tls_failure = True
        raise error


def test_tls_failures_are_never_retried(clock) -> None:
    transport = TlsFailingTransport()
    with ApiClient(Configuration(), transport=transport, clock=clock, sleep=clock.sleep) as api_client:
        with pytest.raises(exceptions.ApiConnectionError, match="TLS"):
            OAuthApi(api_client).create_token(client_id="a", client_secret="b")
    assert transport.calls == 1 and clock.sleeps == []


# ---------------------------------------------------------------- deadlines (real time, short)


def _deadline_client(sandbox, deadline: float) -> ApiClient:
    configuration = Configuration(host=sandbox.url, access_token=sandbox.issue_token())
    configuration.call_deadline = deadline
    return ApiClient(configuration)


def test_a_server_that_never_answers_fails_within_the_deadline(sandbox) -> None:
    sandbox.script(PORTFOLIO, [Fault(delay=5.0, count=5)])
    with _deadline_client(sandbox, 0.6) as api_client:
        started = time.monotonic()
        with pytest.raises(exceptions.ApiTimeoutError):
            AdvertiserApi(api_client).api_portfolio_get()
        assert time.monotonic() - started < 2.0


def test_a_stalled_body_fails_within_the_deadline(sandbox) -> None:
    sandbox.script(PORTFOLIO, [Fault(stall=True, count=5)])
    with _deadline_client(sandbox, 0.6) as api_client:
        started = time.monotonic()
        with pytest.raises(exceptions.ApiTimeoutError):
            AdvertiserApi(api_client).api_portfolio_get()
        assert time.monotonic() - started < 2.0


def test_a_trickling_body_fails_within_the_deadline(sandbox) -> None:
    sandbox.script(PORTFOLIO, [Fault(status=200, body=b"{" + b" " * 200 + b"}", trickle=0.05, count=5)])
    with _deadline_client(sandbox, 0.6) as api_client:
        started = time.monotonic()
        with pytest.raises(exceptions.ApiTimeoutError):
            AdvertiserApi(api_client).api_portfolio_get()
        assert time.monotonic() - started < 2.0


def test_endpoint_for_retry_tests_is_idempotent() -> None:
    endpoint = AdvertiserApi.__dict__["api_portfolio_get"]
    assert isinstance(endpoint, Endpoint) and endpoint.method == "GET"
