"""TransactionsReportQueryDataMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.transactions_report_query_entity_message import (
    TransactionsReportQueryEntityMessage,
)
from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class TransactionsReportQueryDataMessage(ModelNormal):
    """Request body for a transactions report.

    Attributes:
        data (list[TransactionsReportQueryEntityMessage]): The report queries. Required.
    """

    data: list[TransactionsReportQueryEntityMessage]

    _fields = (
        Field("data", "data", "[TransactionsReportQueryEntityMessage]", required=True, description="The report queries."),
    )

    if TYPE_CHECKING:

        def __init__(self, data: list[TransactionsReportQueryEntityMessage], **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field; required ones may also be given by position."""

        @overload
        def get(self, name: Literal["data"], default: None = None) -> Optional[list[TransactionsReportQueryEntityMessage]]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
