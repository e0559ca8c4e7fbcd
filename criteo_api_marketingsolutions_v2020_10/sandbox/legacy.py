"""The legacy operations (``/legacy/marketing/v1/...``): categories and bids.

Where the spec gives these endpoints no error schema the body is
``{"message": ...}``; bid and category updates refused as a whole answer 400
with the ``...MessageWithDetails`` models the spec names. The bid operations
live in ``bids``; the helpers they share with the category ones are here.

The id lists of the query (``campaignIds=1,2``) are plain strings in the
spec: parts that are not numbers are ids that match nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Set

from criteo_api_marketingsolutions_v2020_10.sandbox.responses import (
    ApiError,
    Response,
    json_response,
    parse_int32,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.routing import ApiRequest
from criteo_api_marketingsolutions_v2020_10.sandbox.schema import CATEGORY_UPDATES
from criteo_api_marketingsolutions_v2020_10.sandbox.world import Campaign, Category, World

#: Bids outside this range are refused with ``BidNotInRange``.
MIN_BID, MAX_BID = 0.0001, 1000.0


# --- query and path parameters ----------------------------------------------------


@dataclass
class IdFilter:
    """A comma-separated id list of the query: the ids that are numbers, and the other parts."""

    ids: Set[int] = field(default_factory=set[int])
    others: List[str] = field(default_factory=list[str])

    def __contains__(self, value: object) -> bool:
        return value in self.ids


def id_filter(request: ApiRequest, name: str) -> Optional[IdFilter]:
    """The ids of query parameter ``name``; ``None`` when it is absent or lists no id (``","``)."""
    raw = request.query_value(name)
    parts = [part.strip() for part in (raw or "").split(",") if part.strip()]
    if not parts:
        return None
    found = IdFilter()
    for part in parts:
        value = parse_int32(part)
        if value is None:
            found.others.append(part)
        else:
            found.ids.add(value)
    return found


def _passes(ids: Optional[IdFilter], value: int) -> bool:
    return ids is None or value in ids


def flag(request: ApiRequest, name: str) -> Optional[bool]:
    """A boolean query parameter (its spelling was checked against the spec before the handler ran)."""
    raw = request.query_value(name)
    return None if raw is None else raw == "true"


def _path_int(request: ApiRequest, name: str) -> int:
    value = parse_int32(request.params[name])
    if value is None:
        raise ApiError(400, "invalid", f"{name} must be an integer.")
    return value


def forbidden(what: str) -> ApiError:
    """The legacy 403 for something outside the portfolio."""
    return ApiError(403, "forbidden", f"{what} is not in your portfolio.", type="access-control")


def _campaign(world: World, request: ApiRequest) -> Campaign:
    campaign_id = _path_int(request, "campaignId")
    campaign = world.campaigns.get(campaign_id)
    if campaign is None:
        raise ApiError(404, "not-found", f"Campaign {campaign_id} not found.")
    if not world.in_portfolio(campaign.advertiser_id):
        raise forbidden(f"Campaign {campaign_id}")
    return campaign


def _portfolio_advertiser(world: World, request: ApiRequest) -> int:
    advertiser_id = _path_int(request, "advertiserId")
    if not world.in_portfolio(advertiser_id):
        raise forbidden(f"Advertiser {advertiser_id}")
    return advertiser_id


# --- messages ----------------------------------------------------------------------


def category_message(world: World, category: Category, campaign: Optional[Campaign] = None) -> Dict[str, Any]:
    """The ``CategoryMessage`` of a category, at catalog level or for one campaign."""
    advertiser = world.advertisers[category.advertiser_id]
    message: Dict[str, Any] = {
        "categoryHashCode": category.hash_code,
        "categoryName": category.name,
        "catalogId": category.catalog_id,
        "catalogName": advertiser.catalog_name,
        "advertiserId": advertiser.id,
        "advertiserName": advertiser.name,
    }
    if campaign is not None:
        message["campaignId"] = campaign.id
        message["campaignName"] = campaign.name
    message["averagePrice"] = category.average_price
    message["numberOfProducts"] = category.number_of_products
    if campaign is not None and category.hash_code in campaign.category_bids:
        message["categoryBid"] = campaign.category_bids[category.hash_code].to_json()
    message["enabled"] = category.enabled
    return message


def campaign_message(world: World, campaign: Campaign) -> Dict[str, Any]:
    """The ``CampaignMessage`` of a campaign."""
    return {
        "campaignType": campaign.campaign_type,
        "advertiserName": world.advertisers[campaign.advertiser_id].name,
        "categories": sorted(campaign.category_bids),
        "budgetId": campaign.budget_id,
        "campaignId": campaign.id,
        "campaignName": campaign.name,
        "advertiserId": campaign.advertiser_id,
        "campaignStatus": campaign.status,
        "campaignBid": campaign.bid.to_json(),
    }


def _campaign_categories(world: World, campaign: Campaign, enabled_only: bool) -> List[Category]:
    return [
        world.categories[code]
        for code in sorted(campaign.category_bids)
        if code in world.categories and (world.categories[code].enabled or not enabled_only)
    ]


# --- categories --------------------------------------------------------------------


def advertiser_categories(world: World, request: ApiRequest) -> Response:
    """``GET /legacy/marketing/v1/advertisers/{advertiserId}/categories``."""
    enabled_only = bool(flag(request, "enabledOnly"))
    with world.lock:
        advertiser_id = _portfolio_advertiser(world, request)
        data = [category_message(world, c) for c in world.categories_of(advertiser_id) if c.enabled or not enabled_only]
    return json_response(data)


def advertiser_category(world: World, request: ApiRequest) -> Response:
    """``GET /legacy/marketing/v1/advertisers/{advertiserId}/categories/{categoryHashCode}`` (a list of one)."""
    with world.lock:
        advertiser_id = _portfolio_advertiser(world, request)
        hash_code = _path_int(request, "categoryHashCode")
        category = world.categories.get(hash_code)
        if category is None or category.advertiser_id != advertiser_id:
            raise ApiError(404, "not-found", f"Category {hash_code} not found for advertiser {advertiser_id}.")
        data = [category_message(world, category)]
    return json_response(data)


def campaign_categories(world: World, request: ApiRequest) -> Response:
    """``GET /legacy/marketing/v1/campaigns/{campaignId}/categories``.

    The spec declares a single ``CategoryMessage`` here, not a list; the
    sandbox follows the spec and answers the campaign's first category (by
    hash code), or an empty object when none matches.
    """
    enabled_only = bool(flag(request, "enabledOnly"))
    with world.lock:
        campaign = _campaign(world, request)
        found = _campaign_categories(world, campaign, enabled_only)
        data = category_message(world, found[0], campaign) if found else {}
    return json_response(data)


def campaign_category(world: World, request: ApiRequest) -> Response:
    """``GET /legacy/marketing/v1/campaigns/{campaignId}/categories/{categoryHashCode}``."""
    with world.lock:
        campaign = _campaign(world, request)
        hash_code = _path_int(request, "categoryHashCode")
        if hash_code not in campaign.category_bids or hash_code not in world.categories:
            raise ApiError(404, "not-found", f"Category {hash_code} not found for campaign {campaign.id}.")
        data = category_message(world, world.categories[hash_code], campaign)
    return json_response(data)


def get_categories(world: World, request: ApiRequest) -> Response:
    """``GET /legacy/marketing/v1/categories``: one message per campaign and category of the portfolio.

    The spec lists no 403 here: ids outside the portfolio simply match nothing.
    """
    campaign_ids = id_filter(request, "campaignIds")
    advertiser_ids = id_filter(request, "advertiserIds")
    hash_codes = id_filter(request, "categoryHashCodes")
    enabled_only = bool(flag(request, "enabledOnly"))
    data: List[Dict[str, Any]] = []
    with world.lock:
        for campaign in sorted(world.campaigns.values(), key=lambda c: c.id):
            wanted = world.in_portfolio(campaign.advertiser_id) and all(
                (_passes(campaign_ids, campaign.id), _passes(advertiser_ids, campaign.advertiser_id))
            )
            for category in _campaign_categories(world, campaign, enabled_only) if wanted else ():
                if hash_codes is None or category.hash_code in hash_codes:
                    data.append(category_message(world, category, campaign))
    return json_response(data)


def update_categories(world: World, request: ApiRequest) -> Response:
    """``PUT /legacy/marketing/v1/categories``: enable or disable categories per catalog, all or nothing.

    Each applied category is echoed with its state afterwards (a change without
    ``enabled`` leaves it as it was).
    """
    updates = legacy_body(request, CATEGORY_UPDATES)
    with world.lock:
        problem = _category_update_problem(world, updates)
        if problem is not None:
            return json_response({"message": "Categories were not updated.", "details": problem}, 400)
        applied: List[Dict[str, Any]] = []
        for update in updates:
            echoed: List[Dict[str, Any]] = []
            for change in update.get("categories") or ():
                category = world.categories[change["categoryHashCode"]]
                category.enabled = change.get("enabled", category.enabled)
                echoed.append({"categoryHashCode": category.hash_code, "enabled": category.enabled})
            applied.append({"catalogId": update["catalogId"], "categories": echoed})
    return json_response(applied)


def _catalog_problem(world: World, catalog_id: Optional[int], seen: Set[Optional[int]]) -> Optional[str]:
    owner = world.catalog_owner(catalog_id) if catalog_id is not None else None
    if catalog_id in seen:
        return "DuplicateCatalogEntry"
    if owner is None:
        return "InvalidCatalogId"
    return None if owner.in_portfolio else "AccessDenied"


def _category_update_problem(world: World, updates: List[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """The ``CategoryUpdatesPerCatalogError`` of the first refused catalog, or ``None``."""
    seen_catalogs: Set[Optional[int]] = set()
    for update in updates:
        catalog_id = update.get("catalogId")
        code = _catalog_problem(world, catalog_id, seen_catalogs)
        seen_catalogs.add(catalog_id)
        if code is not None:
            return rejected("catalogId", catalog_id, [], code)
        category_errors = _category_change_errors(world, catalog_id, update.get("categories") or [])
        if category_errors:
            return rejected("catalogId", catalog_id, category_errors)
    return None


def _category_change_errors(
    world: World, catalog_id: Optional[int], changes: List[Dict[str, Any]]
) -> List[Dict[str, Any]]:
    """One ``CategoryUpdateError`` per refused change of a catalog's categories."""
    errors: List[Dict[str, Any]] = []
    seen_codes: Set[Optional[int]] = set()
    for change in changes:
        hash_code = change.get("categoryHashCode")
        category = world.categories.get(hash_code) if hash_code is not None else None
        if hash_code in seen_codes:
            errors.append(category_error(hash_code, "DuplicateCategoryEntry"))
        elif category is None or category.catalog_id != catalog_id:
            errors.append(category_error(hash_code, "InvalidCategoryHashcode"))
        seen_codes.add(hash_code)
    return errors


