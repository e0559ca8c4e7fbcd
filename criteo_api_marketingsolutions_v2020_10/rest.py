"""Transports: the only code that does network I/O.

A transport sends one request and returns one response; it never retries,
never follows redirects and never raises for an HTTP status. Retries, auth
and error mapping live above it, in ``ApiClient``, once for every transport.

* ``RESTClientObject`` (the default) speaks urllib3 and honours every TLS,
  proxy and pool setting of ``Configuration``.
* ``RequestsTransport`` sends through a ``requests.Session`` you own, so your
  adapters, proxies and mounts apply and ``responses`` can mock the SDK.
  Install with ``pip install criteo-api-marketingsolutions-v2020-10[requests]``.

Connection-level failures come out as ``ApiConnectionError`` or
``ApiTimeoutError`` with the library's own error as ``__cause__``; the
attribute ``request_sent`` tells whether the request may have reached the
server (False for refused connections, DNS or TLS failures), which decides
whether a non-idempotent request can be retried.
"""

from __future__ import annotations

import logging
import re
import ssl
import time
from typing import Any, Dict, Mapping, Optional, Tuple, Union

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    NameResolutionError,
    NewConnectionError,
    ProxyError,
    ReadTimeoutError,
    SSLError,
)

from criteo_api_marketingsolutions_v2020_10._constants import (
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_READ_TIMEOUT,
)
from criteo_api_marketingsolutions_v2020_10.exceptions import (
    ApiConnectionError,
    ApiTimeoutError,
    ApiValueError,
    MalformedResponseError,
)

logger = logging.getLogger(__name__)

__all__ = [
    "RESTResponse",
    "RESTClientObject",
    "RequestsTransport",
    "Transport",
    "TimeoutSpec",
    "to_timeout",
    "DEFAULT_TIMEOUT",
]

TimeoutSpec = Union[None, int, float, Tuple[Optional[float], Optional[float]], urllib3.Timeout]

#: Used when neither the call nor the configuration sets a timeout.
DEFAULT_TIMEOUT = urllib3.Timeout(connect=DEFAULT_CONNECT_TIMEOUT, read=DEFAULT_READ_TIMEOUT)

_READ_CHUNK = 64 * 1024

#: urllib3 must not retry or redirect on its own: ApiClient decides.
_NO_RETRIES = urllib3.Retry.from_int(False, redirect=False)


def to_timeout(value: TimeoutSpec, default: urllib3.Timeout = DEFAULT_TIMEOUT) -> urllib3.Timeout:
    """Normalise ``_request_timeout``: a number (seconds, for connect and for read),
    a ``(connect, read)`` tuple, a ``urllib3.Timeout`` or ``None`` (the default)."""
    if value is None:
        return default
    if isinstance(value, urllib3.Timeout):
        return value
    if isinstance(value, bool):
        raise ApiValueError("_request_timeout must be a number, a (connect, read) tuple or urllib3.Timeout")
    if isinstance(value, (int, float)):
        if value <= 0:
            raise ApiValueError(f"_request_timeout must be positive, got {value}")
        return urllib3.Timeout(connect=value, read=value)
    if isinstance(value, tuple) and len(value) == 2:
        for part in value:
            if part is not None and (isinstance(part, bool) or not isinstance(part, (int, float)) or part <= 0):
                raise ApiValueError("_request_timeout tuple items must be positive numbers or None")
        return urllib3.Timeout(connect=value[0], read=value[1])
    raise ApiValueError(
        f"_request_timeout must be a number, a (connect, read) tuple or urllib3.Timeout, got {type(value).__name__}"
    )


class RESTResponse:
    """A fully read response: ``status``, ``reason``, ``headers`` and ``data`` (bytes)."""

    __slots__ = ("data", "headers", "reason", "status", "urllib3_response")

    def __init__(self, status: int, reason: str, headers: Mapping[str, str], data: bytes, raw: Any = None) -> None:
        self.status = status
        self.reason = reason
        self.headers = headers
        self.data = data
        self.urllib3_response = raw

    def getheaders(self) -> Mapping[str, str]:
        """All response headers (a case-insensitive mapping)."""
        return self.headers

    def getheader(self, name: str, default: Optional[str] = None) -> Optional[str]:
        """One response header, or ``default``."""
        return self.headers.get(name, default)

    def __repr__(self) -> str:
        return f"<RESTResponse {self.status} {self.reason} {len(self.data)} bytes>"


