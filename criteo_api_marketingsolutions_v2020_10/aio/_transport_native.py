"""The default asynchronous transport: the SDK's own HTTP/1.1 client on asyncio, with no library below it.

The protocol work is ``_http11`` (sans-I/O) and the connections are
``_http11_connection``; this module routes a request (directly, through a
forwarding proxy for ``http://``, or through a ``CONNECT`` tunnel for
``https://``), opens connections under the connect timeout and the TLS
settings, and maps every failure to the SDK's errors, as the other
transports do. It exists because the client's own work per call is small
next to what a general-purpose library spends on features the SDK never
uses (cookies, redirects, tracing, multipart); see docs/Asyncio.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import time
import warnings
from typing import Any, Coroutine, Mapping, Optional, Tuple

import urllib3

from criteo_api_marketingsolutions_v2020_10._http11 import BodyDecoder, InvalidResponse, ResponseHead, request_head
from criteo_api_marketingsolutions_v2020_10._transport_errors import (
    CONNECT_TIMEOUT,
    READ_TIMEOUT,
    deadline_passed,
    mark_sent,
    tls_failure,
)
from criteo_api_marketingsolutions_v2020_10.aio._http11_connection import (
    ConnectionPool,
    DeadlineReached,
    Http11Connection,
    ReadTimeout,
)
from criteo_api_marketingsolutions_v2020_10.aio._http11_route import Route, Router
from criteo_api_marketingsolutions_v2020_10.aio._streaming import AsyncBody, within
from criteo_api_marketingsolutions_v2020_10.aio._transport import ExchangeTransport
from criteo_api_marketingsolutions_v2020_10.aio._transport_settings import (
    DEFAULT_LIMIT,
    ssl_setting,
    system_trust,
    timeout_parts,
)
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiConnectionError, ApiTimeoutError

__all__ = ["NativeTransport"]

#: Seconds before the next address of a host is tried alongside (RFC 8305), so a dead IPv6 route costs little.
HAPPY_EYEBALLS_DELAY = 0.25
#: A request body up to this size goes out in the same write as its head.
_JOINED_BODY = 64 * 1024


def native_error(exc: BaseException) -> ApiConnectionError:
    """The SDK's error for a failure after the request may have gone out (its ``__cause__`` is set by the caller)."""
    if isinstance(exc, DeadlineReached):
        return deadline_passed()
    if isinstance(exc, ReadTimeout):
        return mark_sent(ApiTimeoutError(reason=READ_TIMEOUT), True)
    if isinstance(exc, InvalidResponse):
        return mark_sent(ApiConnectionError(reason=f"invalid answer: {exc}"), True)
    # A reset, a disconnect, a broken body: it may have been applied, so it is never taken as not sent.
    return mark_sent(ApiConnectionError(reason=f"connection failed: {type(exc).__name__}"), True)


def _connect_failure(exc: OSError) -> ApiConnectionError:
    if isinstance(exc, ssl.SSLError):
        return tls_failure(exc)
    return mark_sent(ApiConnectionError(reason=f"cannot connect: {type(exc).__name__}"), False)


def _connect_timed_out() -> ApiTimeoutError:
    error = ApiTimeoutError(reason=CONNECT_TIMEOUT)
    error.request_sent = False
    return error


def _unverified() -> ssl.SSLContext:
    # Not create_default_context(): it would load a trust store that is never consulted.
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


