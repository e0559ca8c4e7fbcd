"""The call pipeline, layer by layer and end to end over real sockets, on both transports.

Build (fresh requests, path segments, header values), auth (fixed values,
server-issued tokens), retry and the one call deadline (hostile servers that
trickle, stall or never finish), transport errors, and what a closed client does.
"""

from __future__ import annotations

import socket
import time
from datetime import datetime, timezone
from typing import Any, Iterator

import pytest
from urllib3 import Timeout

from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration, exceptions
from criteo_api_marketingsolutions_v2020_10._auth import Auth, refresh_delay, token_from_answer
from criteo_api_marketingsolutions_v2020_10._constants import TOKEN_MAX_REUSE_SECONDS, TOKEN_MIN_REUSE_SECONDS
from criteo_api_marketingsolutions_v2020_10._request import Request, check_header
from criteo_api_marketingsolutions_v2020_10._retry import DEFAULT_RETRY, Deadline, server_requested_delay
from criteo_api_marketingsolutions_v2020_10.api.advertiser_api import AdvertiserApi
from criteo_api_marketingsolutions_v2020_10.api.audience_api import AudienceApi
from criteo_api_marketingsolutions_v2020_10.api.category_api import CategoryApi
from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi
from criteo_api_marketingsolutions_v2020_10.rest import RequestsTransport
from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Fault

PORTFOLIO = "/2021-04/advertisers/me"
TOKEN_PATH = "/oauth2/token"
CATEGORIES = "/legacy/marketing/v1/categories"
REPORT_PATH = "/2021-04/statistics/report"
DEADLINE = 1.0
#: How far past its deadline a call may end.
SLACK = 0.25


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(params=["urllib3", "requests"])
def transport_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def make_client(configuration: Configuration, transport_name: str, **kwargs: Any) -> ApiClient:
    if transport_name == "requests":
        kwargs["transport"] = RequestsTransport(configuration=configuration)
    return ApiClient(configuration, **kwargs)


@pytest.fixture
def fixed(sandbox, transport_name) -> Iterator[ApiClient]:
    """A client with a fixed token, a short deadline and no real sleeping."""
    configuration = Configuration(host=sandbox.url, access_token=sandbox.issue_token())
    configuration.call_deadline = DEADLINE
    with make_client(configuration, transport_name, sleep=lambda s: None) as client:
        yield client


@pytest.fixture
def managed(sandbox, transport_name) -> Iterator[ApiClient]:
    configuration = Configuration(host=sandbox.url, client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET)
    configuration.call_deadline = DEADLINE
    with make_client(configuration, transport_name, sleep=lambda s: None) as client:
        yield client


def timed(call: Any) -> tuple:
    started = time.monotonic()
    try:
        return call(), time.monotonic() - started
    except exceptions.OpenApiException as error:
        return error, time.monotonic() - started


# ---- build


@pytest.mark.parametrize("value", ["", ".", ".."])
def test_dot_and_empty_path_segments_are_refused_before_any_io(fixed, sandbox, value) -> None:
    with pytest.raises(exceptions.ApiValueError) as excinfo:
        AudienceApi(fixed).remove_audience(value)
    assert "audience_id" in str(excinfo.value)
    assert sandbox.api_requests == 0


def test_slashes_allowed_in_path_values_still_cannot_carry_dot_segments(fixed, sandbox) -> None:
    fixed.configuration.safe_chars_for_path_param = "/"
    with pytest.raises(exceptions.ApiValueError):
        AudienceApi(fixed).remove_audience("1/../2")
    assert sandbox.api_requests == 0


def test_requests_are_built_fresh_so_earlier_calls_change_nothing(fixed, sandbox) -> None:
    api = CategoryApi(fixed)
    api.get_categories(campaign_ids="200011", enabled_only=True)
    with pytest.raises(exceptions.ApiTypeError):
        api.get_categories(campaign_ids=200011.0, enabled_only=1)
    with pytest.raises(exceptions.ApiTypeError):
        api.get_categories(campaign_ids="200011", enabled_only=1)
    with pytest.raises(exceptions.BadRequestException):  # the server refuses what the client let through
        api.get_categories(campaign_ids="200011", enabled_only=1, _check_input_type=False)
    api.get_categories(campaign_ids="200011", enabled_only=True, _check_input_type=False)
    queries = [r.query.get("enabledOnly") for r in sandbox.requests if r.path == CATEGORIES]
    assert queries == [["true"], ["1"], ["true"]]


