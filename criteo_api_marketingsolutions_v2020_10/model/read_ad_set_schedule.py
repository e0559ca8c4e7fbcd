"""ReadAdSetSchedule, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.nillable_date_time import NillableDateTime
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class ReadAdSetSchedule(ModelNormal):
    """Dates and status of an ad set.

    Attributes:
        start_date (NillableDateTime): When delivery starts.
        end_date (NillableDateTime): When delivery ends.
        activation_status (str): Whether the ad set is switched on.
        delivery_status (str): Whether the ad set is delivering, and if not, why.
    """

    start_date: Optional[NillableDateTime]
    end_date: Optional[NillableDateTime]
    activation_status: Optional[str]
    delivery_status: Optional[str]

    _fields = (
        Field("start_date", "startDate", "NillableDateTime", description="When delivery starts."),
        Field("end_date", "endDate", "NillableDateTime", description="When delivery ends."),
        Field("activation_status", "activationStatus", "str", enum=("on", "off"), description="Whether the ad set is switched on."),
        Field("delivery_status", "deliveryStatus", "str", enum=("draft", "inactive", "live", "notLive", "pausing", "paused", "scheduled", "ended", "notDelivering", "archived"), description="Whether the ad set is delivering, and if not, why."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, start_date: NillableDateTime = UNSET, end_date: NillableDateTime = UNSET, activation_status: Literal["on", "off"] = UNSET, delivery_status: Literal["draft", "inactive", "live", "notLive", "pausing", "paused", "scheduled", "ended", "notDelivering", "archived"] = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["start_date"], default: None = None) -> Optional[NillableDateTime]: ...

        @overload
        def get(self, name: Literal["end_date"], default: None = None) -> Optional[NillableDateTime]: ...

        @overload
        def get(self, name: Literal["activation_status"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["delivery_status"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