class Transport:
    """The seam between the client and the network. Subclasses only do I/O."""

    def request(
        self,
        method: str,
        url: str,
        headers: Dict[str, str],
        body: Optional[bytes],
        timeout: urllib3.Timeout,
        preload_content: bool = True,
        max_body: Optional[int] = None,
        deadline: Optional[float] = None,
    ) -> Any:
        """Send one request. With ``preload_content`` return a ``RESTResponse``
        whose body was read (at most ``max_body`` bytes, before the monotonic
        ``deadline``); without it, return the library's raw, unread response.

        ``headers`` may be shared with other calls: read it, never modify it.
        """
        raise NotImplementedError

    def close(self) -> None:
        """Release every connection."""


def _too_large(status: int, headers: Mapping[str, str], max_body: int) -> MalformedResponseError:
    return MalformedResponseError(
        f"a body of at most {max_body} bytes (Configuration.max_response_bytes)",
        "a larger body",
        status=status,
        headers=headers,
    )


def _check_deadline(deadline: Optional[float]) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise ApiTimeoutError(reason="the call deadline passed while reading the response")


class RESTClientObject(Transport):
    """The default transport, over a urllib3 ``PoolManager`` (or ``ProxyManager``).

    Built from a ``Configuration``: ``verify_ssl``, ``ssl_ca_cert``,
    ``cert_file``/``key_file``, ``assert_hostname``, ``proxy`` and
    ``proxy_headers``, ``connection_pool_maxsize`` and ``socket_options``
    all reach the pool. urllib3's own retries are off: ``ApiClient`` retries.
    """

    def __init__(self, configuration: Any, pools_size: int = 4, maxsize: Optional[int] = None) -> None:
        if maxsize is None:
            maxsize = configuration.connection_pool_maxsize
        pool_args: Dict[str, Any] = {
            "num_pools": pools_size,
            "maxsize": maxsize,
            "block": False,
            "retries": False,
        }
        if configuration.verify_ssl:
            pool_args["cert_reqs"] = ssl.CERT_REQUIRED
            if configuration.ssl_ca_cert:
                pool_args["ca_certs"] = configuration.ssl_ca_cert
        else:
            pool_args["cert_reqs"] = ssl.CERT_NONE
        if configuration.cert_file:
            pool_args["cert_file"] = configuration.cert_file
        if configuration.key_file:
            pool_args["key_file"] = configuration.key_file
        if configuration.assert_hostname is not None:
            pool_args["assert_hostname"] = configuration.assert_hostname
        if configuration.socket_options is not None:
            pool_args["socket_options"] = configuration.socket_options
        #: Hosts reached without the proxy (``Configuration.no_proxy``).
        self.no_proxy = _parse_no_proxy(configuration.no_proxy)
        self.direct_manager = urllib3.PoolManager(**pool_args)
        if configuration.proxy:
            self.pool_manager: urllib3.PoolManager = urllib3.ProxyManager(
                proxy_url=configuration.proxy, proxy_headers=configuration.proxy_headers, **pool_args
            )
        else:
            self.pool_manager = self.direct_manager
        # Without a proxy, the connection pool of each origin is looked up once
        # and then used directly, skipping the manager's per-call URL parsing.
        self._pools: Dict[str, urllib3.HTTPConnectionPool] = {}

    def request(
        self,
        method: str,
        url: str,
        headers: Dict[str, str],
        body: Optional[bytes],
        timeout: urllib3.Timeout,
        preload_content: bool = True,
        max_body: Optional[int] = None,
        deadline: Optional[float] = None,
    ) -> Any:
        try:
            pool, path = self._pool_for(url)
            if pool is not None:
                raw = pool.urlopen(
                    method, path, body=body, headers=headers, timeout=timeout, retries=_NO_RETRIES,
                    redirect=False, assert_same_host=False, preload_content=False, decode_content=True,
                )
            else:
                raw = self.pool_manager.urlopen(
                    method, url, body=body, headers=headers, timeout=timeout, retries=_NO_RETRIES,
                    redirect=False, preload_content=False, decode_content=True,
                )
        except HTTPError as exc:
            raise _wrap_urllib3_error(exc, sent=False) from exc
        if not preload_content:
            return raw
        try:
            data = _read_body(raw, max_body, deadline)
        except HTTPError as exc:
            _discard(raw)
            raise _wrap_urllib3_error(exc, sent=True) from exc
        except BaseException:
            # Never drain: the rest of a trickling or oversized body is exactly
            # what the deadline and the size cap protect against.
            _discard(raw)
            raise
        raw.release_conn()
        return RESTResponse(raw.status, raw.reason or "", raw.headers, data, raw)

    def _pool_for(self, url: str) -> Tuple[Optional[urllib3.HTTPConnectionPool], str]:
        """The direct connection pool for ``url`` and the path to ask it, or
        ``(None, url)`` when the request must go through the proxy."""
        slash = url.find("/", url.find("//") + 2)
        origin, path = (url, "/") if slash < 0 else (url[:slash], url[slash:])
        pool = self._pools.get(origin)
        if pool is None or pool.pool is None:  # new origin, or closed since
            if self.pool_manager is not self.direct_manager and not _bypasses_proxy(origin, self.no_proxy):
                return None, url
            pool = self._pools[origin] = self.direct_manager.connection_from_url(origin)
        return pool, path

    def close(self) -> None:
        self._pools.clear()
        self.direct_manager.clear()
        self.pool_manager.clear()


