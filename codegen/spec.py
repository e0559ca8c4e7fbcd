"""Read the OpenAPI document into a small intermediate model the renderers use.

Nothing here formats output: ``load_api`` turns the spec (plus the hand-written
descriptions) into the dataclasses of ``codegen.ir`` (re-exported here),
``Api`` -> ``Operation`` -> ``Parameter`` and ``Model`` -> ``Property``, with
every name and type string decided.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import urlsplit

from codegen.ir import NO_DEFAULT, Api, ApiSpec, Model, Operation, Parameter, Property, Response
from codegen.naming import api_class_name, inline_model_name, method_name, to_snake
from codegen.texts import Texts

__all__ = [
    "NO_DEFAULT",
    "Api",
    "ApiSpec",
    "Model",
    "Operation",
    "Parameter",
    "Property",
    "Response",
    "build_apis",
    "build_models",
    "load_api",
    "type_string",
]

SECRET_NAMES = frozenset({"access_token", "refresh_token", "client_secret", "password"})
FORM_MEDIA = "application/x-www-form-urlencoded"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
REF_PREFIX = "#/components/schemas/"
NILLABLE_PREFIX = "Nillable"


# --------------------------------------------------------------------------- schemas


def ref_name(ref: str) -> str:
    """``#/components/schemas/JwtModel`` -> ``JwtModel``."""
    if not ref.startswith(REF_PREFIX):
        raise ValueError(f"unsupported $ref {ref!r}")
    return ref[len(REF_PREFIX):]


def is_inline_object(schema: Dict[str, Any]) -> bool:
    """An object schema written in place with its own properties (it gets a model of its own)."""
    return "$ref" not in schema and bool(schema.get("properties"))


def type_string(schema: Dict[str, Any], inline_name: Optional[str] = None) -> str:
    """The engine's type string for a schema: ``str``, ``[ReadAdSet]``, ``{str: str}``, ``datetime``...

    ``inline_name`` is the model name to use if the schema is an inline object.
    """
    if "$ref" in schema:
        return ref_name(schema["$ref"])
    kind = schema.get("type")
    fmt = schema.get("format")
    if kind == "array":
        return f"[{type_string(schema.get('items', {}), inline_name)}]"
    if kind == "object" or (kind is None and ("properties" in schema or "additionalProperties" in schema)):
        if schema.get("properties"):
            if inline_name is None:
                raise ValueError("an inline object needs a model name")
            return inline_name
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            return f"{{str: {type_string(extra, inline_name)}}}"
        return "object"
    if kind == "string":
        if fmt == "date-time":
            return "datetime"
        if fmt == "date":
            return "date"
        if fmt == "binary":
            return "bytes"
        return "str"
    if kind == "integer":
        return "int"
    if kind == "number":
        return "float"
    if kind == "boolean":
        return "bool"
    return "object"


def scalar_facts(schema: Dict[str, Any]) -> Tuple[Optional[Tuple[Any, ...]], Optional[str]]:
    """The enum and format of a schema, looking through one array level (``[enum]`` -> the items' enum)."""
    target = schema.get("items", {}) if schema.get("type") == "array" else schema
    enum = tuple(target["enum"]) if "enum" in target else None
    return enum, target.get("format")


def build_models(schemas: Dict[str, Dict[str, Any]], texts: Texts) -> List[Model]:
    """One model per component schema and per inline object property, recursively, sorted by name."""
    models: List[Model] = []
    for name, schema in schemas.items():
        _collect_model(name, schema, None, texts, models)
    names = [m.name for m in models]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValueError(f"two schemas map to the same model name: {', '.join(duplicates)}")
    return sorted(models, key=lambda m: m.name)


def is_nillable_value(name: str, schema: Dict[str, Any], wire: str) -> bool:
    """The ``value`` of a ``Nillable*`` wrapper schema: the wrapper exists so that ``null`` can be sent."""
    return name.startswith(NILLABLE_PREFIX) and wire == "value" and list(schema.get("properties", {})) == ["value"]


