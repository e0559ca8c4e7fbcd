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

``ApiException`` carries ``status``, ``reason``, ``headers``, ``body`` (at
most ``MAX_BODY_IN_EXCEPTION`` bytes in all) and ``data``: the parsed error
model for every error status, the one the spec names for the status or else
the spec's error shape the body has (``ErrorCodeResponse`` and the other
``{"errors": [...]}`` envelopes, ``OAuth2Error``, ``ProblemDetails``);
``None`` only when the body is not JSON of a known shape. ``str(e)`` starts
with one line, e.g. ``(403) Forbidden: insufficient-advertisers-permissions:
Missing permissions (traceId 1234)``, then headers and body; ``repr(e)`` is
short. Connection failures keep the transport's error as ``__cause__``;
local errors carry ``path_to_item``. No exception shows a credential or a
token: the values the SDK knows (``_secrets``) are blanked, raw or encoded,
in reason, headers, body and message when the exception is built.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Type

from criteo_api_marketingsolutions_v2020_10 import _secrets
from criteo_api_marketingsolutions_v2020_10._constants import MAX_BODY_IN_EXCEPTION
from criteo_api_marketingsolutions_v2020_10._log import one_line, render_headers

__all__ = [
    "OpenApiException",
    "ApiTypeError",
    "ApiValueError",
    "ApiAttributeError",
    "ApiKeyError",
    "ApiException",
    "BadRequestException",
    "UnauthorizedException",
    "ForbiddenException",
    "NotFoundException",
    "ConflictException",
    "TooManyRequestsException",
    "ServiceException",
    "ApiConnectionError",
    "ApiTimeoutError",
    "MalformedResponseError",
    "TokenRefreshError",
    "TokenConnectionError",
    "TokenTimeoutError",
    "render_path",
    "exception_for_status",
    "token_error_from",
]

PathToItem = Sequence[Any]


def render_path(path_to_item: Optional[PathToItem]) -> str:
    """Render a path such as ``['data', 0, 'name']`` the way messages show it."""
    if not path_to_item:
        return ""
    return "".join(f"[{part!r}]" for part in path_to_item)


# Secret-bearing JSON members and form fields are blanked before a body or
# message is kept, whatever endpoint produced it.
# Compiled by ``re`` on first use (and cached there), not at import time.
_SECRET_JSON = rb'("(?:access_token|refresh_token|id_token|client_secret|password)"\s*:\s*)"(?:[^"\\]|\\.)*"'
_SECRET_FORM = rb"((?:^|&)(?:client_secret|password|access_token)=)[^&]*"
# The same member cut off by truncation, its value unterminated.
_SECRET_JSON_CUT = rb'("(?:access_token|refresh_token|id_token|client_secret|password)"\s*:\s*)"(?:[^"\\]|\\.)*\\?$'
#: Ends a body that was cut to fit ``MAX_BODY_IN_EXCEPTION``.
TRUNCATION_MARKER = b"...[truncated]"


def _blank_fields(body: bytes) -> bytes:
    body = re.sub(_SECRET_JSON, rb'\1"***"', body)
    body = re.sub(_SECRET_FORM, rb"\1***", body)
    return re.sub(_SECRET_JSON_CUT, rb'\1"***', body)


def scrub_body(body: Optional[bytes]) -> Optional[bytes]:
    """``body`` safe to keep: known secrets and secret fields blanked, then cut to
    at most ``MAX_BODY_IN_EXCEPTION`` bytes, ``TRUNCATION_MARKER`` included.

    Secrets are blanked before the cut, so that no cut can leave a piece of
    one. Only the part that can be kept is scanned (plus a margin as long as
    the longest known secret), however large the body.
    """
    if body is None:
        return None
    body = bytes(body)
    limit = MAX_BODY_IN_EXCEPTION
    margin = _secrets.longest_form()
    window = body[: limit + margin]
    cleaned = _secrets.scrub_bytes(window)
    cut = len(window) < len(body)
    if cut and margin:
        # A secret straddling the end of the window was not recognised: drop
        # the tail where a piece of it may sit.
        cleaned = cleaned[: max(0, len(cleaned) - margin)]
    cleaned = _blank_fields(cleaned)
    if not cut and len(cleaned) <= limit:
        return cleaned
    return _blank_fields(cleaned[: limit - len(TRUNCATION_MARKER)]) + TRUNCATION_MARKER


