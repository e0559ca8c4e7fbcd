"""CategoryApi, awaited: operations tagged Category in the Criteo Marketing Solutions API 2020-10, on the asyncio client.

The operations are declared once, in ``criteo_api_marketingsolutions_v2020_10.api.category_api``.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Union, overload

from criteo_api_marketingsolutions_v2020_10._typing import CallOptions, WithHttpInfo
from criteo_api_marketingsolutions_v2020_10.aio.api_client import Api, ApiClient, bind
from criteo_api_marketingsolutions_v2020_10.api.category_api import (
    _GET_CATEGORIES,  # pyright: ignore[reportPrivateUsage]
    _UPDATE_CATEGORIES,  # pyright: ignore[reportPrivateUsage]
)
from criteo_api_marketingsolutions_v2020_10.model.category_message import CategoryMessage
from criteo_api_marketingsolutions_v2020_10.model.category_updates_per_catalog import CategoryUpdatesPerCatalog
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10.aio._streaming import AsyncStreamingResponse

__all__ = ["CategoryApi", "ApiClient"]


class CategoryApi(Api):
    """Operations tagged Category, awaited.

    Methods:
        get_categories: GET /legacy/marketing/v1/categories
        update_categories: PUT /legacy/marketing/v1/categories
    """

    @overload
    async def get_categories(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., enabled_only: bool = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> list[CategoryMessage]: ...
    @overload
    async def get_categories(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., enabled_only: bool = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[list[CategoryMessage]]: ...
    @overload
    async def get_categories(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., enabled_only: bool = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def get_categories(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., enabled_only: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[list[CategoryMessage], WithHttpInfo[list[CategoryMessage]], AsyncStreamingResponse]: ...
    @bind(_GET_CATEGORIES)
    async def get_categories(self, *, campaign_ids: str = UNSET, advertiser_ids: str = UNSET, category_hash_codes: str = UNSET, enabled_only: bool = UNSET, **options: Any) -> Any:
        """Lists categories filtered by campaigns, advertisers or hash codes."""
        return await self.api_client.invoke(_GET_CATEGORIES, (campaign_ids, advertiser_ids, category_hash_codes, enabled_only), options)

    @overload
    async def update_categories(self, categories_per_catalog: list[CategoryUpdatesPerCatalog], *, _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> list[CategoryUpdatesPerCatalog]: ...
    @overload
    async def update_categories(self, categories_per_catalog: list[CategoryUpdatesPerCatalog], *, _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[list[CategoryUpdatesPerCatalog]]: ...
    @overload
    async def update_categories(self, categories_per_catalog: list[CategoryUpdatesPerCatalog], *, _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def update_categories(self, categories_per_catalog: list[CategoryUpdatesPerCatalog], *, _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[list[CategoryUpdatesPerCatalog], WithHttpInfo[list[CategoryUpdatesPerCatalog]], AsyncStreamingResponse]: ...
    @bind(_UPDATE_CATEGORIES)
    async def update_categories(self, categories_per_catalog: list[CategoryUpdatesPerCatalog], **options: Any) -> Any:
        """Enables or disables categories, catalog by catalog."""
        return await self.api_client.invoke(_UPDATE_CATEGORIES, (categories_per_catalog,), options)
