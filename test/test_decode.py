"""The decode layer, without I/O: every status on every operation, hostile bodies, error models, secrets."""

from __future__ import annotations

import json
import time
from typing import Any, Dict, Iterator, List

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from criteo_api_marketingsolutions_v2020_10 import _decode, _json_body, _secrets, apis, exceptions
from criteo_api_marketingsolutions_v2020_10._constants import MAX_BODY_IN_EXCEPTION
from criteo_api_marketingsolutions_v2020_10.endpoint import Api, Endpoint
from criteo_api_marketingsolutions_v2020_10.model.error_code_response import ErrorCodeResponse
from criteo_api_marketingsolutions_v2020_10.model.get_portfolio_response import GetPortfolioResponse
from criteo_api_marketingsolutions_v2020_10.model.jwt_model import JwtModel
from criteo_api_marketingsolutions_v2020_10.model.o_auth2_error import OAuth2Error
from criteo_api_marketingsolutions_v2020_10.model.problem_details import ProblemDetails
from criteo_api_marketingsolutions_v2020_10.model.response_read_ad_set import ResponseReadAdSet
from criteo_api_marketingsolutions_v2020_10.model_utils import parse_type

ENDPOINTS: List[Endpoint] = [
    endpoint
    for name in sorted(dir(apis))
    if isinstance(getattr(apis, name), type) and issubclass(getattr(apis, name), Api) and getattr(apis, name) is not Api
    for endpoint in getattr(apis, name).endpoints()
]
TOKEN = apis.OAuthApi.__dict__["create_token"]
AD_SET = apis.CampaignApi.__dict__["get_ad_set"]
LEGACY = apis.CampaignApi.__dict__["get_category"]
AUDIENCES = apis.AudienceApi.__dict__["get_audiences"]
PORTFOLIO = apis.AdvertiserApi.__dict__["api_portfolio_get"]
REPORT = apis.AnalyticsApi.__dict__["get_adset_report"]
NO_BODY = Endpoint(name="ping", method="POST", path="/ping", operation_id="ping", responses={204: None, 400: None})
JSON = {"Content-Type": "application/json; charset=utf-8"}
SECRET = "dec-s3cret+/=&%:£ x5"


@pytest.fixture(autouse=True)
def known_secret() -> Iterator[str]:
    _secrets.register(SECRET)
    yield SECRET
    _secrets.forget(SECRET)


def success(
    endpoint: Endpoint, status: int, body: bytes, headers: Dict[str, str] = JSON, check_type: bool = True
) -> Any:
    return _decode.decode_success(endpoint, status, headers, body, check_type=check_type, discard_unknown=False)


def malformed(endpoint: Endpoint, body: bytes, headers: Dict[str, str] = JSON) -> exceptions.MalformedResponseError:
    with pytest.raises(exceptions.MalformedResponseError) as excinfo:
        success(endpoint, 200, body, headers)
    error = excinfo.value
    assert error.__context__ is None and error.__cause__ is None
    assert error.body is None or len(error.body) <= MAX_BODY_IN_EXCEPTION
    return error


def fitting_body(endpoint: Endpoint) -> bytes:
    """The smallest body of the operation's main type."""
    if endpoint.return_type is None or endpoint.return_type == "bytes":
        return b"raw,bytes\n1,2\n"
    return b"[]" if endpoint.return_type.startswith("[") else b"{}"


# ---------------------------------------------------------------- every status, every operation


@pytest.mark.parametrize("endpoint", [*ENDPOINTS, NO_BODY], ids=lambda e: e.name + "/" + e.path)
def test_every_status_on_every_operation_gives_a_model_none_or_an_api_exception(endpoint: Endpoint) -> None:
    body = fitting_body(endpoint)
    main = parse_type(endpoint.return_type) if endpoint.return_type else None
    for status in range(100, 600):
        if not 200 <= status <= 299:
            with pytest.raises(exceptions.ApiException) as excinfo:
                success(endpoint, status, body)
            assert type(excinfo.value) is exceptions.exception_for_status(status), status
            continue
        result = success(endpoint, status, body)
        if (
            status in (204, 205)
            or main is None
            or (status in endpoint.responses and endpoint.responses[status] is None)
        ):
            assert result is None, status
        elif main.label == "bytes":
            assert result == body
        else:
            assert isinstance(result, main.python_types), status


