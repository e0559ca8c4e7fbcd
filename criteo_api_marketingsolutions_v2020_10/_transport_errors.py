"""What transport failures mean: the SDK's errors for urllib3's and http.client's.

Shared by both transports. A refused connection or a name that does not
resolve is ``ApiConnectionError``; a connect or read timeout, or the call
deadline, is ``ApiTimeoutError``. ``request_sent`` says whether the request
may have reached the server, which decides whether a non-idempotent request
can be repeated.
"""

from __future__ import annotations

import http.client
import re
import time
from typing import List, Optional, Set

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    NameResolutionError,
    NewConnectionError,
    ProxyError,
    ReadTimeoutError,
    SSLError,
)

from criteo_api_marketingsolutions_v2020_10.exceptions import ApiConnectionError, ApiTimeoutError

__all__ = [
    "CONNECT_TIMEOUT",
    "READ_TIMEOUT",
    "deadline_passed",
    "describe",
    "mark_sent",
    "tls_failure",
    "quotes_answer",
    "wrap_urllib3_error",
]

CONNECT_TIMEOUT = "connect timeout: the server did not accept the connection in time"
READ_TIMEOUT = "read timeout: the server did not answer in time"


def describe(exc: BaseException) -> str:
    """The library's message, with any ``user:password@`` of a (proxy) URL blanked."""
    return re.sub(r"//[^/@\s]+@", "//***@", str(exc))


def wrap_urllib3_error(exc: Exception, deadline: Optional[float] = None) -> ApiConnectionError:
    """The SDK's error for a failure while talking to the server, with ``exc`` as its cause."""
    error = _classify(exc)
    if isinstance(error, ApiTimeoutError) and deadline is not None and time.monotonic() >= deadline:
        error = deadline_passed()
    error.__cause__ = exc
    return error


def tls_failure(exc: BaseException) -> ApiConnectionError:
    """The error for a failed TLS handshake or certificate check, on every transport: never retried, nothing
    was sent."""
    error = mark_sent(ApiConnectionError(reason=f"TLS failure: {describe(exc)}"), False)
    error.tls_failure = True
    return error


def _classify(exc: Exception) -> ApiConnectionError:
    # NewConnectionError subclasses ConnectTimeoutError in urllib3 2: a refused
    # connection and a DNS failure are connection errors, not timeouts.
    if isinstance(exc, (NewConnectionError, NameResolutionError)):
        return mark_sent(ApiConnectionError(reason=f"cannot connect: {type(exc).__name__}"), False)
    if isinstance(exc, ConnectTimeoutError):
        return mark_sent(ApiTimeoutError(reason=CONNECT_TIMEOUT), False)
    if isinstance(exc, ReadTimeoutError):
        return mark_sent(ApiTimeoutError(reason=READ_TIMEOUT), True)
    if isinstance(exc, SSLError):
        return tls_failure(exc)
    if isinstance(exc, ProxyError):
        return mark_sent(ApiConnectionError(reason=f"proxy failure: {type(exc).__name__}"), False)
    # Anything else may have happened after the request went out: never
    # assume a change was not applied.
    return mark_sent(ApiConnectionError(reason=f"connection failed: {type(exc).__name__}"), True)


def mark_sent(error: ApiConnectionError, sent: bool) -> ApiConnectionError:
    """``error`` with ``request_sent`` set: whether the request may have reached the server."""
    error.request_sent = sent
    return error


def deadline_passed() -> ApiTimeoutError:
    """The error for a response still unread when the call deadline passed."""
    error = ApiTimeoutError(reason="the call deadline passed while reading the response")
    error.request_sent = True
    return error


#: Library errors whose messages may quote bytes of the answer (a status line, a chunk size).
_QUOTING = (
    http.client.HTTPException,
    urllib3.exceptions.ProtocolError,
    urllib3.exceptions.DecodeError,
    urllib3.exceptions.HeaderParsingError,
)


#: Libraries of the asynchronous transports, whose errors may quote the answer too (a status line, a
#: header): recognised by module, so that neither has to be imported here.
_QUOTING_LIBRARIES = frozenset({"aiohttp", "httpx", "httpcore", "h11"})


def _from_quoting_library(kind: type) -> bool:
    """Whether ``kind`` or a class it derives from is one of ``_QUOTING_LIBRARIES``' (a subclass made elsewhere
    of an aiohttp error still carries its message)."""
    return any(base.__module__.partition(".")[0] in _QUOTING_LIBRARIES for base in kind.__mro__)


def quotes_answer(error: BaseException) -> bool:
    """Whether ``error``'s chain holds a library error that may quote the answer's bytes."""
    pending: List[BaseException] = [error]
    seen: Set[int] = set()
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, _QUOTING) or _from_quoting_library(type(current)):
            return True
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
        pending.extend(a for a in current.args if isinstance(a, BaseException))
    return False