@pytest.mark.parametrize("bad", ["a\r\nX-Injected: 1", "a\nb", "nul\x00", "bell\x07", "snow\u2603", "c1\x85"])
def test_header_values_that_cannot_be_sent_are_refused_naming_the_setting(sandbox, bad) -> None:
    configuration = Configuration(host=sandbox.url, access_token=sandbox.issue_token())
    with ApiClient(configuration) as client:
        client.set_default_header("X-Job", bad)
        with pytest.raises(exceptions.ApiValueError) as excinfo:
            AdvertiserApi(client).api_portfolio_get()
    assert "X-Job" in str(excinfo.value)
    assert bad not in str(excinfo.value)
    assert sandbox.api_requests == 0


def test_a_fixed_token_read_from_a_file_loses_its_newline(sandbox) -> None:
    token = sandbox.issue_token()
    with ApiClient(Configuration(host=sandbox.url, access_token=f"  {token}\n")) as client:
        AdvertiserApi(client).api_portfolio_get()
    assert sandbox.requests[-1].headers["Authorization"] == f"Bearer {token}"


@pytest.mark.parametrize("setting", ["access_token", "api_key"])
def test_a_fixed_credential_with_control_characters_is_refused_without_its_value(sandbox, setting) -> None:
    secret = "tok\nen-value-123"
    configuration = Configuration(host=sandbox.url)
    if setting == "access_token":
        configuration.access_token = secret
    else:
        configuration.api_key = {"Authorization": secret}
    with ApiClient(configuration) as client:
        with pytest.raises(exceptions.ApiValueError) as excinfo:
            AdvertiserApi(client).api_portfolio_get()
    message = str(excinfo.value)
    assert setting in message
    assert "en-value-123" not in message and "tok" not in message.replace("token", "")
    assert sandbox.api_requests == 0


def test_check_header_names_the_setting_only() -> None:
    with pytest.raises(exceptions.ApiValueError) as excinfo:
        check_header("Configuration.access_token", "Authorization", "abc\rdef")
    assert "Configuration.access_token" in str(excinfo.value)
    assert "abc" not in str(excinfo.value)
    assert check_header("s", "X", "tab\tinside latin-1 \xe9") == "tab\tinside latin-1 \xe9"


def test_a_request_is_immutable() -> None:
    request = Request("GET", "http://127.0.0.1/x", {"A": "1"}, None)
    with pytest.raises(AttributeError):
        request.url = "http://127.0.0.1/y"  # type: ignore[misc]
    copy = request.with_header("B", "2")
    assert dict(request.headers) == {"A": "1"} and dict(copy.headers) == {"A": "1", "B": "2"}


# ---- auth


def test_a_pluggable_auth_flow_sees_each_response(sandbox) -> None:
    seen = []
    token = sandbox.issue_token()

    class Recording(Auth):
        def auth_flow(self, request, deadline):
            response = yield request.with_header("Authorization", "Bearer wrong")
            seen.append(response.status)
            yield request.with_header("Authorization", f"Bearer {token}")

    with ApiClient(Configuration(host=sandbox.url), auth=Recording()) as client:
        portfolio = AdvertiserApi(client).api_portfolio_get()
    assert seen == [401]
    assert portfolio.data


