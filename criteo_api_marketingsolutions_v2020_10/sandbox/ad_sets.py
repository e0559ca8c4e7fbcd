"""The ad set operations (``/2021-04/marketing-solutions/ad-sets``).

Bulk operations (patch, start, stop) answer 200 with the ad sets they changed
in ``data`` and one ``ProblemDetails`` per refused item in ``errors``. Every
member of their bodies is optional in the spec: no ``data`` (or an empty list)
changes nothing, and an item without ``id`` is refused on its own.
"""

from __future__ import annotations

import copy
from typing import Any, Callable, Dict, List, Optional, Set, Tuple

from criteo_api_marketingsolutions_v2020_10.sandbox.responses import (
    ApiError,
    ErrorStyle,
    Response,
    error_item,
    json_response,
    not_in_portfolio,
    parse_int32,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.routing import ApiRequest
from criteo_api_marketingsolutions_v2020_10.sandbox.schema import (
    AD_SET_IDS_REQUEST,
    AD_SET_SEARCH_REQUEST,
    BUDGET_FIELDS,
    PATCH_AD_SETS_REQUEST,
    parse_datetime,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.world import AdSet, World, utc_now

_GEO_RULES = ("countries", "subdivisions", "zipCodes")


class _ItemRefused(Exception):
    """One item of a bulk request cannot be applied; the others still are."""

    def __init__(self, code: str, detail: str, type: str = "validation") -> None:
        super().__init__(detail)
        self.code, self.detail, self.type = code, detail, type


def _inaccessible(ad_set_id: str) -> ApiError:
    return ApiError(
        403,
        "insufficient-ad-set-permissions",
        f"Ad set {ad_set_id} does not exist or is not in your portfolio.",
        type="access-control",
    )


def _accessible(world: World, ad_set_id: str) -> Optional[AdSet]:
    ad_set = world.ad_sets.get(ad_set_id)
    if ad_set is None or not world.in_portfolio(ad_set.advertiser_id):
        return None
    return ad_set


def get_ad_set(world: World, request: ApiRequest) -> Response:
    """``GET /2021-04/marketing-solutions/ad-sets/{adSetId}``."""
    ad_set_id = request.params["adSetId"]
    with world.lock:
        ad_set = _accessible(world, ad_set_id)
        if ad_set is None:
            raise _inaccessible(ad_set_id)
        data = ad_set.to_json()
    return json_response({"data": data, "warnings": [], "errors": []})


def _id_set(filters: Dict[str, Any], name: str) -> Optional[Set[str]]:
    values: Optional[List[str]] = filters.get(name)
    return None if values is None else set(values)


def _advertiser_filter(world: World, raw_ids: Optional[List[str]]) -> Optional[Set[int]]:
    """The advertisers asked for; 403 for one outside the portfolio (or not a number: no such advertiser)."""
    if raw_ids is None:
        return None
    chosen: Set[int] = set()
    for raw in raw_ids:
        advertiser_id = parse_int32(raw)
        if advertiser_id is None or not world.in_portfolio(advertiser_id):
            raise not_in_portfolio(raw)
        chosen.add(advertiser_id)
    return chosen


def search_ad_sets(world: World, request: ApiRequest) -> Response:
    """``POST /2021-04/marketing-solutions/ad-sets/search``: filter by ad set, advertiser and campaign ids."""
    body: Dict[str, Any] = request.optional_json_body(AD_SET_SEARCH_REQUEST)
    filters: Dict[str, Any] = body.get("filters") or {}
    ad_set_ids, campaign_ids = _id_set(filters, "adSetIds"), _id_set(filters, "campaignIds")
    with world.lock:
        advertiser_ids = _advertiser_filter(world, filters.get("advertiserIds"))
        found = [
            a
            for a in world.ad_sets.values()
            if world.in_portfolio(a.advertiser_id)
            and all(
                (
                    ad_set_ids is None or a.id in ad_set_ids,
                    advertiser_ids is None or a.advertiser_id in advertiser_ids,
                    campaign_ids is None or str(a.campaign_id) in campaign_ids,
                )
            )
        ]
        data = [a.to_json() for a in sorted(found, key=lambda a: a.id)]
    return json_response({"data": data, "warnings": [], "errors": []})


_Refusal = Tuple[int, Optional[str], _ItemRefused]


def _bulk_response(request: ApiRequest, done: List[str], refused: List[_Refusal]) -> Response:
    errors: List[Dict[str, Any]] = []
    for index, ad_set_id, problem in refused:
        status = 403 if problem.type == "access-control" else 400  # only sets the item's title
        source = {"pointer": f"/data/{index}"}
        if ad_set_id is not None:
            source["id"] = ad_set_id
        error = ApiError(status, problem.code, problem.detail, type=problem.type, source=source)
        errors.append(error_item(ErrorStyle.PROBLEM, error, request.path))
    data = [{"id": ad_set_id, "type": "AdSet"} for ad_set_id in done]
    return json_response({"data": data, "warnings": [], "errors": errors})


_Change = Callable[[AdSet, Dict[str, Any]], AdSet]


def _for_each_ad_set(world: World, request: ApiRequest, items: List[Dict[str, Any]], change: _Change) -> Response:
    """Apply ``change(ad_set, item)`` to each item's ad set, collecting refusals per item."""
    done: List[str] = []
    refused: List[_Refusal] = []
    with world.lock:
        for index, item in enumerate(items):
            ad_set_id = item.get("id")
            try:
                if ad_set_id is None:
                    raise _ItemRefused("required-field", f"data.{index}.id is required to name the ad set.")
                ad_set = _accessible(world, ad_set_id)
                if ad_set is None:
                    raise _ItemRefused(
                        "insufficient-ad-set-permissions",
                        f"Ad set {ad_set_id} does not exist or is not in your portfolio.",
                        "access-control",
                    )
                world.ad_sets[ad_set_id] = change(ad_set, item)
                done.append(ad_set_id)
            except _ItemRefused as problem:
                refused.append((index, ad_set_id, problem))
    return _bulk_response(request, done, refused)


def start_ad_sets(world: World, request: ApiRequest) -> Response:
    """``POST .../ad-sets/start``: switch ad sets on."""
    items = _id_items(request)
    return _for_each_ad_set(world, request, items, lambda ad_set, _: _start(ad_set))


def stop_ad_sets(world: World, request: ApiRequest) -> Response:
    """``POST .../ad-sets/stop``: switch ad sets off (their delivery pauses)."""
    items = _id_items(request)
    return _for_each_ad_set(world, request, items, lambda ad_set, _: _stop(ad_set))


def patch_ad_sets(world: World, request: ApiRequest) -> Response:
    """``PATCH /2021-04/marketing-solutions/ad-sets``: change name, schedule, bid, targeting or budget."""
    body: Dict[str, Any] = request.optional_json_body(PATCH_AD_SETS_REQUEST)
    items: List[Dict[str, Any]] = body.get("data") or []
    return _for_each_ad_set(world, request, items, _patched)


def _id_items(request: ApiRequest) -> List[Dict[str, Any]]:
    body: Dict[str, Any] = request.optional_json_body(AD_SET_IDS_REQUEST)
    items: List[Dict[str, Any]] = body.get("data") or []
    return items


def _start(ad_set: AdSet) -> AdSet:
    if ad_set.delivery_status == "archived":
        raise _ItemRefused("ad-set-archived", f"Ad set {ad_set.id} is archived and cannot be started.")
    now = utc_now()
    ad_set.activation_status = "on"
    if ad_set.end_date is not None and ad_set.end_date < now:
        ad_set.delivery_status = "ended"
    elif ad_set.start_date > now:
        ad_set.delivery_status = "scheduled"
    else:
        ad_set.delivery_status = "live"
    return ad_set


def _stop(ad_set: AdSet) -> AdSet:
    if ad_set.delivery_status == "archived":
        raise _ItemRefused("ad-set-archived", f"Ad set {ad_set.id} is archived and cannot be stopped.")
    ad_set.activation_status = "off"
    ad_set.delivery_status = "paused"
    return ad_set


def _patched(ad_set: AdSet, item: Dict[str, Any]) -> AdSet:
    """A changed copy of ``ad_set``; the original is untouched when the item is refused."""
    attributes: Dict[str, Any] = item.get("attributes") or {}
    result = copy.deepcopy(ad_set)
    result.name = attributes.get("name", result.name)
    _patch_schedule(result, attributes.get("scheduling") or {})
    bidding: Dict[str, Any] = attributes.get("bidding") or {}
    bid = bidding.get("bidAmount")
    if bid is not None:
        result.bid_amount = _positive(bid.get("value"), "bidding.bidAmount")
    if attributes.get("targeting") is not None:
        _patch_targeting(result.targeting, attributes["targeting"])
    if attributes.get("budget") is not None:
        _patch_budget(result.budget, attributes["budget"])
    return result


def _patch_schedule(ad_set: AdSet, scheduling: Dict[str, Any]) -> None:
    start, end = scheduling.get("startDate"), scheduling.get("endDate")
    if start is not None:
        if start.get("value") is None:
            raise _ItemRefused("required-field", "scheduling.startDate cannot be cleared.")
        ad_set.start_date = parse_datetime(start["value"])  # type: ignore[assignment]  # validated already
    if end is not None:
        ad_set.end_date = None if end.get("value") is None else parse_datetime(end["value"])
    if ad_set.end_date is not None and ad_set.end_date <= ad_set.start_date:
        raise _ItemRefused("invalid-ranged", "scheduling.endDate must be after scheduling.startDate.")


def _positive(value: Optional[float], where: str) -> Optional[float]:
    if value is not None and value <= 0:
        raise _ItemRefused("invalid-ranged", f"{where} must be greater than zero.")
    return value


def _patch_targeting(targeting: Dict[str, Any], patch: Dict[str, Any]) -> None:
    if patch.get("deliveryLimitations") is not None:
        _patch_limitations(targeting.setdefault("deliveryLimitations", {}), patch["deliveryLimitations"])
    if patch.get("geoLocation") is not None:
        _patch_geo(targeting.setdefault("geoLocation", {}), patch["geoLocation"])
    if patch.get("frequencyCapping") is not None:
        _patch_capping(targeting.setdefault("frequencyCapping", {}), patch["frequencyCapping"])


def _patch_limitations(current: Dict[str, Any], limits: Dict[str, Any]) -> None:
    for key in ("environments", "devices", "operatingSystems"):
        if limits.get(key) is not None:
            current[key] = list(limits[key])


def _patch_geo(current: Dict[str, Any], geo: Dict[str, Any]) -> None:
    for key in _GEO_RULES:
        if geo.get(key) is None:
            continue
        rule = geo[key].get("value")
        if rule is None:  # a Nillable wrapper holding null clears the rule
            current.pop(key, None)
        else:
            current[key] = {"value": {k: rule[k] for k in ("operand", "values") if rule.get(k) is not None}}


def _patch_capping(current: Dict[str, Any], capping: Dict[str, Any]) -> None:
    if capping.get("maximumImpressions") is not None and capping["maximumImpressions"] < 0:
        raise _ItemRefused("invalid-ranged", "targeting.frequencyCapping.maximumImpressions must not be negative.")
    for key in ("frequency", "maximumImpressions"):
        if capping.get(key) is not None:
            current[key] = capping[key]


def _patch_budget(budget: Dict[str, Any], patch: Dict[str, Any]) -> None:
    for key in BUDGET_FIELDS:
        if key == "budgetAmount" or patch.get(key) is None:
            continue
        budget[key] = patch[key]
    amount = patch.get("budgetAmount")
    if amount is not None:
        value = _positive(amount.get("value"), "budget.budgetAmount")
        if value is None:
            budget.pop("budgetAmount", None)
        else:
            budget["budgetAmount"] = {"value": value}
