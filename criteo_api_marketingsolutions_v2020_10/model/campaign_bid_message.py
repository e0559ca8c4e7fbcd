"""CampaignBidMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.bid_message import BidMessage
from criteo_api_marketingsolutions_v2020_10.model.category_bid_message import CategoryBidMessage
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class CampaignBidMessage(ModelNormal):
    """The bids of a campaign and of its categories.

    Attributes:
        campaign_id (int): Id of the campaign (int32).
        campaign_name (str): Name of the campaign.
        campaign_bid (BidMessage): The bid of the campaign.
        categories (list[CategoryBidMessage]): Bids of the categories of the campaign.
        campaign_status (int): Status of the campaign, as a number (int32).
    """

    campaign_id: Optional[int]
    campaign_name: Optional[str]
    campaign_bid: Optional[BidMessage]
    categories: Optional[list[CategoryBidMessage]]
    campaign_status: Optional[int]

    _fields = (
        Field("campaign_id", "campaignId", "int", format="int32", description="Id of the campaign."),
        Field("campaign_name", "campaignName", "str", description="Name of the campaign."),
        Field("campaign_bid", "campaignBid", "BidMessage", description="The bid of the campaign."),
        Field("categories", "categories", "[CategoryBidMessage]", description="Bids of the categories of the campaign."),
        Field("campaign_status", "campaignStatus", "int", format="int32", description="Status of the campaign, as a number."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, campaign_id: int = UNSET, campaign_name: str = UNSET, campaign_bid: BidMessage = UNSET, categories: list[CategoryBidMessage] = UNSET, campaign_status: int = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["campaign_id"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["campaign_name"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["campaign_bid"], default: None = None) -> Optional[BidMessage]: ...

        @overload
        def get(self, name: Literal["categories"], default: None = None) -> Optional[list[CategoryBidMessage]]: ...

        @overload
        def get(self, name: Literal["campaign_status"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