def _scrub(text: str) -> str:
    return _secrets.scrub_text(text)


class OpenApiException(Exception):
    """Base class of every exception this package raises."""


class _LocalError(OpenApiException):
    def __init__(self, msg: str, path_to_item: Optional[PathToItem] = None) -> None:
        self.path_to_item = list(path_to_item) if path_to_item else []
        where = render_path(self.path_to_item)
        full = f"{msg} at {where}" if where else msg
        self.msg = full
        super().__init__(full)

    def __str__(self) -> str:
        return self.msg


class ApiTypeError(_LocalError, TypeError):
    """A value has the wrong type; ``path_to_item`` says where it was.

    ``valid_classes`` and ``key_type`` are kept for compatibility with code
    written for earlier generated clients.
    """

    def __init__(
        self,
        msg: str,
        path_to_item: Optional[PathToItem] = None,
        valid_classes: Optional[Tuple[type, ...]] = None,
        key_type: Optional[bool] = None,
    ) -> None:
        self.valid_classes = valid_classes
        self.key_type = key_type
        super().__init__(msg, path_to_item)


class ApiValueError(_LocalError, ValueError):
    """A value has the right type but is not allowed (missing, empty, not in the enum...)."""


class ApiAttributeError(_LocalError, AttributeError):
    """A model has no such attribute, or it cannot be set (read-only)."""


class ApiKeyError(_LocalError, KeyError):
    """A model or settings table has no such key."""


