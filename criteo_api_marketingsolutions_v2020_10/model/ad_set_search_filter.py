"""AdSetSearchFilter, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class AdSetSearchFilter(ModelNormal):
    """The ids an ad set search filters on; a list left out does not filter.

    Attributes:
        ad_set_ids ([str]): Ids of the ad sets to return.
        advertiser_ids ([str]): Only ad sets of these advertisers.
        campaign_ids ([str]): Only ad sets of these campaigns.
    """

    _fields = (
        Field("ad_set_ids", "adSetIds", "[str]", description="Ids of the ad sets to return."),
        Field("advertiser_ids", "advertiserIds", "[str]", description="Only ad sets of these advertisers."),
        Field("campaign_ids", "campaignIds", "[str]", description="Only ad sets of these campaigns."),
    )
