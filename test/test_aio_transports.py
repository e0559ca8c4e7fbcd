"""The asynchronous transports (native, aiohttp, httpx) over real sockets to the sandbox: round trips, headers sent, the
call deadline, connection failures, cancellation, proxies, TLS, ownership, respx and 500 requests at once."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import ssl
import subprocess
import sys
import time
from typing import Any, AsyncIterator, Dict, Iterator, Optional, Tuple

import pytest
import pytest_asyncio
from test_pipeline import closed_port
from urllib3 import Timeout

from criteo_api_marketingsolutions_v2020_10 import Configuration, exceptions
from criteo_api_marketingsolutions_v2020_10.rest import RESTResponse
from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Fault, Sandbox

aiohttp = pytest.importorskip("aiohttp")
httpx = pytest.importorskip("httpx")

from criteo_api_marketingsolutions_v2020_10.aio._transport_aiohttp import AiohttpTransport  # noqa: E402
from criteo_api_marketingsolutions_v2020_10.aio._transport_httpx import HttpxTransport  # noqa: E402
from criteo_api_marketingsolutions_v2020_10.aio._transport_native import NativeTransport  # noqa: E402

pytestmark = pytest.mark.asyncio

PORTFOLIO = "/2021-04/advertisers/me"
TOKEN_PATH = "/oauth2/token"
#: The call deadline of the deadline tests, and how far past it a request may end.
DEADLINE = 0.5
SLACK = 0.5
TIMEOUT = Timeout(connect=2.0, read=2.0)


def make_transport(name: str, configuration: Optional[Configuration] = None, **kwargs: Any) -> Any:
    """A transport of the named kind, with its own session or client."""
    kinds = {"aiohttp": AiohttpTransport, "httpx": HttpxTransport, "native": NativeTransport}
    return kinds[name](configuration=configuration, **kwargs)


@pytest.fixture(scope="module")
def shared_sandbox() -> Iterator[Sandbox]:
    """One sandbox for the whole module: starting one per test would cost more than most tests."""
    with Sandbox() as running:
        yield running


@pytest.fixture
def sandbox(shared_sandbox: Sandbox) -> Iterator[Sandbox]:
    """The module's sandbox, with no fault left from an earlier test."""
    shared_sandbox.clear_script()
    yield shared_sandbox


@pytest.fixture(params=["native", "aiohttp", "httpx"])
def async_transport_name(request: pytest.FixtureRequest) -> str:
    """Each asynchronous transport in turn."""
    return str(request.param)


@pytest_asyncio.fixture
async def transport(async_transport_name: str, sandbox: Sandbox) -> Any:
    """A transport of each kind, closed after the test."""
    made = make_transport(async_transport_name, Configuration(host=sandbox.url))
    yield made
    await made.close()


def auth(sandbox: Sandbox) -> Dict[str, str]:
    """Headers of an authorised API call."""
    return {"Authorization": "Bearer " + sandbox.issue_token(), "Accept": "application/json"}


def connections_in_use(transport: Any) -> int:
    """Connections handed out and not given back (private attributes of each library: fine in tests)."""
    if isinstance(transport, NativeTransport):
        return transport._pool.in_use if transport._pool is not None else 0
    if isinstance(transport, AiohttpTransport):
        return len(transport.session.connector._acquired) if transport.session is not None else 0
    pool = transport.client._transport._pool
    return sum(1 for c in pool.connections if not c.is_idle() and not c.is_closed())


def idle_connections(transport: Any) -> int:
    """Connections kept in the pool for the next request."""
    if isinstance(transport, NativeTransport):
        return transport._pool.idle_count() if transport._pool is not None else 0
    if isinstance(transport, AiohttpTransport):
        return sum(len(conns) for conns in transport.session.connector._conns.values())
    return sum(1 for c in transport.client._transport._pool.connections if c.is_idle())


# ---- round trips


async def test_a_get_returns_status_headers_and_body(transport, sandbox) -> None:
    response = await transport.request("GET", sandbox.url + PORTFOLIO, auth(sandbox), None, TIMEOUT)
    assert isinstance(response, RESTResponse)
    assert (response.status, response.reason) == (200, "OK")
    assert response.headers["content-type"].startswith("application/json")  # looked up in any case
    assert int(response.getheader("Content-Length")) == len(response.data)
    assert json.loads(response.data)["data"][0]["type"] == "advertiser"