@pytest.mark.parametrize(
    "endpoint", [e for e in ENDPOINTS if e.return_type != "bytes"], ids=lambda e: e.name + "/" + e.path
)
def test_an_undocumented_2xx_whose_body_does_not_fit_is_malformed(endpoint: Endpoint) -> None:
    for status in (200, 201, 202, 203, 206, 299):
        with pytest.raises(exceptions.MalformedResponseError) as excinfo:
            success(endpoint, status, b'"just a string"')
        assert excinfo.value.status == status
    with pytest.raises(exceptions.MalformedResponseError, match="an empty body"):
        success(endpoint, 202, b"")


def test_the_token_endpoint_answers_like_the_others() -> None:
    token = b'{"access_token": "eyJ.abc", "token_type": "Bearer", "expires_in": 900}'
    assert success(TOKEN, 200, token).access_token == "eyJ.abc"
    assert isinstance(success(TOKEN, 201, token), JwtModel)
    assert success(TOKEN, 204, token) is None
    with pytest.raises(exceptions.BadRequestException) as excinfo:
        success(TOKEN, 400, b'{"error": "invalid_client"}')
    assert isinstance(excinfo.value.data, OAuth2Error)


def test_an_operation_without_a_response_body_returns_none_whatever_the_body() -> None:
    assert success(NO_BODY, 200, b"<html>not json</html>", {"Content-Type": "text/html"}) is None
    assert success(NO_BODY, 204, b"") is None


@pytest.mark.parametrize("content_type", ["text/csv", "application/json", "", "application/octet-stream"])
def test_a_bytes_body_is_returned_as_it_came(content_type: str) -> None:
    body = b"\xff\xfe\x00 not json at all" + b"[" * 10_000
    assert success(REPORT, 200, body, {"Content-Type": content_type}) is body


def test_deserialize_reads_any_type() -> None:
    spec = parse_type("[CategoryMessage]")
    assert _decode.deserialize(spec, 200, JSON, b"[]", check_type=True, sensitive=False) == []
    assert _decode.deserialize(parse_type("bytes"), 200, {}, b"\x00", check_type=True, sensitive=False) == b"\x00"
    with pytest.raises(exceptions.MalformedResponseError) as excinfo:
        _decode.deserialize(
            parse_type("JwtModel"), 200, JSON, b'{"expires_in": "leak-me"}', check_type=True, sensitive=True
        )
    assert excinfo.value.body is None and "leak-me" not in str(excinfo.value)


def test_unknown_members_are_kept_or_dropped_as_asked() -> None:
    body = b'{"access_token": "t0", "extra": {"nested": [1, 2]}}'
    kept = _decode.decode_success(TOKEN, 200, JSON, body, check_type=True, discard_unknown=False)
    dropped = _decode.decode_success(TOKEN, 200, JSON, body, check_type=True, discard_unknown=True)
    assert kept["extra"] == {"nested": [1, 2]} and "extra" not in dropped


def test_check_type_false_lets_a_wrong_scalar_through() -> None:
    assert success(TOKEN, 200, b'{"expires_in": "900"}', check_type=False).expires_in == "900"
    with pytest.raises(exceptions.MalformedResponseError, match=r"expected int at \['expires_in'\]"):
        success(TOKEN, 200, b'{"expires_in": "900"}', check_type=True)


# ---------------------------------------------------------------- hostile bodies


