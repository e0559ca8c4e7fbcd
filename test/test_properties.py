"""Property-based checks of the form encoder and the response parser."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

from hypothesis import given, settings
from hypothesis import strategies as st

from criteo_api_marketingsolutions_v2020_10._decode import decode_success
from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi
from criteo_api_marketingsolutions_v2020_10.api_client import form_encode
from criteo_api_marketingsolutions_v2020_10.exceptions import MalformedResponseError
from criteo_api_marketingsolutions_v2020_10.model.jwt_model import JwtModel

encodable_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
UNRESERVED = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._*~+%=&")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(encodable_text.filter(bool), encodable_text), min_size=1, max_size=4))
def test_form_encoding_round_trips_and_stays_ascii(pairs) -> None:
    encoded = form_encode(pairs)
    assert set(encoded.decode("ascii")) <= UNRESERVED
    assert parse_qsl(encoded.decode("ascii"), keep_blank_values=True, encoding="utf-8") == list(pairs)
    assert b" " not in encoded


ENDPOINT = OAuthApi.__dict__["create_token"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=10,
)


def parse(body: bytes, content_type: str = "application/json"):
    return decode_success(ENDPOINT, 200, {"Content-Type": content_type}, body, check_type=True, discard_unknown=False)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_give_a_model_or_one_documented_error(body: bytes) -> None:
    try:
        result = parse(body)
    except MalformedResponseError as error:
        assert error.status == 200 and error.reason.startswith("expected ")
    else:
        assert isinstance(result, JwtModel)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_arbitrary_json_gives_a_model_or_one_documented_error(value) -> None:
    try:
        result = parse(json.dumps(value).encode())
    except MalformedResponseError as error:
        assert "expected" in error.reason
    else:
        assert isinstance(result, JwtModel) and isinstance(value, dict)
        for key, member in value.items():
            assert result[key] == member


@settings(max_examples=100, deadline=None)
@given(
    st.fixed_dictionaries(
        {"access_token": st.text(max_size=30), "token_type": st.text(max_size=8), "expires_in": st.integers(-(2**31), 2**31 - 1)}
    ),
    st.sampled_from(["application/json", "text/json", "text/plain; charset=utf-8", "application/x+json; charset=UTF-8"]),
)
def test_valid_token_bodies_always_parse(payload, content_type) -> None:
    jwt = parse(json.dumps(payload).encode(), content_type)
    assert jwt.to_dict() == payload
