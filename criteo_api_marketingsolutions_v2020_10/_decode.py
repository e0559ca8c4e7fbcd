"""The decode layer, without I/O: status, headers and body bytes in; a model or an ``ApiException`` out.

A documented 2xx gives its model, another 2xx the main (200) model when the body fits it, 204/205 and
operations without a response body ``None``, a ``bytes`` body (reports) the bytes. A body the SDK cannot
read (see ``_json_body``) or that does not fit raises ``MalformedResponseError`` only (without the body
for the token endpoint), never quoting a value or chaining to the parser's or loader's errors (which do).
"""

from __future__ import annotations

import time
from http import HTTPStatus
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, Tuple

from criteo_api_marketingsolutions_v2020_10 import _retry, _secrets
from criteo_api_marketingsolutions_v2020_10._json_body import (
    MAX_JSON_DEPTH,
    TOO_DEEP,
    Refusal,
    content_type,
    media,
    read_json,
    read_json_response,
)
from criteo_api_marketingsolutions_v2020_10._log import one_line
from criteo_api_marketingsolutions_v2020_10.endpoint import Endpoint
from criteo_api_marketingsolutions_v2020_10.exceptions import (
    ApiException,
    MalformedResponseError,
    TooManyRequestsException,
    exception_for_status,
)
from criteo_api_marketingsolutions_v2020_10.model_utils import (
    Mismatch,
    OpenApiModel,
    TypeSpec,
    describe_value,
    drop_unknown_members,
    parse_type,
)

__all__ = ["MAX_JSON_DEPTH", "decode_error", "decode_success", "deserialize", "summarize_error"]

_NO_BODY = (204, 205)
_PHRASES = {status.value: status.phrase for status in HTTPStatus}
#: Error models tried when the operation documents none that fits the body.
_GENERIC_ERROR_MODELS = ("ErrorCodeResponse", "OAuth2Error", "ProblemDetails")


def _load(spec: TypeSpec, raw: Any, check_type: bool, discard_unknown: bool) -> Any:
    # Refusals are raised after the ``except`` blocks: a ``Mismatch`` holds
    # the offending value, which must not travel as the ``__context__``.
    try:
        result = spec.fast_loader(check_type)(raw)
        return drop_unknown_members(result) if discard_unknown else result
    except Mismatch as mismatch:
        failure = Refusal(mismatch.expected, describe_value(mismatch.got), mismatch.path)
    except RecursionError:
        failure = Refusal(*TOO_DEEP)
    except Exception:  # a loader failing in any other way is still a body the SDK cannot read
        failure = Refusal(f"a body that loads as {spec.label}", "a value of another shape")
    raise failure


def _success_spec(endpoint: Endpoint, status: int) -> Optional[TypeSpec]:
    """The type a 2xx answer is read as, or ``None`` when it carries no body."""
    if status in _NO_BODY:
        return None
    if status in endpoint.responses:
        return endpoint.response_spec(status)
    if endpoint.return_type is None:
        return None
    return endpoint.response_spec(200) or parse_type(endpoint.return_type)


def deserialize(
    spec: TypeSpec, status: int, headers: Mapping[str, str], body: bytes, *, check_type: bool, sensitive: bool,
    discard_unknown: bool = False,
) -> Any:
    """``body`` read as ``spec``: ``bytes`` as it came, anything else from JSON; ``MalformedResponseError``
    (without the body when ``sensitive``) for a body that is not JSON of that type."""
    if spec.label == "bytes":
        return body
    try:
        return _load(spec, read_json_response(headers, body, spec.label), check_type, discard_unknown)
    except Refusal as caught:
        refusal = caught
    raise MalformedResponseError(
        refusal.expected, refusal.got, status=status, headers=headers, body=None if sensitive else body,
        path_to_item=refusal.path,
    )


def decode_success(
    endpoint: Endpoint, status: int, headers: Mapping[str, str], body: bytes, *, check_type: bool, discard_unknown: bool
) -> Any:
    """The result of ``endpoint`` for a 2xx answer (see the module docstring), else raises ``decode_error``'s
    exception; ``check_type`` checks JSON types, ``discard_unknown`` drops undeclared members."""
    if not 200 <= status <= 299:
        raise decode_error(endpoint, status, _PHRASES.get(status, ""), headers, body)
    spec = _success_spec(endpoint, status)
    if spec is None:
        return None
    return deserialize(
        spec, status, headers, body, check_type=check_type, sensitive=endpoint.token_request,
        discard_unknown=discard_unknown,
    )


# ---------------------------------------------------------------- errors


def _json_list(value: object) -> Optional[List[Any]]:
    items: Any = value  # checked below, but not narrowed to a list of unknown items
    return items if isinstance(value, list) else None


def _json_object(value: object) -> Optional[Dict[str, Any]]:
    members: Any = value
    return members if isinstance(value, dict) else None


def _text_member(item: Any, *names: str) -> Optional[str]:
    """The first of ``names`` that ``item`` (a model or a dict) holds as a non-empty string."""
    getter = getattr(item, "get", None)
    if getter is None:
        return None
    for name in names:
        try:
            value = getter(name)
        except Exception:
            continue
        if isinstance(value, str) and value.strip():
            return value
    return None


