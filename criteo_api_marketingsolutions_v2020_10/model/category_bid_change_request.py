"""CategoryBidChangeRequest, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class CategoryBidChangeRequest(ModelNormal):
    """A new bid for one category.

    Attributes:
        category_hashcode (int): Hash code of the category (int32).
        bid_value (float): New bid of the category (double).
    """

    _fields = (
        Field("category_hashcode", "categoryHashcode", "int", format="int32", description="Hash code of the category."),
        Field("bid_value", "bidValue", "float", format="double", description="New bid of the category."),
    )
