"""The native asyncio transport against scripted raw servers on 127.0.0.1: keep-alive, hostile answers, body
limits, Content-Encoding, the bytes sent, read timeouts between bytes, HTTPS through a CONNECT proxy, and a
client that runs with neither aiohttp nor httpx installed."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import re
import socket
import ssl
import struct
import subprocess
import sys
import time
from typing import Any, AsyncIterator, Iterator, List, Optional, Sequence, Set, Tuple, Union

import pytest
import pytest_asyncio
from test_aio_transports import certificate
from urllib3 import Timeout

from criteo_api_marketingsolutions_v2020_10 import Configuration, exceptions
from criteo_api_marketingsolutions_v2020_10.aio._streaming import AsyncStreamingResponse
from criteo_api_marketingsolutions_v2020_10.aio._transport_native import NativeTransport
from criteo_api_marketingsolutions_v2020_10.sandbox import Sandbox

pytestmark = pytest.mark.asyncio

MARKER = "SECRET-TOKEN-xyz"
TIMEOUT = Timeout(connect=2.0, read=2.0)
OK = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"


#: Parts of a scripted reply besides bytes written and pauses (seconds): end the connection, or abort it with a reset.
CLOSE, RESET = "close", "reset"
Reply = Sequence[Union[bytes, float, str]]


class RawServer:
    """A server on 127.0.0.1 that answers each request with the next scripted reply (``OK`` when none is
    left), records each request's bytes, and counts the connections it accepted."""

    def __init__(self) -> None:
        self.replies: List[Reply] = []
        self.requests: List[bytes] = []
        self.connections, self.port, self.url = 0, 0, ""

    def script(self, *replies: Reply) -> None:
        """Answer the next requests with ``replies``, in order."""
        self.replies.extend(replies)

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Answer one connection's requests until it ends or a reply ends it."""
        self.connections += 1
        while (request := await read_request(reader)) is not None:
            self.requests.append(request)
            if not await self.answer(writer, self.replies.pop(0) if self.replies else [OK]):
                return

    @staticmethod
    async def answer(writer: asyncio.StreamWriter, reply: Reply) -> bool:
        """Play ``reply``; whether the connection stays open."""
        for part in reply:
            if isinstance(part, bytes):
                writer.write(part)
                await writer.drain()
            elif isinstance(part, float):
                await asyncio.sleep(part)
            else:
                if part == RESET:  # no lingering: the kernel answers with RST
                    no_linger = struct.pack("ii", 1, 0)
                    writer.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, no_linger)
                    writer.transport.abort()
                return False
        return True


