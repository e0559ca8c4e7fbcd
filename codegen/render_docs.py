"""Render the markdown documentation: a page per API and per model, the index, and README tables.

The pages keep the layout users of the earlier generated SDK know (method
table, then per operation: example, parameters, return type, authorization,
headers, responses; back links at the bottom).
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any, Dict, List, Optional

from codegen.annotations import annotation, field_annotation, referenced_models, response_models
from codegen.examples import example_script
from codegen.render_python import IMPLIED_FORMATS, PACKAGE
from codegen.spec import NO_DEFAULT, Api, ApiSpec, Model, Operation, Property
from codegen.texts import Texts

BACK_TO_TOP = "[[Back to top]](#)"
BACK_TO_APIS = "[[Back to API list]](../README.md#documentation-for-api-endpoints)"
BACK_TO_MODELS = "[[Back to Model list]](../README.md#documentation-for-models)"
BACK_TO_README = "[[Back to README]](../README.md)"
CALL_OPTIONS_TEXT = [
    "Every method also takes the per-call options ([README](../README.md#per-call-options)); three of them",
    "change what it returns, and type checkers follow: `async_req=True` gives an `AsyncResult` of the",
    "result, `_return_http_data_only=False` a `(data, status, headers)` tuple (`WithHttpInfo`), and",
    "`_preload_content=False` a `StreamingResponse`, its body unread (`RawResponse`). Signatures below are as",
    "type checkers see them; an argument or option they do not list is an error.",
]


def cell(text: str) -> str:
    """Text made safe for a markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def type_link(type_name: Optional[str], spec: ApiSpec, prefix: str = "", shown: Optional[str] = None) -> str:
    """A type for a table: bold, linked to the model page when it names a model.

    ``shown`` is the text to show (a Python annotation), when not the type string itself.
    """
    if type_name is None:
        return "None (empty response body)"
    text = shown if shown is not None else annotation(type_name)
    names = referenced_models([type_name])
    if names:
        spec.model(names[0])
        return f"[**{text}**]({prefix}{names[0]}.md)"
    return f"**{text}**"


def _values(values: Any) -> str:
    return ", ".join(f"`{v}`" for v in values)


def _notes(required: bool, read_only: bool, enum: Any, fmt: Optional[str], default: Any, type_name: str) -> List[str]:
    notes = ["required" if required else "[optional]"]
    if read_only:
        notes.append("[readonly]")
    if enum is not None:
        notes.append(f"one of {_values(enum)}")
    if fmt and IMPLIED_FORMATS.get(type_name.strip("[]")) != fmt:
        notes.append(f"format: {fmt}")
    if default is not NO_DEFAULT:
        notes.append(f"server default: `{default}`")
    return notes


# --------------------------------------------------------------------------- API pages


def _status_text(status: int, description: str) -> str:
    if description:
        return description
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _signature(op: Operation) -> str:
    """``> name(required: T, *, optional: T = ...) -> Result``, as type checkers see it (options left out)."""
    params = [f"{p.name}: {annotation(p.type, p.enum)}" for p in op.params if p.required]
    optional = [f"{p.name}: {annotation(p.type, p.enum)} = ..." for p in op.params if not p.required]
    if optional:
        params += ["*", *optional]
    result = annotation(op.return_type) if op.return_type else "None"
    return f"> {op.name}({', '.join(params)}) -> {result}"


def _auth_line(op: Operation) -> str:
    if op.token_request:
        return "* Authentication: none needed, this call is how an access token is obtained."
    return (
        "* OAuth2 client credentials (Authorization): with `client_id` and `client_secret` set on the "
        "`Configuration`, the client obtains and renews the access token itself."
    )


