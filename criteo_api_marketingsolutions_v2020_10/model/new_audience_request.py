"""NewAudienceRequest, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class NewAudienceRequest(ModelNormal):
    """Request body to create an audience.

    Attributes:
        data (NewAudience): The audience to create.
    """

    _fields = (
        Field("data", "data", "NewAudience", description="The audience to create."),
    )
