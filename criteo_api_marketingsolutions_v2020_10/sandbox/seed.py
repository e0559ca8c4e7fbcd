"""The fixed seed of the sandbox's world: every sandbox starts with exactly these ids and values.

``docs/Sandbox.md`` lists them; tests rely on them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any, Dict, List

from criteo_api_marketingsolutions_v2020_10.sandbox.entities import (
    UTC,
    AdSet,
    Advertiser,
    Audience,
    Bid,
    Campaign,
    Category,
)

if TYPE_CHECKING:
    from criteo_api_marketingsolutions_v2020_10.sandbox.world import World

#: Advertisers of the portfolio the demo client may act on.
PORTFOLIO_ADVERTISER_IDS = (10001, 10002, 10003)
#: An advertiser that exists but is outside the portfolio: asking for it gives 403.
FOREIGN_ADVERTISER_ID = 10099


def populate(world: World) -> None:
    """Replace everything in ``world`` by the seed (call with its lock held)."""
    world.advertisers = {a.id: a for a in _seed_advertisers()}
    world.categories = {c.hash_code: c for c in _seed_categories(world.advertisers.values())}
    world.campaigns = {c.id: c for c in _seed_campaigns(world)}
    world.ad_sets = {a.id: a for a in _seed_ad_sets(world.campaigns.values())}
    world.audiences = {a.id: a for a in _seed_audiences()}


_ADVERTISERS = (
    # id, name, currency, in portfolio
    (10001, "Northwind Outdoor", "EUR", True),
    (10002, "Bluebell Books", "USD", True),
    (10003, "Cedar Home", "GBP", True),
    (FOREIGN_ADVERTISER_ID, "Elsewhere Electronics", "EUR", False),
)

_CATEGORY_NAMES = {
    # The last category of each portfolio catalog starts disabled.
    10001: ("Tents", "Backpacks", "Footwear", "Camp Kitchen"),
    10002: ("Fiction", "Non-fiction", "Children", "Comics"),
    10003: ("Furniture", "Lighting", "Textiles", "Decor"),
    FOREIGN_ADVERTISER_ID: ("Phones", "Laptops"),
}

_CAMPAIGNS = (
    # id, advertiser, name, type, status, bid type, bid value
    (200011, 10001, "Northwind Retargeting", "LowerFunnel", "Running", "CPC", 0.45),
    (200012, 10001, "Northwind Prospecting", "MidFunnel", "Running", "COS", 0.12),
    (200021, 10002, "Bluebell Retargeting", "LowerFunnel", "Running", "CPC", 0.3),
    (200022, 10002, "Bluebell Holiday Season", "LowerFunnel", "NotRunning", "CPO", 4.5),
    (200031, 10003, "Cedar Retargeting", "LowerFunnel", "Running", "CPC", 0.6),
    (200032, 10003, "Cedar Spring 2021", "MidFunnel", "Archived", "CPC", 0.5),
    (200991, FOREIGN_ADVERTISER_ID, "Elsewhere Retargeting", "LowerFunnel", "Running", "CPC", 0.4),
)

_AUDIENCES = (
    # id, advertiser, name, description, {identifier type: count}
    ("70001", 10001, "Cart abandoners", "Visitors who left items in their cart", {"email": 40}),
    ("70002", 10001, "Newsletter subscribers", "Opted-in newsletter readers", {"email": 25, "madid": 10}),
    ("70003", 10002, "Loyal readers", "Customers with three orders or more", {"email": 30}),
    ("70004", 10003, "Past buyers", "Bought in the last twelve months", {"email": 12, "identityLink": 5}),
    ("70099", FOREIGN_ADVERTISER_ID, "Elsewhere buyers", "Outside the portfolio", {"email": 8}),
)

_SEED_START = dt.datetime(2021, 1, 4, tzinfo=UTC)


def _seed_advertisers() -> List[Advertiser]:
    return [
        Advertiser(id_, name, currency, catalog_id=id_ + 40000, catalog_name=f"{name} catalog", in_portfolio=mine)
        for id_, name, currency, mine in _ADVERTISERS
    ]


def _seed_categories(advertisers: Any) -> List[Category]:
    categories: List[Category] = []
    for advertiser in advertisers:
        names = _CATEGORY_NAMES[advertiser.id]
        for index, name in enumerate(names, start=1):
            categories.append(
                Category(
                    # Hash codes look arbitrary on the real service; these are fixed and readable.
                    hash_code=810_000_000 + (advertiser.id - 10000) * 1000 + index,
                    name=name,
                    advertiser_id=advertiser.id,
                    catalog_id=advertiser.catalog_id,
                    average_price=round(12.5 + 7.25 * index + advertiser.id % 10, 2),
                    number_of_products=40 * index + 15,
                    enabled=not (index == len(names) and advertiser.in_portfolio),
                )
            )
    return categories


def _seed_campaigns(world: World) -> List[Campaign]:
    """Campaigns need the advertisers and categories of ``world`` already seeded."""
    campaigns: List[Campaign] = []
    for id_, advertiser_id, name, kind, status, bid_type, bid_value in _CAMPAIGNS:
        currency = world.advertisers[advertiser_id].currency
        category_bids = {
            category.hash_code: Bid(round(bid_value * (1 + 0.1 * index), 4), currency, bid_type)
            for index, category in enumerate(world.categories_of(advertiser_id))
        }
        campaigns.append(
            Campaign(
                id_, name, advertiser_id, kind, status, id_ + 200000, Bid(bid_value, currency, bid_type), category_bids
            )
        )
    return campaigns


# The activation and delivery statuses of the ad sets of a campaign, by campaign status (others: on, live).
_AD_SET_STATUSES = {"Archived": ("off", "archived"), "NotRunning": ("off", "inactive")}


def _seed_ad_sets(campaigns: Any) -> List[AdSet]:
    ad_sets: List[AdSet] = []
    for campaign in campaigns:
        for index in (1, 2):
            ad_set_id = str(300000 + (campaign.id - 200000) * 10 + index)
            web = index == 1
            activation, delivery = _AD_SET_STATUSES.get(campaign.status, ("on", "live"))
            ad_set = AdSet(
                id=ad_set_id,
                name=f"{campaign.name} - {'Web' if web else 'App'}",
                advertiser_id=campaign.advertiser_id,
                campaign_id=campaign.id,
                destination_environment="web" if web else "app",
                start_date=_SEED_START + dt.timedelta(days=7 * (campaign.id % 10) + 28 * (index - 1)),
                end_date=None if web else dt.datetime(2030, 12, 31, 23, 59, 59, tzinfo=UTC),
                activation_status=activation,
                delivery_status=delivery,
                bid_amount=campaign.bid.value if campaign.bid.type == "CPC" else None,
                bid_strategy="clicks" if web else "conversions",
                cost_controller=campaign.bid.type if campaign.bid.type in ("CPC", "COS", "CPO") else "dailyBudget",
                targeting=_seed_targeting(web),
                budget=_seed_budget(capped=web, amount=50.0 * (campaign.id % 10 + 2)),
            )
            ad_sets.append(ad_set)
    by_id = {a.id: a for a in ad_sets}
    # A few departures from the pattern, so that every status shows up.
    by_id["300112"].activation_status, by_id["300112"].delivery_status = "off", "paused"
    by_id["300212"].end_date = dt.datetime(2021, 6, 30, 23, 59, 59, tzinfo=UTC)
    by_id["300212"].delivery_status = "ended"
    return ad_sets


def _seed_targeting(web: bool) -> Dict[str, Any]:
    return {
        "deliveryLimitations": {
            "environments": ["web"] if web else ["inApp"],
            "devices": ["desktop", "mobile", "tablet"] if web else ["mobile", "tablet"],
            "operatingSystems": ["android", "ios", "unknown"] if web else ["android", "ios"],
        },
        "geoLocation": {
            "countries": {"value": {"operand": "in", "values": ["FR", "DE", "GB"] if web else ["US"]}},
        },
        "frequencyCapping": {"frequency": "daily" if web else "lifetime", "maximumImpressions": 10 if web else 50},
    }


def _seed_budget(capped: bool, amount: float) -> Dict[str, Any]:
    if not capped:
        return {
            "budgetStrategy": "uncapped",
            "budgetRenewal": "undefined",
            "budgetDeliverySmoothing": "accelerated",
            "budgetDeliveryWeek": "undefined",
        }
    return {
        "budgetStrategy": "capped",
        "budgetRenewal": "daily",
        "budgetDeliverySmoothing": "standard",
        "budgetDeliveryWeek": "mondayToSunday",
        "budgetAmount": {"value": amount},
    }


def _seed_audiences() -> List[Audience]:
    audiences: List[Audience] = []
    for number, (id_, advertiser_id, name, description, counts) in enumerate(_AUDIENCES):
        created = dt.datetime(2021, 2, 1, 9, 30, tzinfo=UTC) + dt.timedelta(days=3 * number)
        identifiers = {kind: set(_seed_identifiers(id_, kind, count)) for kind, count in counts.items()}
        audiences.append(
            Audience(id_, advertiser_id, name, description, created, created + dt.timedelta(days=10), identifiers)
        )
    return audiences


def _seed_identifiers(audience_id: str, kind: str, count: int) -> List[str]:
    if kind == "email":
        return [f"user{n:03d}.{audience_id}@example.com" for n in range(count)]
    if kind == "madid":
        return [str(uuid.uuid5(uuid.NAMESPACE_URL, f"sandbox:{audience_id}:{n}")) for n in range(count)]
    return [f"{kind}-{audience_id}-{n:03d}" for n in range(count)]