@pytest.mark.parametrize(
    ("answer", "fragment"),
    [
        ({"access_token": ["abc"], "token_type": "Bearer", "expires_in": 900}, "access_token"),
        ({"access_token": "", "token_type": "Bearer"}, "access_token"),
        ({"access_token": "abc\r\nX: y", "token_type": "Bearer"}, "header"),
        ({"access_token": "abc", "token_type": "MAC"}, "Bearer"),
        ({"access_token": "abc", "token_type": 7}, "Bearer"),
    ],
)
def test_unusable_token_answers_are_refused(answer, fragment) -> None:
    with pytest.raises(exceptions.TokenRefreshError) as excinfo:
        token_from_answer(answer, 0.0, 60.0)
    assert fragment in str(excinfo.value)
    assert "abc" not in str(excinfo.value)


@pytest.mark.parametrize("token_type", ["Bearer", "bearer", "BEARER", None])
def test_bearer_in_any_case_is_sent_as_bearer(token_type) -> None:
    answer = {"access_token": "abc", "expires_in": 900}
    if token_type is not None:
        answer["token_type"] = token_type
    assert token_from_answer(answer, 0.0, 60.0).header == "Bearer abc"


@pytest.mark.parametrize(
    "expires_in",
    [10**5000, -(10**5000), 1e308, float("inf"), float("nan"), -5, 0, "900", None, True, [900]],
    ids=["huge", "huge-negative", "1e308", "inf", "nan", "-5", "0", "string", "none", "bool", "list"],
)
def test_expires_in_of_any_size_sign_or_type_gives_a_bounded_reuse(expires_in) -> None:
    delay = refresh_delay(expires_in, 60.0)
    assert TOKEN_MIN_REUSE_SECONDS <= delay <= TOKEN_MAX_REUSE_SECONDS


@pytest.mark.parametrize("status", [200, 201, 202, 203])
def test_any_2xx_token_answer_with_a_token_body_works(managed, sandbox, status) -> None:
    sandbox.script(TOKEN_PATH, Fault(status=status, body={"access_token": sandbox.issue_token(), "token_type": "Bearer", "expires_in": 900}))
    assert AdvertiserApi(managed).api_portfolio_get().data


@pytest.mark.parametrize("status", [202, 204, 206])
def test_a_2xx_token_answer_without_a_token_is_a_token_error(managed, sandbox, status) -> None:
    sandbox.script(TOKEN_PATH, Fault(status=status, body=b"" if status == 204 else b"accepted"))
    with pytest.raises(exceptions.TokenRefreshError):
        AdvertiserApi(managed).api_portfolio_get()


# ---- the deadline


def assert_within_deadline(result: Any, elapsed: float) -> None:
    assert isinstance(result, exceptions.ApiTimeoutError), repr(result)
    assert elapsed <= DEADLINE + SLACK, elapsed


def ends_at_the_deadline(sandbox, scripts: dict, call: Any, before: Any = None) -> Any:
    """Script the faults, time ``call`` and check it ends with ApiTimeoutError within the bound.

    Every try must end with the timeout; the time bound must hold on one of
    two tries, so that a scheduling hiccup of a busy test machine is not
    taken for a late deadline (a late deadline is late on both).
    """
    elapsed = []
    for _ in range(2):
        if before is not None:
            before()
        for path, fault in scripts.items():
            sandbox.clear_script(path)
            sandbox.script(path, fault)
        result, took = timed(call)
        assert isinstance(result, exceptions.ApiTimeoutError), repr(result)
        elapsed.append(took)
        if took <= DEADLINE + SLACK:
            return result
    raise AssertionError(f"the calls ended {elapsed} s after they started, past {DEADLINE} + {SLACK} s")


def test_trickled_status_line_and_headers_end_at_the_deadline(fixed, sandbox) -> None:
    ends_at_the_deadline(sandbox, {PORTFOLIO: Fault(head_trickle=0.05)}, AdvertiserApi(fixed).api_portfolio_get)


def test_an_endless_stream_of_100_continue_ends_at_the_deadline(fixed, sandbox) -> None:
    fault = Fault(continues=-1, continue_interval=0.02)
    ends_at_the_deadline(sandbox, {PORTFOLIO: fault}, AdvertiserApi(fixed).api_portfolio_get)


def test_headers_that_never_end_end_at_the_deadline(fixed, sandbox) -> None:
    ends_at_the_deadline(sandbox, {PORTFOLIO: Fault(open_headers=True)}, AdvertiserApi(fixed).api_portfolio_get)


