"""Transports: the same compliance cases through ``RequestsTransport`` under
``responses``, plus what only a transport knows (timeouts, bodies, closing)."""

from __future__ import annotations

import json

import pytest
import requests
import responses
import urllib3
from compliance_cases import BAD_CASES, GOOD_CASES, TOKEN_BODY, Case

import criteo_api_marketingsolutions_v2020_10 as sdk
from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration, exceptions
from criteo_api_marketingsolutions_v2020_10._streaming import StreamingResponse
from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi
from criteo_api_marketingsolutions_v2020_10.model.jwt_model import JwtModel
from criteo_api_marketingsolutions_v2020_10.rest import DEFAULT_TIMEOUT, RequestsTransport, RESTResponse, to_timeout

HOST = "https://api.criteo.test"
TOKEN_URL = HOST + "/oauth2/token"


@pytest.fixture
def requests_client(clock):
    session = requests.Session()
    with ApiClient(Configuration(host=HOST), transport=RequestsTransport(session), sleep=clock.sleep) as client:
        yield client


def create_token(client: ApiClient, **options):
    return OAuthApi(client).create_token(client_id="id", client_secret="s e+cret", grant_type="client_credentials", **options)


@responses.activate
def test_request_bytes_are_the_same_through_requests(requests_client) -> None:
    responses.add(responses.POST, TOKEN_URL, json=TOKEN_BODY)
    jwt = create_token(requests_client)
    assert isinstance(jwt, JwtModel) and jwt.access_token == TOKEN_BODY["access_token"]
    (call,) = responses.calls
    assert call.request.body == b"client_id=id&client_secret=s+e%2Bcret&grant_type=client_credentials"
    assert call.request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert call.request.url == TOKEN_URL


@pytest.mark.parametrize("case", GOOD_CASES, ids=lambda c: c.id)
@responses.activate
def test_good_answers_through_requests(requests_client, case: Case) -> None:
    responses.add(responses.POST, TOKEN_URL, status=case.status, headers=case.headers, body=case.body)
    jwt = create_token(requests_client)
    assert jwt.access_token == TOKEN_BODY["access_token"]


@pytest.mark.parametrize("case", BAD_CASES, ids=lambda c: c.id)
@responses.activate
def test_bad_answers_through_requests(requests_client, case: Case) -> None:
    responses.add(responses.POST, TOKEN_URL, status=case.status, headers=case.headers, body=case.body)
    with pytest.raises(case.error) as excinfo:
        create_token(requests_client)
    assert isinstance(excinfo.value, sdk.ApiException)
    assert case.says in str(excinfo.value)
    assert excinfo.value.status == case.status


@responses.activate
def test_connection_errors_are_wrapped_with_their_cause(requests_client) -> None:
    responses.add(responses.POST, TOKEN_URL, body=requests.exceptions.ConnectionError("refused"))
    with pytest.raises(exceptions.ApiConnectionError) as excinfo:
        create_token(requests_client)
    assert isinstance(excinfo.value.__cause__, requests.exceptions.ConnectionError)


@responses.activate
def test_read_timeouts_become_api_timeout_errors(requests_client) -> None:
    responses.add(responses.POST, TOKEN_URL, body=requests.exceptions.ReadTimeout("slow"))
    with pytest.raises(exceptions.ApiTimeoutError) as excinfo:
        create_token(requests_client)
    assert excinfo.value.request_sent is True


@responses.activate
def test_per_call_options_through_requests(requests_client) -> None:
    responses.add(responses.POST, TOKEN_URL, json=TOKEN_BODY)
    data, status, headers = create_token(requests_client, _return_http_data_only=False)
    assert status == 200 and data.token_type == "Bearer" and headers["Content-Type"] == "application/json"
    raw = create_token(requests_client, _preload_content=False)
    assert isinstance(raw, StreamingResponse) and json.loads(raw.content)["expires_in"] == 900
    assert create_token(requests_client, async_req=True).get(10).expires_in == 900
    create_token(requests_client, _request_timeout=(2, 7))
    assert responses.calls[-1].request.req_kwargs["timeout"] == (2, 7)


@responses.activate
def test_redirects_are_not_followed_through_requests(requests_client) -> None:
    responses.add(responses.POST, TOKEN_URL, status=302, headers={"Location": "https://elsewhere.test/oauth2/token"})
    responses.add(responses.POST, "https://elsewhere.test/oauth2/token", json=TOKEN_BODY)
    with pytest.raises(sdk.ApiException) as excinfo:
        create_token(requests_client)
    assert excinfo.value.status == 302
    assert len(responses.calls) == 1


def test_a_borrowed_session_stays_open_after_close() -> None:
    session = requests.Session()
    transport = RequestsTransport(session)
    transport.close()
    assert transport.session is session
    owned = RequestsTransport()
    owned.close()


def test_configuration_tls_and_proxy_settings_reach_requests() -> None:
    configuration = Configuration()
    configuration.verify_ssl = False
    configuration.cert_file, configuration.key_file = "/tmp/c.pem", "/tmp/k.pem"
    configuration.proxy = "http://proxy.test:3128"
    transport = RequestsTransport(configuration=configuration)
    assert transport._kwargs == {
        "verify": False,
        "cert": ("/tmp/c.pem", "/tmp/k.pem"),
        "proxies": {"http": "http://proxy.test:3128", "https": "http://proxy.test:3128"},
    }


def test_timeout_normalisation() -> None:
    assert to_timeout(None) is DEFAULT_TIMEOUT
    assert DEFAULT_TIMEOUT.connect_timeout == 10.0 and DEFAULT_TIMEOUT.read_timeout == 120.0
    assert to_timeout(3).connect_timeout == 3 and to_timeout(3).read_timeout == 3
    pair = to_timeout((1.5, None))
    assert pair.connect_timeout == 1.5 and pair.read_timeout is None
    given = urllib3.Timeout(total=4)
    assert to_timeout(given) is given


def test_rest_response_accessors() -> None:
    response = RESTResponse(200, "OK", {"Content-Type": "application/json"}, b"{}")
    assert response.getheader("Content-Type") == "application/json"
    assert response.getheader("X-Missing", "d") == "d"
    assert response.getheaders() == {"Content-Type": "application/json"}
    assert "200" in repr(response)


def test_proxy_credentials_never_reach_error_messages() -> None:
    from criteo_api_marketingsolutions_v2020_10._transport_errors import describe

    error = Exception("Unable to connect to proxy http://alice:s3cret@proxy.test:3128/ (refused)")
    assert "s3cret" not in describe(error) and "//***@proxy.test" in describe(error)
    configuration = Configuration(host="http://api.criteo.test")
    configuration.proxy = "http://alice:s3cret@127.0.0.1:9"
    configuration.retries = 0
    with ApiClient(configuration) as client, pytest.raises(exceptions.ApiConnectionError) as excinfo:
        create_token(client)
    assert "s3cret" not in str(excinfo.value) and "s3cret" not in repr(excinfo.value)
