"""CampaignApi, awaited: operations tagged Campaign in the Criteo Marketing Solutions API 2020-10, on the asyncio client.

The operations are declared once, in ``criteo_api_marketingsolutions_v2020_10.api.campaign_api``.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Union, overload

from criteo_api_marketingsolutions_v2020_10._typing import CallOptions, WithHttpInfo
from criteo_api_marketingsolutions_v2020_10.aio.api_client import Api, ApiClient, bind
from criteo_api_marketingsolutions_v2020_10.api.campaign_api import (
    _GET_AD_SET,  # pyright: ignore[reportPrivateUsage]
    _GET_BIDS,  # pyright: ignore[reportPrivateUsage]
    _GET_CATEGORIES,  # pyright: ignore[reportPrivateUsage]
    _GET_CATEGORY,  # pyright: ignore[reportPrivateUsage]
    _PATCH_AD_SETS,  # pyright: ignore[reportPrivateUsage]
    _SEARCH_AD_SETS,  # pyright: ignore[reportPrivateUsage]
    _START_AD_SETS,  # pyright: ignore[reportPrivateUsage]
    _STOP_AD_SETS,  # pyright: ignore[reportPrivateUsage]
    _UPDATE_BIDS,  # pyright: ignore[reportPrivateUsage]
)
from criteo_api_marketingsolutions_v2020_10.model.campaign_bid_change_request import CampaignBidChangeRequest
from criteo_api_marketingsolutions_v2020_10.model.campaign_bid_message import CampaignBidMessage
from criteo_api_marketingsolutions_v2020_10.model.campaign_message import CampaignMessage
from criteo_api_marketingsolutions_v2020_10.model.category_message import CategoryMessage
from criteo_api_marketingsolutions_v2020_10.model.request_ad_set_search import RequestAdSetSearch
from criteo_api_marketingsolutions_v2020_10.model.requests_ad_set_id import RequestsAdSetId
from criteo_api_marketingsolutions_v2020_10.model.requests_patch_ad_set import RequestsPatchAdSet
from criteo_api_marketingsolutions_v2020_10.model.response_ad_set_id import ResponseAdSetId
from criteo_api_marketingsolutions_v2020_10.model.response_read_ad_set import ResponseReadAdSet
from criteo_api_marketingsolutions_v2020_10.model.responses_ad_set_id import ResponsesAdSetId
from criteo_api_marketingsolutions_v2020_10.model.responses_read_ad_set import ResponsesReadAdSet
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10.aio._streaming import AsyncStreamingResponse

__all__ = ["CampaignApi", "ApiClient"]


class CampaignApi(Api):
    """Operations tagged Campaign, awaited.

    Methods:
        get_ad_set: GET /2021-04/marketing-solutions/ad-sets/{adSetId}
        get_bids: GET /legacy/marketing/v1/campaigns/bids
        get_categories: GET /legacy/marketing/v1/campaigns/{campaignId}/categories
        get_category: GET /legacy/marketing/v1/campaigns/{campaignId}/categories/{categoryHashCode}
        patch_ad_sets: PATCH /2021-04/marketing-solutions/ad-sets
        search_ad_sets: POST /2021-04/marketing-solutions/ad-sets/search
        start_ad_sets: POST /2021-04/marketing-solutions/ad-sets/start
        stop_ad_sets: POST /2021-04/marketing-solutions/ad-sets/stop
        update_bids: PUT /legacy/marketing/v1/campaigns/bids
    """

    @overload
    async def get_ad_set(self, ad_set_id: str, *, _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> ResponseReadAdSet: ...
    @overload
    async def get_ad_set(self, ad_set_id: str, *, _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[ResponseReadAdSet]: ...
    @overload
    async def get_ad_set(self, ad_set_id: str, *, _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def get_ad_set(self, ad_set_id: str, *, _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[ResponseReadAdSet, WithHttpInfo[ResponseReadAdSet], AsyncStreamingResponse]: ...
    @bind(_GET_AD_SET)
    async def get_ad_set(self, ad_set_id: str, **options: Any) -> Any:
        """Gets one ad set by its id."""
        return await self.api_client.invoke(_GET_AD_SET, (ad_set_id,), options)

    @overload
    async def get_bids(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., bid_type: Literal["Unknown", "CPC", "COS", "CPO"] = ..., campaign_status: Literal["Running", "Archived", "NotRunning"] = ..., pending_changes: bool = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> list[CampaignBidMessage]: ...
    @overload
    async def get_bids(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., bid_type: Literal["Unknown", "CPC", "COS", "CPO"] = ..., campaign_status: Literal["Running", "Archived", "NotRunning"] = ..., pending_changes: bool = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[list[CampaignBidMessage]]: ...
    @overload
    async def get_bids(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., bid_type: Literal["Unknown", "CPC", "COS", "CPO"] = ..., campaign_status: Literal["Running", "Archived", "NotRunning"] = ..., pending_changes: bool = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def get_bids(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., bid_type: Literal["Unknown", "CPC", "COS", "CPO"] = ..., campaign_status: Literal["Running", "Archived", "NotRunning"] = ..., pending_changes: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[list[CampaignBidMessage], WithHttpInfo[list[CampaignBidMessage]], AsyncStreamingResponse]: ...
    @bind(_GET_BIDS)
    async def get_bids(self, *, campaign_ids: str = UNSET, advertiser_ids: str = UNSET, category_hash_codes: str = UNSET, bid_type: Literal["Unknown", "CPC", "COS", "CPO"] = UNSET, campaign_status: Literal["Running", "Archived", "NotRunning"] = UNSET, pending_changes: bool = UNSET, **options: Any) -> Any:
        """Lists the bids of campaigns and of their categories."""
        return await self.api_client.invoke(_GET_BIDS, (campaign_ids, advertiser_ids, category_hash_codes, bid_type, campaign_status, pending_changes), options)

    @overload
    async def get_categories(self, campaign_id: int, *, enabled_only: bool = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> CategoryMessage: ...
    @overload
    async def get_categories(self, campaign_id: int, *, enabled_only: bool = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[CategoryMessage]: ...
    @overload
    async def get_categories(self, campaign_id: int, *, enabled_only: bool = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def get_categories(self, campaign_id: int, *, enabled_only: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[CategoryMessage, WithHttpInfo[CategoryMessage], AsyncStreamingResponse]: ...
    @bind(_GET_CATEGORIES)
    async def get_categories(self, campaign_id: int, *, enabled_only: bool = UNSET, **options: Any) -> Any:
        """Lists the categories of a campaign."""
        return await self.api_client.invoke(_GET_CATEGORIES, (campaign_id, enabled_only), options)

    @overload
    async def get_category(self, campaign_id: int, category_hash_code: int, *, _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> CategoryMessage: ...
    @overload
    async def get_category(self, campaign_id: int, category_hash_code: int, *, _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[CategoryMessage]: ...
    @overload
    async def get_category(self, campaign_id: int, category_hash_code: int, *, _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def get_category(self, campaign_id: int, category_hash_code: int, *, _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[CategoryMessage, WithHttpInfo[CategoryMessage], AsyncStreamingResponse]: ...
    @bind(_GET_CATEGORY)
    async def get_category(self, campaign_id: int, category_hash_code: int, **options: Any) -> Any:
        """Gets one category of a campaign by its hash code."""
        return await self.api_client.invoke(_GET_CATEGORY, (campaign_id, category_hash_code), options)

    @overload
    async def patch_ad_sets(self, *, requests_patch_ad_set: RequestsPatchAdSet = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> ResponseAdSetId: ...
    @overload
    async def patch_ad_sets(self, *, requests_patch_ad_set: RequestsPatchAdSet = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[ResponseAdSetId]: ...
    @overload
    async def patch_ad_sets(self, *, requests_patch_ad_set: RequestsPatchAdSet = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def patch_ad_sets(self, *, requests_patch_ad_set: RequestsPatchAdSet = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[ResponseAdSetId, WithHttpInfo[ResponseAdSetId], AsyncStreamingResponse]: ...
    @bind(_PATCH_AD_SETS)
    async def patch_ad_sets(self, *, requests_patch_ad_set: RequestsPatchAdSet = UNSET, **options: Any) -> Any:
        """Changes some settings of one or more ad sets."""
        return await self.api_client.invoke(_PATCH_AD_SETS, (requests_patch_ad_set,), options)

    @overload
    async def search_ad_sets(self, *, request_ad_set_search: RequestAdSetSearch = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> ResponsesReadAdSet: ...
    @overload
    async def search_ad_sets(self, *, request_ad_set_search: RequestAdSetSearch = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[ResponsesReadAdSet]: ...
    @overload
    async def search_ad_sets(self, *, request_ad_set_search: RequestAdSetSearch = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def search_ad_sets(self, *, request_ad_set_search: RequestAdSetSearch = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[ResponsesReadAdSet, WithHttpInfo[ResponsesReadAdSet], AsyncStreamingResponse]: ...
    @bind(_SEARCH_AD_SETS)
    async def search_ad_sets(self, *, request_ad_set_search: RequestAdSetSearch = UNSET, **options: Any) -> Any:
        """Finds ad sets by ad set, advertiser or campaign ids."""
        return await self.api_client.invoke(_SEARCH_AD_SETS, (request_ad_set_search,), options)

    @overload
    async def start_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> ResponsesAdSetId: ...
    @overload
    async def start_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[ResponsesAdSetId]: ...
    @overload
    async def start_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def start_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[ResponsesAdSetId, WithHttpInfo[ResponsesAdSetId], AsyncStreamingResponse]: ...
    @bind(_START_AD_SETS)
    async def start_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = UNSET, **options: Any) -> Any:
        """Starts the delivery of one or more ad sets."""
        return await self.api_client.invoke(_START_AD_SETS, (requests_ad_set_id,), options)

    @overload
    async def stop_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> ResponsesAdSetId: ...
    @overload
    async def stop_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[ResponsesAdSetId]: ...
    @overload
    async def stop_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def stop_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[ResponsesAdSetId, WithHttpInfo[ResponsesAdSetId], AsyncStreamingResponse]: ...
    @bind(_STOP_AD_SETS)
    async def stop_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = UNSET, **options: Any) -> Any:
        """Stops the delivery of one or more ad sets."""
        return await self.api_client.invoke(_STOP_AD_SETS, (requests_ad_set_id,), options)

    @overload
    async def update_bids(self, bid_changes: list[CampaignBidChangeRequest], *, _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> list[CampaignMessage]: ...
    @overload
    async def update_bids(self, bid_changes: list[CampaignBidChangeRequest], *, _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[list[CampaignMessage]]: ...
    @overload
    async def update_bids(self, bid_changes: list[CampaignBidChangeRequest], *, _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def update_bids(self, bid_changes: list[CampaignBidChangeRequest], *, _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[list[CampaignMessage], WithHttpInfo[list[CampaignMessage]], AsyncStreamingResponse]: ...
    @bind(_UPDATE_BIDS)
    async def update_bids(self, bid_changes: list[CampaignBidChangeRequest], **options: Any) -> Any:
        """Changes the bids of campaigns and of their categories."""
        return await self.api_client.invoke(_UPDATE_BIDS, (bid_changes,), options)
