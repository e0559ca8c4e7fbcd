"""The model base, through the two core models and a few synthetic ones."""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
import pprint

import pytest

from criteo_api_marketingsolutions_v2020_10.exceptions import (
    ApiAttributeError,
    ApiKeyError,
    ApiTypeError,
    ApiValueError,
)
from criteo_api_marketingsolutions_v2020_10.model.jwt_model import JwtModel
from criteo_api_marketingsolutions_v2020_10.model.o_auth2_error import OAuth2Error
from criteo_api_marketingsolutions_v2020_10.model_utils import (
    Field,
    ModelNormal,
    _Mismatch,
    parse_type,
    sanitize_for_serialization,
    to_snake,
)

TOKEN = "eyJhbGciOiJIUzI1NiJ9.payload.signature-abcdef"


class Schedule(ModelNormal):
    """A synthetic model with every kind of field, to exercise the base class."""

    _fields = (
        Field("start_date", "startDate", "datetime", required=True),
        Field("day", "day", "date"),
        Field("status", "activationStatus", "str", enum=("on", "off")),
        Field("devices", "devices", "[str]", enum=("desktop", "mobile")),
        Field("bid", "bidAmount", "float"),
        Field("labels", "labels", "{str: str}"),
        Field("extra", "extra", "object"),
        Field("error", "error", "OAuth2Error"),
        Field("errors", "errors", "[OAuth2Error]"),
        Field("trace_id", "traceId", "str", read_only=True),
    )


@pytest.mark.parametrize(
    ("spec_name", "python_name"),
    [
        ("OAuth2Error", "o_auth2_error"),
        ("JwtModel", "jwt_model"),
        ("OAuthApi", "o_auth_api"),
        ("advertiserId", "advertiser_id"),
        ("audience-id", "audience_id"),
        ("ReadModelReadAdSet", "read_model_read_ad_set"),
        ("categoryHashCode", "category_hash_code"),
    ],
)
def test_to_snake_follows_generated_client_naming(spec_name: str, python_name: str) -> None:
    assert to_snake(spec_name) == python_name


def test_keyword_construction_attribute_item_get_and_contains() -> None:
    jwt = JwtModel(access_token=TOKEN, token_type="Bearer", expires_in=900)
    assert jwt.access_token == TOKEN
    assert jwt["expires_in"] == 900
    assert jwt.get("token_type") == "Bearer"
    assert jwt.get("missing", "default") == "default"
    assert "access_token" in jwt
    assert "refresh_token" not in jwt


def test_required_fields_are_positional_and_enforced() -> None:
    error = OAuth2Error("invalid_client", error_description="unknown client")
    assert error.error == "invalid_client"
    with pytest.raises(ApiTypeError, match="missing required argument: 'error'"):
        OAuth2Error(error_description="no code")
    with pytest.raises(ApiTypeError, match="takes 1 positional"):
        OAuth2Error("a", "b")
    with pytest.raises(ApiTypeError, match="multiple values"):
        OAuth2Error("a", error="b")


def test_type_checks_name_the_field() -> None:
    with pytest.raises(ApiTypeError) as excinfo:
        JwtModel(expires_in="900")
    assert excinfo.value.path_to_item == ["expires_in"]
    assert "expected int, got str" in str(excinfo.value)
    jwt = JwtModel()
    with pytest.raises(ApiTypeError, match=r"\['token_type'\]"):
        jwt.token_type = 12
    with pytest.raises(ApiTypeError, match="not nullable"):
        jwt.token_type = None
    with pytest.raises(ApiTypeError):
        JwtModel(expires_in=True)  # bool is not an int here


def test_unknown_and_read_only_fields_are_refused_locally() -> None:
    with pytest.raises(ApiAttributeError, match="has no field 'acces_token'"):
        JwtModel(acces_token=TOKEN)
    with pytest.raises(ApiAttributeError, match="read-only"):
        Schedule(start_date=dt.datetime(2024, 1, 1), trace_id="t")
    built = Schedule._from_openapi_data(start_date=dt.datetime(2024, 1, 1), trace_id="t", surprise=1)
    assert built.trace_id == "t"
    assert built["surprise"] == 1


