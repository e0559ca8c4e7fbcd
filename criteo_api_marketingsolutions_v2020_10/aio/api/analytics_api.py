"""AnalyticsApi, awaited: operations tagged Analytics in the Criteo Marketing Solutions API 2020-10, on the asyncio client.

The operations are declared once, in ``criteo_api_marketingsolutions_v2020_10.api.analytics_api``.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Union, overload

from criteo_api_marketingsolutions_v2020_10._typing import CallOptions, WithHttpInfo
from criteo_api_marketingsolutions_v2020_10.aio.api_client import Api, ApiClient, bind
from criteo_api_marketingsolutions_v2020_10.api.analytics_api import (
    _GET_ADSET_REPORT,  # pyright: ignore[reportPrivateUsage]
    _GET_TRANSACTIONS_REPORT,  # pyright: ignore[reportPrivateUsage]
)
from criteo_api_marketingsolutions_v2020_10.model.statistics_report_query_message import StatisticsReportQueryMessage
from criteo_api_marketingsolutions_v2020_10.model.transactions_report_query_data_message import (
    TransactionsReportQueryDataMessage,
)
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10.aio._streaming import AsyncStreamingResponse

__all__ = ["AnalyticsApi", "ApiClient"]


class AnalyticsApi(Api):
    """Operations tagged Analytics, awaited.

    Methods:
        get_adset_report: POST /2021-04/statistics/report
        get_transactions_report: POST /2021-04/transactions/report
    """

    @overload
    async def get_adset_report(self, *, statistics_report_query_message: StatisticsReportQueryMessage = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> bytes: ...
    @overload
    async def get_adset_report(self, *, statistics_report_query_message: StatisticsReportQueryMessage = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[bytes]: ...
    @overload
    async def get_adset_report(self, *, statistics_report_query_message: StatisticsReportQueryMessage = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def get_adset_report(self, *, statistics_report_query_message: StatisticsReportQueryMessage = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[bytes, WithHttpInfo[bytes], AsyncStreamingResponse]: ...
    @bind(_GET_ADSET_REPORT)
    async def get_adset_report(self, *, statistics_report_query_message: StatisticsReportQueryMessage = UNSET, **options: Any) -> Any:
        """Builds a statistics report on ad sets and returns it as a file."""
        return await self.api_client.invoke(_GET_ADSET_REPORT, (statistics_report_query_message,), options)

    @overload
    async def get_transactions_report(self, *, transactions_report_query_data_message: TransactionsReportQueryDataMessage = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> bytes: ...
    @overload
    async def get_transactions_report(self, *, transactions_report_query_data_message: TransactionsReportQueryDataMessage = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[bytes]: ...
    @overload
    async def get_transactions_report(self, *, transactions_report_query_data_message: TransactionsReportQueryDataMessage = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def get_transactions_report(self, *, transactions_report_query_data_message: TransactionsReportQueryDataMessage = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[bytes, WithHttpInfo[bytes], AsyncStreamingResponse]: ...
    @bind(_GET_TRANSACTIONS_REPORT)
    async def get_transactions_report(self, *, transactions_report_query_data_message: TransactionsReportQueryDataMessage = UNSET, **options: Any) -> Any:
        """Builds a report of the transactions attributed to the advertiser and returns it as a file."""
        return await self.api_client.invoke(_GET_TRANSACTIONS_REPORT, (transactions_report_query_data_message,), options)
