"""Hostile and broken server behaviours of the sandbox, checked byte for byte over raw sockets."""

from __future__ import annotations

import json
import socket
import time
from http.client import HTTPConnection
from typing import Iterator, List, Optional, Tuple
from urllib.parse import urlencode

import pytest

from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, TOKEN_PATH, Fault, Sandbox
from criteo_api_marketingsolutions_v2020_10.sandbox.faults import CONTINUE_BYTES

PORTFOLIO = "/2021-04/advertisers/me"
LIMIT = 0.4  # the stall limit of these tests' sandbox, in seconds
SECRET = "s3cret+/=&%:£€ x"


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(stall_limit=LIMIT) as running:
        yield running


def send_request(sandbox, path=PORTFOLIO, *, method="GET", headers=None, body=b"", timeout=2.0) -> socket.socket:
    """Open a connection and send one request that asks the server to close afterwards."""
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close", f"Content-Length: {len(body)}"]
    lines.extend(f"{name}: {value}" for name, value in (headers or {}).items())
    connection = socket.create_connection(("127.0.0.1", sandbox.port), timeout=timeout)
    connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + body)
    return connection


def read_all(connection: socket.socket) -> Tuple[List[bytes], bool]:
    """Every chunk received until the server closes (``True``) or a read times out (``False``)."""
    chunks: List[bytes] = []
    with connection:
        while True:
            try:
                data = connection.recv(65536)
            except TimeoutError:
                return chunks, False
            except ConnectionResetError:
                data = b""
            if not data:
                return chunks, True
            chunks.append(data)


def exchange(sandbox: Sandbox, fault: Optional[Fault] = None, path: str = PORTFOLIO, **request) -> Tuple[bytes, float]:
    """Script ``fault``, send one request and return everything the sandbox wrote before closing, and the time taken."""
    if fault is not None:
        sandbox.script(path, [fault])
    started = time.monotonic()
    chunks, closed = read_all(send_request(sandbox, path, **request))
    assert closed, "the sandbox should have closed the connection"
    return b"".join(chunks), time.monotonic() - started


def split(response: bytes) -> Tuple[bytes, dict, bytes]:
    """Status line, headers (lower-case names) and body of a well-formed response."""
    head, _, body = response.partition(b"\r\n\r\n")
    status_line, *lines = head.split(b"\r\n")
    headers = {}
    for line in lines:
        name, _, value = line.partition(b":")
        headers[name.decode("latin-1").lower()] = value.strip()
    return status_line, headers, body


