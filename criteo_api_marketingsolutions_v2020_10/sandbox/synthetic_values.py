"""Plausible, typed values for the columns of synthetic reports, drawn deterministically from a seed.

Each column gets a pool of values from its own random generator, seeded
with the report's seed and the column's name, so the same seed always gives
the same pools. Names mix in commas, double quotes, markup characters and
non-ASCII text (é, 日本) so that every format's quoting and escaping is used.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Tuple

#: A cell: its text, and whether it is a number (written bare in JSON and Excel) rather than text.
Cell = Tuple[str, bool]

#: Columns whose value differs on every row (built from the row number, not drawn from a pool).
ROW_NUMBER_COLUMNS = frozenset({"TransactionId"})


@dataclass(frozen=True)
class TableSpec:
    """What a synthetic table depends on: the report, its columns, the query's dates and currency, the seed."""

    report: str
    columns: Tuple[str, ...]
    first_day: dt.date
    last_day: dt.date
    currency: str
    event_type: Optional[str]
    seed: int

    def generator(self, purpose: str) -> random.Random:
        """A random generator for ``purpose`` (a column name), the same for the same spec every time."""
        # String seeds are hashed with SHA-512 by random.Random: stable across runs and platforms.
        return random.Random(f"{self.seed}|{self.report}|{purpose}")


_BRANDS = ("Northwind", "Bluebell", "Cedar", "Harbour", "Summit", "Maple", "Juniper", "Aurora", "Kestrel", "Lumen")
_THEMES = ("Retargeting", "Prospecting", "Holiday Season", "Spring Sale", "Loyalty", "Back to School", "Clearance")
_PRODUCTS = ("Tents", "Backpacks", "Footwear", "Fiction", "Comics", "Lighting", "Textiles", "Garden", "Toys")
_TRICKY_NAMES = (
    "Café, Bar & Co",
    'The "Best" Deals',
    "日本 Store",
    'Crème brûlée, "maison"',
    "Zoë <Outlet> & more",
    'Tokyo 日本, "Ginza"',
)
_SYSTEMS = ("Android", "iOS", "Windows", "Other")
_DEVICES = ("Desktop", "Smartphone", "Tablet", "Other")

ValueMaker = Callable[[random.Random, TableSpec], Cell]


def _digits(low: int, high: int) -> ValueMaker:
    return lambda rng, spec: (str(rng.randrange(low, high)), False)


def _count(high: int) -> ValueMaker:
    return lambda rng, spec: (str(rng.randrange(high)), True)


def _decimal(low: float, high: float, places: int) -> ValueMaker:
    return lambda rng, spec: (f"{rng.uniform(low, high):.{places}f}", True)


def _choice(options: Tuple[str, ...]) -> ValueMaker:
    return lambda rng, spec: (rng.choice(options), False)


def _name(nouns: Tuple[str, ...]) -> ValueMaker:
    def make(rng: random.Random, spec: TableSpec) -> Cell:
        roll = rng.randrange(8)
        if roll == 0:
            return rng.choice(_TRICKY_NAMES), False
        if roll == 1:
            return f"{rng.choice(_BRANDS)} {rng.choice(_TRICKY_NAMES)}", False
        return f"{rng.choice(_BRANDS)} {rng.choice(nouns)} {rng.randrange(1, 100)}", False

    return make


def _day(rng: random.Random, spec: TableSpec) -> dt.date:
    span = (spec.last_day - spec.first_day).days + 1
    return spec.first_day + dt.timedelta(days=rng.randrange(span))


def _date_text(render: Callable[[dt.date, random.Random], str]) -> ValueMaker:
    return lambda rng, spec: (render(_day(rng, spec), rng), False)


def _event_type(rng: random.Random, spec: TableSpec) -> Cell:
    if spec.event_type:  # the query filters on one type: every row has it
        return spec.event_type.capitalize(), False
    return ("Lead" if rng.randrange(5) == 0 else "Sale"), False


_MAKERS: Dict[str, ValueMaker] = {
    "AdsetId": _digits(300000, 400000),
    "AdvertiserId": _digits(10000, 20000),
    "CategoryId": _digits(810000000, 820000000),
    "Adset": _name(_THEMES),
    "Advertiser": _name(("Outdoor", "Books", "Home", "Electronics", "Fashion")),
    "Category": _name(_PRODUCTS),
    "Day": _date_text(lambda day, rng: day.isoformat()),
    "Week": _date_text(lambda day, rng: (day - dt.timedelta(days=day.weekday())).isoformat()),
    "Month": _date_text(lambda day, rng: day.strftime("%Y-%m")),
    "Year": _date_text(lambda day, rng: f"{day.year:04d}"),
    "Hour": _date_text(lambda day, rng: f"{day.isoformat()}T{rng.randrange(24):02d}:00:00"),
    "TransactionDate": _date_text(
        lambda day, rng: f"{day.isoformat()}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"
    ),
    "Os": _choice(_SYSTEMS),
    "Device": _choice(_DEVICES),
    "EventType": _event_type,
    "Currency": lambda rng, spec: (spec.currency, False),
    "Displays": _count(60000),
    "Clicks": _count(1500),
    "SalesPc30d": _count(120),
    "SalesAllClientAttribution": _count(150),
    "AdvertiserCost": _decimal(0, 2500, 2),
    "RevenueGeneratedPc30d": _decimal(0, 20000, 2),
    "RevenueGeneratedAllClientAttribution": _decimal(0, 25000, 2),
    "Amount": _decimal(5, 500, 2),
    "Ctr": _decimal(0, 5, 4),
    "Cpc": _decimal(0.05, 3, 4),
    "ECpm": _decimal(0.1, 20, 4),
    "ConversionRatePc30d": _decimal(0, 15, 4),
    "CostPerOrderPc30d": _decimal(1, 80, 4),
    "CosPc30d": _decimal(0, 1, 4),
    "RoasPc30d": _decimal(0, 30, 4),
}


def value_pool(spec: TableSpec, column: str, size: int) -> List[Cell]:
    """``size`` values for ``column``, always the same for the same spec."""
    make = _MAKERS.get(column, _name(_THEMES))
    rng = spec.generator(column)
    return [make(rng, spec) for _ in range(size)]


def row_number_base(spec: TableSpec) -> int:
    """Where the row-numbered ids of ``spec`` start, in thousands: ten digits, then the row's last three.

    It stays below ``9 * 10**9`` so that a trillion rows later the ids still have the same length.
    """
    return spec.generator("row-number").randrange(1_000_000_000, 8_000_000_000)
