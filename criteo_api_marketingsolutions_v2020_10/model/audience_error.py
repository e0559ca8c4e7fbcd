"""AudienceError, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class AudienceError(ModelNormal):
    """An error reported by the audience operations.

    Attributes:
        trace_id (str): Id of the request, to quote when contacting support.
        type (str): Category of the problem. Required.
        code (str): Machine-readable code of the problem. Required.
        instance (str): The occurrence of the problem (the request or item concerned). Required.
        detail (str): Human-readable explanation of the problem.
        source (object): The part of the request the problem is about.
        stack_trace ([str]): Server-side trace of the problem, when the server includes one.
    """

    _fields = (
        Field("trace_id", "traceId", "str", description="Id of the request, to quote when contacting support."),
        Field("type", "type", "str", required=True, enum=("access-control", "authentication", "authorization", "availability", "deprecation", "quota", "validation"), description="Category of the problem."),
        Field("code", "code", "str", required=True, description="Machine-readable code of the problem."),
        Field("instance", "instance", "str", required=True, description="The occurrence of the problem (the request or item concerned)."),
        Field("detail", "detail", "str", description="Human-readable explanation of the problem."),
        Field("source", "source", "object", description="The part of the request the problem is about."),
        Field("stack_trace", "stackTrace", "[str]", description="Server-side trace of the problem, when the server includes one."),
    )
