"""ReadAdSetBidding, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class ReadAdSetBidding(ModelNormal):
    """Bidding settings of an ad set.

    Attributes:
        bid_amount (NillableDecimal): Amount of the bid.
        bid_strategy (str): What the bidding optimizes for.
        cost_controller (str): What the bid amount is the cost of.
    """

    _fields = (
        Field("bid_amount", "bidAmount", "NillableDecimal", description="Amount of the bid."),
        Field("bid_strategy", "bidStrategy", "str", enum=("actions", "clicks", "conversions", "displays", "installs", "revenue", "storeConversions", "value", "viewedImpressions", "Visits", "completedVideoViews"), description="What the bidding optimizes for."),
        Field("cost_controller", "costController", "str", enum=("COS", "CPC", "CPI", "CPM", "CPO", "CPSV", "CPV", "dailyBudget"), description="What the bid amount is the cost of."),
    )
