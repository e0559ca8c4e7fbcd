"""A small validator for request bodies, and the request schemas of the spec written out in Python.

Schemas are plain dicts using a subset of JSON Schema: ``type`` (``object``,
``array``, ``string``, ``integer``, ``number``, ``boolean``), ``properties``,
``required``, ``items``, ``enum``, ``nullable`` and ``format`` (``int32``,
``date-time``). Members the schema does not know are ignored, as the service
does. ``null`` is refused wherever the spec does not allow it, except for the
``value`` of the spec's ``Nillable*`` wrappers, whose purpose is to carry a
null ("clear it").
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union, cast

from criteo_api_marketingsolutions_v2020_10.sandbox.responses import ApiError

Schema = Dict[str, Any]
Path = Sequence[Union[str, int]]

INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1
# RFC 3339 date-time (the offset may be left out; such values are taken as UTC).
_DATE_TIME = re.compile(
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:[Zz]|[+-][0-9]{2}:[0-9]{2})?$"
)


class SchemaViolation(ApiError):
    """A request body does not match its schema; ``pointer`` says where."""

    def __init__(self, path: Path, code: str, detail: str) -> None:
        self.pointer = "/" + "/".join(str(p) for p in path)
        where = ".".join(str(p) for p in path) or "body"
        super().__init__(400, code, f"{where}: {detail}", source={"pointer": self.pointer})


def parse_json_body(body: bytes) -> Any:
    """Parse a JSON request body; raises a 400 ``ApiError`` when it is not valid JSON."""
    if not body.strip():
        raise ApiError(400, "required-field", "The request body is required.")
    try:
        return json.loads(body.decode("utf-8"), parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise ApiError(400, "invalid-json", f"The request body is not valid JSON ({type(exc).__name__}).") from None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


def parse_datetime(text: str) -> Optional[dt.datetime]:
    """Read an ISO 8601 date or date-time; naive values are taken as UTC. ``None`` when unreadable."""
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def is_date_time(text: str) -> bool:
    """Whether ``text`` is an RFC 3339 date-time (a bare date is not), offset optional."""
    return bool(_DATE_TIME.match(text)) and parse_datetime(text) is not None


def validate(value: Any, schema: Schema, path: Path = ()) -> None:
    """Raise ``SchemaViolation`` at the first place where ``value`` does not match ``schema``."""
    kind = schema.get("type")
    if value is None:
        if not schema.get("nullable"):
            raise SchemaViolation(path, "invalid", "must not be null")
    elif kind == "object":
        _check_object(value, schema, path)
    elif kind == "array":
        if not isinstance(value, list):
            raise SchemaViolation(path, "invalid", "must be an array")
        items = cast(Sequence[Any], value)
        for index, item in enumerate(items):
            validate(item, schema["items"], [*path, index])
    elif kind == "string":
        _check_string(value, schema, path)
    else:
        _check_scalar(value, schema, path)


def _is_number(value: Any) -> bool:
    """A finite JSON number (``bool`` is not one, as in JSON)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


_SCALAR_TESTS: Dict[str, Tuple[Callable[[Any], bool], str]] = {
    "boolean": (lambda v: isinstance(v, bool), "must be true or false"),
    "integer": (lambda v: _is_number(v) and isinstance(v, int), "must be an integer"),
    "number": (_is_number, "must be a number"),
}


def _check_scalar(value: Any, schema: Schema, path: Path) -> None:
    """Integers, numbers and booleans."""
    test = _SCALAR_TESTS.get(schema.get("type", ""))
    if test is not None and not test[0](value):
        raise SchemaViolation(path, "invalid", test[1])
    if schema.get("format") == "int32" and not INT32_MIN <= value <= INT32_MAX:
        raise SchemaViolation(path, "invalid-ranged", "is out of the 32-bit integer range")


def _check_object(value: Any, schema: Schema, path: Path) -> None:
    if not isinstance(value, dict):
        raise SchemaViolation(path, "invalid", "must be an object")
    for name in schema.get("required", ()):
        if name not in value:
            raise SchemaViolation([*path, name], "required-field", "is required")
    for name, sub in schema.get("properties", {}).items():
        if name in value:
            validate(value[name], sub, [*path, name])


def _check_string(value: Any, schema: Schema, path: Path) -> None:
    if not isinstance(value, str):
        raise SchemaViolation(path, "invalid", "must be a string")
    allowed: List[str] = schema.get("enum", [])
    if allowed and value not in allowed:
        raise SchemaViolation(path, "invalid", f"must be one of {', '.join(allowed)}")
    if schema.get("format") == "date-time" and not is_date_time(value):
        raise SchemaViolation(path, "invalid-date-format", "must be an RFC 3339 date-time such as 2021-04-01T00:00:00Z")


# --- building blocks --------------------------------------------------------


def _obj(properties: Dict[str, Schema], required: Sequence[str] = ()) -> Schema:
    return {"type": "object", "properties": properties, "required": list(required)}


def _arr(items: Schema) -> Schema:
    return {"type": "array", "items": items}


def _enum(*values: str) -> Schema:
    return {"type": "string", "enum": list(values)}


def _nillable(value: Schema) -> Schema:
    """A ``Nillable*`` wrapper: ``{"value": ...}`` where ``null`` is allowed (it clears the value)."""
    return _obj({"value": {**value, "nullable": True}})


STRING: Schema = {"type": "string"}
INT32: Schema = {"type": "integer", "format": "int32"}
NUMBER: Schema = {"type": "number"}
BOOLEAN: Schema = {"type": "boolean"}
DATE_TIME: Schema = {"type": "string", "format": "date-time"}

# --- audiences --------------------------------------------------------------