def test_unset_fields_raise_typed_errors() -> None:
    jwt = JwtModel()
    with pytest.raises(ApiAttributeError, match=r"JwtModel\.access_token is not set"):
        _ = jwt.access_token
    with pytest.raises(ApiKeyError):
        _ = jwt["access_token"]
    assert getattr(jwt, "access_token", None) is None
    with pytest.raises(ApiAttributeError, match="no attribute 'nope'"):
        _ = jwt.nope


def test_enum_checked_locally_but_not_on_responses() -> None:
    with pytest.raises(ApiValueError, match="allowed: 'on', 'off'"):
        Schedule(start_date=dt.datetime(2024, 1, 1), status="paused")
    with pytest.raises(ApiValueError, match="'tv'"):
        Schedule(start_date=dt.datetime(2024, 1, 1), devices=["desktop", "tv"])
    lenient = Schedule._from_json({"startDate": "2024-01-01T00:00:00Z", "activationStatus": "paused"})
    assert lenient.status == "paused"


def test_dicts_are_accepted_for_nested_models_and_checked() -> None:
    schedule = Schedule(start_date="2024-05-01T10:00:00+00:00", error={"error": "invalid_grant"})
    assert isinstance(schedule.error, OAuth2Error)
    assert schedule.start_date == dt.datetime(2024, 5, 1, 10, tzinfo=dt.timezone.utc)
    with pytest.raises(ApiTypeError) as excinfo:
        Schedule(start_date=dt.datetime(2024, 1, 1), errors=[{"error": "a"}, {"error": 3}])
    assert excinfo.value.path_to_item == ["errors", 1, "error"]


def test_from_json_converts_dates_keeps_unknown_members_and_nulls() -> None:
    raw = {
        "startDate": "2024-03-01T08:30:00Z",
        "day": "2024-03-02",
        "bidAmount": 2,
        "errors": [{"error": "a", "hint": "kept"}],
        "future": {"nested": True},
        "activationStatus": None,
    }
    schedule = Schedule._from_json(raw)
    assert schedule.start_date == dt.datetime(2024, 3, 1, 8, 30, tzinfo=dt.timezone.utc)
    assert schedule.day == dt.date(2024, 3, 2)
    assert schedule.bid == 2.0 and isinstance(schedule.bid, float)
    assert schedule.errors[0].error == "a"
    assert schedule.errors[0]["hint"] == "kept"
    assert schedule["future"] == {"nested": True}
    assert schedule.status is None
    assert Schedule._from_json(raw, False) == schedule


def test_from_json_reports_wrong_types_with_their_path() -> None:
    with pytest.raises(_Mismatch) as excinfo:
        Schedule._from_json({"startDate": "2024-03-01T08:30:00Z", "errors": [{"error": "a"}, {"error": 7}]})
    assert excinfo.value.path == ["errors", 1, "error"]
    assert excinfo.value.expected == "str"
    with pytest.raises(_Mismatch):
        Schedule._from_json({"startDate": "yesterday"})
    with pytest.raises(_Mismatch):
        JwtModel._from_json(["not", "an", "object"])


def test_to_wire_uses_spec_names_and_iso_dates() -> None:
    schedule = Schedule(
        start_date=dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc),
        day=dt.date(2024, 1, 2),
        devices=["mobile"],
        error=OAuth2Error("x"),
        labels={"a": "b"},
    )
    assert schedule.to_wire() == {
        "startDate": "2024-01-02T03:04:05+00:00",
        "day": "2024-01-02",
        "devices": ["mobile"],
        "error": {"error": "x"},
        "labels": {"a": "b"},
    }
    assert json.loads(json.dumps(sanitize_for_serialization([schedule])))[0]["day"] == "2024-01-02"
    assert Schedule._from_json(json.loads(json.dumps(schedule.to_wire()))) == schedule


def test_equality_copy_deepcopy_pickle() -> None:
    jwt = JwtModel(access_token=TOKEN, expires_in=900)
    assert jwt == JwtModel(access_token=TOKEN, expires_in=900)
    assert jwt != JwtModel(access_token=TOKEN, expires_in=901)
    assert jwt != OAuth2Error("x")
    for clone in (copy.copy(jwt), copy.deepcopy(jwt), pickle.loads(pickle.dumps(jwt))):
        assert clone == jwt and clone is not jwt
    nested = Schedule(start_date=dt.datetime(2024, 1, 1), errors=[OAuth2Error("a")])
    deep = copy.deepcopy(nested)
    deep.errors[0].error = "b"
    assert nested.errors[0].error == "a"
    with pytest.raises(TypeError):
        hash(jwt)


