"""CriteoApiError, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class CriteoApiError(ModelNormal):
    """An error reported by the portfolio operation.

    Attributes:
        trace_id (str): Id of the request, to quote when contacting support.
        type (str): Category of the problem.
        code (str): Machine-readable code of the problem.
        instance (str): The occurrence of the problem (the request or item concerned).
        title (str): Short, human-readable summary of the problem.
        detail (str): Human-readable explanation of the problem.
        source (dict[str, str]): The part of the request the problem is about.
    """

    trace_id: Optional[str]
    type: Optional[str]
    code: Optional[str]
    instance: Optional[str]
    title: Optional[str]
    detail: Optional[str]
    source: Optional[dict[str, str]]

    _fields = (
        Field("trace_id", "traceId", "str", description="Id of the request, to quote when contacting support."),
        Field("type", "type", "str", enum=("access_control", "authentication", "authorization", "availability", "deprecation", "quota", "validation"), description="Category of the problem."),
        Field("code", "code", "str", enum=("internal-error", "deprecated-field", "endpoint-deprecated", "required-field", "invalid-date-format", "invalid", "invalid-ranged", "invalid-timespan"), description="Machine-readable code of the problem."),
        Field("instance", "instance", "str", description="The occurrence of the problem (the request or item concerned)."),
        Field("title", "title", "str", description="Short, human-readable summary of the problem."),
        Field("detail", "detail", "str", description="Human-readable explanation of the problem."),
        Field("source", "source", "{str: str}", description="The part of the request the problem is about."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, trace_id: str = UNSET, type: Literal["access_control", "authentication", "authorization", "availability", "deprecation", "quota", "validation"] = UNSET, code: Literal["internal-error", "deprecated-field", "endpoint-deprecated", "required-field", "invalid-date-format", "invalid", "invalid-ranged", "invalid-timespan"] = UNSET, instance: str = UNSET, title: str = UNSET, detail: str = UNSET, source: dict[str, str] = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["trace_id"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["type"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["code"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["instance"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["title"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["detail"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["source"], default: None = None) -> Optional[dict[str, str]]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