async def test_a_form_body_arrives_unchanged_with_the_headers_given(transport, sandbox) -> None:
    body = f"grant_type=client_credentials&client_id={DEMO_CLIENT_ID}&client_secret={DEMO_CLIENT_SECRET}".encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
    response = await transport.request("POST", sandbox.url + TOKEN_PATH, headers, body, TIMEOUT)
    assert response.status == 200
    assert json.loads(response.data)["token_type"] == "Bearer"
    seen = sandbox.requests[-1]
    assert seen.body == body
    assert seen.headers["Content-Type"] == "application/x-www-form-urlencoded"  # not replaced, not doubled


async def test_the_headers_sent_are_those_given(transport, sandbox) -> None:
    given = {**auth(sandbox), "User-Agent": "sdk/1.0", "X-Trace": "a b", "Content-Type": "application/json"}
    await transport.request("PUT", sandbox.url + PORTFOLIO, given, b'{"k": 1}', TIMEOUT)
    seen = sandbox.requests[-1].headers
    added_by_http = {"host", "content-length"}
    assert {name.lower() for name in seen} - added_by_http == {name.lower() for name in given}
    assert all(seen[name] == value for name, value in given.items())
    assert seen["Content-Length"] == "8"
    await transport.request("GET", sandbox.url + PORTFOLIO, {"X-Only": "1"}, None, TIMEOUT)
    assert {name.lower() for name in sandbox.requests[-1].headers} == {"host", "x-only"}


async def test_cookies_a_server_sets_are_never_sent_back(transport, sandbox) -> None:
    # As on the synchronous transports: a request carries the headers the SDK gives it, and no state
    # a server left in a cookie jar.
    sandbox.script(PORTFOLIO, Fault(status=200, headers={"Set-Cookie": "session=abc123; Path=/"}, body={}))
    await transport.request("GET", sandbox.url + PORTFOLIO, auth(sandbox), None, TIMEOUT)
    await transport.request("GET", sandbox.url + PORTFOLIO, auth(sandbox), None, TIMEOUT)
    assert "cookie" not in {name.lower() for name in sandbox.requests[-1].headers}


async def test_redirects_are_not_followed(transport, sandbox) -> None:
    sandbox.script(PORTFOLIO, Fault(status=302, headers={"Location": "/2021-04/advertisers/other"}))
    response = await transport.request("GET", sandbox.url + PORTFOLIO, {}, None, TIMEOUT)
    assert response.status == 302
    assert sandbox.requests[-1].path == PORTFOLIO


# ---- the call deadline


HOSTILE = {
    "trickled head": Fault(head_trickle=0.05),
    "endless 100 Continue": Fault(continues=-1),
    "headers that never end": Fault(open_headers=True),
    "stall in the body": Fault(stall=True),
    "trickled body": Fault(trickle=0.05),
}


async def test_hostile_answers_end_at_the_deadline(transport, sandbox) -> None:
    async def one(path: str, fault: Fault) -> float:
        sandbox.script(path, fault)
        started = time.monotonic()
        with pytest.raises(exceptions.ApiTimeoutError) as caught:
            await transport.request("GET", sandbox.url + path, {}, None, TIMEOUT, deadline=started + DEADLINE)
        assert "deadline" in caught.value.reason and caught.value.request_sent, path
        return time.monotonic() - started

    # All at once, each on its own path, to stay fast. Every try must end with the timeout; the time bound must
    # hold on one of two, so that a hiccup of a busy machine is not taken for a late deadline (late on both).
    for _ in range(2):
        took = await asyncio.gather(*(one(f"/hostile/{i}", fault) for i, fault in enumerate(HOSTILE.values())))
        if max(took) <= DEADLINE + SLACK:
            break
    else:
        raise AssertionError(f"ended after {dict(zip(HOSTILE, took))} s, past {DEADLINE} + {SLACK} s")
    assert connections_in_use(transport) == 0
    before = len(sandbox.requests)  # a deadline already passed sends nothing
    with pytest.raises(exceptions.ApiTimeoutError):
        await transport.request("GET", sandbox.url + PORTFOLIO, {}, None, TIMEOUT, deadline=time.monotonic() - 1)
    assert len(sandbox.requests) == before


