"""PatchAdSetBidding, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class PatchAdSetBidding(ModelNormal):
    """Bidding changes of an ad set.

    Attributes:
        bid_amount (NillableDecimal): Amount of the bid.
    """

    _fields = (
        Field("bid_amount", "bidAmount", "NillableDecimal", description="Amount of the bid."),
    )
