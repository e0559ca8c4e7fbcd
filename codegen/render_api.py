"""Render an API module: each operation's ``Endpoint`` declaration and its typed method.

An operation is written three times, for three readers:

* ``_NAME = Endpoint(...)`` at module level, the data the engine runs;
* ``@overload`` signatures, one per shape of result, for type checkers:
  ``async_req``, ``_return_http_data_only`` and ``_preload_content`` decide
  between the model, ``WithHttpInfo``, ``RawResponse`` and their
  ``AsyncResult``;
* the ``def`` that runs, ``@_NAME.bind``, whose body hands the arguments
  to ``ApiClient.invoke``.
"""

from __future__ import annotations

from typing import Any, List, Sequence, Tuple

from codegen.annotations import annotation, referenced_models
from codegen.render_python import (
    API_TITLE,
    GENERATED_NOTE,
    PACKAGE,
    import_statement,
    keywords,
    literal,
    model_module,
    standard_imports,
)
from codegen.spec import Api, Operation, Parameter

__all__ = [
    "OPTION_NAMES",
    "RESULT_SHAPES",
    "argument_tuple",
    "endpoint_constant",
    "implementation_parameters",
    "overload_lines",
    "render_api",
    "render_endpoint",
    "render_param",
    "result_annotation",
    "signature_parameters",
]

OPTION_NAMES = frozenset(
    {
        "async_req",
        "_return_http_data_only",
        "_preload_content",
        "_request_timeout",
        "_check_input_type",
        "_check_return_type",
        "_host_index",
        "_spec_property_naming",
        "_content_type",
    }
)
"""The per-call options: no parameter may be called like one (nor ``self`` or ``options``)."""

RESULT_SHAPES: Tuple[Tuple[str, str, str, str], ...] = (
    ("Literal[False] = ...", "Literal[True] = ...", "Literal[True] = ...", "{T}"),
    ("Literal[False] = ...", "Literal[False]", "Literal[True] = ...", "WithHttpInfo[{T}]"),
    ("Literal[False] = ...", "bool = ...", "Literal[False]", "RawResponse"),
    ("Literal[True]", "Literal[True] = ...", "Literal[True] = ...", "AsyncResult[{T}]"),
    ("Literal[True]", "Literal[False]", "Literal[True] = ...", "AsyncResult[WithHttpInfo[{T}]]"),
    ("Literal[True]", "bool = ...", "Literal[False]", "AsyncResult[RawResponse]"),
    ("bool = ...", "bool = ...", "bool = ...", "AnyResult[{T}]"),
)
"""Per overload: the types of ``async_req``, ``_return_http_data_only`` and
``_preload_content``, and the result (``{T}`` is the 2xx body's type). The
last one, for flags that are not literals, returns any of them."""


TYPING_NAMES = ("AnyResult", "AsyncResult", "CallOptions", "RawResponse", "WithHttpInfo")
"""What signatures use from the SDK's ``_typing``."""


def endpoint_constant(op: Operation) -> str:
    """The module-level name of an operation's declaration: ``_CREATE_TOKEN``."""
    return f"_{op.name.upper()}"


def render_param(param: Parameter) -> str:
    """One ``Param(...)`` line."""
    args = [literal(param.name), literal(param.wire), literal(param.location), literal(param.type)]
    args += keywords(param, ["required", "enum", "secret", "non_empty", "default", "format", "description"])
    return f"        Param({', '.join(args)}),"


def _tuple(values: Any) -> str:
    return literal(tuple(values)) if values else "()"


def render_endpoint(op: Operation) -> List[str]:
    """The ``_NAME = Endpoint(...)`` declaration of one operation."""
    responses = ", ".join(f"{r.status}: {literal(r.type)}" for r in op.responses)
    lines = [
        f"{endpoint_constant(op)} = Endpoint(",
        f"    name={literal(op.name)},",
        f"    method={literal(op.method)},",
        f"    path={literal(op.path)},",
        f"    operation_id={literal(op.operation_id)},",
        f"    tag={literal(op.tag)},",
        f"    summary={literal(op.summary)},",
    ]
    if op.params:
        lines += ["    params=(", *[render_param(p) for p in op.params], "    ),"]
    else:
        lines.append("    params=(),")
    lines += [
        f"    content_types={_tuple(op.content_types)},",
        f"    accept={_tuple(op.accept)},",
        f"    responses={{{responses}}},",
        f"    auth={_tuple(op.auth)},",
    ]
    if op.token_request:
        lines.append("    token_request=True,")
    lines.append(")")
    return lines


