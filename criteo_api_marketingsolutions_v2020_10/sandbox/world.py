"""The sandbox's in-memory world: one portfolio of advertisers with campaigns, ad sets, categories and audiences.

The seed is fixed: every sandbox starts with exactly the same ids and values,
so tests can rely on them (``docs/Sandbox.md`` lists them). Changes made
through the API persist for the life of the sandbox, or until ``reset()``.
"""

from __future__ import annotations

import copy
import datetime as dt
import threading
import uuid
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Set

UTC = dt.timezone.utc

#: Advertisers of the portfolio the demo client may act on.
PORTFOLIO_ADVERTISER_IDS = (10001, 10002, 10003)
#: An advertiser that exists but is outside the portfolio: asking for it gives 403.
FOREIGN_ADVERTISER_ID = 10099
#: Ids given to audiences created through the API start here.
FIRST_NEW_AUDIENCE_ID = 70100


def iso(moment: dt.datetime) -> str:
    """ISO 8601 date-time with an explicit UTC offset, as in every response."""
    return moment.astimezone(UTC).isoformat()


def utc_now() -> dt.datetime:
    """The current time, in UTC, to the second."""
    return dt.datetime.now(UTC).replace(microsecond=0)


@dataclass
class Advertiser:
    """An advertiser, with its product catalog."""

    id: int
    name: str
    currency: str
    catalog_id: int
    catalog_name: str
    in_portfolio: bool = True


@dataclass
class Category:
    """A product category of an advertiser's catalog; ``enabled`` is set per catalog."""

    hash_code: int
    name: str
    advertiser_id: int
    catalog_id: int
    average_price: float
    number_of_products: int
    enabled: bool = True


@dataclass
class Bid:
    """A campaign or category bid (``BidMessage``)."""

    value: float
    currency: str
    type: str  # Unknown, CPC, COS or CPO
    pending: bool = False

    def to_json(self) -> Dict[str, Any]:
        """The ``BidMessage`` of this bid."""
        return {
            "bidValue": self.value,
            "bidCurrency": self.currency,
            "bidType": self.type,
            "bidIsPending": self.pending,
        }


@dataclass
class Campaign:
    """A campaign; ``category_bids`` maps the category hash codes it bids on to their bids."""

    id: int
    name: str
    advertiser_id: int
    campaign_type: str  # MidFunnel, LowerFunnel or AudienceSelling
    status: str  # Running, Archived or NotRunning
    budget_id: int
    bid: Bid
    category_bids: Dict[int, Bid] = field(default_factory=dict)


@dataclass
class AdSet:
    """An ad set; ``targeting`` and ``budget`` keep their JSON shapes (``AdSetTargeting``, ``ReadAdSetBudget``)."""

    id: str
    name: str
    advertiser_id: int
    campaign_id: int
    destination_environment: str
    start_date: dt.datetime
    end_date: Optional[dt.datetime]
    activation_status: str  # on or off
    delivery_status: str
    bid_amount: Optional[float]
    bid_strategy: str
    cost_controller: str
    targeting: Dict[str, Any]
    budget: Dict[str, Any]

    def runs_on(self, day: dt.date) -> bool:
        """Whether ``day`` is within the ad set's schedule (reports only show such days)."""
        if day < self.start_date.date():
            return False
        return self.end_date is None or day <= self.end_date.date()

    def to_json(self) -> Dict[str, Any]:
        """The ``ReadModelReadAdSet`` of this ad set."""
        schedule: Dict[str, Any] = {"startDate": {"value": iso(self.start_date)}}
        if self.end_date is not None:
            schedule["endDate"] = {"value": iso(self.end_date)}
        schedule["activationStatus"] = self.activation_status
        schedule["deliveryStatus"] = self.delivery_status
        bidding: Dict[str, Any] = {}
        if self.bid_amount is not None:
            bidding["bidAmount"] = {"value": self.bid_amount}
        bidding["bidStrategy"] = self.bid_strategy
        bidding["costController"] = self.cost_controller
        return {
            "id": self.id,
            "type": "AdSet",
            "attributes": {
                "name": self.name,
                "advertiserId": str(self.advertiser_id),
                "campaignId": str(self.campaign_id),
                "destinationEnvironment": self.destination_environment,
                "schedule": schedule,
                "bidding": bidding,
                "targeting": copy.deepcopy(self.targeting),
                "budget": copy.deepcopy(self.budget),
            },
        }


