"""AudienceNameDescription, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class AudienceNameDescription(ModelNormal):
    """The editable fields of an audience.

    Attributes:
        name (str): Name of the audience.
        description (str): Free-text description of the audience.
    """

    name: Optional[str]
    description: Optional[str]

    _fields = (
        Field("name", "name", "str", description="Name of the audience."),
        Field("description", "description", "str", description="Free-text description of the audience."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, name: str = UNSET, description: str = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["name"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["description"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