HOSTILE = {
    "nested 100,000 levels": b"[" * 100_000 + b"]" * 100_000,
    "objects nested 100,000 levels": b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
    "1,000 levels inside an unknown member": b'{"access_token": "t", "extra": ' + b"[" * 1000 + b"]" * 1000 + b"}",
    "129 levels": b'{"extra": ' + b"[" * 128 + b"]" * 128 + b"}",
    "unbalanced and deep": b"[" * 100_000,
    "an integer of 5,000 digits": b'{"expires_in": ' + b"9" * 5000 + b"}",
    "NaN": b'{"expires_in": NaN}',
    "Infinity": b'{"expires_in": Infinity}',
    "-Infinity": b"[-Infinity]",
    "a float that overflows": b'{"expires_in": 1e400}',
    "a negative float that overflows": b'{"expires_in": -1.5E+999}',
    "invalid UTF-8": b'{"access_token": "\xff\xfe\xfd"}',
    "truncated JSON": b'{"access_token": "abc',
    "an empty body": b"",
    "a lone UTF-8 surrogate": b'{"access_token": "\xed\xa0\x80"}',
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_bodies_raise_malformed_response_error_quickly(case: str) -> None:
    start = time.perf_counter()
    for endpoint in (TOKEN, PORTFOLIO):
        error = malformed(endpoint, HOSTILE[case])
        assert (error.body is None) == endpoint.token_request
    assert time.perf_counter() - start < 2.0


def test_depth_up_to_the_limit_is_read() -> None:
    body = b'{"extra": ' + b"[" * 127 + b"]" * 127 + b', "access_token": "x"}'
    assert success(TOKEN, 200, body).access_token == "x"
    tricky = json.dumps({"access_token": "x", "s": ["[[[[" * 100, "]]]]" * 100, '\\"[' * 50]}).encode()
    assert success(TOKEN, 200, tricky).access_token == "x"


@pytest.mark.parametrize(
    "content_type",
    [
        "application/json; charset=undefined",
        "application/json; charset=utf-8\x00",
        "application/json; charset=utf-7",
        "application/json; charset=ebcdic-cp-us",
        'application/json; charset="""',
    ],
)
def test_unknown_or_broken_charsets_are_refused(content_type: str) -> None:
    error = malformed(PORTFOLIO, b"{}", {"Content-Type": content_type})
    assert error.reason.startswith("expected a JSON body in UTF-8, UTF-16 or UTF-32")


def test_a_non_json_media_type_is_refused_with_the_body_kept() -> None:
    error = malformed(PORTFOLIO, b"<html>" + b"x" * 100_000, {"Content-Type": "text/html; charset=utf-8"})
    assert "Content-Type 'text/html'" in error.reason
    assert len(error.body) == MAX_BODY_IN_EXCEPTION and error.body.endswith(exceptions.TRUNCATION_MARKER)


DOCUMENT = '{"access_token": "tökén-€", "expires_in": 900}'


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", DOCUMENT.encode("utf-16")),  # BOM, no label
        ("application/json", DOCUMENT.encode("utf-16-le")),  # zero-byte pattern, no label
        ("application/json", DOCUMENT.encode("utf-16-be")),
        ("application/json", DOCUMENT.encode("utf-32")),
        ("application/json", DOCUMENT.encode("utf-32-le")),
        ("application/json", DOCUMENT.encode("utf-32-be")),
        ("application/json", b"\xef\xbb\xbf" + DOCUMENT.encode()),
        ("application/json; charset=utf-16", DOCUMENT.encode("utf-16")),
        ("application/json; charset=utf-16", DOCUMENT.encode("utf-16-be")),  # no BOM: big-endian by default
        ("application/json; charset=utf-16", DOCUMENT.encode("utf-16-le")),  # no BOM: the zero bytes say so
        ("application/json; charset=UTF-16LE", DOCUMENT.encode("utf-16-le")),
        ("application/json; charset=utf-16le", b"\xff\xfe" + DOCUMENT.encode("utf-16-le")),
        ('application/json; charset="utf-32BE"', DOCUMENT.encode("utf-32-be")),
        ("application/json; charset=utf-8", b"\xef\xbb\xbf" + DOCUMENT.encode()),
        ("text/plain; charset=iso-8859-1", DOCUMENT.replace("€", "e").encode("latin-1")),
    ],
)
def test_json_in_utf_8_16_and_32_is_read_when_label_or_bytes_say_so(content_type: str, body: bytes) -> None:
    result = success(TOKEN, 200, body, {"Content-Type": content_type})
    assert result.access_token in ("tökén-€", "tökén-e") and result.expires_in == 900


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json; charset=utf-16", DOCUMENT.encode("utf-8")),
        ("application/json; charset=utf-8", DOCUMENT.encode("utf-16")),
        ("application/json; charset=utf-8", DOCUMENT.encode("utf-16-le")),
        ("application/json; charset=utf-16le", DOCUMENT.encode("utf-16-be")),
        ("application/json; charset=utf-32", DOCUMENT.encode("utf-16")),
        ("application/json; charset=us-ascii", DOCUMENT.encode("utf-8")),
    ],
)
def test_a_label_that_does_not_match_the_bytes_is_refused(content_type: str, body: bytes) -> None:
    malformed(TOKEN, body, {"Content-Type": content_type})


