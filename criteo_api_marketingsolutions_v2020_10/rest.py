"""The transport layer: the only code that does network I/O.

A transport sends one request and returns one response; it never retries,
never follows redirects and never raises for an HTTP status. Retries, auth
and error mapping live above it, in the pipeline, once for every transport.
Both transports read status line, headers and body under the deadline the
layer above hands them (see ``_deadline_io``).

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

import math
import ssl
import time
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Tuple, TypeGuard, Union
from urllib.parse import urlsplit

import urllib3

from criteo_api_marketingsolutions_v2020_10 import _deadline_io, _log, _secrets
from criteo_api_marketingsolutions_v2020_10._constants import (
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_READ_TIMEOUT,
)
from criteo_api_marketingsolutions_v2020_10._transport_errors import (
    deadline_passed,
    wrap_urllib3_error,
)
from criteo_api_marketingsolutions_v2020_10.exceptions import (
    ApiException,
    ApiValueError,
    MalformedResponseError,
)

if TYPE_CHECKING:
    from criteo_api_marketingsolutions_v2020_10._transport_requests import RequestsTransport as RequestsTransport

logger = _log.get_logger(__name__)

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

READ_CHUNK = 64 * 1024


#: urllib3 must not retry or redirect on its own: ApiClient decides.
_NO_RETRIES = urllib3.Retry.from_int(False, redirect=False)


def to_timeout(
    value: TimeoutSpec, default: urllib3.Timeout = DEFAULT_TIMEOUT, setting: str = "_request_timeout"
) -> urllib3.Timeout:
    """Normalise ``_request_timeout`` (or the ``setting`` named): a number (seconds, for connect
    and for read), a ``(connect, read)`` tuple, a ``urllib3.Timeout`` or ``None`` (the default)."""
    if value is None:
        return default
    if isinstance(value, urllib3.Timeout):
        return value
    if _positive(value):
        return urllib3.Timeout(connect=value, read=value)
    if isinstance(value, tuple) and len(value) == 2 and all(part is None or _positive(part) for part in value):
        return urllib3.Timeout(connect=value[0], read=value[1])
    raise ApiValueError(
        f"{setting} must be a positive number, a (connect, read) tuple of positive numbers or None, "
        f"or a urllib3.Timeout; got a {type(value).__name__}"
    )


def _positive(value: object) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value > 0


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
    """The seam between the client and the network. Subclasses only do I/O, and hold no policy."""

    def request(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: Optional[bytes],
        timeout: urllib3.Timeout,
        preload_content: bool = True,
        max_body: Optional[int] = None,
        deadline: Optional[float] = None,
    ) -> Any:
        """Send one request and return its response.

        The status line, headers and body are read before ``deadline``
        (``time.monotonic`` seconds), each wait bounded by ``timeout``. With
        ``preload_content`` the result is a ``RESTResponse`` whose body was read
        (at most ``max_body`` bytes); without it, a 2xx answer comes back as the
        library's raw, unread response, and any other answer as a read
        ``RESTResponse`` (so an error always carries its body).

        ``headers`` may be shared with other calls: read it, never modify it.
        """
        raise NotImplementedError

    def close(self) -> None:
        """Release every connection."""


def too_large(status: int, headers: Mapping[str, str], max_body: float) -> MalformedResponseError:
    """The error for a body over ``max_body`` bytes."""
    return MalformedResponseError(
        f"a body of at most {max_body:.0f} bytes (Configuration.max_response_bytes)",
        "a larger body",
        status=status,
        headers=headers,
    )


class DeadlineTransport(Transport):
    """A transport in two steps, ``_open`` (send, read status line and headers)
    and ``_read`` (read the body), both under the deadline of the calling thread."""

    def request(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: Optional[bytes],
        timeout: urllib3.Timeout,
        preload_content: bool = True,
        max_body: Optional[int] = None,
        deadline: Optional[float] = None,
    ) -> Any:
        previous = _deadline_io.enter(deadline)
        try:
            raw = self._open(method, url, headers, body, timeout, deadline)
            if not preload_content and 200 <= status_of(raw) < 300:
                return raw
            return self._read(raw, max_body, deadline)
        except Exception as error:
            _secrets.guard_failure(headers, error)  # the error may quote an answer echoing them
            raise
        finally:
            _deadline_io.leave(previous)

    def _open(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: Optional[bytes],
        timeout: urllib3.Timeout,
        deadline: Optional[float],
    ) -> Any:
        raise NotImplementedError

    def _read(self, raw: Any, max_body: Optional[int], deadline: Optional[float]) -> RESTResponse:
        raise NotImplementedError


def status_of(response: Any) -> int:
    """The status of a read ``RESTResponse`` or of a library's raw response."""
    status = getattr(response, "status", None)
    return int(status if status is not None else response.status_code)


