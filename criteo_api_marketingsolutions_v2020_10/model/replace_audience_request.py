"""ReplaceAudienceRequest, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class ReplaceAudienceRequest(ModelNormal):
    """Request body to update an audience.

    Attributes:
        data (ReplaceAudience): The new values. Required.
    """

    _fields = (
        Field("data", "data", "ReplaceAudience", required=True, description="The new values."),
    )