def test_a_stall_in_the_middle_of_the_body_ends_at_the_deadline(fixed, sandbox) -> None:
    fixed.configuration.retries = 0
    ends_at_the_deadline(sandbox, {PORTFOLIO: Fault(stall=True)}, AdvertiserApi(fixed).api_portfolio_get)


def test_a_trickled_body_ends_at_the_deadline_on_every_transport(fixed, sandbox) -> None:
    ends_at_the_deadline(sandbox, {PORTFOLIO: Fault(trickle=0.05)}, AdvertiserApi(fixed).api_portfolio_get)


def test_a_trickled_token_answer_ends_at_the_deadline(managed, sandbox) -> None:
    result = ends_at_the_deadline(sandbox, {TOKEN_PATH: Fault(head_trickle=0.05)}, AdvertiserApi(managed).api_portfolio_get)
    assert isinstance(result, exceptions.TokenRefreshError)


def test_the_token_fetch_counts_against_the_call_deadline(managed, sandbox) -> None:
    scripts = {TOKEN_PATH: Fault(delay=0.6), PORTFOLIO: Fault(delay=0.6)}
    # Each try starts without a token, so that each pays for fetching one.
    ends_at_the_deadline(sandbox, scripts, AdvertiserApi(managed).api_portfolio_get, before=managed.close)


def test_waits_between_attempts_count_against_the_deadline(sandbox, transport_name) -> None:
    configuration = Configuration(host=sandbox.url, access_token=sandbox.issue_token())
    configuration.call_deadline = DEADLINE
    with make_client(configuration, transport_name) as client:  # real sleeps
        sandbox.script(PORTFOLIO, Fault(status=503, headers={"Retry-After": "5"}, count=3))
        result, elapsed = timed(AdvertiserApi(client).api_portfolio_get)
    # The 5 s wait does not fit: the 503 is the answer, at once.
    assert isinstance(result, exceptions.ServiceException)
    assert elapsed < DEADLINE


def test_error_bodies_of_unread_calls_are_read_under_the_deadline(fixed, sandbox) -> None:
    fault = Fault(status=500, body=b"x" * 2000, trickle=0.05)
    ends_at_the_deadline(sandbox, {PORTFOLIO: fault}, lambda: AdvertiserApi(fixed).api_portfolio_get(_preload_content=False))


def test_error_bodies_of_unread_calls_are_read_under_the_size_cap(fixed, sandbox) -> None:
    fixed.configuration.max_response_bytes = 1000
    sandbox.script(PORTFOLIO, Fault(status=500, body=b"x" * 5000))
    with pytest.raises(exceptions.MalformedResponseError):
        AdvertiserApi(fixed).api_portfolio_get(_preload_content=False)


def test_the_deadline_value_clamps_waits() -> None:
    now = [100.0]
    deadline = Deadline(2.0, lambda: now[0])
    assert deadline.remaining() == 2.0
    now[0] = 101.5
    assert deadline.allows_wait(0.4) and not deadline.allows_wait(0.6)
    clamped = deadline.clamp(Timeout(connect=10.0, read=120.0))
    assert clamped.connect_timeout == pytest.approx(0.5) and clamped.read_timeout == pytest.approx(0.5)
    now[0] = 102.0
    with pytest.raises(exceptions.ApiTimeoutError):
        deadline.check()
    assert Deadline(None).remaining() is None and Deadline(0).remaining() is None


# ---- unfinished and broken answers


