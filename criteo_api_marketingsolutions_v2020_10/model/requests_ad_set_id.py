"""RequestsAdSetId, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.write_model_ad_set_id import WriteModelAdSetId
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class RequestsAdSetId(ModelNormal):
    """Request body naming the ad sets to start or stop.

    Attributes:
        data (list[WriteModelAdSetId]): The ad sets.
    """

    data: Optional[list[WriteModelAdSetId]]

    _fields = (
        Field("data", "data", "[WriteModelAdSetId]", description="The ad sets."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, data: list[WriteModelAdSetId] = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["data"], default: None = None) -> Optional[list[WriteModelAdSetId]]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
