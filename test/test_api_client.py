"""The call path over urllib3 against the real sandbox: request bytes, responses,
errors and every per-call option of ``create_token``."""

from __future__ import annotations

import inspect
import json
import threading
import typing
from urllib.parse import parse_qsl

import pytest
import urllib3
from compliance_cases import BAD_CASES, GOOD_CASES, TOKEN_BODY, Case
from conftest import remember

import criteo_api_marketingsolutions_v2020_10 as sdk
from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration, exceptions
from criteo_api_marketingsolutions_v2020_10._streaming import StreamingResponse
from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi
from criteo_api_marketingsolutions_v2020_10.api_client import AsyncResult, form_encode
from criteo_api_marketingsolutions_v2020_10.model.jwt_model import JwtModel
from criteo_api_marketingsolutions_v2020_10.model.o_auth2_error import OAuth2Error
from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Fault

TOKEN_PATH = "/oauth2/token"


def token_requests(sandbox):
    return [r for r in sandbox.requests if r.path == TOKEN_PATH]


def demo_token(api: OAuthApi, **options):
    return api.create_token(
        client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, grant_type="client_credentials", **options
    )


# ---------------------------------------------------------------- the request on the wire


def test_create_token_returns_a_jwt_model_from_the_sandbox(api_client, sandbox) -> None:
    jwt = demo_token(OAuthApi(api_client))
    assert isinstance(jwt, JwtModel)
    assert jwt.token_type == "Bearer" and jwt.expires_in == 900
    assert isinstance(jwt.access_token, str) and len(jwt.access_token) > 20
    (request,) = token_requests(sandbox)
    assert request.method == "POST"
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert request.headers["Accept"] == "application/json"
    assert request.headers["User-Agent"].startswith("criteo-api-marketingsolutions-python/")
    assert "Authorization" not in request.headers  # a token request needs no token
    assert request.query == {}
    assert request.body == (
        f"client_id={DEMO_CLIENT_ID}&client_secret={DEMO_CLIENT_SECRET}&grant_type=client_credentials".encode()
    )


def test_rfc6749_appendix_b_vector_is_encoded_exactly(api_client, sandbox) -> None:
    secret = " %&+\u00a3\u20ac"
    sandbox.register_client("appendix-b", secret)
    jwt = OAuthApi(api_client).create_token(client_id="appendix-b", client_secret=secret)
    assert jwt.token_type == "Bearer"
    (request,) = token_requests(sandbox)
    assert request.body == b"client_id=appendix-b&client_secret=+%25%26%2B%C2%A3%E2%82%AC"


@pytest.mark.parametrize(
    ("secret", "wire"),
    [
        ("a+b", "a%2Bb"),
        ("k=v&x=y", "k%3Dv%26x%3Dy"),
        ("100%", "100%25"),
        ("http://x/y?z", "http%3A%2F%2Fx%2Fy%3Fz"),
        ("tab\tnew\nline", "tab%09new%0Aline"),
        ("\u00fcn\u00efc\u00f6d\u00e9", "%C3%BCn%C3%AFc%C3%B6d%C3%A9"),
        ("party \U0001f389", "party+%F0%9F%8E%89"),
        ("-._*~", "-._*~"),
    ],
)
def test_tricky_secrets_reach_the_server_intact(api_client, sandbox, secret: str, wire: str) -> None:
    sandbox.register_client("tricky", secret)
    OAuthApi(api_client).create_token(client_id="tricky", client_secret=secret, grant_type="client_credentials")
    (request,) = token_requests(sandbox)
    assert request.body == f"client_id=tricky&client_secret={wire}&grant_type=client_credentials".encode()
    assert dict(parse_qsl(request.body.decode()))["client_secret"] == secret


def test_form_encoder_matches_the_rfc_example() -> None:
    assert form_encode([("a", " %&+\u00a3\u20ac")]) == b"a=+%25%26%2B%C2%A3%E2%82%AC"


def test_only_given_parameters_are_sent_in_declaration_order(api_client, sandbox) -> None:
    OAuthApi(api_client).create_token(client_secret=DEMO_CLIENT_SECRET, client_id=DEMO_CLIENT_ID)
    (request,) = token_requests(sandbox)
    assert request.body == f"client_id={DEMO_CLIENT_ID}&client_secret={DEMO_CLIENT_SECRET}".encode()


