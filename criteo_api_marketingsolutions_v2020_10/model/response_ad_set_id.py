"""ResponseAdSetId, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.problem_details import ProblemDetails
from criteo_api_marketingsolutions_v2020_10.model.read_model_ad_set_id import ReadModelAdSetId
from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class ResponseAdSetId(ModelNormal):
    """The ad sets a change was applied to, with errors and warnings.

    Attributes:
        data (list[ReadModelAdSetId]): The ad sets changed. Read-only.
        warnings (list[ProblemDetails]): Problems that did not make the request fail. Read-only.
        errors (list[ProblemDetails]): Problems that made the request fail. Read-only.
    """

    data: Optional[list[ReadModelAdSetId]]
    warnings: Optional[list[ProblemDetails]]
    errors: Optional[list[ProblemDetails]]

    _fields = (
        Field("data", "data", "[ReadModelAdSetId]", read_only=True, description="The ad sets changed."),
        Field("warnings", "warnings", "[ProblemDetails]", read_only=True, description="Problems that did not make the request fail."),
        Field("errors", "errors", "[ProblemDetails]", read_only=True, description="Problems that made the request fail."),
    )

    if TYPE_CHECKING:

        def __init__(self, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["data"], default: None = None) -> Optional[list[ReadModelAdSetId]]: ...

        @overload
        def get(self, name: Literal["warnings"], default: None = None) -> Optional[list[ProblemDetails]]: ...

        @overload
        def get(self, name: Literal["errors"], default: None = None) -> Optional[list[ProblemDetails]]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