def test_repr_is_pprint_friendly_and_masks_secrets_but_values_stay_real() -> None:
    jwt = JwtModel(access_token=TOKEN, token_type="Bearer", expires_in=900)
    for text in (repr(jwt), str(jwt), pprint.pformat(jwt), jwt.to_str()):
        assert TOKEN not in text
        assert "***" in text
    assert eval(repr(jwt)) == {"access_token": "***", "expires_in": 900, "token_type": "Bearer"}
    assert jwt.to_dict()["access_token"] == TOKEN
    assert jwt.access_token == TOKEN


def test_openapi_types_attribute_map_and_allowed_values_tables() -> None:
    assert JwtModel.attribute_map == {"access_token": "access_token", "token_type": "token_type", "expires_in": "expires_in"}
    assert JwtModel.openapi_types["expires_in"] == (int,)
    assert Schedule.openapi_types["error"] == (OAuth2Error,)
    assert Schedule.allowed_values[("status",)] == {"ON": "on", "OFF": "off"}
    assert Schedule.read_only_vars == frozenset({"trace_id"})


def test_spec_property_naming_and_discard_unknown_keys() -> None:
    from criteo_api_marketingsolutions_v2020_10 import Configuration

    schedule = Schedule(startDate=dt.datetime(2024, 1, 1), activationStatus="on", _spec_property_naming=True)
    assert schedule.status == "on"
    configuration = Configuration(discard_unknown_keys=True)
    assert JwtModel(unknown=1, token_type="Bearer", _configuration=configuration) == JwtModel(token_type="Bearer")


def test_parse_type_rejects_garbage() -> None:
    assert parse_type("[{str: [int]}]").label == "[{str: [int]}]"
    with pytest.raises(ValueError):
        parse_type("list of things")


# --------------------------------------------------------------------------- nulls, dates and unset fields


def test_nillable_wrappers_take_none_and_send_null() -> None:
    from criteo_api_marketingsolutions_v2020_10.model.nillable_date_time import NillableDateTime
    from criteo_api_marketingsolutions_v2020_10.model.nillable_decimal import NillableDecimal
    from criteo_api_marketingsolutions_v2020_10.model.patch_ad_set_scheduling import PatchAdSetScheduling

    cleared = NillableDateTime(value=None)
    assert cleared.value is None and cleared.to_wire() == {"value": None}
    patch = PatchAdSetScheduling(end_date=cleared, start_date=NillableDateTime(value=dt.datetime(2024, 1, 1)))
    assert json.dumps(sanitize_for_serialization(patch)) == '{"startDate": {"value": "2024-01-01T00:00:00"}, "endDate": {"value": null}}'
    assert NillableDecimal(value=None).to_wire() == {"value": None}
    with pytest.raises(ApiTypeError, match="not nullable"):
        JwtModel(token_type=None)  # the others still refuse None


def test_a_date_where_a_date_time_is_required_asks_for_a_datetime() -> None:
    from criteo_api_marketingsolutions_v2020_10.model.nillable_date_time import NillableDateTime

    with pytest.raises(ApiTypeError, match=r"expected datetime, got date.*pass a datetime\.datetime") as excinfo:
        Schedule(start_date=dt.date(2024, 1, 1))
    assert excinfo.value.path_to_item == ["start_date"]
    with pytest.raises(ApiTypeError, match=r"pass a datetime\.datetime"):
        NillableDateTime(value=dt.date(2024, 1, 1))
    assert Schedule(start_date=dt.datetime(2024, 1, 1), day=dt.datetime(2024, 1, 2, 10)).day == dt.date(2024, 1, 2)


def test_reading_an_unset_field_names_the_get_and_in_idioms() -> None:
    jwt = JwtModel(token_type="Bearer")
    with pytest.raises(ApiAttributeError, match=r"JwtModel\.expires_in is not set: use \.get\('expires_in'\).*'expires_in' in the model"):
        _ = jwt.expires_in
    assert jwt.get("expires_in") is None and "expires_in" not in jwt
    assert jwt.get("token_type") == "Bearer"
