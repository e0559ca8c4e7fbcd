"""RequestAdSetSearch, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class RequestAdSetSearch(ModelNormal):
    """Request body to search ad sets.

    Attributes:
        filters (AdSetSearchFilter): Which ad sets to return.
    """

    _fields = (
        Field("filters", "filters", "AdSetSearchFilter", description="Which ad sets to return."),
    )
