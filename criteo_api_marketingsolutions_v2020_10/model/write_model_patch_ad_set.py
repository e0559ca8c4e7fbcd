"""WriteModelPatchAdSet, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class WriteModelPatchAdSet(ModelNormal):
    """An ad set and the changes to make to it.

    Attributes:
        id (str): Id of the ad set.
        type (str): Type of the resource.
        attributes (PatchAdSet): The changes to make.
    """

    _fields = (
        Field("id", "id", "str", description="Id of the ad set."),
        Field("type", "type", "str", description="Type of the resource."),
        Field("attributes", "attributes", "PatchAdSet", description="The changes to make."),
    )