@pytest.mark.parametrize(
    ("arguments", "error", "parameter"),
    [
        ({"client_id": None}, exceptions.ApiTypeError, "client_id"),
        ({"client_secret": None}, exceptions.ApiTypeError, "client_secret"),
        ({"client_secret": ""}, exceptions.ApiValueError, "client_secret"),
        ({"client_id": ""}, exceptions.ApiValueError, "client_id"),
        ({"client_secret": 12345}, exceptions.ApiTypeError, "client_secret"),
        ({"client_secret": b"bytes-secret"}, exceptions.ApiTypeError, "client_secret"),
        ({"client_secret": "lone\ud800surrogate"}, exceptions.ApiValueError, "client_secret"),
        ({"grant_type": ["client_credentials"]}, exceptions.ApiTypeError, "grant_type"),
        ({"client_secret": "s", "unexpected": 1}, exceptions.ApiTypeError, "unexpected"),
    ],
)
def test_bad_arguments_are_refused_before_any_io(api_client, sandbox, arguments, error, parameter) -> None:
    with pytest.raises(error) as excinfo:
        OAuthApi(api_client).create_token(**arguments)
    assert parameter in str(excinfo.value)
    assert excinfo.value.path_to_item == [parameter]
    for value in arguments.values():
        if isinstance(value, str) and value:
            assert value not in str(excinfo.value)
    assert sandbox.requests == []


def test_form_parameters_are_checked_even_without_input_type_checks(api_client, sandbox) -> None:
    with pytest.raises(exceptions.ApiTypeError):
        OAuthApi(api_client).create_token(client_secret=3, _check_input_type=False)
    assert sandbox.requests == []


def test_the_token_request_never_follows_a_redirect(api_client, sandbox) -> None:
    from criteo_api_marketingsolutions_v2020_10.sandbox import Sandbox

    with Sandbox() as elsewhere:
        sandbox.script(TOKEN_PATH, [Fault(status=307, headers={"Location": elsewhere.url + TOKEN_PATH})])
        with pytest.raises(sdk.ApiException) as excinfo:
            demo_token(OAuthApi(api_client))
        assert excinfo.value.status == 307
        assert elsewhere.requests == []
    assert len(token_requests(sandbox)) == 1


# ---------------------------------------------------------------- responses


@pytest.mark.parametrize("case", GOOD_CASES, ids=lambda c: c.id)
def test_json_is_read_whatever_the_json_like_content_type(api_client, sandbox, case: Case) -> None:
    sandbox.script(TOKEN_PATH, [Fault(status=case.status, headers=case.headers, body=case.body)])
    jwt = demo_token(OAuthApi(api_client))
    assert jwt.access_token == TOKEN_BODY["access_token"] and jwt.expires_in == 900
    if case.id == "unknown fields kept":
        assert jwt["scope"] == "all" and jwt.ext == {"a": 1}


@pytest.mark.parametrize("case", BAD_CASES, ids=lambda c: c.id)
def test_every_unexpected_answer_raises_one_documented_exception(api_client, sandbox, case: Case) -> None:
    sandbox.script(TOKEN_PATH, [Fault(status=case.status, headers=case.headers, body=case.body, count=10)])
    with pytest.raises(case.error) as excinfo:
        demo_token(OAuthApi(api_client))
    error = excinfo.value
    remember(error)
    assert isinstance(error, sdk.ApiException)
    assert case.says in str(error)
    assert error.status == case.status
    assert error.headers is not None
    assert error.body is None or len(error.body) <= 4200


def test_400_carries_the_oauth2_error_model(api_client, sandbox) -> None:
    with pytest.raises(exceptions.BadRequestException) as excinfo:
        OAuthApi(api_client).create_token(client_id=DEMO_CLIENT_ID, client_secret="wrong", grant_type="client_credentials")
    error = excinfo.value
    assert isinstance(error.data, OAuth2Error)
    assert error.data.error == "invalid_client"
    assert error.status == 400 and error.reason
    assert error.headers["Content-Type"].startswith("application/json")
    assert b"invalid_client" in error.body


def test_unsupported_grant_is_reported_by_the_server_model(api_client) -> None:
    with pytest.raises(exceptions.BadRequestException) as excinfo:
        OAuthApi(api_client).create_token(client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, grant_type="password")
    assert excinfo.value.data.error == "unsupported_grant_type"


def test_a_body_over_the_cap_is_refused_without_reading_it_all(configuration, sandbox, clock) -> None:
    configuration.max_response_bytes = 1024
    sandbox.script(TOKEN_PATH, [Fault(status=200, headers={"Content-Type": "application/json"}, body=b"[" + b"1," * 5000 + b"1]")])
    with ApiClient(configuration, sleep=clock.sleep) as client, pytest.raises(exceptions.MalformedResponseError) as excinfo:
        demo_token(OAuthApi(client))
    assert "at most 1024 bytes" in str(excinfo.value)


