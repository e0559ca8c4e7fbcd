"""GetPortfolioResponse, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class GetPortfolioResponse(ModelNormal):
    """The advertisers the application can access, with errors and warnings.

    Attributes:
        data ([CriteoApiDataOfPortfolioMessage]): The advertisers.
        errors ([CriteoApiError]): Problems that made the request fail.
        warnings ([CriteoApiWarning]): Problems that did not make the request fail.
    """

    _fields = (
        Field("data", "data", "[CriteoApiDataOfPortfolioMessage]", description="The advertisers."),
        Field("errors", "errors", "[CriteoApiError]", description="Problems that made the request fail."),
        Field("warnings", "warnings", "[CriteoApiWarning]", description="Problems that did not make the request fail."),
    )
