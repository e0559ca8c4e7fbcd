"""AnalyticsApi: operations tagged Analytics in the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.api_client import Api, ApiClient, Endpoint, Param

__all__ = ["AnalyticsApi", "ApiClient"]


class AnalyticsApi(Api):
    """Operations tagged Analytics.

    Methods:
        get_adset_report: POST /2021-04/statistics/report
        get_transactions_report: POST /2021-04/transactions/report
    """

    get_adset_report = Endpoint(
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

    get_transactions_report = Endpoint(
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
