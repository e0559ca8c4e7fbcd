"""TransactionsReportQueryMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class TransactionsReportQueryMessage(ModelNormal):
    """What a transactions report covers and how it is written.

    Attributes:
        advertiser_ids (str): Comma-separated ids of the advertisers to report on.
        event_type (str): Only transactions of this event type.
        currency (str): Currency of the amounts (ISO 4217 code, such as ``EUR``). Required.
        format (str): File format of the report, such as ``csv`` or ``json``. Required.
        timezone (str): Time zone of the dates and times in the report (IANA name). Server default: ``UTC``.
        start_date (datetime): Start of the period the report covers. Required.
        end_date (datetime): End of the period the report covers. Required.
    """

    advertiser_ids: Optional[str]
    event_type: Optional[str]
    currency: str
    format: str
    timezone: Optional[str]
    start_date: datetime
    end_date: datetime

    _fields = (
        Field("advertiser_ids", "advertiserIds", "str", description="Comma-separated ids of the advertisers to report on."),
        Field("event_type", "eventType", "str", description="Only transactions of this event type."),
        Field("currency", "currency", "str", required=True, description="Currency of the amounts (ISO 4217 code, such as ``EUR``)."),
        Field("format", "format", "str", required=True, description="File format of the report, such as ``csv`` or ``json``."),
        Field("timezone", "timezone", "str", default="UTC", description="Time zone of the dates and times in the report (IANA name)."),
        Field("start_date", "startDate", "datetime", required=True, format="date-time", description="Start of the period the report covers."),
        Field("end_date", "endDate", "datetime", required=True, format="date-time", description="End of the period the report covers."),
    )

    if TYPE_CHECKING:

        def __init__(self, currency: str, format: str, start_date: datetime, end_date: datetime, *, advertiser_ids: str = UNSET, event_type: str = UNSET, timezone: str = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field; required ones may also be given by position."""

        @overload
        def get(self, name: Literal["advertiser_ids"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["event_type"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["currency"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["format"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["timezone"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["start_date"], default: None = None) -> Optional[datetime]: ...

        @overload
        def get(self, name: Literal["end_date"], default: None = None) -> Optional[datetime]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
