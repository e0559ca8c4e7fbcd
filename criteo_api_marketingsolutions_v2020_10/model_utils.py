"""The model layer: every schema of the API is a short declarative subclass of ``ModelNormal``.

A model module lists its fields, for the engine and for type checkers::

    class OAuth2Error(ModelNormal):
        '''Error body of the token endpoint.'''

        error: str
        error_description: Optional[str]

        _fields = (
            Field("error", "error", "str", required=True),
            Field("error_description", "error_description", "str"),
        )

        if TYPE_CHECKING:
            def __init__(self, error: str, *, error_description: str = ..., **options: Unpack[ModelOptions]):
                ...

and the base gives it keyword construction (required fields also
positional), attribute and item access, ``get``, ``in``, ``to_dict``, ``==``,
``copy``/``pickle`` support, a pprint-friendly repr that masks secrets, strict
checks on values set locally, and lenient, fast loading of server responses.

Field types are written as strings, resolved once per class on first use:
``str``, ``int``, ``float``, ``bool``, ``date``, ``datetime``, ``object``
(free-form JSON object), ``bytes`` (raw body), a model name such as
``ReadAdSet``, ``[T]`` for a list of T and ``{str: T}`` for a map to T.

The code lives in ``_values`` (``UNSET``, naming), ``_type_specs`` (the
compiled types), ``_fields`` (``Field``) and ``_models`` (the base classes);
this module is where generated code and applications import it from.
"""

from criteo_api_marketingsolutions_v2020_10._fields import Field, constructor_signature
from criteo_api_marketingsolutions_v2020_10._models import ModelNormal, OpenApiModel, drop_unknown_members
from criteo_api_marketingsolutions_v2020_10._type_specs import TypeSpec, parse_type
from criteo_api_marketingsolutions_v2020_10._values import (
    MASK,
    UNSET,
    Mismatch,
    check_enum,
    describe_value,
    file_type,
    model_class,
    none_type,
    python_annotation,
    sanitize_for_serialization,
    to_snake,
)

_Mismatch = Mismatch
"""What a loader raises on a value of the wrong JSON type (the callers turn it into an error with its path)."""

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
    "MASK",
    "check_enum",
    "constructor_signature",
    "describe_value",
    "drop_unknown_members",
    "python_annotation",
    "sanitize_for_serialization",
    "Mismatch",
    "_Mismatch",
]
