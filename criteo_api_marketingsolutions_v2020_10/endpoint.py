"""Operations as data: ``Param`` and ``Endpoint`` declare them, ``Api`` holds them.

An API module declares each operation::

    class OAuthApi(Api):
        create_token = Endpoint(
            name="create_token", method="POST", path="/oauth2/token", ...,
            params=(Param("client_id", "client_id", "form", "str"), ...),
            responses={200: "JwtModel", 400: "OAuth2Error"},
        )

``Endpoint`` turns that into a method with a real signature and docstring
that hands its arguments to ``ApiClient.invoke``.
"""

from __future__ import annotations

import keyword
import re
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple
from urllib.parse import quote_plus

from criteo_api_marketingsolutions_v2020_10.exceptions import ApiTypeError, ApiValueError
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, TypeSpec, check_enum, parse_type

if TYPE_CHECKING:
    from criteo_api_marketingsolutions_v2020_10.api_client import ApiClient

__all__ = ["Api", "CALL_OPTIONS", "Endpoint", "Param", "form_component", "form_encode", "wire_text"]

#: Keyword options every operation accepts besides its parameters.
CALL_OPTIONS = {
    "async_req": False,
    "_return_http_data_only": True,
    "_preload_content": True,
    "_request_timeout": None,
    "_check_input_type": True,
    "_check_return_type": True,
    "_host_index": None,
    "_spec_property_naming": False,
    "_content_type": None,
}

_LOCATIONS = ("path", "query", "header", "form", "body")


_FORM_SAFE = re.compile(r"[A-Za-z0-9\-._*~]*")


def form_component(text: str) -> str:
    """One name or value of a form body (RFC 6749 Appendix B); most ids and
    secrets need no escaping, and skip ``quote_plus``."""
    return text if _FORM_SAFE.fullmatch(text) else quote_plus(text, safe="*")


class Param:
    """One parameter of an operation.

    Args:
        name: the Python keyword (snake_case).
        wire: the name on the wire (path template, query key, form field).
        location: ``path``, ``query``, ``header``, ``form`` or ``body``.
        type: a type string, as for model fields.
        required: must be given; required parameters are also positional.
        enum: allowed values.
        secret: never echoed (credentials).
        non_empty: an empty string is refused (credentials).
        default: the server-side default, for documentation; never sent.
        description: one line for docstrings and docs.
        format: the spec's format, for documentation and conformance.
    """

    __slots__ = (
        "_plain_text",
        "_spec",
        "default",
        "description",
        "enum",
        "form_key",
        "format",
        "location",
        "name",
        "non_empty",
        "required",
        "secret",
        "type",
        "wire",
    )

    def __init__(
        self,
        name: str,
        wire: str,
        location: str,
        type: str,
        *,
        required: bool = False,
        enum: Optional[Sequence[Any]] = None,
        secret: bool = False,
        non_empty: bool = False,
        default: Any = UNSET,
        description: str = "",
        format: Optional[str] = None,
    ) -> None:
        if location not in _LOCATIONS:
            raise ValueError(f"unknown parameter location {location!r}")
        self.name = name
        self.wire = wire
        self.location = location
        self.type = type
        self.required = required
        self.enum = tuple(enum) if enum is not None else None
        self.secret = secret
        self.non_empty = non_empty
        self.default = default
        self.description = description
        self.format = format
        self._spec: Optional[TypeSpec] = None
        self._plain_text = type == "str" and enum is None
        #: The name as it appears in a form body, encoded once.
        self.form_key = form_component(wire)

    @property
    def spec(self) -> TypeSpec:
        """The compiled type."""
        if self._spec is None:
            self._spec = parse_type(self.type)
        return self._spec

    def check(self, value: Any, operation: str, check_type: bool) -> Any:
        """Validate an argument before any I/O; messages name the parameter, never a secret value."""
        # The usual case, kept cheap: an ASCII string for a plain string parameter.
        if type(value) is str and self._plain_text and value.isascii() and (value or not self.non_empty):
            return value
        path = [self.name]
        if value is None:
            raise ApiTypeError(f"{operation}(): {self.name!r} must not be None", path)
        if self.location == "form" or check_type:
            value = self.spec.check(value, path)
        if self.location == "form" and isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ApiValueError(f"{operation}(): {self.name!r} cannot be encoded as UTF-8", path) from None
        if self.non_empty and value == "":
            raise ApiValueError(f"{operation}(): {self.name!r} must not be empty", path)
        if self.enum is not None:
            check_enum(value, self.enum, f"{operation}(): invalid value for {self.name!r}", path)
        return value

    def __repr__(self) -> str:
        return f"Param({self.name!r}, {self.wire!r}, {self.location!r}, {self.type!r})"