_AUDIENCE_TEXTS: Dict[str, Schema] = {"name": STRING, "description": STRING}
NEW_AUDIENCE_REQUEST = _obj(
    {
        "data": _obj(
            {"type": STRING, "attributes": _obj({"advertiserId": STRING, **_AUDIENCE_TEXTS}, ["name"])},
            ["type", "attributes"],
        )
    },
)
REPLACE_AUDIENCE_REQUEST = _obj(
    {"data": _obj({"type": STRING, "attributes": _obj(_AUDIENCE_TEXTS)}, ["type", "attributes"])},
    ["data"],
)
CONTACTLIST_AMENDMENT_REQUEST = _obj(
    {
        "data": _obj(
            {
                "type": STRING,
                "attributes": _obj(
                    {
                        "operation": _enum("add", "remove"),
                        "identifierType": _enum("email", "madid", "identityLink", "gum"),
                        "identifiers": _arr(STRING),
                        "gumCallerId": {"type": "integer"},
                        "internalIdentifiers": BOOLEAN,
                    },
                    ["identifiers", "operation"],
                ),
            },
            ["type", "attributes"],
        )
    },
    ["data"],
)

# --- ad sets ----------------------------------------------------------------

_NILLABLE_DATE_TIME = _nillable(DATE_TIME)
_NILLABLE_DECIMAL = _nillable(NUMBER)
_TARGETING_RULE = _nillable(_obj({"operand": _enum("undefined", "in", "notIn"), "values": _arr(STRING)}))
BUDGET_FIELDS: Dict[str, Schema] = {
    "budgetStrategy": _enum("capped", "uncapped"),
    "budgetRenewal": _enum("undefined", "daily", "monthly", "lifetime"),
    "budgetDeliverySmoothing": _enum("accelerated", "standard"),
    "budgetDeliveryWeek": _enum(
        "undefined",
        "mondayToSunday",
        "tuesdayToMonday",
        "wednesdayToTuesday",
        "thursdayToWednesday",
        "fridayToThursday",
        "saturdayToFriday",
        "sundayToSaturday",
    ),
    "budgetAmount": _NILLABLE_DECIMAL,
}
AD_SET_TARGETING = _obj(
    {
        "deliveryLimitations": _obj(
            {
                "environments": _arr(_enum("web", "inApp")),
                "devices": _arr(_enum("other", "desktop", "mobile", "tablet")),
                "operatingSystems": _arr(_enum("android", "ios", "unknown")),
            }
        ),
        "geoLocation": _obj(
            {"countries": _TARGETING_RULE, "subdivisions": _TARGETING_RULE, "zipCodes": _TARGETING_RULE}
        ),
        "frequencyCapping": _obj(
            {"frequency": _enum("hourly", "daily", "lifetime", "advanced"), "maximumImpressions": INT32}
        ),
    }
)
PATCH_AD_SETS_REQUEST = _obj(
    {
        "data": _arr(
            _obj(
                {
                    "id": STRING,
                    "type": STRING,
                    "attributes": _obj(
                        {
                            "name": STRING,
                            "scheduling": _obj({"startDate": _NILLABLE_DATE_TIME, "endDate": _NILLABLE_DATE_TIME}),
                            "bidding": _obj({"bidAmount": _NILLABLE_DECIMAL}),
                            "targeting": AD_SET_TARGETING,
                            "budget": _obj(BUDGET_FIELDS),
                        }
                    ),
                },
            )
        )
    },
)
AD_SET_IDS_REQUEST = _obj({"data": _arr(_obj({"id": STRING, "type": STRING}))})
AD_SET_SEARCH_REQUEST = _obj(
    {"filters": _obj({"adSetIds": _arr(STRING), "advertiserIds": _arr(STRING), "campaignIds": _arr(STRING)})}
)

# --- reports ----------------------------------------------------------------

STATISTICS_DIMENSIONS = (
    "AdsetId",
    "Adset",
    "AdvertiserId",
    "Advertiser",
    "CategoryId",
    "Category",
    "Hour",
    "Day",
    "Week",
    "Month",
    "Year",
    "Os",
    "Device",
)
STATISTICS_REPORT_QUERY = _obj(
    {
        "advertiserIds": STRING,
        "dimensions": _arr(_enum(*STATISTICS_DIMENSIONS)),
        "metrics": _arr(STRING),
        "currency": STRING,
        "format": STRING,
        "timezone": STRING,
        "startDate": DATE_TIME,
        "endDate": DATE_TIME,
    },
    ["dimensions", "metrics", "currency", "format", "startDate", "endDate"],
)
TRANSACTIONS_REPORT_QUERY = _obj(
    {
        "data": _arr(
            _obj(
                {
                    "type": STRING,
                    "attributes": _obj(
                        {
                            "advertiserIds": STRING,
                            "eventType": STRING,
                            "currency": STRING,
                            "format": STRING,
                            "timezone": STRING,
                            "startDate": DATE_TIME,
                            "endDate": DATE_TIME,
                        },
                        ["currency", "format", "startDate", "endDate"],
                    ),
                },
                ["type", "attributes"],
            )
        )
    },
    ["data"],
)

# --- legacy -----------------------------------------------------------------

CAMPAIGN_BID_CHANGES = _arr(
    _obj(
        {
            "campaignId": INT32,
            "bidValue": NUMBER,
            "categories": _arr(_obj({"categoryHashcode": INT32, "bidValue": NUMBER})),
        },
    )
)
CATEGORY_UPDATES = _arr(
    _obj(
        {
            "catalogId": INT32,
            "categories": _arr(_obj({"categoryHashCode": INT32, "enabled": BOOLEAN})),
        },
    )
)
