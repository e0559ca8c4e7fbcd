"""The 22 API operations of the spec (everything but the token endpoint), with the error model of each."""

from __future__ import annotations

from typing import List

from criteo_api_marketingsolutions_v2020_10.sandbox import ad_sets, audiences, bids, legacy, reports
from criteo_api_marketingsolutions_v2020_10.sandbox.contract import JSON_ONLY, JSON_VARIANTS, LEGACY_MEDIA, QueryParam
from criteo_api_marketingsolutions_v2020_10.sandbox.responses import ErrorStyle
from criteo_api_marketingsolutions_v2020_10.sandbox.routing import Route, Router
from criteo_api_marketingsolutions_v2020_10.sandbox.schema import BOOLEAN, STRING

VERSION_PREFIX = "/2021-04"
LEGACY_PREFIX = "/legacy/marketing/v1"
_AUDIENCES = f"{VERSION_PREFIX}/audiences"
_AD_SETS = f"{VERSION_PREFIX}/marketing-solutions/ad-sets"

_CRITEO, _PROBLEM, _REPORT, _LEGACY = ErrorStyle.CRITEO, ErrorStyle.PROBLEM, ErrorStyle.REPORT, ErrorStyle.LEGACY

# The query parameters each operation declares.
_ENABLED_ONLY = QueryParam("enabledOnly", BOOLEAN)
_ID_LISTS = tuple(QueryParam(name, STRING) for name in ("campaignIds", "advertiserIds", "categoryHashCodes"))
_BIDS_QUERY = (
    *_ID_LISTS,
    QueryParam("bidType", {"type": "string", "enum": list(bids.BID_TYPES)}),
    QueryParam("campaignStatus", {"type": "string", "enum": list(bids.CAMPAIGN_STATUS_CODES)}),
    QueryParam("pendingChanges", BOOLEAN),
)


def api_routes() -> List[Route]:
    """One route per operation: method, path template, operationId, handler, error model."""
    return [
        Route("GET", f"{VERSION_PREFIX}/advertisers/me", "ApiPortfolioGet", audiences.get_portfolio, _CRITEO),
        Route(
            "GET",
            _AUDIENCES,
            "getAudiences",
            audiences.get_audiences,
            _CRITEO,
            query=(QueryParam("advertiser-id", STRING),),
        ),
        Route("POST", _AUDIENCES, "createAudience", audiences.create_audience, _CRITEO, JSON_ONLY),
        Route(
            "PATCH", f"{_AUDIENCES}/{{audience-id}}", "modifyAudience", audiences.modify_audience, _CRITEO, JSON_ONLY
        ),
        Route("DELETE", f"{_AUDIENCES}/{{audience-id}}", "removeAudience", audiences.remove_audience, _CRITEO),
        Route(
            "PATCH",
            f"{_AUDIENCES}/{{audience-id}}/contactlist",
            "modifyAudienceUsers",
            audiences.modify_audience_users,
            _CRITEO,
            JSON_ONLY,
        ),
        Route(
            "DELETE",
            f"{_AUDIENCES}/{{audience-id}}/contactlist",
            "deleteIdentifiers",
            audiences.delete_identifiers,
            _CRITEO,
        ),
        Route("GET", f"{_AD_SETS}/{{adSetId}}", "GetAdSet", ad_sets.get_ad_set, _PROBLEM),
        Route("POST", f"{_AD_SETS}/search", "SearchAdSets", ad_sets.search_ad_sets, _PROBLEM, JSON_VARIANTS),
        Route("PATCH", _AD_SETS, "PatchAdSets", ad_sets.patch_ad_sets, _PROBLEM, JSON_VARIANTS),
        Route("POST", f"{_AD_SETS}/start", "StartAdSets", ad_sets.start_ad_sets, _PROBLEM, JSON_VARIANTS),
        Route("POST", f"{_AD_SETS}/stop", "StopAdSets", ad_sets.stop_ad_sets, _PROBLEM, JSON_VARIANTS),
        Route(
            "POST",
            f"{VERSION_PREFIX}/statistics/report",
            "GetAdsetReport",
            reports.statistics_report,
            _REPORT,
            JSON_VARIANTS,
        ),
        Route(
            "POST",
            f"{VERSION_PREFIX}/transactions/report",
            "GetTransactionsReport",
            reports.transactions_report,
            _REPORT,
            JSON_VARIANTS,
        ),
        Route(
            "GET",
            f"{LEGACY_PREFIX}/advertisers/{{advertiserId}}/categories",
            "Advertisers_GetCategories",
            legacy.advertiser_categories,
            _LEGACY,
            query=(_ENABLED_ONLY,),
        ),
        Route(
            "GET",
            f"{LEGACY_PREFIX}/advertisers/{{advertiserId}}/categories/{{categoryHashCode}}",
            "Advertisers_GetCategory",
            legacy.advertiser_category,
            _LEGACY,
        ),
        Route(
            "GET",
            f"{LEGACY_PREFIX}/campaigns/{{campaignId}}/categories",
            "Campaigns_GetCategories",
            legacy.campaign_categories,
            _LEGACY,
            query=(_ENABLED_ONLY,),
        ),
        Route(
            "GET",
            f"{LEGACY_PREFIX}/campaigns/{{campaignId}}/categories/{{categoryHashCode}}",
            "Campaigns_GetCategory",
            legacy.campaign_category,
            _LEGACY,
        ),
        Route("GET", f"{LEGACY_PREFIX}/campaigns/bids", "Campaigns_GetBids", bids.get_bids, _LEGACY, query=_BIDS_QUERY),
        Route(
            "PUT", f"{LEGACY_PREFIX}/campaigns/bids", "Campaigns_UpdateBids", bids.update_bids, _LEGACY, LEGACY_MEDIA
        ),
        Route(
            "GET",
            f"{LEGACY_PREFIX}/categories",
            "Categories_GetCategories",
            legacy.get_categories,
            _LEGACY,
            query=(*_ID_LISTS, _ENABLED_ONLY),
        ),
        Route(
            "PUT",
            f"{LEGACY_PREFIX}/categories",
            "Categories_UpdateCategories",
            legacy.update_categories,
            _LEGACY,
            LEGACY_MEDIA,
        ),
    ]


def api_router() -> Router:
    """A router over every API operation."""
    return Router(api_routes())
