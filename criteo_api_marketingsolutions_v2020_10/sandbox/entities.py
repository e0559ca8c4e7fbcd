"""The things the sandbox's world is made of: advertisers, categories, bids, campaigns, ad sets and audiences.

Each is a plain dataclass; those the API returns know their JSON shape
(``to_json``), named as in the spec.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Dict, Optional, Set

UTC = dt.timezone.utc


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
    category_bids: Dict[int, Bid] = field(default_factory=dict[int, Bid])


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
    identifiers: Dict[str, Set[str]] = field(default_factory=dict[str, Set[str]])

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
