"""An asynchronous transport over an ``httpx.AsyncClient``, for code that already uses httpx (or mocks it with respx).

Install with ``pip install criteo-api-marketingsolutions-v2020-10[httpx]``.
Same contract as ``AiohttpTransport``: no retries, no redirects, no raising
for a status, the SDK's errors for every failure.
"""

from __future__ import annotations

import asyncio
import ssl
from typing import Any, Awaitable, Dict, List, Mapping, Optional, Tuple

import urllib3

from criteo_api_marketingsolutions_v2020_10._transport_errors import (
    CONNECT_TIMEOUT,
    READ_TIMEOUT,
    mark_sent,
    tls_failure,
)
from criteo_api_marketingsolutions_v2020_10._transport_requests import cookie_jar_keeping_nothing
from criteo_api_marketingsolutions_v2020_10.aio._streaming import AsyncBody
from criteo_api_marketingsolutions_v2020_10.aio._transport import ExchangeTransport
from criteo_api_marketingsolutions_v2020_10.aio._transport_settings import (
    DEFAULT_LIMIT,
    import_optional,
    no_proxy_entries,
    ssl_setting,
    system_trust,
    timeout_parts,
)
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiConnectionError, ApiTimeoutError

__all__ = ["HttpxTransport"]

#: Headers an ``httpx.AsyncClient`` adds to every request unless told otherwise; the SDK sends only what it built.
_CLIENT_DEFAULT_HEADERS = ("Accept", "Accept-Encoding", "Connection", "User-Agent")


class HttpxBody(AsyncBody):
    """An unread ``httpx.Response`` (sent with ``stream=True``)."""

    def __init__(self, httpx: Any, response: Any, read_timeout: Optional[float]) -> None:
        super().__init__(response.status_code, response.reason_phrase or "", response.headers, response, read_timeout)
        self._httpx = httpx
        # Pieces as they arrive, decoded; httpx's own chunk_size would wait to fill each one.
        self._chunks: Any = response.aiter_bytes()
        self._buffer = bytearray()

    async def read_chunk(self, size: int) -> bytes:
        """At most ``size`` decoded bytes, as soon as some arrive; ``b""`` at the end."""
        while not self._buffer:
            try:
                piece: bytes = await self._chunks.__anext__()
            except StopAsyncIteration:
                return b""
            self._buffer.extend(piece)
        taken = bytes(self._buffer[:size])
        del self._buffer[:size]
        return taken

    async def release(self, complete: bool) -> None:
        """Close the response: httpx pools a connection whose body was read to its end and closes any other."""
        try:
            await self._chunks.aclose()
        finally:
            await self.raw.aclose()

    def error_for(self, failure: Exception) -> ApiConnectionError:
        """The SDK's error for an httpx error raised while reading the body."""
        return httpx_error(self._httpx, failure)


def _from_ssl(exc: BaseException) -> bool:
    """Whether ``exc`` was caused by an ``ssl.SSLError`` (httpx wraps it in a ``ConnectError``)."""
    current: Optional[BaseException] = exc
    for _ in range(8):
        if current is None:
            return False
        if isinstance(current, ssl.SSLError):
            return True
        current = current.__cause__ or current.__context__
    return False


def httpx_error(httpx: Any, exc: Exception) -> ApiConnectionError:
    """The SDK's error for a failure of httpx (its ``__cause__`` is set by the caller)."""
    if isinstance(exc, httpx.ConnectError):
        if _from_ssl(exc):
            return tls_failure(exc)
        return mark_sent(ApiConnectionError(reason=f"cannot connect: {type(exc).__name__}"), False)
    if isinstance(exc, httpx.ConnectTimeout):
        return mark_sent(ApiTimeoutError(reason=CONNECT_TIMEOUT), False)
    if isinstance(exc, httpx.ReadTimeout):
        return mark_sent(ApiTimeoutError(reason=READ_TIMEOUT), True)
    if isinstance(exc, httpx.WriteTimeout):
        return mark_sent(ApiTimeoutError(reason="write timeout: the server did not take the request in time"), True)
    if isinstance(exc, httpx.PoolTimeout):
        return mark_sent(ApiTimeoutError(reason="pool timeout: no connection was free in time"), False)
    if isinstance(exc, httpx.ProxyError):
        return mark_sent(ApiConnectionError(reason=f"proxy failure: {type(exc).__name__}"), False)
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return mark_sent(ApiConnectionError(reason=f"invalid URL: {type(exc).__name__}"), False)
    # Anything else (a reset, a disconnect, a broken or short body) may have
    # happened after the request went out: never assume it was not applied.
    return mark_sent(ApiConnectionError(reason=f"connection failed: {type(exc).__name__}"), True)


