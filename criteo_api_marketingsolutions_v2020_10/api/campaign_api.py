"""CampaignApi: operations tagged Campaign in the Criteo Marketing Solutions API 2020-10.

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

__all__ = ["CampaignApi", "ApiClient"]

_GET_AD_SET = Endpoint(
    name="get_ad_set",
    method="GET",
    path="/2021-04/marketing-solutions/ad-sets/{adSetId}",
    operation_id="GetAdSet",
    tag="Campaign",
    summary="Gets one ad set by its id",
    params=(
        Param("ad_set_id", "adSetId", "path", "str", required=True, description="Id of the ad set"),
    ),
    content_types=(),
    accept=("text/plain", "application/json", "text/json"),
    responses={200: "ResponseReadAdSet", 401: None, 403: None},
    auth=("Authorization",),
)

_GET_BIDS = Endpoint(
    name="get_bids",
    method="GET",
    path="/legacy/marketing/v1/campaigns/bids",
    operation_id="Campaigns_GetBids",
    tag="Campaign",
    summary="Lists the bids of campaigns and of their categories",
    params=(
        Param("campaign_ids", "campaignIds", "query", "str", description="Comma-separated ids of the campaigns to filter by"),
        Param("advertiser_ids", "advertiserIds", "query", "str", description="Comma-separated ids of the advertisers to filter by"),
        Param("category_hash_codes", "categoryHashCodes", "query", "str", description="Comma-separated hash codes of the categories to filter by"),
        Param("bid_type", "bidType", "query", "str", enum=("Unknown", "CPC", "COS", "CPO"), description="Only bids of this type"),
        Param("campaign_status", "campaignStatus", "query", "str", enum=("Running", "Archived", "NotRunning"), description="Only campaigns with this status"),
        Param("pending_changes", "pendingChanges", "query", "bool", description="Filter on whether a bid change is still pending"),
    ),
    content_types=(),
    accept=("application/json", "text/json", "application/xml", "text/xml", "text/html"),
    responses={200: "[CampaignBidMessage]", 401: None, 403: None, 429: None, 500: None},
    auth=("Authorization",),
)

_GET_CATEGORIES = Endpoint(
    name="get_categories",
    method="GET",
    path="/legacy/marketing/v1/campaigns/{campaignId}/categories",
    operation_id="Campaigns_GetCategories",
    tag="Campaign",
    summary="Lists the categories of a campaign",
    params=(
        Param("campaign_id", "campaignId", "path", "int", required=True, format="int32", description="Id of the campaign"),
        Param("enabled_only", "enabledOnly", "query", "bool", description="Return only the categories that are enabled"),
    ),
    content_types=(),
    accept=("application/json", "text/json", "application/xml", "text/xml", "text/html"),
    responses={200: "CategoryMessage", 401: None, 403: None, 404: None, 429: None, 500: None},
    auth=("Authorization",),
)

_GET_CATEGORY = Endpoint(
    name="get_category",
    method="GET",
    path="/legacy/marketing/v1/campaigns/{campaignId}/categories/{categoryHashCode}",
    operation_id="Campaigns_GetCategory",
    tag="Campaign",
    summary="Gets one category of a campaign by its hash code",
    params=(
        Param("campaign_id", "campaignId", "path", "int", required=True, format="int32", description="Id of the campaign"),
        Param("category_hash_code", "categoryHashCode", "path", "int", required=True, format="int32", description="Hash code of the category"),
    ),
    content_types=(),
    accept=("application/json", "text/json", "application/xml", "text/xml", "text/html"),
    responses={200: "CategoryMessage", 401: None, 403: None, 404: None, 429: None, 500: None},
    auth=("Authorization",),
)

_PATCH_AD_SETS = Endpoint(
    name="patch_ad_sets",
    method="PATCH",
    path="/2021-04/marketing-solutions/ad-sets",
    operation_id="PatchAdSets",
    tag="Campaign",
    summary="Changes some settings of one or more ad sets",
    params=(
        Param("requests_patch_ad_set", "requests_patch_ad_set", "body", "RequestsPatchAdSet", description="The ad sets to change and their new settings"),
    ),
    content_types=("application/json-patch+json", "application/json", "text/json", "application/*+json"),
    accept=("text/plain", "application/json", "text/json"),
    responses={200: "ResponseAdSetId", 401: None, 403: None},
    auth=("Authorization",),
)

_SEARCH_AD_SETS = Endpoint(
    name="search_ad_sets",
    method="POST",
    path="/2021-04/marketing-solutions/ad-sets/search",
    operation_id="SearchAdSets",
    tag="Campaign",
    summary="Finds ad sets by ad set, advertiser or campaign ids",
    params=(
        Param("request_ad_set_search", "request_ad_set_search", "body", "RequestAdSetSearch", description="Which ad sets to return"),
    ),
    content_types=("application/json-patch+json", "application/json", "text/json", "application/*+json"),
    accept=("text/plain", "application/json", "text/json"),
    responses={200: "ResponsesReadAdSet", 400: None, 401: None, 403: None},
    auth=("Authorization",),
)

_START_AD_SETS = Endpoint(
    name="start_ad_sets",
    method="POST",
    path="/2021-04/marketing-solutions/ad-sets/start",
    operation_id="StartAdSets",
    tag="Campaign",
    summary="Starts the delivery of one or more ad sets",
    params=(
        Param("requests_ad_set_id", "requests_ad_set_id", "body", "RequestsAdSetId", description="The ad sets to start"),
    ),
    content_types=("application/json-patch+json", "application/json", "text/json", "application/*+json"),
    accept=("text/plain", "application/json", "text/json"),
    responses={200: "ResponsesAdSetId", 400: None, 401: None},
    auth=("Authorization",),
)

_STOP_AD_SETS = Endpoint(
    name="stop_ad_sets",
    method="POST",
    path="/2021-04/marketing-solutions/ad-sets/stop",
    operation_id="StopAdSets",
    tag="Campaign",
    summary="Stops the delivery of one or more ad sets",
    params=(
        Param("requests_ad_set_id", "requests_ad_set_id", "body", "RequestsAdSetId", description="The ad sets to stop"),
    ),
    content_types=("application/json-patch+json", "application/json", "text/json", "application/*+json"),
    accept=("text/plain", "application/json", "text/json"),
    responses={200: "ResponsesAdSetId", 400: None, 401: None},
    auth=("Authorization",),
)

_UPDATE_BIDS = Endpoint(
    name="update_bids",
    method="PUT",
    path="/legacy/marketing/v1/campaigns/bids",
    operation_id="Campaigns_UpdateBids",
    tag="Campaign",
    summary="Changes the bids of campaigns and of their categories",
    params=(
        Param("bid_changes", "bid_changes", "body", "[CampaignBidChangeRequest]", required=True, description="The new bids, campaign by campaign"),
    ),
    content_types=("application/json", "text/json", "application/xml", "text/xml", "application/x-www-form-urlencoded", "text/html"),
    accept=("application/json", "text/json", "application/xml", "text/xml", "text/html"),
    responses={200: "[CampaignMessage]", 400: "CampaignBidChangeResponseMessageWithDetails", 401: None, 429: None, 500: None},
    auth=("Authorization",),
)


class CampaignApi(Api):
    """Operations tagged Campaign.

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
    def get_ad_set(self, ad_set_id: str, *, async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> ResponseReadAdSet: ...
    @overload
    def get_ad_set(self, ad_set_id: str, *, async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[ResponseReadAdSet]: ...
    @overload
    def get_ad_set(self, ad_set_id: str, *, async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def get_ad_set(self, ad_set_id: str, *, async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[ResponseReadAdSet]: ...
    @overload
    def get_ad_set(self, ad_set_id: str, *, async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[ResponseReadAdSet]]: ...
    @overload
    def get_ad_set(self, ad_set_id: str, *, async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def get_ad_set(self, ad_set_id: str, *, async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[ResponseReadAdSet]: ...
    @_GET_AD_SET.bind
    def get_ad_set(self, ad_set_id: str, **options: Any) -> AnyResult[ResponseReadAdSet]:
        """Gets one ad set by its id."""
        result: AnyResult[ResponseReadAdSet] = self.api_client.invoke(_GET_AD_SET, (ad_set_id,), options)
        return result

    @overload
    def get_bids(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., bid_type: Literal["Unknown", "CPC", "COS", "CPO"] = ..., campaign_status: Literal["Running", "Archived", "NotRunning"] = ..., pending_changes: bool = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> list[CampaignBidMessage]: ...
    @overload
    def get_bids(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., bid_type: Literal["Unknown", "CPC", "COS", "CPO"] = ..., campaign_status: Literal["Running", "Archived", "NotRunning"] = ..., pending_changes: bool = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[list[CampaignBidMessage]]: ...
    @overload
    def get_bids(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., bid_type: Literal["Unknown", "CPC", "COS", "CPO"] = ..., campaign_status: Literal["Running", "Archived", "NotRunning"] = ..., pending_changes: bool = ..., async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def get_bids(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., bid_type: Literal["Unknown", "CPC", "COS", "CPO"] = ..., campaign_status: Literal["Running", "Archived", "NotRunning"] = ..., pending_changes: bool = ..., async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[list[CampaignBidMessage]]: ...
    @overload
    def get_bids(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., bid_type: Literal["Unknown", "CPC", "COS", "CPO"] = ..., campaign_status: Literal["Running", "Archived", "NotRunning"] = ..., pending_changes: bool = ..., async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[list[CampaignBidMessage]]]: ...
    @overload
    def get_bids(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., bid_type: Literal["Unknown", "CPC", "COS", "CPO"] = ..., campaign_status: Literal["Running", "Archived", "NotRunning"] = ..., pending_changes: bool = ..., async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def get_bids(self, *, campaign_ids: str = ..., advertiser_ids: str = ..., category_hash_codes: str = ..., bid_type: Literal["Unknown", "CPC", "COS", "CPO"] = ..., campaign_status: Literal["Running", "Archived", "NotRunning"] = ..., pending_changes: bool = ..., async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[list[CampaignBidMessage]]: ...
    @_GET_BIDS.bind
    def get_bids(self, *, campaign_ids: str = UNSET, advertiser_ids: str = UNSET, category_hash_codes: str = UNSET, bid_type: Literal["Unknown", "CPC", "COS", "CPO"] = UNSET, campaign_status: Literal["Running", "Archived", "NotRunning"] = UNSET, pending_changes: bool = UNSET, **options: Any) -> AnyResult[list[CampaignBidMessage]]:
        """Lists the bids of campaigns and of their categories."""
        result: AnyResult[list[CampaignBidMessage]] = self.api_client.invoke(_GET_BIDS, (campaign_ids, advertiser_ids, category_hash_codes, bid_type, campaign_status, pending_changes), options)
        return result

    @overload
    def get_categories(self, campaign_id: int, *, enabled_only: bool = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> CategoryMessage: ...
    @overload
    def get_categories(self, campaign_id: int, *, enabled_only: bool = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[CategoryMessage]: ...
    @overload
    def get_categories(self, campaign_id: int, *, enabled_only: bool = ..., async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def get_categories(self, campaign_id: int, *, enabled_only: bool = ..., async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[CategoryMessage]: ...
    @overload
    def get_categories(self, campaign_id: int, *, enabled_only: bool = ..., async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[CategoryMessage]]: ...
    @overload
    def get_categories(self, campaign_id: int, *, enabled_only: bool = ..., async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def get_categories(self, campaign_id: int, *, enabled_only: bool = ..., async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[CategoryMessage]: ...
    @_GET_CATEGORIES.bind
    def get_categories(self, campaign_id: int, *, enabled_only: bool = UNSET, **options: Any) -> AnyResult[CategoryMessage]:
        """Lists the categories of a campaign."""
        result: AnyResult[CategoryMessage] = self.api_client.invoke(_GET_CATEGORIES, (campaign_id, enabled_only), options)
        return result

    @overload
    def get_category(self, campaign_id: int, category_hash_code: int, *, async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> CategoryMessage: ...
    @overload
    def get_category(self, campaign_id: int, category_hash_code: int, *, async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[CategoryMessage]: ...
    @overload
    def get_category(self, campaign_id: int, category_hash_code: int, *, async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def get_category(self, campaign_id: int, category_hash_code: int, *, async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[CategoryMessage]: ...
    @overload
    def get_category(self, campaign_id: int, category_hash_code: int, *, async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[CategoryMessage]]: ...
    @overload
    def get_category(self, campaign_id: int, category_hash_code: int, *, async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def get_category(self, campaign_id: int, category_hash_code: int, *, async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[CategoryMessage]: ...
    @_GET_CATEGORY.bind
    def get_category(self, campaign_id: int, category_hash_code: int, **options: Any) -> AnyResult[CategoryMessage]:
        """Gets one category of a campaign by its hash code."""
        result: AnyResult[CategoryMessage] = self.api_client.invoke(_GET_CATEGORY, (campaign_id, category_hash_code), options)
        return result

    @overload
    def patch_ad_sets(self, *, requests_patch_ad_set: RequestsPatchAdSet = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> ResponseAdSetId: ...
    @overload
    def patch_ad_sets(self, *, requests_patch_ad_set: RequestsPatchAdSet = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[ResponseAdSetId]: ...
    @overload
    def patch_ad_sets(self, *, requests_patch_ad_set: RequestsPatchAdSet = ..., async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def patch_ad_sets(self, *, requests_patch_ad_set: RequestsPatchAdSet = ..., async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[ResponseAdSetId]: ...
    @overload
    def patch_ad_sets(self, *, requests_patch_ad_set: RequestsPatchAdSet = ..., async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[ResponseAdSetId]]: ...
    @overload
    def patch_ad_sets(self, *, requests_patch_ad_set: RequestsPatchAdSet = ..., async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def patch_ad_sets(self, *, requests_patch_ad_set: RequestsPatchAdSet = ..., async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[ResponseAdSetId]: ...
    @_PATCH_AD_SETS.bind
    def patch_ad_sets(self, *, requests_patch_ad_set: RequestsPatchAdSet = UNSET, **options: Any) -> AnyResult[ResponseAdSetId]:
        """Changes some settings of one or more ad sets."""
        result: AnyResult[ResponseAdSetId] = self.api_client.invoke(_PATCH_AD_SETS, (requests_patch_ad_set,), options)
        return result

    @overload
    def search_ad_sets(self, *, request_ad_set_search: RequestAdSetSearch = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> ResponsesReadAdSet: ...
    @overload
    def search_ad_sets(self, *, request_ad_set_search: RequestAdSetSearch = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[ResponsesReadAdSet]: ...
    @overload
    def search_ad_sets(self, *, request_ad_set_search: RequestAdSetSearch = ..., async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def search_ad_sets(self, *, request_ad_set_search: RequestAdSetSearch = ..., async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[ResponsesReadAdSet]: ...
    @overload
    def search_ad_sets(self, *, request_ad_set_search: RequestAdSetSearch = ..., async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[ResponsesReadAdSet]]: ...
    @overload
    def search_ad_sets(self, *, request_ad_set_search: RequestAdSetSearch = ..., async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def search_ad_sets(self, *, request_ad_set_search: RequestAdSetSearch = ..., async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[ResponsesReadAdSet]: ...
    @_SEARCH_AD_SETS.bind
    def search_ad_sets(self, *, request_ad_set_search: RequestAdSetSearch = UNSET, **options: Any) -> AnyResult[ResponsesReadAdSet]:
        """Finds ad sets by ad set, advertiser or campaign ids."""
        result: AnyResult[ResponsesReadAdSet] = self.api_client.invoke(_SEARCH_AD_SETS, (request_ad_set_search,), options)
        return result

    @overload
    def start_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> ResponsesAdSetId: ...
    @overload
    def start_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[ResponsesAdSetId]: ...
    @overload
    def start_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def start_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[ResponsesAdSetId]: ...
    @overload
    def start_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[ResponsesAdSetId]]: ...
    @overload
    def start_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def start_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[ResponsesAdSetId]: ...
    @_START_AD_SETS.bind
    def start_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = UNSET, **options: Any) -> AnyResult[ResponsesAdSetId]:
        """Starts the delivery of one or more ad sets."""
        result: AnyResult[ResponsesAdSetId] = self.api_client.invoke(_START_AD_SETS, (requests_ad_set_id,), options)
        return result

    @overload
    def stop_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> ResponsesAdSetId: ...
    @overload
    def stop_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[ResponsesAdSetId]: ...
    @overload
    def stop_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def stop_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[ResponsesAdSetId]: ...
    @overload
    def stop_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[ResponsesAdSetId]]: ...
    @overload
    def stop_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def stop_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = ..., async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[ResponsesAdSetId]: ...
    @_STOP_AD_SETS.bind
    def stop_ad_sets(self, *, requests_ad_set_id: RequestsAdSetId = UNSET, **options: Any) -> AnyResult[ResponsesAdSetId]:
        """Stops the delivery of one or more ad sets."""
        result: AnyResult[ResponsesAdSetId] = self.api_client.invoke(_STOP_AD_SETS, (requests_ad_set_id,), options)
        return result

    @overload
    def update_bids(self, bid_changes: list[CampaignBidChangeRequest], *, async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> list[CampaignMessage]: ...
    @overload
    def update_bids(self, bid_changes: list[CampaignBidChangeRequest], *, async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[list[CampaignMessage]]: ...
    @overload
    def update_bids(self, bid_changes: list[CampaignBidChangeRequest], *, async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def update_bids(self, bid_changes: list[CampaignBidChangeRequest], *, async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[list[CampaignMessage]]: ...
    @overload
    def update_bids(self, bid_changes: list[CampaignBidChangeRequest], *, async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[list[CampaignMessage]]]: ...
    @overload
    def update_bids(self, bid_changes: list[CampaignBidChangeRequest], *, async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def update_bids(self, bid_changes: list[CampaignBidChangeRequest], *, async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[list[CampaignMessage]]: ...
    @_UPDATE_BIDS.bind
    def update_bids(self, bid_changes: list[CampaignBidChangeRequest], **options: Any) -> AnyResult[list[CampaignMessage]]:
        """Changes the bids of campaigns and of their categories."""
        result: AnyResult[list[CampaignMessage]] = self.api_client.invoke(_UPDATE_BIDS, (bid_changes,), options)
        return result