def select_accept(accepts: Sequence[str]) -> Optional[str]:
    """The ``Accept`` header: ``application/json`` when listed (the SDK reads JSON), else all of them joined."""
    if not accepts:
        return None
    return "application/json" if any(a.lower() == "application/json" for a in accepts) else ", ".join(accepts)


def select_content_type(content_types: Sequence[str]) -> str:
    """The request ``Content-Type``: ``application/json`` when listed (or nothing is), else the first one."""
    if not content_types:
        return "application/json"
    lowered = [c.lower() for c in content_types]
    return "application/json" if "application/json" in lowered or "*/*" in lowered else content_types[0]


def wire_text(value: Any) -> str:
    """A path, query or header value as text: ``true``/``false``, ISO dates, ``str()`` otherwise."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def form_encode(pairs: Sequence[Tuple[str, str]]) -> bytes:
    """``application/x-www-form-urlencoded`` as RFC 6749 Appendix B asks: UTF-8,
    space as ``+``, everything but ``A-Z a-z 0-9 - . _ * ~`` percent-encoded."""
    return "&".join([f"{form_component(k)}={form_component(v)}" for k, v in pairs]).encode("ascii")


class Endpoint:
    """Declares one operation; on an ``Api`` class it becomes the operation's method.

    The method has a real ``__signature__`` (required parameters positional,
    the others keyword-only, then the call options), ``__name__`` and
    ``__doc__``, so ``help()`` and IDEs show what it takes.
    """

    def __init__(
        self,
        *,
        name: str,
        method: str,
        path: str,
        operation_id: str,
        params: Sequence[Param] = (),
        content_types: Sequence[str] = (),
        accept: Sequence[str] = (),
        responses: Optional[Mapping[int, Optional[str]]] = None,
        auth: Sequence[str] = ("Authorization",),
        token_request: bool = False,
        summary: str = "",
        description: str = "",
        servers: Sequence[Mapping[str, Any]] = (),
        tag: str = "",
    ) -> None:
        self.name = name
        self.method = method.upper()
        self.path = path
        self.operation_id = operation_id
        self.params = tuple(params)
        self.content_types = tuple(content_types)
        self.accept = tuple(accept)
        self.responses: Dict[int, Optional[str]] = dict(responses or {})
        self.auth = tuple(auth)
        self.token_request = token_request
        self.summary = summary
        self.description = description
        self.servers = [dict(s) for s in servers]
        self.tag = tag
        self.by_name = {p.name: p for p in self.params}
        self.required = tuple(p.name for p in self.params if p.required)
        #: Parameters in the order of the method's signature: required first.
        self.ordered = tuple(p for p in self.params if p.required) + tuple(p for p in self.params if not p.required)
        self.body_param = next((p for p in self.params if p.location == "body"), None)
        self.accept_header = select_accept(self.accept)
        self.content_type = self._select_content_type()
        #: Headers every request of this operation carries.
        self.fixed_headers: Dict[str, str] = {}
        if self.accept_header:
            self.fixed_headers["Accept"] = self.accept_header
        if any(p.location == "form" for p in self.params):
            self.fixed_headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.return_type: Optional[str] = next(
            (t for s, t in sorted(self.responses.items()) if 200 <= s < 300), None
        )
        self._response_specs: Optional[Dict[int, Optional[TypeSpec]]] = None
        self.function = self._make_function()

    # ---- static request facts

    def _select_content_type(self) -> Optional[str]:
        if not self.content_types:
            return None
        if any(p.location == "form" for p in self.params):
            return "application/x-www-form-urlencoded"
        return select_content_type(self.content_types)

    def response_spec(self, status: int) -> Optional[TypeSpec]:
        """The compiled type of the body documented for ``status`` (or ``None``)."""
        specs = self._response_specs
        if specs is None:
            specs = {s: (parse_type(t) if t else None) for s, t in self.responses.items()}
            self._response_specs = specs
        return specs.get(status)

    # ---- the method users call

    def _make_function(self) -> Callable[..., Any]:
        # The method is written out as source and compiled once, the way
        # dataclasses and namedtuple build their methods: help() and IDEs see
        # the real parameters, Python binds the arguments itself, and no
        # introspection machinery is imported or run per call.
        for param in self.params:
            if not param.name.isidentifier() or keyword.iskeyword(param.name) or param.name in ("self", "kwargs"):
                raise ValueError(f"{self.name}: {param.name!r} cannot be a Python parameter name")
        required = [f"{p.name}: {p.type!r}" for p in self.ordered if p.required]
        optional = [f"{p.name}: {p.type!r} = UNSET" for p in self.ordered if not p.required]
        signature = ", ".join(["self", *required, *(["*", *optional] if optional else []), "**kwargs"])
        values = "".join(f"{p.name}, " for p in self.ordered)
        source = (
            f"def {self.name}({signature}) -> {(self.return_type or 'None')!r}:\n"
            f"    return self.api_client.invoke(ENDPOINT, ({values}), kwargs)\n"
        )
        namespace: Dict[str, Any] = {"UNSET": UNSET, "ENDPOINT": self}
        # dont_inherit: this module's "from __future__ import annotations" must
        # not turn the annotations (already strings) into strings of strings.
        exec(compile(source, f"<operation {self.name}>", "exec", dont_inherit=True), namespace)
        operation: Callable[..., Any] = namespace[self.name]
        operation.__doc__ = self.docstring()
        operation.endpoint = self  # type: ignore[attr-defined]
        return operation

    def docstring(self) -> str:
        """The operation's docstring: what it does, its parameters, options and errors."""
        lines = [self.summary or self.description or f"{self.method} {self.path}", ""]
        if self.description and self.description != self.summary and self.summary:
            lines += [self.description, ""]
        lines.append(f"{self.method} {self.path}")
        lines.append("")
        if self.params:
            lines.append("Args:")
            for p in self.params:
                notes = []
                if not p.required:
                    notes.append("optional")
                if p.enum:
                    notes.append("one of " + ", ".join(repr(v) for v in p.enum))
                if p.default is not UNSET:
                    notes.append(f"server default {p.default!r} when omitted")
                note = f" ({'; '.join(notes)})" if notes else ""
                lines.append(f"    {p.name} ({p.type}): {p.description or p.wire}{note}")
        lines += [
            "",
            "Keyword Args:",
            "    async_req (bool): run in the client's thread pool; returns an object whose .get() gives the result.",
            "    _return_http_data_only (bool): False returns (data, status, headers). Default True.",
            "    _preload_content (bool): False returns the raw, unread response. Default True.",
            "    _request_timeout (float | (float, float) | urllib3.Timeout): per-call timeout.",
            "    _check_input_type (bool): check argument types before sending. Default True.",
            "    _check_return_type (bool): check response field types. Default True.",
            "    _host_index (int): index of the server to use instead of the configured host.",
            "",
            "Returns:",
            f"    {self.return_type or 'None'}",
            "",
            "Raises:",
            "    ApiTypeError, ApiValueError: an argument is wrong (nothing was sent).",
            "    ApiException: the call failed; subclasses by status ("
            + ", ".join(str(s) for s in sorted(self.responses) if s >= 400)
            + " documented) and for connection problems.",
        ]
        return "\n".join(lines)

    def __set_name__(self, owner: type, attr: str) -> None:
        self.function.__qualname__ = f"{owner.__name__}.{attr}"
        self.function.__module__ = owner.__module__

    def __get__(self, api: Any, owner: Optional[type] = None) -> Any:
        # On the class, the plain function (so help(SomeApi) shows signatures);
        # on an instance, the bound method. The declaration stays reachable as
        # ``SomeApi.__dict__[name]`` and through ``Api.endpoints()``.
        return self.function.__get__(api, owner)

    def __repr__(self) -> str:
        return f"<Endpoint {self.name}: {self.method} {self.path}>"


class Api:
    """Base of the API classes: holds the ``ApiClient`` that runs the calls."""

    def __init__(self, api_client: Optional[ApiClient] = None) -> None:
        if api_client is None:
            from criteo_api_marketingsolutions_v2020_10.api_client import ApiClient

            api_client = ApiClient()
        self.api_client = api_client

    @classmethod
    def endpoints(cls) -> List[Endpoint]:
        """Every operation this API class declares, in declaration order."""
        found: Dict[str, Endpoint] = {}
        for klass in reversed(cls.__mro__):
            for name, value in vars(klass).items():
                if isinstance(value, Endpoint):
                    found[name] = value
        return list(found.values())
