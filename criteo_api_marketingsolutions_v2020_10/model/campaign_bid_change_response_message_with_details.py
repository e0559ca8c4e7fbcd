"""CampaignBidChangeResponseMessageWithDetails, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class CampaignBidChangeResponseMessageWithDetails(ModelNormal):
    """A refused bid change: a message and the outcome for the campaign.

    Attributes:
        message (str): Summary of the problem.
        details (CampaignBidChangeResponse): Outcome for the campaign concerned.
    """

    _fields = (
        Field("message", "message", "str", description="Summary of the problem."),
        Field("details", "details", "CampaignBidChangeResponse", description="Outcome for the campaign concerned."),
    )