def _operation_section(spec: ApiSpec, api: Api, op: Operation, texts: Texts) -> List[str]:
    lines = [f"# **{op.name}**", _signature(op), "", op.summary, ""]
    lines += ["### Example", "", _auth_line(op), "```python"]
    lines.append(example_script(spec, api, op, texts.example(op.operation_id)).rstrip("\n"))
    lines += ["```", "", "", "### Parameters", ""]
    if op.params:
        lines += ["Name | Type | Description | Notes", "------------- | ------------- | ------------- | -------------"]
        for p in op.params:
            notes = _notes(p.required, False, p.enum, p.format, p.default, p.type)
            notes.append(f"in {p.location}" + (f" as `{p.wire}`" if p.location != "body" else ""))
            lines.append(f" **{p.name}** | {type_link(p.type, spec)} | {cell(p.description)} | {'; '.join(notes)}")
    else:
        lines.append("This operation takes no parameters.")
    lines += ["", "### Return type", "", type_link(op.return_type, spec), ""]
    lines += ["### Authorization", ""]
    if op.token_request:
        lines.append("No access token is sent with this call.")
    else:
        lines += [f"[{name}](../README.md#{name.lower()})" for name in op.auth]
    lines += ["", "### HTTP request headers", ""]
    lines.append(f" - **Content-Type**: {', '.join(op.content_types) or 'Not defined'}")
    lines.append(f" - **Accept**: {', '.join(op.accept) or 'Not defined'}")
    lines += ["", "", "### HTTP response details", "| Status code | Description | Response headers |"]
    lines.append("|-------------|-------------|------------------|")
    for response in op.responses:
        text = cell(_status_text(response.status, response.description))
        body = f" ({response.type})" if response.type else ""
        lines.append(f"**{response.status}** | {text}{body} |  -  |")
    lines += ["", f"{BACK_TO_TOP} {BACK_TO_APIS} {BACK_TO_MODELS} {BACK_TO_README}", ""]
    return lines


def render_api_doc(spec: ApiSpec, api: Api, texts: Texts) -> str:
    """``docs/<ApiClass>.md``."""
    lines = [
        f"# {PACKAGE}.{api.class_name}",
        "",
        f"All URIs are relative to *{spec.host}*",
        "",
        "Method | HTTP request | Description",
        "------------- | ------------- | -------------",
    ]
    for op in api.operations:
        lines.append(f"[**{op.name}**]({api.class_name}.md#{op.name}) | **{op.method}** {op.path} | {cell(op.summary)}")
    lines += ["", *CALL_OPTIONS_TEXT, "", ""]
    for op in api.operations:
        lines += _operation_section(spec, api, op, texts)
    return "\n".join(lines)


# --------------------------------------------------------------------------- model pages


def _property_row(prop: Property, spec: ApiSpec, lenient: bool) -> str:
    notes = _notes(prop.required, prop.read_only, prop.enum, prop.format, prop.default, prop.type)
    if prop.nullable:
        notes.append("may be set to `None` (sent as `null`)")
    if prop.secret and "masked" not in prop.description:
        notes.append("secret: masked in repr")
    if prop.wire != prop.name:
        notes.append(f"JSON name `{prop.wire}`")
    shown = type_link(prop.type, spec, shown=field_annotation(prop, lenient))
    return f"**{prop.name}** | {shown} | {cell(prop.description)} | {'; '.join(notes)}"


def _usage(model: Model, lenient: bool) -> List[str]:
    """How to build the model and read its fields, with one of its own optional fields as the example."""
    optional = next((p.name for p in model.properties if not p.required), None)
    lines = [
        "## Building and reading",
        "",
        "Required fields may be given by position, the others by keyword; read-only fields are set by",
        "the server only. The Type column is what reading a field gives: fields the spec does not require",
        "are `Optional`, since the server may send `null`.",
    ]
    if optional:
        lines += [
            f"Reading a field that is not set raises `ApiAttributeError`: use `.get(\"{optional}\")`, which gives",
            f"`None` then, or test `\"{optional}\" in model` first. Both are typed for checkers.",
        ]
    if any(p.enum for p in model.properties):
        if lenient:
            lines.append("Enum fields read as `str`: a value the API adds later is kept as sent. The constructor")
            lines.append("takes only the listed values (`Literal` for type checkers).")
        else:
            lines.append("Enum fields are `Literal` types: a type checker flags a value the API does not list.")
    return [*lines, ""]


def _operation_users(spec: ApiSpec, model: Model) -> List[str]:
    found: List[str] = []
    for api in spec.apis:
        for op in api.operations:
            types = [p.type for p in op.params] + [r.type for r in op.responses if r.type]
            if any(t.strip("[]") == model.name for t in types):
                found.append(f"[{api.class_name}.{op.name}]({api.class_name}.md#{op.name})")
    return found


def _users(spec: ApiSpec, model: Model) -> List[str]:
    """Where a model appears: operations that take or return it, models that contain it."""
    containers = [o.name for o in spec.models if any(p.type.strip("[]") == model.name for p in o.properties)]
    return _operation_users(spec, model) + [f"[{name}]({name}.md)" for name in containers]


