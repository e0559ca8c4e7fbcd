"""ReplaceAudience, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class ReplaceAudience(ModelNormal):
    """New values for an audience.

    Attributes:
        type (str): Type of the resource. Required.
        attributes (AudienceNameDescription): The new name of the audience. Required.
    """

    _fields = (
        Field("type", "type", "str", required=True, description="Type of the resource."),
        Field("attributes", "attributes", "AudienceNameDescription", required=True, description="The new name of the audience."),
    )