def test_response_check_can_be_switched_off(api_client, sandbox) -> None:
    sandbox.script(TOKEN_PATH, [Fault(status=200, headers={"Content-Type": "application/json"}, body=json.dumps({**TOKEN_BODY, "expires_in": "900"}))])
    jwt = demo_token(OAuthApi(api_client), _check_return_type=False)
    assert isinstance(jwt, JwtModel) and jwt.expires_in == "900"


def test_the_token_body_never_reaches_an_exception(api_client, sandbox) -> None:
    body = json.dumps({**TOKEN_BODY, "expires_in": "bad"}).encode()
    sandbox.script(TOKEN_PATH, [Fault(status=200, headers={"Content-Type": "application/json"}, body=body)])
    with pytest.raises(exceptions.MalformedResponseError) as excinfo:
        demo_token(OAuthApi(api_client))
    assert TOKEN_BODY["access_token"] not in str(excinfo.value)
    assert excinfo.value.body is None or TOKEN_BODY["access_token"].encode() not in excinfo.value.body


# ---------------------------------------------------------------- per-call options


def test_async_req_returns_a_result_with_get(api_client) -> None:
    result = demo_token(OAuthApi(api_client), async_req=True)
    assert isinstance(result, AsyncResult)
    jwt = result.get(timeout=10)
    assert isinstance(jwt, JwtModel)
    assert result.ready() and result.successful()


def test_async_req_reraises_the_call_error(api_client) -> None:
    result = OAuthApi(api_client).create_token(client_id="nobody", client_secret="x", async_req=True)
    with pytest.raises(exceptions.BadRequestException):
        result.get(timeout=10)
    assert not result.successful()


def test_return_http_data_only_false_gives_data_status_headers(api_client) -> None:
    data, status, headers = demo_token(OAuthApi(api_client), _return_http_data_only=False)
    assert isinstance(data, JwtModel)
    assert status == 200
    assert headers["Content-Type"].startswith("application/json")


def test_preload_content_false_gives_the_unread_response(api_client) -> None:
    raw = demo_token(OAuthApi(api_client), _preload_content=False)
    assert isinstance(raw, StreamingResponse) and raw.bytes_read == 0
    assert raw.status == 200 and raw.getheader("Content-Type", "").startswith("application/json")
    payload = json.loads(raw.read())
    raw.release_conn()
    assert payload["token_type"] == "Bearer"


@pytest.mark.parametrize("timeout", [5, 2.5, (1, 5), urllib3.Timeout(connect=1, read=5)])
def test_request_timeout_accepts_every_documented_form(api_client, timeout) -> None:
    assert isinstance(demo_token(OAuthApi(api_client), _request_timeout=timeout), JwtModel)


@pytest.mark.parametrize("timeout", [0.2, (1, 0.2), urllib3.Timeout(connect=1, read=0.2)])
def test_a_slow_server_times_out_with_the_per_call_timeout(configuration, sandbox, timeout) -> None:
    configuration.retries = 0
    sandbox.script(TOKEN_PATH, [Fault(delay=1.0)])
    with ApiClient(configuration) as client, pytest.raises(exceptions.ApiTimeoutError) as excinfo:
        demo_token(OAuthApi(client), _request_timeout=timeout)
    assert isinstance(excinfo.value.__cause__, urllib3.exceptions.ReadTimeoutError)


@pytest.mark.parametrize("timeout", [0, -1, "5", (1, 2, 3), True])
def test_bad_timeouts_are_refused(api_client, timeout) -> None:
    with pytest.raises(exceptions.ApiValueError):
        demo_token(OAuthApi(api_client), _request_timeout=timeout)


def test_host_index_picks_a_server_from_the_settings(sandbox) -> None:
    class TwoServers(Configuration):
        def get_host_settings(self):
            return [{"url": "http://127.0.0.1:9", "variables": {}}, {"url": sandbox.url, "variables": {}}]

    configuration = TwoServers(host="http://127.0.0.1:9")
    with ApiClient(configuration) as client:
        assert isinstance(demo_token(OAuthApi(client), _host_index=1), JwtModel)
        with pytest.raises(exceptions.ApiValueError, match="Invalid server index"):
            demo_token(OAuthApi(client), _host_index=7)


def test_endpoints_read_well_in_help() -> None:
    method = OAuthApi(ApiClient(Configuration())).create_token
    signature = inspect.signature(method)
    assert list(signature.parameters) == ["client_id", "client_secret", "grant_type", "options"]
    assert signature.return_annotation == "AnyResult[JwtModel]"
    hints = typing.get_type_hints(method)
    assert hints["client_id"] is str
    assert JwtModel in typing.get_args(hints["return"])
    assert method.__name__ == "create_token"
    assert method.__doc__.startswith("Creates a token when the supplied client credentials are valid")
    assert "client_secret (str): API Client secret or password" in method.__doc__
    assert "async_req" in method.__doc__


