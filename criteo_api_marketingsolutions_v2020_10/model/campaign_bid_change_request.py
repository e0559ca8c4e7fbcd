"""CampaignBidChangeRequest, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class CampaignBidChangeRequest(ModelNormal):
    """A new bid for a campaign and, optionally, for some of its categories.

    Attributes:
        campaign_id (int): Id of the campaign (int32).
        bid_value (float): New bid of the campaign (double).
        categories ([CategoryBidChangeRequest]): New bids of categories of the campaign.
    """

    _fields = (
        Field("campaign_id", "campaignId", "int", format="int32", description="Id of the campaign."),
        Field("bid_value", "bidValue", "float", format="double", description="New bid of the campaign."),
        Field("categories", "categories", "[CategoryBidChangeRequest]", description="New bids of categories of the campaign."),
    )
