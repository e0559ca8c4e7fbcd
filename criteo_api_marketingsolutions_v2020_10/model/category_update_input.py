"""CategoryUpdateInput, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class CategoryUpdateInput(ModelNormal):
    """Enables or disables one category.

    Attributes:
        category_hash_code (int): Hash code of the category (int32).
        enabled (bool): ``true`` to enable the category, ``false`` to disable it.
    """

    category_hash_code: Optional[int]
    enabled: Optional[bool]

    _fields = (
        Field("category_hash_code", "categoryHashCode", "int", format="int32", description="Hash code of the category."),
        Field("enabled", "enabled", "bool", description="``true`` to enable the category, ``false`` to disable it."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, category_hash_code: int = UNSET, enabled: bool = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["category_hash_code"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["enabled"], default: None = None) -> Optional[bool]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
