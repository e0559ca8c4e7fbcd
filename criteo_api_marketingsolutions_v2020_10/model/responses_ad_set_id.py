"""ResponsesAdSetId, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class ResponsesAdSetId(ModelNormal):
    """The ad sets started or stopped, with errors and warnings.

    Attributes:
        data ([ReadModelAdSetId]): The ad sets concerned. Read-only.
        warnings ([ProblemDetails]): Problems that did not make the request fail. Read-only.
        errors ([ProblemDetails]): Problems that made the request fail. Read-only.
    """

    _fields = (
        Field("data", "data", "[ReadModelAdSetId]", read_only=True, description="The ad sets concerned."),
        Field("warnings", "warnings", "[ProblemDetails]", read_only=True, description="Problems that did not make the request fail."),
        Field("errors", "errors", "[ProblemDetails]", read_only=True, description="Problems that made the request fail."),
    )
