"""How the asynchronous transports read bodies (``aio/_streaming.py``), over both and real sockets: the
``AsyncStreamingResponse`` (pieces, lines, sizes, the read timeout and stream deadline but not the call deadline,
closing, answers cut short), the size cap of bodies read whole, secrets in errors, and the bound used where
``asyncio.timeout`` is missing (Python 3.10)."""

from __future__ import annotations

import asyncio
import gzip
import time
from typing import Any, Optional

import pytest
import test_aio_transports as shared
from test_aio_transports import PORTFOLIO, SLACK, TIMEOUT, connections_in_use, idle_connections
from urllib3 import Timeout

from criteo_api_marketingsolutions_v2020_10 import exceptions
from criteo_api_marketingsolutions_v2020_10.aio import _streaming
from criteo_api_marketingsolutions_v2020_10.aio._streaming import AsyncStreamingResponse, open_async_stream
from criteo_api_marketingsolutions_v2020_10.rest import RESTResponse
from criteo_api_marketingsolutions_v2020_10.sandbox import Fault, Sandbox

pytestmark = pytest.mark.asyncio

# The fixtures of the transport tests, registered here too: each transport, and the module's one sandbox.
async_transport_name = shared.async_transport_name
shared_sandbox = shared.shared_sandbox
sandbox = shared.sandbox
transport = shared.transport

BODY = bytes(range(256)) * 40  # 10 240 bytes


async def stream_of(
    transport: Any,
    sandbox: Sandbox,
    fault: Fault,
    stream_deadline: Optional[float] = None,
    *,
    timeout: Timeout = TIMEOUT,
    deadline: Optional[float] = None,
    sensitive: bool = False,
) -> AsyncStreamingResponse:
    """The streamed answer of ``fault``, as the client opens it."""
    sandbox.script(PORTFOLIO, fault)
    raw = await transport.request(
        "GET", sandbox.url + PORTFOLIO, {}, None, timeout, preload_content=False, deadline=deadline
    )
    return open_async_stream(raw, stream_deadline, sensitive=sensitive)


# ---- reading


async def test_an_error_answer_asked_unread_is_read_with_its_body(transport, sandbox) -> None:
    sandbox.script(PORTFOLIO, Fault(status=503, body=b'{"errors": []}'))
    response = await transport.request("GET", sandbox.url + PORTFOLIO, {}, None, TIMEOUT, preload_content=False)
    assert isinstance(response, RESTResponse)
    assert (response.status, response.data) == (503, b'{"errors": []}')


async def test_a_success_asked_unread_comes_back_as_an_unread_stream(transport, sandbox) -> None:
    sandbox.script(PORTFOLIO, Fault(status=200, body=b"0123456789"))
    response = await transport.request("GET", sandbox.url + PORTFOLIO, {}, None, TIMEOUT, preload_content=False)
    assert isinstance(response, AsyncStreamingResponse)
    assert (response.status, response.bytes_read, response.content_length) == (200, 0, 10)
    assert await response.read() == b"0123456789"
    await response.aclose()


async def test_read_gives_exactly_what_is_asked_then_the_rest(transport, sandbox) -> None:
    stream = await stream_of(transport, sandbox, Fault(status=200, body=BODY))
    assert await stream.read(300) == BODY[:300]
    assert stream.bytes_read == 300
    assert await stream.read() == BODY[300:]
    assert await stream.read(5) == b""
    assert stream.bytes_read == len(BODY)
    # Read to its end: the connection went back to the pool, even before aclose().
    assert (connections_in_use(transport), idle_connections(transport)) == (0, 1)
    await stream.aclose()
    assert idle_connections(transport) == 1


async def test_pieces_are_at_most_the_chunk_size_asked(transport, sandbox) -> None:
    stream = await stream_of(transport, sandbox, Fault(status=200, body=BODY))
    with pytest.raises(ValueError):
        await stream.aiter_bytes(0).__anext__()
    pieces = [piece async for piece in stream.aiter_bytes(1000)]
    assert max(len(piece) for piece in pieces) <= 1000
    assert b"".join(pieces) == BODY


async def test_lines_and_async_for(transport, sandbox) -> None:
    stream = await stream_of(transport, sandbox, Fault(status=200, body=b"a\r\nbb\n\nccc", trickle=0.002))
    assert [line async for line in stream.aiter_lines(chunk_size=2)] == [b"a", b"bb", b"", b"ccc"]
    stream = await stream_of(transport, sandbox, Fault(status=200, body=BODY))
    assert b"".join([piece async for piece in stream]) == BODY


