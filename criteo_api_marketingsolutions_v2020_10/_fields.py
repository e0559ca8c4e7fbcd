"""``Field``: one property of a schema, as a generated model declares it.

``constructor_signature`` turns a model's fields into the signature that
``inspect.signature`` and ``help()`` show for the model class, and
``bind_arguments`` binds a constructor's arguments the way that signature says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Sequence, Tuple

from criteo_api_marketingsolutions_v2020_10._type_specs import TypeSpec, parse_type
from criteo_api_marketingsolutions_v2020_10._values import UNSET, check_enum, python_annotation
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiTypeError

if TYPE_CHECKING:
    from inspect import Signature

__all__ = ["Field", "bind_arguments", "constructor_signature"]


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


def constructor_signature(fields: Tuple[Field, ...]) -> Signature:
    """A model constructor's signature: required fields (positional or keyword),
    then the optional ones (keyword-only, ``UNSET`` by default), then the options.

    Read-only fields are left out: only the server sets them. Annotations are
    the strings generated code writes (``Optional`` where ``None`` is allowed).
    """
    import inspect

    kind = inspect.Parameter
    required: List[inspect.Parameter] = []
    optional: List[inspect.Parameter] = []
    for field in fields:
        annotation = python_annotation(field.type, field.enum)
        if field.nullable:
            annotation = f"Optional[{annotation}]"
        if field.required:
            required.append(kind(field.name, kind.POSITIONAL_OR_KEYWORD, annotation=annotation))
        elif not field.read_only:
            optional.append(kind(field.name, kind.KEYWORD_ONLY, default=UNSET, annotation=annotation))
    options = kind("options", kind.VAR_KEYWORD, annotation="Unpack[ModelOptions]")
    return inspect.Signature([*required, *optional, options])


def _too_many_positional(owner: str, required: Tuple[str, ...], given: int, path: List[Any]) -> ApiTypeError:
    names = ", ".join(required) or "none"
    return ApiTypeError(f"{owner}() takes {len(required)} positional arguments ({names}) but {given} were given", path)


def bind_arguments(
    owner: str,
    required: Tuple[str, ...],
    args: Tuple[Any, ...],
    kwargs: Dict[str, Any],
    path: List[Any],
    by_wire: Optional[Mapping[str, str]] = None,
) -> Dict[str, Any]:
    """A constructor's keyword arguments, with the positional ones (the required fields, in order) added.

    ``by_wire`` maps spec names to Python names, for ``_spec_property_naming``.
    Errors are ``ApiTypeError``s, worded like Python's own.
    """
    if len(args) > len(required):
        raise _too_many_positional(owner, required, len(args), path)
    if by_wire is not None:
        kwargs = {by_wire.get(key, key): value for key, value in kwargs.items()}
    for name, value in zip(required, args):
        if name in kwargs:
            raise ApiTypeError(f"{owner}() got multiple values for argument {name!r}", path)
        kwargs[name] = value
    missing = [name for name in required if name not in kwargs]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        raise ApiTypeError(f"{owner}() missing required argument{plural}: " + ", ".join(map(repr, missing)), path)
    return kwargs
