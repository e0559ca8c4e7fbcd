"""Write the runnable example script of an operation for its documentation page.

Argument values come from ``examples.json`` (request bodies as the JSON the
API receives); ``render_value`` turns them into Python that builds the
request models, checking every value against the spec on the way, so an
example that would be refused at run time fails at generation time instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Dict, List, Set

from codegen.naming import to_snake
from codegen.render_python import PACKAGE, literal
from codegen.spec import Api, ApiSpec, Operation

HOST_PLACEHOLDER = "https://api.criteo.com"
CLIENT_ID_PLACEHOLDER = "YOUR_CLIENT_ID"
CLIENT_SECRET_PLACEHOLDER = "YOUR_CLIENT_SECRET"
SCALARS = {"str": str, "int": int, "float": (int, float), "bool": bool}


class ExampleError(ValueError):
    """An example value does not fit the spec."""


@dataclass
class Imports:
    """What an example script must import."""

    models: Set[str] = field(default_factory=set)
    datetime_names: Set[str] = field(default_factory=set)


def _datetime_expr(text: str, imports: Imports) -> str:
    value = dt.datetime.fromisoformat(text)
    parts = [value.year, value.month, value.day, value.hour, value.minute]
    if value.second or value.microsecond:
        parts.append(value.second)
    if value.microsecond:
        parts.append(value.microsecond)
    args = ", ".join(str(p) for p in parts)
    imports.datetime_names.add("datetime")
    if value.tzinfo is None:
        return f"datetime({args})"
    if value.utcoffset() == dt.timedelta(0):
        imports.datetime_names.add("timezone")
        return f"datetime({args}, tzinfo=timezone.utc)"
    return f"datetime.fromisoformat({literal(text)})"


def render_value(spec: ApiSpec, type_name: str, value: Any, indent: str, imports: Imports, where: str) -> str:
    """Python source building ``value`` (JSON, wire names) as the type ``type_name`` expects."""
    if type_name in SCALARS:
        expected = SCALARS[type_name]
        if isinstance(value, bool) != (type_name == "bool") or not isinstance(value, expected):
            raise ExampleError(f"{where}: {value!r} is not a {type_name}")
        return literal(float(value) if type_name == "float" else value)
    if type_name == "datetime":
        return _datetime_expr(value, imports)
    if type_name == "date":
        imports.datetime_names.add("date")
        day = dt.date.fromisoformat(value)
        return f"date({day.year}, {day.month}, {day.day})"
    if type_name == "object" or type_name.startswith("{"):
        if not isinstance(value, dict):
            raise ExampleError(f"{where}: expected an object")
        return repr(value)
    if type_name.startswith("["):
        if not isinstance(value, list):
            raise ExampleError(f"{where}: expected a list")
        item_type = type_name[1:-1]
        inner = indent + "    "
        items = [render_value(spec, item_type, v, inner, imports, f"{where}[{i}]") for i, v in enumerate(value)]
        if item_type in SCALARS:
            return "[" + ", ".join(items) + "]"
        return "[\n" + "".join(f"{inner}{item},\n" for item in items) + indent + "]"
    return _render_model(spec, type_name, value, indent, imports, where)


def _render_model(spec: ApiSpec, name: str, value: Any, indent: str, imports: Imports, where: str) -> str:
    model = spec.model(name)
    if not isinstance(value, dict):
        raise ExampleError(f"{where}: expected an object for {name}")
    by_wire = {p.wire: p for p in model.properties}
    unknown = sorted(set(value) - set(by_wire))
    if unknown:
        raise ExampleError(f"{where}: {name} has no field {', '.join(unknown)}")
    missing = [p.wire for p in model.properties if p.required and p.wire not in value]
    if missing:
        raise ExampleError(f"{where}: {name} needs {', '.join(missing)}")
    imports.models.add(name)
    inner = indent + "    "
    lines = []
    for prop in model.properties:
        if prop.wire not in value:
            continue
        if prop.read_only:
            raise ExampleError(f"{where}.{prop.wire} is read-only")
        item = value[prop.wire]
        _check_enum(prop.enum, item, f"{where}.{prop.wire}")
        expr = render_value(spec, prop.type, item, inner, imports, f"{where}.{prop.wire}")
        lines.append(f"{inner}{prop.name}={expr},\n")
    return f"{name}(\n" + "".join(lines) + indent + ")"


def _check_enum(enum: Any, value: Any, where: str) -> None:
    if enum is None:
        return
    for item in value if isinstance(value, list) else [value]:
        if item not in enum:
            raise ExampleError(f"{where}: {item!r} is not one of {enum!r}")


def _configuration_lines(op: Operation) -> List[str]:
    if op.token_request:
        return [
            "# This call is how a token is obtained, so it needs none: the",
            "# credentials are passed to it directly.",
            f"configuration = {PACKAGE}.Configuration(host={literal(HOST_PLACEHOLDER)})",
        ]
    return [
        "# With client credentials set, the client obtains an access token on its",
        "# first call and renews it before it expires; no token handling is needed.",
        f"configuration = {PACKAGE}.Configuration(",
        f"    host={literal(HOST_PLACEHOLDER)},",
        f"    client_id={literal(CLIENT_ID_PLACEHOLDER)},",
        f"    client_secret={literal(CLIENT_SECRET_PLACEHOLDER)},",
        ")",
    ]


def example_script(spec: ApiSpec, api: Api, op: Operation, values: Dict[str, Any]) -> str:
    """A complete script that calls ``op`` with ``values`` and prints the answer."""
    known = {p.name for p in op.params}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ExampleError(f"{op.operation_id}: no parameter {', '.join(unknown)}")
    missing = [p.name for p in op.params if p.required and p.name not in values]
    if missing:
        raise ExampleError(f"{op.operation_id}: the example needs {', '.join(missing)}")
    imports = Imports()
    body = []
    positional, keywords = [], []
    for param in op.params:
        if param.name not in values:
            continue
        where = f"{op.operation_id}.{param.name}"
        _check_enum(param.enum, values[param.name], where)
        expr = render_value(spec, param.type, values[param.name], "    ", imports, where)
        note = "required" if param.required else "optional"
        body.append(f"    # {param.description or param.wire} ({param.type}, {note})")
        body.append(f"    {param.name} = {expr}")
        (positional if param.required else keywords).append(param.name)
    arguments = positional + [f"{name}={name}" for name in keywords]
    call = f"api_instance.{op.name}({', '.join(arguments)})"

    lines = []
    if imports.datetime_names:
        lines.append(f"from datetime import {', '.join(sorted(imports.datetime_names))}")
    lines += ["from pprint import pprint", "", f"import {PACKAGE}", f"from {PACKAGE}.api import {api.module}"]
    lines += [f"from {PACKAGE}.model.{to_snake(name)} import {name}" for name in sorted(imports.models, key=to_snake)]
    lines.append("")
    lines += _configuration_lines(op)
    lines += [
        "",
        f"with {PACKAGE}.ApiClient(configuration) as api_client:",
        f"    api_instance = {api.module}.{api.class_name}(api_client)",
    ]
    lines += body
    lines += ["", "    try:"]
    if op.return_type is None:
        lines += [f"        {call}", f'        print("{op.name} succeeded")']
    else:
        lines += [f"        api_response = {call}", "        pprint(api_response)"]
    lines += [
        f"    except {PACKAGE}.ApiException as e:",
        f'        print("Exception when calling {api.class_name}->{op.name}: %s\\n" % e)',
    ]
    return "\n".join(lines) + "\n"