# ---------------------------------------------------------------- connections and sharing


def test_connection_refused_is_an_api_connection_error_with_cause(clock) -> None:
    configuration = Configuration(host="http://127.0.0.1:9")
    with ApiClient(configuration, sleep=clock.sleep) as client, pytest.raises(exceptions.ApiConnectionError) as excinfo:
        demo_token(OAuthApi(client))
    assert isinstance(excinfo.value.__cause__, urllib3.exceptions.NewConnectionError)
    assert excinfo.value.request_sent is False


def test_one_client_is_safe_to_share_between_threads(api_client, sandbox) -> None:
    api = OAuthApi(api_client)
    results, errors = [], []
    barrier = threading.Barrier(8)

    def worker() -> None:
        barrier.wait()
        for _ in range(10):
            try:
                results.append(demo_token(api).access_token)
            except Exception as error:  # pragma: no cover - reported below
                errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert len(results) == 80 and len(set(results)) == 80
    assert sandbox.token_requests == 80


def test_close_releases_threads_and_connections(configuration) -> None:
    client = ApiClient(configuration)
    api = OAuthApi(client)
    demo_token(api, async_req=True).get(10)
    pool = client._pool
    assert pool is not None
    assert len(client.rest_client.pool_manager.pools) == 1
    client.close()
    assert client._pool is None
    assert pool._shutdown
    assert len(client.rest_client.pool_manager.pools) == 0


def test_context_manager_closes(configuration) -> None:
    with ApiClient(configuration) as client:
        demo_token(OAuthApi(client))
        manager = client.rest_client.pool_manager
    assert len(manager.pools) == 0


def test_default_headers_and_cookie_are_sent(configuration, sandbox) -> None:
    with ApiClient(configuration, header_name="X-Trace", header_value="t-1", cookie="session=abc") as client:
        client.user_agent = "my-app/2.0"
        demo_token(OAuthApi(client))
    (request,) = token_requests(sandbox)
    assert request.headers["X-Trace"] == "t-1"
    assert request.headers["Cookie"] == "session=abc"
    assert request.headers["User-Agent"] == "my-app/2.0"


def test_compressed_bodies_are_decoded(api_client, sandbox) -> None:
    import gzip

    body = gzip.compress(json.dumps(TOKEN_BODY).encode())
    sandbox.script(TOKEN_PATH, [Fault(status=200, headers={"Content-Type": "application/json", "Content-Encoding": "gzip"}, body=body)])
    assert demo_token(OAuthApi(api_client)).access_token == TOKEN_BODY["access_token"]


def test_call_api_reaches_any_path_with_the_same_auth_and_errors(sandbox) -> None:
    configuration = Configuration(host=sandbox.url, access_token=sandbox.issue_token())
    with ApiClient(configuration) as client:
        portfolio = client.call_api("/2021-04/advertisers/me", "GET", response_type=("GetPortfolioResponse",))
        assert len(portfolio.data) == len(sandbox.world.advertiser_ids)
        data, status, _ = client.call_api(
            "/legacy/marketing/v1/advertisers/{advertiserId}/categories", "GET",
            path_params={"advertiserId": 10001}, query_params=[("enabledOnly", "true")],
            response_type=("[CategoryMessage]",), _return_http_data_only=False,
        )
        assert status == 200 and all(c.enabled for c in data)
        with pytest.raises(exceptions.ForbiddenException):
            client.call_api("/legacy/marketing/v1/advertisers/{advertiserId}/categories", "GET", path_params={"advertiserId": 10099})


def test_each_call_follows_changes_to_host_headers_and_cookie(sandbox) -> None:
    from criteo_api_marketingsolutions_v2020_10.sandbox import Sandbox

    configuration = Configuration(host=sandbox.url)
    with ApiClient(configuration) as client, Sandbox() as other:
        api = OAuthApi(client)
        demo_token(api)
        demo_token(api)
        client.set_default_header("X-Trace", "second")
        client.cookie = "c=1"
        demo_token(api)
        configuration.host = other.url
        demo_token(api)
        with pytest.raises(exceptions.ApiTypeError):
            api.create_token(client_id=DEMO_CLIENT_ID, client_secret=None)
    first, second, third = token_requests(sandbox)
    assert "X-Trace" not in first.headers and "X-Trace" not in second.headers
    assert third.headers["X-Trace"] == "second" and third.headers["Cookie"] == "c=1"
    (moved,) = token_requests(other)
    assert moved.headers["X-Trace"] == "second"
