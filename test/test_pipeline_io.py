"""The call pipeline against hostile servers, over real sockets, on both transports: one
deadline for everything, unfinished and broken answers, transport errors, retries, and every
status whether the operation declares it or not."""

from __future__ import annotations

import socket
from datetime import datetime, timezone
from typing import Any

import pytest
from conftest import DEADLINE, make_client
from test_pipeline import PORTFOLIO, REPORT_PATH, SLACK, TOKEN_PATH, closed_port, timed
from urllib3 import Timeout

from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration, exceptions
from criteo_api_marketingsolutions_v2020_10._retry import DEFAULT_RETRY, Deadline, server_requested_delay
from criteo_api_marketingsolutions_v2020_10.api.advertiser_api import AdvertiserApi
from criteo_api_marketingsolutions_v2020_10.api.audience_api import AudienceApi
from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi
from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Fault

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


def test_cookies_a_server_sets_are_never_sent_back_on_either_transport(sandbox, transport_name) -> None:
    # urllib3 keeps no cookies; the requests session the SDK makes keeps none either, so both send
    # exactly the headers the SDK gives.
    configuration = Configuration(host=sandbox.url, client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET)
    with make_client(configuration, transport_name) as client:
        cookie = Fault(status=200, headers={"Set-Cookie": "session=abc123; Path=/"}, body={"data": []})
        sandbox.script("/2021-04/advertisers/me", cookie)
        AdvertiserApi(client).api_portfolio_get()
        AdvertiserApi(client).api_portfolio_get()
    assert "cookie" not in {name.lower() for name in sandbox.requests[-1].headers}
