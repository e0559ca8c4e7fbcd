"""TransactionsReportQueryEntityMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class TransactionsReportQueryEntityMessage(ModelNormal):
    """One transactions report query.

    Attributes:
        type (str): Type of the resource. Required.
        attributes (TransactionsReportQueryMessage): What the report covers and how it is written. Required.
    """

    _fields = (
        Field("type", "type", "str", required=True, description="Type of the resource."),
        Field("attributes", "attributes", "TransactionsReportQueryMessage", required=True, description="What the report covers and how it is written."),
    )
