"""Small pieces the model layer shares: ``UNSET``, naming, value descriptions, enum checks,
and ``sanitize_for_serialization``, which turns any value the SDK sends into JSON-compatible data.

``python_annotation`` turns a field type string (``[ReadAdSet]``, ``{str: int}``)
into the Python annotation that generated code writes for it
(``list[ReadAdSet]``, ``dict[str, int]``), for signatures and docstrings.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import re
from typing import Any, Callable, Generic, List, Mapping, Optional, Sequence, Tuple, Type, TypeVar, cast

from criteo_api_marketingsolutions_v2020_10._constants import PACKAGE_NAME
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError

__all__ = [
    "MASK",
    "ClassProperty",
    "Mismatch",
    "UNSET",
    "check_enum",
    "describe_value",
    "file_type",
    "model_class",
    "none_type",
    "python_annotation",
    "sanitize_for_serialization",
    "to_snake",
]

none_type = type(None)
file_type = bytes
MASK = "***"
"""What ``repr`` shows instead of a secret field's value."""


class _Unset:
    """The value of an argument that was not given (``None`` is a value)."""

    _instance: Optional[_Unset] = None

    def __new__(cls) -> _Unset:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "<unset>"

    def __bool__(self) -> bool:
        return False

    def __reduce__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()
"""The default of every optional parameter: "not given", which is not ``None``."""

_FIRST_CAPS = r"([A-Z]+)([A-Z][a-z][a-z]+)"
_CAMEL_BREAK = r"([a-z\d])([A-Z])"


def to_snake(name: str) -> str:
    """Python name for a spec name.

    ``OAuth2Error`` -> ``o_auth2_error``, ``advertiserId`` -> ``advertiser_id``,
    ``audience-id`` -> ``audience_id``.
    """
    name = re.sub(_FIRST_CAPS, r"\1_\2", name)
    name = re.sub(_CAMEL_BREAK, r"\1_\2", name)
    return name.replace("-", "_").replace(".", "_").lower()


def model_class(name: str) -> type:
    """The model class called ``name``, imported on demand from ``model/``."""
    module = importlib.import_module(f"{PACKAGE_NAME}.model.{to_snake(name)}")
    cls = getattr(module, name)
    if not isinstance(cls, type):
        raise TypeError(f"{PACKAGE_NAME}.model.{to_snake(name)}.{name} is not a class")
    return cls


class Mismatch(Exception):
    """A received value of the wrong JSON type; raised inside loaders, whose callers
    turn it into the public error with its ``path``."""

    def __init__(self, expected: str, got: Any) -> None:
        self.expected = expected
        self.got = got
        self.path: List[Any] = []


def describe_value(value: Any) -> str:
    """Name a received value's JSON type without echoing the value itself (it may be a secret)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return f"a string of {len(value)} characters"
    if isinstance(value, list):
        return f"an array of {len(cast('Sequence[Any]', value))} items"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def check_enum(value: Any, allowed: Tuple[Any, ...], what: str, path: Sequence[Any]) -> None:
    """Refuse ``value`` (or any item of a list value) not in ``allowed``, naming the allowed values."""
    items = cast("Sequence[Any]", value) if isinstance(value, list) else (value,)
    for item in items:
        if item not in allowed:
            choices = ", ".join(repr(v) for v in allowed)
            raise ApiValueError(f"{what}: {item!r}; allowed: {choices}", path)


_ANNOTATIONS = {"object": "dict[str, Any]"}


def python_annotation(type_string: str, enum: Optional[Sequence[Any]] = None) -> str:
    """The annotation generated code writes for a type string.

    ``[ReadAdSet]`` -> ``list[ReadAdSet]``, ``{str: int}`` -> ``dict[str, int]``,
    ``object`` -> ``dict[str, Any]``; with ``enum``, the innermost scalar is
    ``Literal[...]`` of the allowed values.
    """
    text = type_string.strip()
    if text.startswith("[") and text.endswith("]"):
        return f"list[{python_annotation(text[1:-1], enum)}]"
    if text.startswith("{str:") and text.endswith("}"):
        return f"dict[str, {python_annotation(text[5:-1], enum)}]"
    if enum:
        return f"Literal[{', '.join(_literal(v) for v in enum)}]"
    return _ANNOTATIONS.get(text, text)


def _literal(value: Any) -> str:
    """A value as generated code writes it in ``Literal[...]``: strings in double quotes."""
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)


_V = TypeVar("_V")


class ClassProperty(Generic[_V]):
    """A read-only attribute computed once per class, on first access (through the class or an instance)."""

    def __init__(self, func: Callable[[Any], _V]) -> None:
        self.func = func
        self.__doc__ = func.__doc__
        self.attr = f"_cached_{func.__name__}"

    def __get__(self, instance: Any, owner: Type[Any]) -> _V:
        cached: Optional[_V] = owner.__dict__.get(self.attr)
        if cached is None:
            cached = self.func(owner)
            setattr(owner, self.attr, cached)
        return cached


def sanitize_for_serialization(obj: Any) -> Any:
    """Turn models, dates, lists and dicts into JSON-compatible values (wire names).

    A model is anything whose class has ``to_wire``: every ``OpenApiModel``.
    """
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    to_wire: Optional[Callable[[Any], Any]] = getattr(obj.__class__, "to_wire", None)
    if to_wire is not None:
        return to_wire(obj)
    if isinstance(obj, (_dt.date, _dt.datetime)):
        return obj.isoformat()
    if isinstance(obj, (list, tuple)):
        items = cast("Sequence[Any]", obj)
        return [sanitize_for_serialization(v) for v in items]
    if isinstance(obj, Mapping):
        members = cast("Mapping[object, Any]", obj)
        return {k: sanitize_for_serialization(v) for k, v in members.items()}
    if isinstance(obj, (bytes, bytearray)):
        return obj.decode("utf-8")
    raise ApiValueError(f"Unable to serialize a {type(obj).__name__} to JSON")
