"""The model base: every schema of the API is a short declarative subclass of ``ModelNormal``.

A model module only lists its fields::

    class OAuth2Error(ModelNormal):
        '''Error body of the token endpoint.'''

        _fields = (
            Field("error", "error", "str", required=True),
            Field("error_description", "error_description", "str"),
        )

and this module gives it keyword construction (required fields also
positional), attribute and item access, ``get``, ``in``, ``to_dict``, ``==``,
``copy``/``pickle`` support, a pprint-friendly repr that masks secrets, strict
checks on values set locally, and lenient, fast loading of server responses.

Field types are written as strings, resolved once per class on first use:
``str``, ``int``, ``float``, ``bool``, ``date``, ``datetime``, ``object``
(free-form JSON object), ``bytes`` (raw body), a model name such as
``ReadAdSet``, ``[T]`` for a list of T and ``{str: T}`` for a map to T.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import re
from typing import Any, Callable, ClassVar, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple

from criteo_api_marketingsolutions_v2020_10._constants import PACKAGE_NAME
from criteo_api_marketingsolutions_v2020_10.exceptions import (
    ApiAttributeError,
    ApiKeyError,
    ApiTypeError,
    ApiValueError,
)

__all__ = [
    "Field",
    "ModelNormal",
    "OpenApiModel",
    "UNSET",
    "none_type",
    "file_type",
    "to_snake",
    "model_class",
    "parse_type",
    "TypeSpec",
]

none_type = type(None)
file_type = bytes
MASK = "***"


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
    return getattr(module, name)


class _Mismatch(Exception):
    """Raised inside loaders; the top level turns it into the public error with its path."""

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
        return f"an array of {len(value)} items"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


# --------------------------------------------------------------------------- types


class TypeSpec:
    """A compiled field type: how to load it from JSON, check a local value, and dump it."""

    label: str = ""
    python_types: Tuple[type, ...] = ()

    def load(self, raw: Any) -> Any:
        """JSON value -> Python value; raises ``_Mismatch`` on a wrong JSON type."""
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


class _Scalar(TypeSpec):
    def __init__(self, label: str, python_type: type) -> None:
        self.label = label
        self.python_types = (python_type,)
        self._type = python_type

    def load(self, raw: Any) -> Any:
        if type(raw) is self._type:
            return raw
        raise _Mismatch(self.label, raw)

    def load_unchecked(self, raw: Any) -> Any:
        return raw

    def check(self, value: Any, path: Sequence[Any], trusted: bool = False) -> Any:
        if type(value) is self._type or (isinstance(value, self._type) and not isinstance(value, bool)):
            return value
        raise self._type_error(value, path)


class _Float(TypeSpec):
    label = "float"
    python_types = (float, int)

    def load(self, raw: Any) -> Any:
        kind = type(raw)
        if kind is float:
            return raw
        if kind is int:
            return float(raw)
        raise _Mismatch("float", raw)

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
            raise _Mismatch("a date-time string", raw)
        try:
            return _parse_datetime(raw)
        except (ValueError, OverflowError):
            raise _Mismatch("an ISO 8601 date-time", raw) from None

    def check(self, value: Any, path: Sequence[Any], trusted: bool = False) -> Any:
        if isinstance(value, _dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return _parse_datetime(value)
            except (ValueError, OverflowError):
                raise ApiValueError(f"Invalid value: {value!r} is not an ISO 8601 date-time", path) from None
        raise self._type_error(value, path)

    def dump(self, value: Any) -> Any:
        # Unchecked input (``_check_input_type=False``) may still be a string.
        return value.isoformat() if hasattr(value, "isoformat") else value


class _Date(TypeSpec):
    label = "date"
    python_types = (_dt.date,)

    def load(self, raw: Any) -> Any:
        if type(raw) is not str:
            raise _Mismatch("a date string", raw)
        try:
            return _dt.date.fromisoformat(raw)
        except ValueError:
            try:
                return _parse_datetime(raw).date()
            except (ValueError, OverflowError):
                raise _Mismatch("an ISO 8601 date", raw) from None

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


class _FreeObject(TypeSpec):
    label = "object"
    python_types = (dict,)

    def load(self, raw: Any) -> Any:
        if type(raw) is dict:
            return raw
        raise _Mismatch("a JSON object", raw)

    def load_unchecked(self, raw: Any) -> Any:
        return raw

    def check(self, value: Any, path: Sequence[Any], trusted: bool = False) -> Any:
        if isinstance(value, Mapping):
            return dict(value)
        raise self._type_error(value, path)

    def dump(self, value: Any) -> Any:
        return sanitize_for_serialization(value)


class _Bytes(TypeSpec):
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
        if type(raw) is not list:
            raise _Mismatch(f"an array ({self.label})", raw)
        load = self.item.fast_loader(True)
        out: List[Any] = []
        try:
            for element in raw:
                out.append(None if element is None else load(element))
            return out
        except _Mismatch as exc:
            exc.path.insert(0, len(out))
            raise

    def load_unchecked(self, raw: Any) -> Any:
        if type(raw) is not list:
            raise _Mismatch(f"an array ({self.label})", raw)
        load = self.item.fast_loader(False)
        return [None if element is None else load(element) for element in raw]

    def check(self, value: Any, path: Sequence[Any], trusted: bool = False) -> Any:
        if not isinstance(value, (list, tuple)):
            raise self._type_error(value, path)
        check = self.item.check
        return [check(element, [*path, index], trusted) for index, element in enumerate(value)]

    def dump(self, value: Any) -> Any:
        dump = self.item.dump
        return [None if element is None else dump(element) for element in value]


class _MapOf(TypeSpec):
    def __init__(self, item: TypeSpec) -> None:
        self.item = item
        self.label = f"{{str: {item.label}}}"
        self.python_types = (dict,)

    def load(self, raw: Any) -> Any:
        if type(raw) is not dict:
            raise _Mismatch(f"a JSON object ({self.label})", raw)
        load = self.item.load
        key = None
        try:
            out = {}
            for key, element in raw.items():
                out[key] = None if element is None else load(element)
            return out
        except _Mismatch as exc:
            exc.path.insert(0, key)
            raise

    def check(self, value: Any, path: Sequence[Any], trusted: bool = False) -> Any:
        if not isinstance(value, Mapping):
            raise self._type_error(value, path)
        out = {}
        for key, element in value.items():
            if not isinstance(key, str):
                raise ApiTypeError(
                    f"Invalid key type: expected str, got {type(key).__name__}", [*path, key], key_type=True
                )
            out[key] = self.item.check(element, [*path, key], trusted)
        return out

    def dump(self, value: Any) -> Any:
        dump = self.item.dump
        return {key: None if element is None else dump(element) for key, element in value.items()}


class _ModelRef(TypeSpec):
    def __init__(self, name: str) -> None:
        self.label = name
        self._name = name
        self._cls: Optional[type] = None
        self._loaders: List[Optional[Callable[[Any], Any]]] = [None, None]  # [unchecked, checked]

    @property
    def cls(self) -> Any:
        if self._cls is None:
            self._cls = model_class(self._name)
        return self._cls

    @property
    def python_types(self) -> Tuple[type, ...]:  # type: ignore[override]
        return (self.cls,)

    def load(self, raw: Any) -> Any:
        return self.cls._from_json(raw, True)

    def load_unchecked(self, raw: Any) -> Any:
        return self.cls._from_json(raw, False)

    def fast_loader(self, check_type: bool) -> Callable[[Any], Any]:
        loader = self._loaders[check_type]
        if loader is None:
            from_json = self.cls._from_json
            loader = from_json if check_type else (lambda raw: from_json(raw, False))
            self._loaders[check_type] = loader
        return loader

    def check(self, value: Any, path: Sequence[Any], trusted: bool = False) -> Any:
        cls = self.cls
        if isinstance(value, cls):
            return value
        if isinstance(value, Mapping):
            # A plain dict is accepted where a model is expected, with Python or
            # spec (wire) names as keys, and checked field by field.
            by_wire = cls._by_wire
            kwargs = {key if key in cls._by_name else by_wire.get(key, key): item for key, item in value.items()}
            if trusted:
                return cls._from_openapi_data(_path_to_item=path, **kwargs)
            return cls(_path_to_item=path, **kwargs)
        raise self._type_error(value, path)

    def dump(self, value: Any) -> Any:
        if isinstance(value, OpenApiModel):
            return value.to_wire()
        return sanitize_for_serialization(value)


_SCALARS: Dict[str, TypeSpec] = {
    "str": _Scalar("str", str),
    "int": _Scalar("int", int),
    "bool": _Scalar("bool", bool),
    "float": _Float(),
    "date": _Date(),
    "datetime": _DateTime(),
    "object": _FreeObject(),
    "bytes": _Bytes(),
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


# --------------------------------------------------------------------------- fields


def check_enum(value: Any, allowed: Tuple[Any, ...], what: str, path: Sequence[Any]) -> None:
    """Refuse ``value`` (or any item of a list value) not in ``allowed``, naming the allowed values."""
    for item in value if isinstance(value, list) else (value,):
        if item not in allowed:
            choices = ", ".join(repr(v) for v in allowed)
            raise ApiValueError(f"{what}: {item!r}; allowed: {choices}", path)


_LoadEntry = Tuple[str, Optional[type], Optional[Callable[[Any], Any]]]


class Field:
    """One property of a schema.

    Args:
        name: the Python attribute name (snake_case).
        wire: the property name in JSON, as the spec spells it.
        type: a type string (see the module docstring).
        required: the spec lists it as required; required fields are also
            the model's positional arguments, in declaration order.
        nullable: ``None`` is a valid value to send.
        read_only: set by the server only; cannot be set locally.
        enum: the allowed values (for a list, of its items); checked on
            values set locally, not on values the server sends.
        secret: masked in ``repr`` (tokens, passwords).
        default: the spec's default, for documentation.
        format: the spec's format (``int32``, ``double``, ``date-time``...).
        description: one line for docstrings and docs.
    """

    __slots__ = (
        "_spec",
        "default",
        "description",
        "enum",
        "format",
        "name",
        "nullable",
        "read_only",
        "required",
        "secret",
        "type",
        "wire",
    )

    def __init__(
        self,
        name: str,
        wire: str,
        type: str,
        *,
        required: bool = False,
        nullable: bool = False,
        read_only: bool = False,
        enum: Optional[Sequence[Any]] = None,
        secret: bool = False,
        default: Any = UNSET,
        format: Optional[str] = None,
        description: str = "",
    ) -> None:
        self.name = name
        self.wire = wire
        self.type = type
        self.required = required
        self.nullable = nullable
        self.read_only = read_only
        self.enum = tuple(enum) if enum is not None else None
        self.secret = secret
        self.default = default
        self.format = format
        self.description = description
        self._spec: Optional[TypeSpec] = None

    @property
    def spec(self) -> TypeSpec:
        """The compiled type."""
        if self._spec is None:
            self._spec = parse_type(self.type)
        return self._spec

    def check(self, value: Any, path: Sequence[Any], check_type: bool = True, trusted: bool = False) -> Any:
        """Validate a value set locally for this field; returns the value to store."""
        if value is None:
            if self.nullable or not check_type:
                return None
            raise ApiTypeError(f"Invalid value: None is not allowed for {self.name!r} (not nullable)", path)
        if check_type:
            value = self.spec.check(value, path, trusted)
        if self.enum is not None:
            check_enum(value, self.enum, f"Invalid value for {self.name!r}", path)
        return value

    def __repr__(self) -> str:
        return f"Field({self.name!r}, {self.wire!r}, {self.type!r})"


# --------------------------------------------------------------------------- models


class _ClassProperty:
    """A read-only, per-class cached attribute computed on first access."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func
        self.__doc__ = func.__doc__
        self.attr = f"_cached_{func.__name__}"

    def __get__(self, instance: Any, owner: type) -> Any:
        cached = owner.__dict__.get(self.attr)
        if cached is None:
            cached = self.func(owner)
            setattr(owner, self.attr, cached)
        return cached


