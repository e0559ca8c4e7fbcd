"""CategoryMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class CategoryMessage(ModelNormal):
    """A category of a catalog, with its campaign, prices and bid.

    Attributes:
        category_hash_code (int): Hash code of the category (int32).
        category_name (str): Name of the category.
        catalog_id (int): Id of the catalog (int32).
        catalog_name (str): Name of the catalog.
        advertiser_id (int): Id of the advertiser (int32).
        advertiser_name (str): Name of the advertiser.
        campaign_id (int): Id of the campaign (int32).
        campaign_name (str): Name of the campaign.
        average_price (float): Average price of the products of the category (double).
        number_of_products (int): Number of products in the category (int32).
        category_bid (BidMessage): The bid of the category.
        enabled (bool): Whether the category is enabled.
    """

    _fields = (
        Field("category_hash_code", "categoryHashCode", "int", format="int32", description="Hash code of the category."),
        Field("category_name", "categoryName", "str", description="Name of the category."),
        Field("catalog_id", "catalogId", "int", format="int32", description="Id of the catalog."),
        Field("catalog_name", "catalogName", "str", description="Name of the catalog."),
        Field("advertiser_id", "advertiserId", "int", format="int32", description="Id of the advertiser."),
        Field("advertiser_name", "advertiserName", "str", description="Name of the advertiser."),
        Field("campaign_id", "campaignId", "int", format="int32", description="Id of the campaign."),
        Field("campaign_name", "campaignName", "str", description="Name of the campaign."),
        Field("average_price", "averagePrice", "float", format="double", description="Average price of the products of the category."),
        Field("number_of_products", "numberOfProducts", "int", format="int32", description="Number of products in the category."),
        Field("category_bid", "categoryBid", "BidMessage", description="The bid of the category."),
        Field("enabled", "enabled", "bool", description="Whether the category is enabled."),
    )
