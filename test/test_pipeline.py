"""The call pipeline, layer by layer and end to end over real sockets, on both transports.

Build (fresh requests, path segments, header values), auth (fixed values,
server-issued tokens), retry and the one call deadline (hostile servers that
trickle, stall or never finish), transport errors, and what a closed client does.
"""

from __future__ import annotations

import socket
import time
from typing import Any

import pytest

from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration, exceptions
from criteo_api_marketingsolutions_v2020_10._auth import Auth, refresh_delay, token_from_answer
from criteo_api_marketingsolutions_v2020_10._constants import TOKEN_MAX_REUSE_SECONDS, TOKEN_MIN_REUSE_SECONDS
from criteo_api_marketingsolutions_v2020_10._request import Request, check_header
from criteo_api_marketingsolutions_v2020_10.api.advertiser_api import AdvertiserApi
from criteo_api_marketingsolutions_v2020_10.api.audience_api import AudienceApi
from criteo_api_marketingsolutions_v2020_10.api.category_api import CategoryApi
from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Fault

PORTFOLIO = "/2021-04/advertisers/me"
TOKEN_PATH = "/oauth2/token"
CATEGORIES = "/legacy/marketing/v1/categories"
REPORT_PATH = "/2021-04/statistics/report"
#: How far past its deadline a call may end.
SLACK = 0.25


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


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


def test_a_transport_assigned_to_rest_client_serves_the_next_call(sandbox) -> None:
    from criteo_api_marketingsolutions_v2020_10.rest import RESTClientObject

    seen = []

    class Recording(RESTClientObject):
        def request(self, method, url, *args, **kwargs):
            seen.append((method, url.rsplit("/", 1)[-1]))
            return super().request(method, url, *args, **kwargs)

    configuration = Configuration(host=sandbox.url, access_token=sandbox.issue_token())
    with ApiClient(configuration) as client:
        AdvertiserApi(client).api_portfolio_get()
        client.rest_client = Recording(configuration)
        AdvertiserApi(client).api_portfolio_get()
        assert client.pipeline.transport is client.rest_client
    assert seen == [("GET", "me")]


@pytest.mark.parametrize(
    ("setting", "value"),
    [("retries", "three"), ("call_deadline", "10"), ("call_deadline", -1), ("max_response_bytes", -1),
     ("max_response_bytes", 1.5), ("request_timeout", "x"), ("request_timeout", float("nan"))],
)
def test_a_limit_setting_of_the_wrong_kind_is_refused_naming_it(sandbox, setting, value) -> None:
    configuration = Configuration(host=sandbox.url, access_token=sandbox.issue_token())
    setattr(configuration, setting, value)
    with ApiClient(configuration) as client:
        with pytest.raises(exceptions.ApiValueError) as excinfo:
            AdvertiserApi(client).api_portfolio_get()
    assert f"Configuration.{setting}" in str(excinfo.value)
    assert sandbox.api_requests == 0


@pytest.mark.parametrize("host", ["not a url", "http://127.0.0.1:99999", "ftp://127.0.0.1:1", "http://", "127.0.0.1:8080"])
def test_a_host_that_is_not_an_http_url_is_refused_before_any_io(host) -> None:
    with ApiClient(Configuration(host=host, access_token="abc")) as client:
        with pytest.raises(exceptions.ApiValueError) as excinfo:
            AdvertiserApi(client).api_portfolio_get()
    assert "Configuration.host" in str(excinfo.value)
