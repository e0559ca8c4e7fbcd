"""CategoryUpdateError, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class CategoryUpdateError(ModelNormal):
    """The outcome of a change for one category.

    Attributes:
        category_hash_code (int): Hash code of the category (int32). Read-only.
        error_code (str): Why the change was refused; ``OK`` when it was not. Read-only.
        error_message (str): Human-readable explanation of the error code. Read-only.
    """

    category_hash_code: Optional[int]
    error_code: Optional[str]
    error_message: Optional[str]

    _fields = (
        Field("category_hash_code", "categoryHashCode", "int", read_only=True, format="int32", description="Hash code of the category."),
        Field("error_code", "errorCode", "str", read_only=True, enum=("OK", "AccessDenied", "EnabledCategoryNumberExceeded", "CategoriesNotEnabled", "DuplicateCatalogEntry", "InvalidCatalogId", "InvalidCategoryHashcode", "InactiveCategory", "DuplicateCategoryEntry", "BiddingCategoriesOnThisCampaignNotAllowed", "CampaignNotInPortfolioOrNotActive", "DuplicateCampaignEntry", "BiddingOnThisCampaignNotAllowed", "BidNotInRange", "FourDecimalsNotAllowed", "BiddingOnTargetBudgetCampaignNotAllowed"), description="Why the change was refused; ``OK`` when it was not."),
        Field("error_message", "errorMessage", "str", read_only=True, description="Human-readable explanation of the error code."),
    )

    if TYPE_CHECKING:

        def __init__(self, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["category_hash_code"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["error_code"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["error_message"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
