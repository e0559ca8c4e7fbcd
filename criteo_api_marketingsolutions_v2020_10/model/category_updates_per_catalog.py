"""CategoryUpdatesPerCatalog, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.category_update_input import CategoryUpdateInput
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class CategoryUpdatesPerCatalog(ModelNormal):
    """Category changes within one catalog.

    Attributes:
        catalog_id (int): Id of the catalog (int32).
        categories (list[CategoryUpdateInput]): The categories concerned.
    """

    catalog_id: Optional[int]
    categories: Optional[list[CategoryUpdateInput]]

    _fields = (
        Field("catalog_id", "catalogId", "int", format="int32", description="Id of the catalog."),
        Field("categories", "categories", "[CategoryUpdateInput]", description="The categories concerned."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, catalog_id: int = UNSET, categories: list[CategoryUpdateInput] = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["catalog_id"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["categories"], default: None = None) -> Optional[list[CategoryUpdateInput]]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
