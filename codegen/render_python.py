"""Render the Python modules: one per model, the package ``__init__``s, and shared helpers.

Each renderer takes the intermediate model from ``codegen.spec`` and returns
the text of one module. A model module is declarations only: class
annotations and a typed ``__init__`` (under ``TYPE_CHECKING``) for type
checkers, and ``_fields``, data for the engine. API modules come from
``codegen.render_api``.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Sequence, cast

from codegen.annotations import (
    annotation,
    check_field_names,
    field_annotation,
    get_annotation,
    init_parameter,
    referenced_models,
    typing_names,
)
from codegen.naming import to_snake
from codegen.spec import NO_DEFAULT, ApiSpec, Model, Property

PACKAGE = "criteo_api_marketingsolutions_v2020_10"
API_TITLE = "the Criteo Marketing Solutions API 2020-10"
SPEC_FILE = "spec/marketingsolutions_2020-10.json"
GENERATED_NOTE = f"Generated from {SPEC_FILE} by codegen: do not edit."
IMPLIED_FORMATS = {"datetime": "date-time", "date": "date"}
"""Formats a type string already says, left out of docstrings and notes."""


def literal(value: Any) -> str:
    """A Python literal for a JSON-like value, strings in double quotes."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (tuple, list)):
        items = [literal(v) for v in cast("Sequence[Any]", value)]
        return f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"
    raise TypeError(f"no literal for {value!r}")


def keywords(item: Any, names: List[str]) -> List[str]:
    """``name=value`` for each optional attribute that is set, in the given order.

    Flags are written only when true, ``description`` only when not empty;
    ``default`` whenever the spec gives one (even ``False`` or ``0``).
    """
    out: List[str] = []
    for name in names:
        value = getattr(item, name)
        if value is None or value is NO_DEFAULT:
            continue
        if name != "default" and (value is False or value == ""):
            continue
        out.append(f"{name}={literal(value)}")
    return out


def field_summary(prop: Property) -> str:
    """The docstring line of a field: description, format, default, required, read-only."""
    text = prop.description.rstrip(".")
    if prop.format and IMPLIED_FORMATS.get(prop.type.strip("[]")) != prop.format:
        text += f" ({prop.format})"
    text += "."
    if prop.default is not NO_DEFAULT:
        text += f" Server default: ``{prop.default}``."
    if prop.required:
        text += " Required."
    if prop.read_only:
        text += " Read-only."
    return text.lstrip()


# --------------------------------------------------------------------------- models


def model_docstring_title(model: Model) -> str:
    """The first line of a model module's docstring."""
    if model.parent:
        owner, prop = model.parent.split(".", 1)
        return f"{model.name}, the inline ``{prop}`` object of {owner} in {API_TITLE}."
    return f"{model.name}, a schema of {API_TITLE}."


def render_field(prop: Property) -> str:
    """One ``Field(...)`` line."""
    args = [literal(prop.name), literal(prop.wire), literal(prop.type)]
    args += keywords(prop, ["required", "nullable", "read_only", "enum", "secret", "default", "format", "description"])
    return f"        Field({', '.join(args)}),"


def model_module(name: str) -> str:
    """The module path of a model class."""
    return f"{PACKAGE}.model.{to_snake(name)}"


def standard_imports(annotations: List[str], always: List[str], last: List[str]) -> List[str]:
    """``from __future__``, ``datetime`` and ``typing`` imports for these annotations, as isort orders them.

    ``always`` are ``typing`` names imported in any case, ``last`` the lowercase ones (``overload``).
    """
    names = typing_names(annotations)
    dates = [n for n in names if n in ("date", "datetime")]
    typing = ["TYPE_CHECKING", *sorted({*always, *names} - {"date", "datetime"}), *last]
    lines = ["from __future__ import annotations", ""]
    if dates:
        lines.append(f"from datetime import {', '.join(dates)}")
    return [*lines, f"from typing import {', '.join(typing)}", ""]


def _model_imports(model: Model, annotations: List[str]) -> List[str]:
    lines = standard_imports(annotations, [], ["overload"] if model.properties else [])
    others = [n for n in referenced_models(p.type for p in model.properties) if n != model.name]
    lines += [import_statement(model_module(n), [n]) for n in others]
    defaults = any(not p.required and not p.read_only for p in model.properties)
    engine = ["UNSET", "Field", "ModelNormal"] if defaults else ["Field", "ModelNormal"]
    return [
        *lines,
        f"from {PACKAGE}.model_utils import {', '.join(engine)}",
        "",
        "if TYPE_CHECKING:",
        "    from typing_extensions import Unpack",
        "",
        f"    from {PACKAGE}._typing import ModelOptions",
    ]


def _init_lines(model: Model) -> List[str]:
    """The typed ``__init__``: required fields first (also positional), then the settable optional ones."""
    settable = [p for p in model.properties if p.required or not p.read_only]
    required = [init_parameter(p) for p in settable if p.required]
    optional = [init_parameter(p) for p in settable if not p.required]
    params = ["self", *required, *(["*", *optional] if optional else []), "**options: Unpack[ModelOptions]"]
    positional = "; required ones may also be given by position" if required else ""
    return [
        f"        def __init__({', '.join(params)}) -> None:",
        f'            """One keyword argument per field{positional}."""',
    ]


