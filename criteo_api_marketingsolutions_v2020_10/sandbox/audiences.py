"""The audience operations (``/2021-04/audiences``) and the portfolio (``/2021-04/advertisers/me``)."""

from __future__ import annotations

import re
import uuid
from typing import Any, Dict, List, Tuple

from criteo_api_marketingsolutions_v2020_10.sandbox.responses import (
    ApiError,
    Response,
    json_response,
    not_in_portfolio,
    parse_int32,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.routing import ApiRequest
from criteo_api_marketingsolutions_v2020_10.sandbox.schema import (
    CONTACTLIST_AMENDMENT_REQUEST,
    NEW_AUDIENCE_REQUEST,
    REPLACE_AUDIENCE_REQUEST,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.settings import DEFAULT_MAX_IDENTIFIERS_PER_REQUEST
from criteo_api_marketingsolutions_v2020_10.sandbox.world import Audience, World, iso, utc_now

#: Most identifiers accepted in one contact list change, unless ``Sandbox.max_identifiers_per_request`` says otherwise.
MAX_IDENTIFIERS_PER_REQUEST = DEFAULT_MAX_IDENTIFIERS_PER_REQUEST
#: Invalid identifiers echoed back as a sample.
INVALID_SAMPLE_SIZE = 5

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_HEX_DIGEST = re.compile(r"^(?:[0-9a-f]{32}|[0-9a-f]{64})$")  # already hashed e-mails (MD5 or SHA-256)


def _envelope(data: Any) -> Dict[str, Any]:
    return {"data": data, "errors": [], "warnings": []}


def get_portfolio(world: World, request: ApiRequest) -> Response:
    """``GET /2021-04/advertisers/me``: the advertisers of the portfolio."""
    with world.lock:
        data = [
            {"type": "advertiser", "id": str(a.id), "attributes": {"advertiserName": a.name}}
            for a in world.advertisers.values()
            if a.in_portfolio
        ]
    return json_response(_envelope(data))


def _portfolio_advertiser(world: World, raw: str) -> int:
    """The advertiser ``raw`` names; 403 unless it is in the portfolio (ids that are not numbers match none)."""
    advertiser_id = parse_int32(raw)
    if advertiser_id is None or not world.in_portfolio(advertiser_id):
        raise not_in_portfolio(raw)
    return advertiser_id


def get_audiences(world: World, request: ApiRequest) -> Response:
    """``GET /2021-04/audiences``: every audience of the portfolio, or of one advertiser."""
    raw = request.query_value("advertiser-id")
    with world.lock:
        if not raw:  # absent or empty: the whole portfolio
            chosen = [a for a in world.audiences.values() if world.in_portfolio(a.advertiser_id)]
        else:
            advertiser_id = _portfolio_advertiser(world, raw)
            chosen = [a for a in world.audiences.values() if a.advertiser_id == advertiser_id]
        data = [a.to_json() for a in sorted(chosen, key=lambda a: int(a.id))]
    return json_response(_envelope(data))


def create_audience(world: World, request: ApiRequest) -> Response:
    """``POST /2021-04/audiences``: a new, empty audience.

    Every member is optional in the spec except the name (when ``attributes``
    is sent at all): without ``advertiserId`` the audience goes to the first
    advertiser of the portfolio, and a body without ``data`` creates an
    audience with an empty name there.
    """
    body: Dict[str, Any] = request.json_body(NEW_AUDIENCE_REQUEST)
    data: Dict[str, Any] = body.get("data") or {}
    attributes: Dict[str, Any] = data.get("attributes") or {}
    with world.lock:
        raw_advertiser = attributes.get("advertiserId")
        if raw_advertiser is None:
            advertiser_id = world.advertiser_ids[0]
        else:
            advertiser_id = _portfolio_advertiser(world, raw_advertiser)
        now = utc_now()
        audience = Audience(
            world.new_audience_id(),
            advertiser_id,
            attributes.get("name", ""),
            attributes.get("description", ""),
            now,
            now,
        )
        world.audiences[audience.id] = audience
        data = audience.to_basic_json()
    return json_response(_envelope(data))


def _audience(world: World, request: ApiRequest, missing_status: int = 403) -> Audience:
    """The audience of the path, if the caller may act on it (call with the world lock held)."""
    raw = request.params["audience-id"]
    audience = world.audiences.get(raw)  # ids are plain strings in the spec: anything else is unknown
    if audience is None:
        if missing_status == 404:
            raise ApiError(404, "audience-not-found", f"Audience {raw} not found.")
        raise ApiError(
            403, "insufficient-audience-permissions", f"Audience {raw} is not accessible.", type="access-control"
        )
    if not world.in_portfolio(audience.advertiser_id):
        raise not_in_portfolio(audience.advertiser_id)
    return audience


def modify_audience(world: World, request: ApiRequest) -> Response:
    """``PATCH /2021-04/audiences/{audience-id}``: change the name or the description of an audience."""
    attributes = request.json_body(REPLACE_AUDIENCE_REQUEST)["data"]["attributes"]
    with world.lock:
        audience = _audience(world, request)
        audience.name = attributes.get("name", audience.name)
        audience.description = attributes.get("description", audience.description)
        audience.updated = utc_now()
        data = audience.to_basic_json()
    return json_response(_envelope(data))


def remove_audience(world: World, request: ApiRequest) -> Response:
    """``DELETE /2021-04/audiences/{audience-id}``: delete an audience."""
    with world.lock:
        audience = _audience(world, request)
        del world.audiences[audience.id]
        data = audience.to_basic_json()
    return json_response(_envelope(data))


def delete_identifiers(world: World, request: ApiRequest) -> Response:
    """``DELETE /2021-04/audiences/{audience-id}/contactlist``: empty the contact list."""
    with world.lock:
        audience = _audience(world, request)
        audience.identifiers.clear()
        audience.updated = utc_now()
        request.settings.identifier_ledger.record_clear(audience.id)
        data = audience.to_basic_json()
    return json_response(_envelope(data))


def modify_audience_users(world: World, request: ApiRequest) -> Response:
    """``PATCH /2021-04/audiences/{audience-id}/contactlist``: add or remove identifiers."""
    attributes = request.json_body(CONTACTLIST_AMENDMENT_REQUEST)["data"]["attributes"]
    kind = attributes.get("identifierType") or "email"
    operation = attributes["operation"]
    identifiers: List[str] = attributes["identifiers"]
    limit = request.settings.max_identifiers_per_request
    if len(identifiers) > limit:
        raise ApiError(
            400,
            "too-many-identifiers",
            f"A contact list change takes at most {limit} identifiers; this one has {len(identifiers)}.",
        )
    valid, invalid = _sort_identifiers(kind, identifiers)
    with world.lock:
        audience = _audience(world, request, missing_status=404)
        contact_list = audience.identifiers.setdefault(kind, set())
        if operation == "add":
            contact_list.update(valid)
        else:
            contact_list.difference_update(valid)
        now = utc_now()
        audience.updated = now
        audience_id = audience.id
        request.settings.identifier_ledger.record_amendment(audience_id, operation, len(identifiers), len(invalid))
    data = {
        "type": "ContactlistAmendment",
        "attributes": {
            "contactListId": audience_id,
            "operation": operation,
            "requestDate": iso(now),
            "identifierType": kind,
            "nbValidIdentifiers": len(valid),
            "nbInvalidIdentifiers": len(invalid),
            "sampleInvalidIdentifiers": invalid[:INVALID_SAMPLE_SIZE],
        },
    }
    return json_response(_envelope(data))


def _sort_identifiers(kind: str, identifiers: List[str]) -> Tuple[List[str], List[str]]:
    """Split identifiers into valid (normalised) and invalid ones, as the service would count them."""
    valid: List[str] = []
    invalid: List[str] = []
    for raw in identifiers:
        value = raw.strip()
        normalised = _normalise(kind, value)
        if normalised is None:
            invalid.append(raw)
        else:
            valid.append(normalised)
    return valid, invalid


def _normalise(kind: str, value: str) -> Any:
    if not value or any(ch.isspace() for ch in value):
        return None
    if kind == "email":
        lowered = value.lower()
        return lowered if _EMAIL.match(lowered) or _HEX_DIGEST.match(lowered) else None
    if kind == "madid":
        try:
            return str(uuid.UUID(value))
        except ValueError:
            return None
    return value
