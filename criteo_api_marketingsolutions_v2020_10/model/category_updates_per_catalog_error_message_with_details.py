"""CategoryUpdatesPerCatalogErrorMessageWithDetails, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.category_updates_per_catalog_error import (
    CategoryUpdatesPerCatalogError,
)
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class CategoryUpdatesPerCatalogErrorMessageWithDetails(ModelNormal):
    """A refused category change: a message and the outcome for the catalog.

    Attributes:
        message (str): Summary of the problem.
        details (CategoryUpdatesPerCatalogError): Outcome for the catalog concerned.
    """

    message: Optional[str]
    details: Optional[CategoryUpdatesPerCatalogError]

    _fields = (
        Field("message", "message", "str", description="Summary of the problem."),
        Field("details", "details", "CategoryUpdatesPerCatalogError", description="Outcome for the catalog concerned."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, message: str = UNSET, details: CategoryUpdatesPerCatalogError = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["message"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["details"], default: None = None) -> Optional[CategoryUpdatesPerCatalogError]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