async def test_a_silent_server_ends_with_a_read_timeout(transport, sandbox) -> None:
    sandbox.script(PORTFOLIO, Fault(stall=True))
    started = time.monotonic()
    with pytest.raises(exceptions.ApiTimeoutError) as caught:
        await transport.request("GET", sandbox.url + PORTFOLIO, {}, None, Timeout(connect=2.0, read=0.3))
    assert time.monotonic() - started < 0.3 + SLACK
    assert caught.value.reason.startswith("read timeout")
    assert caught.value.request_sent is True
    assert caught.value.__cause__ is not None  # the library's own timeout


# ---- connection failures


async def test_a_refused_connection_was_not_sent(transport) -> None:
    with pytest.raises(exceptions.ApiConnectionError) as caught:
        await transport.request("POST", f"http://127.0.0.1:{closed_port()}/x", {}, b"{}", TIMEOUT)
    assert not isinstance(caught.value, exceptions.ApiTimeoutError)
    assert (caught.value.request_sent, caught.value.tls_failure) == (False, False)
    cause = caught.value.__cause__
    assert isinstance(cause, ConnectionRefusedError) or type(cause).__module__.split(".")[0] in ("aiohttp", "httpx")


@pytest.mark.skipif(sys.platform != "linux", reason="relies on Linux dropping connections past a full queue")
async def test_a_server_that_never_accepts_ends_with_a_connect_timeout(transport) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)  # never accepted: once its queue is full, new connections wait in the handshake
    queued = [socket.socket() for _ in range(3)]
    for connection in queued:
        connection.setblocking(False)
        connection.connect_ex(listener.getsockname())
    try:
        with pytest.raises(exceptions.ApiTimeoutError) as caught:
            url = "http://{}:{}/".format(*listener.getsockname())
            await transport.request("GET", url, {}, None, Timeout(connect=0.3, read=2.0))
    finally:
        for connection in [*queued, listener]:
            connection.close()
    assert caught.value.reason.startswith("connect timeout")
    assert caught.value.request_sent is False


def certificate(folder: Any) -> Tuple[str, ssl.SSLContext]:
    """A certificate for 127.0.0.1 that no trust store knows (its file), and a server context using it."""
    key, cert = str(folder / "key.pem"), str(folder / "cert.pem")
    openssl = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1"
    command = [*openssl.split(), "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert]
    subprocess.run(command, check=True, capture_output=True, timeout=60)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return cert, context


@contextlib.asynccontextmanager
async def tls_server(folder: Any) -> AsyncIterator[Tuple[str, str]]:
    """An HTTPS server on 127.0.0.1 answering ``200 ok``, with a certificate no trust store knows: (URL, cert)."""
    cert, context = certificate(folder)

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0, ssl=context)
    try:
        yield f"https://127.0.0.1:{server.sockets[0].getsockname()[1]}/", cert
    finally:
        server.close()


async def tls_outcome(transport: Any, url: str) -> str:
    try:
        response = await transport.request("GET", url, {}, None, TIMEOUT)
    except exceptions.ApiConnectionError as error:
        return "tls failure" if error.tls_failure and not error.request_sent else repr(error)
    finally:
        await transport.close()
    return "ok" if (response.status, response.data) == (200, b"ok") else repr(response)


#: What the configuration sets (trust the certificate, verify), whether a session or client of yours is passed,
#: and the outcome by transport: a client of yours keeps its own TLS on httpx; aiohttp applies ours per request.
TLS_CASES = {
    "system trust": (False, True, False, {"native": "tls failure", "aiohttp": "tls failure", "httpx": "tls failure"}),
    "ssl_ca_cert": (True, True, False, {"native": "ok", "aiohttp": "ok", "httpx": "ok"}),
    "verify_ssl off": (False, False, False, {"native": "ok", "aiohttp": "ok", "httpx": "ok"}),
    "ssl_ca_cert, yours": (True, True, True, {"aiohttp": "ok", "httpx": "tls failure"}),
}