# --- shared ----------------------------------------------------------------------


def rejected(
    id_field: str, id_value: Optional[int], category_errors: List[Dict[str, Any]], code: Optional[str] = None
) -> Dict[str, Any]:
    """The details of a refused change: ``code``, or its first category error as the overall one.

    An id the request left out is left out here too (the spec's ids are not nullable).
    """
    overall = code or category_errors[0]["errorCode"]
    details: Dict[str, Any] = {} if id_value is None else {id_field: id_value}
    details.update(errorCode=overall, errorMessage=ERROR_TEXT[overall], categories=category_errors)
    return details


def legacy_body(request: ApiRequest, schema: Dict[str, Any]) -> List[Dict[str, Any]]:
    """The JSON list a legacy update sends (an empty list changes nothing)."""
    body: List[Dict[str, Any]] = request.json_body(schema)
    return body


def category_error(hash_code: Optional[int], code: str) -> Dict[str, Any]:
    """A ``CategoryUpdateError`` (without ``categoryHashCode`` when the change had none)."""
    error: Dict[str, Any] = {} if hash_code is None else {"categoryHashCode": hash_code}
    error.update(errorCode=code, errorMessage=ERROR_TEXT[code])
    return error


#: The ``errorMessage`` of each error code the sandbox sends.
ERROR_TEXT = {
    "AccessDenied": "The catalog is not in your portfolio.",
    "BidNotInRange": f"Bids must be between {MIN_BID} and {MAX_BID}.",
    "CampaignNotInPortfolioOrNotActive": "The campaign is not in your portfolio or is not active.",
    "DuplicateCampaignEntry": "The campaign appears more than once.",
    "DuplicateCatalogEntry": "The catalog appears more than once.",
    "DuplicateCategoryEntry": "The category appears more than once.",
    "FourDecimalsNotAllowed": "Bids have at most four decimals.",
    "InactiveCategory": "The category is disabled.",
    "InvalidCatalogId": "No such catalog.",
    "InvalidCategoryHashcode": "No such category here.",
}
