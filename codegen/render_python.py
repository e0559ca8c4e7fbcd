"""Render the Python modules: one per model, one per API, and the two aggregators.

Each renderer takes the intermediate model from ``codegen.spec`` and returns
the text of one module. Generated modules are declarations only: a
docstring, one import, and a class whose body is data for the engine.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List

from codegen.spec import NO_DEFAULT, Api, ApiSpec, Model, Operation, Parameter, Property

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
        items = [literal(v) for v in value]
        return f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"
    raise TypeError(f"no literal for {value!r}")


def _keywords(item: Any, names: List[str]) -> List[str]:
    """``name=value`` for each optional attribute that is set, in the given order.

    Flags are written only when true, ``description`` only when not empty;
    ``default`` whenever the spec gives one (even ``False`` or ``0``).
    """
    out = []
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
    args += _keywords(prop, ["required", "read_only", "enum", "secret", "default", "format", "description"])
    return f"        Field({', '.join(args)}),"


def render_model(model: Model) -> str:
    """The module text of one model."""
    lines = [
        f'"""{model_docstring_title(model)}',
        "",
        GENERATED_NOTE,
        '"""',
        "",
        f"from {PACKAGE}.model_utils import Field, ModelNormal",
        "",
        "",
        f"class {model.name}(ModelNormal):",
        f'    """{model.description}',
        "",
        "    Attributes:",
    ]
    lines += [f"        {p.name} ({p.type}): {field_summary(p)}" for p in model.properties]
    lines += ['    """', "", "    _fields = ("]
    lines += [render_field(p) for p in model.properties]
    lines += ["    )", ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------- APIs


def render_param(param: Parameter) -> str:
    """One ``Param(...)`` line."""
    args = [literal(param.name), literal(param.wire), literal(param.location), literal(param.type)]
    args += _keywords(param, ["required", "enum", "secret", "non_empty", "default", "format", "description"])
    return f"            Param({', '.join(args)}),"


def _tuple(values: Any) -> str:
    return literal(tuple(values)) if values else "()"


def render_endpoint(op: Operation) -> List[str]:
    """The ``name = Endpoint(...)`` declaration of one operation."""
    responses = ", ".join(f"{r.status}: {literal(r.type)}" for r in op.responses)
    lines = [
        f"    {op.name} = Endpoint(",
        f"        name={literal(op.name)},",
        f"        method={literal(op.method)},",
        f"        path={literal(op.path)},",
        f"        operation_id={literal(op.operation_id)},",
        f"        tag={literal(op.tag)},",
        f"        summary={literal(op.summary)},",
    ]
    if op.params:
        lines.append("        params=(")
        lines += [render_param(p) for p in op.params]
        lines.append("        ),")
    else:
        lines.append("        params=(),")
    lines += [
        f"        content_types={_tuple(op.content_types)},",
        f"        accept={_tuple(op.accept)},",
        f"        responses={{{responses}}},",
        f"        auth={_tuple(op.auth)},",
    ]
    if op.token_request:
        lines.append("        token_request=True,")
    lines.append("    )")
    return lines


def render_api(api: Api) -> str:
    """The module text of one API class."""
    names = ["Api", "ApiClient", "Endpoint"]
    if any(op.params for op in api.operations):
        names.append("Param")
    lines = [
        f'"""{api.class_name}: operations tagged {api.tag} in {API_TITLE}.',
        "",
        GENERATED_NOTE,
        '"""',
        "",
        f"from {PACKAGE}.api_client import {', '.join(names)}",
        "",
        f'__all__ = ["{api.class_name}", "ApiClient"]',
        "",
        "",
        f"class {api.class_name}(Api):",
        f'    """Operations tagged {api.tag}.',
        "",
        "    Methods:",
    ]
    lines += [f"        {op.name}: {op.method} {op.path}" for op in api.operations]
    lines.append('    """')
    for op in api.operations:
        lines.append("")
        lines += render_endpoint(op)
    lines.append("")
    return "\n".join(lines)


# --------------------------------------------------------------------------- aggregators


def _import_line(module: str, name: str, indent: str = "    ", limit: int = 120) -> str:
    """``from module import name``, wrapped in parentheses when longer than ``limit`` (as isort does)."""
    line = f"{indent}from {module} import {name}"
    if len(line) <= limit:
        return line
    return f"{indent}from {module} import (\n{indent}    {name},\n{indent})"


def _render_aggregator(title: str, usage: str, table: Dict[str, str]) -> str:
    """A package ``__init__`` exposing classes by name, each module imported on first access."""
    lines = [
        f'"""{title}',
        "",
        usage,
        "",
        "Each module is imported on first access, so importing this package costs",
        "nothing until a name is used; ``from ... import *`` imports them all.",
        "",
        GENERATED_NOTE,
        '"""',
        "",
        "from typing import TYPE_CHECKING",
        "",
        f"from {PACKAGE}._lazy import lazy_exports",
        "",
        "_MODULES = {",
    ]
    lines += [f'    "{name}": "{module}",' for name, module in table.items()]
    lines += ["}", "", "__all__ = ["]
    lines += [f'    "{name}",' for name in table]
    lines += ["]", "", "if TYPE_CHECKING:  # pragma: no cover"]
    lines += [_import_line(module, name) for name, module in sorted(table.items(), key=lambda item: item[1])]
    lines += ["", "__getattr__, __dir__ = lazy_exports(globals(), _MODULES)", ""]
    return "\n".join(lines)


def render_apis_init(spec: ApiSpec) -> str:
    """``apis/__init__.py``: every API class by name."""
    table = {api.class_name: f"{PACKAGE}.api.{api.module}" for api in spec.apis}
    return _render_aggregator(
        "Every API class of the SDK, by name.",
        f"    from {PACKAGE}.apis import AudienceApi",
        table,
    )


def render_models_init(spec: ApiSpec) -> str:
    """``models/__init__.py``: every model class by name."""
    table = {model.name: f"{PACKAGE}.model.{model.module}" for model in spec.models}
    return _render_aggregator(
        "Every model class of the SDK, by name.",
        f"    from {PACKAGE}.models import JwtModel",
        table,
    )
