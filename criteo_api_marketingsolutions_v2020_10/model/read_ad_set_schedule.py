"""ReadAdSetSchedule, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class ReadAdSetSchedule(ModelNormal):
    """Dates and status of an ad set.

    Attributes:
        start_date (NillableDateTime): When delivery starts.
        end_date (NillableDateTime): When delivery ends.
        activation_status (str): Whether the ad set is switched on.
        delivery_status (str): Whether the ad set is delivering, and if not, why.
    """

    _fields = (
        Field("start_date", "startDate", "NillableDateTime", description="When delivery starts."),
        Field("end_date", "endDate", "NillableDateTime", description="When delivery ends."),
        Field("activation_status", "activationStatus", "str", enum=("on", "off"), description="Whether the ad set is switched on."),
        Field("delivery_status", "deliveryStatus", "str", enum=("draft", "inactive", "live", "notLive", "pausing", "paused", "scheduled", "ended", "notDelivering", "archived"), description="Whether the ad set is delivering, and if not, why."),
    )
