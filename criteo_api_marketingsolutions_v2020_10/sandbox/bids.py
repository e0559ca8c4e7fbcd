"""The legacy bid operations (``/legacy/marketing/v1/campaigns/bids``): read and change campaign and category bids.

Every member of a bid change is optional in the spec. A change without
``campaignId`` names no campaign and is refused like an unknown one
(``CampaignNotInPortfolioOrNotActive``); a category change without
``categoryHashcode`` is an ``InvalidCategoryHashcode``; a change without
``bidValue`` leaves that bid as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Set

from criteo_api_marketingsolutions_v2020_10.sandbox.legacy import (
    MAX_BID,
    MIN_BID,
    IdFilter,
    campaign_message,
    category_error,
    flag,
    forbidden,
    id_filter,
    legacy_body,
    rejected,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.responses import Response, json_response
from criteo_api_marketingsolutions_v2020_10.sandbox.routing import ApiRequest
from criteo_api_marketingsolutions_v2020_10.sandbox.schema import CAMPAIGN_BID_CHANGES
from criteo_api_marketingsolutions_v2020_10.sandbox.world import Campaign, World

#: ``CampaignBidMessage.campaignStatus`` is an integer in the spec: the
#: position of the status in the ``CampaignMessage.campaignStatus`` enum.
CAMPAIGN_STATUS_CODES = {"Running": 0, "Archived": 1, "NotRunning": 2}
#: The ``bidType`` values of the spec.
BID_TYPES = ("Unknown", "CPC", "COS", "CPO")


@dataclass
class BidFilters:
    """The query of ``GET .../campaigns/bids``; ``None`` means "no filter"."""

    campaign_ids: Optional[IdFilter]
    advertiser_ids: Optional[IdFilter]
    hash_codes: Optional[IdFilter]
    bid_type: Optional[str]
    status: Optional[str]
    pending: Optional[bool]

    @classmethod
    def of(cls, request: ApiRequest) -> BidFilters:
        """Read the filters of ``request`` (their spelling was checked against the spec already)."""
        return cls(
            id_filter(request, "campaignIds"),
            id_filter(request, "advertiserIds"),
            id_filter(request, "categoryHashCodes"),
            request.query_value("bidType"),
            request.query_value("campaignStatus"),
            flag(request, "pendingChanges"),
        )

    def check_access(self, world: World) -> None:
        """403 for an advertiser outside the portfolio (or unknown), or a campaign of another portfolio."""
        if self.advertiser_ids is not None:
            if self.advertiser_ids.others:  # not a number: no such advertiser in the portfolio
                raise forbidden(f"Advertiser {self.advertiser_ids.others[0]}")
            for advertiser_id in sorted(self.advertiser_ids.ids):
                if not world.in_portfolio(advertiser_id):
                    raise forbidden(f"Advertiser {advertiser_id}")
        for campaign_id in sorted(self.campaign_ids.ids if self.campaign_ids else ()):
            campaign = world.campaigns.get(campaign_id)
            if campaign is not None and not world.in_portfolio(campaign.advertiser_id):
                raise forbidden(f"Campaign {campaign_id}")

    def campaign_matches(self, world: World, campaign: Campaign) -> bool:
        """Whether the campaign passes the campaign-level filters."""
        checks = (
            world.in_portfolio(campaign.advertiser_id),
            self.campaign_ids is None or campaign.id in self.campaign_ids,
            self.advertiser_ids is None or campaign.advertiser_id in self.advertiser_ids,
            self.bid_type is None or campaign.bid.type == self.bid_type,
            self.status is None or campaign.status == self.status,
        )
        return all(checks)

    def categories(self, campaign: Campaign) -> List[int]:
        """The hash codes of the campaign's categories that pass the category filter."""
        return [code for code in sorted(campaign.category_bids) if self.hash_codes is None or code in self.hash_codes]


