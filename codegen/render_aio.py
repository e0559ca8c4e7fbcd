"""Render the asyncio client's API surface: ``aio/api/<tag>_api.py`` and the ``aio.api``/``aio.apis`` packages.

An asynchronous module declares nothing of its own: it imports the
synchronous module's ``Endpoint`` objects, so that one declaration serves
both clients. What it adds is the ``async def`` of each operation, with the
synchronous method's parameters (names, order, types, defaults), without
``async_req``, and with ``@overload`` signatures whose results are awaited:

* ``_return_http_data_only`` and ``_preload_content`` decide between the
  model, ``WithHttpInfo`` and ``AsyncStreamingResponse``;
* the ``def`` that runs is decorated with ``@bind(_NAME)`` (the asyncio
  ``ApiClient``'s), which checks it against the declaration and gives it
  the asynchronous docstring.
"""

from __future__ import annotations

from typing import List, Tuple

from codegen.annotations import referenced_models
from codegen.render_api import argument_tuple, endpoint_constant, implementation_parameters, overload_lines
from codegen.render_python import (
    API_TITLE,
    GENERATED_NOTE,
    PACKAGE,
    import_statement,
    model_module,
    render_aggregator,
    render_module_package,
    standard_imports,
)
from codegen.spec import Api, ApiSpec, Operation

__all__ = [
    "AIO_PACKAGE",
    "ASYNC_RESULT_SHAPES",
    "render_aio_api",
    "render_aio_api_package_init",
    "render_aio_apis_init",
]

AIO_PACKAGE = f"{PACKAGE}.aio"

ASYNC_RESULT_SHAPES: Tuple[Tuple[str, str, str], ...] = (
    ("Literal[True] = ...", "Literal[True] = ...", "{T}"),
    ("Literal[False]", "Literal[True] = ...", "WithHttpInfo[{T}]"),
    ("bool = ...", "Literal[False]", "AsyncStreamingResponse"),
    ("bool = ...", "bool = ...", "Union[{T}, WithHttpInfo[{T}], AsyncStreamingResponse]"),
)
"""Per overload: the types of ``_return_http_data_only`` and ``_preload_content``, and
what awaiting the call gives (``{T}`` is the 2xx body's type). The last one, for
flags that are not literals, gives any of them."""

PRIVATE_IMPORT = "  # pyright: ignore[reportPrivateUsage]"
"""The declarations are private to their synchronous module, and shared on purpose with the asynchronous one."""


def render_aio_overloads(op: Operation) -> List[str]:
    """The ``@overload`` signatures of one asynchronous operation, one line each."""
    shapes = [
        ([f"_return_http_data_only: {data_only}", f"_preload_content: {preload}"], result)
        for data_only, preload, result in ASYNC_RESULT_SHAPES
    ]
    return overload_lines(op, "async def", shapes)


def render_aio_method(op: Operation) -> List[str]:
    """The ``async def`` that runs: the overloads' implementation."""
    params = implementation_parameters(op)
    summary = op.summary.rstrip(".").replace('"""', "'''")
    constant = endpoint_constant(op)
    return [
        f"    @bind({constant})",
        f"    async def {op.name}({', '.join([*params, '**options: Any'])}) -> Any:",
        f'        """{summary}."""',
        f"        return await self.api_client.invoke({constant}, {argument_tuple(op)}, options)",
    ]


def _declarations_import(api: Api) -> List[str]:
    """``from <sync module> import _A, _B``, each private name carrying the checker's exemption."""
    module = f"{PACKAGE}.api.{api.module}"
    names = [endpoint_constant(op) for op in api.operations]
    line = import_statement(module, names)
    if "\n" not in line and len(line + PRIVATE_IMPORT) <= 120:
        return [line + PRIVATE_IMPORT]
    return [f"from {module} import (", *[f"    {name},{PRIVATE_IMPORT}" for name in names], ")"]


def _imports(api: Api, annotations: List[str]) -> List[str]:
    types = [p.type for op in api.operations for p in op.params] + [op.return_type for op in api.operations]
    return [
        *standard_imports(annotations, ["Any", "Literal", "Union"], ["overload"]),
        import_statement(f"{PACKAGE}._typing", ["CallOptions", "WithHttpInfo"]),
        import_statement(f"{AIO_PACKAGE}.api_client", ["Api", "ApiClient", "bind"]),
        *_declarations_import(api),
        *[import_statement(model_module(name), [name]) for name in referenced_models(types)],
        f"from {PACKAGE}.model_utils import UNSET",
        "",
        "if TYPE_CHECKING:",
        "    from typing_extensions import Unpack",
        "",
        f"    from {AIO_PACKAGE}._streaming import AsyncStreamingResponse",
    ]


def render_aio_api(api: Api) -> str:
    """The module text of one asynchronous API class."""
    body: List[str] = []
    for op in api.operations:
        body += ["", *render_aio_overloads(op), *render_aio_method(op)]
    lines = [
        f'"""{api.class_name}, awaited: operations tagged {api.tag} in {API_TITLE}, on the asyncio client.',
        "",
        f"The operations are declared once, in ``{PACKAGE}.api.{api.module}``.",
        "",
        GENERATED_NOTE,
        '"""',
        "",
        *_imports(api, body),
        "",
        f'__all__ = ["{api.class_name}", "ApiClient"]',
        "",
        "",
        f"class {api.class_name}(Api):",
        f'    """Operations tagged {api.tag}, awaited.',
        "",
        "    Methods:",
        *[f"        {op.name}: {op.method} {op.path}" for op in api.operations],
        '    """',
        *body,
        "",
    ]
    return "\n".join(lines)


def render_aio_api_package_init(spec: ApiSpec) -> str:
    """``aio/api/__init__.py``: one module per tag."""
    title = (
        "Asynchronous API classes, one module per tag (``from .aio.api import o_auth_api``); "
        "``aio.apis`` has them by name."
    )
    return render_module_package(title, f"{AIO_PACKAGE}.api", sorted(api.module for api in spec.apis))


def render_aio_apis_init(spec: ApiSpec) -> str:
    """``aio/apis/__init__.py``: every asynchronous API class by name."""
    table = {api.class_name: f"{AIO_PACKAGE}.api.{api.module}" for api in spec.apis}
    return render_aggregator(
        "Every API class of the asyncio client, by name.",
        f"    from {AIO_PACKAGE}.apis import AudienceApi",
        table,
    )
