"""StatisticsReportQueryMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class StatisticsReportQueryMessage(ModelNormal):
    """What an ad set statistics report covers and how it is written.

    Attributes:
        advertiser_ids (str): Comma-separated ids of the advertisers to report on.
        dimensions ([str]): What the rows are grouped by. Required.
        metrics ([str]): The figures to report, such as ``Clicks``, ``Displays`` or ``AdvertiserCost``. Required.
        currency (str): Currency of the amounts (ISO 4217 code, such as ``EUR``). Required.
        format (str): File format of the report, such as ``csv`` or ``json``. Required.
        timezone (str): Time zone of the dates and times in the report (IANA name). Server default: ``UTC``.
        start_date (datetime): Start of the period the report covers. Required.
        end_date (datetime): End of the period the report covers. Required.
    """

    _fields = (
        Field("advertiser_ids", "advertiserIds", "str", description="Comma-separated ids of the advertisers to report on."),
        Field("dimensions", "dimensions", "[str]", required=True, enum=("AdsetId", "Adset", "AdvertiserId", "Advertiser", "CategoryId", "Category", "Hour", "Day", "Week", "Month", "Year", "Os", "Device"), description="What the rows are grouped by."),
        Field("metrics", "metrics", "[str]", required=True, description="The figures to report, such as ``Clicks``, ``Displays`` or ``AdvertiserCost``."),
        Field("currency", "currency", "str", required=True, description="Currency of the amounts (ISO 4217 code, such as ``EUR``)."),
        Field("format", "format", "str", required=True, description="File format of the report, such as ``csv`` or ``json``."),
        Field("timezone", "timezone", "str", default="UTC", description="Time zone of the dates and times in the report (IANA name)."),
        Field("start_date", "startDate", "datetime", required=True, format="date-time", description="Start of the period the report covers."),
        Field("end_date", "endDate", "datetime", required=True, format="date-time", description="End of the period the report covers."),
    )
