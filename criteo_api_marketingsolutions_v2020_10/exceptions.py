"""Every error the SDK raises, as one tree.

::

    OpenApiException                 base of everything below
    ├── ApiTypeError                 a local value has the wrong type      (also TypeError)
    ├── ApiValueError                a local value is not allowed          (also ValueError)
    ├── ApiAttributeError            no such attribute on a model          (also AttributeError)
    ├── ApiKeyError                  no such key on a model / setting      (also KeyError)
    └── ApiException                 a call failed: catch this around any API call
        ├── BadRequestException      400
        ├── UnauthorizedException    401 (after the one automatic token refresh)
        ├── ForbiddenException       403
        ├── NotFoundException        404
        ├── ConflictException        409
        ├── TooManyRequestsException 429 (after the retries allowed)
        ├── ServiceException         5xx (after the retries allowed)
        ├── ApiConnectionError       the server could not be reached or the connection broke
        │   └── ApiTimeoutError      connect/read timeout or the call deadline passed
        ├── MalformedResponseError   the server answered something the spec does not allow
        └── TokenRefreshError        a managed token could not be obtained
            └── TokenConnectionError the token endpoint could not be reached (also ApiConnectionError)
                └── TokenTimeoutError    ... in time (also ApiTimeoutError)

``str(e)`` of an ``ApiException`` starts with one line, e.g. ``(403) Forbidden:
insufficient-advertisers-permissions: Missing permissions (traceId 1234)``, then headers and body. No
exception shows a credential: the values ``_secrets`` knows are blanked, raw or encoded, when it is built.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Mapping, Optional, Sequence, Set, Tuple, Type

from criteo_api_marketingsolutions_v2020_10 import _secrets
from criteo_api_marketingsolutions_v2020_10._constants import MAX_BODY_IN_EXCEPTION
from criteo_api_marketingsolutions_v2020_10._log import one_line, render_headers

__all__ = [
    "OpenApiException", "ApiTypeError", "ApiValueError", "ApiAttributeError", "ApiKeyError", "ApiException",
    "BadRequestException", "UnauthorizedException", "ForbiddenException", "NotFoundException",
    "ConflictException", "TooManyRequestsException", "ServiceException", "ApiConnectionError",
    "ApiTimeoutError", "MalformedResponseError", "TokenRefreshError", "TokenConnectionError",
    "TokenTimeoutError", "render_path", "exception_for_status", "token_error_from",
]

PathToItem = Sequence[Any]
_scrub = _secrets.scrub_text


def render_path(path_to_item: Optional[PathToItem]) -> str:
    """Render a path such as ``['data', 0, 'name']`` the way messages show it."""
    return "".join(f"[{part!r}]" for part in path_to_item or ())


# Secret JSON members (also cut off, unterminated) and form fields are blanked in every body kept, whatever
# endpoint produced it. ``re`` compiles (and caches) them on first use.
_SECRET_MEMBER = rb'("(?:access_token|refresh_token|id_token|client_secret|password)"\s*:\s*)"(?:[^"\\]|\\.)*'
_SECRET_JSON = _SECRET_MEMBER + b'"'
_SECRET_JSON_CUT = _SECRET_MEMBER + rb"\\?$"
_SECRET_FORM = rb"((?:^|&)(?:client_secret|password|access_token)=)[^&]*"
#: Ends a body that was cut to fit ``MAX_BODY_IN_EXCEPTION``.
TRUNCATION_MARKER = b"...[truncated]"


def _blank_fields(body: bytes) -> bytes:
    body = re.sub(_SECRET_JSON, rb'\1"***"', body)
    return re.sub(_SECRET_JSON_CUT, rb'\1"***', re.sub(_SECRET_FORM, rb"\1***", body))


def scrub_body(body: Optional[bytes]) -> Optional[bytes]:
    """``body`` with secrets blanked (first, so that no cut leaves a piece of one), then cut to at most
    ``MAX_BODY_IN_EXCEPTION`` bytes, marker included. Only the part that can be kept is scanned."""
    if body is None:
        return None
    body, limit, margin = bytes(body), MAX_BODY_IN_EXCEPTION, _secrets.longest_form()
    window = body[: limit + margin]
    cleaned = _secrets.scrub_bytes(window)
    cut = len(window) < len(body)
    if cut and margin:
        # A secret straddling the end of the window was not recognised: drop the tail that may hold a piece.
        cleaned = cleaned[: max(0, len(cleaned) - margin)]
    cleaned = _blank_fields(cleaned)
    if not cut and len(cleaned) <= limit:
        return cleaned
    return _blank_fields(cleaned[: limit - len(TRUNCATION_MARKER)]) + TRUNCATION_MARKER


class OpenApiException(Exception):
    """Base class of every exception this package raises."""


class _LocalError(OpenApiException):
    def __init__(self, msg: str, path_to_item: Optional[PathToItem] = None) -> None:
        self.path_to_item = list(path_to_item) if path_to_item else []
        where = render_path(self.path_to_item)
        self.msg = f"{msg} at {where}" if where else msg
        super().__init__(self.msg)

    def __str__(self) -> str:
        return self.msg


class ApiTypeError(_LocalError, TypeError):
    """A value has the wrong type; ``path_to_item`` says where (``valid_classes``, ``key_type``: for old code)."""

    def __init__(
        self, msg: str, path_to_item: Optional[PathToItem] = None, valid_classes: Optional[Tuple[type, ...]] = None,
        key_type: Optional[bool] = None,
    ) -> None:
        self.valid_classes, self.key_type = valid_classes, key_type
        super().__init__(msg, path_to_item)


class ApiValueError(_LocalError, ValueError):
    """A value has the right type but is not allowed (missing, empty, not in the enum...)."""


class ApiAttributeError(_LocalError, AttributeError):
    """A model has no such attribute, or it cannot be set (read-only)."""


class ApiKeyError(_LocalError, KeyError):
    """A model or settings table has no such key."""


class ApiException(OpenApiException):
    """A call to the API failed: ``status`` (``None`` without a response), ``reason``, ``headers``, ``body``
    (bounded), ``data`` (the parsed error model or ``None``) and ``summary`` (one line naming the error)."""

    def __init__(
        self, status: Optional[int] = None, reason: Optional[str] = None, http_resp: Any = None, *,
        body: Optional[bytes] = None, headers: Optional[Mapping[str, str]] = None, data: Any = None,
        summary: Optional[str] = None,
    ) -> None:
        if http_resp is not None:
            status = http_resp.status if status is None else status
            reason = http_resp.reason if reason is None else reason
            if body is None:
                raw = http_resp.data
                body = raw if isinstance(raw, (bytes, type(None))) else str(raw).encode()
            if headers is None:
                headers = http_resp.getheaders()
        self.status, self.data = status, data
        self.reason = _scrub(str(reason)) if reason is not None else None
        self.body = scrub_body(body)
        self.headers = _secrets.scrub_headers(headers)
        self.summary = _scrub(one_line(summary)) if summary else None
        super().__init__(status, self.reason)

    def __str__(self) -> str:
        first = f"({self.status})" if self.status is not None else "(no response)"
        first += f" {one_line(self.reason, 500)}" if self.reason else ""
        lines = [first + (f": {self.summary}" if self.summary else "")]
        if self.headers:
            lines.append(f"HTTP response headers: {render_headers(self.headers)}")
        if self.body:
            lines.append(f"HTTP response body: {self.body.decode('utf-8', 'replace')}")
        return _scrub("\n".join(lines))

    def __repr__(self) -> str:
        reason = one_line(self.reason, 200) if self.reason is not None else None
        return _scrub(f"{type(self).__name__}(status={self.status!r}, reason={reason!r})")


class BadRequestException(ApiException):
    """400: the request was refused as invalid; ``data`` holds the documented error model."""


class UnauthorizedException(ApiException):
    """401: the token is missing, expired or revoked, even after one refresh."""


class ForbiddenException(ApiException):
    """403: authenticated, but not allowed (missing permissions); never retried."""


class NotFoundException(ApiException):
    """404: no such resource."""


class ConflictException(ApiException):
    """409: the request conflicts with the resource's current state."""


