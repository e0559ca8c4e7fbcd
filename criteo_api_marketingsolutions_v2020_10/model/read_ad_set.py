"""ReadAdSet, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class ReadAdSet(ModelNormal):
    """The settings of an ad set.

    Attributes:
        name (str): Name of the ad set.
        advertiser_id (str): Id of the advertiser.
        campaign_id (str): Id of the campaign the ad set belongs to.
        destination_environment (str): Where the ads lead: a website or an app.
        schedule (ReadAdSetSchedule): Dates and delivery status.
        bidding (ReadAdSetBidding): Bid amount and strategy.
        targeting (AdSetTargeting): Targeting settings.
        budget (ReadAdSetBudget): Budget settings.
    """

    _fields = (
        Field("name", "name", "str", description="Name of the ad set."),
        Field("advertiser_id", "advertiserId", "str", description="Id of the advertiser."),
        Field("campaign_id", "campaignId", "str", description="Id of the campaign the ad set belongs to."),
        Field("destination_environment", "destinationEnvironment", "str", enum=("undefined", "web", "app"), description="Where the ads lead: a website or an app."),
        Field("schedule", "schedule", "ReadAdSetSchedule", description="Dates and delivery status."),
        Field("bidding", "bidding", "ReadAdSetBidding", description="Bid amount and strategy."),
        Field("targeting", "targeting", "AdSetTargeting", description="Targeting settings."),
        Field("budget", "budget", "ReadAdSetBudget", description="Budget settings."),
    )