def _rebuild(cls: type, data: Dict[str, Any]) -> Any:
    obj: Any = object.__new__(cls)
    _set_data(obj, data)
    return obj


class OpenApiModel:
    """Base of every model. Models are mutable, compare by value and are not hashable."""

    __slots__ = ("_data",)

    _fields: ClassVar[Tuple[Field, ...]] = ()
    #: Python name -> wire name, for every declared field.
    attribute_map: ClassVar[Dict[str, str]] = {}
    #: Python names of fields the server sets and callers may not.
    read_only_vars: ClassVar[frozenset] = frozenset()
    #: ``{(name,): {VALUE: value}}`` for enum fields, as earlier generated clients exposed.
    allowed_values: ClassVar[Dict[Tuple[str], Dict[str, Any]]] = {}
    #: Numeric and length limits; the 2020-10 spec declares none.
    validations: ClassVar[Dict[Tuple[str], Dict[str, Any]]] = {}
    discriminator: ClassVar[None] = None
    _nullable: ClassVar[bool] = False
    _composed_schemas: ClassVar[Dict[str, Any]] = {}
    _by_name: ClassVar[Dict[str, Field]] = {}
    _by_wire: ClassVar[Dict[str, str]] = {}
    _required: ClassVar[Tuple[str, ...]] = ()
    _secrets: ClassVar[frozenset] = frozenset()
    _strict_table: ClassVar[Optional[Dict[str, _LoadEntry]]] = None
    _lenient_table: ClassVar[Optional[Dict[str, _LoadEntry]]] = None
    _dump_table: ClassVar[Optional[Tuple[Tuple[str, str, Optional[Callable[[Any], Any]]], ...]]] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields = cls.__dict__.get("_fields", ())
        cls._by_name = {f.name: f for f in fields}
        cls._by_wire = {f.wire: f.name for f in fields}
        cls.attribute_map = {f.name: f.wire for f in fields}
        cls._required = tuple(f.name for f in fields if f.required)
        cls.read_only_vars = frozenset(f.name for f in fields if f.read_only)
        cls._secrets = frozenset(f.name for f in fields if f.secret)
        cls.allowed_values = {
            (f.name,): {str(v).upper(): v for v in f.enum} for f in fields if f.enum is not None
        }
        cls._strict_table = cls._lenient_table = cls._dump_table = None

    # ---- class-level tables, compiled once on first use (types may name other models)

    @_ClassProperty
    def openapi_types(cls) -> Dict[str, Tuple[type, ...]]:
        """Python name -> accepted Python types, as earlier generated clients exposed."""
        return {f.name: f.spec.python_types for f in cls._fields}

    @classmethod
    def _compile(cls) -> None:
        # Per wire name: (python name, exact JSON type to check or None, loader
        # or None). Plain scalars are checked inline by type, with no call.
        strict: Dict[str, _LoadEntry] = {}
        lenient: Dict[str, _LoadEntry] = {}
        dump = []
        for f in cls._fields:
            spec = f.spec
            if isinstance(spec, _Scalar):
                strict[f.wire] = (f.name, spec._type, None)
            elif isinstance(spec, _FreeObject):
                strict[f.wire] = (f.name, dict, None)
            else:
                strict[f.wire] = (f.name, None, spec.fast_loader(True))
            unchecked = None if isinstance(spec, (_Scalar, _FreeObject, _Bytes)) else spec.fast_loader(False)
            lenient[f.wire] = (f.name, None, unchecked)
            dumper = None if isinstance(spec, (_Scalar, _Bytes)) else spec.dump
            dump.append((f.name, f.wire, dumper))
        cls._dump_table = tuple(dump)
        cls._lenient_table = lenient
        cls._strict_table = strict

    @classmethod
    def _from_json(cls, raw: Any, check_type: bool = True) -> Any:
        """Build a model straight from parsed JSON, converting only what the schema says.

        Unknown members are kept under their JSON name; enum values the
        spec does not list and ``null`` in any field are kept as sent.
        """
        if type(raw) is not dict:
            raise _Mismatch(f"a JSON object ({cls.__name__})", raw)
        table = cls._strict_table if check_type else cls._lenient_table
        if table is None:
            cls._compile()
            table = cls._strict_table if check_type else cls._lenient_table
            assert table is not None
        data = {}
        key = None
        try:
            for key, value in raw.items():
                entry = table.get(key)
                if entry is None:
                    data[key] = value
                    continue
                name, exact, load = entry
                if value is not None:
                    if exact is not None:
                        if type(value) is not exact:
                            raise _Mismatch("a JSON object" if exact is dict else exact.__name__, value)
                    elif load is not None:
                        value = load(value)
                data[name] = value
        except _Mismatch as exc:
            exc.path.insert(0, key)
            raise
        obj = object.__new__(cls)
        _set_data(obj, data)
        return obj

    def to_wire(self) -> Dict[str, Any]:
        """The JSON object this model is sent as (wire names, ISO dates)."""
        table = type(self)._dump_table
        if table is None:
            type(self)._compile()
            table = type(self)._dump_table
            assert table is not None
        data = self._data
        out: Dict[str, Any] = {}
        for name, wire, dumper in table:
            if name in data:
                value = data[name]
                out[wire] = value if value is None or dumper is None else dumper(value)
        for key, value in data.items():
            if key not in self._by_name:
                out[key] = sanitize_for_serialization(value)
        return out

    # ---- construction

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        _set_data(self, {})
        self._assign(args, kwargs, allow_read_only=False)

    @classmethod
    def _from_openapi_data(cls, *args: Any, **kwargs: Any) -> Any:
        """Build a model as the server would: read-only fields may be set, unknown keys kept."""
        obj = object.__new__(cls)
        _set_data(obj, {})
        obj._assign(args, kwargs, allow_read_only=True)
        return obj

    _new_from_openapi_data = _from_openapi_data

    def _assign(self, args: Tuple[Any, ...], kwargs: Dict[str, Any], allow_read_only: bool) -> None:
        cls = type(self)
        check_type = kwargs.pop("_check_type", True)
        path = list(kwargs.pop("_path_to_item", ()))
        spec_naming = kwargs.pop("_spec_property_naming", False)
        configuration = kwargs.pop("_configuration", None)
        kwargs.pop("_visited_composed_classes", None)
        discard_unknown = bool(configuration is not None and configuration.discard_unknown_keys)
        if len(args) > len(cls._required):
            raise ApiTypeError(
                f"{cls.__name__}() takes {len(cls._required)} positional arguments "
                f"({', '.join(cls._required) or 'none'}) but {len(args)} were given",
                path,
            )
        if spec_naming:
            by_wire = {f.wire: f.name for f in cls._fields}
            kwargs = {by_wire.get(key, key): value for key, value in kwargs.items()}
        for name, value in zip(cls._required, args):
            if name in kwargs:
                raise ApiTypeError(f"{cls.__name__}() got multiple values for argument {name!r}", path)
            kwargs[name] = value
        missing = [name for name in cls._required if name not in kwargs]
        if missing:
            raise ApiTypeError(
                f"{cls.__name__}() missing required argument{'s' if len(missing) > 1 else ''}: "
                + ", ".join(repr(m) for m in missing),
                path,
            )
        data = self._data
        for name, value in kwargs.items():
            field = cls._by_name.get(name)
            if field is None:
                if allow_read_only and not name.startswith("_"):
                    data[name] = value  # unknown members from the server are kept
                    continue
                if discard_unknown:
                    continue
                raise ApiAttributeError(
                    f"{cls.__name__} has no field {name!r}; fields are: {', '.join(cls._by_name) or 'none'}",
                    [*path, name],
                )
            if field.read_only and not allow_read_only:
                raise ApiAttributeError(f"{cls.__name__}.{name} is read-only: the server sets it", [*path, name])
            data[name] = field.check(value, [*path, name], check_type, allow_read_only)

    # ---- access

    def __getattr__(self, name: str) -> Any:
        # Only reached when normal lookup failed: the field is unset or unknown.
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return self._data[name]
        except KeyError:
            pass
        cls = type(self)
        if name in cls._by_name:
            raise ApiAttributeError(f"{cls.__name__}.{name} is not set", [name])
        raise ApiAttributeError(f"{cls.__name__} has no attribute {name!r}", [name])

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "_data":
            _set_data(self, value)
            return
        self._set_field(name, value)

    def _set_field(self, name: str, value: Any) -> None:
        cls = type(self)
        field = cls._by_name.get(name)
        if field is None:
            if name in self._data:  # an unknown member the server sent may be changed
                self._data[name] = value
                return
            raise ApiAttributeError(
                f"{cls.__name__} has no field {name!r}; fields are: {', '.join(cls._by_name) or 'none'}", [name]
            )
        if field.read_only:
            raise ApiAttributeError(f"{cls.__name__}.{name} is read-only: the server sets it", [name])
        self._data[name] = field.check(value, [name])

    def __delattr__(self, name: str) -> None:
        try:
            del self._data[name]
        except KeyError:
            raise ApiAttributeError(f"{type(self).__name__}.{name} is not set", [name]) from None

    def __getitem__(self, name: str) -> Any:
        try:
            return self._data[name]
        except KeyError:
            raise ApiKeyError(f"{type(self).__name__} has no value for {name!r}", [name]) from None

    def __setitem__(self, name: str, value: Any) -> None:
        self._set_field(name, value)

    def __delitem__(self, name: str) -> None:
        try:
            del self._data[name]
        except KeyError:
            raise ApiKeyError(f"{type(self).__name__} has no value for {name!r}", [name]) from None

    def __contains__(self, name: object) -> bool:
        return name in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def get(self, name: str, default: Any = None) -> Any:
        """The value of ``name``, or ``default`` when it is not set."""
        return self._data.get(name, default)

    def __dir__(self) -> List[str]:
        return sorted(set(super().__dir__()) | set(self._data))

    # ---- conversion and comparison

    def to_dict(self) -> Dict[str, Any]:
        """The model as a plain dict (Python names; nested models become dicts; secrets kept)."""
        return {key: _plain(value, False) for key, value in self._data.items()}

    def to_str(self) -> str:
        """The pretty-printed ``to_dict()`` with secret fields masked."""
        import pprint

        return pprint.pformat(self._masked_dict())

    def _masked_dict(self) -> Dict[str, Any]:
        secrets = type(self)._secrets
        return {
            key: (MASK if key in secrets and value is not None else _plain(value, True))
            for key, value in self._data.items()
        }

    def __repr__(self) -> str:
        return self.to_str()

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(self.to_str())

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return bool(self._data == other._data)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_rebuild, (type(self), self._data))

    def __copy__(self) -> Any:
        return _rebuild(type(self), dict(self._data))


