"""PortfolioMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class PortfolioMessage(ModelNormal):
    """The fields of a portfolio entry.

    Attributes:
        advertiser_name (str): Name of the advertiser.
    """

    _fields = (
        Field("advertiser_name", "advertiserName", "str", description="Name of the advertiser."),
    )
