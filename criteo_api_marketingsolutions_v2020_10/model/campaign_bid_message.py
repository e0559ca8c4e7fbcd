"""CampaignBidMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class CampaignBidMessage(ModelNormal):
    """The bids of a campaign and of its categories.

    Attributes:
        campaign_id (int): Id of the campaign (int32).
        campaign_name (str): Name of the campaign.
        campaign_bid (BidMessage): The bid of the campaign.
        categories ([CategoryBidMessage]): Bids of the categories of the campaign.
        campaign_status (int): Status of the campaign, as a number (int32).
    """

    _fields = (
        Field("campaign_id", "campaignId", "int", format="int32", description="Id of the campaign."),
        Field("campaign_name", "campaignName", "str", description="Name of the campaign."),
        Field("campaign_bid", "campaignBid", "BidMessage", description="The bid of the campaign."),
        Field("categories", "categories", "[CategoryBidMessage]", description="Bids of the categories of the campaign."),
        Field("campaign_status", "campaignStatus", "int", format="int32", description="Status of the campaign, as a number."),
    )