def test_the_token_endpoint_never_keeps_a_body_nor_quotes_one() -> None:
    value = "tok-value-Q7"
    for body in (
        json.dumps({"access_token": value, "expires_in": value}).encode(),
        json.dumps({"access_token": [value]}).encode(),
        b'{"access_token": "' + value.encode() + b'\xff"}',
        b'{"access_token": "' + value.encode() + b'", ',
    ):
        error = malformed(TOKEN, body)
        assert error.body is None
        assert value not in str(error) and value not in repr(error) and value not in repr(vars(error))


def test_messages_never_quote_a_value_from_the_body() -> None:
    error = malformed(PORTFOLIO, b'{"data": [{"id": "5", "attributes": "quoted-value-Z"}]}')
    assert "quoted-value-Z" not in error.reason
    assert error.path_to_item == ["data", 0, "attributes"]


def test_a_big_malformed_body_is_bounded_and_scrubbed_before_the_cut() -> None:
    body = b'{"data": "' + b"x" * 4070 + SECRET.encode() + b'"' + b" " * 100_000 + b"nope"
    error = malformed(PORTFOLIO, body)
    assert len(error.body) <= MAX_BODY_IN_EXCEPTION
    assert SECRET.encode()[:6] not in error.body


# ---------------------------------------------------------------- errors


def problem(code: str = "insufficient-advertisers-permissions", **extra: Any) -> Dict[str, Any]:
    return {"type": "access-control", "code": code, "instance": "/x", "title": "Missing permissions", **extra}


def error_for(
    endpoint: Endpoint, status: int, payload: Any, reason: str = "", headers: Dict[str, str] = JSON, **options: Any
):
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return _decode.decode_error(endpoint, status, reason, headers, body, **options)


def test_a_403_with_problem_details_has_data_and_a_useful_first_line() -> None:
    error = error_for(AD_SET, 403, {"errors": [problem(traceIdentifier="1234")], "warnings": []}, "Forbidden")
    assert isinstance(error, exceptions.ForbiddenException)
    assert isinstance(error.data, ResponseReadAdSet)
    assert isinstance(error.data.errors[0], ProblemDetails) and error.data.errors[0].trace_identifier == "1234"
    assert (
        str(error).splitlines()[0]
        == "(403) Forbidden: insufficient-advertisers-permissions: Missing permissions (traceId 1234)"
    )
    assert repr(error) == "ForbiddenException(status=403, reason='Forbidden')"


def test_a_bare_problem_details_body_is_read_too() -> None:
    error = error_for(AD_SET, 403, problem(traceIdentifier="t-9", detail="No access to 42"), "Forbidden")
    assert isinstance(error.data, ProblemDetails) and error.data.detail == "No access to 42"


def test_documented_error_models_come_first() -> None:
    audience = error_for(AUDIENCES, 403, {"errors": [problem(traceId="a-1")]}, "Forbidden")
    assert isinstance(audience.data, ErrorCodeResponse) and audience.data.errors[0].trace_id == "a-1"
    portfolio = error_for(PORTFOLIO, 401, {"errors": [problem("authentication-failed", traceId="p-1")]}, "Unauthorized")
    assert isinstance(portfolio.data, GetPortfolioResponse)
    assert (
        str(portfolio).splitlines()[0] == "(401) Unauthorized: authentication-failed: Missing permissions (traceId p-1)"
    )