@pytest.mark.parametrize(("trust", "verify", "yours", "outcomes"), TLS_CASES.values(), ids=TLS_CASES.keys())
async def test_tls_settings_apply(async_transport_name, tmp_path, trust, verify, yours, outcomes) -> None:
    if async_transport_name not in outcomes:
        pytest.skip("the native transport has no session or client of yours")
    on_httpx = async_transport_name == "httpx"
    given: Any = (httpx.AsyncClient() if on_httpx else aiohttp.ClientSession()) if yours else None
    async with tls_server(tmp_path) as (url, cert):
        configuration = Configuration(ssl_ca_cert=cert if trust else None)
        configuration.verify_ssl = verify
        yours_kwargs = {"client" if on_httpx else "session": given} if given is not None else {}
        transport = make_transport(async_transport_name, configuration, **yours_kwargs)
        assert await tls_outcome(transport, url) == outcomes[async_transport_name]
    if given is not None:  # used, and left open
        assert (given.is_closed if on_httpx else given.closed) is False
        await (given.aclose() if on_httpx else given.close())


async def test_clients_with_default_tls_never_load_a_trust_store_on_the_loop(async_transport_name, monkeypatch) -> None:
    # Loading the system's trust store holds the loop for tens of milliseconds: with the default settings it is
    # the library's context, or one made once per process, never one per client.
    from criteo_api_marketingsolutions_v2020_10.aio import ApiClient
    from criteo_api_marketingsolutions_v2020_10.aio._transport_settings import system_trust

    system_trust()  # the process-wide context, made before counting
    made = []
    real = ssl.create_default_context
    monkeypatch.setattr(ssl, "create_default_context", lambda *args, **kwargs: made.append(kwargs) or real(*args, **kwargs))
    for _ in range(3):
        configuration = Configuration(host="https://127.0.0.1:9", client_id="id", client_secret="secret")
        async with ApiClient(configuration, transport=make_transport(async_transport_name, configuration)):
            pass
    assert made == []
    trusting = Configuration(ssl_ca_cert=__file__)
    with contextlib.suppress(ssl.SSLError):  # not a certificate: only whether it is read matters here
        make_transport(async_transport_name, trusting)
    assert made == [{"cafile": __file__}]


async def test_a_reset_after_the_request_may_have_been_applied(transport, sandbox) -> None:
    # Once on a fresh connection, once on a pooled one: no library retry hides either.
    for _ in range(2):
        sandbox.script(PORTFOLIO, Fault(reset=True))
        with pytest.raises(exceptions.ApiConnectionError) as caught:
            await transport.request("GET", sandbox.url + PORTFOLIO, {}, None, TIMEOUT)
        assert caught.value.request_sent is True
        assert caught.value.__cause__ is not None
        await transport.request("GET", sandbox.url + PORTFOLIO, {}, None, TIMEOUT)
    assert sandbox.pending_faults(PORTFOLIO) == 0


async def test_a_body_cut_short_is_a_connection_error(transport, sandbox) -> None:
    sandbox.script(PORTFOLIO, Fault(cut_after=10))
    with pytest.raises(exceptions.ApiConnectionError) as caught:
        await transport.request("GET", sandbox.url + PORTFOLIO, auth(sandbox), None, TIMEOUT)
    assert not isinstance(caught.value, exceptions.ApiTimeoutError)
    assert caught.value.request_sent is True
    assert connections_in_use(transport) == 0


# ---- cancellation


@pytest.mark.parametrize("fault", [Fault(delay=3.0), Fault(stall=True)], ids=["waiting for the head", "in the body"])
async def test_a_cancelled_request_releases_its_connection(transport, sandbox, fault) -> None:
    sandbox.script(PORTFOLIO, fault)
    sent = transport.request("GET", sandbox.url + PORTFOLIO, {}, None, Timeout(connect=5.0, read=5.0))
    task = asyncio.create_task(sent)
    await asyncio.sleep(0.3)
    task.cancel()
    started = time.monotonic()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert time.monotonic() - started < 0.5
    assert connections_in_use(transport) == 0
    assert (await transport.request("GET", sandbox.url + PORTFOLIO, {}, None, TIMEOUT)).status == 401


# ---- proxies and ownership


