"""The default asynchronous transport, over an ``aiohttp.ClientSession``.

Install with ``pip install criteo-api-marketingsolutions-v2020-10[aiohttp]``.
It keeps the contract of the synchronous transports: one request in, one
response out, no retries, no redirects, no raising for a status, the SDK's
errors for every failure. The helpers for TLS, proxies and timeouts here are
shared with the httpx transport.
"""

from __future__ import annotations

import asyncio
from typing import Any, Awaitable, Dict, List, Mapping, Optional, Tuple

import urllib3

from criteo_api_marketingsolutions_v2020_10._transport_errors import (
    CONNECT_TIMEOUT,
    READ_TIMEOUT,
    mark_sent,
    tls_failure,
)
from criteo_api_marketingsolutions_v2020_10.aio._streaming import AsyncBody
from criteo_api_marketingsolutions_v2020_10.aio._transport import ExchangeTransport
from criteo_api_marketingsolutions_v2020_10.aio._transport_settings import (
    DEFAULT_LIMIT,
    bypasses_proxy,
    import_optional,
    no_proxy_entries,
    ssl_setting,
    timeout_parts,
    tls_configured,
)
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiConnectionError, ApiTimeoutError

__all__ = ["AiohttpTransport"]

#: Headers aiohttp adds on its own when they are not given; the SDK sends only what it built.
_AUTO_HEADERS = ("Accept", "Accept-Encoding", "User-Agent", "Content-Type")

class AiohttpBody(AsyncBody):
    """An unread ``aiohttp.ClientResponse``."""

    def __init__(self, aiohttp: Any, response: Any, read_timeout: Optional[float]) -> None:
        super().__init__(response.status, response.reason or "", response.headers, response, read_timeout)
        self._aiohttp = aiohttp

    async def read_chunk(self, size: int) -> bytes:
        """At most ``size`` decoded bytes, as soon as some arrive; ``b""`` at the end."""
        chunk: bytes = await self.raw.content.read(size)
        return chunk

    async def read_declared(self) -> bytes:
        """The whole body, in aiohttp's one read (its length is declared and checked)."""
        data: bytes = await self.raw.read()
        return data

    async def release(self, complete: bool) -> None:
        """Back to the pool when read to its end; closed otherwise (aiohttp would not reuse it anyway)."""
        if complete:
            self.raw.release()
        else:
            self.raw.close()

    def error_for(self, failure: Exception) -> ApiConnectionError:
        """The SDK's error for an aiohttp error raised while reading the body."""
        return aiohttp_error(self._aiohttp, failure)


def aiohttp_error(aiohttp: Any, exc: Exception) -> ApiConnectionError:
    """The SDK's error for a failure of aiohttp (its ``__cause__`` is set by the caller)."""
    if isinstance(exc, (aiohttp.ClientSSLError, aiohttp.ServerFingerprintMismatch)):
        return tls_failure(exc)
    if isinstance(exc, (aiohttp.ClientProxyConnectionError, aiohttp.ClientHttpProxyError)):
        return mark_sent(ApiConnectionError(reason=f"proxy failure: {type(exc).__name__}"), False)
    if isinstance(exc, aiohttp.ClientConnectorError):  # refused, unreachable, or a name that does not resolve
        return mark_sent(ApiConnectionError(reason=f"cannot connect: {type(exc).__name__}"), False)
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return mark_sent(ApiTimeoutError(reason=CONNECT_TIMEOUT), False)
    if isinstance(exc, asyncio.TimeoutError):  # sock_read: ServerTimeoutError, SocketTimeoutError
        return mark_sent(ApiTimeoutError(reason=READ_TIMEOUT), True)
    if isinstance(exc, aiohttp.InvalidURL):
        return mark_sent(ApiConnectionError(reason="invalid URL"), False)
    # Anything else (a reset, a disconnect, a broken or short body) may have
    # happened after the request went out: never assume it was not applied.
    return mark_sent(ApiConnectionError(reason=f"connection failed: {type(exc).__name__}"), True)


