"""The build layer: an operation and its arguments become one immutable ``Request``.

A request is built fresh for every call, and everything that can be wrong
with it is found here, before any I/O: argument types and values, path
segments that would change the path (``.``, ``..``, empty), and header values
that cannot be sent (control characters, characters outside Latin-1).
Messages name the parameter or setting at fault, never its value.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, NamedTuple, Optional, Sequence, Tuple
from urllib.parse import quote

from urllib3.exceptions import LocationParseError
from urllib3.util import parse_url

from criteo_api_marketingsolutions_v2020_10.endpoint import Endpoint, Param, form_component, wire_text
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, sanitize_for_serialization

if TYPE_CHECKING:
    from criteo_api_marketingsolutions_v2020_10.configuration import Configuration

__all__ = [
    "Request",
    "Target",
    "ad_hoc_endpoint",
    "ad_hoc_values",
    "base_url",
    "build_request",
    "check_arguments",
    "check_header",
]

# A header value may hold visible Latin-1 characters, spaces and tabs, and
# nothing else: a CR or LF would start a new header (response splitting).
_FORBIDDEN_IN_HEADER = re.compile(r"[^\t\x20-\x7e\xa0-\xff]")
_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_DOT_SEGMENTS = frozenset({"", ".", ".."})
#: Base URLs already found well formed; a text passes or fails on its characters alone.
_GOOD_BASES: Dict[str, None] = {}


class Request(NamedTuple):
    """One HTTP request, ready for a transport: ``method``, ``url``, ``headers``, ``body``.

    It is never changed once built; ``with_header`` returns a copy. Treat
    ``headers`` as read-only: transports may share it between attempts.
    """

    method: str
    url: str
    headers: Mapping[str, str]
    body: Optional[bytes]

    def with_header(self, name: str, value: str) -> Request:
        """A copy of this request with header ``name`` set to ``value``."""
        headers = dict(self.headers)
        headers[name] = value
        return Request(self.method, self.url, headers, self.body)

    def __repr__(self) -> str:
        return f"<Request {self.method} {self.url.split('?', 1)[0]}>"


class Target(NamedTuple):
    """Where and how requests are sent, read from the client when a call starts."""

    base_url: str
    safe_path_chars: str
    default_headers: Mapping[str, str]
    cookie: Optional[str]


def check_header(setting: str, name: str, value: Any) -> str:
    """``value`` as a header value, or ``ApiValueError`` naming ``setting``.

    Leading and trailing whitespace is kept here; callers strip the values
    that users commonly read from files (tokens, keys).
    """
    if not isinstance(value, str):
        raise ApiValueError(f"{setting} must be a string to be sent as the {name!r} header")
    if _FORBIDDEN_IN_HEADER.search(value) is not None:
        raise ApiValueError(
            f"{setting} cannot be sent as the {name!r} header: it contains a control character "
            "or a character outside Latin-1"
        )
    return value


def check_header_name(setting: str, name: Any) -> str:
    """``name`` as a header name, or ``ApiValueError`` naming ``setting``."""
    if not isinstance(name, str) or _HEADER_NAME.fullmatch(name) is None:
        raise ApiValueError(f"{setting} has a header name that is not an HTTP token")
    return name


def check_headers(setting: str, headers: Mapping[str, Any]) -> Dict[str, str]:
    """Every name and value of ``headers`` checked; the message names ``setting[name]``."""
    checked: Dict[str, str] = {}
    for name, value in headers.items():
        check_header_name(setting, name)
        checked[name] = check_header(f"{setting}[{name!r}]", name, value)
    return checked


def check_arguments(
    endpoint: Endpoint, arguments: Sequence[Any], check_types: bool
) -> List[Tuple[Param, Any]]:
    """The given arguments, checked, in ``endpoint.ordered`` order (``UNSET`` ones left out)."""
    name = endpoint.name
    return [
        (param, param.check(value, name, check_types))
        for param, value in zip(endpoint.ordered, arguments)
        if value is not UNSET
    ]


def base_url(configuration: Configuration, endpoint: Endpoint, host_index: Optional[int]) -> str:
    """The server URL for ``endpoint``: the configured host unless an index selects another."""
    cfg = configuration
    if host_index is None:
        operation_index = cfg.server_operation_index.get(endpoint.operation_id)
        if operation_index is None or not endpoint.servers:
            return _checked_base(cfg.host)
        host_index = operation_index
    servers = endpoint.servers or cfg.get_host_settings()
    variables = cfg.server_operation_variables.get(endpoint.operation_id, cfg.server_variables)
    return _checked_base(cfg.get_host_from_settings(host_index, variables=variables, servers=servers))


def _checked_base(url: Any) -> str:
    """``url`` if it is an http(s) URL with a host (checked once per distinct text), else ``ApiValueError``."""
    if url in _GOOD_BASES:
        return str(url)
    try:
        parsed = parse_url(url) if isinstance(url, str) else None
    except LocationParseError:
        parsed = None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
        raise ApiValueError("Configuration.host must be an http:// or https:// URL with a host (and a valid port)")
    if len(_GOOD_BASES) >= 64:
        _GOOD_BASES.clear()
    _GOOD_BASES[url] = None
    return str(url)


def build_request(
    endpoint: Endpoint,
    values: Iterable[Tuple[Param, Any]],
    target: Target,
    content_type: Optional[str] = None,
) -> Request:
    """The request for ``endpoint`` with checked ``values`` (see ``check_arguments``)."""
    parts = _Parts(endpoint, target)
    for param, value in values:
        parts.place(param, value)
    headers = parts.headers
    body = parts.body
    if parts.form:
        body = "&".join(parts.form).encode("ascii")
    elif body is not None:
        chosen = content_type or endpoint.content_type
        if chosen:
            headers["Content-Type"] = check_header("_content_type", "Content-Type", chosen)
    if target.cookie:
        headers["Cookie"] = target.cookie
    url = target.base_url + parts.path
    if parts.query:
        url += "?" + "&".join(parts.query)
    return Request(endpoint.method, url, headers, body)


class _Parts:
    """The pieces of a request while its parameters are placed."""

    __slots__ = ("body", "endpoint", "form", "headers", "path", "query", "safe")

    def __init__(self, endpoint: Endpoint, target: Target) -> None:
        self.endpoint = endpoint
        self.safe = target.safe_path_chars
        self.path = endpoint.path
        self.query: List[str] = []
        self.form: List[str] = []
        self.headers = {**target.default_headers, **endpoint.fixed_headers}
        self.body: Optional[bytes] = None

    def place(self, param: Param, value: Any) -> None:
        location = param.location
        if location == "form":
            self.form.append(f"{param.form_key}={form_component(value)}")
        elif location == "path":
            self.path = self.path.replace("{" + param.wire + "}", _path_segment(self.endpoint, param, value, self.safe))
        elif location == "query":
            items: List[Any] = value if isinstance(value, list) else [value]  # pyright: ignore[reportUnknownVariableType]
            self.query.extend(f"{quote(param.wire, safe='')}={quote(wire_text(item), safe='')}" for item in items)
        elif location == "header":
            setting = f"{self.endpoint.name}(): {param.name!r}"
            self.headers[param.wire] = check_header(setting, param.wire, wire_text(value))
        else:
            self.body = _body(param, value)


def _path_segment(endpoint: Endpoint, param: Param, value: Any, safe: str) -> str:
    encoded = quote(wire_text(value), safe=safe)
    # A value that is, or (with safe "/") contains, a dot segment or an empty
    # segment would address another resource than the one the caller named.
    if any(part in _DOT_SEGMENTS for part in encoded.split("/")):
        raise ApiValueError(
            f"{endpoint.name}(): {param.name!r} cannot be empty, '.' or '..', "
            "nor hold such a path segment",
            [param.name],
        )
    return encoded


def _body(param: Param, value: Any) -> bytes:
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    payload = param.spec.dump(value)
    try:
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ApiValueError(f"{param.name!r} holds text that is not valid Unicode (a lone surrogate)", [param.name])
    except ValueError:  # NaN and infinities have no JSON form
        raise ApiValueError(f"{param.name!r} holds a number that JSON cannot carry (NaN or infinity)", [param.name])


def ad_hoc_values(
    path_params: Optional[Dict[str, Any]],
    query_params: Optional[List[Tuple[str, Any]]],
    header_params: Optional[Dict[str, str]],
    post_params: Optional[List[Tuple[str, str]]],
    body: Any,
) -> List[Tuple[Param, Any]]:
    """``call_api``'s arguments as declared parameters with their values."""
    groups: List[Tuple[str, Any]] = [
        ("path", [(key, str(value)) for key, value in (path_params or {}).items()]),
        ("query", list(query_params or [])),
        ("header", list((header_params or {}).items())),
        ("form", list(post_params or [])),
    ]
    values: List[Tuple[Param, Any]] = []
    for location, pairs in groups:
        for index, (wire, value) in enumerate(pairs):
            values.append((Param(f"{location}_{index}", wire, location, "str"), value))
    if body is not None:
        values.append((Param("body", "body", "body", "object"), sanitize_for_serialization(body)))
    return values


def ad_hoc_endpoint(
    method: str,
    path: str,
    values: List[Tuple[Param, Any]],
    has_body: bool,
    response_type: Optional[Tuple[Any, ...]],
    auth_settings: Optional[List[str]],
) -> Endpoint:
    """The declaration of a ``call_api`` call."""
    first = response_type[0] if response_type else None
    type_name = first if isinstance(first, str) or first is None else getattr(first, "__name__", None)
    return Endpoint(
        name="call_api", method=method, path=path, operation_id="call_api",
        params=[param for param, _ in values], accept=("application/json",),
        content_types=("application/json",) if has_body else (),
        responses={200: type_name, 201: type_name},
        auth=tuple(auth_settings) if auth_settings is not None else ("Authorization",),
    )
