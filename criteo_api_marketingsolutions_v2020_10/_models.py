"""The model base: ``OpenApiModel`` and ``ModelNormal``, what every generated model derives from.

A model module declares its fields twice, for two readers: ``_fields``
(``Field`` objects) drive the engine, and class annotations with a typed
``__init__`` under ``TYPE_CHECKING`` are what type checkers read. At run time
the constructor takes keywords (required fields also by position), checks
every value set locally, and loading from JSON skips all of that.
"""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    ClassVar,
    Dict,
    FrozenSet,
    Iterator,
    List,
    Optional,
    Sequence,
    Tuple,
    Type,
    cast,
)

from criteo_api_marketingsolutions_v2020_10._fields import Field, bind_arguments, constructor_signature
from criteo_api_marketingsolutions_v2020_10._type_specs import BytesSpec, FreeObjectSpec, ScalarSpec
from criteo_api_marketingsolutions_v2020_10._values import MASK, ClassProperty, Mismatch, sanitize_for_serialization
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiAttributeError, ApiKeyError

if TYPE_CHECKING:
    from inspect import Signature

__all__ = ["ModelNormal", "OpenApiModel", "drop_unknown_members"]

_LoadEntry = Tuple[str, Optional[type], Optional[Callable[[Any], Any]]]
"""Per wire name: (python name, exact JSON type to check or None, loader or None)."""


class _LoadTable(Dict[str, _LoadEntry]):
    """A model's loading entries by wire name; a member the spec does not declare is kept as sent."""

    def __missing__(self, key: str) -> _LoadEntry:
        return (key, None, None)


def _wrong_json_type(exact: type, value: Any) -> Mismatch:
    return Mismatch("a JSON object" if exact is dict else exact.__name__, value)


def _rebuild(cls: Type[OpenApiModel], data: Dict[str, Any]) -> OpenApiModel:
    obj = object.__new__(cls)
    _set_data(obj, data)
    return obj


