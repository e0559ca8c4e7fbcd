"""RequestsAdSetId, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class RequestsAdSetId(ModelNormal):
    """Request body naming the ad sets to start or stop.

    Attributes:
        data ([WriteModelAdSetId]): The ad sets.
    """

    _fields = (
        Field("data", "data", "[WriteModelAdSetId]", description="The ad sets."),
    )
