"""ErrorMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class ErrorMessage(ModelNormal):
    """An error reported by the report operations.

    Attributes:
        trace_id (str): Id of the request, to quote when contacting support (uuid). Read-only.
        type (str): Category of the problem. Read-only.
        code (str): Machine-readable code of the problem. Read-only.
        instance (str): The occurrence of the problem (the request or item concerned). Read-only.
        title (str): Short, human-readable summary of the problem. Read-only.
        detail (str): Human-readable explanation of the problem. Read-only.
    """

    trace_id: Optional[str]
    type: Optional[str]
    code: Optional[str]
    instance: Optional[str]
    title: Optional[str]
    detail: Optional[str]

    _fields = (
        Field("trace_id", "traceId", "str", read_only=True, format="uuid", description="Id of the request, to quote when contacting support."),
        Field("type", "type", "str", read_only=True, description="Category of the problem."),
        Field("code", "code", "str", read_only=True, description="Machine-readable code of the problem."),
        Field("instance", "instance", "str", read_only=True, description="The occurrence of the problem (the request or item concerned)."),
        Field("title", "title", "str", read_only=True, description="Short, human-readable summary of the problem."),
        Field("detail", "detail", "str", read_only=True, description="Human-readable explanation of the problem."),
    )

    if TYPE_CHECKING:

        def __init__(self, **options: Unpack[ModelOptions]) -> None:
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
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
