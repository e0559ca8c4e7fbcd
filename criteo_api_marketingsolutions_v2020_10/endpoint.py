"""Operations as data: ``Param`` and ``Endpoint`` declare them, ``Api`` holds them.

An API module declares each operation as data, and writes its method::

    _CREATE_TOKEN = Endpoint(
        name="create_token", method="POST", path="/oauth2/token", ...,
        params=(Param("client_id", "client_id", "form", "str"), ...),
        responses={200: "JwtModel", 400: "OAuth2Error"},
    )

    class OAuthApi(Api):
        @overload
        def create_token(self, *, client_id: str = ..., ...) -> JwtModel: ...
        ...
        @_CREATE_TOKEN.bind
        def create_token(self, *, client_id: str = UNSET, ..., **options: Any) -> AnyResult[JwtModel]:
            return self.api_client.invoke(_CREATE_TOKEN, (client_id, ...), options)

The overloads are for type checkers; the ``def`` is what runs, with its
real signature and the docstring ``Endpoint`` writes. An ``Endpoint`` put
straight on an ``Api`` class (``create_token = Endpoint(...)``) still works:
it builds an equivalent method itself.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, TypeVar, cast
from urllib.parse import quote_plus

from criteo_api_marketingsolutions_v2020_10._operation import build_method, check_method, operation_docstring
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
_F = TypeVar("_F", bound=Callable[..., Any])


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
        self._check_value(value, operation, path)
        return value

    def _check_value(self, value: Any, operation: str, path: List[Any]) -> None:
        if self.location == "form" and isinstance(value, str) and not _encodable(value):
            raise ApiValueError(f"{operation}(): {self.name!r} cannot be encoded as UTF-8", path)
        if self.non_empty and value == "":
            raise ApiValueError(f"{operation}(): {self.name!r} must not be empty", path)
        if self.enum is not None:
            check_enum(value, self.enum, f"{operation}(): invalid value for {self.name!r}", path)

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


def _required_first(params: Sequence[Param]) -> Tuple[Param, ...]:
    return tuple(sorted(params, key=lambda p: not p.required))  # sorted() is stable


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return False
    return True


class Endpoint:
    """Declares one operation; on an ``Api`` class it becomes the operation's method.

    The method is a real function (the generated ``def`` given to
    ``bind``): required parameters positional, the others keyword-only,
    then the call options; ``help()``, ``inspect.signature`` and
    ``typing.get_type_hints`` read it like any other method.
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
        self._derive()
        self._response_specs: Optional[Dict[int, Optional[TypeSpec]]] = None
        #: The method users call: the ``def`` given to ``bind``, or one built when first needed.
        self.function: Optional[Callable[..., Any]] = None

    # ---- static request facts

    def _derive(self) -> None:
        params = self.params
        self.by_name = {p.name: p for p in params}
        #: Parameters in the order of the method's signature: required first.
        self.ordered = _required_first(params)
        self.required = tuple(p.name for p in self.ordered if p.required)
        self.body_param = next((p for p in params if p.location == "body"), None)
        self._derive_headers()
        self.return_type: Optional[str] = next((t for s, t in sorted(self.responses.items()) if 200 <= s < 300), None)

    def _derive_headers(self) -> None:
        self.accept_header = select_accept(self.accept)
        self.content_type = self._select_content_type()
        #: Headers every request of this operation carries.
        self.fixed_headers: Dict[str, str] = {}
        if self.accept_header:
            self.fixed_headers["Accept"] = self.accept_header
        if any(p.location == "form" for p in self.params):
            self.fixed_headers["Content-Type"] = "application/x-www-form-urlencoded"

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

    def bind(self, function: _F) -> _F:
        """Decorator: ``function`` is this operation's method (generated API modules use it).

        The function keeps its signature and annotations and gets the full
        docstring. The class body receives this ``Endpoint``, which hands out
        the function on attribute access, so ``SomeApi.__dict__[name]`` and
        ``Api.endpoints()`` give the declaration; type checkers see the function.
        """
        check_method(self, function)
        function.__doc__ = operation_docstring(self)
        function.__dict__["endpoint"] = self
        self.function = function
        return cast(_F, self)

    def _function(self) -> Callable[..., Any]:
        function = self.function
        if function is None:
            function = self.function = build_method(self)
            function.__dict__["endpoint"] = self
        return function

    def docstring(self) -> str:
        """The operation's docstring: what it does, its parameters, options and errors."""
        return operation_docstring(self)

    def __set_name__(self, owner: type, attr: str) -> None:
        function = self._function()
        function.__qualname__ = f"{owner.__name__}.{attr}"
        function.__module__ = owner.__module__

    def __get__(self, api: Any, owner: Optional[type] = None) -> Any:
        # On the class, the plain function (so help(SomeApi) shows signatures);
        # on an instance, the bound method. The declaration stays reachable as
        # ``SomeApi.__dict__[name]`` and through ``Api.endpoints()``.
        function = self.function if self.function is not None else self._function()
        return function.__get__(api, owner)

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
