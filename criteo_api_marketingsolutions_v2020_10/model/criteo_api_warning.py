"""CriteoApiWarning, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class CriteoApiWarning(ModelNormal):
    """A warning reported by the portfolio operation.

    Attributes:
        trace_id (str): Id of the request, to quote when contacting support.
        type (str): Category of the problem.
        code (str): Machine-readable code of the problem.
        instance (str): The occurrence of the problem (the request or item concerned).
        detail (str): Human-readable explanation of the problem.
    """

    _fields = (
        Field("trace_id", "traceId", "str", description="Id of the request, to quote when contacting support."),
        Field("type", "type", "str", enum=("access_control", "authentication", "authorization", "availability", "deprecation", "quota", "validation"), description="Category of the problem."),
        Field("code", "code", "str", enum=("internal-error", "deprecated-field", "endpoint-deprecated", "required-field", "invalid-date-format", "invalid", "invalid-ranged", "invalid-timespan"), description="Machine-readable code of the problem."),
        Field("instance", "instance", "str", description="The occurrence of the problem (the request or item concerned)."),
        Field("detail", "detail", "str", description="Human-readable explanation of the problem."),
    )