class AiohttpTransport(ExchangeTransport):
    """The default transport of the asyncio client, over an ``aiohttp.ClientSession`` (yours, or its own).

    Its own session is made on the first request, inside the running loop,
    with a ``TCPConnector`` of ``limit`` connections (else
    ``Configuration.connection_pool_maxsize``, else 100) and the TLS settings
    of ``configuration``; ``close()`` closes it, and a later request (also
    in another event loop) makes a new one. A session you pass is used as it
    is and never closed here; ``Configuration.proxy`` (with ``proxy_headers``
    and ``no_proxy``) and the TLS settings ``configuration`` sets apply to it
    too, per request. Waiting for a free connection of a full pool is bounded
    by the call deadline.
    """

    def __init__(self, session: Any = None, configuration: Any = None, *, limit: Optional[int] = None) -> None:
        self._aiohttp: Any = import_optional("aiohttp", "aiohttp", "AiohttpTransport")
        self.session: Any = session
        self._owns_session = session is None
        # A cap, not a pool size: coroutines wait for a free connection, so the configuration's pool
        # size (sized for threads) only ever raises it.
        self.limit = limit or max(getattr(configuration, "connection_pool_maxsize", None) or 0, DEFAULT_LIMIT)
        self._timeouts: Dict[Tuple[Optional[float], Optional[float]], Any] = {}
        self._skips: Dict[Tuple[str, ...], List[str]] = {}
        self._ssl = ssl_setting(configuration)
        # True defers to the connector's: the one made here has the setting, a session you pass keeps its own.
        self._request_ssl = self._ssl if session is not None and tls_configured(configuration) else True
        self._proxy: Optional[str] = getattr(configuration, "proxy", None) or None
        self._proxy_headers: Optional[Dict[str, str]] = getattr(configuration, "proxy_headers", None)
        self._no_proxy = no_proxy_entries(configuration)
        self._loop: Optional[asyncio.AbstractEventLoop] = None

    def _session(self) -> Any:
        loop = asyncio.get_running_loop()
        # A session of ours made in a loop that has ended (``asyncio.run`` called again) cannot be used, nor
        # closed from here: it is left to the garbage collector, as the ended loop left its connections.
        stale = self._owns_session and (self.session is None or self.session.closed or self._loop is not loop)
        if stale:
            aiohttp = self._aiohttp
            connector = aiohttp.TCPConnector(limit=self.limit, ssl=self._ssl)
            # No cookie jar: each request carries only the SDK's headers, as on the synchronous transports.
            session = aiohttp.ClientSession(
                connector=connector, auto_decompress=True, raise_for_status=False, trust_env=False,
                timeout=aiohttp.ClientTimeout(total=None), cookie_jar=aiohttp.DummyCookieJar(),
            )
            # aiohttp repeats an idempotent request once when a connection
            # fails; the pipeline alone decides what is retried.
            if hasattr(session, "_retry_connection"):
                session._retry_connection = False
            self.session, self._loop = session, loop
        return self.session

    def _request_options(
        self, url: str, headers: Mapping[str, str], connect: Optional[float], read: Optional[float]
    ) -> Dict[str, Any]:
        options: Dict[str, Any] = {
            "headers": headers,
            "allow_redirects": False,
            "ssl": self._request_ssl,
            "timeout": self._client_timeout(connect, read),
            "skip_auto_headers": self._skipped_for(headers),
        }
        if self._proxy and not bypasses_proxy(url, self._no_proxy):
            options["proxy"] = self._proxy
            if self._proxy_headers and url.lower().startswith("https:"):
                options["proxy_headers"] = self._proxy_headers  # sent with the CONNECT of the tunnel
            elif self._proxy_headers:
                # A forwarding proxy reads them from the request itself, as urllib3's ProxyManager sends them.
                options["headers"] = {**headers, **self._proxy_headers}
        return options

    def _client_timeout(self, connect: Optional[float], read: Optional[float]) -> Any:
        # Calls of one client use a handful of timeouts: each is built once.
        key = (connect, read)
        found = self._timeouts.get(key)
        if found is None:
            if len(self._timeouts) > 64:
                self._timeouts.clear()
            found = self._timeouts[key] = self._aiohttp.ClientTimeout(
                total=None, connect=None, sock_connect=connect, sock_read=read
            )
        return found

    def _skipped_for(self, headers: Mapping[str, str]) -> List[str]:
        """The headers aiohttp would add on its own that the request does not carry (cached by header names)."""
        names = tuple(headers)
        found = self._skips.get(names)
        if found is None:
            if len(self._skips) > 64:
                self._skips.clear()
            given = {name.lower() for name in names}
            found = self._skips[names] = [name for name in _AUTO_HEADERS if name.lower() not in given]
        return found

    def _error(self, failure: Exception) -> ApiConnectionError:
        return aiohttp_error(self._aiohttp, failure)

    def _send(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: Optional[bytes],
        timeout: urllib3.Timeout,
        deadline: Optional[float],
    ) -> Tuple[Awaitable[Any], Optional[float]]:
        connect, read = timeout_parts(timeout)
        options = self._request_options(url, headers, connect, read)
        return self._session().request(method, url, data=body, **options), read

    def _body_of(self, response: Any, read_timeout: Optional[float]) -> AsyncBody:
        return AiohttpBody(self._aiohttp, response, read_timeout)

    async def close(self) -> None:
        """Close the session made here (a later request makes a new one); a session you passed stays open."""
        session = self.session
        if self._owns_session and session is not None:
            self.session = None
            await session.close()
