"""The answers scripted faults give: error bodies in the style of each endpoint, rate limits, echoes."""

from __future__ import annotations

import math
import time
from typing import Any, Dict, Optional
from urllib.parse import unquote_plus, unquote_to_bytes

from criteo_api_marketingsolutions_v2020_10.sandbox.auth import TOKEN_PATH, TokenState, unauthorized_response
from criteo_api_marketingsolutions_v2020_10.sandbox.faults import Fault
from criteo_api_marketingsolutions_v2020_10.sandbox.recording import Headers
from criteo_api_marketingsolutions_v2020_10.sandbox.responses import (
    JSON_CONTENT_TYPE,
    ApiError,
    ErrorStyle,
    Response,
    error_response,
    json_response,
    new_trace_id,
    status_slug,
    status_title,
)

#: Advertised by 429 faults in ``x-ratelimit-limit``.
RATE_LIMIT_PER_MINUTE = 250


def fault_response(fault: Fault, path: str) -> Response:
    """The answer a fault with a status gives, with a body in the style of the endpoint when it has none."""
    status = fault.status
    assert status is not None
    return _apply_scripted(_default_answer(status, path, fault), fault)


def _default_answer(status: int, path: str, fault: Fault) -> Response:
    """What the sandbox answers with for a bare scripted ``status``."""
    if status == 429:
        return json_response(quota_error(path), 429, rate_limit_headers(_scripted_header(fault, "retry-after")))
    if status == 401 and path != TOKEN_PATH:
        return unauthorized_response(TokenState.UNKNOWN, path)
    if status < 400:
        return Response(status, b"", JSON_CONTENT_TYPE)
    if path == TOKEN_PATH:
        error = "invalid_request" if status < 500 else "temporarily_unavailable"
        return json_response({"error": error, "error_description": status_title(status)}, status)
    kind = "availability" if status >= 500 else "validation"
    problem = ApiError(status, status_slug(status), f"Scripted {status} response.", type=kind)
    return error_response(ErrorStyle.CRITEO, problem, path)


def _scripted_header(fault: Fault, name: str) -> Optional[str]:
    """The value of the scripted header ``name`` (lower case), if any."""
    return next((v for k, v in (fault.headers or {}).items() if k.lower() == name), None)


def _apply_scripted(response: Response, fault: Fault) -> Response:
    """Replace the body by the scripted one, if any, and add the scripted headers."""
    scripted = fault.body_bytes()
    if scripted is not None:
        response.body = scripted
    response.headers.update(fault.headers or {})
    return response


def quota_error(path: str) -> Dict[str, Any]:
    """The body of a 429: a Criteo quota error."""
    item = {
        "traceId": new_trace_id(),
        "type": "quota",
        "code": "too-many-requests",
        "instance": path,
        "title": "Too Many Requests",
        "detail": "The API rate limit was exceeded; retry after the time in x-ratelimit-reset.",
    }
    return {"errors": [item], "warnings": []}


def rate_limit_headers(retry_after: Optional[str]) -> Dict[str, str]:
    """Criteo's rate-limit headers; the reset time agrees with a scripted ``Retry-After`` if any."""
    try:
        wait = float(retry_after) if retry_after is not None else 1.0
    except ValueError:
        wait = 1.0
    if not math.isfinite(wait) or wait < 0:  # a scripted header may be garbage on purpose
        wait = 1.0
    return quota_headers(RATE_LIMIT_PER_MINUTE, 0, math.ceil(time.time() + wait))


def quota_headers(limit: int, remaining: int, reset_at: int) -> Dict[str, str]:
    """``x-ratelimit-limit``, ``x-ratelimit-remaining`` and ``x-ratelimit-reset`` (a Unix time in seconds)."""
    return {
        "x-ratelimit-limit": str(limit),
        "x-ratelimit-remaining": str(remaining),
        "x-ratelimit-reset": str(reset_at),
    }


def rate_limited_response(path: str, headers: Dict[str, str]) -> Response:
    """The 429 of a call over its rate limit: a Criteo quota error with the rate-limit ``headers``."""
    return json_response(quota_error(path), 429, headers)


def echo_response(fault: Fault, path: str, headers: Headers, body: bytes) -> Response:
    """An error that repeats the request's ``Authorization`` header and body, as careless servers do.

    On the token path: an OAuth2 error (400 unless ``fault.status`` says
    otherwise) whose ``error_description`` holds the ``Authorization`` value,
    the body as sent and the body percent-decoded; ``X-Echo`` is the decoded
    body, followed by `` Authorization: <value>`` when the header was sent.
    Elsewhere: a Criteo error (401 by default) whose ``title`` holds the
    ``Authorization`` value and whose ``detail`` holds it and the body;
    ``X-Echo`` is the ``Authorization`` value. ``X-Echo`` repeats the bytes
    received (percent-decoded on the token path), so a UTF-8 secret comes
    back as UTF-8 bytes; the JSON fields hold the same text, decoded.
    """
    # The HTTP parser gives header values as Latin-1 text: that is, as the bytes received.
    raw_authorization = headers.get("Authorization") or ""
    authorization = _text(raw_authorization.encode("latin-1", "replace"))
    if path == TOKEN_PATH:
        response = _token_echo(fault.status or 400, authorization, body)
        decoded = unquote_to_bytes(body.replace(b"+", b" ")).decode("latin-1")
        echoed = decoded + (f" Authorization: {raw_authorization}" if raw_authorization else "")
    else:
        response = _api_echo(fault.status or 401, path, authorization, _text(body))
        echoed = raw_authorization
    response.headers["X-Echo"] = echoed  # Latin-1 text, written back as the very bytes it stands for
    return _apply_scripted(response, fault)


def _text(data: bytes) -> str:
    """Bytes a client sent, as text: UTF-8 when they are, else Latin-1."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _token_echo(status: int, authorization: str, body: bytes) -> Response:
    text = _text(body)
    decoded = unquote_plus(text)
    description = f"Rejected request. Authorization: {authorization}. Body: {text}. Decoded body: {decoded}"
    error = "invalid_client" if status == 401 else "invalid_request"
    return json_response({"error": error, "error_description": description}, status)


def _api_echo(status: int, path: str, authorization: str, text: str) -> Response:
    item = {
        "traceId": new_trace_id(),
        "type": "access-control" if status in (401, 403) else "validation",
        "code": status_slug(status),
        "instance": path,
        "title": f"{status_title(status)} for Authorization {authorization}",
        "detail": f"Rejected request. Authorization: {authorization}. Body: {text}",
    }
    return json_response({"errors": [item], "warnings": []}, status)