def _parse_no_proxy(value: Optional[str]) -> Tuple[str, ...]:
    if not value:
        return ()
    return tuple(part.strip().lower().lstrip("*") for part in value.split(",") if part.strip())


def _bypasses_proxy(origin: str, no_proxy: Tuple[str, ...]) -> bool:
    """Whether ``origin`` matches ``no_proxy``: ``*``, a host, or a domain suffix (``.example.com``)."""
    if not no_proxy:
        return False
    host = (urllib3.util.parse_url(origin).host or "").lower().strip("[]")
    for entry in no_proxy:
        if entry in ("", "*") or host == entry.lstrip(".") or (entry.startswith(".") and host.endswith(entry)):
            return True
        if not entry.startswith(".") and host.endswith("." + entry):
            return True
    return False


def _discard(raw: Any) -> None:
    """Close a response's connection (it is in an unknown state) and give it back to the pool."""
    raw.close()
    raw.release_conn()


def _read_body(raw: Any, max_body: Optional[int], deadline: Optional[float]) -> bytes:
    remaining = raw.length_remaining  # from Content-Length; None when not given
    if max_body is not None and remaining is not None and remaining > max_body:
        raise _too_large(raw.status, raw.headers, max_body)
    if deadline is None and max_body is None:
        return bytes(raw.read())
    # Read what arrives, chunk by chunk, so a trickling server cannot outlive
    # the call deadline and an unbounded body cannot fill memory.
    # Without a Content-Encoding there is nothing to decode: skip urllib3's
    # decoded-data buffer, which costs more than the read itself for small bodies.
    decode = "content-encoding" in raw.headers
    chunks = []
    total = 0
    while True:
        chunk = raw.read1(_READ_CHUNK, decode_content=decode)
        if not chunk:
            break
        total += len(chunk)
        if max_body is not None and total > max_body:
            raise _too_large(raw.status, raw.headers, max_body)
        chunks.append(chunk)
        if raw.length_remaining == 0:
            break
        _check_deadline(deadline)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _describe(exc: BaseException) -> str:
    """The library's message, with any ``user:password@`` of a (proxy) URL blanked."""
    return re.sub(r"//[^/@\s]+@", "//***@", str(exc))


def _wrap_urllib3_error(exc: Exception, sent: bool) -> ApiConnectionError:
    if isinstance(exc, (ConnectTimeoutError,)):
        wrapped: ApiConnectionError = ApiTimeoutError(reason=f"connect timeout: {_describe(exc)}")
        wrapped.request_sent = False
        return wrapped
    if isinstance(exc, ReadTimeoutError):
        wrapped = ApiTimeoutError(reason="read timeout: the server did not answer in time")
        wrapped.request_sent = True
        return wrapped
    if isinstance(exc, (NewConnectionError, NameResolutionError)):
        wrapped = ApiConnectionError(reason=f"cannot connect: {type(exc).__name__}")
        wrapped.request_sent = False
        return wrapped
    if isinstance(exc, SSLError):
        wrapped = ApiConnectionError(reason=f"TLS failure: {_describe(exc)}")
        wrapped.request_sent = False
        wrapped.tls_failure = True
        return wrapped
    if isinstance(exc, ProxyError):
        wrapped = ApiConnectionError(reason=f"proxy failure: {_describe(exc)}")
        wrapped.request_sent = False
        return wrapped
    wrapped = ApiConnectionError(reason=f"connection failed: {type(exc).__name__}: {_describe(exc)}")
    wrapped.request_sent = True
    return wrapped


