"""AdSetTargeting, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class AdSetTargeting(ModelNormal):
    """Targeting settings of an ad set.

    Attributes:
        delivery_limitations (AdSetDeliveryLimitations): Environments, devices and operating systems to deliver to.
        geo_location (AdSetGeoLocation): Countries, subdivisions and zip codes to deliver to.
        frequency_capping (AdSetFrequencyCapping): How often one user may see the ads.
    """

    _fields = (
        Field("delivery_limitations", "deliveryLimitations", "AdSetDeliveryLimitations", description="Environments, devices and operating systems to deliver to."),
        Field("geo_location", "geoLocation", "AdSetGeoLocation", description="Countries, subdivisions and zip codes to deliver to."),
        Field("frequency_capping", "frequencyCapping", "AdSetFrequencyCapping", description="How often one user may see the ads."),
    )