def _first_error(data: Any) -> Any:
    """The first item of ``data.errors`` (or of a list body) when there is one, else ``data``."""
    items = _json_list(data)
    if items is not None:
        return items[0] if items else None
    getter = getattr(data, "get", None)
    errors = _json_list(getter("errors") if getter is not None else None)
    if errors and getattr(errors[0], "get", None) is not None:
        return errors[0]
    return data


def _title_or_detail(item: Any, reason: Optional[str]) -> Optional[str]:
    title = _text_member(item, "title")
    if title is not None and reason and title.strip().lower() == reason.strip().lower():
        title = None  # it only repeats the reason: the detail says more
    return title or _text_member(item, "detail", "message", "error_message", "errorMessage")


def _problem_summary(item: Any, reason: Optional[str]) -> Optional[str]:
    code = _text_member(item, "code", "error_code", "errorCode")
    line = ": ".join(one_line(part, 200) for part in (code, _title_or_detail(item, reason)) if part)
    trace = _text_member(item, "trace_id", "traceId", "trace_identifier", "traceIdentifier")
    if trace is None:
        return line or None
    trace = f"traceId {one_line(trace, 80)}"
    return f"{line} ({trace})" if line else trace


def summarize_error(data: Any, reason: Optional[str] = None) -> Optional[str]:
    """One line naming the error in ``data`` (a model or parsed body): ``code: title (traceId ...)`` or
    ``error: error_description``; ``None`` when it names none. Not scrubbed: ``ApiException`` does that."""
    item = _first_error(data)
    oauth_error = _text_member(item, "error")
    if oauth_error is None:
        return _problem_summary(item, reason)
    description = _text_member(item, "error_description")
    return one_line(f"{oauth_error}: {description}" if description else oauth_error)


def _error_specs(endpoint: Endpoint, status: int) -> Iterator[Tuple[TypeSpec, bool]]:
    """Error models to try, in order, each with whether it must be an ``errors`` envelope."""
    # The one documented for ``status``, then those of the other error statuses: one family, one shape.
    others = [other for other in sorted(endpoint.responses) if other >= 400 and other != status]
    for spec in map(endpoint.response_spec, [status, *others]):
        if spec is not None:
            yield spec, False
    # Envelopes such as ResponsesReadAdSet carry the family's error items too.
    if endpoint.return_type:
        yield parse_type(endpoint.return_type), True
    for name in _GENERIC_ERROR_MODELS:
        yield parse_type(name), False


def _as_error_model(spec: TypeSpec, raw: Dict[str, Any], envelope: bool) -> Any:
    """``raw`` loaded leniently as ``spec`` when it has that model's shape; ``None`` otherwise."""
    try:
        types = spec.python_types
        cls = types[0] if len(types) == 1 else None
        if not (isinstance(cls, type) and issubclass(cls, OpenApiModel)):
            return None
        wires = cls.attribute_map.values()
        fits = ("errors" in wires and isinstance(raw.get("errors"), list)) if envelope else any(k in raw for k in wires)
        return spec.fast_loader(False)(raw) if fits else None
    except Exception:  # leniency itself failed: no model rather than an error about the error
        return None


def _error_data(endpoint: Endpoint, status: int, raw: Any) -> Any:
    members = _json_object(raw)
    if members is None:
        return None
    models = (_as_error_model(spec, members, envelope) for spec, envelope in _error_specs(endpoint, status))
    return next((data for data in models if data is not None), None)


def _scrub_json(value: Any) -> Any:
    """A parsed body with the known secrets blanked in every string (depth is bounded by the parser)."""
    if isinstance(value, str):
        return _secrets.scrub_text(value)
    items = _json_list(value)
    if items is not None:
        return [_scrub_json(item) for item in items]
    members = _json_object(value)
    if members is not None:
        return {_secrets.scrub_text(key): _scrub_json(item) for key, item in members.items()}
    return value


def _error_json(headers: Mapping[str, str], body: bytes) -> Any:
    """The JSON value of an error body, secrets blanked; ``None`` when it is not readable JSON."""
    if not body:
        return None
    try:
        raw = read_json(body, media(content_type(headers))[1], "an error body")
        return _scrub_json(raw) if _secrets.longest_form() else raw
    except Exception:
        return None


def decode_error(
    endpoint: Endpoint, status: int, reason: str, headers: Mapping[str, str], body: bytes, *,
    wall_clock: Callable[[], float] = time.time,
) -> ApiException:
    """The exception for an error answer of ``endpoint``, never raising: ``data`` is the error model for
    ``status``, else the spec's error shape the body has (loaded leniently), else ``None``."""
    if not hasattr(headers, "getlist") and headers:  # a plain dict: make its lookups case-insensitive
        from urllib3 import HTTPHeaderDict

        try:
            headers = HTTPHeaderDict(headers)
        except Exception:
            pass
    reason = reason or _PHRASES.get(status, "")
    raw = _error_json(headers, body)
    error = exception_for_status(status)(
        status, reason, body=body, headers=headers, data=_error_data(endpoint, status, raw),
        summary=summarize_error(raw, reason),
    )
    if isinstance(error, TooManyRequestsException):
        try:
            error.retry_after = _retry.server_requested_delay(headers, _retry.DEFAULT_RETRY, wall_clock)
        except Exception:  # a header no parser could read means no requested delay
            error.retry_after = None
    return error
