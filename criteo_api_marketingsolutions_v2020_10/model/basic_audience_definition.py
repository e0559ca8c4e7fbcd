"""BasicAudienceDefinition, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class BasicAudienceDefinition(ModelNormal):
    """The id, type and name of an audience.

    Attributes:
        id (str): Id of the audience. Required.
        type (str): Type of the resource. Required.
        attributes (AudienceNameDescription): Name of the audience.
    """

    _fields = (
        Field("id", "id", "str", required=True, description="Id of the audience."),
        Field("type", "type", "str", required=True, description="Type of the resource."),
        Field("attributes", "attributes", "AudienceNameDescription", description="Name of the audience."),
    )