@pytest.mark.parametrize("raw", [b"HTTP/1.1 200 OK\r\n", b"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\n"])
def test_a_report_answer_cut_before_its_headers_end_is_never_an_empty_success(fixed, sandbox, raw) -> None:
    from criteo_api_marketingsolutions_v2020_10.api.analytics_api import AnalyticsApi
    from criteo_api_marketingsolutions_v2020_10.model.statistics_report_query_message import (
        StatisticsReportQueryMessage,
    )

    sandbox.script(REPORT_PATH, Fault(raw=raw))
    query = StatisticsReportQueryMessage(
        advertiser_ids="10001", dimensions=["AdsetId"], metrics=["Clicks"], currency="EUR", format="csv",
        start_date=datetime(2021, 1, 1, tzinfo=timezone.utc), end_date=datetime(2021, 1, 2, tzinfo=timezone.utc),
    )
    with pytest.raises(exceptions.ApiConnectionError):
        AnalyticsApi(fixed).get_adset_report(statistics_report_query_message=query)


def test_a_close_in_the_middle_of_the_headers_is_a_connection_error(fixed, sandbox) -> None:
    fixed.configuration.retries = 0
    sandbox.script(PORTFOLIO, Fault(close_in_headers=True))
    with pytest.raises(exceptions.ApiConnectionError):
        AdvertiserApi(fixed).api_portfolio_get()


# ---- transport errors


def test_a_refused_connection_is_a_connection_error_not_a_timeout(transport_name) -> None:
    configuration = Configuration(host=f"http://127.0.0.1:{closed_port()}", access_token="abc")
    configuration.retries = 0
    with make_client(configuration, transport_name) as client:
        with pytest.raises(exceptions.ApiConnectionError) as excinfo:
            AdvertiserApi(client).api_portfolio_get()
    assert not isinstance(excinfo.value, exceptions.ApiTimeoutError)
    assert excinfo.value.request_sent is False


