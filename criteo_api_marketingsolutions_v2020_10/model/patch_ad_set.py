"""PatchAdSet, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class PatchAdSet(ModelNormal):
    """The ad set settings to change; the fields left out keep their value.

    Attributes:
        name (str): New name of the ad set.
        scheduling (PatchAdSetScheduling): New start and end dates.
        bidding (PatchAdSetBidding): New bid amount.
        targeting (AdSetTargeting): New targeting.
        budget (PatchAdSetBudget): New budget settings.
    """

    _fields = (
        Field("name", "name", "str", description="New name of the ad set."),
        Field("scheduling", "scheduling", "PatchAdSetScheduling", description="New start and end dates."),
        Field("bidding", "bidding", "PatchAdSetBidding", description="New bid amount."),
        Field("targeting", "targeting", "AdSetTargeting", description="New targeting."),
        Field("budget", "budget", "PatchAdSetBudget", description="New budget settings."),
    )