class RequestsTransport(Transport):
    """A transport over a ``requests.Session`` (yours, or a new one).

    Useful to reuse a session's adapters, proxies and certificates, and to
    mock the SDK with ``responses``. TLS and proxy settings of
    ``Configuration`` are applied per request when set; the session's own
    settings apply otherwise.
    """

    def __init__(self, session: Any = None, configuration: Any = None) -> None:
        try:
            import requests
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError(
                "RequestsTransport needs the 'requests' package: "
                "pip install 'criteo-api-marketingsolutions-v2020-10[requests]'"
            ) from exc
        self._requests = requests
        self.session = session if session is not None else requests.Session()
        self._owns_session = session is None
        self._kwargs: Dict[str, Any] = {}
        if configuration is not None:
            if not configuration.verify_ssl:
                self._kwargs["verify"] = False
            elif configuration.ssl_ca_cert:
                self._kwargs["verify"] = configuration.ssl_ca_cert
            if configuration.cert_file:
                key_file = configuration.key_file
                self._kwargs["cert"] = (configuration.cert_file, key_file) if key_file else configuration.cert_file
            if configuration.proxy:
                self._kwargs["proxies"] = {"http": configuration.proxy, "https": configuration.proxy}

    def request(
        self,
        method: str,
        url: str,
        headers: Dict[str, str],
        body: Optional[bytes],
        timeout: urllib3.Timeout,
        preload_content: bool = True,
        max_body: Optional[int] = None,
        deadline: Optional[float] = None,
    ) -> Any:
        requests = self._requests
        connect = timeout.connect_timeout
        read = timeout.read_timeout
        timeout_pair = (
            connect if isinstance(connect, (int, float)) else None,
            read if isinstance(read, (int, float)) else None,
        )
        try:
            response = self.session.request(
                method,
                url,
                headers=headers,
                data=body,
                timeout=timeout_pair,
                allow_redirects=False,
                stream=True,
                **self._kwargs,
            )
        except requests.exceptions.ConnectTimeout as exc:
            raise _sent(ApiTimeoutError(reason="connect timeout"), False) from exc
        except requests.exceptions.ReadTimeout as exc:
            raise _sent(ApiTimeoutError(reason="read timeout: the server did not answer in time"), True) from exc
        except requests.exceptions.SSLError as exc:
            error = _sent(ApiConnectionError(reason=f"TLS failure: {_describe(exc)}"), False)
            error.tls_failure = True
            raise error from exc
        except requests.exceptions.ProxyError as exc:
            raise _sent(ApiConnectionError(reason="proxy failure"), False) from exc
        except requests.exceptions.ConnectionError as exc:
            cause = exc.args[0] if exc.args else None
            reason = getattr(cause, "reason", cause)
            not_sent = isinstance(reason, (NewConnectionError, NameResolutionError))
            raise _sent(ApiConnectionError(reason=f"connection failed: {type(exc).__name__}"), not not_sent) from exc
        except requests.exceptions.RequestException as exc:
            raise _sent(ApiConnectionError(reason=f"request failed: {type(exc).__name__}"), True) from exc
        if not preload_content:
            return response
        try:
            length = response.headers.get("Content-Length")
            if max_body is not None and length is not None and length.isdigit() and int(length) > max_body:
                raise _too_large(response.status_code, response.headers, max_body)
            chunks = []
            total = 0
            for chunk in response.iter_content(_READ_CHUNK):
                _check_deadline(deadline)
                total += len(chunk)
                if max_body is not None and total > max_body:
                    raise _too_large(response.status_code, response.headers, max_body)
                chunks.append(chunk)
            data = b"".join(chunks)
        except requests.exceptions.RequestException as exc:
            raise _sent(ApiConnectionError(reason=f"reading the response failed: {type(exc).__name__}"), True) from exc
        finally:
            response.close()
        return RESTResponse(response.status_code, response.reason or "", response.headers, data, response)

    def close(self) -> None:
        if self._owns_session:
            self.session.close()
        else:
            # A borrowed session stays usable; only its pooled connections go.
            for adapter in self.session.adapters.values():
                adapter.close()


def _sent(error: ApiConnectionError, sent: bool) -> ApiConnectionError:
    error.request_sent = sent
    return error
