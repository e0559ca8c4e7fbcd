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

``ApiException`` carries ``status``, ``reason``, ``headers``, ``body`` (bytes,
bounded) and ``data``: the error model the spec names for that status (for
example an ``OAuth2Error`` for a 400 from the token endpoint), or ``None``.
Connection failures keep the urllib3 (or requests) error as ``__cause__``.
Local errors carry ``path_to_item``: where in the arguments the bad value was.
No exception message ever contains a credential or an access token.
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Optional, Sequence

from criteo_api_marketingsolutions_v2020_10._constants import MAX_BODY_IN_EXCEPTION
from criteo_api_marketingsolutions_v2020_10._log import redact_headers

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
    "render_path",
    "exception_for_status",
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


def scrub_body(body: Optional[bytes]) -> Optional[bytes]:
    """Return ``body`` bounded in size, with secret JSON members and form fields blanked."""
    if body is None:
        return None
    if len(body) > MAX_BODY_IN_EXCEPTION:
        body = body[:MAX_BODY_IN_EXCEPTION] + b"...[truncated]"
    body = re.sub(_SECRET_JSON, rb'\1"***"', body)
    return re.sub(_SECRET_FORM, rb"\1***", body)


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
        valid_classes: Optional[tuple] = None,
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
        body: response body bytes, bounded to a few kilobytes, secrets blanked.
        data: the error model the spec documents for ``status``, when the body
            matched it; otherwise ``None``.
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
        self.reason = reason
        self.body = scrub_body(body)
        self.headers = headers
        self.data = data
        super().__init__(status, reason)

    def __str__(self) -> str:
        lines = [f"({self.status})" if self.status is not None else "(no response)"]
        lines.append(f"Reason: {self.reason}")
        if self.headers:
            lines.append(f"HTTP response headers: {redact_headers(self.headers)}")
        if self.body:
            lines.append(f"HTTP response body: {self.body.decode('utf-8', 'replace')}")
        return "\n".join(lines) + "\n"

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status!r}, reason={self.reason!r})"


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
        self.expected = expected
        self.got = got
        self.path_to_item = list(path_to_item) if path_to_item else []
        where = render_path(self.path_to_item)
        reason = f"expected {expected}{' at ' + where if where else ''}, got {got}"
        super().__init__(status, reason, body=body, headers=headers)


class TokenRefreshError(ApiException):
    """A managed access token could not be obtained.

    ``data`` is the server's ``OAuth2Error`` when it sent one; the underlying
    failure is the ``__cause__``. Every caller waiting on the same refresh
    receives the same error.
    """


_BY_STATUS: dict = {
    400: BadRequestException,
    401: UnauthorizedException,
    403: ForbiddenException,
    404: NotFoundException,
    409: ConflictException,
    429: TooManyRequestsException,
}


def exception_for_status(status: int) -> type:
    """The ``ApiException`` subclass raised for an HTTP error ``status``."""
    cls = _BY_STATUS.get(status)
    if cls is not None:
        return cls
    if 500 <= status <= 599:
        return ServiceException
    return ApiException