def render_model_doc(spec: ApiSpec, model: Model) -> str:
    """``docs/<Model>.md``."""
    lines = [f"# {model.name}", "", model.description, ""]
    if model.parent:
        owner, prop = model.parent.split(".", 1)
        lines += [f"Declared inline as the `{prop}` property of [{owner}]({owner}.md).", ""]
    lines += [
        f"`from {PACKAGE}.model.{model.module} import {model.name}`",
        "",
        "## Properties",
        "Name | Type | Description | Notes",
        "------------ | ------------- | ------------- | -------------",
    ]
    lenient = model.name in response_models(spec)
    lines += [_property_row(p, spec, lenient) for p in model.properties]
    lines += ["", *_usage(model, lenient)]
    users = _users(spec, model)
    if users:
        lines += [f"Used by: {', '.join(users)}.", ""]
    lines += [f"{BACK_TO_MODELS} {BACK_TO_APIS} {BACK_TO_README}", ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------- index and README


def endpoint_table(spec: ApiSpec, docs_prefix: str) -> str:
    """Every operation: API class, method (linked), HTTP request, summary."""
    lines = [
        "Class | Method | HTTP request | Description",
        "------------ | ------------- | ------------- | -------------",
    ]
    for api in spec.apis:
        for op in api.operations:
            method = f"[**{op.name}**]({docs_prefix}{api.class_name}.md#{op.name})"
            lines.append(f"*{api.class_name}* | {method} | **{op.method}** {op.path} | {cell(op.summary)}")
    return "\n".join(lines)


def model_list(spec: ApiSpec, docs_prefix: str) -> str:
    """Every model, linked."""
    return "\n".join(f" - [{m.name}]({docs_prefix}{m.name}.md)" for m in spec.models)


def model_table(spec: ApiSpec, docs_prefix: str) -> str:
    """Every model, linked, with its one-line description."""
    lines = ["Model | Description", "------------ | -------------"]
    lines += [f"[{m.name}]({docs_prefix}{m.name}.md) | {cell(m.description)}" for m in spec.models]
    return "\n".join(lines)


def render_index(spec: ApiSpec) -> str:
    """``docs/README_API_INDEX.md``: the one page listing every operation and model."""
    operations = sum(len(api.operations) for api in spec.apis)
    lines = [
        "# API index",
        "",
        f"Every operation and every model of `{PACKAGE}`, the Python SDK for the",
        f"Criteo Marketing Solutions API 2020-10, on one page: {operations} operations in",
        f"{len(spec.apis)} API classes, and {len(spec.models)} models. Each link leads to the full page,",
        "where every operation has a runnable example.",
        "",
        "## How a call looks",
        "",
        "```python",
        f"import {PACKAGE}",
        f"from {PACKAGE}.apis import AdvertiserApi",
        "",
        f"configuration = {PACKAGE}.Configuration(",
        '    client_id="YOUR_CLIENT_ID", client_secret="YOUR_CLIENT_SECRET"',
        ")",
        f"with {PACKAGE}.ApiClient(configuration) as api_client:",
        "    portfolio = AdvertiserApi(api_client).api_portfolio_get()",
        "```",
        "",
        "An API class groups the operations of one tag of the spec; its methods take the path,",
        "query and body parameters (required ones positionally, the others by keyword) and return",
        "the model named under *Return type*. Models are imported from",
        f"`{PACKAGE}.models` (any of them, by name, loaded on demand) or from their own",
        f"module, `{PACKAGE}.model.<snake_case_name>`.",
        "",
        "## Operations",
        "",
        endpoint_table(spec, ""),
        "",
        "## Models",
        "",
        model_table(spec, ""),
        "",
    ]
    return "\n".join(lines)


#: Where the README's tables link to: PyPI renders the README too, and resolves no relative link.
README_DOCS_URL = "https://github.com/criteo-sdk/criteo-api-marketingsolutions-v2020-10/blob/main/docs/"


def readme_sections(spec: ApiSpec) -> Dict[str, str]:
    """The README's generated tables, by marker name, linking to the docs pages by absolute URL."""
    return {"endpoints": endpoint_table(spec, README_DOCS_URL), "models": model_list(spec, README_DOCS_URL)}


def replace_sections(text: str, sections: Dict[str, str]) -> Optional[str]:
    """``text`` with the body between each pair of ``BEGIN/END GENERATED`` markers replaced.

    Returns ``None`` when ``text`` has none of the markers (nothing to do).
    """
    changed = False
    for name, body in sections.items():
        begin = f"<!-- BEGIN GENERATED: {name} -->"
        end = f"<!-- END GENERATED: {name} -->"
        start = text.find(begin)
        stop = text.find(end, start + len(begin)) if start >= 0 else -1
        if start < 0 or stop < 0:
            continue
        text = text[: start + len(begin)] + "\n" + body + "\n" + text[stop:]
        changed = True
    return text if changed else None