def _collect_model(
    name: str, schema: Dict[str, Any], parent: Optional[str], texts: Texts, out: List[Model]
) -> None:
    required = set(schema.get("required", ()))
    properties = []
    for wire, prop in schema.get("properties", {}).items():
        inline = inline_model_name(name, wire)
        target = prop.get("items", {}) if prop.get("type") == "array" else prop
        if is_inline_object(target):
            _collect_model(inline, target, f"{name}.{wire}", texts, out)
        enum, fmt = scalar_facts(prop)
        properties.append(
            Property(
                name=to_snake(wire),
                wire=wire,
                type=type_string(prop, inline),
                required=wire in required,
                read_only=bool(prop.get("readOnly", False)),
                enum=enum,
                secret=wire in SECRET_NAMES or fmt == "password",
                default=prop.get("default", NO_DEFAULT),
                format=fmt,
                description=prop.get("description") or texts.field(name, wire),
                nullable=bool(prop.get("nullable", False)) or is_nillable_value(name, schema, wire),
            )
        )
    description = schema.get("description") or texts.model(name)
    out.append(Model(name=name, module=to_snake(name), description=description, properties=properties, parent=parent))


# --------------------------------------------------------------------------- operations


def _parameter(spec_param: Dict[str, Any], operation_id: str, texts: Texts) -> Parameter:
    schema = spec_param.get("schema", {})
    enum, fmt = scalar_facts(schema)
    wire = spec_param["name"]
    return Parameter(
        name=to_snake(wire),
        wire=wire,
        location=spec_param["in"],
        type=type_string(schema),
        required=bool(spec_param.get("required", False)),
        enum=enum,
        secret=wire in SECRET_NAMES or fmt == "password",
        default=schema.get("default", NO_DEFAULT),
        format=fmt,
        description=spec_param.get("description") or texts.parameter(operation_id, wire),
    )


BODY_NAME_KEY = "x-codegen-request-body-name"
"""Operation extension naming the Python parameter of a JSON body (the wire body has no name)."""


def _body_parameters(
    request_body: Dict[str, Any], operation_id: str, texts: Texts, body_name: Optional[str] = None
) -> List[Parameter]:
    """Form fields for a urlencoded object body, else one JSON ``body`` parameter.

    The JSON parameter is called ``body_name`` in snake case when given (from
    ``x-codegen-request-body-name``), else after the schema it carries.
    """
    content = request_body.get("content", {})
    if not content:
        return []
    form_schema = content.get(FORM_MEDIA, {}).get("schema", {})
    if len(content) == 1 and form_schema.get("properties"):
        return _form_parameters(form_schema, operation_id, texts)
    schema = next(iter(content.values())).get("schema", {})
    target = schema.get("items", {}) if schema.get("type") == "array" else schema
    if "$ref" not in target:
        raise ValueError(f"{operation_id}: only request bodies that name a schema are supported")
    name = to_snake(body_name or ref_name(target["$ref"]))
    return [
        Parameter(
            name=name,
            wire=name,
            location="body",
            type=type_string(schema),
            required=bool(request_body.get("required", False)),
            description=request_body.get("description") or texts.parameter(operation_id, "body"),
        )
    ]


def _form_parameters(form_schema: Dict[str, Any], operation_id: str, texts: Texts) -> List[Parameter]:
    """One ``form`` parameter per property of a urlencoded object body."""
    required = set(form_schema.get("required", ()))
    params = []
    for wire, prop in form_schema["properties"].items():
        enum, fmt = scalar_facts(prop)
        params.append(
            Parameter(
                name=to_snake(wire),
                wire=wire,
                location="form",
                type=type_string(prop),
                required=wire in required,
                enum=enum,
                secret=wire in SECRET_NAMES or fmt == "password",
                non_empty=wire in ("client_id", "client_secret"),
                default=prop.get("default", NO_DEFAULT),
                format=fmt,
                description=prop.get("description") or texts.parameter(operation_id, wire),
            )
        )
    return params


def _response_type(schema: Dict[str, Any]) -> str:
    """A body's type string; a string body of bytes is the raw body (``bytes``), as the report files are."""
    if schema.get("type") == "string" and schema.get("format") in ("byte", "binary"):
        return "bytes"
    return type_string(schema)


