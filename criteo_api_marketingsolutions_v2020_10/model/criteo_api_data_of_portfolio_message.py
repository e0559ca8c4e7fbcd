"""CriteoApiDataOfPortfolioMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class CriteoApiDataOfPortfolioMessage(ModelNormal):
    """One entry of the portfolio: an advertiser the application can access.

    Attributes:
        type (str): Type of the resource.
        id (str): Id of the advertiser.
        attributes (PortfolioMessage): Name of the advertiser.
        meta (object): Extra information, free-form.
    """

    _fields = (
        Field("type", "type", "str", enum=("campaign", "adset", "ad", "advertiser", "agency", "publisher", "address", "client", "contact", "industry"), description="Type of the resource."),
        Field("id", "id", "str", description="Id of the advertiser."),
        Field("attributes", "attributes", "PortfolioMessage", description="Name of the advertiser."),
        Field("meta", "meta", "object", description="Extra information, free-form."),
    )
