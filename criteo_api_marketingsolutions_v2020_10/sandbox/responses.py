"""Responses and the error bodies of each family of endpoints, as the spec names them."""

from __future__ import annotations

import enum
import json
import uuid
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any, Dict, Iterable, Mapping, Optional

JSON_CONTENT_TYPE = "application/json; charset=utf-8"


@dataclass
class Response:
    """An answer: status, headers and the encoded body, complete or streamed.

    A streamed answer leaves ``body`` empty and sets ``stream``, the body's
    pieces, produced as they are written; ``length`` is then its exact size,
    sent as ``Content-Length``, or ``None`` to send it with
    ``Transfer-Encoding: chunked``.
    """

    status: int
    body: bytes = b""
    content_type: Optional[str] = JSON_CONTENT_TYPE
    headers: Dict[str, str] = field(default_factory=dict[str, str])
    stream: Optional[Iterable[bytes]] = None
    length: Optional[int] = None

    @property
    def chunked(self) -> bool:
        """Whether the body goes out with ``Transfer-Encoding: chunked`` (a stream of unannounced size)."""
        return self.stream is not None and self.length is None

    @property
    def announced_length(self) -> Optional[int]:
        """The ``Content-Length`` of the complete body; ``None`` when it is sent chunked."""
        return len(self.body) if self.stream is None else self.length


def encode_json(payload: Any) -> bytes:
    """Compact UTF-8 JSON, the way the service sends it."""
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def json_response(payload: Any, status: int = 200, headers: Optional[Mapping[str, str]] = None) -> Response:
    """A JSON response with ``payload`` as its body."""
    return Response(status, encode_json(payload), JSON_CONTENT_TYPE, dict(headers or {}))


def new_trace_id() -> str:
    """A fresh trace id, shaped like the service's (a UUID)."""
    return str(uuid.uuid4())


def status_title(status: int) -> str:
    """The standard reason phrase of ``status``, used as an error title."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def status_slug(status: int) -> str:
    """``503`` gives ``"service-unavailable"``: a readable error code for a bare status."""
    return status_title(status).lower().replace(" ", "-").replace("'", "")


class ErrorStyle(enum.Enum):
    """Which error model a family of endpoints answers with."""

    #: ``ErrorCodeResponse``: ``{"errors": [AudienceError], "warnings": []}``
    #: (audiences, portfolio, and the sandbox's own 401/404/405 answers).
    CRITEO = "criteo"
    #: ``{"errors": [ProblemDetails], "warnings": []}`` (ad sets).
    PROBLEM = "problem"
    #: ``ErrorMessage`` (reports). The spec names a bare ``ErrorMessage`` as
    #: the body; its members are sent at the top level and also as the single
    #: item of the usual ``errors`` list, so that both readings work.
    REPORT = "report"
    #: ``{"message": ...}`` for the legacy endpoints where the spec gives no schema.
    LEGACY = "legacy"


#: The ``title`` of the errors the sandbox sends, by error code: the short,
#: human-readable summary every Criteo error carries beside its ``detail``.
ERROR_TITLES = {
    "required-field": "Required field missing",
    "invalid": "Invalid value",
    "invalid-json": "Malformed request body",
    "invalid-date-format": "Invalid date format",
    "invalid-ranged": "Value out of range",
    "invalid-timespan": "Invalid time span",
    "invalid-format": "Unknown report format",
    "invalid-currency": "Invalid currency",
    "invalid-metric": "Unknown metric",
    "report-too-large": "Report too large",
    "ad-set-archived": "Ad set archived",
    "audience-not-found": "Audience not found",
    "insufficient-advertisers-permissions": "Insufficient advertiser permissions",
    "insufficient-audience-permissions": "Insufficient audience permissions",
    "insufficient-ad-set-permissions": "Insufficient ad set permissions",
    "not-found": "Resource not found",
    "method-not-allowed": "Method not allowed",
    "unsupported-media-type": "Unsupported media type",
    "internal-error": "Internal error",
    "too-many-requests": "Too many requests",
    "too-many-identifiers": "Too many identifiers",
    "payload-too-large": "Request body too large",
}


def error_title(code: str, status: int) -> str:
    """The ``title`` of an error: the one of its code, else the reason phrase of its status."""
    return ERROR_TITLES.get(code) or status_title(status)


class ApiError(Exception):
    """Raised by a handler to answer with an error in the style of its endpoint.

    Attributes:
        status: HTTP status.
        code: machine-readable error code, e.g. ``"required-field"``.
        detail: human-readable explanation (never contains a credential).
        type: error category from the spec's enums (``validation``, ``access-control``...).
        source: where in the request the problem is, e.g. ``{"pointer": "/data/0/id"}``.
        title: short summary; by default the one of ``code`` (see ``error_title``).
    """

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        *,
        type: str = "validation",
        source: Optional[Mapping[str, str]] = None,
        title: Optional[str] = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
        self.type = type
        self.source = dict(source) if source else None
        self.title = title or error_title(code, status)


def error_item(style: ErrorStyle, error: ApiError, instance: str) -> Dict[str, Any]:
    """One error object in the model of ``style``."""
    trace_key = "traceIdentifier" if style is ErrorStyle.PROBLEM else "traceId"
    item: Dict[str, Any] = {
        trace_key: new_trace_id(),
        "type": error.type,
        "code": error.code,
        "instance": instance,
        "title": error.title,
        "detail": error.detail,
    }
    if error.source and style is not ErrorStyle.REPORT:
        item["source"] = error.source
    return item


def error_response(style: ErrorStyle, error: ApiError, instance: str) -> Response:
    """The complete error answer for ``error`` in the model of ``style``."""
    if style is ErrorStyle.LEGACY:
        return json_response({"message": error.detail}, error.status)
    item = error_item(style, error, instance)
    if style is ErrorStyle.REPORT:
        return json_response({**item, "errors": [item], "warnings": []}, error.status)
    return json_response({"errors": [item], "warnings": []}, error.status)


def oauth_error_response(error: str, description: str, status: int = 400) -> Response:
    """An RFC 6749 section 5.2 error from the token endpoint."""
    return json_response(
        {"error": error, "error_description": description},
        status,
        {"Cache-Control": "no-store", "Pragma": "no-cache"},
    )


def not_in_portfolio(advertiser_id: object) -> ApiError:
    """The 403 for an advertiser the caller may not act on."""
    return ApiError(
        403,
        "insufficient-advertisers-permissions",
        f"Advertiser {advertiser_id} is not in your portfolio.",
        type="access-control",
    )


def parse_int32(text: object) -> Optional[int]:
    """``text`` as a 32-bit integer, or ``None`` when it is not one."""
    if isinstance(text, bool):
        return None
    if isinstance(text, int):
        value = text
    elif isinstance(text, str) and text.strip().lstrip("-").isdigit() and text.strip().isascii():
        value = int(text.strip())
    else:
        return None
    return value if -(2**31) <= value < 2**31 else None