def _responses(spec_responses: Dict[str, Any]) -> List[Response]:
    responses = []
    for status, response in spec_responses.items():
        content = response.get("content", {})
        schemas = [media["schema"] for media in content.values() if media.get("schema")]
        type_name = _response_type(schemas[0]) if schemas else None
        responses.append(
            Response(
                status=int(status),
                type=type_name,
                description=response.get("description") or "",
                content_types=tuple(content),
            )
        )
    return responses


def _unique(items: List[str]) -> Tuple[str, ...]:
    seen: List[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return tuple(seen)


def _operation(
    path: str,
    method: str,
    path_item: Dict[str, Any],
    spec_op: Dict[str, Any],
    document: Dict[str, Any],
    texts: Texts,
) -> Operation:
    operation_id = spec_op["operationId"]
    security = spec_op.get("security", document.get("security", []))
    declared: Dict[Tuple[str, str], Dict[str, Any]] = {}
    for spec_param in path_item.get("parameters", []) + spec_op.get("parameters", []):
        declared[(spec_param["in"], spec_param["name"])] = spec_param  # operation level wins
    params = [_parameter(p, operation_id, texts) for p in declared.values()]
    request_body = spec_op.get("requestBody", {})
    params += _body_parameters(request_body, operation_id, texts, spec_op.get(BODY_NAME_KEY))
    params = [p for p in params if p.required] + [p for p in params if not p.required]
    responses = _responses(spec_op.get("responses", {}))
    content_types = tuple(request_body.get("content", {}))
    return Operation(
        name=method_name(operation_id),
        method=method.upper(),
        path=path,
        operation_id=operation_id,
        tag=spec_op["tags"][0],
        summary=spec_op.get("summary") or texts.operation(operation_id),
        params=params,
        content_types=content_types,
        accept=_unique([media for r in responses for media in r.content_types]),
        responses=responses,
        auth=_unique([name for requirement in security for name in requirement]),
        token_request=method.upper() == "POST" and path in _token_paths(document),
    )


def _token_paths(document: Dict[str, Any]) -> List[str]:
    """Paths of the OAuth2 token URLs the security schemes name (``/oauth2/token``)."""
    paths = []
    for scheme in document.get("components", {}).get("securitySchemes", {}).values():
        for flow in scheme.get("flows", {}).values():
            if "tokenUrl" in flow:
                paths.append(urlsplit(flow["tokenUrl"]).path)
    return paths


def build_apis(paths: Dict[str, Any]) -> Dict[str, List[Tuple[str, str, Dict[str, Any], Dict[str, Any]]]]:
    """Group ``(path, method, path item, operation)`` by tag, in spec order."""
    by_tag: Dict[str, List[Tuple[str, str, Dict[str, Any], Dict[str, Any]]]] = {}
    for path, path_item in paths.items():
        for method in HTTP_METHODS:
            if method in path_item:
                spec_op = path_item[method]
                by_tag.setdefault(spec_op["tags"][0], []).append((path, method, path_item, spec_op))
    return by_tag


def load_api(spec_path: Path, texts: Texts) -> ApiSpec:
    """Read the spec file into an ``ApiSpec``: APIs sorted by class name, operations by method name."""
    document = json.loads(spec_path.read_text(encoding="utf-8"))
    apis = []
    for tag, entries in build_apis(document.get("paths", {})).items():
        class_name = api_class_name(tag)
        operations = sorted(
            (_operation(path, method, item, op, document, texts) for path, method, item, op in entries),
            key=lambda o: o.name,
        )
        names = [o.name for o in operations]
        if len(set(names)) != len(names):
            raise ValueError(f"{class_name}: two operations have the same method name")
        apis.append(Api(class_name=class_name, module=to_snake(class_name), tag=tag, operations=operations))
    apis.sort(key=lambda a: a.class_name)
    models = build_models(document.get("components", {}).get("schemas", {}), texts)
    schemes = list(document.get("components", {}).get("securitySchemes", {}))
    servers = document.get("servers") or [{"url": "https://api.criteo.com"}]
    return ApiSpec(
        title=document.get("info", {}).get("title", ""),
        host=servers[0]["url"],
        apis=apis,
        models=models,
        security_scheme=schemes[0] if schemes else "Authorization",
    )
