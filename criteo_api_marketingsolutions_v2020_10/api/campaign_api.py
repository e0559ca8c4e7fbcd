"""CampaignApi: operations tagged Campaign in the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.api_client import Api, ApiClient, Endpoint, Param

__all__ = ["CampaignApi", "ApiClient"]


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

    get_ad_set = Endpoint(
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

    get_bids = Endpoint(
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

    get_categories = Endpoint(
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

    get_category = Endpoint(
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

    patch_ad_sets = Endpoint(
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

    search_ad_sets = Endpoint(
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

    start_ad_sets = Endpoint(
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

    stop_ad_sets = Endpoint(
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

    update_bids = Endpoint(
        name="update_bids",
        method="PUT",
        path="/legacy/marketing/v1/campaigns/bids",
        operation_id="Campaigns_UpdateBids",
        tag="Campaign",
        summary="Changes the bids of campaigns and of their categories",
        params=(
            Param("campaign_bid_change_request", "campaign_bid_change_request", "body", "[CampaignBidChangeRequest]", required=True, description="The new bids, campaign by campaign"),
        ),
        content_types=("application/json", "text/json", "application/xml", "text/xml", "application/x-www-form-urlencoded", "text/html"),
        accept=("application/json", "text/json", "application/xml", "text/xml", "text/html"),
        responses={200: "[CampaignMessage]", 400: "CampaignBidChangeResponseMessageWithDetails", 401: None, 429: None, 500: None},
        auth=("Authorization",),
    )
