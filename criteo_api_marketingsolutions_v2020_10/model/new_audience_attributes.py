"""NewAudienceAttributes, the inline ``attributes`` object of NewAudience in the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class NewAudienceAttributes(ModelNormal):
    """The name and owner of a new audience.

    Attributes:
        advertiser_id (str): Id of the advertiser the audience is for.
        name (str): Name of the audience. Required.
    """

    _fields = (
        Field("advertiser_id", "advertiserId", "str", description="Id of the advertiser the audience is for."),
        Field("name", "name", "str", required=True, description="Name of the audience."),
    )
