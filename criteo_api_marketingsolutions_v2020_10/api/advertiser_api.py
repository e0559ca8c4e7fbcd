"""AdvertiserApi: operations tagged Advertiser in the Criteo Marketing Solutions API 2020-10.

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
from criteo_api_marketingsolutions_v2020_10.model.get_portfolio_response import GetPortfolioResponse
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["AdvertiserApi", "ApiClient"]

_API_PORTFOLIO_GET = Endpoint(
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

_GET_CATEGORIES = Endpoint(
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

_GET_CATEGORY = Endpoint(
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


class AdvertiserApi(Api):
    """Operations tagged Advertiser.

    Methods:
        api_portfolio_get: GET /2021-04/advertisers/me
        get_categories: GET /legacy/marketing/v1/advertisers/{advertiserId}/categories
        get_category: GET /legacy/marketing/v1/advertisers/{advertiserId}/categories/{categoryHashCode}
    """

    @overload
    def api_portfolio_get(self, *, async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> GetPortfolioResponse: ...
    @overload
    def api_portfolio_get(self, *, async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[GetPortfolioResponse]: ...
    @overload
    def api_portfolio_get(self, *, async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def api_portfolio_get(self, *, async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[GetPortfolioResponse]: ...
    @overload
    def api_portfolio_get(self, *, async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[GetPortfolioResponse]]: ...
    @overload
    def api_portfolio_get(self, *, async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def api_portfolio_get(self, *, async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[GetPortfolioResponse]: ...
    @_API_PORTFOLIO_GET.bind
    def api_portfolio_get(self, **options: Any) -> AnyResult[GetPortfolioResponse]:
        """Lists the advertisers the application can access."""
        result: AnyResult[GetPortfolioResponse] = self.api_client.invoke(_API_PORTFOLIO_GET, (), options)
        return result

    @overload
    def get_categories(self, advertiser_id: int, *, enabled_only: bool = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> list[CategoryMessage]: ...
    @overload
    def get_categories(self, advertiser_id: int, *, enabled_only: bool = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[list[CategoryMessage]]: ...
    @overload
    def get_categories(self, advertiser_id: int, *, enabled_only: bool = ..., async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def get_categories(self, advertiser_id: int, *, enabled_only: bool = ..., async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[list[CategoryMessage]]: ...
    @overload
    def get_categories(self, advertiser_id: int, *, enabled_only: bool = ..., async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[list[CategoryMessage]]]: ...
    @overload
    def get_categories(self, advertiser_id: int, *, enabled_only: bool = ..., async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def get_categories(self, advertiser_id: int, *, enabled_only: bool = ..., async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[list[CategoryMessage]]: ...
    @_GET_CATEGORIES.bind
    def get_categories(self, advertiser_id: int, *, enabled_only: bool = UNSET, **options: Any) -> AnyResult[list[CategoryMessage]]:
        """Lists the categories of an advertiser."""
        result: AnyResult[list[CategoryMessage]] = self.api_client.invoke(_GET_CATEGORIES, (advertiser_id, enabled_only), options)
        return result

    @overload
    def get_category(self, advertiser_id: int, category_hash_code: int, *, async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> list[CategoryMessage]: ...
    @overload
    def get_category(self, advertiser_id: int, category_hash_code: int, *, async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[list[CategoryMessage]]: ...
    @overload
    def get_category(self, advertiser_id: int, category_hash_code: int, *, async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def get_category(self, advertiser_id: int, category_hash_code: int, *, async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[list[CategoryMessage]]: ...
    @overload
    def get_category(self, advertiser_id: int, category_hash_code: int, *, async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[list[CategoryMessage]]]: ...
    @overload
    def get_category(self, advertiser_id: int, category_hash_code: int, *, async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def get_category(self, advertiser_id: int, category_hash_code: int, *, async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[list[CategoryMessage]]: ...
    @_GET_CATEGORY.bind
    def get_category(self, advertiser_id: int, category_hash_code: int, **options: Any) -> AnyResult[list[CategoryMessage]]:
        """Gets one category of an advertiser by its hash code."""
        result: AnyResult[list[CategoryMessage]] = self.api_client.invoke(_GET_CATEGORY, (advertiser_id, category_hash_code), options)
        return result
