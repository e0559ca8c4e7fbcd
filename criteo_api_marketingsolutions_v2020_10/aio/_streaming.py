"""Streamed answers of the asyncio client: ``AsyncStreamingResponse``, the twin of ``StreamingResponse``.

A 2xx answer asked for with ``_preload_content=False`` comes back before its
body is read. Its reads run under two limits, as in the synchronous client:

* the read timeout of the call bounds every wait for bytes, so a server that
  stops sending is noticed;
* ``Configuration.stream_deadline`` (seconds, ``None`` by default) bounds the
  whole body, counted from the moment its headers arrived.

The call deadline covers everything up to the headers; it does not end a
download that keeps making progress. Failures are the SDK's own errors:
``ApiTimeoutError`` for either limit, ``ApiConnectionError`` for an answer
cut short or a broken connection.

The module also holds what both asynchronous transports share: ``AsyncBody``
(the unread answer a transport hands over), ``within`` (an await bounded by a
``time.monotonic`` instant) and ``read_whole`` (a body read under a size cap).
"""

from __future__ import annotations

import asyncio
import math
import time
from types import TracebackType
from typing import Any, AsyncIterator, Callable, Coroutine, List, Mapping, Optional, Type, TypeVar

from criteo_api_marketingsolutions_v2020_10._streaming import DEFAULT_CHUNK_SIZE, LineSplitter
from criteo_api_marketingsolutions_v2020_10._transport_errors import READ_TIMEOUT, mark_sent
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiConnectionError, ApiException, ApiTimeoutError
from criteo_api_marketingsolutions_v2020_10.rest import READ_CHUNK, RESTResponse, too_large

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "AsyncBody",
    "AsyncStreamingResponse",
    "open_async_stream",
    "read_whole",
    "within",
]

T = TypeVar("T")

#: ``asyncio.timeout`` (Python 3.11 and later); without it, ``asyncio.wait_for`` bounds the wait.
timeout_scope: Optional[Callable[[float], Any]] = getattr(asyncio, "timeout", None)


async def within(at: Optional[float], work: Coroutine[Any, Any, T], expired: Callable[[], Exception]) -> T:
    """Await ``work``, cancelled at ``at`` (``time.monotonic`` seconds; ``None``: no bound), then ``expired()``
    is raised. ``work`` sees the cancellation, so its ``finally`` blocks release what it holds."""
    if at is None:
        return await work
    remaining = at - time.monotonic()
    if remaining <= 0:
        work.close()  # never started: nothing to release
        raise expired()
    if timeout_scope is not None:
        scope = timeout_scope(remaining)
        try:
            async with scope:
                return await work
        except asyncio.TimeoutError:
            if scope.expired():
                raise expired() from None
            raise
    try:
        return await asyncio.wait_for(work, remaining)
    except asyncio.TimeoutError as exc:
        # A library's own timeout subclasses asyncio.TimeoutError; only wait_for's is the bound.
        if type(exc) is asyncio.TimeoutError:
            raise expired() from None
        raise


class AsyncBody:
    """An unread answer, as an asynchronous transport hands it over: status line, headers, a body to pull.

    Each transport subclasses it over its library's response. ``headers_at``
    is when the headers arrived (``time.monotonic``), from which the stream
    deadline counts; ``read_timeout`` bounds every wait for body bytes.
    """

    def __init__(
        self, status: int, reason: str, headers: Mapping[str, str], raw: Any, read_timeout: Optional[float]
    ) -> None:
        self.status = status
        self.reason = reason
        self.headers = headers
        self.raw = raw
        self.read_timeout = read_timeout
        self.headers_at = time.monotonic()

    async def read_chunk(self, size: int) -> bytes:
        """At most ``size`` body bytes (decoded), as soon as some arrive; ``b""`` at the end."""
        raise NotImplementedError

    async def read_declared(self) -> bytes:
        """The whole body of an answer that declared its length and no encoding (one read if the library can)."""
        chunks: List[bytes] = []
        while chunk := await self.read_chunk(READ_CHUNK):
            chunks.append(chunk)
        return b"".join(chunks)

    async def release(self, complete: bool) -> None:
        """Give the connection back to the pool (``complete``: the body was read to its end) or close it."""
        raise NotImplementedError

    def streaming(self) -> None:
        """The body is to be read as a stream, which the call deadline no longer bounds (its own limits do)."""

    def error_for(self, failure: Exception) -> ApiConnectionError:
        """The SDK's error for a library error raised while reading the body (without its cause set)."""
        raise NotImplementedError


