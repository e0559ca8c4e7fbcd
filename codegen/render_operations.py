"""Render ``docs/Operations.md``: every operation on one page, as a Python call and as a command.

The command-line names come from the SDK's own naming module (``cli._names``), the one the command line
builds its commands with, so that the page shows exactly the commands that exist. Argument values are the
documentation examples of ``examples.json``; a request body becomes a file, shown under *Request bodies*.
"""

from __future__ import annotations

import json
import shlex
from typing import Any, Dict, List, Optional, Tuple, cast

from codegen.render_docs import cell
from codegen.render_python import literal
from codegen.spec import Api, ApiSpec, Operation, Parameter
from codegen.texts import Texts
from criteo_api_marketingsolutions_v2020_10.cli._names import (
    BODY_FLAG,
    PROGRAM,
    api_command,
    operation_command,
    option_flag,
)

__all__ = ["body_file_name", "cli_form", "python_call", "render_operations"]


def body_file_name(api: Api, op: Operation) -> str:
    """The file the page's command reads the example body from: ``audience-create-audience.json``."""
    return f"{api_command(api.class_name)}-{operation_command(op.name)}.json"


def _example_params(op: Operation, texts: Texts) -> List[Tuple[Parameter, Any]]:
    """The parameters the example gives, required ones first (the order of the method's signature)."""
    values = texts.example(op.operation_id)
    missing = [p.name for p in op.params if p.required and p.name not in values]
    if missing:
        raise ValueError(f"{op.operation_id}: examples.json gives no value for {', '.join(missing)}")
    given = [p for p in op.params if p.name in values]
    return [(p, values[p.name]) for p in sorted(given, key=lambda p: not p.required)]


def _model_placeholder(type_name: str) -> str:
    """``NewAudienceRequest(...)``, or ``[CampaignBidChangeRequest(...)]`` for a list body."""
    if type_name.startswith("[") and type_name.endswith("]"):
        return f"[{_model_placeholder(type_name[1:-1])}]"
    return f"{type_name}(...)"


def python_call(api: Api, op: Operation, texts: Texts) -> str:
    """``AudienceApi(api_client).get_audiences(advertiser_id="10001")``, every argument by keyword."""
    arguments: List[str] = []
    for param, value in _example_params(op, texts):
        shown = _model_placeholder(param.type) if param.location == "body" else literal(value)
        arguments.append(f"{param.name}={shown}")
    return f"{api.class_name}(api_client).{op.name}({', '.join(arguments)})"


def _option_value(value: object) -> str:
    """A value as the command line takes it: ``true``/``false``, list items joined by commas."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        items = cast("List[object]", value)
        return ",".join(_option_value(item) for item in items)
    return str(value)


def cli_form(api: Api, op: Operation, texts: Texts) -> str:
    """``criteo-marketing audience get-audiences --advertiser-id 10001``; a body is read from its example file."""
    words = [PROGRAM, api_command(api.class_name), operation_command(op.name)]
    body: Optional[str] = None
    for param, value in _example_params(op, texts):
        if param.location == "body":
            body = f"@{body_file_name(api, op)}"
        else:
            words += [option_flag(param.name), shlex.quote(_option_value(value))]
    if body is not None:
        words += [BODY_FLAG, body]
    return " ".join(words)


def _api_section(api: Api, texts: Texts) -> List[str]:
    lines = [
        f"## {api_command(api.class_name)}: {api.class_name}",
        "",
        "| Operation | HTTP request | Python | Command line |",
        "| --- | --- | --- | --- |",
    ]
    for op in api.operations:
        name = f"[`{operation_command(op.name)}`]({api.class_name}.md#{op.name})"
        request = f"`{op.method} {op.path}`"
        lines.append(
            f"| {name} | {request} | `{cell(python_call(api, op, texts))}` | `{cell(cli_form(api, op, texts))}` |"
        )
    return [*lines, ""]


def _body_examples(spec: ApiSpec, texts: Texts) -> List[str]:
    lines = [
        "## Request bodies",
        "",
        "The example bodies the commands above read, with the API's field names (as on the wire). Save one",
        f"under its name, or pass the JSON itself: `{BODY_FLAG} '{{...}}'`; `{BODY_FLAG} @-` reads it from stdin.",
        "",
    ]
    for api in spec.apis:
        for op in api.operations:
            body = op.body
            values: Dict[str, Any] = texts.example(op.operation_id)
            if body is None or body.name not in values:
                continue
            command = f"{api_command(api.class_name)} {operation_command(op.name)}"
            lines += [
                f"### {body_file_name(api, op)}",
                "",
                f"The body of `{command}`: {_body_type(body.type)}.",
                "",
                "```json",
                json.dumps(values[body.name], indent=2, ensure_ascii=False),
                "```",
                "",
            ]
    return lines


def _body_type(type_name: str) -> str:
    if type_name.startswith("[") and type_name.endswith("]"):
        item = type_name[1:-1]
        return f"a list of [{item}]({item}.md)"
    return f"a [{type_name}]({type_name}.md)"


def render_operations(spec: ApiSpec, texts: Texts) -> str:
    """``docs/Operations.md``."""
    count = sum(len(api.operations) for api in spec.apis)
    lines = [
        "# Every operation",
        "",
        f"The {count} operations of the API, each as a call of the Python SDK and as a command of",
        f"`{PROGRAM}` (also `python -m criteo_api_marketingsolutions_v2020_10`), with its HTTP request.",
        "The values are examples: ids of the sandbox's seeded world, which `--sandbox` (or",
        f"`{PROGRAM} sandbox`) serves. How the commands work: [CommandLine.md](CommandLine.md); every",
        "parameter of an operation: its API's page, linked from the operation's name.",
        "",
        "<!-- Generated by `python -m codegen` from the spec and codegen/examples.json: do not edit. -->",
        "",
    ]
    for api in spec.apis:
        lines += _api_section(api, texts)
    lines += _body_examples(spec, texts)
    return "\n".join(lines).rstrip("\n") + "\n"