async def test_status_headers_and_states(transport, sandbox) -> None:
    stream = await stream_of(transport, sandbox, Fault(status=206, body=b"12345", headers={"X-Part": "1"}))
    assert (stream.status, stream.reason) == (206, "Partial Content")
    assert stream.getheader("x-part") == "1" and stream.getheaders()["X-PART"] == "1"
    assert stream.getheader("X-Missing", "none") == "none"
    assert stream.content_length == 5
    assert "open" in repr(stream)
    await stream.read()
    assert "read, 5 bytes read" in repr(stream)
    await stream.aclose()
    assert "closed" in repr(stream) and stream.closed


async def test_a_compressed_body_is_decoded(transport, sandbox) -> None:
    fault = Fault(status=200, body=gzip.compress(BODY), headers={"Content-Encoding": "gzip"})
    stream = await stream_of(transport, sandbox, fault)
    assert stream.content_length is None  # the header counts encoded bytes
    assert await stream.read() == BODY
    sandbox.script(PORTFOLIO, fault)
    preloaded = await transport.request("GET", sandbox.url + PORTFOLIO, {}, None, TIMEOUT)
    assert isinstance(preloaded, RESTResponse) and preloaded.data == BODY


# ---- bodies read whole: the size cap


async def test_a_declared_length_over_max_body_is_refused_before_reading(transport, sandbox) -> None:
    sandbox.script(PORTFOLIO, Fault(status=200, body=b"x" * 5000))
    with pytest.raises(exceptions.MalformedResponseError) as caught:
        await transport.request("GET", sandbox.url + PORTFOLIO, {}, None, TIMEOUT, max_body=1000)
    assert "1000 bytes" in str(caught.value)
    assert connections_in_use(transport) == 0
    assert (await transport.request("GET", sandbox.url + PORTFOLIO, {}, None, TIMEOUT)).status == 401


async def test_a_chunked_body_over_max_body_is_cut_while_read(transport, sandbox) -> None:
    head = b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
    chunks = b"".join(b"400\r\n" + b"y" * 1024 + b"\r\n" for _ in range(8)) + b"0\r\n\r\n"
    sandbox.script(PORTFOLIO, [Fault(raw=head + chunks), Fault(raw=head + chunks)])
    with pytest.raises(exceptions.MalformedResponseError):
        await transport.request("GET", sandbox.url + PORTFOLIO, {}, None, TIMEOUT, max_body=3000)
    response = await transport.request("GET", sandbox.url + PORTFOLIO, {}, None, TIMEOUT, max_body=8192)
    assert response.data == b"y" * 8192  # exactly at the cap is allowed


# ---- closing


async def test_async_with_closes_an_unread_body_at_once_without_draining_it(transport, sandbox) -> None:
    stream = await stream_of(transport, sandbox, Fault(status=200, body=BODY, stall=True))
    started = time.monotonic()
    async with stream:
        pass
    assert time.monotonic() - started < 0.2
    assert stream.closed
    assert (connections_in_use(transport), idle_connections(transport)) == (0, 0)  # closed, not pooled
    with pytest.raises(ValueError):
        await stream.read()


async def test_aclose_is_immediate_and_can_be_repeated(transport, sandbox) -> None:
    stream = await stream_of(transport, sandbox, Fault(status=200, body=BODY, trickle=0.05))
    assert len(await stream.read(1)) == 1
    started = time.monotonic()
    await stream.aclose()
    await stream.aclose()
    assert time.monotonic() - started < 0.2
    assert connections_in_use(transport) == 0
    assert (await transport.request("GET", sandbox.url + PORTFOLIO, {}, None, TIMEOUT)).status == 401


async def test_a_cancelled_read_closes_the_connection(transport, sandbox) -> None:
    stream = await stream_of(transport, sandbox, Fault(status=200, body=BODY, stall=True))
    reading = asyncio.create_task(stream.read())
    await asyncio.sleep(0.2)
    reading.cancel()
    with pytest.raises(asyncio.CancelledError):
        await reading
    assert (connections_in_use(transport), idle_connections(transport)) == (0, 0)
    assert await stream.read() == b""  # the stream is over


# ---- the two limits of a download, and not the call deadline


async def test_a_silent_body_ends_with_a_read_timeout(transport, sandbox) -> None:
    fault = Fault(status=200, body=BODY, stall=True)
    stream = await stream_of(transport, sandbox, fault, timeout=Timeout(connect=2.0, read=0.3))
    started = time.monotonic()
    with pytest.raises(exceptions.ApiTimeoutError) as caught:
        await stream.read()
    assert 0.25 <= time.monotonic() - started < 0.3 + SLACK
    assert caught.value.reason.startswith("read timeout")
    assert await stream.read() == b""  # the stream is over
    assert connections_in_use(transport) == 0


