"""The sandbox's plumbing over real HTTP: tokens, 401s, faults, recording, robustness and lifecycle."""

from __future__ import annotations

import base64
import io
import json
import socket
import threading
import time
from http.client import HTTPConnection, HTTPException

import pytest
import urllib3

from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Fault, Sandbox, serve
from criteo_api_marketingsolutions_v2020_10.sandbox.pytest_plugin import (  # noqa: F401 - fixtures under test
    criteo_sandbox,
    criteo_sandbox_session,
)

PORTFOLIO = "/2021-04/advertisers/me"
TOKEN = "/oauth2/token"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.fixture
def sandbox():
    with Sandbox() as running:
        yield running


@pytest.fixture
def pool():
    manager = urllib3.PoolManager(retries=False, timeout=urllib3.Timeout(connect=2, read=5))
    yield manager
    manager.clear()


def token_call(pool, sandbox, body, headers=None):
    return pool.request("POST", sandbox.url + TOKEN, body=body, headers=FORM if headers is None else headers)


def demo_form(**extra):
    fields = {"client_id": DEMO_CLIENT_ID, "client_secret": DEMO_CLIENT_SECRET, **extra}
    return "&".join(f"{k}={v}" for k, v in fields.items())


def api_get(pool, sandbox, path, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return pool.request("GET", sandbox.url + path, headers=headers)


# --- the token endpoint -----------------------------------------------------------


def test_token_is_issued_as_json(pool, sandbox):
    response = token_call(pool, sandbox, demo_form(grant_type="client_credentials"))
    assert response.status == 200
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    assert response.headers["Cache-Control"] == "no-store"
    payload = json.loads(response.data)
    assert payload["token_type"] == "Bearer"
    assert payload["expires_in"] == 900
    assert len(payload["access_token"]) >= 40
    assert api_get(pool, sandbox, PORTFOLIO, payload["access_token"]).status == 200


def test_grant_type_defaults_to_client_credentials_and_old_tokens_stay_valid(pool, sandbox):
    first = json.loads(token_call(pool, sandbox, demo_form()).data)["access_token"]
    second = json.loads(token_call(pool, sandbox, demo_form(grant_type="")).data)["access_token"]
    assert first != second
    assert api_get(pool, sandbox, PORTFOLIO, first).status == 200
    assert api_get(pool, sandbox, PORTFOLIO, second).status == 200


@pytest.mark.parametrize(
    ("body", "headers", "error"),
    [
        ('{"client_id": "x"}', {"Content-Type": "application/json"}, "invalid_request"),
        (b"client_id=\xff\xfe", FORM, "invalid_request"),
        ("client_id=a&client_id=b&client_secret=s", FORM, "invalid_request"),
        (f"client_secret={DEMO_CLIENT_SECRET}", FORM, "invalid_request"),
        (f"client_id={DEMO_CLIENT_ID}", FORM, "invalid_request"),
        ("client_id=stranger&client_secret=whatever", FORM, "invalid_client"),
        (f"client_id={DEMO_CLIENT_ID}&client_secret=wrong-secret-value", FORM, "invalid_client"),
        (demo_form(grant_type="password"), FORM, "unsupported_grant_type"),
    ],
    ids=["json-body", "not-utf8", "repeated", "no-id", "no-secret", "unknown-client", "wrong-secret", "grant"],
)
def test_token_errors_follow_rfc_6749(pool, sandbox, body, headers, error):
    response = token_call(pool, sandbox, body, headers)
    assert response.status == 400
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    payload = json.loads(response.data)
    assert payload["error"] == error
    assert payload["error_description"]
    assert b"wrong-secret-value" not in response.data
    assert DEMO_CLIENT_SECRET.encode() not in response.data


def test_http_basic_client_authentication(pool, sandbox):
    good = base64.b64encode(f"{DEMO_CLIENT_ID}:{DEMO_CLIENT_SECRET}".encode()).decode()
    response = token_call(pool, sandbox, "grant_type=client_credentials", {**FORM, "Authorization": f"Basic {good}"})
    assert response.status == 200
    bad = base64.b64encode(f"{DEMO_CLIENT_ID}:nope".encode()).decode()
    response = token_call(pool, sandbox, "", {**FORM, "Authorization": f"Basic {bad}"})
    assert response.status == 401
    assert response.headers["WWW-Authenticate"].startswith("Basic")
    assert json.loads(response.data)["error"] == "invalid_client"


def test_registered_clients_and_token_lifetime(pool, sandbox):
    sandbox.register_client("reporting-job", "s3cret")
    sandbox.token_lifetime = 2
    response = token_call(pool, sandbox, "client_id=reporting-job&client_secret=s3cret")
    assert response.status == 200
    assert json.loads(response.data)["expires_in"] == 2


def test_token_endpoint_only_accepts_post(pool, sandbox):
    response = pool.request("GET", sandbox.url + TOKEN)
    assert response.status == 405
    assert response.headers["Allow"] == "POST"


# --- bearer tokens (RFC 6750) ------------------------------------------------------------


def assert_unauthorized(response, code):
    assert response.status == 401
    assert response.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    payload = json.loads(response.data)
    assert payload["warnings"] == []
    (error,) = payload["errors"]
    assert error["type"] == "authorization"
    assert error["code"] == code
    assert error["instance"] == PORTFOLIO
    assert error["traceId"] and error["title"] and error["detail"]


def test_missing_and_unknown_tokens_get_401(pool, sandbox):
    assert_unauthorized(api_get(pool, sandbox, PORTFOLIO), "authorization-token-invalid")
    assert_unauthorized(api_get(pool, sandbox, PORTFOLIO, "not-a-token"), "authorization-token-invalid")
    basic = pool.request("GET", sandbox.url + PORTFOLIO, headers={"Authorization": "Basic abc"})
    assert_unauthorized(basic, "authorization-token-invalid")
    assert sandbox.unauthorized_responses == 3


def test_expired_token_gets_401(pool, sandbox):
    token = sandbox.issue_token(lifetime=0.05)
    time.sleep(0.1)
    assert_unauthorized(api_get(pool, sandbox, PORTFOLIO, token), "authorization-token-expired")


def test_revoked_tokens_get_401_and_new_ones_work(pool, sandbox):
    old = sandbox.issue_token()
    sandbox.revoke_all_tokens()
    assert_unauthorized(api_get(pool, sandbox, PORTFOLIO, old), "authorization-token-invalid")
    assert api_get(pool, sandbox, PORTFOLIO, sandbox.issue_token()).status == 200


def test_bearer_scheme_is_case_insensitive(pool, sandbox):
    token = sandbox.issue_token()
    response = pool.request("GET", sandbox.url + PORTFOLIO, headers={"Authorization": f"bearer {token}"})
    assert response.status == 200


# --- faults -------------------------------------------------------------------------------


def test_status_sequence_then_normal_service(pool, sandbox):
    token = sandbox.issue_token()
    sandbox.script(PORTFOLIO, [Fault(status=503, count=2), 500])
    statuses = [api_get(pool, sandbox, PORTFOLIO, token).status for _ in range(4)]
    assert statuses == [503, 503, 500, 200]
    error = json.loads(pool.request("GET", sandbox.url + PORTFOLIO).data)["errors"][0]
    assert error["code"] == "authorization-token-invalid"  # faults used up: normal rules again


def test_scripted_error_bodies(pool, sandbox):
    sandbox.script(PORTFOLIO, [503, Fault(status=500, body={"custom": True})])
    first = api_get(pool, sandbox, PORTFOLIO)
    assert first.headers["Content-Type"] == "application/json; charset=utf-8"
    error = json.loads(first.data)["errors"][0]
    assert (error["type"], error["code"]) == ("availability", "service-unavailable")
    assert json.loads(api_get(pool, sandbox, PORTFOLIO).data) == {"custom": True}


def test_rate_limit_fault_has_criteo_headers_and_body(pool, sandbox):
    sandbox.script(PORTFOLIO, [Fault(status=429)])
    before = time.time()
    response = api_get(pool, sandbox, PORTFOLIO, sandbox.issue_token())
    assert response.status == 429
    assert "Retry-After" not in response.headers
    assert response.headers["x-ratelimit-limit"].isdigit()
    assert response.headers["x-ratelimit-remaining"] == "0"
    assert before < int(response.headers["x-ratelimit-reset"]) <= before + 2
    error = json.loads(response.data)["errors"][0]
    assert (error["type"], error["code"]) == ("quota", "too-many-requests")


def test_rate_limit_fault_with_retry_after(pool, sandbox):
    sandbox.script(PORTFOLIO, [Fault(status=429, headers={"Retry-After": "2"})])
    before = time.time()
    response = api_get(pool, sandbox, PORTFOLIO)
    assert response.headers["Retry-After"] == "2"
    assert before + 1 < int(response.headers["x-ratelimit-reset"]) <= before + 3


def test_wildcard_and_token_path_scripts(pool, sandbox):
    sandbox.script(TOKEN, [Fault(status=503)])
    sandbox.script("*", [502])
    assert token_call(pool, sandbox, demo_form()).status == 503  # its own queue first
    assert api_get(pool, sandbox, "/2021-04/audiences").status == 502
    assert json.loads(token_call(pool, sandbox, demo_form()).data)["token_type"] == "Bearer"
    assert api_get(pool, sandbox, "/2021-04/audiences").status == 401
    assert sandbox.pending_faults("*") == 0


def test_headers_only_fault_keeps_the_normal_answer(pool, sandbox):
    sandbox.script(PORTFOLIO, [Fault(headers={"X-Debug": "yes"})])
    response = api_get(pool, sandbox, PORTFOLIO, sandbox.issue_token())
    assert response.status == 200
    assert response.headers["X-Debug"] == "yes"
    assert json.loads(response.data)["data"]


def test_delay_fault(pool, sandbox):
    sandbox.script(PORTFOLIO, [Fault(delay=0.3)])
    started = time.monotonic()
    response = api_get(pool, sandbox, PORTFOLIO, sandbox.issue_token())
    assert response.status == 200
    assert time.monotonic() - started >= 0.3


def test_reset_fault_drops_the_connection(pool, sandbox):
    sandbox.script(PORTFOLIO, [Fault(reset=True)])
    with pytest.raises(urllib3.exceptions.ProtocolError) as failure:
        api_get(pool, sandbox, PORTFOLIO)
    assert isinstance(failure.value.args[-1], ConnectionResetError)
    assert api_get(pool, sandbox, PORTFOLIO).status == 401  # and the next request is served
    assert sandbox.api_requests == 2


def test_stall_fault_sends_headers_then_nothing(sandbox):
    sandbox.script(PORTFOLIO, [Fault(stall=True)])
    connection = HTTPConnection("127.0.0.1", sandbox.port, timeout=0.3)
    connection.request("GET", PORTFOLIO)
    response = connection.getresponse()
    assert response.status == 401
    assert int(response.headers["Content-Length"]) > 0
    with pytest.raises(socket.timeout):
        response.read()
    connection.close()


def test_trickle_fault_sends_the_body_slowly(pool, sandbox):
    sandbox.script(PORTFOLIO, [Fault(status=200, body=b"0123456789", trickle=0.02)])
    started = time.monotonic()
    response = api_get(pool, sandbox, PORTFOLIO)
    assert response.data == b"0123456789"
    assert time.monotonic() - started >= 0.18


def test_faults_are_consumed_once_each_under_concurrency(sandbox):
    sandbox.script(PORTFOLIO, [Fault(status=503, count=10)])
    pool = urllib3.PoolManager(retries=False, maxsize=8, timeout=5)
    statuses = []
    lock = threading.Lock()

    def worker():
        for _ in range(5):
            status = pool.request("GET", sandbox.url + PORTFOLIO).status
            with lock:
                statuses.append(status)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    pool.clear()
    assert statuses.count(503) == 10
    assert statuses.count(401) == 30


def test_fault_validation():
    with pytest.raises(ValueError):
        Fault(status=42)
    with pytest.raises(ValueError):
        Fault(count=0)
    with pytest.raises(TypeError):
        Sandbox().script(PORTFOLIO, ["503"])


# --- recording -------------------------------------------------------------------------


def test_requests_are_recorded_and_counted(pool, sandbox):
    token_call(pool, sandbox, demo_form())
    pool.request(
        "POST",
        sandbox.url + "/2021-04/audiences?x=1&x=2&y=",
        body=b'{"a": 1}',
        headers={"Content-Type": "application/json", "X-Trace": "abc"},
    )
    first, second = sandbox.requests
    assert (first.method, first.path) == ("POST", TOKEN)
    assert first.form == {"client_id": DEMO_CLIENT_ID, "client_secret": DEMO_CLIENT_SECRET}
    assert (second.method, second.path) == ("POST", "/2021-04/audiences")
    assert second.query == {"x": ["1", "2"], "y": [""]}
    assert second.headers["x-trace"] == "abc" and "CONTENT-TYPE" in second.headers
    assert second.json() == {"a": 1}
    assert (sandbox.token_requests, sandbox.api_requests, sandbox.unauthorized_responses) == (1, 1, 1)
    assert DEMO_CLIENT_SECRET not in repr(first)

    sandbox.reset_counters()
    assert sandbox.requests == []
    assert (sandbox.token_requests, sandbox.api_requests, sandbox.unauthorized_responses) == (0, 0, 0)


def test_authorization_header_is_masked_in_reprs(pool, sandbox):
    token = sandbox.issue_token()
    api_get(pool, sandbox, PORTFOLIO, token)
    (recorded,) = sandbox.requests
    assert recorded.headers["Authorization"] == f"Bearer {token}"
    assert token not in repr(recorded)


# --- HTTP behaviour and robustness ------------------------------------------------------------


def test_unknown_path_and_wrong_method(pool, sandbox):
    token = sandbox.issue_token()
    missing = api_get(pool, sandbox, "/2021-04/nothing-here", token)
    assert missing.status == 404
    assert json.loads(missing.data)["errors"][0]["code"] == "not-found"
    wrong = pool.request("DELETE", sandbox.url + PORTFOLIO, headers={"Authorization": f"Bearer {token}"})
    assert wrong.status == 405
    assert wrong.headers["Allow"] == "GET, HEAD"
    search = api_get(pool, sandbox, "/2021-04/marketing-solutions/ad-sets/search", token)
    assert search.status == 405
    assert search.headers["Allow"] == "POST"
    stats = pool.request("DELETE", sandbox.url + "/2021-04/statistics/report", headers={"Authorization": f"Bearer {token}"})
    assert (stats.status, stats.headers["Allow"]) == (405, "POST")


def test_keep_alive_serves_many_requests_on_one_connection(sandbox):
    token = sandbox.issue_token()
    connection = HTTPConnection("127.0.0.1", sandbox.port, timeout=2)
    connection.connect()
    local = connection.sock.getsockname()
    for _ in range(3):
        connection.request("GET", PORTFOLIO, headers={"Authorization": f"Bearer {token}"})
        response = connection.getresponse()
        assert response.status == 200
        response.read()
        assert connection.sock.getsockname() == local
    connection.close()


def test_head_request_gets_headers_only(sandbox):
    connection = HTTPConnection("127.0.0.1", sandbox.port, timeout=2)
    connection.request("HEAD", PORTFOLIO)  # answered like GET: here, no token
    response = connection.getresponse()
    assert response.status == 401
    assert int(response.getheader("Content-Length")) > 0
    assert response.read() == b""
    connection.close()


def test_malformed_json_body_gets_400(pool, sandbox):
    response = pool.request(
        "POST",
        sandbox.url + "/2021-04/audiences",
        body=b"{not json",
        headers={"Authorization": f"Bearer {sandbox.issue_token()}", "Content-Type": "application/json"},
    )
    assert response.status == 400
    assert json.loads(response.data)["errors"][0]["code"] == "invalid-json"


def test_oversized_body_gets_413(pool, sandbox):
    response = pool.request("POST", sandbox.url + TOKEN, body=b"x" * (1024 * 1024 + 1), headers=FORM)
    assert response.status == 413
    assert api_get(pool, sandbox, PORTFOLIO).status == 401  # still serving


def test_garbage_on_the_wire_does_not_break_the_server(pool, sandbox):
    for garbage in (b"\x00\xff garbage\r\n\r\n", b"GET / HTTP/1.1\r\nContent-Length: nope\r\n\r\n"):
        with socket.create_connection(("127.0.0.1", sandbox.port), timeout=2) as raw:
            raw.sendall(garbage)
            reply = raw.recv(4096)
            assert reply.startswith(b"HTTP/1.1 400")
    chunked = pool.request(
        "POST", sandbox.url + TOKEN, body=iter([demo_form().encode()]), headers={**FORM, "Transfer-Encoding": "chunked"}
    )
    assert chunked.status == 200
    assert api_get(pool, sandbox, PORTFOLIO).status == 401


def test_stop_is_quick_even_during_a_stall():
    sandbox = Sandbox().start()
    sandbox.script(PORTFOLIO, [Fault(stall=True)])
    connection = HTTPConnection("127.0.0.1", sandbox.port, timeout=5)
    connection.request("GET", PORTFOLIO)
    connection.getresponse()
    started = time.monotonic()
    sandbox.stop()
    assert time.monotonic() - started < 1.0
    connection.close()
    with pytest.raises(RuntimeError):
        _ = sandbox.url


def test_stop_closes_idle_keep_alive_connections_and_restart_works():
    sandbox = Sandbox().start()
    connection = HTTPConnection("127.0.0.1", sandbox.port, timeout=2)
    connection.request("GET", PORTFOLIO)
    connection.getresponse().read()
    sandbox.stop()
    with pytest.raises((ConnectionError, HTTPException, OSError)):
        connection.request("GET", PORTFOLIO)
        connection.getresponse()
    connection.close()
    with sandbox:  # a stopped sandbox can start again, keeping its world
        assert sandbox.url.startswith("http://127.0.0.1:")


def test_serve_prints_the_url_and_demo_credentials(pool):
    out, ready, stop = io.StringIO(), threading.Event(), threading.Event()
    runner = threading.Thread(target=serve, kwargs={"out": out, "ready": ready, "stop": stop}, daemon=True)
    runner.start()
    assert ready.wait(5)
    banner = out.getvalue()
    url = banner.split("listening on ", 1)[1].split()[0]
    assert DEMO_CLIENT_ID in banner and DEMO_CLIENT_SECRET in banner
    assert pool.request("POST", url + TOKEN, body=demo_form(), headers=FORM).status == 200
    stop.set()
    runner.join(5)
    assert not runner.is_alive()


def test_url_has_no_trailing_slash(sandbox):
    assert sandbox.url == f"http://127.0.0.1:{sandbox.port}"
    assert sandbox.running


# --- pytest plugin ------------------------------------------------------------------------------


def test_function_fixture(pool, criteo_sandbox):  # noqa: F811 - the fixture imported above
    assert criteo_sandbox.running
    assert api_get(pool, criteo_sandbox, PORTFOLIO, criteo_sandbox.issue_token()).status == 200


def test_session_fixture(criteo_sandbox_session):  # noqa: F811 - the fixture imported above
    assert criteo_sandbox_session.running
    assert criteo_sandbox_session.world.advertiser_ids == [10001, 10002, 10003]
