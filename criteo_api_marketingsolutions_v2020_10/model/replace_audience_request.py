"""ReplaceAudienceRequest, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.replace_audience import ReplaceAudience
from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class ReplaceAudienceRequest(ModelNormal):
    """Request body to update an audience.

    Attributes:
        data (ReplaceAudience): The new values. Required.
    """

    data: ReplaceAudience

    _fields = (
        Field("data", "data", "ReplaceAudience", required=True, description="The new values."),
    )

    if TYPE_CHECKING:

        def __init__(self, data: ReplaceAudience, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field; required ones may also be given by position."""

        @overload
        def get(self, name: Literal["data"], default: None = None) -> Optional[ReplaceAudience]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