class RESTClientObject(DeadlineTransport):
    """The default transport, over a urllib3 ``PoolManager`` (or ``ProxyManager``).

    Built from a ``Configuration``: ``verify_ssl``, ``ssl_ca_cert``,
    ``cert_file``/``key_file``, ``assert_hostname``, ``proxy`` and
    ``proxy_headers``, ``connection_pool_maxsize`` and ``socket_options``
    all reach the pool. urllib3's own retries are off: the pipeline retries.
    """

    def __init__(self, configuration: Any, pools_size: int = 4, maxsize: Optional[int] = None) -> None:
        size: int = configuration.connection_pool_maxsize if maxsize is None else maxsize
        pool_args = _pool_args(configuration, pools_size, size)
        #: Hosts reached without the proxy (``Configuration.no_proxy``).
        self.no_proxy = _parse_no_proxy(configuration.no_proxy)
        self.direct_manager = urllib3.PoolManager(**pool_args)
        _deadline_io.install(self.direct_manager)
        if configuration.proxy:
            self.pool_manager: urllib3.PoolManager = urllib3.ProxyManager(
                proxy_url=configuration.proxy, proxy_headers=configuration.proxy_headers, **pool_args
            )
            _deadline_io.install(self.pool_manager)
        else:
            self.pool_manager = self.direct_manager
        # Without a proxy, the connection pool of each origin is looked up once
        # and then used directly, skipping the manager's per-call URL parsing.
        self._pools: Dict[str, urllib3.HTTPConnectionPool] = {}

    def _read(self, raw: Any, max_body: Optional[int], deadline: Optional[float]) -> RESTResponse:
        return read_urllib3_response(raw, max_body, deadline)

    def _open(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: Optional[bytes],
        timeout: urllib3.Timeout,
        deadline: Optional[float],
    ) -> Any:
        failure: Optional[Exception] = None
        try:
            pool, path = self._pool_for(url)
            if pool is not None:
                return pool.urlopen(
                    method, path, body=body, headers=headers, timeout=timeout, retries=_NO_RETRIES,
                    redirect=False, assert_same_host=False, preload_content=False, decode_content=True,
                )
            return self.pool_manager.urlopen(
                method, url, body=body, headers=headers, timeout=timeout, retries=_NO_RETRIES,
                redirect=False, preload_content=False, decode_content=True,
            )
        except ApiException:
            raise
        except Exception as exc:  # the library's, or one it let through from http.client or ssl
            failure = exc
        # Raised here, outside the handler, so that the library's error is
        # the cause only where wrap_urllib3_error decides it may be.
        raise wrap_urllib3_error(failure, deadline)

    def _pool_for(self, url: str) -> Tuple[Optional[urllib3.HTTPConnectionPool], str]:
        """The direct connection pool for ``url`` and the path to ask it, or
        ``(None, url)`` when the request must go through the manager (a proxy,
        or a path with dot segments, which the manager normalises)."""
        slash = url.find("/", url.find("//") + 2)
        origin, path = (url, "/") if slash < 0 else (url[:slash], url[slash:])
        if "/." in path:
            return None, url
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


