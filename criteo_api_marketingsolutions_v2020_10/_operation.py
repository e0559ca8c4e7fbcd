"""How an ``Endpoint`` becomes the method users call: its docstring and its function.

Generated API modules write every operation as a real ``def``, with
``@overload`` signatures for type checkers, and hand it to the declaration
with ``@_CREATE_TOKEN.bind``; ``check_method`` makes sure the function's
parameters are the declared ones, in order. An ``Endpoint`` put on an ``Api``
class without a ``def`` gets one from ``build_method``, with the same shape:
required parameters positional, the others keyword-only, then the options.
"""

from __future__ import annotations

import keyword
from typing import TYPE_CHECKING, Any, Callable, Dict, List

from criteo_api_marketingsolutions_v2020_10._values import UNSET, python_annotation

if TYPE_CHECKING:
    from criteo_api_marketingsolutions_v2020_10.endpoint import Endpoint, Param

__all__ = ["build_method", "check_method", "operation_docstring"]

_OPTIONS_DOC = [
    "Keyword Args:",
    "    async_req (bool): run in the client's thread pool; returns an AsyncResult whose .get() gives the result.",
    "    _return_http_data_only (bool): False returns (data, status, headers). Default True.",
    "    _preload_content (bool): False returns a StreamingResponse, body unread. Default True.",
    "    _request_timeout (float | (float, float) | urllib3.Timeout): per-call timeout.",
    "    _check_input_type (bool): check argument types before sending. Default True.",
    "    _check_return_type (bool): check response field types. Default True.",
    "    _host_index (int): index of the server to use instead of the configured host.",
    "    _spec_property_naming (bool): kept from earlier generated clients; no effect on parameters.",
    "    _content_type (str): the request Content-Type, when the operation accepts several.",
]


def _argument_line(param: Param) -> str:
    notes: List[str] = []
    if not param.required:
        notes.append("optional")
    if param.enum:
        notes.append("one of " + ", ".join(repr(v) for v in param.enum))
    if param.default is not UNSET:
        notes.append(f"server default {param.default!r} when omitted")
    note = f" ({'; '.join(notes)})" if notes else ""
    return f"    {param.name} ({python_annotation(param.type)}): {param.description or param.wire}{note}"


def _heading(endpoint: Endpoint) -> List[str]:
    """The summary (or description), the description when it says more, and the HTTP request."""
    lines = [endpoint.summary or endpoint.description or f"{endpoint.method} {endpoint.path}", ""]
    if endpoint.description and endpoint.summary and endpoint.description != endpoint.summary:
        lines += [endpoint.description, ""]
    return [*lines, f"{endpoint.method} {endpoint.path}", ""]


def _result_type(endpoint: Endpoint) -> str:
    return python_annotation(endpoint.return_type) if endpoint.return_type else "None"


def operation_docstring(endpoint: Endpoint, asynchronous: bool = False) -> str:
    """The operation's docstring: what it does, its parameters, options, result and errors.

    ``asynchronous``: the docstring of the asyncio client's method (awaited, no ``async_req``).
    """
    lines = _heading(endpoint)
    if endpoint.ordered:
        lines += ["Args:", *[_argument_line(p) for p in endpoint.ordered], ""]
    errors = ", ".join(str(s) for s in sorted(endpoint.responses) if s >= 400) or "none"
    if asynchronous:
        options = [
            line.replace("a StreamingResponse", "an AsyncStreamingResponse")
            for line in _OPTIONS_DOC
            if not line.startswith("    async_req")
        ]
        returns = [
            f"    (awaited) {_result_type(endpoint)}; with _return_http_data_only=False a (data, status, headers)",
            "    tuple, with _preload_content=False an AsyncStreamingResponse.",
        ]
    else:
        options = _OPTIONS_DOC
        returns = [
            f"    {_result_type(endpoint)}; with async_req=True an AsyncResult of it, with",
            "    _return_http_data_only=False a (data, status, headers) tuple, with _preload_content=False",
            "    a StreamingResponse.",
        ]
    lines += [
        *options,
        "",
        "Returns:",
        *returns,
        "",
        "Raises:",
        "    ApiTypeError, ApiValueError: an argument is wrong (nothing was sent).",
        f"    ApiException: the call failed; subclasses by status ({errors} documented) and for connection problems.",
    ]
    return "\n".join(lines)


def check_method(endpoint: Endpoint, function: Callable[..., Any]) -> None:
    """Refuse a function whose name or parameters are not the declared ones, in signature order."""
    code = getattr(function, "__code__", None)
    names = [p.name for p in endpoint.ordered]
    if code is None or function.__name__ != endpoint.name:
        raise ValueError(f"{endpoint.name}: the method must be a function called {endpoint.name!r}")
    declared = list(code.co_varnames[1 : 1 + len(names)])
    if declared != names or code.co_argcount != 1 + len([p for p in endpoint.ordered if p.required]):
        raise ValueError(f"{endpoint.name}: the method's parameters {declared} are not the declared {names}")


def _signature_source(endpoint: Endpoint) -> str:
    """``self, required: 'T', *, optional: 'T' = UNSET, **options``, annotations as strings."""
    required = [f"{p.name}: {python_annotation(p.type, p.enum)!r}" for p in endpoint.ordered if p.required]
    optional = [f"{p.name}: {python_annotation(p.type, p.enum)!r} = UNSET" for p in endpoint.ordered if not p.required]
    return ", ".join(["self", *required, *(["*", *optional] if optional else []), "**options"])


def build_method(endpoint: Endpoint) -> Callable[..., Any]:
    """A function for an ``Endpoint`` declared without a ``def``.

    It is written out as source and compiled once, the way ``dataclasses``
    builds methods: ``help()`` sees the real parameters and Python binds the
    arguments itself, with nothing introspected per call.
    """
    for param in endpoint.params:
        if not param.name.isidentifier() or keyword.iskeyword(param.name) or param.name in ("self", "options"):
            raise ValueError(f"{endpoint.name}: {param.name!r} cannot be a Python parameter name")
    values = "".join(f"{p.name}, " for p in endpoint.ordered)
    returns = _result_type(endpoint)
    source = (
        f"def {endpoint.name}({_signature_source(endpoint)}) -> {returns!r}:\n"
        f"    return self.api_client.invoke(ENDPOINT, ({values}), options)\n"
    )
    namespace: Dict[str, Any] = {"UNSET": UNSET, "ENDPOINT": endpoint}
    # dont_inherit: this module's "from __future__ import annotations" must
    # not turn the annotations (already strings) into strings of strings.
    exec(compile(source, f"<operation {endpoint.name}>", "exec", dont_inherit=True), namespace)
    function: Callable[..., Any] = namespace[endpoint.name]
    function.__doc__ = operation_docstring(endpoint)
    return function

