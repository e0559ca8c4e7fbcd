"""AdSetTargeting, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.ad_set_delivery_limitations import AdSetDeliveryLimitations
from criteo_api_marketingsolutions_v2020_10.model.ad_set_frequency_capping import AdSetFrequencyCapping
from criteo_api_marketingsolutions_v2020_10.model.ad_set_geo_location import AdSetGeoLocation
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class AdSetTargeting(ModelNormal):
    """Targeting settings of an ad set.

    Attributes:
        delivery_limitations (AdSetDeliveryLimitations): Environments, devices and operating systems to deliver to.
        geo_location (AdSetGeoLocation): Countries, subdivisions and zip codes to deliver to.
        frequency_capping (AdSetFrequencyCapping): How often one user may see the ads.
    """

    delivery_limitations: Optional[AdSetDeliveryLimitations]
    geo_location: Optional[AdSetGeoLocation]
    frequency_capping: Optional[AdSetFrequencyCapping]

    _fields = (
        Field("delivery_limitations", "deliveryLimitations", "AdSetDeliveryLimitations", description="Environments, devices and operating systems to deliver to."),
        Field("geo_location", "geoLocation", "AdSetGeoLocation", description="Countries, subdivisions and zip codes to deliver to."),
        Field("frequency_capping", "frequencyCapping", "AdSetFrequencyCapping", description="How often one user may see the ads."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, delivery_limitations: AdSetDeliveryLimitations = UNSET, geo_location: AdSetGeoLocation = UNSET, frequency_capping: AdSetFrequencyCapping = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["delivery_limitations"], default: None = None) -> Optional[AdSetDeliveryLimitations]: ...

        @overload
        def get(self, name: Literal["geo_location"], default: None = None) -> Optional[AdSetGeoLocation]: ...

        @overload
        def get(self, name: Literal["frequency_capping"], default: None = None) -> Optional[AdSetFrequencyCapping]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