async def test_the_stream_deadline_ends_a_slow_download(transport, sandbox) -> None:
    stream = await stream_of(transport, sandbox, Fault(status=200, body=BODY, trickle=0.02), stream_deadline=0.3)
    started = time.monotonic()
    with pytest.raises(exceptions.ApiTimeoutError) as caught:
        async for _ in stream.aiter_bytes():
            pass
    assert time.monotonic() - started < 0.3 + SLACK
    assert "stream deadline" in caught.value.reason
    assert 0 < stream.bytes_read < len(BODY)
    assert connections_in_use(transport) == 0


async def test_the_stream_deadline_counts_from_the_headers(transport, sandbox) -> None:
    sandbox.script(PORTFOLIO, Fault(status=200, body=BODY))
    raw = await transport.request("GET", sandbox.url + PORTFOLIO, {}, None, TIMEOUT, preload_content=False)
    await asyncio.sleep(0.25)
    stream = open_async_stream(raw, 0.2)
    with pytest.raises(exceptions.ApiTimeoutError) as caught:
        await stream.read()
    assert "stream deadline" in caught.value.reason
    assert stream.bytes_read == 0


async def test_the_call_deadline_does_not_end_a_download_that_progresses(transport, sandbox) -> None:
    body = b"r" * 60
    started = time.monotonic()
    stream = await stream_of(
        transport, sandbox, Fault(status=200, body=body, trickle=0.02), deadline=time.monotonic() + 0.5
    )
    assert await stream.read() == body
    assert time.monotonic() - started > 0.5  # it outlived the call deadline


# ---- answers cut short, and secrets


async def test_a_body_cut_short_is_a_connection_error(transport, sandbox) -> None:
    stream = await stream_of(transport, sandbox, Fault(status=200, body=BODY, cut_after=100))
    with pytest.raises(exceptions.ApiConnectionError) as caught:
        await stream.read()
    assert not isinstance(caught.value, exceptions.ApiTimeoutError)
    assert caught.value.request_sent is True
    assert caught.value.__cause__ is not None  # the library's, kept for a body without secrets
    assert stream.bytes_read == 100


async def test_a_sensitive_stream_keeps_no_cause_that_could_quote_it(transport, sandbox) -> None:
    body = b'{"access_token": "tok-SECRET-123", "token_type": "Bearer"}'
    stream = await stream_of(transport, sandbox, Fault(status=200, body=body, cut_after=30), sensitive=True)
    with pytest.raises(exceptions.ApiConnectionError) as caught:
        await stream.read()
    assert caught.value.__cause__ is None and caught.value.__context__ is None
    assert "SECRET" not in str(caught.value)


async def test_a_garbled_status_line_is_not_quoted_in_the_error(transport, sandbox) -> None:
    sandbox.script(PORTFOLIO, Fault(raw=b"HTTP/1.1 2x0 tok-SECRET-VALUE\r\nContent-Length: 0\r\n\r\n"))
    with pytest.raises(exceptions.ApiConnectionError) as caught:
        await transport.request("GET", sandbox.url + PORTFOLIO, {}, None, TIMEOUT)
    assert "SECRET" not in str(caught.value) and "SECRET" not in repr(caught.value)
    assert caught.value.request_sent is True


async def test_only_a_transport_answer_can_be_streamed() -> None:
    with pytest.raises(exceptions.ApiConnectionError) as caught:
        open_async_stream(b"not an answer")
    assert "bytes" in caught.value.reason


# ---- without asyncio.timeout (Python 3.10): asyncio.wait_for bounds the waits


async def test_the_bounds_hold_with_wait_for(transport, sandbox, monkeypatch) -> None:
    monkeypatch.setattr(_streaming, "timeout_scope", None)
    sandbox.script(PORTFOLIO, Fault(stall=True))
    started = time.monotonic()
    with pytest.raises(exceptions.ApiTimeoutError) as caught:
        await transport.request("GET", sandbox.url + PORTFOLIO, {}, None, TIMEOUT, deadline=time.monotonic() + 0.3)
    assert time.monotonic() - started < 0.3 + SLACK
    assert "call deadline" in caught.value.reason
    # A read timeout is still told apart from the stream deadline.
    fault = Fault(status=200, body=BODY, stall=True)
    stream = await stream_of(transport, sandbox, fault, 5.0, timeout=Timeout(connect=2.0, read=0.2))
    with pytest.raises(exceptions.ApiTimeoutError) as caught:
        await stream.read()
    assert caught.value.reason.startswith("read timeout")
    assert connections_in_use(transport) == 0
