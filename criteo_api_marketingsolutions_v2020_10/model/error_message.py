"""ErrorMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class ErrorMessage(ModelNormal):
    """An error reported by the report operations.

    Attributes:
        trace_id (str): Id of the request, to quote when contacting support (uuid). Read-only.
        type (str): Category of the problem. Read-only.
        code (str): Machine-readable code of the problem. Read-only.
        instance (str): The occurrence of the problem (the request or item concerned). Read-only.
        detail (str): Human-readable explanation of the problem. Read-only.
    """

    _fields = (
        Field("trace_id", "traceId", "str", read_only=True, format="uuid", description="Id of the request, to quote when contacting support."),
        Field("type", "type", "str", read_only=True, description="Category of the problem."),
        Field("code", "code", "str", read_only=True, description="Machine-readable code of the problem."),
        Field("instance", "instance", "str", read_only=True, description="The occurrence of the problem (the request or item concerned)."),
        Field("detail", "detail", "str", read_only=True, description="Human-readable explanation of the problem."),
    )