def declared_length(headers: Mapping[str, str]) -> Optional[int]:
    """The ``Content-Length`` of ``headers`` as a number, or ``None`` when absent or not one."""
    raw = headers.get("Content-Length")
    if raw is None or not raw.strip().isdigit():
        return None
    return int(raw)


async def read_whole(body: AsyncBody, max_body: Optional[int]) -> RESTResponse:
    """Read ``body`` into a ``RESTResponse``, at most ``max_body`` bytes; the connection is released either way.

    Library errors propagate as they are (the transport maps them); on any
    failure or cancellation the connection is closed, never drained.
    """
    limit = max_body if max_body is not None else math.inf
    complete = False
    try:
        declared = declared_length(body.headers)
        if declared is not None and declared > limit:
            raise too_large(body.status, body.headers, limit)
        if declared is not None and "content-encoding" not in body.headers:
            # The size is known and within the limit (a compressed body could grow past it: read by pieces).
            data = await body.read_declared()
            complete = True
            return RESTResponse(body.status, body.reason, body.headers, data, body.raw)
        chunks: List[bytes] = []
        total = 0
        while True:
            chunk = await body.read_chunk(READ_CHUNK)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise too_large(body.status, body.headers, limit)
            chunks.append(chunk)
        complete = True
    finally:
        await body.release(complete)
    return RESTResponse(body.status, body.reason, body.headers, b"".join(chunks), body.raw)


def _stream_deadline_passed() -> ApiTimeoutError:
    error = ApiTimeoutError(reason="the stream deadline (Configuration.stream_deadline) passed while reading the body")
    error.request_sent = True
    return error


def _read_timed_out() -> ApiConnectionError:
    return mark_sent(ApiTimeoutError(reason=READ_TIMEOUT), True)


def _positive_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