def _pool_args(configuration: Any, pools_size: int, maxsize: int) -> Dict[str, Any]:
    pool_args: Dict[str, Any] = {"num_pools": pools_size, "maxsize": maxsize, "block": False, "retries": False}
    if configuration.verify_ssl:
        pool_args["cert_reqs"] = ssl.CERT_REQUIRED
        if configuration.ssl_ca_cert:
            pool_args["ca_certs"] = configuration.ssl_ca_cert
    else:
        pool_args["cert_reqs"] = ssl.CERT_NONE
    optional = {
        "cert_file": configuration.cert_file,
        "key_file": configuration.key_file,
        "assert_hostname": configuration.assert_hostname,
        "socket_options": configuration.socket_options,
    }
    pool_args.update({key: value for key, value in optional.items() if value is not None and value != ""})
    return pool_args


def _parse_no_proxy(value: Optional[str]) -> Tuple[str, ...]:
    if not value:
        return ()
    return tuple(part.strip().lower().lstrip("*") for part in value.split(",") if part.strip())


def _bypasses_proxy(origin: str, no_proxy: Tuple[str, ...]) -> bool:
    """Whether ``origin`` matches ``no_proxy``: ``*``, a host, or a domain suffix (``.example.com``)."""
    if not no_proxy:
        return False
    host = (urlsplit(origin).hostname or "").lower()
    for entry in no_proxy:
        if entry in ("", "*") or host == entry.lstrip(".") or host.endswith("." + entry.lstrip(".")):
            return True
    return False


def _discard(raw: Any) -> None:
    """Close a response's connection (it is in an unknown state) and give it back to the pool."""
    raw.close()
    release = getattr(raw, "release_conn", None)
    if release is not None:
        release()


def read_urllib3_response(raw: Any, max_body: Optional[int], deadline: Optional[float]) -> RESTResponse:
    """Read a urllib3 response's body, under ``max_body`` and ``deadline``, into a ``RESTResponse``."""
    if raw.status < 200:
        # An informational status as the final answer has no body, and leaves
        # the connection in a state nobody knows: it is closed, not reused.
        _discard(raw)
        return RESTResponse(raw.status, raw.reason or "", raw.headers, b"", raw)
    failure: Optional[Exception] = None
    data = b""
    try:
        data = _read_body(raw, max_body, deadline)
    except ApiException:
        _discard(raw)
        raise
    except Exception as exc:
        failure = exc
    except BaseException:
        # Never drain: the rest of a trickling or oversized body is exactly
        # what the deadline and the size cap protect against.
        _discard(raw)
        raise
    if failure is not None:
        _discard(raw)
        raise wrap_urllib3_error(failure, deadline)
    raw.release_conn()
    return RESTResponse(raw.status, raw.reason or "", raw.headers, data, raw)


def _read_body(raw: Any, max_body: Optional[int], deadline: Optional[float]) -> bytes:
    limit = max_body if max_body is not None else math.inf
    if (raw.length_remaining or 0) > limit:  # from Content-Length; None when not given
        raise too_large(raw.status, raw.headers, limit)
    # Read what arrives, chunk by chunk (each wait is under the deadline, see
    # _deadline_io), so an unbounded body cannot fill memory. Without a
    # Content-Encoding there is nothing to decode: skip urllib3's decoded-data
    # buffer, which costs more than the read itself for small bodies.
    decode = "content-encoding" in raw.headers
    chunks: List[bytes] = []
    total = 0
    while True:
        chunk = raw.read1(READ_CHUNK, decode_content=decode)
        total += len(chunk)
        if total > limit:
            raise too_large(raw.status, raw.headers, limit)
        chunks.append(chunk)
        if not chunk or raw.length_remaining == 0:
            return b"".join(chunks)
        if deadline is not None and time.monotonic() > deadline:
            raise deadline_passed()


def __getattr__(name: str) -> Any:
    # The requests transport lives in its own module, imported on first use.
    if name == "RequestsTransport":
        from criteo_api_marketingsolutions_v2020_10._transport_requests import RequestsTransport

        return RequestsTransport
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