class ApiException(OpenApiException):
    """A call to the API failed. Catch this around any call.

    Attributes:
        status: HTTP status code, or ``None`` when no response arrived.
        reason: HTTP reason phrase or a short description of the failure.
        headers: response headers (case-insensitive mapping) or ``None``.
        body: response body bytes, at most ``MAX_BODY_IN_EXCEPTION`` bytes in
            all, secrets blanked; ``None`` for the token endpoint.
        data: the parsed error model (see the module docstring), or ``None``.
        summary: one line naming the server's error (code, title or detail,
            trace id), or ``None``; it ends the first line of ``str(e)``.
            The decode layer sets it (``_decode.summarize_error``).

    Every text is scrubbed of the secret values the SDK knows when the
    exception is built, so ``str``, ``repr``, ``args`` and the attributes
    above never show one.
    """

    def __init__(
        self,
        status: Optional[int] = None,
        reason: Optional[str] = None,
        http_resp: Any = None,
        *,
        body: Optional[bytes] = None,
        headers: Optional[Mapping[str, str]] = None,
        data: Any = None,
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
        self.status = status
        self.reason = _scrub(str(reason)) if reason is not None else None
        self.body = scrub_body(body)
        self.headers = _secrets.scrub_headers(headers)
        self.data = data
        self.summary = _scrub(one_line(summary)) if summary else None
        super().__init__(status, self.reason)

    def __str__(self) -> str:
        first = f"({self.status})" if self.status is not None else "(no response)"
        if self.reason:
            first += f" {one_line(self.reason, 500)}"
        if self.summary:
            first += f": {self.summary}"
        lines = [first]
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
    """429: rate limited, and the allowed retries are used up.

    ``retry_after`` is the number of seconds the server asked to wait, from
    ``Retry-After`` or Criteo's ``x-ratelimit-reset``, when it could be read.
    """

    retry_after: Optional[float] = None


class ServiceException(ApiException):
    """5xx: the server failed, and the allowed retries are used up."""


class ApiConnectionError(ApiException):
    """No usable response: connection refused or reset, DNS, TLS, proxy failure.

    The transport's own error (urllib3 or requests) is kept as ``__cause__``.
    ``request_sent`` is False when the request surely did not reach the
    server (refused connection, DNS, TLS), which makes any method safe to
    retry; ``tls_failure`` marks certificate problems, which are never retried.
    """

    request_sent: bool = True
    tls_failure: bool = False


class ApiTimeoutError(ApiConnectionError):
    """A connect or read timeout passed, or the whole call's deadline did."""


class MalformedResponseError(ApiException):
    """The server answered something the spec does not allow for this call.

    ``expected`` says what the SDK was looking for, ``path_to_item`` where
    in the body the mismatch is; ``body`` keeps a bounded, scrubbed copy.
    """

    def __init__(
        self,
        expected: str,
        got: str,
        *,
        status: Optional[int] = None,
        headers: Optional[Mapping[str, str]] = None,
        body: Optional[bytes] = None,
        path_to_item: Optional[PathToItem] = None,
    ) -> None:
        self.expected = _scrub(expected)
        self.got = _scrub(got)
        self.path_to_item: List[Any] = [_scrub(p) if isinstance(p, str) else p for p in path_to_item or ()]
        where = render_path(self.path_to_item)
        reason = f"expected {self.expected}{' at ' + where if where else ''}, got {self.got}"
        super().__init__(status, reason, body=body, headers=headers)


class TokenRefreshError(ApiException):
    """A managed access token could not be obtained.

    ``status`` and ``data`` (the server's ``OAuth2Error``, when it sent one)
    come from the token endpoint's answer; ``body`` is always ``None``. The
    underlying failure is the ``__cause__``. Every caller waiting on the same
    refresh receives the same error.
    """


class TokenConnectionError(TokenRefreshError, ApiConnectionError):
    """The token endpoint could not be reached: caught by ``except ApiConnectionError`` too.

    ``request_sent`` and ``tls_failure`` are those of the connection failure.
    """


class TokenTimeoutError(TokenConnectionError, ApiTimeoutError):
    """The token endpoint did not answer in time: caught by ``except ApiTimeoutError`` too."""


def _drop_bodies(error: BaseException) -> None:
    """Forget the bodies of ``error`` and of the exceptions chained to it (cycle-safe)."""
    seen: List[int] = []
    current: Optional[BaseException] = error
    while current is not None and id(current) not in seen and len(seen) < 64:
        seen.append(id(current))
        if isinstance(current, ApiException):
            current.body = None
        current = current.__cause__ or current.__context__


def token_error_from(error: ApiException) -> TokenRefreshError:
    """The ``TokenRefreshError`` to raise when fetching a token failed with ``error``.

    A status error gives a ``TokenRefreshError`` with its ``status``,
    ``headers`` and ``data`` but no body; a connection failure a
    ``TokenConnectionError``, a timeout a ``TokenTimeoutError``, both keeping
    ``request_sent`` and ``tls_failure``. The reason reads ``could not obtain
    an access token: <reason>``. ``error`` becomes the ``__cause__``, its
    chain scrubbed of known secrets and stripped of bodies: the token
    endpoint's answers may hold tokens the SDK does not know. A
    ``TokenRefreshError`` is returned as it is.
    """
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
        result.request_sent = error.request_sent
        result.tls_failure = error.tls_failure
    result.__cause__ = error
    return result


_BY_STATUS: Dict[int, Type[ApiException]] = {
    400: BadRequestException,
    401: UnauthorizedException,
    403: ForbiddenException,
    404: NotFoundException,
    409: ConflictException,
    429: TooManyRequestsException,
}


def exception_for_status(status: int) -> Type[ApiException]:
    """The ``ApiException`` subclass raised for an HTTP error ``status``."""
    cls = _BY_STATUS.get(status)
    if cls is not None:
        return cls
    if 500 <= status <= 599:
        return ServiceException
    return ApiException
