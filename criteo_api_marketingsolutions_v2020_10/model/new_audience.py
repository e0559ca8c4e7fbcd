"""NewAudience, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class NewAudience(ModelNormal):
    """An audience to create.

    Attributes:
        type (str): Type of the resource. Required.
        attributes (NewAudienceAttributes): Name and owner of the new audience. Required.
    """

    _fields = (
        Field("type", "type", "str", required=True, description="Type of the resource."),
        Field("attributes", "attributes", "NewAudienceAttributes", required=True, description="Name and owner of the new audience."),
    )