QUOTA = {
    "errors": [
        {
            "traceId": "q-1",
            "type": "quota",
            "code": "too-many-requests",
            "instance": "/x",
            "title": "Too Many Requests",
            "detail": "The API rate limit was exceeded.",
        }
    ],
    "warnings": [],
}


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name + "/" + e.path)
@pytest.mark.parametrize("status", [429, 500, 502, 503, 504, 401, 404, 418])
def test_every_error_status_of_every_operation_parses_the_generic_shape(endpoint: Endpoint, status: int) -> None:
    error = error_for(endpoint, status, QUOTA)
    assert type(error) is exceptions.exception_for_status(status)
    assert error.data is not None and error.data.errors[0].get("code") == "too-many-requests"
    first = str(error).splitlines()[0]
    if status == 429:  # the title only repeats the reason phrase: the detail says more
        assert first == "(429) Too Many Requests: too-many-requests: The API rate limit was exceeded. (traceId q-1)"
    else:
        assert first.endswith(": too-many-requests: Too Many Requests (traceId q-1)")


def test_retry_after_is_read_from_either_header() -> None:
    assert error_for(PORTFOLIO, 429, QUOTA, headers={**JSON, "Retry-After": "7"}).retry_after == 7.0
    reset = error_for(PORTFOLIO, 429, QUOTA, headers={"x-ratelimit-reset": "1012"}, wall_clock=lambda: 1000.0)
    assert reset.retry_after == 12.0
    assert error_for(PORTFOLIO, 429, QUOTA, headers={"retry-after": "3"}).retry_after == 3.0  # any case
    assert error_for(PORTFOLIO, 429, QUOTA, headers={"Retry-After": "soon\x00"}).retry_after is None
    assert error_for(PORTFOLIO, 429, QUOTA, headers={}).retry_after is None


def test_oauth2_errors_read_error_and_description() -> None:
    for status in (400, 401, 500):
        error = error_for(
            TOKEN, status, {"error": "invalid_client", "error_description": "Client authentication failed"}
        )
        assert isinstance(error.data, OAuth2Error)
        assert str(error).splitlines()[0].endswith(": invalid_client: Client authentication failed")
    assert error.reason == "Internal Server Error"  # the phrase when the server gave none


def test_bodies_of_no_known_shape_give_no_data_but_a_summary_when_possible() -> None:
    legacy = error_for(LEGACY, 404, {"message": "Campaign 7 not found"}, "Not Found")
    assert legacy.data is None and str(legacy).splitlines()[0] == "(404) Not Found: Campaign 7 not found"
    html = error_for(LEGACY, 502, b"<html>Bad Gateway</html>", "Bad Gateway", {"Content-Type": "text/html"})
    assert html.data is None and str(html).splitlines() == [
        "(502) Bad Gateway",
        "HTTP response headers: {'Content-Type': 'text/html'}",
        "HTTP response body: <html>Bad Gateway</html>",
    ]
    for body in (b"", b"[1, 2]", b'"text"', b"null", b"[" * 50_000, b"\xff\xfe\xfd"):
        assert error_for(LEGACY, 500, body).data is None


def test_error_models_are_loaded_leniently() -> None:
    error = error_for(AUDIENCES, 403, {"errors": [{"code": 5, "type": ["x"], "traceId": None}], "warnings": []})
    assert isinstance(error.data, ErrorCodeResponse) and error.data.errors[0].code == 5
    broken = error_for(AUDIENCES, 403, {"errors": "not a list"})  # no model can hold it: no data, no error
    assert broken.data is None and isinstance(broken, exceptions.ForbiddenException)


def test_a_server_echoing_a_known_secret_leaks_it_nowhere() -> None:
    payload = {"error": "invalid_client", "error_description": f"bad secret {SECRET}"}
    error = error_for(TOKEN, 400, payload, "Bad Request", {**JSON, "X-Echo": SECRET})
    assert error.data.error_description == "bad secret ***"
    assert str(error).splitlines()[0] == "(400) Bad Request: invalid_client: bad secret ***"
    problem_echo = error_for(AD_SET, 403, {"errors": [problem(detail=f"token {SECRET}", title=None)]}, "Forbidden")
    for item in (error, problem_echo):
        text = "\n".join([str(item), repr(item), repr(item.args), repr(item.data), repr(dict(item.headers))])
        assert SECRET not in text and SECRET.encode() not in (item.body or b"")
        assert json.dumps(SECRET)[1:-1] not in text