def test_a_name_that_does_not_resolve_is_a_connection_error(transport_name, monkeypatch) -> None:
    def no_such_host(*args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    configuration = Configuration(host="http://no-such-host.invalid", access_token="abc")
    configuration.retries = 0
    with make_client(configuration, transport_name) as client:
        with pytest.raises(exceptions.ApiConnectionError) as excinfo:
            AdvertiserApi(client).api_portfolio_get()
    assert not isinstance(excinfo.value, exceptions.ApiTimeoutError)


def test_a_token_that_cannot_be_fetched_is_both_a_token_and_a_connection_error(transport_name) -> None:
    configuration = Configuration(
        host=f"http://127.0.0.1:{closed_port()}", client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET
    )
    configuration.retries = 0
    with make_client(configuration, transport_name) as client:
        with pytest.raises(exceptions.TokenRefreshError) as excinfo:
            AdvertiserApi(client).api_portfolio_get()
    assert isinstance(excinfo.value, exceptions.ApiConnectionError)
    assert not isinstance(excinfo.value, exceptions.ApiTimeoutError)


def test_a_token_fetch_that_times_out_is_both_a_token_and_a_timeout_error(managed, sandbox) -> None:
    sandbox.script(TOKEN_PATH, Fault(delay=2.0))
    with pytest.raises(exceptions.ApiTimeoutError) as excinfo:
        AdvertiserApi(managed).api_portfolio_get()
    assert isinstance(excinfo.value, exceptions.TokenRefreshError)


# ---- retries


def test_429_is_retried_for_post(fixed, sandbox) -> None:
    from criteo_api_marketingsolutions_v2020_10.model.new_audience import NewAudience
    from criteo_api_marketingsolutions_v2020_10.model.new_audience_attributes import NewAudienceAttributes
    from criteo_api_marketingsolutions_v2020_10.model.new_audience_request import NewAudienceRequest

    path = "/2021-04/audiences"
    sandbox.script(path, Fault(status=429, headers={"Retry-After": "0"}))
    request = NewAudienceRequest(
        data=NewAudience(type="Audience", attributes=NewAudienceAttributes(advertiser_id="10001", name="pipeline"))
    )
    AudienceApi(fixed).create_audience(request)
    assert sum(1 for r in sandbox.requests if r.path == path and r.method == "POST") == 2


def test_503_is_not_retried_for_post(fixed, sandbox) -> None:
    from criteo_api_marketingsolutions_v2020_10.model.new_audience import NewAudience
    from criteo_api_marketingsolutions_v2020_10.model.new_audience_attributes import NewAudienceAttributes
    from criteo_api_marketingsolutions_v2020_10.model.new_audience_request import NewAudienceRequest

    path = "/2021-04/audiences"
    sandbox.script(path, Fault(status=503))
    request = NewAudienceRequest(
        data=NewAudience(type="Audience", attributes=NewAudienceAttributes(advertiser_id="10001", name="pipeline"))
    )
    with pytest.raises(exceptions.ServiceException):
        AudienceApi(fixed).create_audience(request)
    assert sum(1 for r in sandbox.requests if r.path == path and r.method == "POST") == 1


@pytest.mark.parametrize(
    "value",
    ["\u00b2", "\u0661\u0662", "9" * 400, "-5", "1e3", "", "  ", "soon", "Wed, 21 Oct 2015 07:28:00 GMT",
     "Wed, 99 Foo 2015 07:28:00 GMT", "1.5", "\x00", "inf", "nan"],
)
def test_retry_after_in_any_form_gives_a_bounded_wait_or_none(value) -> None:
    for headers in ({"Retry-After": value}, {"x-ratelimit-reset": value}):
        delay = server_requested_delay(headers, DEFAULT_RETRY, lambda: 1_700_000_000.0)
        assert delay is None or 0 <= delay <= DEFAULT_RETRY.backoff_max


def test_a_unicode_digit_retry_after_falls_back_to_backoff_end_to_end(sandbox, clock) -> None:
    configuration = Configuration(host=sandbox.url, access_token=sandbox.issue_token())
    with ApiClient(configuration, clock=clock, sleep=clock.sleep) as client:
        sandbox.script(PORTFOLIO, Fault(status=429, headers={"Retry-After": "\u00b2", "x-ratelimit-reset": "-1"}))
        assert AdvertiserApi(client).api_portfolio_get().data
    assert len(clock.sleeps) == 1 and 0 < clock.sleeps[0] <= DEFAULT_RETRY.backoff_max


# ---- statuses outside the declared ones


def test_every_status_gives_a_model_or_an_api_exception(fixed, sandbox) -> None:
    fixed.configuration.retries = 0
    api = AdvertiserApi(fixed)
    for status in range(200, 600):
        sandbox.script(PORTFOLIO, Fault(status=status))
        try:
            result = api.api_portfolio_get()
        except exceptions.ApiException as error:
            assert error.status in (status, None), (status, error)
            assert not (200 <= status < 300 and status not in (204, 205)) or isinstance(
                error, exceptions.MalformedResponseError
            )
        else:
            assert 200 <= status < 300, status
            assert result is None if status in (204, 205) else result.data is not None


def test_every_status_of_the_token_endpoint_gives_a_token_or_an_api_exception(sandbox) -> None:
    configuration = Configuration(host=sandbox.url)
    configuration.retries = 0
    with ApiClient(configuration) as client:
        api = OAuthApi(client)
        for status in range(200, 600):
            sandbox.script(TOKEN_PATH, Fault(status=status))
            try:
                jwt = api.create_token(client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, grant_type="client_credentials")
            except exceptions.ApiException as error:
                assert error.status in (status, None)
                assert DEMO_CLIENT_SECRET not in str(error) and DEMO_CLIENT_SECRET not in repr(error)
            else:
                assert 200 <= status < 300 and (jwt is None or jwt.get("access_token"))


# ---- a closed client


def test_a_closed_client_used_again_opens_new_connections_and_a_new_token(sandbox) -> None:
    configuration = Configuration(host=sandbox.url, client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET)
    client = ApiClient(configuration)
    with client:
        AdvertiserApi(client).api_portfolio_get()
    assert sandbox.token_requests == 1
    assert AdvertiserApi(client).api_portfolio_get().data
    assert sandbox.token_requests == 2
    client.close()



# ---- the shortcuts that stay, and what proves they change nothing


def test_the_direct_pool_sends_what_the_pool_manager_would(sandbox) -> None:
    token = sandbox.issue_token()
    with ApiClient(Configuration(host=sandbox.url, access_token=token)) as client:
        AdvertiserApi(client).api_portfolio_get()
        direct = sandbox.requests[-1]
        # A path with dot segments skips the direct pool: the manager normalises it.
        client.call_api("/legacy/../2021-04/advertisers/me", "GET", response_type=("GetPortfolioResponse",))
        normalised = sandbox.requests[-1]
    assert direct.path == normalised.path == PORTFOLIO
    assert direct.headers["Authorization"] == normalised.headers["Authorization"] == f"Bearer {token}"


def test_checked_default_headers_are_checked_again_when_they_change(sandbox) -> None:
    with ApiClient(Configuration(host=sandbox.url, access_token=sandbox.issue_token())) as client:
        api = AdvertiserApi(client)
        client.set_default_header("X-Job", "nightly")
        api.api_portfolio_get()
        client.set_default_header("X-Job", "nightly\r\nX-Evil: 1")
        with pytest.raises(exceptions.ApiValueError):
            api.api_portfolio_get()
        client.set_default_header("X-Job", "morning")
        api.api_portfolio_get()
    assert [r.headers.get("X-Job") for r in sandbox.requests if r.path == PORTFOLIO] == ["nightly", "morning"]


def test_changed_settings_apply_to_the_next_call(sandbox) -> None:
    first, second = sandbox.issue_token(), sandbox.issue_token()
    configuration = Configuration(host=sandbox.url, access_token=first)
    with ApiClient(configuration, sleep=lambda s: None) as client:
        api = AdvertiserApi(client)
        api.api_portfolio_get()
        configuration.access_token = second
        configuration.retries = 0
        sandbox.script(PORTFOLIO, Fault(status=503))
        with pytest.raises(exceptions.ServiceException):
            api.api_portfolio_get()
        configuration.retries = 2
        sandbox.script(PORTFOLIO, Fault(status=503))
        api.api_portfolio_get()
    sent = [r.headers["Authorization"] for r in sandbox.requests if r.path == PORTFOLIO]
    assert sent == [f"Bearer {first}"] + [f"Bearer {second}"] * 3


def test_the_one_shot_path_is_taken_only_for_the_exact_auth_types(sandbox) -> None:
    from criteo_api_marketingsolutions_v2020_10._auth import HeaderAuth

    token = sandbox.issue_token()
    flows = []

    class CountingHeaderAuth(HeaderAuth):
        def auth_flow(self, request, deadline):
            flows.append(request.method)
            yield request.with_header("Authorization", self.value)

    auth = CountingHeaderAuth(f"Bearer {token}", "test")
    with ApiClient(Configuration(host=sandbox.url), auth=auth) as client:
        AdvertiserApi(client).api_portfolio_get()
    with ApiClient(Configuration(host=sandbox.url), auth=HeaderAuth(f"Bearer {token}", "test")) as client:
        AdvertiserApi(client).api_portfolio_get()
    assert flows == ["GET"]  # the subclass's own flow ran; the exact type took the short path
    assert [r.headers["Authorization"] for r in sandbox.requests] == [f"Bearer {token}"] * 2


@pytest.mark.parametrize("token", [b"bytes-token", 12345])
def test_a_fixed_token_that_is_not_text_is_refused_naming_the_setting(sandbox, token) -> None:
    configuration = Configuration(host=sandbox.url)
    configuration.access_token = token
    with ApiClient(configuration) as client:
        with pytest.raises(exceptions.ApiValueError) as excinfo:
            AdvertiserApi(client).api_portfolio_get()
    assert "Configuration.access_token" in str(excinfo.value)
    assert sandbox.api_requests == 0


@pytest.mark.parametrize("status", [101, 102, 103])
def test_an_informational_final_answer_is_an_api_exception_and_the_next_call_works(fixed, sandbox, status) -> None:
    fixed.configuration.retries = 0
    sandbox.script(PORTFOLIO, Fault(status=status))
    with pytest.raises(exceptions.ApiException) as excinfo:
        AdvertiserApi(fixed).api_portfolio_get()
    assert excinfo.value.status == status
    assert AdvertiserApi(fixed).api_portfolio_get().data