class NativeBody(AsyncBody):
    """An answer on one of the pool's connections, its body unread; ``Content-Encoding`` gzip or deflate undone."""

    def __init__(
        self, pool: ConnectionPool, route: Route, connection: Http11Connection, head: ResponseHead,
        read_timeout: Optional[float],
    ) -> None:
        super().__init__(head.status, head.reason, head.headers, head, read_timeout)
        self._pool = pool
        self._origin = route.origin
        self._connection: Optional[Http11Connection] = connection
        self._decoder = BodyDecoder.for_headers(head.headers)
        self._undecoded = False  # input the decoder holds back

    def _open(self) -> Http11Connection:
        if self._connection is None:
            raise InvalidResponse("the body was already released")
        return self._connection

    async def read_chunk(self, size: int) -> bytes:
        """At most ``size`` body bytes, decoded, as soon as some arrive; ``b""`` at the end."""
        connection = self._open()
        decoder = self._decoder
        if decoder is None:
            return await connection.read(size)
        while True:
            if self._undecoded:
                # Decoding what is already in needs no wait: let the loop run between pieces all the same, as a
                # small body may decode to a large one.
                await asyncio.sleep(0)
                data, at_end = b"", False
            else:
                data = await connection.read(size)
                at_end = not data  # the body's end: input held back (a header cut short) is not
            out, self._undecoded = decoder.decode(data, size)
            if out:
                return out
            if decoder.ended:  # what follows is not the body's: its connection is not reused
                return b""
            if at_end and not self._undecoded:
                decoder.finish()
                return b""

    async def read_declared(self) -> bytes:
        """The whole body of an answer that declared its length (the parser holds it to that length)."""
        connection = self._open()
        data = await connection.read()
        if connection.complete and not connection.buffered:  # the common case: all of it came with the head
            return data
        parts = [data]
        while part := await connection.read():
            parts.append(part)
        return b"".join(parts)

    async def release(self, complete: bool) -> None:
        """Back to the pool when read to its end and reusable; closed otherwise."""
        connection, self._connection = self._connection, None
        if connection is not None:
            if not complete:
                connection.close()
            self._pool.release(self._origin, connection)

    def error_for(self, failure: Exception) -> ApiConnectionError:
        """The SDK's error for a failure while reading the body."""
        return native_error(failure)

    def __del__(self) -> None:
        # A streamed answer dropped without aclose(): its connection is closed and its pool slot given back,
        # or the pool's cap would starve later calls. On the loop's own thread at once; from another thread
        # (the collector may run anywhere), on the loop's next turn.
        connection = self.__dict__.get("_connection")
        if connection is None:
            return
        pool, origin = self._pool, self._origin

        def give_back() -> None:
            connection.close()
            pool.release(origin, connection)

        if connection.on_its_loop():
            give_back()
        else:
            with contextlib.suppress(RuntimeError):  # the loop has ended: its sockets went with it
                connection.loop_call_soon(give_back)
        if connection.loop_debug():  # as asyncio itself does for a transport left open
            warnings.warn("a streamed answer was dropped unclosed: use it in 'async with' or call aclose()",
                          ResourceWarning, stacklevel=1)

    def streaming(self) -> None:
        """Read as a stream: the call deadline stops at the headers (``AsyncStreamingResponse`` keeps its own)."""
        if self._connection is not None:
            self._connection.deadline = None


