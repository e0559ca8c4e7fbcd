"""Audience, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class Audience(ModelNormal):
    """An audience: a list of users an advertiser can target.

    Attributes:
        type (str): Type of the resource. Required.
        id (str): Id of the audience. Required.
        attributes (AudienceAttributes): Name, owner, dates and sizes of the audience. Required.
    """

    _fields = (
        Field("type", "type", "str", required=True, description="Type of the resource."),
        Field("id", "id", "str", required=True, description="Id of the audience."),
        Field("attributes", "attributes", "AudienceAttributes", required=True, description="Name, owner, dates and sizes of the audience."),
    )
