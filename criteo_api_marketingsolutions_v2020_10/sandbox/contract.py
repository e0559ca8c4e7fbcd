"""What the spec lets a request carry besides its body: the media type of the body and the query parameters.

Each route lists the request media types its operation declares and the
query parameters it declares, with their schemas. ``check_request`` refuses,
before the handler runs, what the spec forbids:

* a body sent with a ``Content-Type`` the operation does not list (415);
* a declared query parameter whose value is not of its type: ``true`` or
  ``false`` for booleans, one of the listed values for enums, a 32-bit
  integer for integers (400). An empty value (``?enabledOnly=``) is none of
  these, so it is refused too; a plain string may be empty, and handlers
  read an empty one as "not given".

Query parameters the operation does not declare are ignored, as the service does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from criteo_api_marketingsolutions_v2020_10.sandbox.recording import Headers
from criteo_api_marketingsolutions_v2020_10.sandbox.responses import ApiError, parse_int32
from criteo_api_marketingsolutions_v2020_10.sandbox.schema import Schema

#: The request media types of the audience operations.
JSON_ONLY: Tuple[str, ...] = ("application/json",)
#: The request media types of the ad set and report operations.
JSON_VARIANTS: Tuple[str, ...] = ("application/json-patch+json", "application/json", "text/json", "application/*+json")
#: The request media types of the legacy bid and category updates (only JSON bodies are read).
LEGACY_MEDIA: Tuple[str, ...] = (
    "application/json",
    "text/json",
    "application/xml",
    "text/xml",
    "application/x-www-form-urlencoded",
    "text/html",
)


@dataclass(frozen=True)
class QueryParam:
    """A query parameter an operation declares, with the schema of its value."""

    name: str
    schema: Schema


def media_type(header: Optional[str]) -> str:
    """``"Application/JSON; charset=utf-8"`` -> ``"application/json"``; ``""`` without a header."""
    return (header or "").split(";", 1)[0].strip().lower()


def media_type_listed(listed: Sequence[str], header: Optional[str]) -> bool:
    """Whether the ``Content-Type`` ``header`` is one of ``listed`` (``application/*+json`` is a pattern)."""
    sent = media_type(header)
    for pattern in listed:
        kind, _, subtype = pattern.partition("/")
        if sent == pattern:
            return True
        if subtype.startswith("*+") and sent.startswith(f"{kind}/") and sent.endswith(subtype[1:]):
            return True
    return False


def check_content_type(listed: Sequence[str], headers: Headers) -> None:
    """415 when the operation takes a body and the request declares a media type it does not list.

    A request without ``Content-Type`` is read as JSON.
    """
    header = headers.get("Content-Type")
    if not listed or header is None or media_type_listed(listed, header):
        return
    raise ApiError(
        415,
        "unsupported-media-type",
        f"Content-Type {media_type(header) or '(empty)'} is not accepted here; use {', '.join(listed)}.",
        source={"header": "Content-Type"},
    )


def _integer_problem(value: str) -> Optional[str]:
    return "must be a 32-bit integer" if parse_int32(value) is None or value != value.strip() else None


_TYPE_PROBLEMS: Dict[str, Callable[[str], Optional[str]]] = {
    "boolean": lambda value: None if value in ("true", "false") else "must be true or false",
    "integer": _integer_problem,
}


def query_value_problem(schema: Schema, value: str) -> Optional[str]:
    """Why ``value`` does not fit the query parameter ``schema``, or ``None`` when it does."""
    kind = schema.get("type", "string")
    allowed: List[str] = schema.get("enum", [])
    if value == "" and (kind != "string" or allowed):
        return "must not be empty"
    if allowed and value not in allowed:
        return f"must be one of {', '.join(allowed)}"
    check = _TYPE_PROBLEMS.get(kind)
    return check(value) if check is not None else None


def check_query(declared: Sequence[QueryParam], query: Dict[str, List[str]]) -> None:
    """400 for the first declared query parameter whose value the spec does not allow."""
    for param in declared:
        for value in query.get(param.name, ()):
            problem = query_value_problem(param.schema, value)
            if problem is not None:
                raise ApiError(400, "invalid", f"{param.name} {problem}.", source={"parameter": param.name})


def check_request(
    content_types: Sequence[str], query_params: Sequence[QueryParam], headers: Headers, query: Dict[str, List[str]]
) -> None:
    """Both checks, media type first."""
    check_content_type(content_types, headers)
    check_query(query_params, query)