class NativeTransport(ExchangeTransport):
    """The asyncio client's default transport: HTTP/1.1 keep-alive connections of its own, no library needed.

    ``limit`` caps the connections in use at once (else
    ``Configuration.connection_pool_maxsize``, else 100); coroutines past
    it wait, within their call deadline. ``configuration`` gives the TLS
    settings (``verify_ssl``, ``ssl_ca_cert``, ``cert_file``/``key_file``,
    ``assert_hostname=False``; the system's trust store by default) and
    ``proxy``, ``proxy_headers`` and ``no_proxy`` (an ``http://`` proxy:
    ``http://`` requests are forwarded, ``https://`` ones tunnelled with
    ``CONNECT``). The pool belongs to the event loop it was made in: a
    request in another loop starts a new one. ``close()`` closes the idle
    connections.
    """

    def __init__(self, configuration: Any = None, *, limit: Optional[int] = None) -> None:
        self.limit = limit or max(getattr(configuration, "connection_pool_maxsize", None) or 0, DEFAULT_LIMIT)
        # A context when the configuration sets TLS; True or False become one on first use (the process-wide
        # verifying one, or one that verifies nothing), so a client made inside a running loop loads nothing.
        self._tls: Any = ssl_setting(configuration)
        self._router = Router(configuration)
        self._pool: Optional[ConnectionPool] = None
        self._loop: Optional[asyncio.AbstractEventLoop] = None

    # -- the seam

    def _send(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: Optional[bytes],
        timeout: urllib3.Timeout,
        deadline: Optional[float],
    ) -> Tuple[Any, Optional[float]]:
        connect, read = timeout_parts(timeout)
        return self._open(method, url, headers, body, connect, read, deadline), read

    async def _bounded(self, deadline: Optional[float], work: Coroutine[Any, Any, Any]) -> Any:
        # Every wait of the exchange ends at the deadline by itself (the pool's, the connect, the connection's
        # timer), so no timer of its own is set per call.
        if deadline is not None and time.monotonic() >= deadline:
            work.close()  # never started: nothing was sent
            raise deadline_passed()
        return await work

    def _body_of(self, response: Any, read_timeout: Optional[float]) -> AsyncBody:
        assert isinstance(response, NativeBody)
        return response

    def _error(self, failure: Exception) -> ApiConnectionError:
        return native_error(failure)

    async def close(self) -> None:
        """Close the idle connections; those still in use close when their answers are released."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()

    # -- one exchange

    async def _open(
        self, method: str, url: str, headers: Mapping[str, str], body: Optional[bytes],
        connect: Optional[float], read: Optional[float], deadline: Optional[float],
    ) -> NativeBody:
        route, target = self._router.route(url)
        sent_headers = {**headers, **route.proxy_headers} if route.proxy_headers and not route.tunnel else headers
        data = request_head(method, target, route.host_header, sent_headers, body)  # a bad head costs no connection
        pool = self._pool_here()
        connection = await pool.acquire(route.origin, lambda: self._connect(route, connect, deadline), deadline)
        try:
            # The connection's timer runs on the loop's clock.
            at = deadline - time.monotonic() + connection.loop_time() if deadline is not None else None
            if body and len(body) > _JOINED_BODY:
                connection.start(method, data, read, at)
                connection.send(body)
            else:
                connection.start(method, data + body if body else data, read, at)
            head = await connection.head()
        except BaseException:
            connection.close()
            pool.release(route.origin, connection)
            raise
        return NativeBody(pool, route, connection, head, read)

    def _pool_here(self) -> ConnectionPool:
        loop = asyncio.get_running_loop()
        if self._pool is None or self._loop is not loop:
            # A pool of a loop that has ended cannot be used, nor closed from here: its loop left its sockets.
            self._pool, self._loop = ConnectionPool(self.limit), loop
        return self._pool

    # -- connections

    async def _connect(self, route: Route, timeout: Optional[float], deadline: Optional[float]) -> Http11Connection:
        timeout_at = time.monotonic() + timeout if timeout is not None else None
        at = min(timeout_at, deadline) if timeout_at is not None and deadline is not None else (timeout_at or deadline)

        def expired() -> ApiTimeoutError:
            return deadline_passed() if deadline is not None and time.monotonic() >= deadline else _connect_timed_out()

        try:
            return await within(at, self._connected(route, timeout), expired)
        except OSError as exc:
            raise _connect_failure(exc) from exc

    async def _connected(self, route: Route, timeout: Optional[float]) -> Http11Connection:
        loop = asyncio.get_running_loop()
        context = self._context() if route.tls_host is not None and route.tunnel is None else None
        _, connection = await loop.create_connection(
            lambda: Http11Connection(loop), route.connect_host, route.connect_port,
            ssl=context, server_hostname=route.tls_host if context is not None else None,
            happy_eyeballs_delay=HAPPY_EYEBALLS_DELAY,
        )
        if route.tunnel is None:
            return connection
        try:
            await self._tunnel(loop, connection, route, timeout)
        except BaseException:
            connection.close()
            raise
        return connection

    async def _tunnel(
        self, loop: asyncio.AbstractEventLoop, connection: Http11Connection, route: Route, timeout: Optional[float]
    ) -> None:
        assert route.tunnel is not None
        headers = dict(route.proxy_headers or {})
        connection.start("CONNECT", request_head("CONNECT", route.tunnel, route.tunnel, headers, None), timeout)
        try:
            head = await connection.head()
        except Exception as exc:  # the proxy's answer broke off, or was not HTTP
            failure = mark_sent(ApiConnectionError(reason=f"proxy failure: {type(exc).__name__}"), False)
            raise failure from exc
        if not 200 <= head.status < 300 or not connection.finish():
            raise mark_sent(ApiConnectionError(reason=f"proxy failure: CONNECT answered {head.status}"), False)
        assert connection.transport is not None
        context = self._context()
        secured = await loop.start_tls(connection.transport, connection, context, server_hostname=route.tls_host)
        if secured is None:  # pragma: no cover - only a transport without TLS support returns None
            raise mark_sent(ApiConnectionError(reason="proxy failure: TLS could not start in the tunnel"), False)
        connection.connection_made(secured)

    def _context(self) -> ssl.SSLContext:
        if not isinstance(self._tls, ssl.SSLContext):
            self._tls = system_trust() if self._tls is True else _unverified()
        return self._tls