def _get_lines(model: Model, lenient: bool) -> List[str]:
    """``get`` overloads: one per field, with the field's type, then any name."""
    lines: List[str] = []
    for prop in model.properties:
        signature = f"name: Literal[{literal(prop.name)}], default: None = None"
        result = get_annotation(prop, lenient)
        lines += ["", "        @overload", f"        def get(self, {signature}) -> {result}: ..."]
    return [
        *lines,
        "",
        "        @overload",
        "        def get(self, name: str, default: Any = None) -> Any: ...",
        "",
        "        def get(self, name: str, default: Any = None) -> Any:",
        '            """The value of ``name``, or ``default`` (``None``) when it is not set."""',
    ]


def _checker_lines(model: Model, lenient: bool) -> List[str]:
    """What only type checkers read: the typed ``__init__`` and ``get`` (the engine's take the same arguments)."""
    lines = ["    if TYPE_CHECKING:", "", *_init_lines(model)]
    return [*lines, *_get_lines(model, lenient)] if model.properties else lines


def render_model(model: Model, lenient: bool = True) -> str:
    """The module text of one model; ``lenient`` for a model a response can contain."""
    check_field_names(model)
    attributes = [f"    {p.name}: {field_annotation(p, lenient)}" for p in model.properties]
    init = _checker_lines(model, lenient)
    lines = [
        f'"""{model_docstring_title(model)}',
        "",
        GENERATED_NOTE,
        '"""',
        "",
        *_model_imports(model, attributes + init),
        "",
        "",
        f"class {model.name}(ModelNormal):",
        f'    """{model.description}',
        "",
        "    Attributes:",
    ]
    lines += [f"        {p.name} ({annotation(p.type)}): {field_summary(p)}" for p in model.properties]
    lines += ['    """', ""]
    if attributes:
        lines += [*attributes, ""]
    lines += ["    _fields = ("]
    lines += [render_field(p) for p in model.properties]
    lines += ["    )", "", *init, ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------- aggregators


def import_statement(module: str, names: List[str], indent: str = "", limit: int = 120) -> str:
    """``from module import a, b``, one name a line in parentheses when longer than ``limit`` (as isort does)."""
    line = f"{indent}from {module} import {', '.join(names)}"
    if len(line) <= limit:
        return line
    inner = "".join(f"{indent}    {name},\n" for name in names)
    return f"{indent}from {module} import (\n{inner}{indent})"


def _import_line(module: str, name: str) -> str:
    """``from module import name as name``: an explicit re-export, for type checkers."""
    return import_statement(module, [f"{name} as {name}"], indent="    ")


def _package_init(docstring: List[str], table_lines: List[str], names: List[str], imports: List[str], hook: str) -> str:
    """A package ``__init__``: docstring, lazy-import table, literal ``__all__``, re-exports for checkers."""
    lines = [*docstring, "", "from typing import TYPE_CHECKING", "", f"from {PACKAGE}._lazy import {hook}", ""]
    lines += table_lines
    lines += ["__all__ = ["]
    lines += [f'    "{name}",' for name in names]
    lines += ["]", "", "if TYPE_CHECKING:  # pragma: no cover"]
    lines += imports
    lines += [
        "else:  # checkers see the names above; at run time each is imported on first access",
        f"    __getattr__, __dir__ = {hook}(globals(), {'_MODULES' if table_lines else '__all__'})",
        "",
    ]
    return "\n".join(lines)


def render_aggregator(title: str, usage: str, table: Dict[str, str]) -> str:
    """A package ``__init__`` exposing classes by name, each module imported on first access."""
    docstring = [
        f'"""{title}',
        "",
        usage,
        "",
        "Each module is imported on first access, so importing this package costs",
        "nothing until a name is used; ``from ... import *`` imports them all.",
        "",
        GENERATED_NOTE,
        '"""',
    ]
    table_lines = ["_MODULES = {", *[f'    "{name}": "{module}",' for name, module in table.items()], "}", ""]
    imports = [_import_line(module, name) for name, module in sorted(table.items(), key=lambda item: item[1])]
    return _package_init(docstring, table_lines, list(table), imports, "lazy_exports")


def render_module_package(title: str, package: str, modules: List[str]) -> str:
    """A package of modules (``api``, ``aio/api``, ``model``), each imported on first access."""
    docstring = [
        f'"""{title}',
        "",
        "Each module is imported on first access (``from ... import *`` imports them all).",
        "",
        GENERATED_NOTE,
        '"""',
    ]
    imports = [_import_line(package, name) for name in modules]
    return _package_init(docstring, [], modules, imports, "lazy_submodules")


def render_api_package_init(spec: ApiSpec) -> str:
    """``api/__init__.py``: one module per tag."""
    title = "API classes, one module per tag (``from .api import o_auth_api``); ``apis`` has them by name."
    return render_module_package(title, f"{PACKAGE}.api", sorted(api.module for api in spec.apis))


def render_model_package_init(spec: ApiSpec) -> str:
    """``model/__init__.py``: one module per model."""
    title = "Models, one module per schema (``from .model.jwt_model import JwtModel``); ``models`` has them all."
    return render_module_package(title, f"{PACKAGE}.model", sorted(model.module for model in spec.models))


def render_apis_init(spec: ApiSpec) -> str:
    """``apis/__init__.py``: every API class by name."""
    table = {api.class_name: f"{PACKAGE}.api.{api.module}" for api in spec.apis}
    return render_aggregator(
        "Every API class of the SDK, by name.",
        f"    from {PACKAGE}.apis import AudienceApi",
        table,
    )


def render_models_init(spec: ApiSpec) -> str:
    """``models/__init__.py``: every model class by name."""
    table = {model.name: f"{PACKAGE}.model.{model.module}" for model in spec.models}
    return render_aggregator(
        "Every model class of the SDK, by name.",
        f"    from {PACKAGE}.models import JwtModel",
        table,
    )
