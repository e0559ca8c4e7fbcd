"""DeleteAudienceResponse, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.audience_error import AudienceError
from criteo_api_marketingsolutions_v2020_10.model.audience_warning import AudienceWarning
from criteo_api_marketingsolutions_v2020_10.model.basic_audience_definition import BasicAudienceDefinition
from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class DeleteAudienceResponse(ModelNormal):
    """Response to deleting an audience.

    Attributes:
        data (BasicAudienceDefinition): The deleted audience. Required.
        errors (list[AudienceError]): Problems that made the request fail. Required.
        warnings (list[AudienceWarning]): Problems that did not make the request fail. Required.
    """

    data: BasicAudienceDefinition
    errors: list[AudienceError]
    warnings: list[AudienceWarning]

    _fields = (
        Field("data", "data", "BasicAudienceDefinition", required=True, description="The deleted audience."),
        Field("errors", "errors", "[AudienceError]", required=True, description="Problems that made the request fail."),
        Field("warnings", "warnings", "[AudienceWarning]", required=True, description="Problems that did not make the request fail."),
    )

    if TYPE_CHECKING:

        def __init__(self, data: BasicAudienceDefinition, errors: list[AudienceError], warnings: list[AudienceWarning], **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field; required ones may also be given by position."""

        @overload
        def get(self, name: Literal["data"], default: None = None) -> Optional[BasicAudienceDefinition]: ...

        @overload
        def get(self, name: Literal["errors"], default: None = None) -> Optional[list[AudienceError]]: ...

        @overload
        def get(self, name: Literal["warnings"], default: None = None) -> Optional[list[AudienceWarning]]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