class TooManyRequestsException(ApiException):
    """429: rate limited, and the allowed retries are used up; ``retry_after`` is the wait in seconds the
    server asked for (``Retry-After`` or ``x-ratelimit-reset``), when it could be read."""

    retry_after: Optional[float] = None


class ServiceException(ApiException):
    """5xx: the server failed, and the allowed retries are used up."""


class ApiConnectionError(ApiException):
    """No usable response (``__cause__``: the transport's error). ``request_sent`` False: the request surely
    did not reach the server, any method may be retried; ``tls_failure``: certificate problems, never retried."""

    request_sent: bool = True
    tls_failure: bool = False


class ApiTimeoutError(ApiConnectionError):
    """A connect or read timeout passed, or the whole call's deadline did."""


class MalformedResponseError(ApiException):
    """The server answered something the spec does not allow: ``expected`` what, ``path_to_item`` where."""

    def __init__(
        self, expected: str, got: str, *, status: Optional[int] = None, headers: Optional[Mapping[str, str]] = None,
        body: Optional[bytes] = None, path_to_item: Optional[PathToItem] = None,
    ) -> None:
        self.expected, self.got = _scrub(expected), _scrub(got)
        self.path_to_item: List[Any] = [_scrub(p) if isinstance(p, str) else p for p in path_to_item or ()]
        where = render_path(self.path_to_item)
        reason = f"expected {self.expected}{' at ' + where if where else ''}, got {self.got}"
        super().__init__(status, reason, body=body, headers=headers)


