"""Every API operation of the sandbox at the wire level: a happy path, an error path, and state that persists."""

from __future__ import annotations

import json

import pytest
import urllib3

from criteo_api_marketingsolutions_v2020_10.sandbox import Sandbox

AUDIENCES = "/2021-04/audiences"
AD_SETS = "/2021-04/marketing-solutions/ad-sets"
LEGACY = "/legacy/marketing/v1"


class Api:
    """A raw JSON client for the sandbox, with a valid token."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.pool = urllib3.PoolManager(retries=False, timeout=5)
        self.token = sandbox.issue_token()

    def call(self, method, path, body=None, raw=None):
        headers = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}
        data = raw if raw is not None else (json.dumps(body) if body is not None else None)
        response = self.pool.request(method, self.sandbox.url + path, body=data, headers=headers)
        assert response.headers["Content-Type"] == "application/json; charset=utf-8"
        return response.status, json.loads(response.data)


@pytest.fixture(scope="module")
def shared_sandbox():
    """One sandbox for the read-only tests of this module."""
    with Sandbox() as sandbox:
        yield sandbox


@pytest.fixture
def api(shared_sandbox):
    client = Api(shared_sandbox)
    yield client
    client.pool.clear()


@pytest.fixture
def fresh():
    """A fresh sandbox for tests that change the world."""
    with Sandbox() as sandbox:
        client = Api(sandbox)
        yield client
        client.pool.clear()


def assert_criteo_error(payload, code, type_=None):
    """``{"errors": [AudienceError-like], "warnings": []}``."""
    assert payload["warnings"] == []
    (error,) = payload["errors"]
    assert {"traceId", "type", "code", "instance", "title", "detail"} <= set(error)
    assert error["code"] == code
    if type_:
        assert error["type"] == type_


def assert_problem(payload, code):
    """``{"errors": [ProblemDetails], ...}``."""
    (error,) = payload["errors"]
    assert {"traceIdentifier", "type", "code", "instance", "title", "detail"} <= set(error)
    assert error["code"] == code


def new_audience(name, advertiser_id="10001"):
    return {"data": {"type": "Audience", "attributes": {"advertiserId": advertiser_id, "name": name}}}


def amendment(operation, identifiers, identifier_type="email", **extra):
    attributes = {"operation": operation, "identifierType": identifier_type, "identifiers": identifiers, **extra}
    return {"data": {"type": "ContactlistAmendment", "attributes": attributes}}


# --- the world ----------------------------------------------------------------------


def test_seeded_world_ids():
    world = Sandbox().world
    assert world.advertiser_ids == [10001, 10002, 10003]
    assert world.foreign_advertiser_id == 10099
    assert world.campaign_ids == [200011, 200012, 200021, 200022, 200031, 200032]
    assert world.ad_set_ids[:4] == ["300111", "300112", "300121", "300122"]
    assert len(world.ad_set_ids) == 12
    assert world.audience_ids == ["70001", "70002", "70003", "70004"]
    assert len(world.category_hash_codes) == 12
    assert Sandbox().world.ad_sets["300111"].to_json() == world.ad_sets["300111"].to_json()  # deterministic


# --- portfolio -----------------------------------------------------------------------


def test_portfolio(api):
    status, payload = api.call("GET", "/2021-04/advertisers/me")
    assert status == 200
    assert payload["errors"] == [] and payload["warnings"] == []
    assert [(a["type"], a["id"]) for a in payload["data"]] == [("advertiser", i) for i in ("10001", "10002", "10003")]
    assert payload["data"][0]["attributes"] == {"advertiserName": "Northwind Outdoor"}


# --- audiences ---------------------------------------------------------------------


def test_get_audiences(api):
    status, payload = api.call("GET", AUDIENCES)
    assert status == 200
    assert [a["id"] for a in payload["data"]] == ["70001", "70002", "70003", "70004"]
    audience = payload["data"][0]
    assert audience["type"] == "Audience"
    assert {"created", "updated", "name", "description", "nbLines", "nbLinesEmail", "nbMatchesEmail"} <= set(
        audience["attributes"]
    )
    assert audience["attributes"]["nbLines"] == 40
    status, payload = api.call("GET", f"{AUDIENCES}?advertiser-id=10002")
    assert [a["id"] for a in payload["data"]] == ["70003"]


def test_get_audiences_of_a_foreign_advertiser_is_403(api):
    status, payload = api.call("GET", f"{AUDIENCES}?advertiser-id=10099")
    assert status == 403
    assert_criteo_error(payload, "insufficient-advertisers-permissions", "access-control")


def test_created_audience_appears_in_the_list(fresh):
    status, payload = fresh.call("POST", AUDIENCES, new_audience("Summer visitors"))
    assert status == 200
    assert payload["data"] == {
        "id": "70100",
        "type": "Audience",
        "attributes": {"name": "Summer visitors", "description": ""},
    }
    _, listing = fresh.call("GET", f"{AUDIENCES}?advertiser-id=10001")
    created = [a for a in listing["data"] if a["id"] == "70100"]
    assert created and created[0]["attributes"]["name"] == "Summer visitors"
    assert created[0]["attributes"]["nbLines"] == 0


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"data": {"type": "Audience", "attributes": {"advertiserId": "10001"}}}, 400, "required-field"),
        ({"data": {"type": "Audience", "attributes": {"advertiserId": 10001, "name": "x"}}}, 400, "invalid"),
        (new_audience("x", "10099"), 403, "insufficient-advertisers-permissions"),
    ],
    ids=["missing-name", "wrong-type", "foreign-advertiser"],
)
def test_create_audience_errors(api, body, status, code):
    got, payload = api.call("POST", AUDIENCES, body)
    assert got == status
    assert_criteo_error(payload, code)


def test_modify_audience(fresh):
    status, payload = fresh.call(
        "PATCH", f"{AUDIENCES}/70002", {"data": {"type": "Audience", "attributes": {"name": "Readers"}}}
    )
    assert status == 200
    assert payload["data"]["attributes"]["name"] == "Readers"
    _, listing = fresh.call("GET", f"{AUDIENCES}?advertiser-id=10001")
    assert [a["attributes"]["name"] for a in listing["data"]] == ["Cart abandoners", "Readers"]


def test_modify_foreign_audience_is_403(api):
    status, payload = api.call(
        "PATCH", f"{AUDIENCES}/70099", {"data": {"type": "Audience", "attributes": {"name": "x"}}}
    )
    assert status == 403
    assert_criteo_error(payload, "insufficient-advertisers-permissions")


def test_remove_audience(fresh):
    status, payload = fresh.call("DELETE", f"{AUDIENCES}/70004")
    assert status == 200
    assert payload["data"]["id"] == "70004"
    _, listing = fresh.call("GET", AUDIENCES)
    assert "70004" not in [a["id"] for a in listing["data"]]
    status, payload = fresh.call("DELETE", f"{AUDIENCES}/70004")
    assert status == 403


def test_add_and_remove_contact_list_identifiers(fresh):
    status, payload = fresh.call(
        "PATCH", f"{AUDIENCES}/70001/contactlist", amendment("add", ["new@example.com", "NEW@example.com", "nope"])
    )
    assert status == 200
    attributes = payload["data"]["attributes"]
    assert payload["data"]["type"] == "ContactlistAmendment"
    assert attributes["contactListId"] == "70001"
    assert attributes["operation"] == "add"
    assert (attributes["nbValidIdentifiers"], attributes["nbInvalidIdentifiers"]) == (2, 1)
    assert attributes["sampleInvalidIdentifiers"] == ["nope"]
    _, listing = fresh.call("GET", f"{AUDIENCES}?advertiser-id=10001")
    assert listing["data"][0]["attributes"]["nbLines"] == 41

    fresh.call("PATCH", f"{AUDIENCES}/70001/contactlist", amendment("remove", ["user000.70001@example.com"]))
    _, listing = fresh.call("GET", f"{AUDIENCES}?advertiser-id=10001")
    assert listing["data"][0]["attributes"]["nbLines"] == 40


@pytest.mark.parametrize(
    ("path", "body", "status", "code"),
    [
        (f"{AUDIENCES}/99999/contactlist", amendment("add", ["a@b.co"]), 404, "audience-not-found"),
        (f"{AUDIENCES}/70001/contactlist", amendment("merge", ["a@b.co"]), 400, "invalid"),
    ],
    ids=["unknown-audience", "bad-operation"],
)
def test_modify_audience_users_errors(api, path, body, status, code):
    got, payload = api.call("PATCH", path, body)
    assert got == status
    assert_criteo_error(payload, code)


def test_delete_identifiers(fresh):
    status, payload = fresh.call("DELETE", f"{AUDIENCES}/70003/contactlist")
    assert status == 200
    assert payload["data"]["id"] == "70003"
    _, listing = fresh.call("GET", f"{AUDIENCES}?advertiser-id=10002")
    assert listing["data"][0]["attributes"]["nbLines"] == 0
    status, payload = fresh.call("DELETE", f"{AUDIENCES}/70099/contactlist")
    assert status == 403


# --- ad sets -------------------------------------------------------------------------


def test_get_ad_set(api):
    status, payload = api.call("GET", f"{AD_SETS}/300111")
    assert status == 200
    data = payload["data"]
    assert (data["id"], data["type"]) == ("300111", "AdSet")
    attributes = data["attributes"]
    assert attributes["advertiserId"] == "10001" and attributes["campaignId"] == "200011"
    assert attributes["schedule"]["activationStatus"] == "on"
    assert attributes["schedule"]["deliveryStatus"] == "live"
    assert attributes["schedule"]["startDate"]["value"].startswith("2021-01-11T00:00:00")
    assert attributes["bidding"] == {"bidAmount": {"value": 0.45}, "bidStrategy": "clicks", "costController": "CPC"}
    assert attributes["budget"]["budgetAmount"] == {"value": 150.0}
    assert attributes["targeting"]["frequencyCapping"] == {"frequency": "daily", "maximumImpressions": 10}


@pytest.mark.parametrize("ad_set_id", ["309911", "does-not-exist"])
def test_get_foreign_or_unknown_ad_set_is_403(api, ad_set_id):
    status, payload = api.call("GET", f"{AD_SETS}/{ad_set_id}")
    assert status == 403
    assert_problem(payload, "insufficient-ad-set-permissions")


def test_search_ad_sets(api):
    status, payload = api.call("POST", f"{AD_SETS}/search", {"filters": {"campaignIds": ["200012"]}})
    assert status == 200
    assert [a["id"] for a in payload["data"]] == ["300121", "300122"]
    _, payload = api.call(
        "POST", f"{AD_SETS}/search", {"filters": {"advertiserIds": ["10003"], "adSetIds": ["300311"]}}
    )
    assert [a["id"] for a in payload["data"]] == ["300311"]
    _, everything = api.call("POST", f"{AD_SETS}/search", raw=b"")
    assert len(everything["data"]) == 12


def test_search_ad_sets_errors(api):
    status, payload = api.call("POST", f"{AD_SETS}/search", {"filters": {"advertiserIds": ["10099"]}})
    assert status == 403
    assert_problem(payload, "insufficient-advertisers-permissions")
    status, payload = api.call("POST", f"{AD_SETS}/search", {"filters": {"campaignIds": "200011"}})
    assert status == 400
    assert_problem(payload, "invalid")


def test_stop_and_start_ad_set(fresh):
    status, payload = fresh.call("POST", f"{AD_SETS}/stop", {"data": [{"id": "300111", "type": "AdSet"}]})
    assert status == 200
    assert payload["data"] == [{"id": "300111", "type": "AdSet"}]
    assert payload["errors"] == []
    _, ad_set = fresh.call("GET", f"{AD_SETS}/300111")
    schedule = ad_set["data"]["attributes"]["schedule"]
    assert (schedule["activationStatus"], schedule["deliveryStatus"]) == ("off", "paused")

    status, payload = fresh.call("POST", f"{AD_SETS}/start", {"data": [{"id": "300111", "type": "AdSet"}]})
    assert status == 200
    _, ad_set = fresh.call("GET", f"{AD_SETS}/300111")
    schedule = ad_set["data"]["attributes"]["schedule"]
    assert (schedule["activationStatus"], schedule["deliveryStatus"]) == ("on", "live")


def test_start_and_stop_errors(api):
    status, payload = api.call("POST", f"{AD_SETS}/start", {"data": []})
    assert status == 200  # an empty list is allowed by the spec and changes nothing
    assert payload["data"] == [] and payload["errors"] == []
    status, payload = api.call("POST", f"{AD_SETS}/stop", {"data": [{"id": "309911"}, {"id": "300321"}]})
    assert status == 200
    assert payload["data"] == []
    assert [e["code"] for e in payload["errors"]] == ["insufficient-ad-set-permissions", "ad-set-archived"]
    assert payload["errors"][0]["source"]["id"] == "309911"


def test_patch_ad_set_persists(fresh):
    patch = {
        "data": [
            {
                "id": "300211",
                "type": "AdSet",
                "attributes": {
                    "name": "Renamed",
                    "scheduling": {"endDate": {"value": "2031-01-01T00:00:00Z"}},
                    "bidding": {"bidAmount": {"value": 0.9}},
                    "budget": {"budgetAmount": {"value": 75.5}, "budgetRenewal": "monthly"},
                    "targeting": {"geoLocation": {"countries": {"value": {"operand": "notIn", "values": ["US"]}}}},
                },
            }
        ]
    }
    status, payload = fresh.call("PATCH", AD_SETS, patch)
    assert status == 200
    assert payload["data"] == [{"id": "300211", "type": "AdSet"}]
    _, ad_set = fresh.call("GET", f"{AD_SETS}/300211")
    attributes = ad_set["data"]["attributes"]
    assert attributes["name"] == "Renamed"
    assert attributes["schedule"]["endDate"]["value"].startswith("2031-01-01T00:00:00")
    assert attributes["bidding"]["bidAmount"] == {"value": 0.9}
    assert attributes["budget"]["budgetAmount"] == {"value": 75.5}
    assert attributes["budget"]["budgetRenewal"] == "monthly"
    assert attributes["targeting"]["geoLocation"]["countries"]["value"] == {"operand": "notIn", "values": ["US"]}


def test_patch_ad_set_errors(fresh):
    status, payload = fresh.call(
        "PATCH", AD_SETS, {"data": [{"id": "300111", "attributes": {"budget": {"budgetStrategy": "huge"}}}]}
    )
    assert status == 400
    assert_problem(payload, "invalid")
    assert payload["errors"][0]["source"] == {"pointer": "/data/0/attributes/budget/budgetStrategy"}
    backwards = {
        "scheduling": {"startDate": {"value": "2021-05-01T00:00:00Z"}, "endDate": {"value": "2021-04-01T00:00:00Z"}}
    }
    status, payload = fresh.call("PATCH", AD_SETS, {"data": [{"id": "300111", "attributes": backwards}]})
    assert status == 200
    assert [e["code"] for e in payload["errors"]] == ["invalid-ranged"]
    _, ad_set = fresh.call("GET", f"{AD_SETS}/300111")
    assert ad_set["data"]["attributes"]["schedule"]["startDate"]["value"].startswith("2021-01-11")  # untouched


# --- legacy categories and bids ---------------------------------------------------------------


def test_advertiser_categories(api):
    status, payload = api.call("GET", f"{LEGACY}/advertisers/10001/categories")
    assert status == 200
    assert [c["categoryHashCode"] for c in payload] == [810001001, 810001002, 810001003, 810001004]
    assert payload[0]["catalogId"] == 50001 and payload[0]["advertiserName"] == "Northwind Outdoor"
    _, enabled = api.call("GET", f"{LEGACY}/advertisers/10001/categories?enabledOnly=true")
    assert len(enabled) == 3
    status, payload = api.call("GET", f"{LEGACY}/advertisers/10099/categories")
    assert status == 403
    assert "message" in payload


def test_advertiser_category(api):
    status, payload = api.call("GET", f"{LEGACY}/advertisers/10002/categories/810002001")
    assert status == 200
    assert [c["categoryName"] for c in payload] == ["Fiction"]
    status, payload = api.call("GET", f"{LEGACY}/advertisers/10002/categories/810001001")
    assert status == 404
    assert "message" in payload


def test_campaign_categories(api):
    status, payload = api.call("GET", f"{LEGACY}/campaigns/200011/categories")
    assert status == 200
    assert payload["campaignId"] == 200011  # a single CategoryMessage, as the spec declares
    assert payload["categoryBid"]["bidType"] == "CPC"
    status, payload = api.call("GET", f"{LEGACY}/campaigns/299999/categories")
    assert status == 404
    status, payload = api.call("GET", f"{LEGACY}/campaigns/200991/categories")
    assert status == 403


def test_campaign_category(api):
    status, payload = api.call("GET", f"{LEGACY}/campaigns/200021/categories/810002003")
    assert status == 200
    assert (payload["categoryName"], payload["campaignName"]) == ("Children", "Bluebell Retargeting")
    status, payload = api.call("GET", f"{LEGACY}/campaigns/200021/categories/810001001")
    assert status == 404
    status, payload = api.call("GET", f"{LEGACY}/campaigns/abc/categories/810001001")
    assert status == 400


def test_get_categories_filters(api):
    status, payload = api.call("GET", f"{LEGACY}/categories?campaignIds=200011,200021&categoryHashCodes=810001002")
    assert status == 200
    assert [(c["campaignId"], c["categoryHashCode"]) for c in payload] == [(200011, 810001002)]
    _, payload = api.call("GET", f"{LEGACY}/categories?advertiserIds=10003&enabledOnly=true")
    assert {c["campaignId"] for c in payload} == {200031, 200032} and len(payload) == 6
    status, payload = api.call("GET", f"{LEGACY}/categories?campaignIds=one,two")
    assert status == 200  # plain strings in the spec: ids that are not numbers match nothing
    assert payload == []


def test_get_bids_filters(api):
    status, payload = api.call("GET", f"{LEGACY}/campaigns/bids?advertiserIds=10002")
    assert status == 200
    assert [b["campaignId"] for b in payload] == [200021, 200022]
    assert payload[1]["campaignStatus"] == 2  # NotRunning
    assert payload[0]["categories"][0]["categoryHashcode"] == 810002001
    _, payload = api.call("GET", f"{LEGACY}/campaigns/bids?bidType=COS")
    assert [b["campaignId"] for b in payload] == [200012]
    _, payload = api.call("GET", f"{LEGACY}/campaigns/bids?campaignStatus=Archived")
    assert [b["campaignId"] for b in payload] == [200032]
    status, payload = api.call("GET", f"{LEGACY}/campaigns/bids?advertiserIds=10099")
    assert status == 403


def test_update_bids_persists_as_pending(fresh):
    change = [
        {"campaignId": 200031, "bidValue": 0.75, "categories": [{"categoryHashcode": 810003001, "bidValue": 0.8}]}
    ]
    status, payload = fresh.call("PUT", f"{LEGACY}/campaigns/bids", change)
    assert status == 200
    assert payload[0]["campaignId"] == 200031
    assert payload[0]["campaignBid"] == {"bidValue": 0.75, "bidCurrency": "GBP", "bidType": "CPC", "bidIsPending": True}
    _, bids = fresh.call("GET", f"{LEGACY}/campaigns/bids?pendingChanges=true")
    assert [b["campaignId"] for b in bids] == [200031]
    assert bids[0]["categories"][0]["categoryBid"]["bidValue"] == 0.8


@pytest.mark.parametrize(
    ("change", "error_code"),
    [
        ([{"campaignId": 200032, "bidValue": 0.5}], "CampaignNotInPortfolioOrNotActive"),
        ([{"campaignId": 200011, "bidValue": 0.123456}], "FourDecimalsNotAllowed"),
        ([{"campaignId": 200011, "bidValue": -1}], "BidNotInRange"),
        ([{"campaignId": 200011}, {"campaignId": 200011}], "DuplicateCampaignEntry"),
        ([{"campaignId": 200011, "categories": [{"categoryHashcode": 810001004, "bidValue": 1}]}], "InactiveCategory"),
    ],
)
def test_update_bids_errors(fresh, change, error_code):
    status, payload = fresh.call("PUT", f"{LEGACY}/campaigns/bids", change)
    assert status == 400
    assert payload["message"]
    assert payload["details"]["errorCode"] == error_code
    _, bids = fresh.call("GET", f"{LEGACY}/campaigns/bids?pendingChanges=true")
    assert bids == []  # all or nothing


def test_update_categories_persists(fresh):
    body = [{"catalogId": 50001, "categories": [{"categoryHashCode": 810001004, "enabled": True}]}]
    status, payload = fresh.call("PUT", f"{LEGACY}/categories", body)
    assert status == 200
    assert payload == body
    _, enabled = fresh.call("GET", f"{LEGACY}/advertisers/10001/categories?enabledOnly=true")
    assert len(enabled) == 4


def test_update_categories_errors(fresh):
    body = [{"catalogId": 50001, "categories": [{"categoryHashCode": 810002001, "enabled": False}]}]
    status, payload = fresh.call("PUT", f"{LEGACY}/categories", body)
    assert status == 400
    assert payload["details"]["errorCode"] == "InvalidCategoryHashcode"
    assert payload["details"]["categories"][0]["categoryHashCode"] == 810002001
    status, payload = fresh.call("PUT", f"{LEGACY}/categories", [{"catalogId": 50099, "categories": []}])
    assert payload["details"]["errorCode"] == "AccessDenied"
    status, payload = fresh.call("PUT", f"{LEGACY}/categories", {"not": "a list"})
    assert status == 400
    assert set(payload) == {"message"}


def test_reset_world_undoes_changes(fresh):
    fresh.call("DELETE", f"{AUDIENCES}/70001")
    fresh.sandbox.reset_world()
    _, listing = fresh.call("GET", AUDIENCES)
    assert listing["data"][0]["id"] == "70001"
