"""The report operations: statistics per ad set and transactions, generated from the seeded world.

Figures are deterministic: the same query on the same world gives the same
bytes. Each ad set has a daily baseline derived from its id and the date
(only on days within its schedule), split across hours, operating systems,
devices and categories by fixed shares, so that finer rows add up to coarser
ones (give or take rounding).

Once ``Sandbox.set_report_size`` is called, the same (checked) queries get
synthetic reports of the requested size instead, streamed as they are made
(see ``synthetic``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import zlib
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from criteo_api_marketingsolutions_v2020_10.sandbox.report_formats import ENCODERS, FORMATS
from criteo_api_marketingsolutions_v2020_10.sandbox.report_queries import (
    BASE_METRICS,
    COUNT_METRICS,
    TRANSACTION_COLUMNS,
    TransactionsQuery,
    statistics_query,
    transactions_query,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.responses import ApiError, Response
from criteo_api_marketingsolutions_v2020_10.sandbox.routing import ApiRequest
from criteo_api_marketingsolutions_v2020_10.sandbox.synthetic_values import TableSpec
from criteo_api_marketingsolutions_v2020_10.sandbox.world import AdSet, World

#: Refuse reports needing more cells than this (ad sets x days x split axes).
MAX_REPORT_CELLS = 500_000

#: Units of each currency per euro; other three-letter codes are taken at par.
EXCHANGE_RATES = {
    "EUR": 1.0,
    "USD": 1.18,
    "GBP": 0.86,
    "JPY": 130.0,
    "CHF": 1.08,
    "CAD": 1.48,
    "AUD": 1.56,
    "BRL": 6.4,
    "SEK": 10.1,
    "PLN": 4.55,
    "INR": 88.0,
    "KRW": 1350.0,
}
_AT = {name: index for index, name in enumerate(BASE_METRICS)}


def _ratio(numerator: str, denominator: str, scale: float = 1.0) -> Callable[[Sequence[float]], float]:
    def compute(sums: Sequence[float]) -> float:
        below = sums[_AT[denominator]]
        return round(sums[_AT[numerator]] / below * scale, 4) if below else 0.0

    return compute


# One per name of RATIO_METRICS, in the same order.
_RATIO_METRICS = {
    "Ctr": _ratio("Clicks", "Displays", 100.0),
    "Cpc": _ratio("AdvertiserCost", "Clicks"),
    "ECpm": _ratio("AdvertiserCost", "Displays", 1000.0),
    "ConversionRatePc30d": _ratio("SalesPc30d", "Clicks", 100.0),
    "CostPerOrderPc30d": _ratio("AdvertiserCost", "SalesPc30d"),
    "CosPc30d": _ratio("AdvertiserCost", "RevenueGeneratedPc30d"),
    "RoasPc30d": _ratio("RevenueGeneratedPc30d", "AdvertiserCost"),
}


def _shares(weights: Iterable[Tuple[Any, float]]) -> List[Tuple[Any, float]]:
    pairs = list(weights)
    total = sum(w for _, w in pairs)
    return [(value, w / total) for value, w in pairs]


_HOUR_SHARES = _shares(enumerate((1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 6, 6, 7, 6, 6, 6, 6, 7, 8, 9, 9, 7, 4, 2)))
_OS_SHARES = _shares((("Android", 35), ("iOS", 30), ("Windows", 25), ("Other", 10)))
_DEVICE_SHARES = _shares((("Desktop", 45), ("Smartphone", 40), ("Tablet", 10), ("Other", 5)))
_WHOLE: List[Tuple[Any, float]] = [(None, 1.0)]


def _report_response(fmt: str, columns: Sequence[str], rows: List[List[Any]], name: str) -> Response:
    content_type, extension = FORMATS[fmt]
    body = ENCODERS[fmt](columns, rows)
    return Response(200, body, content_type, {"Content-Disposition": f'attachment; filename="{name}.{extension}"'})


def _synthetic_response(
    request: ApiRequest,
    name: str,
    fmt: str,
    columns: Sequence[str],
    days: List[dt.date],
    currency: str,
    event_type: Optional[str] = None,
) -> Response:
    """A synthetic report of the size ``Sandbox.set_report_size`` asked for, streamed as it is generated."""
    settings = request.settings
    wanted = settings.report_size
    assert wanted is not None
    spec = TableSpec(name, tuple(columns), days[0], days[-1], currency, event_type, wanted.seed)
    table = settings.synthetic_reports.table(spec, fmt)
    rows, length = settings.synthetic_reports.plan(table, wanted, settings.stopping)
    if length is None and not wanted.chunked:  # the size was still being computed when the sandbox stopped
        raise ApiError(503, "service-unavailable", "The sandbox is stopping.", type="availability")
    content_type, extension = FORMATS[fmt]
    disposition = {"Content-Disposition": f'attachment; filename="{name}.{extension}"'}
    return Response(200, b"", content_type, disposition, stream=table.body(rows), length=length)


# --- statistics ------------------------------------------------------------------


def _daily_baseline(ad_set: AdSet, day: dt.date) -> List[float]:
    """The ad set's figures for one day, in its advertiser's currency, in ``_BASE_METRICS`` order."""
    seed = zlib.crc32(f"{ad_set.id}|{day.isoformat()}".encode())
    displays = 2000 + seed % 8000
    clicks = displays * (8 + (seed >> 13) % 30) // 1000
    sales = clicks * (2 + (seed >> 7) % 6) // 100
    basket = 25 + (seed >> 17) % 75
    cost = clicks * (ad_set.bid_amount or 0.35)
    revenue = float(sales * basket)
    return [displays, clicks, sales, sales + sales // 4, cost, revenue, revenue * 1.25]


def statistics_report(world: World, request: ApiRequest) -> Response:
    """``POST /2021-04/statistics/report``."""
    query = statistics_query(world, request)
    columns = query.dimensions + query.metrics
    if request.settings.report_size is not None:
        return _synthetic_response(request, "statistics", query.fmt, columns, query.days, query.currency)
    with world.lock:
        ad_sets = sorted(
            (a for a in world.ad_sets.values() if a.advertiser_id in query.advertisers), key=lambda a: a.id
        )
        sums = _aggregate(world, ad_sets, query.days, query.dimensions, query.currency)
    rows = [[*key, *_metric_values(sums[key], query.metrics)] for key in sorted(sums)]
    return _report_response(query.fmt, columns, rows, "statistics")


def _metric_values(totals: List[float], metrics: List[str]) -> List[Any]:
    values: List[Any] = []
    for metric in metrics:
        if metric in _RATIO_METRICS:
            values.append(_RATIO_METRICS[metric](totals))
        elif metric in COUNT_METRICS:
            values.append(round(totals[_AT[metric]]))
        else:
            values.append(round(totals[_AT[metric]], 2))
    return values


Shares = List[Tuple[Any, float]]


@dataclass
class _Splits:
    """How a day's figures are split across the finer dimensions asked for (a single whole share otherwise)."""

    hours: Shares
    systems: Shares
    devices: Shares
    categories: Dict[int, Shares]  # by advertiser


