"""ReadAdSetBudget, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.nillable_decimal import NillableDecimal
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class ReadAdSetBudget(ModelNormal):
    """Budget settings of an ad set.

    Attributes:
        budget_strategy (str): Whether the budget is capped.
        budget_renewal (str): How often the budget starts again.
        budget_delivery_smoothing (str): Spend the budget as fast as possible or evenly over the period.
        budget_delivery_week (str): The days a weekly budget period runs from and to.
        budget_amount (NillableDecimal): Amount of the budget.
    """

    budget_strategy: Optional[str]
    budget_renewal: Optional[str]
    budget_delivery_smoothing: Optional[str]
    budget_delivery_week: Optional[str]
    budget_amount: Optional[NillableDecimal]

    _fields = (
        Field("budget_strategy", "budgetStrategy", "str", enum=("capped", "uncapped"), description="Whether the budget is capped."),
        Field("budget_renewal", "budgetRenewal", "str", enum=("undefined", "daily", "monthly", "lifetime"), description="How often the budget starts again."),
        Field("budget_delivery_smoothing", "budgetDeliverySmoothing", "str", enum=("accelerated", "standard"), description="Spend the budget as fast as possible or evenly over the period."),
        Field("budget_delivery_week", "budgetDeliveryWeek", "str", enum=("undefined", "mondayToSunday", "tuesdayToMonday", "wednesdayToTuesday", "thursdayToWednesday", "fridayToThursday", "saturdayToFriday", "sundayToSaturday"), description="The days a weekly budget period runs from and to."),
        Field("budget_amount", "budgetAmount", "NillableDecimal", description="Amount of the budget."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, budget_strategy: Literal["capped", "uncapped"] = UNSET, budget_renewal: Literal["undefined", "daily", "monthly", "lifetime"] = UNSET, budget_delivery_smoothing: Literal["accelerated", "standard"] = UNSET, budget_delivery_week: Literal["undefined", "mondayToSunday", "tuesdayToMonday", "wednesdayToTuesday", "thursdayToWednesday", "fridayToThursday", "saturdayToFriday", "sundayToSaturday"] = UNSET, budget_amount: NillableDecimal = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["budget_strategy"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["budget_renewal"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["budget_delivery_smoothing"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["budget_delivery_week"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["budget_amount"], default: None = None) -> Optional[NillableDecimal]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