async def test_the_configured_proxy_carries_requests_but_those_to_no_proxy_hosts(async_transport_name, sandbox) -> None:
    # The sandbox answers a request in proxy form (absolute URL) as its own; the target port is closed.
    configuration = Configuration(host=sandbox.url)
    configuration.proxy = sandbox.url
    configuration.proxy_headers = {"X-Proxy-Note": "via"}
    proxied = make_transport(async_transport_name, configuration)
    configuration.no_proxy = "localhost, 127.0.0.1"
    direct = make_transport(async_transport_name, configuration)
    target = f"http://127.0.0.1:{closed_port()}{PORTFOLIO}"
    try:
        assert (await proxied.request("GET", target, auth(sandbox), None, TIMEOUT)).status == 200
        assert sandbox.requests[-1].headers["X-Proxy-Note"] == "via"
        before = len(sandbox.requests)
        with pytest.raises(exceptions.ApiConnectionError) as caught:
            await direct.request("GET", target, {}, None, TIMEOUT)
    finally:
        await proxied.close()
        await direct.close()
    assert caught.value.request_sent is False
    assert len(sandbox.requests) == before


async def test_a_transport_works_again_after_close_and_in_another_event_loop(transport, sandbox) -> None:
    async def one_request() -> int:
        return int((await transport.request("GET", sandbox.url + PORTFOLIO, {}, None, TIMEOUT)).status)

    # First in a loop that then ends without closing the transport, as a script calling asyncio.run twice.
    assert await asyncio.to_thread(asyncio.run, one_request()) == 401
    assert await one_request() == 401
    assert idle_connections(transport) == 1
    await transport.close()
    assert await one_request() == 401
    assert idle_connections(transport) == 1


async def test_the_modules_import_without_the_libraries(async_transport_name) -> None:
    if async_transport_name == "native":
        pytest.skip("covered by test_the_native_transport_needs_no_library")
    name = "HttpxTransport" if async_transport_name == "httpx" else "AiohttpTransport"
    script = (
        "import sys; sys.modules.update(aiohttp=None, httpx=None)\n"
        f"from criteo_api_marketingsolutions_v2020_10.aio._transport_{async_transport_name} import {name}\n"
        f"try:\n    {name}()\nexcept ImportError as error:\n    print(error)\n"
    )
    command = [sys.executable, "-c", script]
    output = await asyncio.to_thread(subprocess.run, command, capture_output=True, text=True, timeout=60)
    assert output.returncode == 0, output.stderr
    assert f"[{async_transport_name}]" in output.stdout


# ---- respx, and many requests at once


async def test_respx_mocks_the_httpx_transport(sandbox) -> None:
    respx = pytest.importorskip("respx")
    url = sandbox.url + PORTFOLIO
    before = len(sandbox.requests)
    async with httpx.AsyncClient() as client:
        transport = HttpxTransport(client=client)
        with respx.mock(assert_all_called=True) as mock:
            route = mock.get(url).mock(return_value=httpx.Response(200, json={"data": []}))
            response = await transport.request("GET", url, {"Accept": "application/json"}, None, TIMEOUT)
            streamed = await transport.request("GET", url, {}, None, TIMEOUT, preload_content=False)
            assert json.loads(await streamed.read()) == {"data": []}  # httpx's JSON spacing varies by version
    assert (response.status, json.loads(response.data)) == (200, {"data": []})
    assert route.call_count == 2
    assert route.calls[0].request.headers["Accept"] == "application/json"
    assert len(sandbox.requests) == before  # nothing reached the network


async def test_500_concurrent_requests_all_succeed(async_transport_name, sandbox) -> None:
    # The native transport and aiohttp with their default pool of 100; httpx's pool grows slow with that many,
    # so it keeps 10.
    transport = make_transport(async_transport_name, limit=10 if async_transport_name == "httpx" else 100)
    headers, timeout = auth(sandbox), Timeout(connect=10.0, read=10.0)
    url = sandbox.url + PORTFOLIO
    try:
        responses = await asyncio.gather(*(transport.request("GET", url, headers, None, timeout) for _ in range(500)))
        assert [r.status for r in responses] == [200] * 500
        assert connections_in_use(transport) == 0
        assert 1 <= idle_connections(transport) <= transport.limit
    finally:
        await transport.close()
