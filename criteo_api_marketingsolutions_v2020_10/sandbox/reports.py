"""The report operations: statistics per ad set and transactions, generated from the seeded world.

Figures are deterministic: the same query on the same world gives the same
bytes. Each ad set has a daily baseline derived from its id and the date
(only on days within its schedule), split across hours, operating systems,
devices and categories by fixed shares, so that finer rows add up to coarser
ones (give or take rounding).
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from criteo_api_marketingsolutions_v2020_10.sandbox.report_formats import ENCODERS, FORMATS
from criteo_api_marketingsolutions_v2020_10.sandbox.responses import ApiError, Response, not_in_portfolio, parse_int32
from criteo_api_marketingsolutions_v2020_10.sandbox.routing import ApiRequest
from criteo_api_marketingsolutions_v2020_10.sandbox.schema import (
    STATISTICS_REPORT_QUERY,
    TRANSACTIONS_REPORT_QUERY,
    parse_datetime,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.world import AdSet, World

#: Longest date range of one report, in days.
MAX_REPORT_DAYS = 1096
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

# Additive metrics, in the order the daily baseline lists them.
_COUNT_METRICS = ("Displays", "Clicks", "SalesPc30d", "SalesAllClientAttribution")
_AMOUNT_METRICS = ("AdvertiserCost", "RevenueGeneratedPc30d", "RevenueGeneratedAllClientAttribution")
_BASE_METRICS = _COUNT_METRICS + _AMOUNT_METRICS
_AT = {name: index for index, name in enumerate(_BASE_METRICS)}


def _ratio(numerator: str, denominator: str, scale: float = 1.0) -> Callable[[Sequence[float]], float]:
    def compute(sums: Sequence[float]) -> float:
        below = sums[_AT[denominator]]
        return round(sums[_AT[numerator]] / below * scale, 4) if below else 0.0

    return compute


_RATIO_METRICS = {
    "Ctr": _ratio("Clicks", "Displays", 100.0),
    "Cpc": _ratio("AdvertiserCost", "Clicks"),
    "ECpm": _ratio("AdvertiserCost", "Displays", 1000.0),
    "ConversionRatePc30d": _ratio("SalesPc30d", "Clicks", 100.0),
    "CostPerOrderPc30d": _ratio("AdvertiserCost", "SalesPc30d"),
    "CosPc30d": _ratio("AdvertiserCost", "RevenueGeneratedPc30d"),
    "RoasPc30d": _ratio("RevenueGeneratedPc30d", "AdvertiserCost"),
}
#: Every metric a statistics report can ask for (matched without regard to case).
STATISTICS_METRICS = _BASE_METRICS + tuple(_RATIO_METRICS)
_METRIC_BY_LOWER = {name.lower(): name for name in STATISTICS_METRICS}


def _shares(weights: Iterable[Tuple[Any, float]]) -> List[Tuple[Any, float]]:
    pairs = list(weights)
    total = sum(w for _, w in pairs)
    return [(value, w / total) for value, w in pairs]


_HOUR_SHARES = _shares(enumerate((1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 6, 6, 7, 6, 6, 6, 6, 7, 8, 9, 9, 7, 4, 2)))
_OS_SHARES = _shares((("Android", 35), ("iOS", 30), ("Windows", 25), ("Other", 10)))
_DEVICE_SHARES = _shares((("Desktop", 45), ("Smartphone", 40), ("Tablet", 10), ("Other", 5)))
_WHOLE: List[Tuple[Any, float]] = [(None, 1.0)]

TRANSACTION_COLUMNS = (
    "TransactionId",
    "TransactionDate",
    "AdvertiserId",
    "Advertiser",
    "EventType",
    "AdsetId",
    "Amount",
    "Currency",
)


# --- query checks ----------------------------------------------------------------


def _report_format(raw: str) -> str:
    name = raw.strip().lower()
    if name not in FORMATS:
        raise ApiError(400, "invalid-format", f"format must be one of {', '.join(FORMATS)}.")
    return name


def _currency(raw: str) -> str:
    code = raw.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise ApiError(400, "invalid-currency", "currency must be a three-letter ISO 4217 code.")
    return code


def _days(start_raw: str, end_raw: str) -> List[dt.date]:
    start, end = parse_datetime(start_raw), parse_datetime(end_raw)
    assert start is not None and end is not None  # the schema checked both
    if end < start:
        raise ApiError(400, "invalid-ranged", "endDate must not be before startDate.")
    count = (end.date() - start.date()).days + 1
    if count > MAX_REPORT_DAYS:
        raise ApiError(400, "invalid-timespan", f"A report covers at most {MAX_REPORT_DAYS} days.")
    return [start.date() + dt.timedelta(days=n) for n in range(count)]


def _advertisers(world: World, raw: Optional[str]) -> List[int]:
    """The advertisers of ``advertiserIds`` (comma-separated), or the whole portfolio.

    A part that is not a number names no advertiser of the portfolio: 403, as for an unknown id.
    """
    parts = [part.strip() for part in (raw or "").split(",") if part.strip()]
    if not parts:
        return world.advertiser_ids
    chosen: List[int] = []
    for part in parts:
        advertiser_id = parse_int32(part)
        if advertiser_id is None or not world.in_portfolio(advertiser_id):
            raise not_in_portfolio(part)
        if advertiser_id not in chosen:
            chosen.append(advertiser_id)
    return chosen


def _metrics(requested: List[str]) -> List[str]:
    if not requested:
        raise ApiError(400, "required-field", "metrics must list at least one metric.")
    chosen: List[str] = []
    for name in requested:
        canonical = _METRIC_BY_LOWER.get(name.strip().lower())
        if canonical is None:
            raise ApiError(400, "invalid-metric", f"Unknown metric {name!r}; known: {', '.join(STATISTICS_METRICS)}.")
        if canonical not in chosen:
            chosen.append(canonical)
    return chosen


def _report_response(fmt: str, columns: Sequence[str], rows: List[List[Any]], name: str) -> Response:
    content_type, extension = FORMATS[fmt]
    body = ENCODERS[fmt](columns, rows)
    return Response(200, body, content_type, {"Content-Disposition": f'attachment; filename="{name}.{extension}"'})


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
    query = request.json_body(STATISTICS_REPORT_QUERY)
    fmt = _report_format(query["format"])
    dimensions = list(dict.fromkeys(query["dimensions"]))
    if not dimensions:
        raise ApiError(400, "required-field", "dimensions must list at least one dimension.")
    metrics = _metrics(query["metrics"])
    currency = _currency(query["currency"])
    days = _days(query["startDate"], query["endDate"])
    with world.lock:
        advertisers = _advertisers(world, query.get("advertiserIds"))
        ad_sets = sorted((a for a in world.ad_sets.values() if a.advertiser_id in advertisers), key=lambda a: a.id)
        sums = _aggregate(world, ad_sets, days, dimensions, currency)
    rows: List[List[Any]] = []
    for key in sorted(sums):
        totals = sums[key]
        values: List[Any] = []
        for metric in metrics:
            if metric in _RATIO_METRICS:
                values.append(_RATIO_METRICS[metric](totals))
            elif metric in _COUNT_METRICS:
                values.append(round(totals[_AT[metric]]))
            else:
                values.append(round(totals[_AT[metric]], 2))
        rows.append([*key, *values])
    return _report_response(fmt, dimensions + metrics, rows, "statistics")


def _aggregate(
    world: World, ad_sets: List[AdSet], days: List[dt.date], dimensions: List[str], currency: str
) -> Dict[Tuple[Any, ...], List[float]]:
    """Sum the baseline of every ad set and day into the rows the dimensions ask for (world lock held)."""
    wanted = set(dimensions)
    hours = _HOUR_SHARES if "Hour" in wanted else _WHOLE
    systems = _OS_SHARES if "Os" in wanted else _WHOLE
    devices = _DEVICE_SHARES if "Device" in wanted else _WHOLE
    by_category = bool(wanted & {"CategoryId", "Category"})
    category_shares = {
        advertiser_id: _shares((c, 5 - min(i, 4)) for i, c in enumerate(world.categories_of(advertiser_id)))
        if by_category
        else _WHOLE
        for advertiser_id in {a.advertiser_id for a in ad_sets}
    }
    widest = max((len(s) for s in category_shares.values()), default=1)
    cells = len(ad_sets) * len(days) * len(hours) * len(systems) * len(devices) * widest
    if cells > MAX_REPORT_CELLS:
        raise ApiError(400, "report-too-large", "The report is too large; ask for fewer days or dimensions.")

    sums: Dict[Tuple[Any, ...], List[float]] = {}
    values: Dict[str, Any] = {}
    for ad_set in ad_sets:
        advertiser = world.advertisers[ad_set.advertiser_id]
        rate = EXCHANGE_RATES.get(currency, 1.0) / EXCHANGE_RATES.get(advertiser.currency, 1.0)
        values.update(AdsetId=ad_set.id, Adset=ad_set.name, AdvertiserId=str(advertiser.id), Advertiser=advertiser.name)
        for day in days:
            if not ad_set.runs_on(day):
                continue
            base = _daily_baseline(ad_set, day)
            for index in range(len(_COUNT_METRICS), len(base)):
                base[index] *= rate
            values.update(
                Day=day.isoformat(),
                Week=(day - dt.timedelta(days=day.weekday())).isoformat(),
                Month=day.strftime("%Y-%m"),
                Year=str(day.year),
            )
            for hour, hour_share in hours:
                values["Hour"] = f"{day.isoformat()}T{hour:02d}:00:00" if hour is not None else None
                for system, system_share in systems:
                    values["Os"] = system
                    for device, device_share in devices:
                        values["Device"] = device
                        for category, category_share in category_shares[ad_set.advertiser_id]:
                            if category is not None:
                                values["CategoryId"], values["Category"] = str(category.hash_code), category.name
                            share = hour_share * system_share * device_share * category_share
                            key = tuple(values[d] for d in dimensions)
                            total = sums.get(key)
                            if total is None:
                                total = sums[key] = [0.0] * len(base)
                            for index, amount in enumerate(base):
                                total[index] += amount * share
    return sums


# --- transactions ----------------------------------------------------------------


def transactions_report(world: World, request: ApiRequest) -> Response:
    """``POST /2021-04/transactions/report``."""
    entries = request.json_body(TRANSACTIONS_REPORT_QUERY)["data"]
    if len(entries) != 1:
        raise ApiError(400, "invalid", "data must hold exactly one report query.", source={"pointer": "/data"})
    query = entries[0]["attributes"]
    fmt = _report_format(query["format"])
    currency = _currency(query["currency"])
    days = _days(query["startDate"], query["endDate"])
    event_type = (query.get("eventType") or "").strip().lower() or None
    rows: List[List[Any]] = []
    with world.lock:
        for advertiser_id in _advertisers(world, query.get("advertiserIds")):
            advertiser = world.advertisers[advertiser_id]
            rate = EXCHANGE_RATES.get(currency, 1.0) / EXCHANGE_RATES.get(advertiser.currency, 1.0)
            ad_sets = sorted(
                (a for a in world.ad_sets.values() if a.advertiser_id == advertiser_id), key=lambda a: a.id
            )
            for day in days:
                running = [a for a in ad_sets if a.runs_on(day)]
                for row in _transactions_of_day(advertiser_id, advertiser.name, running, day, rate, currency):
                    if event_type is None or row[4].lower() == event_type:
                        rows.append(row)
    rows.sort(key=lambda row: (row[1], row[0]))
    return _report_response(fmt, TRANSACTION_COLUMNS, rows, "transactions")


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
