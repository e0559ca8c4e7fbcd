"""AnalyticsApi: operations tagged Analytics in the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, overload

from criteo_api_marketingsolutions_v2020_10._typing import (
    AnyResult,
    AsyncResult,
    CallOptions,
    RawResponse,
    WithHttpInfo,
)
from criteo_api_marketingsolutions_v2020_10.api_client import Api, ApiClient, Endpoint, Param
from criteo_api_marketingsolutions_v2020_10.model.statistics_report_query_message import StatisticsReportQueryMessage
from criteo_api_marketingsolutions_v2020_10.model.transactions_report_query_data_message import (
    TransactionsReportQueryDataMessage,
)
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["AnalyticsApi", "ApiClient"]

_GET_ADSET_REPORT = Endpoint(
    name="get_adset_report",
    method="POST",
    path="/2021-04/statistics/report",
    operation_id="GetAdsetReport",
    tag="Analytics",
    summary="Builds a statistics report on ad sets and returns it as a file",
    params=(
        Param("statistics_report_query_message", "statistics_report_query_message", "body", "StatisticsReportQueryMessage", description="What the report covers and its file format"),
    ),
    content_types=("application/json-patch+json", "application/json", "text/json", "application/*+json"),
    accept=("text/plain", "application/json", "text/json"),
    responses={200: "bytes", 400: "ErrorMessage", 403: "ErrorMessage"},
    auth=("Authorization",),
)

_GET_TRANSACTIONS_REPORT = Endpoint(
    name="get_transactions_report",
    method="POST",
    path="/2021-04/transactions/report",
    operation_id="GetTransactionsReport",
    tag="Analytics",
    summary="Builds a report of the transactions attributed to the advertiser and returns it as a file",
    params=(
        Param("transactions_report_query_data_message", "transactions_report_query_data_message", "body", "TransactionsReportQueryDataMessage", description="What the report covers and its file format"),
    ),
    content_types=("application/json-patch+json", "application/json", "text/json", "application/*+json"),
    accept=("text/plain", "application/json", "text/json"),
    responses={200: "bytes", 400: "ErrorMessage", 403: "ErrorMessage"},
    auth=("Authorization",),
)


class AnalyticsApi(Api):
    """Operations tagged Analytics.

    Methods:
        get_adset_report: POST /2021-04/statistics/report
        get_transactions_report: POST /2021-04/transactions/report
    """

    @overload
    def get_adset_report(self, *, statistics_report_query_message: StatisticsReportQueryMessage = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> bytes: ...
    @overload
    def get_adset_report(self, *, statistics_report_query_message: StatisticsReportQueryMessage = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[bytes]: ...
    @overload
    def get_adset_report(self, *, statistics_report_query_message: StatisticsReportQueryMessage = ..., async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def get_adset_report(self, *, statistics_report_query_message: StatisticsReportQueryMessage = ..., async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[bytes]: ...
    @overload
    def get_adset_report(self, *, statistics_report_query_message: StatisticsReportQueryMessage = ..., async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[bytes]]: ...
    @overload
    def get_adset_report(self, *, statistics_report_query_message: StatisticsReportQueryMessage = ..., async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def get_adset_report(self, *, statistics_report_query_message: StatisticsReportQueryMessage = ..., async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[bytes]: ...
    @_GET_ADSET_REPORT.bind
    def get_adset_report(self, *, statistics_report_query_message: StatisticsReportQueryMessage = UNSET, **options: Any) -> AnyResult[bytes]:
        """Builds a statistics report on ad sets and returns it as a file."""
        result: AnyResult[bytes] = self.api_client.invoke(_GET_ADSET_REPORT, (statistics_report_query_message,), options)
        return result

    @overload
    def get_transactions_report(self, *, transactions_report_query_data_message: TransactionsReportQueryDataMessage = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> bytes: ...
    @overload
    def get_transactions_report(self, *, transactions_report_query_data_message: TransactionsReportQueryDataMessage = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[bytes]: ...
    @overload
    def get_transactions_report(self, *, transactions_report_query_data_message: TransactionsReportQueryDataMessage = ..., async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def get_transactions_report(self, *, transactions_report_query_data_message: TransactionsReportQueryDataMessage = ..., async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[bytes]: ...
    @overload
    def get_transactions_report(self, *, transactions_report_query_data_message: TransactionsReportQueryDataMessage = ..., async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[bytes]]: ...
    @overload
    def get_transactions_report(self, *, transactions_report_query_data_message: TransactionsReportQueryDataMessage = ..., async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def get_transactions_report(self, *, transactions_report_query_data_message: TransactionsReportQueryDataMessage = ..., async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[bytes]: ...
    @_GET_TRANSACTIONS_REPORT.bind
    def get_transactions_report(self, *, transactions_report_query_data_message: TransactionsReportQueryDataMessage = UNSET, **options: Any) -> AnyResult[bytes]:
        """Builds a report of the transactions attributed to the advertiser and returns it as a file."""
        result: AnyResult[bytes] = self.api_client.invoke(_GET_TRANSACTIONS_REPORT, (transactions_report_query_data_message,), options)
        return result
