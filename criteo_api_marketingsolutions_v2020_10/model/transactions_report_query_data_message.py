"""TransactionsReportQueryDataMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class TransactionsReportQueryDataMessage(ModelNormal):
    """Request body for a transactions report.

    Attributes:
        data ([TransactionsReportQueryEntityMessage]): The report queries. Required.
    """

    _fields = (
        Field("data", "data", "[TransactionsReportQueryEntityMessage]", required=True, description="The report queries."),
    )
