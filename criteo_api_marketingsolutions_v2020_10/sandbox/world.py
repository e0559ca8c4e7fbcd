"""The sandbox's in-memory world: one portfolio of advertisers with campaigns, ad sets, categories and audiences.

The seed is fixed (``seed``): every sandbox starts with exactly the same ids
and values, so tests can rely on them (``docs/Sandbox.md`` lists them).
Changes made through the API persist for the life of the sandbox, or until
``reset()``. The things the world holds are defined in ``entities`` and
re-exported here.
"""

from __future__ import annotations

import threading
from typing import Dict, List, Optional

from criteo_api_marketingsolutions_v2020_10.sandbox import seed
from criteo_api_marketingsolutions_v2020_10.sandbox.entities import (
    UTC,
    AdSet,
    Advertiser,
    Audience,
    Bid,
    Campaign,
    Category,
    iso,
    utc_now,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.seed import FOREIGN_ADVERTISER_ID, PORTFOLIO_ADVERTISER_IDS

#: Ids given to audiences created through the API start here.
FIRST_NEW_AUDIENCE_ID = 70100

__all__ = [
    "FIRST_NEW_AUDIENCE_ID",
    "FOREIGN_ADVERTISER_ID",
    "PORTFOLIO_ADVERTISER_IDS",
    "UTC",
    "AdSet",
    "Advertiser",
    "Audience",
    "Bid",
    "Campaign",
    "Category",
    "World",
    "iso",
    "utc_now",
]


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
            seed.populate(self)
            self._next_audience_id = FIRST_NEW_AUDIENCE_ID
