"""AdSetGeoLocation, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.nillable_ad_set_targeting_rule import NillableAdSetTargetingRule
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class AdSetGeoLocation(ModelNormal):
    """Geographic targeting of an ad set by country, subdivision and zip code.

    Attributes:
        countries (NillableAdSetTargetingRule): Rule on countries.
        subdivisions (NillableAdSetTargetingRule): Rule on subdivisions of countries (regions, states).
        zip_codes (NillableAdSetTargetingRule): Rule on zip codes.
    """

    countries: Optional[NillableAdSetTargetingRule]
    subdivisions: Optional[NillableAdSetTargetingRule]
    zip_codes: Optional[NillableAdSetTargetingRule]

    _fields = (
        Field("countries", "countries", "NillableAdSetTargetingRule", description="Rule on countries."),
        Field("subdivisions", "subdivisions", "NillableAdSetTargetingRule", description="Rule on subdivisions of countries (regions, states)."),
        Field("zip_codes", "zipCodes", "NillableAdSetTargetingRule", description="Rule on zip codes."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, countries: NillableAdSetTargetingRule = UNSET, subdivisions: NillableAdSetTargetingRule = UNSET, zip_codes: NillableAdSetTargetingRule = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["countries"], default: None = None) -> Optional[NillableAdSetTargetingRule]: ...

        @overload
        def get(self, name: Literal["subdivisions"], default: None = None) -> Optional[NillableAdSetTargetingRule]: ...

        @overload
        def get(self, name: Literal["zip_codes"], default: None = None) -> Optional[NillableAdSetTargetingRule]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