def connections_end(sandbox: Sandbox, timeout: float = 1.0) -> bool:
    """Whether the sandbox stops serving every connection within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while sandbox._server._connections and time.monotonic() < deadline:
        time.sleep(0.01)
    return not sandbox._server._connections


# --- head_trickle ---------------------------------------------------------------------


def test_head_trickle_sends_the_head_byte_by_byte_then_the_body(sandbox):
    sandbox.script(PORTFOLIO, [Fault(status=200, body=b'{"data":[]}', head_trickle=0.002, stall_limit=1.5)])
    started = time.monotonic()
    chunks, closed = read_all(send_request(sandbox))
    elapsed = time.monotonic() - started
    response = b"".join(chunks)
    status_line, headers, body = split(response)
    assert closed and status_line == b"HTTP/1.1 200 OK" and body == b'{"data":[]}'
    assert headers["content-length"] == b"11"
    head_length = len(response) - len(body)
    assert elapsed >= (head_length - 1) * 0.002
    assert len(chunks) > 20  # many small writes, not one


def test_head_trickle_is_cut_at_the_stall_limit(sandbox):
    response, elapsed = exchange(sandbox, Fault(status=200, head_trickle=0.05))
    assert b"HTTP/1.1 200 OK".startswith(response) and len(response) <= LIMIT / 0.05 + 1
    assert LIMIT - 0.05 <= elapsed < LIMIT + 0.5


# --- continues ------------------------------------------------------------------------


def test_continues_come_before_the_real_answer(sandbox):
    response, _ = exchange(sandbox, Fault(status=201, body=b"{}", continues=3))
    assert response.startswith(CONTINUE_BYTES * 3 + b"HTTP/1.1 201 Created\r\n")
    assert response.endswith(b"\r\n\r\n{}")
    assert CONTINUE_BYTES == b"HTTP/1.1 100 Continue\r\n\r\n"


def test_http_client_skips_the_continues(sandbox):
    sandbox.script(PORTFOLIO, [Fault(continues=2, continue_interval=0.01)])
    connection = HTTPConnection("127.0.0.1", sandbox.port, timeout=2)
    connection.request("GET", PORTFOLIO, headers={"Authorization": f"Bearer {sandbox.issue_token()}"})
    response = connection.getresponse()
    assert response.status == 200 and json.loads(response.read())["data"]
    connection.close()


def test_endless_continues_stop_at_the_stall_limit(sandbox):
    response, elapsed = exchange(sandbox, Fault(status=200, continues=-1, continue_interval=0.02))
    count = response.count(CONTINUE_BYTES)
    assert response == CONTINUE_BYTES * count and count >= 5
    assert LIMIT - 0.05 <= elapsed < LIMIT + 0.5


# --- open_headers and close_in_headers ------------------------------------------------


def test_open_headers_never_end_and_keep_read_timeouts_from_firing(sandbox):
    fault = Fault(status=200, open_headers=True, header_interval=0.05)
    response, elapsed = exchange(sandbox, fault, timeout=0.2)  # read_all would report a timeout
    assert response.startswith(b"HTTP/1.1 200 OK\r\n")
    assert b"\r\n\r\n" not in response and response.endswith(b"\r\n")
    assert b"X-Sandbox-Pending-1: waiting\r\nX-Sandbox-Pending-2: waiting\r\n" in response
    assert LIMIT - 0.05 <= elapsed < LIMIT + 0.5


def test_close_in_headers_cuts_the_first_header_line(sandbox):
    response, elapsed = exchange(sandbox, Fault(status=503, close_in_headers=True))
    assert response == b"HTTP/1.1 503 Service Unavailable\r\nServer: Crit"
    assert elapsed < 0.5


# --- raw bytes and recipes --------------------------------------------------------------


@pytest.mark.parametrize(
    "fault, expected",
    [
        (Fault(raw=b"\x00garbage\xff"), b"\x00garbage\xff"),
        (Fault.http09(b'{"data": []}'), b'{"data": []}'),
        (Fault.status_line_only(), b"HTTP/1.1 200 OK\r\n"),
        (Fault.status_line_only(503), b"HTTP/1.1 503 Service Unavailable\r\n"),
        (
            Fault.cr_only(200, {"X-A": "1"}, b"{}"),
            b"HTTP/1.1 200 OK\rX-A: 1\rContent-Type: application/json\rContent-Length: 2\r\r{}",
        ),
        (Fault.lf_only(404, body=b""), b"HTTP/1.1 404 Not Found\nContent-Length: 0\n\n"),
        (
            Fault.bad_chunks(b"zz"),
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"zz\r\n{}\r\n0\r\n\r\n",
        ),
        (Fault.raw_response(102, content_length=False), b"HTTP/1.1 102 Processing\r\n\r\n"),
        (
            Fault.raw_response(200, {"Content-Length": "99"}, b"short", reason="Fine"),
            b"HTTP/1.1 200 Fine\r\nContent-Length: 99\r\nContent-Type: application/json\r\n\r\nshort",
        ),
    ],
)
def test_recipes_write_exactly_their_bytes(sandbox, fault, expected):
    response, elapsed = exchange(sandbox, fault)
    assert (response, elapsed < 0.5) == (expected, True)
    assert sandbox.api_requests == 1  # the request was read and recorded


def test_recipes_accept_fault_options(sandbox):
    sandbox.script(PORTFOLIO, [Fault.http09("hello", delay=0.1, count=2)])
    assert exchange(sandbox)[0] == b"hello"
    response, elapsed = exchange(sandbox)
    assert response == b"hello" and elapsed >= 0.1
    assert exchange(sandbox)[0].startswith(b"HTTP/1.1 401 Unauthorized\r\n")  # then normal service


# --- echo -------------------------------------------------------------------------------


def test_echo_on_an_api_path_repeats_the_authorization_and_the_body(sandbox):
    authorization = f"Bearer {SECRET}"
    response, _ = exchange(
        sandbox, Fault(echo=True), method="POST", headers={"Authorization": authorization}, body=b'{"k":"body-text"}'
    )
    status_line, headers, body = split(response)
    assert status_line == b"HTTP/1.1 401 Unauthorized"
    assert headers["x-echo"] == authorization.encode("utf-8")  # the bytes received, sent back
    error = json.loads(body)["errors"][0]
    assert set(error) >= {"traceId", "type", "code", "title", "detail"}
    assert authorization in error["title"] and authorization in error["detail"]
    assert '{"k":"body-text"}' in error["detail"]
    assert sandbox.unauthorized_responses == 1


def test_echo_on_the_token_path_repeats_the_decoded_secret(sandbox):
    form = urlencode({"grant_type": "client_credentials", "client_id": DEMO_CLIENT_ID, "client_secret": SECRET})
    assert SECRET not in form  # percent-encoded on the wire
    response, _ = exchange(
        sandbox,
        Fault(echo=True),
        path=TOKEN_PATH,
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded", "Authorization": "Basic c2VjcmV0"},
        body=form.encode("ascii"),
    )
    status_line, headers, body = split(response)
    assert status_line == b"HTTP/1.1 400 Bad Request"
    assert SECRET.encode("utf-8") in headers["x-echo"]
    assert headers["x-echo"].endswith(b" Authorization: Basic c2VjcmV0")
    payload = json.loads(body)
    assert set(payload) == {"error", "error_description"}
    assert SECRET in payload["error_description"] and form in payload["error_description"]
    assert "Basic c2VjcmV0" in payload["error_description"]


def test_echo_takes_a_status_and_headers(sandbox):
    fault = Fault(echo=True, status=403, headers={"X-Extra": "1"})
    response, _ = exchange(sandbox, fault, headers={"Authorization": "Bearer abc"})
    status_line, headers, body = split(response)
    assert status_line == b"HTTP/1.1 403 Forbidden" and headers["x-extra"] == b"1"
    assert headers["x-echo"] == b"Bearer abc" and "Bearer abc" in json.loads(body)["errors"][0]["detail"]


# --- any status, reasons, bodies and content types -------------------------------------


def test_every_final_status_is_served_with_a_reason_phrase(sandbox):
    sandbox.script(PORTFOLIO, list(range(200, 600)))
    connection = HTTPConnection("127.0.0.1", sandbox.port, timeout=2)
    for status in range(200, 600):
        connection.request("GET", PORTFOLIO)
        response = connection.getresponse()
        body = response.read()
        assert (response.status, bool(response.reason)) == (status, True)
        assert status < 400 or json.loads(body)["errors"]  # error statuses get an error body
    connection.close()
    assert sandbox.pending_faults(PORTFOLIO) == 0


@pytest.mark.parametrize(
    "fault, length, body",
    [
        (Fault(status=204), None, b""),
        (Fault(status=304), None, b""),
        (Fault(status=205), b"0", b""),
        (Fault(status=204, body=b"oops"), b"4", b"oops"),  # a scripted body is sent anyway
    ],
)
def test_bodiless_statuses(sandbox, fault, length, body):
    _, headers, received = split(exchange(sandbox, fault)[0])
    assert (headers.get("content-length"), received) == (length, body)


@pytest.mark.parametrize(
    "status, line", [(299, b"299 Success"), (599, b"599 Server Error"), (432, b"432 Client Error")]
)
def test_unregistered_statuses_get_a_reason_naming_their_class(sandbox, status, line):
    assert exchange(sandbox, Fault(status=status))[0].startswith(b"HTTP/1.1 " + line + b"\r\n")
    assert exchange(sandbox, Fault(status=status, reason=""))[0].startswith(f"HTTP/1.1 {status} \r\n".encode())


@pytest.mark.parametrize("status", [100, 101, 102, 103, 199])
def test_informational_final_statuses_are_sent_then_the_connection_closes(sandbox, status):
    response, elapsed = exchange(sandbox, Fault(status=status))
    status_line, headers, body = split(response)
    assert status_line.startswith(f"HTTP/1.1 {status} ".encode())
    assert "content-length" not in headers and body == b"" and response.endswith(b"\r\n\r\n")
    assert elapsed < 0.5


@pytest.mark.parametrize(
    "content_type, body",
    [("text/html", b"<html>502</html>"), ("application/json; charset=utf-16", '{"a": 1}'.encode("utf-16"))],
)
def test_content_type_of_a_fault_body(sandbox, content_type, body):
    response, _ = exchange(sandbox, Fault(status=502, body=body, content_type=content_type))
    _, headers, received = split(response)
    assert headers["content-type"] == content_type.encode() and received == body


def test_content_type_applies_to_the_normal_answer_too(sandbox):
    token = sandbox.issue_token()
    response, _ = exchange(sandbox, Fault(content_type="text/plain"), headers={"Authorization": f"Bearer {token}"})
    status_line, headers, body = split(response)
    assert status_line == b"HTTP/1.1 200 OK" and headers["content-type"] == b"text/plain" and json.loads(body)


# --- the token endpoint ------------------------------------------------------------------


@pytest.mark.parametrize("status", [200, 302, 400, 401, 429, 503, 599])
def test_token_path_faults_work_like_any_path(sandbox, status):
    response, _ = exchange(sandbox, Fault(status=status), path=TOKEN_PATH, method="POST")
    status_line, _, body = split(response)
    assert status_line.startswith(f"HTTP/1.1 {status} ".encode())
    if 400 <= status != 429:
        assert set(json.loads(body)) == {"error", "error_description"}
    assert sandbox.token_requests == 1


@pytest.mark.parametrize(
    "fault",
    [Fault.status_line_only(), Fault(close_in_headers=True), Fault(continues=-1), Fault(stall=True)],
    ids=["raw", "cut", "continues", "stall"],
)
def test_token_path_hostile_faults(sandbox, fault):
    response, elapsed = exchange(sandbox, fault, path=TOKEN_PATH, method="POST")
    assert response.startswith(b"HTTP/1.1 ") and elapsed < LIMIT + 0.5


def test_catch_all_faults_reach_the_token_path(sandbox):
    sandbox.script("*", [Fault(raw=b"nope")])
    assert exchange(sandbox, path=TOKEN_PATH, method="POST")[0] == b"nope"


# --- bounds: trickles, stalls, stop() --------------------------------------------------------


def test_a_body_trickle_is_cut_at_the_stall_limit(sandbox):
    response, elapsed = exchange(sandbox, Fault(status=200, body=b"x" * 100, trickle=0.05))
    _, headers, body = split(response)
    assert headers["content-length"] == b"100" and 0 < len(body) < 100
    assert elapsed < LIMIT + 0.5


def test_a_fault_may_carry_its_own_stall_limit(sandbox):
    _, elapsed = exchange(sandbox, Fault(stall=True, stall_limit=0.1))
    assert elapsed < 0.35


@pytest.mark.parametrize(
    "fault",
    [Fault(continues=-1, continue_interval=0.01), Fault(open_headers=True, header_interval=0.01), Fault(stall=True)],
    ids=["continues", "open-headers", "stall"],
)
def test_waiting_faults_stop_when_the_client_hangs_up(fault):
    with Sandbox(stall_limit=30) as sandbox:
        sandbox.script(PORTFOLIO, [fault])
        connection = send_request(sandbox)
        assert connection.recv(9) == b"HTTP/1.1 "
        connection.close()
        assert connections_end(sandbox)


def test_stop_is_quick_while_hostile_faults_are_in_progress():
    sandbox = Sandbox(stall_limit=30).start()
    faults = [
        Fault(continues=-1),
        Fault(open_headers=True),
        Fault(head_trickle=0.2),
        Fault(status=200, body=b"x" * 1000, trickle=0.2),
        Fault(stall=True),
        Fault(delay=30),
    ]
    connections = []
    for index, fault in enumerate(faults):
        sandbox.script(f"/hostile-{index}", [fault])
        connections.append(send_request(sandbox, f"/hostile-{index}", timeout=1.5))
    assert all(connection.recv(1) for connection in connections[:-1])  # each fault has started writing
    started = time.monotonic()
    sandbox.stop()
    assert time.monotonic() - started < 1.0
    assert all(read_all(connection)[1] for connection in connections)  # every connection was closed...
    assert time.monotonic() - started < 1.5  # ...at once


@pytest.mark.parametrize(
    "options, error",
    [
        ({"continues": -2}, ValueError),
        ({"continues": -1, "continue_interval": 0}, ValueError),
        ({"open_headers": True, "header_interval": 0}, ValueError),
        ({"head_trickle": -0.1}, ValueError),
        ({"header_interval": float("nan")}, ValueError),
        ({"stall_limit": -1}, ValueError),
        ({"raw": "text"}, TypeError),
    ],
)
def test_fault_validation_of_the_new_options(options, error):
    with pytest.raises(error):
        Fault(**options)


def test_default_interval_between_continues():
    assert (Fault(continues=-1).waits_between_continues, Fault(continues=3).waits_between_continues) == (0.05, 0)