def _splits(world: World, ad_sets: List[AdSet], days: List[dt.date], dimensions: List[str]) -> _Splits:
    """The splits of a report; 400 ``report-too-large`` when they would make too many cells (world lock held)."""
    wanted = set(dimensions)
    by_category = bool(wanted & {"CategoryId", "Category"})
    splits = _Splits(
        _HOUR_SHARES if "Hour" in wanted else _WHOLE,
        _OS_SHARES if "Os" in wanted else _WHOLE,
        _DEVICE_SHARES if "Device" in wanted else _WHOLE,
        {
            advertiser_id: _shares((c, 5 - min(i, 4)) for i, c in enumerate(world.categories_of(advertiser_id)))
            if by_category
            else _WHOLE
            for advertiser_id in {a.advertiser_id for a in ad_sets}
        },
    )
    widest = max((len(s) for s in splits.categories.values()), default=1)
    cells = len(ad_sets) * len(days) * len(splits.hours) * len(splits.systems) * len(splits.devices) * widest
    if cells > MAX_REPORT_CELLS:
        raise ApiError(400, "report-too-large", "The report is too large; ask for fewer days or dimensions.")
    return splits


def _aggregate(
    world: World, ad_sets: List[AdSet], days: List[dt.date], dimensions: List[str], currency: str
) -> Dict[Tuple[Any, ...], List[float]]:
    """Sum the baseline of every ad set and day into the rows the dimensions ask for (world lock held)."""
    splits = _splits(world, ad_sets, days, dimensions)
    sums: Dict[Tuple[Any, ...], List[float]] = {}
    values: Dict[str, Any] = {}
    for ad_set in ad_sets:
        advertiser = world.advertisers[ad_set.advertiser_id]
        rate = EXCHANGE_RATES.get(currency, 1.0) / EXCHANGE_RATES.get(advertiser.currency, 1.0)
        values.update(AdsetId=ad_set.id, Adset=ad_set.name, AdvertiserId=str(advertiser.id), Advertiser=advertiser.name)
        for day in (d for d in days if ad_set.runs_on(d)):
            base = _daily_baseline(ad_set, day)
            for index in range(len(COUNT_METRICS), len(base)):
                base[index] *= rate
            values.update(
                Day=day.isoformat(),
                Week=(day - dt.timedelta(days=day.weekday())).isoformat(),
                Month=day.strftime("%Y-%m"),
                Year=str(day.year),
            )
            _spread(sums, values, base, dimensions, splits, splits.categories[ad_set.advertiser_id])
    return sums


