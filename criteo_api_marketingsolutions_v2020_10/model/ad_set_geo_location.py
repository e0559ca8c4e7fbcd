"""AdSetGeoLocation, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class AdSetGeoLocation(ModelNormal):
    """Geographic targeting of an ad set by country, subdivision and zip code.

    Attributes:
        countries (NillableAdSetTargetingRule): Rule on countries.
        subdivisions (NillableAdSetTargetingRule): Rule on subdivisions of countries (regions, states).
        zip_codes (NillableAdSetTargetingRule): Rule on zip codes.
    """

    _fields = (
        Field("countries", "countries", "NillableAdSetTargetingRule", description="Rule on countries."),
        Field("subdivisions", "subdivisions", "NillableAdSetTargetingRule", description="Rule on subdivisions of countries (regions, states)."),
        Field("zip_codes", "zipCodes", "NillableAdSetTargetingRule", description="Rule on zip codes."),
    )
