"""AdvertiserApi: operations tagged Advertiser in the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.api_client import Api, ApiClient, Endpoint, Param

__all__ = ["AdvertiserApi", "ApiClient"]


class AdvertiserApi(Api):
    """Operations tagged Advertiser.

    Methods:
        api_portfolio_get: GET /2021-04/advertisers/me
        get_categories: GET /legacy/marketing/v1/advertisers/{advertiserId}/categories
        get_category: GET /legacy/marketing/v1/advertisers/{advertiserId}/categories/{categoryHashCode}
    """

    api_portfolio_get = Endpoint(
        name="api_portfolio_get",
        method="GET",
        path="/2021-04/advertisers/me",
        operation_id="ApiPortfolioGet",
        tag="Advertiser",
        summary="Lists the advertisers the application can access",
        params=(),
        content_types=(),
        accept=("text/plain", "application/json", "text/json"),
        responses={200: "GetPortfolioResponse", 401: "GetPortfolioResponse"},
        auth=("Authorization",),
    )

    get_categories = Endpoint(
        name="get_categories",
        method="GET",
        path="/legacy/marketing/v1/advertisers/{advertiserId}/categories",
        operation_id="Advertisers_GetCategories",
        tag="Advertiser",
        summary="Lists the categories of an advertiser",
        params=(
            Param("advertiser_id", "advertiserId", "path", "int", required=True, format="int32", description="Id of the advertiser"),
            Param("enabled_only", "enabledOnly", "query", "bool", description="Return only the categories that are enabled"),
        ),
        content_types=(),
        accept=("application/json", "text/json", "application/xml", "text/xml", "text/html"),
        responses={200: "[CategoryMessage]", 401: None, 403: None, 429: None, 500: None},
        auth=("Authorization",),
    )

    get_category = Endpoint(
        name="get_category",
        method="GET",
        path="/legacy/marketing/v1/advertisers/{advertiserId}/categories/{categoryHashCode}",
        operation_id="Advertisers_GetCategory",
        tag="Advertiser",
        summary="Gets one category of an advertiser by its hash code",
        params=(
            Param("advertiser_id", "advertiserId", "path", "int", required=True, format="int32", description="Id of the advertiser"),
            Param("category_hash_code", "categoryHashCode", "path", "int", required=True, format="int32", description="Hash code of the category"),
        ),
        content_types=(),
        accept=("application/json", "text/json", "application/xml", "text/xml", "text/html"),
        responses={200: "[CategoryMessage]", 401: None, 403: None, 404: None, 429: None, 500: None},
        auth=("Authorization",),
    )
