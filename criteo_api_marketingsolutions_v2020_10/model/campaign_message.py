"""CampaignMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.bid_message import BidMessage
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class CampaignMessage(ModelNormal):
    """A campaign with its advertiser, budget, status and bid.

    Attributes:
        campaign_type (str): Kind of campaign.
        advertiser_name (str): Name of the advertiser.
        categories (list[int]): Hash codes of the categories of the campaign (int32).
        budget_id (int): Id of the budget of the campaign (int32).
        campaign_id (int): Id of the campaign (int32).
        campaign_name (str): Name of the campaign.
        advertiser_id (int): Id of the advertiser (int32).
        campaign_status (str): Whether the campaign is running, not running or archived.
        campaign_bid (BidMessage): The bid of the campaign.
    """

    campaign_type: Optional[str]
    advertiser_name: Optional[str]
    categories: Optional[list[int]]
    budget_id: Optional[int]
    campaign_id: Optional[int]
    campaign_name: Optional[str]
    advertiser_id: Optional[int]
    campaign_status: Optional[str]
    campaign_bid: Optional[BidMessage]

    _fields = (
        Field("campaign_type", "campaignType", "str", enum=("MidFunnel", "LowerFunnel", "AudienceSelling"), description="Kind of campaign."),
        Field("advertiser_name", "advertiserName", "str", description="Name of the advertiser."),
        Field("categories", "categories", "[int]", format="int32", description="Hash codes of the categories of the campaign."),
        Field("budget_id", "budgetId", "int", format="int32", description="Id of the budget of the campaign."),
        Field("campaign_id", "campaignId", "int", format="int32", description="Id of the campaign."),
        Field("campaign_name", "campaignName", "str", description="Name of the campaign."),
        Field("advertiser_id", "advertiserId", "int", format="int32", description="Id of the advertiser."),
        Field("campaign_status", "campaignStatus", "str", enum=("Running", "Archived", "NotRunning"), description="Whether the campaign is running, not running or archived."),
        Field("campaign_bid", "campaignBid", "BidMessage", description="The bid of the campaign."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, campaign_type: Literal["MidFunnel", "LowerFunnel", "AudienceSelling"] = UNSET, advertiser_name: str = UNSET, categories: list[int] = UNSET, budget_id: int = UNSET, campaign_id: int = UNSET, campaign_name: str = UNSET, advertiser_id: int = UNSET, campaign_status: Literal["Running", "Archived", "NotRunning"] = UNSET, campaign_bid: BidMessage = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["campaign_type"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["advertiser_name"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["categories"], default: None = None) -> Optional[list[int]]: ...

        @overload
        def get(self, name: Literal["budget_id"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["campaign_id"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["campaign_name"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["advertiser_id"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["campaign_status"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["campaign_bid"], default: None = None) -> Optional[BidMessage]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
