"""The queries of the report operations, checked as the service checks them, before any row is made.

Both the reports made from the world and the synthetic ones
(``Sandbox.set_report_size``) start from these, so that they refuse exactly
the same queries with the same errors.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import List, Optional

from criteo_api_marketingsolutions_v2020_10.sandbox.report_formats import FORMATS
from criteo_api_marketingsolutions_v2020_10.sandbox.responses import ApiError, not_in_portfolio, parse_int32
from criteo_api_marketingsolutions_v2020_10.sandbox.routing import ApiRequest
from criteo_api_marketingsolutions_v2020_10.sandbox.schema import (
    STATISTICS_REPORT_QUERY,
    TRANSACTIONS_REPORT_QUERY,
    parse_datetime,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.world import World

#: Longest date range of one report, in days.
MAX_REPORT_DAYS = 1096

#: Metrics counting things (additive, whole numbers).
COUNT_METRICS = ("Displays", "Clicks", "SalesPc30d", "SalesAllClientAttribution")
#: Metrics summing amounts of money (additive, in the report's currency).
AMOUNT_METRICS = ("AdvertiserCost", "RevenueGeneratedPc30d", "RevenueGeneratedAllClientAttribution")
#: The additive metrics, in the order the daily baseline of an ad set lists them.
BASE_METRICS = COUNT_METRICS + AMOUNT_METRICS
#: Metrics computed from the additive ones.
RATIO_METRICS = ("Ctr", "Cpc", "ECpm", "ConversionRatePc30d", "CostPerOrderPc30d", "CosPc30d", "RoasPc30d")
#: Every metric a statistics report can ask for (matched without regard to case).
STATISTICS_METRICS = BASE_METRICS + RATIO_METRICS
_METRIC_BY_LOWER = {name.lower(): name for name in STATISTICS_METRICS}

#: The columns of a transactions report.
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


@dataclass
class StatisticsQuery:
    """A checked statistics query: canonical dimension and metric names, the days, the advertisers."""

    fmt: str
    dimensions: List[str]
    metrics: List[str]
    currency: str
    days: List[dt.date]
    advertisers: List[int]


def statistics_query(world: World, request: ApiRequest) -> StatisticsQuery:
    """The checked query of a statistics report; ``ApiError`` (400, 403) for what the service refuses."""
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
    return StatisticsQuery(fmt, dimensions, metrics, currency, days, advertisers)


@dataclass
class TransactionsQuery:
    """A checked transactions query; ``event_type`` is lower case, ``None`` for every type."""

    fmt: str
    currency: str
    days: List[dt.date]
    event_type: Optional[str]
    advertisers: List[int]


def transactions_query(world: World, request: ApiRequest) -> TransactionsQuery:
    """The checked query of a transactions report; ``ApiError`` (400, 403) for what the service refuses."""
    entries = request.json_body(TRANSACTIONS_REPORT_QUERY)["data"]
    if len(entries) != 1:
        raise ApiError(400, "invalid", "data must hold exactly one report query.", source={"pointer": "/data"})
    query = entries[0]["attributes"]
    fmt = _report_format(query["format"])
    currency = _currency(query["currency"])
    days = _days(query["startDate"], query["endDate"])
    event_type = (query.get("eventType") or "").strip().lower() or None
    with world.lock:
        advertisers = _advertisers(world, query.get("advertiserIds"))
    return TransactionsQuery(fmt, currency, days, event_type, advertisers)
