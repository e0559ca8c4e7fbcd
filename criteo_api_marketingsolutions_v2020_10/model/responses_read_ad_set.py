"""ResponsesReadAdSet, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.problem_details import ProblemDetails
from criteo_api_marketingsolutions_v2020_10.model.read_model_read_ad_set import ReadModelReadAdSet
from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class ResponsesReadAdSet(ModelNormal):
    """The ad sets found, with errors and warnings.

    Attributes:
        data (list[ReadModelReadAdSet]): The ad sets found. Read-only.
        warnings (list[ProblemDetails]): Problems that did not make the request fail. Read-only.
        errors (list[ProblemDetails]): Problems that made the request fail. Read-only.
    """

    data: Optional[list[ReadModelReadAdSet]]
    warnings: Optional[list[ProblemDetails]]
    errors: Optional[list[ProblemDetails]]

    _fields = (
        Field("data", "data", "[ReadModelReadAdSet]", read_only=True, description="The ad sets found."),
        Field("warnings", "warnings", "[ProblemDetails]", read_only=True, description="Problems that did not make the request fail."),
        Field("errors", "errors", "[ProblemDetails]", read_only=True, description="Problems that made the request fail."),
    )

    if TYPE_CHECKING:

        def __init__(self, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["data"], default: None = None) -> Optional[list[ReadModelReadAdSet]]: ...

        @overload
        def get(self, name: Literal["warnings"], default: None = None) -> Optional[list[ProblemDetails]]: ...

        @overload
        def get(self, name: Literal["errors"], default: None = None) -> Optional[list[ProblemDetails]]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
