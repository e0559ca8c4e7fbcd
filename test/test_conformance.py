"""The SDK matches the spec, both ways: everything the spec declares is there, and nothing else.

The spec is walked here on its own (not through the generator), so a
generator bug cannot hide behind itself. Names use the engine's ``to_snake``,
the rule it relies on to find a model's module at run time.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest

from criteo_api_marketingsolutions_v2020_10 import apis, models
from criteo_api_marketingsolutions_v2020_10.api_client import Endpoint
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, ModelNormal
from criteo_api_marketingsolutions_v2020_10.model_utils import to_snake as snake

SPEC = json.loads((Path(__file__).resolve().parent.parent / "spec" / "marketingsolutions_2020-10.json").read_text())
SCHEMAS: Dict[str, Dict[str, Any]] = SPEC["components"]["schemas"]
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
FORM = "application/x-www-form-urlencoded"


def pascal(name: str) -> str:
    parts = name.replace("-", " ").replace("_", " ").split()
    return "".join(p[0].upper() + p[1:] for p in parts)


def ref(schema: Dict[str, Any]) -> str:
    return schema["$ref"].rsplit("/", 1)[-1]


def expected_type(schema: Dict[str, Any], inline_name: Optional[str] = None) -> str:
    if "$ref" in schema:
        return ref(schema)
    kind, fmt = schema.get("type"), schema.get("format")
    if kind == "array":
        return f"[{expected_type(schema['items'], inline_name)}]"
    if kind == "object":
        if schema.get("properties"):
            assert inline_name
            return inline_name
        extra = schema.get("additionalProperties")
        return f"{{str: {expected_type(extra)}}}" if extra else "object"
    if kind == "string":
        return {"date-time": "datetime", "date": "date"}.get(fmt, "str")
    return {"integer": "int", "number": "float", "boolean": "bool"}[kind]


def enum_and_format(schema: Dict[str, Any]) -> Tuple[Optional[Tuple[Any, ...]], Optional[str]]:
    target = schema["items"] if schema.get("type") == "array" else schema
    return (tuple(target["enum"]) if "enum" in target else None), target.get("format")


def param_facts(*values: Any) -> Dict[str, Any]:
    """The facts compared for a parameter, by name (diffs then name what differs)."""
    return dict(zip(("name", "wire", "location", "required", "type", "enum", "format", "default"), values))


def field_facts(*values: Any) -> Dict[str, Any]:
    """The facts compared for a model field, by name."""
    return dict(zip(("name", "wire", "type", "required", "read_only", "enum", "format", "default"), values))


# --------------------------------------------------------------------------- what the spec declares


def spec_operations() -> Iterator[Tuple[str, str, Dict[str, Any], Dict[str, Any]]]:
    for path, item in SPEC["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item, item[method]


def method_of(operation_id: str) -> str:
    return snake(operation_id.split("_", 1)[1] if "_" in operation_id else operation_id)


def spec_models() -> Dict[str, Dict[str, Any]]:
    """Every model the spec implies: component schemas and, recursively, inline object properties."""
    found: Dict[str, Dict[str, Any]] = {}

    def visit(name: str, schema: Dict[str, Any]) -> None:
        found[name] = schema
        for wire, prop in schema.get("properties", {}).items():
            target = prop.get("items", {}) if prop.get("type") == "array" else prop
            if "$ref" not in target and target.get("properties"):
                visit(name + pascal(wire), target)

    for name, schema in SCHEMAS.items():
        visit(name, schema)
    return found


MODELS = spec_models()


def expected_params(path_item: Dict[str, Any], op: Dict[str, Any]) -> List[Dict[str, Any]]:
    """What each parameter should look like: name, wire, location, required, type, enum, format."""
    declared = {(p["in"], p["name"]): p for p in path_item.get("parameters", []) + op.get("parameters", [])}
    out = []
    for p in declared.values():
        enum, fmt = enum_and_format(p["schema"])
        out.append(
            param_facts(snake(p["name"]), p["name"], p["in"], p.get("required", False),
                        expected_type(p["schema"]), enum, fmt, p["schema"].get("default", UNSET))
        )
    body = op.get("requestBody")
    if body:
        content = body["content"]
        if list(content) == [FORM]:
            schema = content[FORM]["schema"]
            for wire, prop in schema["properties"].items():
                enum, fmt = enum_and_format(prop)
                out.append(
                    param_facts(snake(wire), wire, "form", wire in schema.get("required", ()),
                                expected_type(prop), enum, fmt, prop.get("default", UNSET))
                )
        else:
            schema = next(iter(content.values()))["schema"]
            # The body has no wire name; the Python one is the extension's, else the schema's.
            named = op.get("x-codegen-request-body-name") or ref(schema["items"] if schema.get("type") == "array" else schema)
            out.append(
                param_facts(snake(named), snake(named), "body", body.get("required", False),
                            expected_type(schema), None, None, UNSET)
            )
    return out


def expected_responses(op: Dict[str, Any]) -> Dict[int, Optional[str]]:
    out: Dict[int, Optional[str]] = {}
    for status, response in op["responses"].items():
        schemas = [media["schema"] for media in response.get("content", {}).values() if media.get("schema")]
        if not schemas:
            out[int(status)] = None
        elif schemas[0].get("type") == "string" and schemas[0].get("format") == "byte":
            out[int(status)] = "bytes"
        else:
            out[int(status)] = expected_type(schemas[0])
    return out


def api_class(tag: str) -> type:
    return getattr(apis, pascal(tag) + "Api")


OPERATIONS = list(spec_operations())
OPERATION_IDS = [op["operationId"] for _, _, _, op in OPERATIONS]


def endpoint_for(op: Dict[str, Any]) -> Endpoint:
    cls = api_class(op["tags"][0])
    endpoint = cls.__dict__.get(method_of(op["operationId"]))
    assert isinstance(endpoint, Endpoint), f"{cls.__name__} has no endpoint for {op['operationId']}"
    return endpoint


# --------------------------------------------------------------------------- spec -> SDK


def test_the_spec_is_the_one_described() -> None:
    assert len(OPERATIONS) == 23
    assert len(SCHEMAS) == 74
    assert len({op["tags"][0] for _, _, _, op in OPERATIONS}) == 6


@pytest.mark.parametrize(("path", "method", "path_item", "op"), OPERATIONS, ids=OPERATION_IDS)
def test_operation(path: str, method: str, path_item: Dict[str, Any], op: Dict[str, Any]) -> None:
    endpoint = endpoint_for(op)
    assert (endpoint.path, endpoint.method, endpoint.operation_id) == (path, method.upper(), op["operationId"])
    assert endpoint.tag == op["tags"][0]
    assert endpoint.auth == ("Authorization",)
    assert endpoint.token_request == (path == "/oauth2/token")
    assert endpoint.content_types == tuple(op.get("requestBody", {}).get("content", {}))
    assert endpoint.responses == expected_responses(op)
    accept: List[str] = []
    for response in op["responses"].values():
        accept += [m for m in response.get("content", {}) if m not in accept]
    assert endpoint.accept == tuple(accept)


@pytest.mark.parametrize(("path", "method", "path_item", "op"), OPERATIONS, ids=OPERATION_IDS)
def test_operation_parameters(path: str, method: str, path_item: Dict[str, Any], op: Dict[str, Any]) -> None:
    endpoint = endpoint_for(op)
    expected = expected_params(path_item, op)
    actual = [
        param_facts(p.name, p.wire, p.location, p.required, p.type, p.enum, p.format, p.default)
        for p in endpoint.params
    ]
    assert sorted(actual, key=lambda p: p["name"]) == sorted(expected, key=lambda p: p["name"])
    # Required parameters are positional, so they come first, each group in spec order.
    order = [p["name"] for p in expected if p["required"]] + [p["name"] for p in expected if not p["required"]]
    assert [p.name for p in endpoint.params] == order
    for p in endpoint.params:
        assert p.secret == (p.wire in ("client_secret", "access_token", "refresh_token", "password") or p.format == "password")


@pytest.mark.parametrize("name", sorted(MODELS))
def test_model(name: str) -> None:
    schema = MODELS[name]
    cls = getattr(models, name)
    assert issubclass(cls, ModelNormal)
    assert cls.__module__.endswith(f".model.{snake(name)}")
    required = set(schema.get("required", ()))
    expected = []
    for wire, prop in schema["properties"].items():
        enum, fmt = enum_and_format(prop)
        expected.append(
            field_facts(snake(wire), wire, expected_type(prop, name + pascal(wire)), wire in required,
                        prop.get("readOnly", False), enum, fmt, prop.get("default", UNSET))
        )
    actual = [
        field_facts(f.name, f.wire, f.type, f.required, f.read_only, f.enum, f.format, f.default)
        for f in cls._fields
    ]
    assert actual == expected
    for f in cls._fields:
        assert f.secret == (f.wire in ("client_secret", "access_token", "refresh_token", "password") or f.format == "password")
        # null may be sent where the spec says nullable, and as the value of a Nillable* wrapper
        nillable = name.startswith("Nillable") and list(schema["properties"]) == ["value"]
        assert f.nullable == (schema["properties"][f.wire].get("nullable", False) or nillable)


# --------------------------------------------------------------------------- SDK -> spec


def test_no_api_class_or_endpoint_beyond_the_spec() -> None:
    expected = {(pascal(op["tags"][0]) + "Api", method_of(op["operationId"])) for _, _, _, op in OPERATIONS}
    actual = {(name, e.name) for name in apis.__all__ for e in getattr(apis, name).endpoints()}
    assert actual == expected
    assert len(expected) == len(OPERATIONS)


def test_no_model_beyond_the_spec() -> None:
    assert sorted(models.__all__) == sorted(MODELS)


def test_every_model_module_is_in_the_aggregator() -> None:
    folder = Path(importlib.import_module("criteo_api_marketingsolutions_v2020_10.model").__file__).parent
    modules = {p.stem for p in folder.glob("*.py") if p.name != "__init__.py"}
    assert modules == {snake(name) for name in MODELS}
    folder = Path(importlib.import_module("criteo_api_marketingsolutions_v2020_10.api").__file__).parent
    modules = {p.stem for p in folder.glob("*.py") if p.name != "__init__.py"}
    assert modules == {snake(name) for name in apis.__all__}


def test_every_type_string_names_a_known_model_or_builtin() -> None:
    builtins = {"str", "int", "float", "bool", "date", "datetime", "object", "bytes"}

    def core(type_name: str) -> str:
        return type_name.strip("[]").removeprefix("{str: ").removesuffix("}")

    used = [f.type for name in models.__all__ for f in getattr(models, name)._fields]
    used += [p.type for name in apis.__all__ for e in getattr(apis, name).endpoints() for p in e.params]
    used += [t for name in apis.__all__ for e in getattr(apis, name).endpoints() for t in e.responses.values() if t]
    unknown = {core(t) for t in used} - builtins - set(MODELS)
    assert unknown == set()
