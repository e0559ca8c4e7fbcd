"""PatchAdSet, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.ad_set_targeting import AdSetTargeting
from criteo_api_marketingsolutions_v2020_10.model.patch_ad_set_bidding import PatchAdSetBidding
from criteo_api_marketingsolutions_v2020_10.model.patch_ad_set_budget import PatchAdSetBudget
from criteo_api_marketingsolutions_v2020_10.model.patch_ad_set_scheduling import PatchAdSetScheduling
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class PatchAdSet(ModelNormal):
    """The ad set settings to change; the fields left out keep their value.

    Attributes:
        name (str): New name of the ad set.
        scheduling (PatchAdSetScheduling): New start and end dates.
        bidding (PatchAdSetBidding): New bid amount.
        targeting (AdSetTargeting): New targeting.
        budget (PatchAdSetBudget): New budget settings.
    """

    name: Optional[str]
    scheduling: Optional[PatchAdSetScheduling]
    bidding: Optional[PatchAdSetBidding]
    targeting: Optional[AdSetTargeting]
    budget: Optional[PatchAdSetBudget]

    _fields = (
        Field("name", "name", "str", description="New name of the ad set."),
        Field("scheduling", "scheduling", "PatchAdSetScheduling", description="New start and end dates."),
        Field("bidding", "bidding", "PatchAdSetBidding", description="New bid amount."),
        Field("targeting", "targeting", "AdSetTargeting", description="New targeting."),
        Field("budget", "budget", "PatchAdSetBudget", description="New budget settings."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, name: str = UNSET, scheduling: PatchAdSetScheduling = UNSET, bidding: PatchAdSetBidding = UNSET, targeting: AdSetTargeting = UNSET, budget: PatchAdSetBudget = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["name"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["scheduling"], default: None = None) -> Optional[PatchAdSetScheduling]: ...

        @overload
        def get(self, name: Literal["bidding"], default: None = None) -> Optional[PatchAdSetBidding]: ...

        @overload
        def get(self, name: Literal["targeting"], default: None = None) -> Optional[AdSetTargeting]: ...

        @overload
        def get(self, name: Literal["budget"], default: None = None) -> Optional[PatchAdSetBudget]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
