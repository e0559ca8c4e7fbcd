"""PatchAdSetScheduling, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class PatchAdSetScheduling(ModelNormal):
    """Schedule changes of an ad set.

    Attributes:
        start_date (NillableDateTime): When delivery starts.
        end_date (NillableDateTime): When delivery ends.
    """

    _fields = (
        Field("start_date", "startDate", "NillableDateTime", description="When delivery starts."),
        Field("end_date", "endDate", "NillableDateTime", description="When delivery ends."),
    )
