"""CategoryUpdatesPerCatalogError, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.category_update_error import CategoryUpdateError
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class CategoryUpdatesPerCatalogError(ModelNormal):
    """The outcome of the category changes for one catalog.

    Attributes:
        catalog_id (int): Id of the catalog (int32). Read-only.
        error_code (str): Why the change was refused; ``OK`` when it was not.
        error_message (str): Human-readable explanation of the error code. Read-only.
        categories (list[CategoryUpdateError]): Outcome for each category.
    """

    catalog_id: Optional[int]
    error_code: Optional[str]
    error_message: Optional[str]
    categories: Optional[list[CategoryUpdateError]]

    _fields = (
        Field("catalog_id", "catalogId", "int", read_only=True, format="int32", description="Id of the catalog."),
        Field("error_code", "errorCode", "str", enum=("OK", "AccessDenied", "EnabledCategoryNumberExceeded", "CategoriesNotEnabled", "DuplicateCatalogEntry", "InvalidCatalogId", "InvalidCategoryHashcode", "InactiveCategory", "DuplicateCategoryEntry", "BiddingCategoriesOnThisCampaignNotAllowed", "CampaignNotInPortfolioOrNotActive", "DuplicateCampaignEntry", "BiddingOnThisCampaignNotAllowed", "BidNotInRange", "FourDecimalsNotAllowed", "BiddingOnTargetBudgetCampaignNotAllowed"), description="Why the change was refused; ``OK`` when it was not."),
        Field("error_message", "errorMessage", "str", read_only=True, description="Human-readable explanation of the error code."),
        Field("categories", "categories", "[CategoryUpdateError]", description="Outcome for each category."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, error_code: Literal["OK", "AccessDenied", "EnabledCategoryNumberExceeded", "CategoriesNotEnabled", "DuplicateCatalogEntry", "InvalidCatalogId", "InvalidCategoryHashcode", "InactiveCategory", "DuplicateCategoryEntry", "BiddingCategoriesOnThisCampaignNotAllowed", "CampaignNotInPortfolioOrNotActive", "DuplicateCampaignEntry", "BiddingOnThisCampaignNotAllowed", "BidNotInRange", "FourDecimalsNotAllowed", "BiddingOnTargetBudgetCampaignNotAllowed"] = UNSET, categories: list[CategoryUpdateError] = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["catalog_id"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["error_code"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["error_message"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["categories"], default: None = None) -> Optional[list[CategoryUpdateError]]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
