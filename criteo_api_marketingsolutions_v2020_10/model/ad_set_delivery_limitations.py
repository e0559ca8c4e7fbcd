"""AdSetDeliveryLimitations, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class AdSetDeliveryLimitations(ModelNormal):
    """Where the ads of an ad set may show: environments, devices and operating systems.

    Attributes:
        environments ([str]): Environments to deliver in.
        devices ([str]): Kinds of device to deliver to.
        operating_systems ([str]): Operating systems to deliver to.
    """

    _fields = (
        Field("environments", "environments", "[str]", enum=("web", "inApp"), description="Environments to deliver in."),
        Field("devices", "devices", "[str]", enum=("other", "desktop", "mobile", "tablet"), description="Kinds of device to deliver to."),
        Field("operating_systems", "operatingSystems", "[str]", enum=("android", "ios", "unknown"), description="Operating systems to deliver to."),
    )
