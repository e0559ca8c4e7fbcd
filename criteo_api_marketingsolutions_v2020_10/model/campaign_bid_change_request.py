"""CampaignBidChangeRequest, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.category_bid_change_request import CategoryBidChangeRequest
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class CampaignBidChangeRequest(ModelNormal):
    """A new bid for a campaign and, optionally, for some of its categories.

    Attributes:
        campaign_id (int): Id of the campaign (int32).
        bid_value (float): New bid of the campaign (double).
        categories (list[CategoryBidChangeRequest]): New bids of categories of the campaign.
    """

    campaign_id: Optional[int]
    bid_value: Optional[float]
    categories: Optional[list[CategoryBidChangeRequest]]

    _fields = (
        Field("campaign_id", "campaignId", "int", format="int32", description="Id of the campaign."),
        Field("bid_value", "bidValue", "float", format="double", description="New bid of the campaign."),
        Field("categories", "categories", "[CategoryBidChangeRequest]", description="New bids of categories of the campaign."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, campaign_id: int = UNSET, bid_value: float = UNSET, categories: list[CategoryBidChangeRequest] = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["campaign_id"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["bid_value"], default: None = None) -> Optional[float]: ...

        @overload
        def get(self, name: Literal["categories"], default: None = None) -> Optional[list[CategoryBidChangeRequest]]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
