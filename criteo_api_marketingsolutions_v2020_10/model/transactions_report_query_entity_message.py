"""TransactionsReportQueryEntityMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.transactions_report_query_message import (
    TransactionsReportQueryMessage,
)
from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class TransactionsReportQueryEntityMessage(ModelNormal):
    """One transactions report query.

    Attributes:
        type (str): Type of the resource. Required.
        attributes (TransactionsReportQueryMessage): What the report covers and how it is written. Required.
    """

    type: str
    attributes: TransactionsReportQueryMessage

    _fields = (
        Field("type", "type", "str", required=True, description="Type of the resource."),
        Field("attributes", "attributes", "TransactionsReportQueryMessage", required=True, description="What the report covers and how it is written."),
    )

    if TYPE_CHECKING:

        def __init__(self, type: str, attributes: TransactionsReportQueryMessage, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field; required ones may also be given by position."""

        @overload
        def get(self, name: Literal["type"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["attributes"], default: None = None) -> Optional[TransactionsReportQueryMessage]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
