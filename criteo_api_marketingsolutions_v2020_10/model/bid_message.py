"""BidMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class BidMessage(ModelNormal):
    """A bid: amount, currency, type and whether a change is pending.

    Attributes:
        bid_value (float): Amount of the bid (double).
        bid_currency (str): Currency of the bid (ISO 4217 code).
        bid_type (str): What the bid pays for.
        bid_is_pending (bool): Whether a change of the bid is waiting to take effect.
    """

    _fields = (
        Field("bid_value", "bidValue", "float", format="double", description="Amount of the bid."),
        Field("bid_currency", "bidCurrency", "str", description="Currency of the bid (ISO 4217 code)."),
        Field("bid_type", "bidType", "str", enum=("Unknown", "CPC", "COS", "CPO"), description="What the bid pays for."),
        Field("bid_is_pending", "bidIsPending", "bool", description="Whether a change of the bid is waiting to take effect."),
    )