class AsyncStreamingResponse:
    """A successful answer whose body has not been read yet, read with ``await`` and ``async for``.

    Read it with ``aiter_bytes()``, ``aiter_lines()``, ``read()`` or
    ``async for chunk in response``. Use it in an ``async with`` block, or
    call ``aclose()``: a body read to its end gives its connection back to
    the pool, one left unread closes it (never drained: it may be gigabytes).

    Attributes:
        status, reason, headers: the status line and the headers (a
            case-insensitive mapping).
        bytes_read: body bytes handed out so far (after any
            ``Content-Encoding`` was decoded).
    """

    def __init__(self, body: AsyncBody, *, expires_at: Optional[float] = None, sensitive: bool = False) -> None:
        self.status = body.status
        self.reason = body.reason
        self.headers = body.headers
        self.bytes_read = 0
        self._body = body
        self._expires_at = expires_at
        # The body may hold a secret (a token answer): errors must not quote it.
        self._sensitive = sensitive
        self._ended = False
        self._closed = False
        self._released = False

    def limit(self, stream_deadline: Optional[float], *, sensitive: bool = False) -> None:
        """Bound the whole body to ``stream_deadline`` seconds from its headers; ``sensitive``: quote nothing."""
        self._expires_at = self._body.headers_at + stream_deadline if stream_deadline else None
        self._sensitive = self._sensitive or sensitive

    def getheaders(self) -> Mapping[str, str]:
        """All response headers (a case-insensitive mapping)."""
        return self.headers

    def getheader(self, name: str, default: Optional[str] = None) -> Optional[str]:
        """One response header, or ``default``."""
        return self.headers.get(name, default)

    @property
    def content_length(self) -> Optional[int]:
        """The body's size from ``Content-Length``, or ``None`` when not given or encoded."""
        if "content-encoding" in self.headers:
            return None
        return declared_length(self.headers)

    @property
    def closed(self) -> bool:
        """Whether ``aclose()`` was called (or the ``async with`` block ended)."""
        return self._closed

    # -- reading

    async def aiter_bytes(self, chunk_size: int = DEFAULT_CHUNK_SIZE) -> AsyncIterator[bytes]:
        """The body, in pieces of at most ``chunk_size`` bytes, as they arrive."""
        if not _positive_int(chunk_size):
            raise ValueError("chunk_size must be a positive int")
        while True:
            chunk = await self.read1(chunk_size)
            if not chunk:
                return
            yield chunk

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self.aiter_bytes()

    async def aiter_lines(self, chunk_size: int = DEFAULT_CHUNK_SIZE) -> AsyncIterator[bytes]:
        """The body's lines, without their ``\\n`` or ``\\r\\n``; a last line without one too."""
        splitter = LineSplitter()
        async for chunk in self.aiter_bytes(chunk_size):
            for line in splitter.feed(chunk):
                yield line
        for line in splitter.end():
            yield line

    async def read1(self, size: int = -1) -> bytes:
        """At most ``size`` bytes (``-1``: one piece of any size) from one read of the connection."""
        if self._closed:
            raise ValueError("read of a closed AsyncStreamingResponse")
        if self._ended:
            return b""
        if self._expires_at is not None and time.monotonic() >= self._expires_at:
            await self._fail()
            raise _stream_deadline_passed()
        chunk = await self._pull(size if size > 0 else DEFAULT_CHUNK_SIZE)
        if not chunk:
            self._ended = True
            await self._finish(True)
        self.bytes_read += len(chunk)
        return chunk

    async def read(self, size: int = -1) -> bytes:
        """``size`` bytes, fewer only at the end; everything left without ``size``."""
        parts: List[bytes] = []
        count = 0
        while size < 0 or count < size:
            chunk = await self.read1(DEFAULT_CHUNK_SIZE if size < 0 else min(size - count, DEFAULT_CHUNK_SIZE))
            if not chunk:
                break
            parts.append(chunk)
            count += len(chunk)
        return b"".join(parts)

    async def aread(self) -> bytes:
        """Everything left of the body (same as ``read()``)."""
        return await self.read()

    def _bound(self) -> Optional[float]:
        """When the next wait for bytes must end: the read timeout or the stream deadline, the sooner."""
        timeout = self._body.read_timeout
        idle_at = time.monotonic() + timeout if timeout is not None else None
        bounds = [at for at in (idle_at, self._expires_at) if at is not None]
        return min(bounds) if bounds else None

    def _expiry(self) -> Exception:
        if self._expires_at is not None and time.monotonic() >= self._expires_at:
            return _stream_deadline_passed()
        return _read_timed_out()

    async def _pull(self, size: int) -> bytes:
        failure: Optional[Exception] = None
        try:
            return await within(self._bound(), self._body.read_chunk(size), self._expiry)
        except ApiException:
            await self._fail()
            raise
        except Exception as exc:  # the library's
            failure = exc
        except BaseException:
            await self._fail()
            raise
        await self._fail()
        raise self._wrapped(failure)

    def _wrapped(self, failure: Exception) -> ApiConnectionError:
        error = self._body.error_for(failure)
        if isinstance(error, ApiTimeoutError) and self._expires_at is not None and time.monotonic() >= self._expires_at:
            error = _stream_deadline_passed()
        # A body holding a secret keeps no cause at all: no library, the SDK's own included, is trusted not to
        # quote what it was reading.
        if not self._sensitive:
            error.__cause__ = failure
        return error

    # -- the end

    async def _fail(self) -> None:
        self._ended = True
        await self._finish(False)

    async def _finish(self, complete: bool) -> None:
        if self._released:
            return
        self._released = True
        await self._body.release(complete)

    async def aclose(self) -> None:
        """Give the connection back (body read to its end) or close it (body left unread); at once either way."""
        if not self._closed:
            self._closed = True
            await self._finish(self._ended)

    async def __aenter__(self) -> AsyncStreamingResponse:
        return self

    async def __aexit__(
        self, kind: Optional[Type[BaseException]], error: Optional[BaseException], trace: Optional[TracebackType]
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        state = "closed" if self._closed else ("read" if self._ended else "open")
        return f"<AsyncStreamingResponse {self.status} {self.reason} {state}, {self.bytes_read} bytes read>"


def open_async_stream(
    raw: Any, stream_deadline: Optional[float] = None, *, sensitive: bool = False
) -> AsyncStreamingResponse:
    """The ``AsyncStreamingResponse`` of an asynchronous transport's unread 2xx answer.

    ``raw`` is what the transport returned: an ``AsyncStreamingResponse`` (or
    the ``AsyncBody`` inside one). From now on its reads are bounded by the
    read timeout and, when given, by ``stream_deadline`` seconds for the whole
    body from its headers on; no longer by the call deadline. ``sensitive``
    marks a body that may hold a secret: read errors then keep no library
    error that could quote it.
    """
    if isinstance(raw, AsyncStreamingResponse):
        raw.limit(stream_deadline, sensitive=sensitive)
        return raw
    if isinstance(raw, AsyncBody):
        response = AsyncStreamingResponse(raw, sensitive=sensitive)
        response.limit(stream_deadline)
        return response
    raise ApiConnectionError(reason=f"the transport returned a {type(raw).__name__}, which cannot be streamed")
