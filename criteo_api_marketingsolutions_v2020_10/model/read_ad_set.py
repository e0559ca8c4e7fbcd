"""ReadAdSet, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.ad_set_targeting import AdSetTargeting
from criteo_api_marketingsolutions_v2020_10.model.read_ad_set_bidding import ReadAdSetBidding
from criteo_api_marketingsolutions_v2020_10.model.read_ad_set_budget import ReadAdSetBudget
from criteo_api_marketingsolutions_v2020_10.model.read_ad_set_schedule import ReadAdSetSchedule
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class ReadAdSet(ModelNormal):
    """The settings of an ad set.

    Attributes:
        name (str): Name of the ad set.
        advertiser_id (str): Id of the advertiser.
        campaign_id (str): Id of the campaign the ad set belongs to.
        destination_environment (str): Where the ads lead: a website or an app.
        schedule (ReadAdSetSchedule): Dates and delivery status.
        bidding (ReadAdSetBidding): Bid amount and strategy.
        targeting (AdSetTargeting): Targeting settings.
        budget (ReadAdSetBudget): Budget settings.
    """

    name: Optional[str]
    advertiser_id: Optional[str]
    campaign_id: Optional[str]
    destination_environment: Optional[str]
    schedule: Optional[ReadAdSetSchedule]
    bidding: Optional[ReadAdSetBidding]
    targeting: Optional[AdSetTargeting]
    budget: Optional[ReadAdSetBudget]

    _fields = (
        Field("name", "name", "str", description="Name of the ad set."),
        Field("advertiser_id", "advertiserId", "str", description="Id of the advertiser."),
        Field("campaign_id", "campaignId", "str", description="Id of the campaign the ad set belongs to."),
        Field("destination_environment", "destinationEnvironment", "str", enum=("undefined", "web", "app"), description="Where the ads lead: a website or an app."),
        Field("schedule", "schedule", "ReadAdSetSchedule", description="Dates and delivery status."),
        Field("bidding", "bidding", "ReadAdSetBidding", description="Bid amount and strategy."),
        Field("targeting", "targeting", "AdSetTargeting", description="Targeting settings."),
        Field("budget", "budget", "ReadAdSetBudget", description="Budget settings."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, name: str = UNSET, advertiser_id: str = UNSET, campaign_id: str = UNSET, destination_environment: Literal["undefined", "web", "app"] = UNSET, schedule: ReadAdSetSchedule = UNSET, bidding: ReadAdSetBidding = UNSET, targeting: AdSetTargeting = UNSET, budget: ReadAdSetBudget = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["name"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["advertiser_id"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["campaign_id"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["destination_environment"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["schedule"], default: None = None) -> Optional[ReadAdSetSchedule]: ...

        @overload
        def get(self, name: Literal["bidding"], default: None = None) -> Optional[ReadAdSetBidding]: ...

        @overload
        def get(self, name: Literal["targeting"], default: None = None) -> Optional[AdSetTargeting]: ...

        @overload
        def get(self, name: Literal["budget"], default: None = None) -> Optional[ReadAdSetBudget]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
