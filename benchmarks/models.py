"""Figures 3 and 4: turning JSON bytes into models, against ``json.loads`` alone.

The payloads follow the schemas of ``spec/marketingsolutions_2020-10.json``
with every property filled, date-times as ISO 8601 strings (``...Z``, as the
API sends them) and enum members taken from the spec's lists.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Callable, Dict, List

from benchmarks.common import TOKEN_BODY, Row, Settings, fmt_us, interleaved, median

_START = dt.datetime(2021, 1, 4, 9, 30, 0, 123000, tzinfo=dt.timezone.utc)


def _iso(index: int, days: int = 0) -> str:
    moment = _START + dt.timedelta(days=days + index % 365, minutes=index * 7)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _problems(kind: str, count: int) -> List[Dict[str, Any]]:
    """``count`` AudienceError/AudienceWarning objects, every property set."""
    return [
        {
            "traceId": f"0HM{index:05d}QK8R2JT:0000000{index % 10}",
            "type": "validation",
            "code": f"{kind}-audience-name-too-long",
            "instance": f"/audiences/{400000 + index}",
            "detail": "The audience name was truncated to 255 characters.",
            "source": {"audienceId": str(400000 + index)},
            "stackTrace": ["Audience.Validate()", "AudienceController.Get()"],
        }
        for index in range(count)
    ]


def audiences_json(count: int = 1000) -> bytes:
    """A ``GetAudiencesResponse`` with ``count`` audiences, 2 errors and 3 warnings."""
    data = [
        {
            "type": "Audience",
            "id": str(400000 + index),
            "attributes": {
                "advertiserId": str(12000 + index % 37),
                "name": f"Cart abandoners {index}, last 30 days",
                "created": _iso(index),
                "updated": _iso(index, days=30),
                "nbLines": 150000 + index * 13,
                "nbLinesEmail": 90000 + index * 7,
                "nbMatchesEmail": 60000 + index * 5,
            },
        }
        for index in range(count)
    ]
    return json.dumps({"data": data, "errors": _problems("error", 2), "warnings": _problems("warning", 3)}).encode()


_BID_STRATEGIES = ("actions", "clicks", "conversions", "displays", "installs", "revenue", "storeConversions", "value")
_COST_CONTROLLERS = ("COS", "CPC", "CPI", "CPM", "CPO", "CPSV", "CPV", "dailyBudget")
_DELIVERY = ("draft", "inactive", "live", "notLive", "pausing", "paused", "scheduled", "ended", "notDelivering")
_WEEKS = ("mondayToSunday", "tuesdayToMonday", "wednesdayToTuesday", "sundayToSaturday")


def _rule(operand: str, values: List[str]) -> Dict[str, Any]:
    return {"value": {"operand": operand, "values": values}}


def _ad_set(index: int) -> Dict[str, Any]:
    return {
        "id": str(7000000 + index),
        "type": "AdSet",
        "attributes": {
            "name": f"Retargeting, product viewers {index}",
            "advertiserId": str(12000 + index % 37),
            "campaignId": str(300000 + index // 4),
            "destinationEnvironment": ("web", "app")[index % 2],
            "schedule": {
                "startDate": {"value": _iso(index)},
                "endDate": {"value": _iso(index, days=90)},
                "activationStatus": ("on", "off")[index % 2],
                "deliveryStatus": _DELIVERY[index % len(_DELIVERY)],
            },
            "bidding": {
                "bidAmount": {"value": round(0.35 + (index % 50) * 0.05, 2)},
                "bidStrategy": _BID_STRATEGIES[index % len(_BID_STRATEGIES)],
                "costController": _COST_CONTROLLERS[index % len(_COST_CONTROLLERS)],
            },
            "targeting": {
                "deliveryLimitations": {
                    "environments": ["web", "inApp"],
                    "devices": ["desktop", "mobile", "tablet"],
                    "operatingSystems": ["android", "ios"],
                },
                "geoLocation": {
                    "countries": _rule("in", ["FR", "DE", "ES", "IT"]),
                    "subdivisions": _rule("notIn", ["FR-75", "DE-BE"]),
                    "zipCodes": _rule("in", ["75001", "75002", "10115"]),
                },
                "frequencyCapping": {"frequency": "daily", "maximumImpressions": 3 + index % 5},
            },
            "budget": {
                "budgetStrategy": ("capped", "uncapped")[index % 2],
                "budgetRenewal": ("daily", "monthly", "lifetime")[index % 3],
                "budgetDeliverySmoothing": ("accelerated", "standard")[index % 2],
                "budgetDeliveryWeek": _WEEKS[index % len(_WEEKS)],
                "budgetAmount": {"value": 250.0 + index},
            },
        },
    }


def ad_sets_json(count: int = 1000) -> bytes:
    """A ``ResponsesReadAdSet`` with ``count`` ad sets, 1 error and 2 warnings (ProblemDetails)."""
    problems = [
        {
            "traceIdentifier": f"0HM{index:05d}QK8R2JT:00000001",
            "type": "deprecation",
            "code": "field-deprecated",
            "instance": f"/marketing-solutions/ad-sets/{7000000 + index}",
            "detail": "budgetDeliveryWeek will be removed in a later version.",
            "source": {"field": "budgetDeliveryWeek"},
            "stackTrace": "AdSetReadService.Search()",
        }
        for index in range(3)
    ]
    body = {"data": [_ad_set(index) for index in range(count)], "warnings": problems[1:], "errors": problems[:1]}
    return json.dumps(body).encode()


# ------------------------------------------------------------ 3. one JwtModel


def one_jwt(settings: Settings) -> Row:
    from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration
    from criteo_api_marketingsolutions_v2020_10.model.jwt_model import JwtModel
    from criteo_api_marketingsolutions_v2020_10.rest import RESTResponse

    body = TOKEN_BODY
    loads = json.loads
    from_json = JwtModel._from_json

    def sdk() -> Any:
        return from_json(loads(body))

    def raw() -> Any:
        return loads(body)

    client = ApiClient(Configuration(host="http://127.0.0.1:9"))
    response = RESTResponse(200, "OK", {"Content-Type": "application/json; charset=utf-8"}, body)
    response_type = ("JwtModel",)

    def public() -> Any:
        return client.deserialize(response, response_type)

    if sdk() != public() or not isinstance(sdk(), JwtModel):
        raise RuntimeError("setup error: the two SDK paths built different tokens")
    batch = settings.batch(20000)
    sdk_times, raw_times = interleaved(sdk, raw, rounds=settings.rounds, batch=batch)
    public_times, raw2_times = interleaved(public, raw, rounds=settings.rounds, batch=batch)
    sdk_t, raw_t = median(sdk_times), median(raw_times)
    public_t, raw2_t = median(public_times), median(raw2_times)
    return Row(
        "3. one JwtModel from JSON bytes",
        fmt_us(sdk_t),
        fmt_us(raw_t),
        sdk_t / raw_t,
        2.0,
        notes=[
            f"public path ApiClient.deserialize(RESTResponse, ('JwtModel',)): {fmt_us(public_t)} "
            f"({public_t / raw2_t:.2f}x json.loads, no target)"
        ],
    )


# ------------------------------------------------------------ 4. big nested responses


def _bulk(label: str, cls: Any, body: bytes, check: Callable[[Any], bool], settings: Settings) -> Row:
    loads = json.loads
    from_json = cls._from_json

    def sdk() -> Any:
        return from_json(loads(body))

    def raw() -> Any:
        return loads(body)

    if not check(sdk()):
        raise RuntimeError(f"setup error: {cls.__name__} did not build full models")
    sdk_times, raw_times = interleaved(sdk, raw, rounds=settings.rounds, batch=settings.batch(8))
    sdk_t, raw_t = median(sdk_times), median(raw_times)
    return Row(
        label,
        fmt_us(sdk_t),
        fmt_us(raw_t),
        sdk_t / raw_t,
        5.0,
        notes=[f"{cls.__name__}: {len(body) / 1024:,.0f} KiB of JSON; the models cost {fmt_us(sdk_t - raw_t)} more"],
    )


def audiences(settings: Settings) -> Row:
    from criteo_api_marketingsolutions_v2020_10.model.audience_attributes import AudienceAttributes
    from criteo_api_marketingsolutions_v2020_10.model.get_audiences_response import GetAudiencesResponse

    def check(result: Any) -> bool:
        first = result.data[0].attributes
        return isinstance(first, AudienceAttributes) and isinstance(first.created, dt.datetime)

    return _bulk("4a. GetAudiencesResponse, 1,000 audiences", GetAudiencesResponse, audiences_json(), check, settings)


def ad_sets(settings: Settings) -> Row:
    from criteo_api_marketingsolutions_v2020_10.model.ad_set_targeting_rule import AdSetTargetingRule
    from criteo_api_marketingsolutions_v2020_10.model.responses_read_ad_set import ResponsesReadAdSet

    def check(result: Any) -> bool:
        attributes = result.data[0].attributes
        rule = attributes.targeting.geo_location.countries.value
        start = attributes.schedule.start_date.value
        return isinstance(rule, AdSetTargetingRule) and isinstance(start, dt.datetime)

    return _bulk("4b. ResponsesReadAdSet, 1,000 ad sets", ResponsesReadAdSet, ad_sets_json(), check, settings)
