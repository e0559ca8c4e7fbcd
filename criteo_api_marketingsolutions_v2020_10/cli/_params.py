"""One option per parameter, read from the SDK's ``Param`` declarations at run time.

How values are written: ``str`` as is; ``int`` and ``float`` as numbers; ``bool`` as ``true`` or ``false``;
``date`` as ``YYYY-MM-DD``; ``datetime`` in ISO 8601 (``2021-03-01T00:00:00+00:00``); a list ``[T]`` as items
separated by commas, and the option may be repeated, the items adding up (``--ids 1,2 --ids 3`` is
``[1, 2, 3]``); any other type (an object) as JSON, like ``--body``. Enums are choices.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
from typing import TYPE_CHECKING, Any, Callable, Dict, Optional, Sequence, Tuple, cast

from criteo_api_marketingsolutions_v2020_10.cli._body import json_option_converter
from criteo_api_marketingsolutions_v2020_10.cli._names import BODY_FLAG, option_flag
from criteo_api_marketingsolutions_v2020_10.model_utils import Mismatch, parse_type

if TYPE_CHECKING:
    from criteo_api_marketingsolutions_v2020_10.endpoint import Param

__all__ = ["add_body_option", "add_parameter_option", "parameter_dest", "type_label"]

Converter = Callable[[str], Any]


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an integer, got {text!r}") from None


def _number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}")
    return value


def _boolean(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered not in ("true", "false"):
        raise argparse.ArgumentTypeError(f"expected true or false, got {text!r}")
    return lowered == "true"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _datetime(text: str) -> dt.datetime:
    try:
        # The SDK's own ISO 8601 reading, the one that reads the API's answers.
        return cast(dt.datetime, parse_type("datetime").load(text))
    except Mismatch:
        raise argparse.ArgumentTypeError(f"expected an ISO 8601 date-time, got {text!r}") from None


#: Scalar type -> (converter, metavar).
_SCALARS: Dict[str, Tuple[Converter, str]] = {
    "str": (str, "TEXT"),
    "int": (_integer, "INT"),
    "float": (_number, "NUMBER"),
    "bool": (_boolean, "{true,false}"),
    "date": (_date, "YYYY-MM-DD"),
    "datetime": (_datetime, "DATETIME"),
}


def _list_item(type_string: str) -> Optional[str]:
    text = type_string.strip()
    return text[1:-1].strip() if text.startswith("[") and text.endswith("]") else None


def type_label(type_string: str) -> str:
    """How help texts name a type: ``int``, ``list of int``, ``NewAudienceRequest as JSON``."""
    item = _list_item(type_string)
    if item is not None and item in _SCALARS:
        return f"list of {item}, comma-separated, repeatable"
    if type_string in _SCALARS:
        return type_string
    return f"{type_string} as JSON"


def parameter_dest(name: str) -> str:
    """The namespace attribute of a parameter (prefixed: a parameter may share a connection option's name)."""
    return f"parameter:{name}"


def _list_converter(item: Converter, choices: Optional[Sequence[Any]]) -> Converter:
    def convert(text: str) -> Any:
        values = [item(part.strip()) for part in text.split(",")]
        for value in values:
            if choices is not None and value not in choices:
                listed = ", ".join(repr(choice) for choice in choices)
                raise argparse.ArgumentTypeError(f"invalid choice: {value!r} (choose from {listed})")
        return values

    return convert


def _option_shape(param: Param) -> Dict[str, Any]:
    """``type``, ``metavar`` and ``choices`` or ``action`` of the option for ``param``."""
    item = _list_item(param.type)
    if item is not None and item in _SCALARS:
        convert, metavar = _SCALARS[item]
        shown = "{" + ",".join(str(v) for v in param.enum) + "}" if param.enum else metavar
        return {"type": _list_converter(convert, param.enum), "metavar": f"{shown}[,...]", "action": "extend"}
    if param.type in _SCALARS:
        convert, metavar = _SCALARS[param.type]
        if param.enum:
            return {"type": convert, "choices": param.enum}
        return {"type": convert, "metavar": metavar}
    return {"type": json_option_converter(param.type), "metavar": "JSON"}


def _help(param: Param, required: bool) -> str:
    need = "required" if required else "optional"
    text = f"{param.description or param.wire} ({type_label(param.type)}, {need}"
    if param.location != "body":
        text += f"; {param.location} parameter {param.wire}"
    return (text + ")").replace("%", "%%")


def add_parameter_option(group: Any, param: Param) -> None:
    """Add ``--<name>`` for a path, query, header or form ``param`` to ``group``."""
    group.add_argument(
        option_flag(param.name), dest=parameter_dest(param.name), required=param.required,
        help=_help(param, param.required),
        **_option_shape(param),
    )


def add_body_option(group: Any, param: Param, required: Optional[bool] = None) -> None:
    """Add ``--body`` for the body ``param`` to ``group``; ``required`` overrides the declaration's."""
    needed = param.required if required is None else required
    group.add_argument(
        BODY_FLAG, dest=parameter_dest(param.name), required=needed, metavar="JSON|@FILE|@-",
        type=json_option_converter(param.type),
        help=_help(param, needed) + "; JSON text with the API's field names, @FILE to read a file, @- for stdin",
    )
