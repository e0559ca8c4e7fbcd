"""NillableDecimal, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class NillableDecimal(ModelNormal):
    """A decimal amount wrapped so that it may be left out.

    Attributes:
        value (float): The amount (double).
    """

    _fields = (
        Field("value", "value", "float", format="double", description="The amount."),
    )
