"""Every model survives the trips a value takes: to JSON and back, copies, pickles, dicts.

Values are drawn by hypothesis from each model's own ``Field`` declarations,
so the test covers every generated model without listing them.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
from typing import Any, Dict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from criteo_api_marketingsolutions_v2020_10 import models
from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal, model_class

SECRET_MARK = "SECRET<"
INT32 = (-(2**31), 2**31 - 1)
INT64 = (-(2**63), 2**63 - 1)
MODEL_NAMES = sorted(models.__all__)
ZONES = st.sampled_from([None, dt.timezone.utc, dt.timezone(dt.timedelta(hours=2)), dt.timezone(dt.timedelta(hours=-5))])
JSON_SCALARS = st.none() | st.booleans() | st.integers(*INT64) | st.text(max_size=8)

SCALARS = {
    "str": st.text(max_size=12),
    "bool": st.booleans(),
    "float": st.floats(allow_nan=False, allow_infinity=False),
    "datetime": st.datetimes(timezones=ZONES),
    "date": st.dates(),
    "object": st.dictionaries(st.text(max_size=6), JSON_SCALARS, max_size=3),
}


def type_strategy(type_name: str, fmt: str | None, depth: int) -> st.SearchStrategy[Any]:
    """Values of a type string."""
    if type_name == "int":
        return st.integers(*(INT32 if fmt == "int32" else INT64))
    if type_name in SCALARS:
        return SCALARS[type_name]
    if type_name.startswith("["):
        return st.lists(type_strategy(type_name[1:-1], fmt, depth), max_size=3)
    if type_name.startswith("{str:"):
        return st.dictionaries(st.text(max_size=6), type_strategy(type_name[5:-1].strip(), fmt, depth), max_size=3)
    return model_strategy(model_class(type_name), depth + 1)


def field_strategy(field: Field, depth: int) -> st.SearchStrategy[Any]:
    """Values of one field: its enum when it has one, a recognizable marker when it is a secret."""
    if field.secret:
        return st.text(max_size=8).map(lambda s: f"{SECRET_MARK}{s}>")
    if field.enum is not None:
        item = st.sampled_from(field.enum)
        return st.lists(item, max_size=3) if field.type.startswith("[") else item
    return type_strategy(field.type, field.format, depth)


def model_strategy(cls: Any, depth: int = 0) -> st.SearchStrategy[Any]:
    """Models built as the server would (read-only fields included); optional fields come and go."""
    required = {f.name: field_strategy(f, depth) for f in cls._fields if f.required}
    optional = {} if depth > 4 else {f.name: field_strategy(f, depth) for f in cls._fields if not f.required}
    kwargs = st.fixed_dictionaries(required, optional=optional)
    return kwargs.map(lambda values: cls._from_openapi_data(**values))


def has_read_only(cls: Any, seen: frozenset = frozenset()) -> bool:
    """Whether a model or any model inside it has a read-only field."""
    for f in cls._fields:
        if f.read_only:
            return True
        core = f.type.strip("[]")
        if core[:1].isupper() and core not in seen and has_read_only(model_class(core), seen | {cls.__name__}):
            return True
    return False


def plain(value: Any) -> Any:
    """What ``to_dict`` should give for a value: models as dicts of Python names, the rest unchanged."""
    if isinstance(value, ModelNormal):
        return {key: plain(value[key]) for key in value}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


FAST = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("name", MODEL_NAMES)
@FAST
@given(data=st.data())
def test_json_round_trip(name: str, data: st.DataObject) -> None:
    cls = getattr(models, name)
    original = data.draw(model_strategy(cls))
    text = json.dumps(original.to_wire())
    again = cls._from_json(json.loads(text))
    assert again == original
    assert cls._from_json(json.loads(text), False) == original
    wire_names = {f.wire for f in cls._fields}
    assert set(json.loads(text)) <= wire_names


@pytest.mark.parametrize("name", MODEL_NAMES)
@FAST
@given(data=st.data())
def test_copies_pickles_and_dicts(name: str, data: st.DataObject) -> None:
    cls = getattr(models, name)
    original = data.draw(model_strategy(cls))
    deep = copy.deepcopy(original)
    assert deep == original and deep is not original
    assert copy.copy(original) == original
    assert pickle.loads(pickle.dumps(original)) == original
    as_dict = original.to_dict()
    assert as_dict == plain(original)
    assert set(as_dict) <= {f.name for f in cls._fields}
    assert (original != deep) is False
    if not has_read_only(cls):
        # Without server-only fields, the plain dict is enough to build the model again.
        assert cls(**as_dict) == original


@pytest.mark.parametrize("name", MODEL_NAMES)
@FAST
@given(data=st.data())
def test_construction_by_keywords_and_positions(name: str, data: st.DataObject) -> None:
    cls = getattr(models, name)
    original = data.draw(model_strategy(cls))
    values: Dict[str, Any] = {key: original[key] for key in original}
    assert cls._from_openapi_data(**values) == original
    writable = {k: v for k, v in values.items() if not cls._by_name[k].read_only}
    built = cls(**writable)
    assert all(built[k] == v for k, v in writable.items())
    required = [values[f.name] for f in cls._fields if f.required]
    others = {k: v for k, v in writable.items() if not cls._by_name[k].required}
    assert cls(*required, **others) == built


SECRET_MODELS = [n for n in MODEL_NAMES if any(f.secret for f in getattr(models, n)._fields)]


def test_some_model_has_a_secret() -> None:
    assert SECRET_MODELS == ["JwtModel"]


@pytest.mark.parametrize("name", SECRET_MODELS)
@FAST
@given(data=st.data())
def test_secrets_never_show_in_repr(name: str, data: st.DataObject) -> None:
    cls = getattr(models, name)
    secrets = {f.name: data.draw(field_strategy(f, 0)) for f in cls._fields if f.secret}
    obj = cls._from_openapi_data(**secrets)
    for text in (repr(obj), str(obj), obj.to_str(), repr([obj]), repr({"token": obj})):
        assert SECRET_MARK not in text
    assert all(obj[k] == v for k, v in secrets.items())  # still there for the caller


def test_a_nested_value_is_rebuilt_as_models() -> None:
    wire = {
        "data": [{"id": "42", "type": "AdSet", "attributes": {"name": "Spring", "schedule": {
            "startDate": {"value": "2021-04-01T00:00:00+00:00"}, "activationStatus": "on"}}}],
        "warnings": [],
        "errors": [{"type": "validation", "code": "invalid", "source": {"field": "name"}}],
    }
    response = models.ResponsesReadAdSet._from_json(wire)
    assert isinstance(response.data[0], models.ReadModelReadAdSet)
    start = response.data[0].attributes.schedule.start_date.value
    assert start == dt.datetime(2021, 4, 1, tzinfo=dt.timezone.utc)
    assert response.errors[0].source == {"field": "name"}
    assert response.to_wire() == wire
