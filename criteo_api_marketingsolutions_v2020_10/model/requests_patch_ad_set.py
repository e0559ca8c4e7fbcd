"""RequestsPatchAdSet, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class RequestsPatchAdSet(ModelNormal):
    """Request body to change ad sets.

    Attributes:
        data ([WriteModelPatchAdSet]): The ad sets and their changes.
    """

    _fields = (
        Field("data", "data", "[WriteModelPatchAdSet]", description="The ad sets and their changes."),
    )