async def read_request(reader: asyncio.StreamReader) -> Optional[bytes]:
    """A request's head and its ``Content-Length`` body, or ``None`` when the client went away."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
        length = re.search(rb"\r\ncontent-length: *(\d+)", head, re.IGNORECASE)
        return head + (await reader.readexactly(int(length.group(1))) if length else b"")
    except (asyncio.IncompleteReadError, ConnectionError):
        return None


@contextlib.asynccontextmanager
async def listening(handler: Any, context: Optional[ssl.SSLContext] = None) -> AsyncIterator[int]:
    """``handler`` serving connections on 127.0.0.1: its port. Those still served at the end are cancelled
    (a reply may be pausing)."""
    serving: Set[Any] = set()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        serving.add(task := asyncio.current_task())
        try:
            await handler(reader, writer)
        except (ConnectionError, asyncio.CancelledError):
            pass  # ending normally, even when cancelled, keeps asyncio from logging it
        finally:
            writer.close()
            serving.discard(task)

    server = await asyncio.start_server(serve, "127.0.0.1", 0, ssl=context)
    try:
        yield server.sockets[0].getsockname()[1]
    finally:
        server.close()
        for task in list(serving):
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)


@pytest_asyncio.fixture
async def server() -> AsyncIterator[RawServer]:
    """A scripted server for the test."""
    raw = RawServer()
    async with listening(raw.serve) as raw.port:
        raw.url = f"http://127.0.0.1:{raw.port}"
        yield raw


@pytest_asyncio.fixture
async def transport() -> AsyncIterator[NativeTransport]:
    """A native transport with default settings, closed after the test."""
    made = NativeTransport()
    yield made
    await made.close()


def pool(transport: NativeTransport) -> Tuple[int, int]:
    """Connections of ``transport`` in use, and idle ones kept for the next request."""
    found = transport._pool
    return (found.in_use, found.idle_count()) if found is not None else (0, 0)


def chain(error: BaseException) -> Iterator[BaseException]:
    """``error`` and every error it was raised from or while handling."""
    seen: Set[int] = set()
    pending: List[Optional[BaseException]] = [error]
    while pending:
        current = pending.pop()
        if current is not None and id(current) not in seen:
            seen.add(id(current))
            yield current
            pending += [current.__cause__, current.__context__]


async def get(transport: NativeTransport, url: str, **kwargs: Any) -> Any:
    """A GET of ``url`` without headers (``timeout``: ``TIMEOUT`` unless given)."""
    return await transport.request("GET", url, {}, None, kwargs.pop("timeout", TIMEOUT), **kwargs)


# ---- keep-alive


@pytest.mark.parametrize(("reply", "connections"), [
    (OK, 1), (b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", 5),
], ids=["keep-alive", "Connection: close"])
async def test_sequential_requests_share_a_connection_unless_told_to_close(transport, server, reply, connections):
    # The server keeps every connection open: only the client's reading of the answer decides.
    server.script(*[[reply]] * 5)
    for _ in range(5):
        response = await get(transport, server.url + "/")
        assert (response.status, response.data) == (200, b"ok")
    assert (server.connections, len(server.requests), pool(transport)) == (connections, 5, (0, int(connections == 1)))


async def test_a_streamed_body_left_unread_closes_its_connection(transport, server) -> None:
    big = b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + b"x" * 100000
    server.script([big], [big])
    streamed = await get(transport, server.url + "/", preload_content=False)
    assert isinstance(streamed, AsyncStreamingResponse)
    assert len(await streamed.read(10)) == 10
    await streamed.aclose()
    assert pool(transport) == (0, 0)
    streamed = await get(transport, server.url + "/", preload_content=False)
    assert len(await streamed.read()) == 100000  # read to its end: kept for the next request
    await streamed.aclose()
    assert (pool(transport), server.connections) == ((0, 1), 2)
    assert (await get(transport, server.url + "/")).data == b"ok"
    assert server.connections == 2


# ---- hostile answers

SECRET = MARKER.encode()
HEAD_200 = b"HTTP/1.1 200 OK\r\n"
#: Answers a parser refuses or a connection that breaks, each carrying the marker, and the reason expected.
HOSTILE = {
    "garbage status line": ([SECRET + b" 200 OK\r\nContent-Length: 0\r\n\r\n"], "invalid answer: .*status line"),
    "conflicting Content-Length": (
        [HEAD_200 + b"X-Note: " + SECRET + b"\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n" + SECRET],
        "invalid answer: .*different Content-Length"),
    "70 KiB of headers": (
        [HEAD_200 + (b"X-Filler: " + SECRET * 60 + b"\r\n") * 70 + b"\r\n"], "invalid answer: .*head is longer"),
    "bad chunk": ([HEAD_200 + b"Transfer-Encoding: chunked\r\n\r\n" + SECRET + b"\r\n"], "invalid answer: a chunk"),
    "body cut short": ([HEAD_200 + b"Content-Length: 100\r\n\r\n" + SECRET, CLOSE],
                       "invalid answer: the connection closed before the end of the body"),
    "reset in the body": ([HEAD_200 + b"Content-Length: 100\r\n\r\n" + SECRET, 0.05, RESET], "connection failed"),
    "101": ([b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: " + SECRET + b"\r\n\r\n"], "invalid answer: .*switched"),
}


@pytest.mark.parametrize(("reply", "reason"), HOSTILE.values(), ids=HOSTILE.keys())
async def test_hostile_answers_are_connection_errors_that_quote_nothing(transport, server, reply, reason) -> None:
    server.script(reply)
    with pytest.raises(exceptions.ApiConnectionError) as caught:
        await get(transport, server.url + "/")
    error = caught.value
    assert not isinstance(error, exceptions.ApiTimeoutError)
    assert error.request_sent is True
    assert re.match(reason, error.reason), error.reason
    assert error.__cause__ is not None
    for link in chain(error):
        assert MARKER not in str(link) and MARKER not in repr(link), type(link)
    assert pool(transport) == (0, 0)
    assert (await get(transport, server.url + "/")).data == b"ok"  # the pool is fine
    assert pool(transport) == (0, 1)


# ---- body limits and Content-Encoding


def gzip_answer(payload: bytes, chunked: bool = False) -> bytes:
    """An answer carrying ``payload`` gzipped, framed by its length or chunked."""
    body = gzip.compress(payload)
    framing = b"Transfer-Encoding: chunked" if chunked else b"Content-Length: %d" % len(body)
    body = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body) if chunked else body
    return b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n" + framing + b"\r\n\r\n" + body


async def test_gzip_answers_come_back_decoded(transport, server) -> None:
    payload = b"line of text\n" * 20000
    server.script([gzip_answer(payload)], [gzip_answer(payload, chunked=True)])
    assert (await get(transport, server.url + "/")).data == payload
    streamed = await get(transport, server.url + "/", preload_content=False)
    pieces = [piece async for piece in streamed.aiter_bytes(4096)]
    await streamed.aclose()
    assert b"".join(pieces) == payload and max(map(len, pieces)) <= 4096
    assert streamed.bytes_read == len(payload)
    assert (server.connections, pool(transport)) == (1, (0, 1))


OVER_MAX_BODY = {
    "a declared length": [b"HTTP/1.1 200 OK\r\nContent-Length: 2097152\r\n\r\n" + b"x" * 1000, 5.0],
    "a gzip body that decodes past it": [gzip_answer(bytes(3 * 1024 * 1024))],
}


@pytest.mark.parametrize("reply", OVER_MAX_BODY.values(), ids=OVER_MAX_BODY.keys())
async def test_a_body_over_max_body_is_refused_without_reading_it_all(transport, server, reply) -> None:
    server.script(reply)
    started = time.monotonic()
    with pytest.raises(exceptions.MalformedResponseError) as caught:
        await get(transport, server.url + "/", max_body=1024 * 1024)
    assert time.monotonic() - started < 1.0  # the first one sends 1000 bytes of its 2 MiB, then waits
    assert "1048576 bytes" in str(caught.value)
    assert pool(transport) == (0, 0)


async def test_a_flood_of_tiny_chunks_cut_mid_chunk_arrives_whole(transport, server) -> None:
    body, cut = b"3\r\nabc\r\n" * 20000 + b"0\r\n\r\n", 8 * 10000 + 4  # the second part starts within a chunk
    server.script([b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body[:cut], 0.05, body[cut:]])
    assert (await get(transport, server.url + "/")).data == b"abc" * 20000
    assert (await get(transport, server.url + "/")).data == b"ok"
    assert (server.connections, pool(transport)) == (1, (0, 1))


async def test_bytes_sent_on_an_idle_connection_are_never_taken_for_an_answer(transport, server) -> None:
    stray = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nWRONG"
    server.script([OK, 0.05, stray], [b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecond"])
    assert (await get(transport, server.url + "/")).data == b"ok"
    await asyncio.sleep(0.3)
    assert (await get(transport, server.url + "/")).data == b"second"
    assert server.connections == 2


# ---- the bytes sent


async def test_a_large_post_is_sent_as_head_and_body_exactly(transport, server) -> None:
    body = bytes(range(256)) * 400
    headers = {"Content-Type": "application/octet-stream", "X-Trace": "t1"}
    response = await transport.request("POST", server.url + "/upload?x=1", headers, body, TIMEOUT)
    assert response.status == 200
    expected = (
        f"POST /upload?x=1 HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nContent-Type: application/octet-stream\r\n"
        f"X-Trace: t1\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    assert server.requests == [expected]


async def test_urls_are_percent_encoded_and_other_schemes_refused_before_sending(transport, server) -> None:
    await get(transport, server.url + "/a b/caf\u00e9?q=\u00fc&r=1")
    assert server.requests[0].split(b"\r\n")[0] == b"GET /a%20b/caf%C3%A9?q=%C3%BC&r=1 HTTP/1.1"
    with pytest.raises(exceptions.ApiConnectionError) as caught:
        await get(transport, f"ftp://127.0.0.1:{server.port}/file")
    assert caught.value.request_sent is False
    assert (server.connections, len(server.requests)) == (1, 1)


# ---- timeouts between bytes, and the deadline


HEAD_OF_10 = b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n"
#: A body's pace, the read timeout, the call deadline (seconds from the start) and the reason it fails with.
PACES = {
    "a byte every 0.1 s, read timeout 0.3 s": ([HEAD_OF_10, *[0.1, b"x"] * 10], 0.3, None, None),
    "a pause of 0.6 s, read timeout 0.3 s": ([HEAD_OF_10 + b"abc", 0.6, b"defghij"], 0.3, None, "read timeout"),
    "a pause past a deadline of 0.3 s": ([HEAD_OF_10 + b"abc", 3.0], 2.0, 0.3, "the call deadline"),
}


@pytest.mark.parametrize(("reply", "read", "deadline", "reason"), PACES.values(), ids=PACES.keys())
async def test_the_read_timeout_bounds_each_wait_and_the_deadline_the_call(
    transport, server, reply, read, deadline, reason
) -> None:
    server.script(reply)
    started = time.monotonic()
    call = get(transport, server.url + "/", timeout=Timeout(connect=2.0, read=read),
               deadline=started + deadline if deadline else None)
    if reason is None:
        assert (await call).data == b"x" * 10  # 1 s in all, each wait under the read timeout
        return
    with pytest.raises(exceptions.ApiTimeoutError) as caught:
        await call
    assert 0.25 <= time.monotonic() - started < 0.3 + 0.5
    assert caught.value.reason.startswith(reason) and caught.value.request_sent is True
    assert pool(transport) == (0, 0)


# ---- HTTPS through a CONNECT proxy


class ConnectProxy:
    """A CONNECT proxy to 127.0.0.1 only that records each CONNECT head; ``refuse`` answers 407 instead."""

    def __init__(self, refuse: bool) -> None:
        self.refuse = refuse
        self.heads: List[bytes] = []

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Open the tunnel asked for and pipe bytes both ways until either end closes."""
        self.heads.append(head := await reader.readuntil(b"\r\n\r\n"))
        target = re.match(rb"CONNECT 127\.0\.0\.1:(\d+) HTTP/1\.1\r\n", head)
        if self.refuse or target is None:
            writer.write(b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n")
            return
        upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", int(target.group(1)))
        writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        await asyncio.gather(pipe(reader, upstream_writer), pipe(upstream_reader, writer))


async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
    """Copy ``source`` to ``sink`` until ``source`` ends, then close ``sink``."""
    try:
        while data := await source.read(65536):
            sink.write(data)  # a few KiB in all: never enough to need a drain
    finally:
        sink.close()


@pytest.mark.parametrize("refuse", [False, True], ids=["tunnel", "407"])
async def test_https_goes_through_a_connect_proxy(tmp_path, refuse: bool) -> None:
    cert, context = certificate(tmp_path)
    proxy, tls = ConnectProxy(refuse=refuse), RawServer()
    async with listening(tls.serve, context) as tls.port, listening(proxy.serve) as proxy_port:
        configuration = Configuration()
        configuration.proxy = f"http://127.0.0.1:{proxy_port}"
        configuration.ssl_ca_cert = cert
        configuration.proxy_headers = {"X-Proxy-Note": "via"}
        transport = NativeTransport(configuration)
        try:
            outcome: Union[Any, exceptions.ApiConnectionError] = await get(transport, f"https://127.0.0.1:{tls.port}/")
        except exceptions.ApiConnectionError as error:
            outcome = error
        finally:
            await transport.close()
    authority = f"127.0.0.1:{tls.port}"
    assert proxy.heads == [f"CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\nX-Proxy-Note: via\r\n\r\n".encode()]
    if refuse:
        assert isinstance(outcome, exceptions.ApiConnectionError)
        assert outcome.reason.startswith("proxy failure") and "407" in outcome.reason
        assert (outcome.request_sent, outcome.tls_failure, tls.connections) == (False, False, 0)
    else:
        assert (outcome.status, outcome.data) == (200, b"ok")
        assert tls.requests == [f"GET / HTTP/1.1\r\nHost: {authority}\r\n\r\n".encode()]  # no proxy header


# ---- no HTTP library needed

NO_LIBRARY = """
import asyncio, sys
sys.modules.update(aiohttp=None, httpx=None)
from criteo_api_marketingsolutions_v2020_10 import Configuration, aio
from criteo_api_marketingsolutions_v2020_10.aio.api.advertiser_api import AdvertiserApi
from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
async def main():
    configuration = Configuration(host=sys.argv[1], client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET)
    async with aio.ApiClient(configuration) as client:
        portfolio = await AdvertiserApi(client).api_portfolio_get()
        print(type(client.pipeline.transport).__name__, portfolio.data[0].type)
asyncio.run(main())
"""


async def test_the_native_transport_needs_no_library() -> None:
    with Sandbox() as sandbox:
        command: Sequence[str] = [sys.executable, "-c", NO_LIBRARY, sandbox.url]
        done = await asyncio.to_thread(subprocess.run, command, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert done.stdout.split() == ["NativeTransport", "advertiser"]
        assert any(request.path == "/oauth2/token" for request in sandbox.requests)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/2021-04/advertisers/me?a=1",
        "https://localhost/x/y",
        "http://localhost?q=/looks/like/a/path",
        "http://[::1]:9000/v6",
        "http://localhost/a b/\u00e9?c=d e",
        "http://localhost/frag#part",
    ],
)
async def test_a_cached_origin_routes_every_url_as_a_first_parse_would(url: str) -> None:
    transport = NativeTransport()  # routes only: nothing is sent
    after_scheme = url.index("//") + 2
    sibling = url[:after_scheme] + url[after_scheme:].replace("/", "/other/", 1)
    # Routed once to fill the cache, then again from it, then a sibling URL of the same origin from it; each
    # compared with a transport that has never seen the origin.
    for each in (url, url, sibling):
        assert transport._router.route(each) == NativeTransport()._router.route(each), each
