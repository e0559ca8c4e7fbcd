"""The sandbox answers as the spec says, over real sockets: methods, HEAD, what the spec allows and what it forbids.

Expectations are read from the spec file itself (methods of each path,
statuses of each operation), so a route table that drifts from the spec fails here.
"""

from __future__ import annotations

import http.client
import json
import re
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Set, Tuple

import pytest

from criteo_api_marketingsolutions_v2020_10.sandbox import Sandbox

SPEC = json.loads((Path(__file__).resolve().parent.parent / "spec" / "marketingsolutions_2020-10.json").read_text())
AUDIENCES = "/2021-04/audiences"
AD_SETS = "/2021-04/marketing-solutions/ad-sets"
LEGACY = "/legacy/marketing/v1"
STATISTICS = "/2021-04/statistics/report"
OPERATIONS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
SAMPLE_IDS = {
    "{audience-id}": "70001",
    "{adSetId}": "300111",
    "{advertiserId}": "10001",
    "{campaignId}": "200011",
    "{categoryHashCode}": "810001001",
}


class Wire:
    """Raw HTTP/1.1 to the sandbox with any method token, a valid bearer token by default."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.token = sandbox.issue_token()

    def send(
        self,
        method: str,
        path: str,
        body: Any = None,
        content_type: Optional[str] = "application/json",
        token: bool = True,
    ) -> Tuple[int, Dict[str, str], bytes]:
        """``(status, headers with lower-case names, body)``; ``body`` is JSON-encoded unless bytes."""
        connection = http.client.HTTPConnection("127.0.0.1", self.sandbox.port, timeout=5)
        headers = {"Authorization": f"Bearer {self.token}"} if token else {}
        data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
        if data is not None and content_type is not None:
            headers["Content-Type"] = content_type
        try:
            connection.request(method, path, body=data, headers=headers)
            response = connection.getresponse()
            payload = response.read()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, payload
        finally:
            connection.close()

    def json(self, method: str, path: str, body: Any = None, **options: Any) -> Tuple[int, Any]:
        """``(status, parsed JSON body)``."""
        status, _, payload = self.send(method, path, body, **options)
        return status, json.loads(payload)


@pytest.fixture(scope="module")
def shared() -> Iterator[Wire]:
    """One sandbox for the tests that change nothing."""
    with Sandbox() as sandbox:
        yield Wire(sandbox)


@pytest.fixture
def fresh() -> Iterator[Wire]:
    """A sandbox of its own, for tests that change the world."""
    with Sandbox() as sandbox:
        yield Wire(sandbox)


def spec_statuses(path: str, method: str) -> Set[int]:
    return {int(status) for status in SPEC["paths"][path][method.lower()]["responses"]}


def concrete(template: str) -> str:
    for placeholder, value in SAMPLE_IDS.items():
        template = template.replace(placeholder, value)
    return template


def fits(template: str, path: str) -> bool:
    """Whether the concrete ``path`` (query string ignored) is an instance of the spec path ``template``."""
    pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
    return re.match(pattern, path.split("?", 1)[0]) is not None


def template_of(path: str) -> str:
    """The spec path of a concrete ``path``: as OpenAPI matches, concrete paths win over templated ones."""
    found = [template for template in SPEC["paths"] if fits(template, path)]
    return min(found, key=lambda template: template.count("{"))


def spec_methods_of(path: str) -> Set[str]:
    """The methods the spec serves at a concrete ``path``, plus HEAD beside GET."""
    methods = {m.upper() for m in OPERATIONS if m in SPEC["paths"][template_of(path)]}
    if "GET" in methods:
        methods.add("HEAD")
    return methods


def only_error(payload: Dict[str, Any]) -> Dict[str, Any]:
    (error,) = payload["errors"]
    return error


# --------------------------------------------------------------------------- methods


@pytest.mark.parametrize("method", ["TRACE", "QUERY", "PROPFIND", "XYZZY", "BREW-COFFEE", "get"])
@pytest.mark.parametrize(
    "path", [AUDIENCES, f"{AUDIENCES}/70001/contactlist", f"{LEGACY}/campaigns/bids", STATISTICS, "/oauth2/token"]
)
def test_unknown_methods_get_405_with_allow(shared: Wire, method: str, path: str) -> None:
    status, headers, body = shared.send(method, path)
    assert status == 405
    expected = spec_methods_of(path)
    assert set(headers["allow"].split(", ")) == expected
    assert json.loads(body)["errors"][0]["code"] == "method-not-allowed"


@pytest.mark.parametrize("template", sorted(SPEC["paths"]))
def test_allow_lists_what_the_spec_serves_on_every_path(shared: Wire, template: str) -> None:
    path = concrete(template)
    status, headers, _ = shared.send("TRACE", path)
    assert status == 405
    assert set(headers["allow"].split(", ")) == spec_methods_of(path)


def test_concrete_paths_win_over_templated_ones(shared: Wire) -> None:
    # As OpenAPI matches paths, GET /ad-sets/search is the path /ad-sets/search, not GetAdSet("search").
    status, headers, _ = shared.send("GET", f"{AD_SETS}/search")
    assert (status, headers["allow"]) == (405, "POST")
    status, _ = shared.json("POST", f"{AD_SETS}/search", {})
    assert status == 200
    status, payload = shared.json("GET", f"{AD_SETS}/searching")
    assert (status, only_error(payload)["code"]) == (403, "insufficient-ad-set-permissions")


@pytest.mark.parametrize(
    "path",
    [
        "/2021-04/advertisers/me",
        AUDIENCES,
        f"{AD_SETS}/300111",
        f"{AD_SETS}/does-not-exist",
        f"{LEGACY}/campaigns/bids?bidType=CPC",
        f"{LEGACY}/advertisers/10001/categories",
        f"{LEGACY}/categories?enabledOnly=",
    ],
)
def test_head_answers_like_get_without_a_body(shared: Wire, path: str) -> None:
    get_status, get_headers, get_body = shared.send("GET", path)
    head_status, head_headers, head_body = shared.send("HEAD", path)
    assert head_status == get_status
    assert head_body == b""
    assert head_headers["content-type"] == get_headers["content-type"]
    assert int(head_headers["content-length"]) == len(get_body) > 0


def test_head_without_a_token_is_401_and_head_on_a_post_path_is_405(shared: Wire) -> None:
    status, headers, body = shared.send("HEAD", "/2021-04/advertisers/me", token=False)
    assert (status, body) == (401, b"")
    assert headers["www-authenticate"].startswith("Bearer")
    status, headers, body = shared.send("HEAD", STATISTICS)
    assert (status, body) == (405, b"")
    assert headers["allow"] == "POST"


# --------------------------------------------------------------------------- what the spec allows


def test_empty_names_are_accepted(fresh: Wire) -> None:
    status, created = fresh.json("POST", AUDIENCES, {"data": {"type": "Audience", "attributes": {"name": ""}}})
    assert status == 200
    assert created["data"]["attributes"]["name"] == ""
    status, renamed = fresh.json("PATCH", f"{AUDIENCES}/70001", {"data": {"type": "Audience", "attributes": {"name": ""}}})
    assert (status, renamed["data"]["attributes"]["name"]) == (200, "")
    status, payload = fresh.json("PATCH", AD_SETS, {"data": [{"id": "300111", "attributes": {"name": ""}}]})
    assert (status, payload["errors"]) == (200, [])
    _, ad_set = fresh.json("GET", f"{AD_SETS}/300111")
    assert ad_set["data"]["attributes"]["name"] == ""


def test_create_audience_without_data_or_advertiser_uses_the_first_portfolio_advertiser(fresh: Wire) -> None:
    status, created = fresh.json("POST", AUDIENCES, {})
    assert status == 200
    status, other = fresh.json("POST", AUDIENCES, {"data": {"type": "Audience", "attributes": {"name": "No advertiser"}}})
    assert status == 200
    _, listing = fresh.json("GET", f"{AUDIENCES}?advertiser-id=10001")
    assert {created["data"]["id"], other["data"]["id"]} <= {a["id"] for a in listing["data"]}


def test_bulk_ad_set_bodies_without_data_or_ids(fresh: Wire) -> None:
    for path, method in ((AD_SETS, "PATCH"), (f"{AD_SETS}/start", "POST"), (f"{AD_SETS}/stop", "POST")):
        for body in ({}, {"data": []}, b""):
            status, payload = fresh.json(method, path, body)
            assert (status, payload["data"], payload["errors"]) == (200, [], []), (method, path, body)
    items = [{"type": "AdSet", "attributes": {"name": "Nameless"}}, {"id": "300111", "attributes": {"name": "Named"}}]
    status, payload = fresh.json("PATCH", AD_SETS, {"data": items})
    assert status == 200
    assert payload["data"] == [{"id": "300111", "type": "AdSet"}]  # the item with an id is applied
    error = only_error(payload)
    assert (error["code"], error["source"]) == ("required-field", {"pointer": "/data/0"})
    status, payload = fresh.json("POST", f"{AD_SETS}/stop", {"data": [{"type": "AdSet"}]})
    assert (status, only_error(payload)["code"]) == (200, "required-field")


def test_gum_identifiers_without_a_caller_id_are_accepted(fresh: Wire) -> None:
    body = {"data": {"type": "ContactlistAmendment", "attributes": {"operation": "add", "identifierType": "gum", "identifiers": ["g-1"]}}}
    status, payload = fresh.json("PATCH", f"{AUDIENCES}/70001/contactlist", body)
    assert status == 200
    assert payload["data"]["attributes"]["nbValidIdentifiers"] == 1


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("DELETE", f"{AUDIENCES}/abc", None, 403),
        ("DELETE", f"{AUDIENCES}/abc/contactlist", None, 403),
        ("PATCH", f"{AUDIENCES}/abc", {"data": {"type": "Audience", "attributes": {"name": "x"}}}, 403),
        (
            "PATCH",
            f"{AUDIENCES}/abc/contactlist",
            {"data": {"type": "ContactlistAmendment", "attributes": {"operation": "add", "identifiers": []}}},
            404,
        ),
        ("GET", f"{AUDIENCES}?advertiser-id=abc", None, 403),
        ("POST", AUDIENCES, {"data": {"type": "Audience", "attributes": {"name": "x", "advertiserId": "abc"}}}, 403),
        ("GET", f"{AD_SETS}/abc", None, 403),
        ("POST", f"{AD_SETS}/search", {"filters": {"advertiserIds": ["abc"]}}, 403),
        ("GET", f"{LEGACY}/campaigns/bids?advertiserIds=abc", None, 403),
    ],
)
def test_ids_that_are_not_numbers_are_unknown_ids(shared: Wire, method: str, path: str, body: Any, status: int) -> None:
    got, payload = shared.json(method, path, body)
    assert got == status
    assert status in spec_statuses(template_of(path), method)
    assert payload


def test_id_lists_that_are_not_numbers_or_empty_match_nothing_or_everything(shared: Wire) -> None:
    status, payload = shared.json("GET", f"{LEGACY}/categories?campaignIds=one,two")
    assert (status, payload) == (200, [])
    status, everything = shared.json("GET", f"{LEGACY}/categories")
    status_empty, empty_filter = shared.json("GET", f"{LEGACY}/categories?campaignIds=&advertiserIds=")
    assert (status_empty, empty_filter) == (200, everything)
    status, bids = shared.json("GET", f"{LEGACY}/campaigns/bids?campaignIds=x,200011")
    assert status == 200 and [b["campaignId"] for b in bids] == [200011]


def test_legacy_updates_with_empty_lists_and_missing_members(fresh: Wire) -> None:
    for path in (f"{LEGACY}/campaigns/bids", f"{LEGACY}/categories"):
        assert fresh.json("PUT", path, []) == (200, [])
    status, payload = fresh.json("PUT", f"{LEGACY}/campaigns/bids", [{"bidValue": 0.5}])
    assert status == 400
    assert payload["details"]["errorCode"] == "CampaignNotInPortfolioOrNotActive"
    assert "campaignId" not in payload["details"]  # never a null: the spec's ids are not nullable
    status, payload = fresh.json("PUT", f"{LEGACY}/categories", [{"catalogId": 50001, "categories": [{"categoryHashCode": 810001004}]}])
    assert status == 200
    assert payload == [{"catalogId": 50001, "categories": [{"categoryHashCode": 810001004, "enabled": False}]}]


def test_nillable_values_carry_a_null(fresh: Wire) -> None:
    patch = {"data": [{"id": "300112", "attributes": {"scheduling": {"endDate": {"value": None}}}}]}
    status, payload = fresh.json("PATCH", AD_SETS, patch)
    assert (status, payload["errors"]) == (200, [])
    _, ad_set = fresh.json("GET", f"{AD_SETS}/300112")
    assert "endDate" not in ad_set["data"]["attributes"]["schedule"]


@pytest.mark.parametrize(
    "content_type", ["application/json", "application/json; charset=utf-8", "text/json", "application/json-patch+json", "application/vnd.criteo+json"]
)
def test_every_listed_media_type_is_accepted(shared: Wire, content_type: str) -> None:
    status, payload = shared.json("POST", f"{AD_SETS}/search", {"filters": {"adSetIds": ["300111"]}}, content_type=content_type)
    assert status == 200
    assert [a["id"] for a in payload["data"]] == ["300111"]


# --------------------------------------------------------------------------- what the spec forbids


@pytest.mark.parametrize(
    "path",
    [
        f"{LEGACY}/advertisers/10001/categories?enabledOnly=",
        f"{LEGACY}/campaigns/200011/categories?enabledOnly=",
        f"{LEGACY}/categories?enabledOnly=",
        f"{LEGACY}/categories?enabledOnly=yes",
        f"{LEGACY}/campaigns/bids?pendingChanges=",
        f"{LEGACY}/campaigns/bids?bidType=",
        f"{LEGACY}/campaigns/bids?bidType=cpc",
        f"{LEGACY}/campaigns/bids?campaignStatus=running",
    ],
)
def test_query_values_the_spec_does_not_allow_are_400(shared: Wire, path: str) -> None:
    status, payload = shared.json("GET", path)
    assert status == 400
    assert payload["message"].split(" ", 1)[0] in path


@pytest.mark.parametrize(
    ("method", "path", "body", "pointer"),
    [
        ("POST", AUDIENCES, {"data": {"type": "Audience", "attributes": {"name": None}}}, "/data/attributes/name"),
        ("POST", AUDIENCES, {"data": None}, "/data"),
        ("PATCH", f"{AUDIENCES}/70001", {"data": {"type": "Audience", "attributes": {"description": None}}}, "/data/attributes/description"),
        ("PATCH", AD_SETS, {"data": None}, "/data"),
        ("PATCH", AD_SETS, {"data": [None]}, "/data/0"),
        ("PATCH", AD_SETS, {"data": [{"id": None}]}, "/data/0/id"),
        ("PATCH", AD_SETS, {"data": [{"id": "300111", "attributes": {"scheduling": {"endDate": None}}}]}, "/data/0/attributes/scheduling/endDate"),
        ("POST", f"{AD_SETS}/search", {"filters": {"adSetIds": None}}, "/filters/adSetIds"),
    ],
)
def test_null_is_refused_where_the_spec_does_not_allow_it(shared: Wire, method: str, path: str, body: Any, pointer: str) -> None:
    status, payload = shared.json(method, path, body)
    assert status == 400
    error = only_error(payload)
    assert error["source"] == {"pointer": pointer}
    assert "null" in error["detail"]


def test_null_is_refused_in_legacy_bodies(shared: Wire) -> None:
    status, payload = shared.json("PUT", f"{LEGACY}/campaigns/bids", [{"campaignId": None}])
    assert status == 400
    assert "null" in payload["message"]


@pytest.mark.parametrize("value", ["2031-01-01", "2031-01-01T00:00", "01/01/2031 00:00:00", "2031-01-01T00:00:00+0100"])
def test_dates_where_the_spec_says_date_time_are_refused(fresh: Wire, value: str) -> None:
    patch = {"data": [{"id": "300111", "attributes": {"scheduling": {"endDate": {"value": value}}}}]}
    status, payload = fresh.json("PATCH", AD_SETS, patch)
    assert status == 400
    assert only_error(payload)["code"] == "invalid-date-format"
    query = {"dimensions": ["Day"], "metrics": ["Clicks"], "currency": "EUR", "format": "csv",
             "startDate": value, "endDate": "2031-01-02T00:00:00Z"}
    status, payload = fresh.json("POST", STATISTICS, query)
    assert (status, payload["code"]) == (400, "invalid-date-format")


@pytest.mark.parametrize("value", ["2031-01-01T00:00:00Z", "2031-01-01T00:00:00.250+02:00", "2031-01-01t00:00:00z", "2031-01-01T00:00:00"])
def test_date_times_are_accepted(fresh: Wire, value: str) -> None:
    patch = {"data": [{"id": "300111", "attributes": {"scheduling": {"endDate": {"value": value}}}}]}
    status, payload = fresh.json("PATCH", AD_SETS, patch)
    assert (status, payload["errors"]) == (200, [])


@pytest.mark.parametrize(
    ("method", "path", "content_type"),
    [
        ("POST", AUDIENCES, "text/plain"),
        ("POST", AUDIENCES, "text/json"),  # the audience operations list application/json only
        ("PATCH", f"{AUDIENCES}/70001", "application/xml"),
        ("PATCH", f"{AUDIENCES}/70001/contactlist", "application/x-www-form-urlencoded"),
        ("POST", f"{AD_SETS}/search", "text/plain"),
        ("PATCH", AD_SETS, "application/xml"),
        ("POST", STATISTICS, "multipart/form-data"),
        ("PUT", f"{LEGACY}/categories", "text/plain"),
        ("PUT", f"{LEGACY}/campaigns/bids", "application/vnd.criteo+json"),
    ],
)
def test_media_types_the_operation_does_not_list_are_415(shared: Wire, method: str, path: str, content_type: str) -> None:
    status, _, body = shared.send(method, path, b"{}", content_type=content_type)
    assert status == 415
    assert content_type.split(";")[0] in body.decode()


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", AUDIENCES, {"data": "not an object"}),
        ("PATCH", f"{AUDIENCES}/70001", {"data": {"type": "Audience"}}),
        ("PATCH", f"{AUDIENCES}/70001/contactlist", {"data": {"type": "x", "attributes": {"operation": "merge", "identifiers": []}}}),
        ("PATCH", AD_SETS, {"data": [{"id": 300111}]}),
        ("GET", f"{LEGACY}/campaigns/bids?pendingChanges=maybe", None),
        ("GET", f"{LEGACY}/advertisers/ten/categories", None),
        ("GET", f"{LEGACY}/campaigns/2147483648/categories", None),
    ],
)
def test_invalid_input_is_400_even_where_the_spec_lists_no_400(shared: Wire, method: str, path: str, body: Any) -> None:
    assert 400 not in spec_statuses(template_of(path), method)
    status, _, _ = shared.send(method, path, body)
    assert status == 400


# --------------------------------------------------------------------------- titles


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", f"{AUDIENCES}?advertiser-id=10099", None),
        ("POST", AUDIENCES, {"data": {"type": "Audience", "attributes": {}}}),
        ("GET", f"{AD_SETS}/309911", None),
        ("PATCH", AD_SETS, {"data": [{"id": "309911"}]}),
        ("POST", STATISTICS, {"format": "csv"}),
        ("TRACE", AUDIENCES, None),
        ("GET", "/2021-04/nowhere", None),
        ("POST", AUDIENCES, b"{not json"),
    ],
)
def test_every_criteo_error_has_a_title(shared: Wire, method: str, path: str, body: Any) -> None:
    status, payload = shared.json(method, path, body)
    assert status >= 400 or payload["errors"]
    titles: List[str] = [error["title"] for error in payload["errors"]]
    assert titles and all(isinstance(t, str) and t.strip() for t in titles)
    if "title" in payload:  # reports: the ErrorMessage is also sent at the top level
        assert payload["title"] == titles[0]


def test_titles_summarise_the_error_code(shared: Wire) -> None:
    _, payload = shared.json("GET", f"{AUDIENCES}?advertiser-id=10099")
    assert only_error(payload)["title"] == "Insufficient advertiser permissions"
    _, payload = shared.json("GET", "/2021-04/advertisers/me", token=False)
    assert only_error(payload)["title"] == "Access token invalid"