_set_data = OpenApiModel.__dict__["_data"].__set__


def _plain(value: Any, masked: bool) -> Any:
    if isinstance(value, OpenApiModel):
        return value._masked_dict() if masked else value.to_dict()
    if isinstance(value, list):
        return [_plain(v, masked) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v, masked) for k, v in value.items()}
    return value


class ModelNormal(OpenApiModel):
    """A model for an object schema with named properties (every schema of this API)."""

    __slots__ = ()


def drop_unknown_members(value: Any) -> Any:
    """Remove, in place and recursively, members the spec does not declare
    (``Configuration.discard_unknown_keys``); returns ``value``."""
    if isinstance(value, OpenApiModel):
        known = type(value)._by_name
        data = value._data
        for key in [k for k in data if k not in known]:
            del data[key]
        for item in data.values():
            drop_unknown_members(item)
    elif isinstance(value, list):
        for item in value:
            drop_unknown_members(item)
    return value


def sanitize_for_serialization(obj: Any) -> Any:
    """Turn models, dates, lists and dicts into JSON-compatible values (wire names)."""
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    if isinstance(obj, OpenApiModel):
        return obj.to_wire()
    if isinstance(obj, (_dt.date, _dt.datetime)):
        return obj.isoformat()
    if isinstance(obj, (list, tuple)):
        return [sanitize_for_serialization(v) for v in obj]
    if isinstance(obj, Mapping):
        return {k: sanitize_for_serialization(v) for k, v in obj.items()}
    if isinstance(obj, (bytes, bytearray)):
        return obj.decode("utf-8")
    raise ApiValueError(f"Unable to serialize a {type(obj).__name__} to JSON")
