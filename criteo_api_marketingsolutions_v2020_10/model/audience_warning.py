"""AudienceWarning, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class AudienceWarning(ModelNormal):
    """A warning reported by the audience operations.

    Attributes:
        trace_id (str): Id of the request, to quote when contacting support.
        type (str): Category of the problem. Required.
        code (str): Machine-readable code of the problem. Required.
        instance (str): The occurrence of the problem (the request or item concerned). Required.
        title (str): Short, human-readable summary of the problem.
        detail (str): Human-readable explanation of the problem. Required.
        source (dict[str, Any]): The part of the request the problem is about.
        stack_trace (list[str]): Server-side trace of the problem, when the server includes one.
    """

    trace_id: Optional[str]
    type: str
    code: str
    instance: str
    title: Optional[str]
    detail: str
    source: Optional[dict[str, Any]]
    stack_trace: Optional[list[str]]

    _fields = (
        Field("trace_id", "traceId", "str", description="Id of the request, to quote when contacting support."),
        Field("type", "type", "str", required=True, enum=("access-control", "authentication", "authorization", "availability", "deprecation", "quota", "validation"), description="Category of the problem."),
        Field("code", "code", "str", required=True, description="Machine-readable code of the problem."),
        Field("instance", "instance", "str", required=True, description="The occurrence of the problem (the request or item concerned)."),
        Field("title", "title", "str", description="Short, human-readable summary of the problem."),
        Field("detail", "detail", "str", required=True, description="Human-readable explanation of the problem."),
        Field("source", "source", "object", description="The part of the request the problem is about."),
        Field("stack_trace", "stackTrace", "[str]", description="Server-side trace of the problem, when the server includes one."),
    )

    if TYPE_CHECKING:

        def __init__(self, type: Literal["access-control", "authentication", "authorization", "availability", "deprecation", "quota", "validation"], code: str, instance: str, detail: str, *, trace_id: str = UNSET, title: str = UNSET, source: dict[str, Any] = UNSET, stack_trace: list[str] = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field; required ones may also be given by position."""

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
        def get(self, name: Literal["source"], default: None = None) -> Optional[dict[str, Any]]: ...

        @overload
        def get(self, name: Literal["stack_trace"], default: None = None) -> Optional[list[str]]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
