"""AdvertiserApi, awaited: operations tagged Advertiser in the Criteo Marketing Solutions API 2020-10, on the asyncio client.

The operations are declared once, in ``criteo_api_marketingsolutions_v2020_10.api.advertiser_api``.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Union, overload

from criteo_api_marketingsolutions_v2020_10._typing import CallOptions, WithHttpInfo
from criteo_api_marketingsolutions_v2020_10.aio.api_client import Api, ApiClient, bind
from criteo_api_marketingsolutions_v2020_10.api.advertiser_api import (
    _API_PORTFOLIO_GET,  # pyright: ignore[reportPrivateUsage]
    _GET_CATEGORIES,  # pyright: ignore[reportPrivateUsage]
    _GET_CATEGORY,  # pyright: ignore[reportPrivateUsage]
)
from criteo_api_marketingsolutions_v2020_10.model.category_message import CategoryMessage
from criteo_api_marketingsolutions_v2020_10.model.get_portfolio_response import GetPortfolioResponse
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10.aio._streaming import AsyncStreamingResponse

__all__ = ["AdvertiserApi", "ApiClient"]


class AdvertiserApi(Api):
    """Operations tagged Advertiser, awaited.

    Methods:
        api_portfolio_get: GET /2021-04/advertisers/me
        get_categories: GET /legacy/marketing/v1/advertisers/{advertiserId}/categories
        get_category: GET /legacy/marketing/v1/advertisers/{advertiserId}/categories/{categoryHashCode}
    """

    @overload
    async def api_portfolio_get(self, *, _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> GetPortfolioResponse: ...
    @overload
    async def api_portfolio_get(self, *, _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[GetPortfolioResponse]: ...
    @overload
    async def api_portfolio_get(self, *, _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def api_portfolio_get(self, *, _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[GetPortfolioResponse, WithHttpInfo[GetPortfolioResponse], AsyncStreamingResponse]: ...
    @bind(_API_PORTFOLIO_GET)
    async def api_portfolio_get(self, **options: Any) -> Any:
        """Lists the advertisers the application can access."""
        return await self.api_client.invoke(_API_PORTFOLIO_GET, (), options)

    @overload
    async def get_categories(self, advertiser_id: int, *, enabled_only: bool = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> list[CategoryMessage]: ...
    @overload
    async def get_categories(self, advertiser_id: int, *, enabled_only: bool = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[list[CategoryMessage]]: ...
    @overload
    async def get_categories(self, advertiser_id: int, *, enabled_only: bool = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def get_categories(self, advertiser_id: int, *, enabled_only: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[list[CategoryMessage], WithHttpInfo[list[CategoryMessage]], AsyncStreamingResponse]: ...
    @bind(_GET_CATEGORIES)
    async def get_categories(self, advertiser_id: int, *, enabled_only: bool = UNSET, **options: Any) -> Any:
        """Lists the categories of an advertiser."""
        return await self.api_client.invoke(_GET_CATEGORIES, (advertiser_id, enabled_only), options)

    @overload
    async def get_category(self, advertiser_id: int, category_hash_code: int, *, _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> list[CategoryMessage]: ...
    @overload
    async def get_category(self, advertiser_id: int, category_hash_code: int, *, _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[list[CategoryMessage]]: ...
    @overload
    async def get_category(self, advertiser_id: int, category_hash_code: int, *, _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def get_category(self, advertiser_id: int, category_hash_code: int, *, _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[list[CategoryMessage], WithHttpInfo[list[CategoryMessage]], AsyncStreamingResponse]: ...
    @bind(_GET_CATEGORY)
    async def get_category(self, advertiser_id: int, category_hash_code: int, **options: Any) -> Any:
        """Gets one category of an advertiser by its hash code."""
        return await self.api_client.invoke(_GET_CATEGORY, (advertiser_id, category_hash_code), options)