class TokenRefreshError(ApiException):
    """A managed access token could not be obtained (the failure is the ``__cause__``); ``body`` is ``None``."""


class TokenConnectionError(TokenRefreshError, ApiConnectionError):
    """The token endpoint could not be reached: caught by ``except ApiConnectionError`` too."""


class TokenTimeoutError(TokenConnectionError, ApiTimeoutError):
    """The token endpoint did not answer in time: caught by ``except ApiTimeoutError`` too."""


def _drop_bodies(error: BaseException) -> None:
    """Forget the bodies of ``error`` and of the exceptions chained to it (cycle-safe)."""
    seen: Set[int] = set()
    current: Optional[BaseException] = error
    while current is not None and id(current) not in seen and len(seen) < 64:
        seen.add(id(current))
        if isinstance(current, ApiException):
            current.body = None
        current = current.__cause__ or current.__context__


def token_error_from(error: ApiException) -> TokenRefreshError:
    """The ``TokenRefreshError`` (or its connection or timeout kind) for ``error``, a failed token fetch, which
    becomes its ``__cause__``, scrubbed and without bodies along its chain: they may hold unknown tokens."""
    if isinstance(error, TokenRefreshError):
        return error
    _secrets.scrub_chain(error)
    _drop_bodies(error)
    cls = TokenRefreshError
    if isinstance(error, ApiTimeoutError):
        cls = TokenTimeoutError
    elif isinstance(error, ApiConnectionError):
        cls = TokenConnectionError
    reason = f"could not obtain an access token: {error.reason or type(error).__name__}"
    result = cls(error.status, reason, headers=error.headers, data=error.data, summary=error.summary)
    if isinstance(error, ApiConnectionError) and isinstance(result, ApiConnectionError):
        result.request_sent, result.tls_failure = error.request_sent, error.tls_failure
    result.__cause__ = error
    return result


_BY_STATUS: Dict[int, Type[ApiException]] = {
    400: BadRequestException, 401: UnauthorizedException, 403: ForbiddenException,
    404: NotFoundException, 409: ConflictException, 429: TooManyRequestsException,
}


def exception_for_status(status: int) -> Type[ApiException]:
    """The ``ApiException`` subclass raised for an HTTP error ``status``."""
    return _BY_STATUS.get(status) or (ServiceException if 500 <= status <= 599 else ApiException)