# ---------------------------------------------------------------- properties

CONTENT_TYPES = st.one_of(
    st.sampled_from(
        [
            "application/json",
            "application/json; charset=utf-8",
            "application/json; charset=utf-16",
            "application/json; charset=UTF-32LE",
            "text/plain",
            "text/json",
            "application/problem+json",
            "application/json; charset=utf-7",
            "application/json; charset=undefined",
            "text/html",
            "",
        ]
    ),
    st.text(max_size=40),
)
STATUSES = st.integers(min_value=100, max_value=599)
ENDPOINT = st.sampled_from([*ENDPOINTS, NO_BODY])
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12) | st.just(SECRET),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=15,
)
BODIES = st.one_of(
    st.binary(max_size=300),
    JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    st.tuples(st.binary(max_size=100), st.binary(max_size=100)).map(lambda p: p[0] + SECRET.encode() + p[1]),
)


def assert_safe(error: exceptions.ApiException) -> None:
    assert isinstance(error, exceptions.ApiException)
    assert error.body is None or len(error.body) <= MAX_BODY_IN_EXCEPTION
    text = "\n".join([str(error), repr(error), repr(error.args), str(error.reason)])
    assert SECRET not in text and json.dumps(SECRET)[1:-1] not in text
    assert SECRET.encode() not in (error.body or b"")


@settings(max_examples=400, deadline=None)
@given(ENDPOINT, STATUSES, CONTENT_TYPES, BODIES, st.booleans(), st.booleans(), st.text(max_size=30))
def test_decode_success_gives_a_value_or_an_api_exception(
    endpoint, status, content_type, body, check, discard, echo
) -> None:
    headers = {"Content-Type": content_type, "X-Echo": echo + SECRET}
    try:
        _decode.decode_success(endpoint, status, headers, body, check_type=check, discard_unknown=discard)
    except exceptions.ApiException as error:
        if 200 <= status <= 299:
            assert isinstance(error, exceptions.MalformedResponseError)
        assert_safe(error)


@settings(max_examples=400, deadline=None)
@given(ENDPOINT, STATUSES, CONTENT_TYPES, BODIES, st.text(max_size=30), st.text(max_size=20))
def test_decode_error_always_builds_a_safe_exception(endpoint, status, content_type, body, reason, retry_after) -> None:
    headers = {"Content-Type": content_type, "Retry-After": retry_after, "x-ratelimit-reset": retry_after}
    error = _decode.decode_error(endpoint, status, reason + SECRET, headers, body, wall_clock=lambda: 1e9)
    assert type(error) is exceptions.exception_for_status(status)
    assert_safe(error)
    if isinstance(error, exceptions.TooManyRequestsException):
        assert error.retry_after is None or 0 <= error.retry_after <= 30


TRICKY_TEXT = st.text(alphabet='[]{}"\\/ab\n\u00e9', max_size=8)


def _nest(depth: int, texts: List[str], kinds: List[bool]) -> Any:
    value: Any = texts[0] if texts else 1
    for level in range(depth):
        text = texts[level % len(texts)] if texts else "x"
        value = [text, value] if kinds[level % len(kinds)] else {text: value, "k": text}
    return value


def _depth(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    return 0


@settings(max_examples=150, deadline=None)
@given(
    st.integers(100, 160),
    st.lists(TRICKY_TEXT, min_size=1, max_size=5),
    st.lists(st.booleans(), min_size=1, max_size=4),
    st.booleans(),
    st.booleans(),
)
def test_the_depth_limit_is_exact_whatever_the_strings_hold(depth, texts, kinds, pad, ascii_only) -> None:
    value = _nest(depth, texts, kinds)
    body = json.dumps(value, ensure_ascii=ascii_only).encode() + (b" " * 20_000 if pad else b"")
    deep = _depth(value) > _decode.MAX_JSON_DEPTH
    if deep:
        with pytest.raises(_json_body.Refusal) as excinfo:
            _json_body.read_json(body, None, "test")
        assert (excinfo.value.expected, excinfo.value.got) == _json_body.TOO_DEEP
    else:
        assert _json_body.read_json(body, None, "test") == value
