"""NewAudienceRequest, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.new_audience import NewAudience
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class NewAudienceRequest(ModelNormal):
    """Request body to create an audience.

    Attributes:
        data (NewAudience): The audience to create.
    """

    data: Optional[NewAudience]

    _fields = (
        Field("data", "data", "NewAudience", description="The audience to create."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, data: NewAudience = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["data"], default: None = None) -> Optional[NewAudience]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