def signature_parameters(op: Operation, optional_default: str) -> List[str]:
    """``self``, the required parameters, then ``*`` and the optional ones with ``optional_default``."""
    for param in op.params:
        if param.name in OPTION_NAMES or param.name in ("self", "options"):
            raise ValueError(f"{op.name}: a parameter cannot be called {param.name!r}")
    required = [f"{p.name}: {annotation(p.type, p.enum)}" for p in op.params if p.required]
    optional = [f"{p.name}: {annotation(p.type, p.enum)} = {optional_default}" for p in op.params if not p.required]
    return ["self", *required, "*", *optional]


def result_annotation(op: Operation) -> str:
    """The annotation of what a successful call gives: the 2xx body's type, or ``None``."""
    return annotation(op.return_type) if op.return_type else "None"


def argument_tuple(op: Operation) -> str:
    """The tuple of argument values handed to ``invoke``, in declaration order: ``(a, b)``, ``(a,)`` or ``()``."""
    values = ", ".join(p.name for p in op.params)
    return f"({values},)" if len(op.params) == 1 else f"({values})"


def overload_lines(op: Operation, definer: str, shapes: Sequence[Tuple[Sequence[str], str]]) -> List[str]:
    """The ``@overload`` signatures of one operation, one line each: ``definer`` (``def`` or ``async def``),
    and for each shape the call options it fixes and the result it gives."""
    params = signature_parameters(op, "...")
    lines: List[str] = []
    for fixed, result in shapes:
        options = [*fixed, "**options: Unpack[CallOptions]"]
        returns = result.replace("{T}", result_annotation(op))
        lines += ["    @overload", f"    {definer} {op.name}({', '.join(params + options)}) -> {returns}: ..."]
    return lines


def implementation_parameters(op: Operation) -> List[str]:
    """The parameters of the method that runs, behind the overloads."""
    params = signature_parameters(op, "UNSET")
    if params[-1] == "*":  # no optional parameter: nothing is keyword-only but the options
        params.pop()
    return params


def render_overloads(op: Operation) -> List[str]:
    """The ``@overload`` signatures of one operation, one line each."""
    shapes = [
        ([f"async_req: {async_req}", f"_return_http_data_only: {data_only}", f"_preload_content: {preload}"], result)
        for async_req, data_only, preload, result in RESULT_SHAPES
    ]
    return overload_lines(op, "def", shapes)


def render_method(op: Operation) -> List[str]:
    """The ``def`` that runs: the overloads' implementation."""
    params = implementation_parameters(op)
    arguments = argument_tuple(op)
    result = f"AnyResult[{result_annotation(op)}]"
    summary = op.summary.rstrip(".").replace('"""', "'''")
    return [
        f"    @{endpoint_constant(op)}.bind",
        f"    def {op.name}({', '.join([*params, '**options: Any'])}) -> {result}:",
        f'        """{summary}."""',
        f"        result: {result} = self.api_client.invoke({endpoint_constant(op)}, {arguments}, options)",
        "        return result",
    ]


def _imports(api: Api, annotations: List[str]) -> List[str]:
    types = [p.type for op in api.operations for p in op.params] + [op.return_type for op in api.operations]
    engine = ["Api", "ApiClient", "Endpoint"] + (["Param"] if any(op.params for op in api.operations) else [])
    return [
        *standard_imports(annotations, ["Any", "Literal"], ["overload"]),
        import_statement(f"{PACKAGE}._typing", list(TYPING_NAMES)),
        import_statement(f"{PACKAGE}.api_client", engine),
        *[import_statement(model_module(name), [name]) for name in referenced_models(types)],
        f"from {PACKAGE}.model_utils import UNSET",
        "",
        "if TYPE_CHECKING:",
        "    from typing_extensions import Unpack",
    ]


def render_api(api: Api) -> str:
    """The module text of one API class."""
    body: List[str] = []
    for op in api.operations:
        body += ["", *render_overloads(op), *render_method(op)]
    declarations: List[str] = []
    for op in api.operations:
        declarations += [*render_endpoint(op), ""]
    lines = [
        f'"""{api.class_name}: operations tagged {api.tag} in {API_TITLE}.',
        "",
        GENERATED_NOTE,
        '"""',
        "",
        *_imports(api, body),
        "",
        f'__all__ = ["{api.class_name}", "ApiClient"]',
        "",
        *declarations,
        "",
        f"class {api.class_name}(Api):",
        f'    """Operations tagged {api.tag}.',
        "",
        "    Methods:",
        *[f"        {op.name}: {op.method} {op.path}" for op in api.operations],
        '    """',
        *body,
        "",
    ]
    return "\n".join(lines)
