"""Compiled field types: how each type string loads from JSON, checks a local value and dumps.

``parse_type`` compiles a type string once (``str``, ``int``, ``float``,
``bool``, ``date``, ``datetime``, ``object``, ``bytes``, a model name, ``[T]``,
``{str: T}``) into a ``TypeSpec``.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Type, cast

from criteo_api_marketingsolutions_v2020_10._values import Mismatch, model_class, sanitize_for_serialization
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiTypeError, ApiValueError

if TYPE_CHECKING:
    from criteo_api_marketingsolutions_v2020_10._models import OpenApiModel

__all__ = ["BytesSpec", "FreeObjectSpec", "ScalarSpec", "TypeSpec", "parse_type"]


class TypeSpec:
    """A compiled field type: how to load it from JSON, check a local value, and dump it."""

    label: str = ""
    python_types: Tuple[type, ...] = ()

    def load(self, raw: Any) -> Any:
        """JSON value -> Python value; raises ``Mismatch`` on a wrong JSON type."""
        raise NotImplementedError

    def load_unchecked(self, raw: Any) -> Any:
        """Like ``load`` but trusting scalar types (``_check_return_type=False``)."""
        return self.load(raw)

    def check(self, value: Any, path: Sequence[Any], trusted: bool = False) -> Any:
        """Validate (and lightly coerce) a value set locally; raises ``ApiTypeError``.

        ``trusted`` values come from ``_from_openapi_data``: nested models
        built from dicts may then carry read-only and unknown fields.
        """
        raise NotImplementedError

    def fast_loader(self, check_type: bool) -> Callable[[Any], Any]:
        """The cheapest callable that loads this type (models skip a level of indirection)."""
        return self.load if check_type else self.load_unchecked

    def dump(self, value: Any) -> Any:
        """Python value -> JSON-compatible value."""
        return value

    def _type_error(self, value: Any, path: Sequence[Any]) -> ApiTypeError:
        return ApiTypeError(
            f"Invalid type: expected {self.label}, got {type(value).__name__}",
            path,
            valid_classes=self.python_types,
        )


class ScalarSpec(TypeSpec):
    """A JSON scalar of one exact Python type: ``str``, ``int`` or ``bool``."""

    def __init__(self, label: str, python_type: type) -> None:
        self.label = label
        self.python_types = (python_type,)
        self.python_type = python_type

    def load(self, raw: Any) -> Any:
        if type(raw) is self.python_type:
            return raw
        raise Mismatch(self.label, raw)

    def load_unchecked(self, raw: Any) -> Any:
        return raw

    def check(self, value: Any, path: Sequence[Any], trusted: bool = False) -> Any:
        if type(value) is self.python_type or (isinstance(value, self.python_type) and not isinstance(value, bool)):
            return value
        raise self._type_error(value, path)


class _Float(TypeSpec):
    label = "float"
    python_types = (float, int)

    def load(self, raw: Any) -> Any:
        if type(raw) is float:
            return raw
        if type(raw) is int:
            return float(raw)
        raise Mismatch("float", raw)

    def load_unchecked(self, raw: Any) -> Any:
        return float(raw) if type(raw) is int else raw

    def check(self, value: Any, path: Sequence[Any], trusted: bool = False) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        raise self._type_error(value, path)


def _parse_datetime(text: str) -> _dt.datetime:
    try:
        return _dt.datetime.fromisoformat(text)
    except ValueError:
        # fromisoformat misses some ISO 8601 forms on older Pythons (e.g. "Z"
        # before 3.11, week dates); dateutil reads them all.
        from dateutil.parser import isoparse

        return isoparse(text)


class _DateTime(TypeSpec):
    label = "datetime"
    python_types = (_dt.datetime,)

    def load(self, raw: Any) -> Any:
        if type(raw) is not str:
            raise Mismatch("a date-time string", raw)
        try:
            return _parse_datetime(raw)
        except (ValueError, OverflowError):
            raise Mismatch("an ISO 8601 date-time", raw) from None

    def check(self, value: Any, path: Sequence[Any], trusted: bool = False) -> Any:
        if isinstance(value, _dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return _parse_datetime(value)
            except (ValueError, OverflowError):
                raise ApiValueError(f"Invalid value: {value!r} is not an ISO 8601 date-time", path) from None
        if isinstance(value, _dt.date):
            raise ApiTypeError(
                "Invalid type: expected datetime, got date; this is a date and time (date-time): pass a "
                "datetime.datetime, for example datetime.datetime(2024, 1, 31, tzinfo=datetime.timezone.utc)",
                path,
                valid_classes=self.python_types,
            )
        raise self._type_error(value, path)

    def dump(self, value: Any) -> Any:
        # Unchecked input (``_check_input_type=False``) may still be a string.
        return value.isoformat() if hasattr(value, "isoformat") else value


class _Date(TypeSpec):
    label = "date"
    python_types = (_dt.date,)

    def load(self, raw: Any) -> Any:
        if type(raw) is not str:
            raise Mismatch("a date string", raw)
        try:
            return _dt.date.fromisoformat(raw)
        except ValueError:
            try:
                return _parse_datetime(raw).date()
            except (ValueError, OverflowError):
                raise Mismatch("an ISO 8601 date", raw) from None

    def check(self, value: Any, path: Sequence[Any], trusted: bool = False) -> Any:
        if isinstance(value, _dt.datetime):
            return value.date()
        if isinstance(value, _dt.date):
            return value
        if isinstance(value, str):
            try:
                return _dt.date.fromisoformat(value)
            except ValueError:
                raise ApiValueError(f"Invalid value: {value!r} is not an ISO 8601 date", path) from None
        raise self._type_error(value, path)

    def dump(self, value: Any) -> Any:
        # Unchecked input (``_check_input_type=False``) may still be a string.
        return value.isoformat() if hasattr(value, "isoformat") else value


class FreeObjectSpec(TypeSpec):
    """A JSON object the spec leaves free: any members, kept as a dict."""

    label = "object"
    python_types = (dict,)

    def load(self, raw: Any) -> Any:
        if raw.__class__ is dict:  # (not type(raw): checkers then keep raw as Any, with no cast)
            return raw
        raise Mismatch("a JSON object", raw)

    def load_unchecked(self, raw: Any) -> Any:
        return raw

    def check(self, value: Any, path: Sequence[Any], trusted: bool = False) -> Any:
        if isinstance(value, Mapping):
            members = cast("Mapping[str, Any]", value)
            return dict(members)
        raise self._type_error(value, path)

    def dump(self, value: Any) -> Any:
        return sanitize_for_serialization(value)


class BytesSpec(TypeSpec):
    """A binary body (a report file), kept as bytes."""

    label = "bytes"
    python_types = (bytes,)

    def load(self, raw: Any) -> Any:
        return raw

    def check(self, value: Any, path: Sequence[Any], trusted: bool = False) -> Any:
        if isinstance(value, (bytes, bytearray)):
            return bytes(value)
        raise self._type_error(value, path)


class _ListOf(TypeSpec):
    def __init__(self, item: TypeSpec) -> None:
        self.item = item
        self.label = f"[{item.label}]"
        self.python_types = (list,)

    def load(self, raw: Any) -> Any:
        if raw.__class__ is not list:
            raise Mismatch(f"an array ({self.label})", raw)
        load = self.item.fast_loader(True)
        out: List[Any] = []
        try:
            for element in raw:
                out.append(None if element is None else load(element))
            return out
        except Mismatch as exc:
            exc.path.insert(0, len(out))
            raise

    def load_unchecked(self, raw: Any) -> Any:
        if raw.__class__ is not list:
            raise Mismatch(f"an array ({self.label})", raw)
        load = self.item.fast_loader(False)
        return [None if element is None else load(element) for element in raw]

    def check(self, value: Any, path: Sequence[Any], trusted: bool = False) -> Any:
        if not isinstance(value, (list, tuple)):
            raise self._type_error(value, path)
        elements = cast("Sequence[Any]", value)
        item = self.item
        if isinstance(item, ScalarSpec):
            # Lists of plain scalars (50,000 identifiers in a contact-list change) are checked in one
            # pass at C speed; the element-by-element check below only runs to name the one that is wrong.
            exact = item.python_type
            if all(type(element) is exact for element in elements):
                return list(elements)
        check = item.check
        return [check(element, [*path, index], trusted) for index, element in enumerate(elements)]

    def dump(self, value: Any) -> Any:
        elements: List[Any] = value
        if isinstance(self.item, ScalarSpec):
            return list(elements)  # a scalar dumps as itself, None included
        dump = self.item.dump
        return [None if element is None else dump(element) for element in elements]


class _MapOf(TypeSpec):
    def __init__(self, item: TypeSpec) -> None:
        self.item = item
        self.label = f"{{str: {item.label}}}"
        self.python_types = (dict,)

    def load(self, raw: Any) -> Any:
        if raw.__class__ is not dict:
            raise Mismatch(f"a JSON object ({self.label})", raw)
        load = self.item.load
        key = None
        try:
            out: Dict[str, Any] = {}
            for key, element in raw.items():
                out[key] = None if element is None else load(element)
            return out
        except Mismatch as exc:
            exc.path.insert(0, key)
            raise

    def check(self, value: Any, path: Sequence[Any], trusted: bool = False) -> Any:
        if not isinstance(value, Mapping):
            raise self._type_error(value, path)
        members = cast("Mapping[object, Any]", value)
        out: Dict[str, Any] = {}
        for key, element in members.items():
            if not isinstance(key, str):
                raise ApiTypeError(
                    f"Invalid key type: expected str, got {type(key).__name__}", [*path, key], key_type=True
                )
            out[key] = self.item.check(element, [*path, key], trusted)
        return out

    def dump(self, value: Any) -> Any:
        dump = self.item.dump
        members: Mapping[str, Any] = value
        return {key: None if element is None else dump(element) for key, element in members.items()}


class _ModelRef(TypeSpec):
    def __init__(self, name: str) -> None:
        self.label = name
        self._name = name
        self._cls: Optional[Type[OpenApiModel]] = None
        self._loaders: List[Optional[Callable[[Any], Any]]] = [None, None]  # [unchecked, checked]

    @property
    def cls(self) -> Type[OpenApiModel]:
        """The model class, imported on first use."""
        if self._cls is None:
            found: Any = model_class(self._name)
            self._cls = found
        assert self._cls is not None
        return self._cls

    @property
    def python_types(self) -> Tuple[type, ...]:  # type: ignore[override]
        return (self.cls,)

    # The model's own loading and construction hooks are private to the model
    # layer, which this module is part of.

    def load(self, raw: Any) -> Any:
        return self.cls._from_json(raw, True)  # pyright: ignore[reportPrivateUsage]

    def load_unchecked(self, raw: Any) -> Any:
        return self.cls._from_json(raw, False)  # pyright: ignore[reportPrivateUsage]

    def fast_loader(self, check_type: bool) -> Callable[[Any], Any]:
        loader = self._loaders[check_type]
        if loader is None:
            from_json = self.cls._from_json  # pyright: ignore[reportPrivateUsage]

            def lenient(raw: Any) -> Any:
                return from_json(raw, False)

            loader = from_json if check_type else lenient
            self._loaders[check_type] = loader
        return loader

    def check(self, value: Any, path: Sequence[Any], trusted: bool = False) -> Any:
        cls = self.cls
        if isinstance(value, cls):
            return value
        if isinstance(value, Mapping):
            # A plain dict is accepted where a model is expected, with Python or
            # spec (wire) names as keys, and checked field by field.
            by_wire = cls._by_wire  # pyright: ignore[reportPrivateUsage]
            names = cls.attribute_map
            items = cast("Mapping[str, Any]", value)
            kwargs = {key if key in names else by_wire.get(key, key): item for key, item in items.items()}
            if trusted:
                return cls._from_openapi_data(_path_to_item=path, **kwargs)  # pyright: ignore[reportPrivateUsage]
            construct: Callable[..., Any] = cls
            return construct(_path_to_item=path, **kwargs)
        raise self._type_error(value, path)

    def dump(self, value: Any) -> Any:
        return sanitize_for_serialization(value)


_SCALARS: Dict[str, TypeSpec] = {
    "str": ScalarSpec("str", str),
    "int": ScalarSpec("int", int),
    "bool": ScalarSpec("bool", bool),
    "float": _Float(),
    "date": _Date(),
    "datetime": _DateTime(),
    "object": FreeObjectSpec(),
    "bytes": BytesSpec(),
}
_PARSED: Dict[str, TypeSpec] = {}


def parse_type(text: str) -> TypeSpec:
    """Compile a type string such as ``[ReadAdSet]`` or ``{str: str}`` (cached)."""
    spec = _PARSED.get(text)
    if spec is None:
        text_stripped = text.strip()
        if text_stripped in _SCALARS:
            spec = _SCALARS[text_stripped]
        elif text_stripped.startswith("[") and text_stripped.endswith("]"):
            spec = _ListOf(parse_type(text_stripped[1:-1]))
        elif text_stripped.startswith("{str:") and text_stripped.endswith("}"):
            spec = _MapOf(parse_type(text_stripped[5:-1]))
        elif text_stripped[:1].isupper() and text_stripped.isidentifier():
            spec = _ModelRef(text_stripped)
        else:
            raise ValueError(f"unknown type string {text!r}")
        _PARSED[text] = spec
    return spec

