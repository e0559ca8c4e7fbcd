"""CategoryApi: operations tagged Category in the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, overload

from criteo_api_marketingsolutions_v2020_10._typing import (
    AnyResult,
    AsyncResult,
    CallOptions,
    RawResponse,
    WithHttpInfo,
)
from criteo_api_marketingsolutions_v2020_10.api_client import Api, ApiClient, Endpoint, Param
from criteo_api_marketingsolutions_v2020_10.model.category_message import CategoryMessage
from criteo_api_marketingsolutions_v2020_10.model.category_updates_per_catalog import CategoryUpdatesPerCatalog
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["CategoryApi", "ApiClient"]

_GET_CATEGORIES = Endpoint(
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

_UPDATE_CATEGORIES = Endpoint(
    name="update_categories",
    method="PUT",
    path="/legacy/marketing/v1/categories",
    operation_id="Categories_UpdateCategories",
    tag="Category",
    summary="Enables or disables categories, catalog by catalog",
    params=(
        Param("categories_per_catalog", "categories_per_catalog", "body", "[CategoryUpdatesPerCatalog]", required=True, description="The categories to enable or disable, catalog by catalog"),
    ),
    content_types=("application/json", "text/json", "application/xml", "text/xml", "application/x-www-form-urlencoded", "text/html"),
    accept=("application/json", "text/json", "application/xml", "text/xml", "text/html"),
    responses={200: "[CategoryUpdatesPerCatalog]", 400: "CategoryUpdatesPerCatalogErrorMessageWithDetails", 401: None, 429: None, 500: None},
    auth=("Authorization",),
)


class CategoryApi(Api):
    """Operations tagged Category.

    Methods:
        get_categories: GET /legacy/marketing/v1/categories
        update_categories: PUT /legacy/marketing/v1/categories
    """

    @overload
    def get_categories(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., enabled_only: bool = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> list[CategoryMessage]: ...
    @overload
    def get_categories(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., enabled_only: bool = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[list[CategoryMessage]]: ...
    @overload
    def get_categories(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., enabled_only: bool = ..., async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def get_categories(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., enabled_only: bool = ..., async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[list[CategoryMessage]]: ...
    @overload
    def get_categories(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., enabled_only: bool = ..., async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[list[CategoryMessage]]]: ...
    @overload
    def get_categories(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., enabled_only: bool = ..., async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def get_categories(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., enabled_only: bool = ..., async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[list[CategoryMessage]]: ...
    @_GET_CATEGORIES.bind
    def get_categories(self, *, campaign_ids: str = UNSET, advertiser_ids: str = UNSET, category_hash_codes: str = UNSET, enabled_only: bool = UNSET, **options: Any) -> AnyResult[list[CategoryMessage]]:
        """Lists categories filtered by campaigns, advertisers or hash codes."""
        result: AnyResult[list[CategoryMessage]] = self.api_client.invoke(_GET_CATEGORIES, (campaign_ids, advertiser_ids, category_hash_codes, enabled_only), options)
        return result

    @overload
    def update_categories(self, categories_per_catalog: list[CategoryUpdatesPerCatalog], *, async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> list[CategoryUpdatesPerCatalog]: ...
    @overload
    def update_categories(self, categories_per_catalog: list[CategoryUpdatesPerCatalog], *, async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[list[CategoryUpdatesPerCatalog]]: ...
    @overload
    def update_categories(self, categories_per_catalog: list[CategoryUpdatesPerCatalog], *, async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def update_categories(self, categories_per_catalog: list[CategoryUpdatesPerCatalog], *, async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[list[CategoryUpdatesPerCatalog]]: ...
    @overload
    def update_categories(self, categories_per_catalog: list[CategoryUpdatesPerCatalog], *, async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[list[CategoryUpdatesPerCatalog]]]: ...
    @overload
    def update_categories(self, categories_per_catalog: list[CategoryUpdatesPerCatalog], *, async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def update_categories(self, categories_per_catalog: list[CategoryUpdatesPerCatalog], *, async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[list[CategoryUpdatesPerCatalog]]: ...
    @_UPDATE_CATEGORIES.bind
    def update_categories(self, categories_per_catalog: list[CategoryUpdatesPerCatalog], **options: Any) -> AnyResult[list[CategoryUpdatesPerCatalog]]:
        """Enables or disables categories, catalog by catalog."""
        result: AnyResult[list[CategoryUpdatesPerCatalog]] = self.api_client.invoke(_UPDATE_CATEGORIES, (categories_per_catalog,), options)
        return result
