"""CategoryApi: operations tagged Category in the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.api_client import Api, ApiClient, Endpoint, Param

__all__ = ["CategoryApi", "ApiClient"]


class CategoryApi(Api):
    """Operations tagged Category.

    Methods:
        get_categories: GET /legacy/marketing/v1/categories
        update_categories: PUT /legacy/marketing/v1/categories
    """

    get_categories = Endpoint(
        name="get_categories",
        method="GET",
        path="/legacy/marketing/v1/categories",
        operation_id="Categories_GetCategories",
        tag="Category",
        summary="Lists categories filtered by campaigns, advertisers or hash codes",
        params=(
            Param("campaign_ids", "campaignIds", "query", "str", description="Comma-separated ids of the campaigns to filter by"),
            Param("advertiser_ids", "advertiserIds", "query", "str", description="Comma-separated ids of the advertisers to filter by"),
            Param("category_hash_codes", "categoryHashCodes", "query", "str", description="Comma-separated hash codes of the categories to filter by"),
            Param("enabled_only", "enabledOnly", "query", "bool", description="Return only the categories that are enabled"),
        ),
        content_types=(),
        accept=("application/json", "text/json", "application/xml", "text/xml", "text/html"),
        responses={200: "[CategoryMessage]", 400: None, 401: None, 429: None, 500: None},
        auth=("Authorization",),
    )

    update_categories = Endpoint(
        name="update_categories",
        method="PUT",
        path="/legacy/marketing/v1/categories",
        operation_id="Categories_UpdateCategories",
        tag="Category",
        summary="Enables or disables categories, catalog by catalog",
        params=(
            Param("category_updates_per_catalog", "category_updates_per_catalog", "body", "[CategoryUpdatesPerCatalog]", required=True, description="The categories to enable or disable, catalog by catalog"),
        ),
        content_types=("application/json", "text/json", "application/xml", "text/xml", "application/x-www-form-urlencoded", "text/html"),
        accept=("application/json", "text/json", "application/xml", "text/xml", "text/html"),
        responses={200: "[CategoryUpdatesPerCatalog]", 400: "CategoryUpdatesPerCatalogErrorMessageWithDetails", 401: None, 429: None, 500: None},
        auth=("Authorization",),
    )
