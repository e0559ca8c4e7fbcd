"""CategoryBidMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class CategoryBidMessage(ModelNormal):
    """The bid of one category.

    Attributes:
        category_hashcode (int): Hash code of the category (int32).
        category_name (str): Name of the category.
        category_bid (BidMessage): The bid of the category.
    """

    _fields = (
        Field("category_hashcode", "categoryHashcode", "int", format="int32", description="Hash code of the category."),
        Field("category_name", "categoryName", "str", description="Name of the category."),
        Field("category_bid", "categoryBid", "BidMessage", description="The bid of the category."),
    )