def _bid_message(world: World, campaign: Campaign, codes: List[int]) -> Dict[str, Any]:
    """The ``CampaignBidMessage`` of a campaign, with the categories ``codes``."""
    return {
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


def get_bids(world: World, request: ApiRequest) -> Response:
    """``GET /legacy/marketing/v1/campaigns/bids``: campaign and category bids, filtered."""
    filters = BidFilters.of(request)
    data: List[Dict[str, Any]] = []
    with world.lock:
        filters.check_access(world)
        for campaign in sorted(world.campaigns.values(), key=lambda c: c.id):
            if not filters.campaign_matches(world, campaign):
                continue
            codes = filters.categories(campaign)
            if filters.hash_codes is not None and not codes:
                continue
            is_pending = campaign.bid.pending or any(b.pending for b in campaign.category_bids.values())
            if filters.pending is None or is_pending == filters.pending:
                data.append(_bid_message(world, campaign, codes))
    return json_response(data)


def update_bids(world: World, request: ApiRequest) -> Response:
    """``PUT /legacy/marketing/v1/campaigns/bids``: change campaign and category bids, all or nothing.

    Changed bids are marked ``bidIsPending``, as the service applies them later.
    """
    changes = legacy_body(request, CAMPAIGN_BID_CHANGES)
    with world.lock:
        problem = _bid_change_problem(world, changes)
        if problem is not None:
            return json_response({"message": "Campaign bids were not updated.", "details": problem}, 400)
        updated: List[Dict[str, Any]] = []
        for change in changes:
            campaign = world.campaigns[change["campaignId"]]
            if change.get("bidValue") is not None:
                campaign.bid.value, campaign.bid.pending = change["bidValue"], True
            for category_change in change.get("categories") or ():
                if category_change.get("bidValue") is not None:
                    bid = campaign.category_bids[category_change["categoryHashcode"]]
                    bid.value, bid.pending = category_change["bidValue"], True
            updated.append(campaign_message(world, campaign))
    return json_response(updated)


def _bid_problem_code(value: Optional[float]) -> Optional[str]:
    if value is None:
        return None
    if not MIN_BID <= value <= MAX_BID:
        return "BidNotInRange"
    if round(value, 4) != value:
        return "FourDecimalsNotAllowed"
    return None


def _campaign_problem(
    world: World, change: Dict[str, Any], campaign: Optional[Campaign], seen: Set[Optional[int]]
) -> Optional[str]:
    """The error code of a campaign-level change, or ``None``."""
    if change.get("campaignId") in seen:
        return "DuplicateCampaignEntry"
    if campaign is None or not world.in_portfolio(campaign.advertiser_id) or campaign.status == "Archived":
        return "CampaignNotInPortfolioOrNotActive"
    return _bid_problem_code(change.get("bidValue"))


def _category_problems(world: World, campaign: Campaign, changes: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """One ``CategoryUpdateError`` per refused category change of a campaign."""
    errors: List[Dict[str, Any]] = []
    seen_codes: Set[Optional[int]] = set()
    for category_change in changes:
        hash_code = category_change.get("categoryHashcode")
        category = world.categories.get(hash_code) if hash_code is not None else None
        if hash_code in seen_codes:
            code: Optional[str] = "DuplicateCategoryEntry"
        elif category is None or hash_code not in campaign.category_bids:
            code = "InvalidCategoryHashcode"
        elif not category.enabled:
            code = "InactiveCategory"
        else:
            code = _bid_problem_code(category_change.get("bidValue"))
        seen_codes.add(hash_code)
        if code is not None:
            errors.append(category_error(hash_code, code))
    return errors


def _bid_change_problem(world: World, changes: List[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """The ``CampaignBidChangeResponse`` of the first refused campaign, or ``None``."""
    seen: Set[Optional[int]] = set()
    for change in changes:
        campaign_id = change.get("campaignId")
        campaign = world.campaigns.get(campaign_id) if campaign_id is not None else None
        code = _campaign_problem(world, change, campaign, seen)
        seen.add(campaign_id)
        if code is not None:
            return rejected("campaignId", campaign_id, [], code)
        assert campaign is not None
        category_errors = _category_problems(world, campaign, change.get("categories") or [])
        if category_errors:
            return rejected("campaignId", campaign_id, category_errors)
    return None
