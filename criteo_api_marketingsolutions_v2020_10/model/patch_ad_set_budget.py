"""PatchAdSetBudget, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class PatchAdSetBudget(ModelNormal):
    """Budget changes of an ad set.

    Attributes:
        budget_strategy (str): Whether the budget is capped.
        budget_renewal (str): How often the budget starts again.
        budget_delivery_smoothing (str): Spend the budget as fast as possible or evenly over the period.
        budget_delivery_week (str): The days a weekly budget period runs from and to.
        budget_amount (NillableDecimal): Amount of the budget.
    """

    _fields = (
        Field("budget_strategy", "budgetStrategy", "str", enum=("capped", "uncapped"), description="Whether the budget is capped."),
        Field("budget_renewal", "budgetRenewal", "str", enum=("undefined", "daily", "monthly", "lifetime"), description="How often the budget starts again."),
        Field("budget_delivery_smoothing", "budgetDeliverySmoothing", "str", enum=("accelerated", "standard"), description="Spend the budget as fast as possible or evenly over the period."),
        Field("budget_delivery_week", "budgetDeliveryWeek", "str", enum=("undefined", "mondayToSunday", "tuesdayToMonday", "wednesdayToTuesday", "thursdayToWednesday", "fridayToThursday", "saturdayToFriday", "sundayToSaturday"), description="The days a weekly budget period runs from and to."),
        Field("budget_amount", "budgetAmount", "NillableDecimal", description="Amount of the budget."),
    )
