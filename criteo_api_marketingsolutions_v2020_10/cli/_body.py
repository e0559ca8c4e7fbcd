"""``--body``: JSON text, ``@file`` or ``@-`` (stdin), turned into the body's model by the SDK's own loader.

The JSON uses the API's field names (camelCase, as on the wire). The loader that reads the server's answers
checks every JSON type and says where one is wrong; on top of it, a member the model does not declare, a required
member left out and a value outside a field's enum are refused here, so that a misspelt or forgotten field is a
usage error, not a silent no-op or a refusal from the server.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Callable, List, Sequence, Tuple

from criteo_api_marketingsolutions_v2020_10.model_utils import Mismatch, OpenApiModel, describe_value, parse_type

__all__ = ["json_option_converter", "load_json_value", "render_location"]


def json_option_converter(type_string: str) -> Callable[[str], Any]:
    """The argparse ``type`` of an option holding JSON of ``type_string``: text, ``@path`` or ``@-``."""

    def convert(argument: str) -> Any:
        source, text = _read(argument)
        return load_json_value(type_string, _parse(text, source))

    convert.__name__ = "JSON"
    return convert


def _read(argument: str) -> Tuple[str, str]:
    """(where the text came from, the text); an empty source means the argument itself."""
    if argument == "@-":
        return "standard input", sys.stdin.read()
    if not argument.startswith("@"):
        return "", argument
    path = argument[1:]
    try:
        return path, Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise argparse.ArgumentTypeError(f"cannot read {path}: not UTF-8 text") from None
    except OSError as error:
        raise argparse.ArgumentTypeError(f"cannot read {path}: {error.strerror or error}") from None


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _parse(text: str, source: str) -> Any:
    where = f" in {source}" if source else ""
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        message = f"not valid JSON{where} at line {error.lineno}, column {error.colno}: {error.msg}"
    except ValueError as error:  # NaN or Infinity, which JSON does not have
        message = f"not valid JSON{where}: {error}"
    raise argparse.ArgumentTypeError(message)


def render_location(path: Sequence[Any]) -> str:
    """``['data', 0, 'name']`` -> ``data[0].name``; the empty path is the whole body."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the top level"


def load_json_value(type_string: str, raw: Any) -> Any:
    """``raw`` (parsed JSON) as ``type_string``'s model or value; ``ArgumentTypeError`` naming the field."""
    try:
        value = parse_type(type_string).load(raw)
    except Mismatch as mismatch:
        where, got = render_location(mismatch.path), describe_value(mismatch.got)
        raise argparse.ArgumentTypeError(f"at {where}: expected {mismatch.expected}, got {got}")
    _check_members(value, [])
    return value


def _check_members(value: Any, path: List[Any]) -> None:
    """Refuse, inside ``value``, members its models do not declare and values outside their enums."""
    if isinstance(value, list):
        for index, item in enumerate(value):  # pyright: ignore[reportUnknownArgumentType, reportUnknownVariableType]
            _check_members(item, [*path, index])
    elif isinstance(value, dict):
        for key, item in value.items():  # pyright: ignore[reportUnknownVariableType]
            _check_members(item, [*path, key])
    elif isinstance(value, OpenApiModel):
        _check_model(value, path)


def _check_model(model: OpenApiModel, path: List[Any]) -> None:
    wire_names = model.attribute_map
    missing = [wire_names[name] for name in type(model)._required if name not in model]  # pyright: ignore[reportPrivateUsage]
    if missing:
        names = ", ".join(missing)
        raise argparse.ArgumentTypeError(f"at {render_location(path)}: {type(model).__name__} needs {names}")
    for name in model:
        if name not in wire_names:
            fields = ", ".join(wire_names.values())
            raise argparse.ArgumentTypeError(
                f"at {render_location([*path, name])}: not a field of {type(model).__name__} (fields: {fields})"
            )
        where = [*path, wire_names[name]]
        _check_enum(model, name, where)
        _check_members(model[name], where)


def _check_enum(model: OpenApiModel, name: str, where: List[Any]) -> None:
    allowed = type(model).allowed_values.get((name,))
    value = model[name]
    if allowed is None or value is None:
        return
    choices = list(allowed.values())
    for item in value if isinstance(value, list) else [value]:  # pyright: ignore[reportUnknownVariableType]
        if item not in choices:
            listed = ", ".join(repr(choice) for choice in choices)
            raise argparse.ArgumentTypeError(f"at {render_location(where)}: {item!r} is not one of {listed}")
