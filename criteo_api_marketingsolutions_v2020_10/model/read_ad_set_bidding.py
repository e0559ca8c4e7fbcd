"""ReadAdSetBidding, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.nillable_decimal import NillableDecimal
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class ReadAdSetBidding(ModelNormal):
    """Bidding settings of an ad set.

    Attributes:
        bid_amount (NillableDecimal): Amount of the bid.
        bid_strategy (str): What the bidding optimizes for.
        cost_controller (str): What the bid amount is the cost of.
    """

    bid_amount: Optional[NillableDecimal]
    bid_strategy: Optional[str]
    cost_controller: Optional[str]

    _fields = (
        Field("bid_amount", "bidAmount", "NillableDecimal", description="Amount of the bid."),
        Field("bid_strategy", "bidStrategy", "str", enum=("actions", "clicks", "conversions", "displays", "installs", "revenue", "storeConversions", "value", "viewedImpressions", "Visits", "completedVideoViews"), description="What the bidding optimizes for."),
        Field("cost_controller", "costController", "str", enum=("COS", "CPC", "CPI", "CPM", "CPO", "CPSV", "CPV", "dailyBudget"), description="What the bid amount is the cost of."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, bid_amount: NillableDecimal = UNSET, bid_strategy: Literal["actions", "clicks", "conversions", "displays", "installs", "revenue", "storeConversions", "value", "viewedImpressions", "Visits", "completedVideoViews"] = UNSET, cost_controller: Literal["COS", "CPC", "CPI", "CPM", "CPO", "CPSV", "CPV", "dailyBudget"] = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["bid_amount"], default: None = None) -> Optional[NillableDecimal]: ...

        @overload
        def get(self, name: Literal["bid_strategy"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["cost_controller"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