def _spread(
    sums: Dict[Tuple[Any, ...], List[float]],
    values: Dict[str, Any],
    base: List[float],
    dimensions: List[str],
    splits: _Splits,
    categories: Shares,
) -> None:
    """Add one ad set's day, ``base``, to the rows of every combination of the splits."""
    combinations = itertools.product(splits.hours, splits.systems, splits.devices, categories)
    for (hour, hour_share), (system, system_share), (device, device_share), (category, category_share) in combinations:
        values["Hour"] = f"{values['Day']}T{hour:02d}:00:00" if hour is not None else None
        values["Os"], values["Device"] = system, device
        if category is not None:
            values["CategoryId"], values["Category"] = str(category.hash_code), category.name
        share = hour_share * system_share * device_share * category_share
        key = tuple(values[d] for d in dimensions)
        total = sums.get(key)
        if total is None:
            total = sums[key] = [0.0] * len(base)
        for index, amount in enumerate(base):
            total[index] += amount * share


# --- transactions ----------------------------------------------------------------


def transactions_report(world: World, request: ApiRequest) -> Response:
    """``POST /2021-04/transactions/report``."""
    query = transactions_query(world, request)
    if request.settings.report_size is not None:
        return _synthetic_response(
            request, "transactions", query.fmt, TRANSACTION_COLUMNS, query.days, query.currency, query.event_type
        )
    rows: List[List[Any]] = []
    with world.lock:
        for advertiser_id in query.advertisers:
            rows.extend(_advertiser_transactions(world, advertiser_id, query))
    rows.sort(key=lambda row: (row[1], row[0]))
    return _report_response(query.fmt, TRANSACTION_COLUMNS, rows, "transactions")


def _advertiser_transactions(world: World, advertiser_id: int, query: TransactionsQuery) -> List[List[Any]]:
    """The transactions of one advertiser on the days of ``query`` (world lock held)."""
    advertiser = world.advertisers[advertiser_id]
    rate = EXCHANGE_RATES.get(query.currency, 1.0) / EXCHANGE_RATES.get(advertiser.currency, 1.0)
    ad_sets = sorted((a for a in world.ad_sets.values() if a.advertiser_id == advertiser_id), key=lambda a: a.id)
    rows: List[List[Any]] = []
    for day in query.days:
        running = [a for a in ad_sets if a.runs_on(day)]
        for row in _transactions_of_day(advertiser_id, advertiser.name, running, day, rate, query.currency):
            if query.event_type is None or row[4].lower() == query.event_type:
                rows.append(row)
    return rows


def _transactions_of_day(
    advertiser_id: int, name: str, running: List[AdSet], day: dt.date, rate: float, currency: str
) -> List[List[Any]]:
    if not running:
        return []
    seed = zlib.crc32(f"transactions|{advertiser_id}|{day.isoformat()}".encode())
    rows: List[List[Any]] = []
    for number in range(seed % 4):
        mix = zlib.crc32(f"{seed}|{number}".encode())
        second = (mix >> 8) % 86400
        moment = dt.datetime.combine(day, dt.time(second // 3600, second // 60 % 60, second % 60))
        rows.append(
            [
                f"T{advertiser_id}-{day:%Y%m%d}-{number + 1}",
                moment.isoformat(),
                str(advertiser_id),
                name,
                "Sale" if mix % 5 else "Lead",
                running[mix % len(running)].id,
                round((10 + (mix >> 12) % 20000 / 100) * rate, 2),
                currency,
            ]
        )
    return rows
