"""The legacy operations (``/legacy/marketing/v1/...``): categories and bids.

Where the spec gives these endpoints no error schema the body is
``{"message": ...}``; bid and category updates refused as a whole answer 400
with the ``...MessageWithDetails`` models the spec names.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional, Set

from criteo_api_marketingsolutions_v2020_10.sandbox.responses import (
    ApiError,
    Response,
    json_response,
    parse_int32,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.routing import ApiRequest
from criteo_api_marketingsolutions_v2020_10.sandbox.schema import CAMPAIGN_BID_CHANGES, CATEGORY_UPDATES
from criteo_api_marketingsolutions_v2020_10.sandbox.world import Campaign, Category, World

#: ``CampaignBidMessage.campaignStatus`` is an integer in the spec: the
#: position of the status in the ``CampaignMessage.campaignStatus`` enum.
CAMPAIGN_STATUS_CODES = {"Running": 0, "Archived": 1, "NotRunning": 2}
BID_TYPES = ("Unknown", "CPC", "COS", "CPO")
#: Bids outside this range are refused with ``BidNotInRange``.
MIN_BID, MAX_BID = 0.0001, 1000.0


# --- query and path parameters ----------------------------------------------------


def _int_list(request: ApiRequest, name: str) -> Optional[Set[int]]:
    """A comma-separated list of integers, ``None`` when the parameter is absent or empty."""
    raw = request.query_value(name)
    if raw is None or not raw.strip():
        return None
    values = set()
    for part in raw.split(","):
        value = parse_int32(part)
        if value is None:
            raise ApiError(400, "invalid", f"{name} must be a comma-separated list of integers.")
        values.add(value)
    return values


def _boolean(request: ApiRequest, name: str) -> Optional[bool]:
    raw = request.query_value(name)
    if raw is None or raw == "":
        return None
    if raw.lower() in ("true", "false"):
        return raw.lower() == "true"
    raise ApiError(400, "invalid", f"{name} must be true or false.")


def _choice(request: ApiRequest, name: str, allowed: Iterable[str]) -> Optional[str]:
    raw = request.query_value(name)
    if raw is None or raw == "":
        return None
    for option in allowed:
        if raw.lower() == option.lower():
            return option
    raise ApiError(400, "invalid", f"{name} must be one of {', '.join(allowed)}.")


def _path_int(request: ApiRequest, name: str) -> int:
    value = parse_int32(request.params[name])
    if value is None:
        raise ApiError(400, "invalid", f"{name} must be an integer.")
    return value


def _forbidden(what: str) -> ApiError:
    return ApiError(403, "forbidden", f"{what} is not in your portfolio.", type="access-control")


def _campaign(world: World, request: ApiRequest) -> Campaign:
    campaign_id = _path_int(request, "campaignId")
    campaign = world.campaigns.get(campaign_id)
    if campaign is None:
        raise ApiError(404, "not-found", f"Campaign {campaign_id} not found.")
    if not world.in_portfolio(campaign.advertiser_id):
        raise _forbidden(f"Campaign {campaign_id}")
    return campaign


def _portfolio_advertiser(world: World, request: ApiRequest) -> int:
    advertiser_id = _path_int(request, "advertiserId")
    if not world.in_portfolio(advertiser_id):
        raise _forbidden(f"Advertiser {advertiser_id}")
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
    enabled_only = bool(_boolean(request, "enabledOnly"))
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
    enabled_only = bool(_boolean(request, "enabledOnly"))
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
    campaign_ids = _int_list(request, "campaignIds")
    advertiser_ids = _int_list(request, "advertiserIds")
    hash_codes = _int_list(request, "categoryHashCodes")
    enabled_only = bool(_boolean(request, "enabledOnly"))
    data = []
    with world.lock:
        for campaign in sorted(world.campaigns.values(), key=lambda c: c.id):
            if not world.in_portfolio(campaign.advertiser_id):
                continue
            if campaign_ids is not None and campaign.id not in campaign_ids:
                continue
            if advertiser_ids is not None and campaign.advertiser_id not in advertiser_ids:
                continue
            for category in _campaign_categories(world, campaign, enabled_only):
                if hash_codes is None or category.hash_code in hash_codes:
                    data.append(category_message(world, category, campaign))
    return json_response(data)


def update_categories(world: World, request: ApiRequest) -> Response:
    """``PUT /legacy/marketing/v1/categories``: enable or disable categories per catalog, all or nothing."""
    updates = _legacy_body(request, CATEGORY_UPDATES)
    with world.lock:
        problem = _category_update_problem(world, updates)
        if problem is not None:
            return json_response({"message": "Categories were not updated.", "details": problem}, 400)
        applied = []
        for update in updates:
            for change in update["categories"]:
                world.categories[change["categoryHashCode"]].enabled = change["enabled"]
            applied.append(
                {
                    "catalogId": update["catalogId"],
                    "categories": [
                        {"categoryHashCode": c["categoryHashCode"], "enabled": c["enabled"]}
                        for c in update["categories"]
                    ],
                }
            )
    return json_response(applied)


def _category_update_problem(world: World, updates: List[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """The ``CategoryUpdatesPerCatalogError`` of the first refused catalog, or ``None``."""
    seen_catalogs: Set[int] = set()
    for update in updates:
        catalog_id = update["catalogId"]
        owner = world.catalog_owner(catalog_id)
        code = None
        if catalog_id in seen_catalogs:
            code = "DuplicateCatalogEntry"
        elif owner is None:
            code = "InvalidCatalogId"
        elif not owner.in_portfolio:
            code = "AccessDenied"
        seen_catalogs.add(catalog_id)
        if code is not None:
            return {"catalogId": catalog_id, "errorCode": code, "errorMessage": _ERROR_TEXT[code], "categories": []}
        assert owner is not None
        category_errors = []
        seen_codes: Set[int] = set()
        for change in update["categories"]:
            hash_code = change["categoryHashCode"]
            category = world.categories.get(hash_code)
            if hash_code in seen_codes:
                category_errors.append(_category_error(hash_code, "DuplicateCategoryEntry"))
            elif category is None or category.catalog_id != catalog_id:
                category_errors.append(_category_error(hash_code, "InvalidCategoryHashcode"))
            seen_codes.add(hash_code)
        if category_errors:
            return _rejected("catalogId", catalog_id, category_errors)
    return None


# --- bids ----------------------------------------------------------------------


def get_bids(world: World, request: ApiRequest) -> Response:
    """``GET /legacy/marketing/v1/campaigns/bids``: campaign and category bids, filtered."""
    campaign_ids = _int_list(request, "campaignIds")
    advertiser_ids = _int_list(request, "advertiserIds")
    hash_codes = _int_list(request, "categoryHashCodes")
    bid_type = _choice(request, "bidType", BID_TYPES)
    status = _choice(request, "campaignStatus", CAMPAIGN_STATUS_CODES)
    pending = _boolean(request, "pendingChanges")
    data = []
    with world.lock:
        for advertiser_id in advertiser_ids or ():
            if not world.in_portfolio(advertiser_id):
                raise _forbidden(f"Advertiser {advertiser_id}")
        for campaign_id in campaign_ids or ():
            campaign = world.campaigns.get(campaign_id)
            if campaign is not None and not world.in_portfolio(campaign.advertiser_id):
                raise _forbidden(f"Campaign {campaign_id}")
        for campaign in sorted(world.campaigns.values(), key=lambda c: c.id):
            if not world.in_portfolio(campaign.advertiser_id):
                continue
            if campaign_ids is not None and campaign.id not in campaign_ids:
                continue
            if advertiser_ids is not None and campaign.advertiser_id not in advertiser_ids:
                continue
            if bid_type is not None and campaign.bid.type != bid_type:
                continue
            if status is not None and campaign.status != status:
                continue
            codes = [c for c in sorted(campaign.category_bids) if hash_codes is None or c in hash_codes]
            if hash_codes is not None and not codes:
                continue
            is_pending = campaign.bid.pending or any(b.pending for b in campaign.category_bids.values())
            if pending is not None and is_pending != pending:
                continue
            data.append(
                {
                    "campaignId": campaign.id,
                    "campaignName": campaign.name,
                    "campaignBid": campaign.bid.to_json(),
                    "categories": [
                        {
                            "categoryHashcode": code,
                            "categoryName": world.categories[code].name,
                            "categoryBid": campaign.category_bids[code].to_json(),
                        }
                        for code in codes
                    ],
                    "campaignStatus": CAMPAIGN_STATUS_CODES[campaign.status],
                }
            )
    return json_response(data)


def update_bids(world: World, request: ApiRequest) -> Response:
    """``PUT /legacy/marketing/v1/campaigns/bids``: change campaign and category bids, all or nothing.

    Changed bids are marked ``bidIsPending``, as the service applies them later.
    """
    changes = _legacy_body(request, CAMPAIGN_BID_CHANGES)
    with world.lock:
        problem = _bid_change_problem(world, changes)
        if problem is not None:
            return json_response({"message": "Campaign bids were not updated.", "details": problem}, 400)
        updated = []
        for change in changes:
            campaign = world.campaigns[change["campaignId"]]
            if change.get("bidValue") is not None:
                campaign.bid.value, campaign.bid.pending = change["bidValue"], True
            for category_change in change.get("categories") or ():
                bid = campaign.category_bids[category_change["categoryHashcode"]]
                bid.value, bid.pending = category_change["bidValue"], True
            updated.append(campaign_message(world, campaign))
    return json_response(updated)


def _bid_problem_code(value: float) -> Optional[str]:
    if not MIN_BID <= value <= MAX_BID:
        return "BidNotInRange"
    if round(value, 4) != value:
        return "FourDecimalsNotAllowed"
    return None


def _bid_change_problem(world: World, changes: List[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """The ``CampaignBidChangeResponse`` of the first refused campaign, or ``None``."""
    seen: Set[int] = set()
    for change in changes:
        campaign_id = change["campaignId"]
        campaign = world.campaigns.get(campaign_id)
        code = None
        if campaign_id in seen:
            code = "DuplicateCampaignEntry"
        elif campaign is None or not world.in_portfolio(campaign.advertiser_id) or campaign.status == "Archived":
            code = "CampaignNotInPortfolioOrNotActive"
        elif change.get("bidValue") is not None:
            code = _bid_problem_code(change["bidValue"])
        seen.add(campaign_id)
        if code is not None:
            return {"campaignId": campaign_id, "errorCode": code, "errorMessage": _ERROR_TEXT[code], "categories": []}
        assert campaign is not None
        category_errors = []
        seen_codes: Set[int] = set()
        for category_change in change.get("categories") or ():
            hash_code = category_change["categoryHashcode"]
            category = world.categories.get(hash_code)
            if hash_code in seen_codes:
                category_code: Optional[str] = "DuplicateCategoryEntry"
            elif hash_code not in campaign.category_bids or category is None:
                category_code = "InvalidCategoryHashcode"
            elif not category.enabled:
                category_code = "InactiveCategory"
            else:
                category_code = _bid_problem_code(category_change["bidValue"])
            seen_codes.add(hash_code)
            if category_code is not None:
                category_errors.append(_category_error(hash_code, category_code))
        if category_errors:
            return _rejected("campaignId", campaign_id, category_errors)
    return None


# --- shared ----------------------------------------------------------------------


def _rejected(id_field: str, id_value: int, category_errors: List[Dict[str, Any]]) -> Dict[str, Any]:
    """A refused change, reported with its first category error as the overall one."""
    first = category_errors[0]["errorCode"]
    return {id_field: id_value, "errorCode": first, "errorMessage": _ERROR_TEXT[first], "categories": category_errors}


def _legacy_body(request: ApiRequest, schema: Dict[str, Any]) -> List[Dict[str, Any]]:
    body: List[Dict[str, Any]] = request.json_body(schema)
    if not body:
        raise ApiError(400, "required-field", "The request body must list at least one change.")
    return body


def _category_error(hash_code: int, code: str) -> Dict[str, Any]:
    return {"categoryHashCode": hash_code, "errorCode": code, "errorMessage": _ERROR_TEXT[code]}


_ERROR_TEXT = {
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