class OpenApiModel:
    """Base of every model. Models are mutable, compare by value and are not hashable."""

    __slots__ = ("_data",)

    #: The field values set or received, by Python name (unknown members by JSON name).
    _data: Dict[str, Any]
    _fields: ClassVar[Tuple[Field, ...]] = ()
    #: Python name -> wire name, for every declared field.
    attribute_map: ClassVar[Dict[str, str]] = {}
    #: Python names of fields the server sets and callers may not.
    read_only_vars: ClassVar[FrozenSet[str]] = frozenset()
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
    _secrets: ClassVar[FrozenSet[str]] = frozenset()
    _strict_table: ClassVar[Optional[_LoadTable]] = None
    _lenient_table: ClassVar[Optional[_LoadTable]] = None
    _dump_table: ClassVar[Optional[Tuple[Tuple[str, str, Optional[Callable[[Any], Any]]], ...]]] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields: Tuple[Field, ...] = cls.__dict__.get("_fields", ())
        cls._by_name = {f.name: f for f in fields}
        cls._by_wire = {f.wire: f.name for f in fields}
        cls.attribute_map = {f.name: f.wire for f in fields}
        cls._index_fields(fields)
        cls._strict_table = cls._lenient_table = cls._dump_table = None

    @classmethod
    def _index_fields(cls, fields: Tuple[Field, ...]) -> None:
        cls._required = tuple(f.name for f in fields if f.required)
        cls.read_only_vars = frozenset(f.name for f in fields if f.read_only)
        cls._secrets = frozenset(f.name for f in fields if f.secret)
        cls.allowed_values = {
            (f.name,): {str(v).upper(): v for v in f.enum} for f in fields if f.enum is not None
        }

    # ---- class-level tables, compiled once on first use (types may name other models)

    @ClassProperty
    def openapi_types(cls) -> Dict[str, Tuple[type, ...]]:
        """Python name -> accepted Python types, as earlier generated clients exposed."""
        return {f.name: f.spec.python_types for f in cls._fields}

    @ClassProperty
    def __signature__(cls) -> Signature:
        """The constructor's signature, for ``inspect.signature`` and ``help()``.

        Required fields come first and may be passed by position; the others
        are keywords; read-only fields, which only the server sets, are left out.
        """
        return constructor_signature(cls._fields)

    @classmethod
    def _compile(cls) -> None:
        # Per wire name: (python name, exact JSON type to check or None, loader
        # or None). Plain scalars are checked inline by type, with no call.
        strict = _LoadTable()
        lenient = _LoadTable()
        dump: List[Tuple[str, str, Optional[Callable[[Any], Any]]]] = []
        for f in cls._fields:
            spec = f.spec
            if isinstance(spec, ScalarSpec):
                strict[f.wire] = (f.name, spec.python_type, None)
            elif isinstance(spec, FreeObjectSpec):
                strict[f.wire] = (f.name, dict, None)
            else:
                strict[f.wire] = (f.name, None, spec.fast_loader(True))
            unchecked = None if isinstance(spec, (ScalarSpec, FreeObjectSpec, BytesSpec)) else spec.fast_loader(False)
            lenient[f.wire] = (f.name, None, unchecked)
            dumper = None if isinstance(spec, (ScalarSpec, BytesSpec)) else spec.dump
            dump.append((f.name, f.wire, dumper))
        cls._dump_table = tuple(dump)
        cls._lenient_table = lenient
        cls._strict_table = strict

    @classmethod
    def _load_table(cls, check_type: bool) -> _LoadTable:
        """The strict or the lenient loading table, compiled now if it was not yet."""
        cls._compile()
        table = cls._strict_table if check_type else cls._lenient_table
        assert table is not None
        return table

    @classmethod
    def _from_json(cls, raw: Any, check_type: bool = True) -> Any:
        """Build a model straight from parsed JSON, converting only what the schema says.

        Unknown members are kept under their JSON name; enum values the
        spec does not list and ``null`` in any field are kept as sent.
        """
        if raw.__class__ is not dict:  # (not type(raw): checkers then keep raw as Any)
            raise Mismatch(f"a JSON object ({cls.__name__})", raw)
        table = cls._strict_table if check_type else cls._lenient_table
        if table is None:
            table = cls._load_table(check_type)
        data: Dict[str, Any] = {}
        key = None
        try:
            for key, value in raw.items():
                name, exact, load = table[key]
                if value is not None:
                    if exact is not None:
                        if type(value) is not exact:
                            raise _wrong_json_type(exact, value)
                    elif load is not None:
                        value = load(value)
                data[name] = value
        except Mismatch as exc:
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
        check_type = bool(kwargs.pop("_check_type", True))
        path: List[Any] = list(kwargs.pop("_path_to_item", ()))
        spec_naming = bool(kwargs.pop("_spec_property_naming", False))
        configuration = kwargs.pop("_configuration", None)
        kwargs.pop("_visited_composed_classes", None)
        discard_unknown = bool(configuration is not None and configuration.discard_unknown_keys)
        cls = type(self)
        values = bind_arguments(cls.__name__, cls._required, args, kwargs, path, cls._by_wire if spec_naming else None)
        data = self._data
        for name, value in values.items():
            field = self._by_name.get(name)
            if field is None:
                if allow_read_only and not name.startswith("_"):
                    data[name] = value  # unknown members from the server are kept
                elif not discard_unknown:
                    raise self._no_field(name, path)
                continue
            if field.read_only and not allow_read_only:
                raise ApiAttributeError(f"{cls.__name__}.{name} is read-only: the server sets it", [*path, name])
            data[name] = field.check(value, [*path, name], check_type, allow_read_only)

    def _no_field(self, name: str, path: List[Any]) -> ApiAttributeError:
        cls = type(self)
        fields = ", ".join(cls._by_name) or "none"
        return ApiAttributeError(f"{cls.__name__} has no field {name!r}; fields are: {fields}", [*path, name])

    # ---- access

    if not TYPE_CHECKING:  # checkers see the declared fields only, so that a misspelt name is an error

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
                raise ApiAttributeError(
                    f"{cls.__name__}.{name} is not set: use .get({name!r}), which gives None when it is not, "
                    f"or check {name!r} in the model first",
                    [name],
                )
            raise ApiAttributeError(f"{cls.__name__} has no attribute {name!r}", [name])

        def __setattr__(self, name: str, value: Any) -> None:
            if name == "_data":
                _set_data(self, value)
                return
            self._set_field(name, value)

        def __delattr__(self, name: str) -> None:
            try:
                del self._data[name]
            except KeyError:
                raise ApiAttributeError(f"{type(self).__name__}.{name} is not set", [name]) from None

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
        return {key: OpenApiModel._plain(value, False) for key, value in self._data.items()}

    def to_str(self) -> str:
        """The pretty-printed ``to_dict()`` with secret fields masked."""
        import pprint

        return pprint.pformat(self._masked_dict())

    def _masked_dict(self) -> Dict[str, Any]:
        secrets = type(self)._secrets
        return {
            key: (MASK if key in secrets and value is not None else OpenApiModel._plain(value, True))
            for key, value in self._data.items()
        }

    @staticmethod
    def _plain(value: Any, masked: bool) -> Any:
        if isinstance(value, OpenApiModel):
            return value._masked_dict() if masked else value.to_dict()
        if isinstance(value, list):
            return [OpenApiModel._plain(v, masked) for v in cast("Sequence[Any]", value)]
        if isinstance(value, dict):
            return {k: OpenApiModel._plain(v, masked) for k, v in cast("Dict[str, Any]", value).items()}
        return value

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


class ModelNormal(OpenApiModel):
    """A model for an object schema with named properties (every schema of this API)."""

    __slots__ = ()


def drop_unknown_members(value: Any) -> Any:
    """Remove, in place and recursively, members the spec does not declare
    (``Configuration.discard_unknown_keys``); returns ``value``."""
    result = value
    if isinstance(value, OpenApiModel):
        known = value.attribute_map
        for key in [k for k in value if k not in known]:
            del value[key]
        for key in value:
            drop_unknown_members(value[key])
    elif isinstance(value, list):
        for item in cast("Sequence[Any]", value):
            drop_unknown_members(item)
    return result
