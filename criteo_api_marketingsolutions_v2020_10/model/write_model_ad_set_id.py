"""WriteModelAdSetId, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class WriteModelAdSetId(ModelNormal):
    """An ad set named by id, in a request.

    Attributes:
        id (str): Id of the ad set.
        type (str): Type of the resource.
    """

    _fields = (
        Field("id", "id", "str", description="Id of the ad set."),
        Field("type", "type", "str", description="Type of the resource."),
    )
