"""PatchAdSetScheduling, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.nillable_date_time import NillableDateTime
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class PatchAdSetScheduling(ModelNormal):
    """Schedule changes of an ad set.

    Attributes:
        start_date (NillableDateTime): When delivery starts.
        end_date (NillableDateTime): When delivery ends.
    """

    start_date: Optional[NillableDateTime]
    end_date: Optional[NillableDateTime]

    _fields = (
        Field("start_date", "startDate", "NillableDateTime", description="When delivery starts."),
        Field("end_date", "endDate", "NillableDateTime", description="When delivery ends."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, start_date: NillableDateTime = UNSET, end_date: NillableDateTime = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["start_date"], default: None = None) -> Optional[NillableDateTime]: ...

        @overload
        def get(self, name: Literal["end_date"], default: None = None) -> Optional[NillableDateTime]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