def _proxy_options(httpx: Any, configuration: Any) -> Dict[str, Any]:
    """``proxy`` and ``mounts`` of an ``httpx.AsyncClient`` for ``Configuration.proxy``, ``proxy_headers`` and
    ``no_proxy`` (a host or domain there goes direct, its subdomains too)."""
    url = getattr(configuration, "proxy", None)
    entries = no_proxy_entries(configuration)
    if not url or any(not entry.lstrip(".") for entry in entries):
        return {}
    mounts: Dict[str, Any] = {}
    for entry in entries:
        domain = entry.lstrip(".")
        mounts[f"all://{domain}"] = None
        mounts[f"all://*.{domain}"] = None
    proxy = httpx.Proxy(url, headers=getattr(configuration, "proxy_headers", None) or None)
    return {"proxy": proxy, "mounts": mounts}


class HttpxTransport(ExchangeTransport):
    """A transport of the asyncio client over an ``httpx.AsyncClient`` (yours, or its own).

    Its own client is made here with the TLS settings of ``configuration``
    (the system's trust store, as the urllib3 transport uses), its proxy,
    ``limit`` connections (else ``Configuration.connection_pool_maxsize``,
    else 100), no environment settings and none of httpx's default headers;
    ``close()`` closes it, and a later request (also in another event loop)
    gets a new one. A client you pass keeps its own TLS, proxy and
    default headers, and is never closed here: this is how respx mocks the
    SDK. Redirects are never followed; waiting for a free connection of a
    full pool is bounded by the call deadline.
    """

    def __init__(self, client: Any = None, configuration: Any = None, *, limit: Optional[int] = None) -> None:
        self._httpx: Any = import_optional("httpx", "httpx", "HttpxTransport")
        self._owns_client = client is None
        self._configuration = configuration
        # A cap, not a pool size: coroutines wait for a free connection, so the configuration's pool
        # size (sized for threads) only ever raises it.
        self.limit = limit or max(getattr(configuration, "connection_pool_maxsize", None) or 0, DEFAULT_LIMIT)
        self.client: Any = client if client is not None else self._new_client()
        self._loop: Optional[asyncio.AbstractEventLoop] = None

    def _new_client(self) -> Any:
        httpx = self._httpx
        setting = ssl_setting(self._configuration)
        verify = system_trust() if setting is True else setting
        client = httpx.AsyncClient(
            verify=verify, trust_env=False, follow_redirects=False, cookies=cookie_jar_keeping_nothing(),
            limits=httpx.Limits(max_connections=self.limit, max_keepalive_connections=self.limit),
            **_proxy_options(httpx, self._configuration),
        )
        for name in _CLIENT_DEFAULT_HEADERS:
            del client.headers[name]
        return client

    def _renew_client(self) -> None:
        """A new client of ours after ``close()``, or in a new event loop: one made in a loop that has ended
        (``asyncio.run`` called again) cannot be used, nor closed from here; the garbage collector takes it."""
        loop = asyncio.get_running_loop()
        if self._owns_client and (self.client.is_closed or self._loop not in (None, loop)):
            self.client = self._new_client()
        self._loop = loop

    def _timeout(self, timeout: urllib3.Timeout) -> Tuple[Any, Optional[float]]:
        connect, read = timeout_parts(timeout)
        # Sending waits like reading (urllib3 sets the read timeout on the socket before it sends).
        return self._httpx.Timeout(connect=connect, read=read, write=read, pool=None), read

    def _error(self, failure: Exception) -> ApiConnectionError:
        return httpx_error(self._httpx, failure)

    def _send(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: Optional[bytes],
        timeout: urllib3.Timeout,
        deadline: Optional[float],
    ) -> Tuple[Awaitable[Any], Optional[float]]:
        self._renew_client()
        limits, read = self._timeout(timeout)
        outgoing = self.client.build_request(method, url, headers=_pairs(headers), content=body, timeout=limits)
        return self.client.send(outgoing, stream=True, follow_redirects=False), read

    def _body_of(self, response: Any, read_timeout: Optional[float]) -> AsyncBody:
        return HttpxBody(self._httpx, response, read_timeout)

    async def close(self) -> None:
        """Close the client made here (a later request makes a new one); a client you passed stays open."""
        if self._owns_client:
            await self.client.aclose()


def _pairs(headers: Mapping[str, str]) -> List[Tuple[str, str]]:
    return list(headers.items())