@dataclass
class Audience:
    """An audience and its contact list (identifiers grouped by identifier type)."""

    id: str
    advertiser_id: int
    name: str
    description: str
    created: dt.datetime
    updated: dt.datetime
    identifiers: Dict[str, Set[str]] = field(default_factory=dict)

    @property
    def nb_lines(self) -> int:
        """Identifiers in the contact list, all types together."""
        return sum(len(values) for values in self.identifiers.values())

    @property
    def nb_lines_email(self) -> int:
        """E-mail identifiers in the contact list."""
        return len(self.identifiers.get("email", ()))

    @property
    def nb_matches_email(self) -> int:
        """E-mails matched to known users: a fixed three fifths, so that counts stay predictable."""
        return self.nb_lines_email * 3 // 5

    def to_json(self) -> Dict[str, Any]:
        """The ``Audience`` resource of this audience."""
        return {
            "type": "Audience",
            "id": self.id,
            "attributes": {
                "advertiserId": str(self.advertiser_id),
                "name": self.name,
                "description": self.description,
                "created": iso(self.created),
                "updated": iso(self.updated),
                "nbLines": self.nb_lines,
                "nbLinesEmail": self.nb_lines_email,
                "nbMatchesEmail": self.nb_matches_email,
            },
        }

    def to_basic_json(self) -> Dict[str, Any]:
        """The ``BasicAudienceDefinition`` of this audience (``AudienceNameDescription`` attributes)."""
        return {"id": self.id, "type": "Audience", "attributes": {"name": self.name, "description": self.description}}


class World:
    """The seeded data and its current state; hold ``lock`` while reading or changing it from a handler."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.advertisers: Dict[int, Advertiser] = {}
        self.categories: Dict[int, Category] = {}
        self.campaigns: Dict[int, Campaign] = {}
        self.ad_sets: Dict[str, AdSet] = {}
        self.audiences: Dict[str, Audience] = {}
        self._next_audience_id = FIRST_NEW_AUDIENCE_ID
        self.reset()

    # -- well-known ids --------------------------------------------------------

    @property
    def advertiser_ids(self) -> List[int]:
        """Ids of the advertisers in the portfolio."""
        return [a.id for a in self.advertisers.values() if a.in_portfolio]

    @property
    def foreign_advertiser_id(self) -> int:
        """An advertiser that exists but is not in the portfolio (for 403s)."""
        return FOREIGN_ADVERTISER_ID

    @property
    def campaign_ids(self) -> List[int]:
        """Ids of the portfolio's campaigns."""
        return [c.id for c in self.campaigns.values() if self.in_portfolio(c.advertiser_id)]

    @property
    def ad_set_ids(self) -> List[str]:
        """Ids of the portfolio's ad sets."""
        return [a.id for a in self.ad_sets.values() if self.in_portfolio(a.advertiser_id)]

    @property
    def audience_ids(self) -> List[str]:
        """Ids of the portfolio's audiences (including those created since)."""
        return [a.id for a in self.audiences.values() if self.in_portfolio(a.advertiser_id)]

    @property
    def category_hash_codes(self) -> List[int]:
        """Hash codes of the portfolio's categories."""
        return [c.hash_code for c in self.categories.values() if self.in_portfolio(c.advertiser_id)]

    # -- lookups -----------------------------------------------------------------

    def in_portfolio(self, advertiser_id: int) -> bool:
        """Whether ``advertiser_id`` exists and is in the portfolio."""
        advertiser = self.advertisers.get(advertiser_id)
        return advertiser is not None and advertiser.in_portfolio

    def categories_of(self, advertiser_id: int) -> List[Category]:
        """The categories of an advertiser's catalog, by hash code."""
        return sorted(
            (c for c in self.categories.values() if c.advertiser_id == advertiser_id), key=lambda c: c.hash_code
        )

    def catalog_owner(self, catalog_id: int) -> Optional[Advertiser]:
        """The advertiser whose catalog is ``catalog_id``."""
        return next((a for a in self.advertisers.values() if a.catalog_id == catalog_id), None)

    def new_audience_id(self) -> str:
        """Reserve the id of a new audience."""
        with self.lock:
            value = self._next_audience_id
            self._next_audience_id += 1
            return str(value)

    # -- seeding -----------------------------------------------------------------

    def reset(self) -> None:
        """Throw away every change and go back to the seed."""
        with self.lock:
            self.advertisers = {a.id: a for a in _seed_advertisers()}
            self.categories = {c.hash_code: c for c in _seed_categories(self.advertisers.values())}
            self.campaigns = {c.id: c for c in _seed_campaigns(self)}
            self.ad_sets = {a.id: a for a in _seed_ad_sets(self.campaigns.values())}
            self.audiences = {a.id: a for a in _seed_audiences()}
            self._next_audience_id = FIRST_NEW_AUDIENCE_ID


# --- the seed -----------------------------------------------------------------

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
    categories = []
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
    campaigns = []
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


def _seed_ad_sets(campaigns: Any) -> List[AdSet]:
    ad_sets = []
    for campaign in campaigns:
        for index in (1, 2):
            ad_set_id = str(300000 + (campaign.id - 200000) * 10 + index)
            web = index == 1
            if campaign.status == "Archived":
                activation, delivery = "off", "archived"
            elif campaign.status == "NotRunning":
                activation, delivery = "off", "inactive"
            else:
                activation, delivery = "on", "live"
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
    audiences = []
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
