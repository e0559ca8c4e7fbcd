"""Every operation of the API, called through the SDK against the sandbox's seeded
world: one happy path and one error path each, with state that persists."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile

import pytest

from criteo_api_marketingsolutions_v2020_10 import ApiClient, exceptions
from criteo_api_marketingsolutions_v2020_10.api.advertiser_api import AdvertiserApi
from criteo_api_marketingsolutions_v2020_10.api.analytics_api import AnalyticsApi
from criteo_api_marketingsolutions_v2020_10.api.audience_api import AudienceApi
from criteo_api_marketingsolutions_v2020_10.api.campaign_api import CampaignApi
from criteo_api_marketingsolutions_v2020_10.api.category_api import CategoryApi
from criteo_api_marketingsolutions_v2020_10.models import (
    AdSetSearchFilter,
    AudienceNameDescription,
    CampaignBidChangeRequest,
    CategoryMessage,
    CategoryUpdateInput,
    CategoryUpdatesPerCatalog,
    ContactlistAmendment,
    ContactlistAmendmentAttributes,
    ContactlistAmendmentRequest,
    GetAudiencesResponse,
    NewAudience,
    NewAudienceAttributes,
    NewAudienceRequest,
    NillableDecimal,
    PatchAdSet,
    PatchAdSetBidding,
    ReadAdSet,
    ReplaceAudience,
    ReplaceAudienceRequest,
    RequestAdSetSearch,
    RequestsAdSetId,
    RequestsPatchAdSet,
    StatisticsReportQueryMessage,
    TransactionsReportQueryDataMessage,
    TransactionsReportQueryEntityMessage,
    TransactionsReportQueryMessage,
    WriteModelAdSetId,
    WriteModelPatchAdSet,
)

ADVERTISER = 10001
FOREIGN_ADVERTISER = 10099
CAMPAIGN = 200011
AD_SET = "300111"
FOREIGN_AD_SET = "309911"
AUDIENCE = "70001"
FOREIGN_AUDIENCE = "70099"
CATEGORY = 810001001
CATALOG = 50001


@pytest.fixture
def client(managed_client: ApiClient) -> ApiClient:
    return managed_client


# ---------------------------------------------------------------- Advertiser


def test_api_portfolio_get(client, sandbox) -> None:
    portfolio = AdvertiserApi(client).api_portfolio_get()
    ids = sorted(int(item.id) for item in portfolio.data)
    assert ids == sorted(sandbox.world.advertiser_ids)
    assert portfolio.data[0].attributes.advertiser_name


def test_api_portfolio_get_without_a_token_is_unauthorized(configuration) -> None:
    with ApiClient(configuration) as anonymous, pytest.raises(exceptions.UnauthorizedException) as excinfo:
        AdvertiserApi(anonymous).api_portfolio_get()
    assert excinfo.value.headers["WWW-Authenticate"].startswith("Bearer")


def test_advertiser_get_categories_and_enabled_only(client) -> None:
    api = AdvertiserApi(client)
    every = api.get_categories(ADVERTISER)
    enabled = api.get_categories(ADVERTISER, enabled_only=True)
    assert all(isinstance(c, CategoryMessage) for c in every)
    assert len(enabled) == len(every) - 1
    assert all(c.enabled for c in enabled)


def test_advertiser_get_categories_outside_the_portfolio_is_forbidden(client) -> None:
    with pytest.raises(exceptions.ForbiddenException):
        AdvertiserApi(client).get_categories(FOREIGN_ADVERTISER)


def test_advertiser_get_category_and_unknown_category(client) -> None:
    api = AdvertiserApi(client)
    (category,) = api.get_category(ADVERTISER, CATEGORY)
    assert category.category_hash_code == CATEGORY
    with pytest.raises(exceptions.NotFoundException):
        api.get_category(ADVERTISER, 1)


# ---------------------------------------------------------------- Campaign: legacy


def test_campaign_get_categories_and_unknown_campaign(client) -> None:
    api = CampaignApi(client)
    result = api.get_categories(CAMPAIGN, enabled_only=False)
    assert result is not None
    with pytest.raises(exceptions.NotFoundException):
        api.get_categories(999999)


def test_campaign_get_category_and_unknown_category(client) -> None:
    api = CampaignApi(client)
    category = api.get_category(CAMPAIGN, CATEGORY)
    assert category.category_hash_code == CATEGORY
    with pytest.raises(exceptions.NotFoundException):
        api.get_category(CAMPAIGN, 1)


def test_get_bids_filters_and_bad_enum_is_refused_locally(client, sandbox) -> None:
    api = CampaignApi(client)
    bids = api.get_bids(campaign_ids=str(CAMPAIGN))
    assert [b.campaign_id for b in bids] == [CAMPAIGN]
    assert bids[0].categories
    running = api.get_bids(advertiser_ids=str(ADVERTISER), campaign_status="Running")
    assert {b.campaign_id for b in running} == {200011, 200012}
    before = sandbox.api_requests
    with pytest.raises(exceptions.ApiValueError, match="bid_type"):
        api.get_bids(bid_type="CPM")
    assert sandbox.api_requests == before


def test_update_bids_persists_and_rejects_foreign_campaigns(client) -> None:
    api = CampaignApi(client)
    updated = api.update_bids([CampaignBidChangeRequest(campaign_id=CAMPAIGN, bid_value=0.99)])
    assert updated[0].campaign_bid.bid_value == pytest.approx(0.99)
    assert api.get_bids(campaign_ids=str(CAMPAIGN))[0].campaign_bid.bid_value == pytest.approx(0.99)
    with pytest.raises(exceptions.ApiException) as excinfo:
        api.update_bids([CampaignBidChangeRequest(campaign_id=200991, bid_value=1.0)])
    assert excinfo.value.status in (400, 403)


# ---------------------------------------------------------------- Campaign: ad sets


def test_get_ad_set_and_forbidden_ad_set(client) -> None:
    api = CampaignApi(client)
    response = api.get_ad_set(AD_SET)
    assert response.data.id == AD_SET
    attributes = response.data.attributes
    assert isinstance(attributes, ReadAdSet)
    assert isinstance(attributes.schedule.start_date.value, dt.datetime)
    assert attributes.schedule.activation_status == "on"
    with pytest.raises(exceptions.ForbiddenException):
        api.get_ad_set(FOREIGN_AD_SET)


def test_search_ad_sets_by_campaign_and_bad_body(client) -> None:
    api = CampaignApi(client)
    found = api.search_ad_sets(
        request_ad_set_search=RequestAdSetSearch(filters=AdSetSearchFilter(campaign_ids=[str(CAMPAIGN)]))
    )
    assert sorted(a.id for a in found.data) == ["300111", "300112"]
    with pytest.raises(exceptions.ApiTypeError):
        api.search_ad_sets(request_ad_set_search={"filters": {"campaignIds": "not-a-list"}}, _check_input_type=True)


def test_stop_then_start_an_ad_set_persists_its_status(client) -> None:
    api = CampaignApi(client)
    body = RequestsAdSetId(data=[WriteModelAdSetId(id=AD_SET, type="AdSet")])
    stopped = api.stop_ad_sets(requests_ad_set_id=body)
    assert [d.id for d in stopped.data] == [AD_SET]
    schedule = api.get_ad_set(AD_SET).data.attributes.schedule
    assert (schedule.activation_status, schedule.delivery_status) == ("off", "paused")
    api.start_ad_sets(requests_ad_set_id=body)
    assert api.get_ad_set(AD_SET).data.attributes.schedule.activation_status == "on"


def test_start_and_stop_errors_are_reported(client) -> None:
    api = CampaignApi(client)
    foreign = RequestsAdSetId(data=[WriteModelAdSetId(id=FOREIGN_AD_SET, type="AdSet")])
    for operation in (api.start_ad_sets, api.stop_ad_sets):
        try:
            response = operation(requests_ad_set_id=foreign)
        except exceptions.ApiException as error:
            assert error.status in (400, 403)
        else:
            assert response.errors, "a foreign ad set must be reported as an error"


def test_patch_ad_sets_persists_and_reports_unknown_ids(client) -> None:
    api = CampaignApi(client)
    patch = WriteModelPatchAdSet(
        id=AD_SET, type="AdSet",
        attributes=PatchAdSet(name="Renamed", bidding=PatchAdSetBidding(bid_amount=NillableDecimal(value=1.25))),
    )
    result = api.patch_ad_sets(requests_patch_ad_set=RequestsPatchAdSet(data=[patch]))
    assert [d.id for d in result.data] == [AD_SET]
    attributes = api.get_ad_set(AD_SET).data.attributes
    assert attributes.name == "Renamed"
    assert attributes.bidding.bid_amount.value == pytest.approx(1.25)
    unknown = WriteModelPatchAdSet(id="123", type="AdSet", attributes=PatchAdSet(name="x"))
    try:
        response = api.patch_ad_sets(requests_patch_ad_set=RequestsPatchAdSet(data=[unknown]))
    except exceptions.ApiException as error:
        assert error.status in (400, 403, 404)
    else:
        assert response.errors


# ---------------------------------------------------------------- Category


def test_category_get_categories_and_update(client) -> None:
    api = CategoryApi(client)
    every = api.get_categories(advertiser_ids=str(ADVERTISER))
    disabled = [c for c in every if not c.enabled]
    assert disabled
    target = disabled[0].category_hash_code
    api.update_categories([CategoryUpdatesPerCatalog(catalog_id=CATALOG, categories=[CategoryUpdateInput(category_hash_code=target, enabled=True)])])
    assert all(c.enabled for c in api.get_categories(advertiser_ids=str(ADVERTISER)) if c.category_hash_code == target)


def test_category_update_of_a_foreign_catalog_is_refused(client) -> None:
    with pytest.raises(exceptions.ApiException) as excinfo:
        CategoryApi(client).update_categories(
            [CategoryUpdatesPerCatalog(catalog_id=50099, categories=[CategoryUpdateInput(category_hash_code=1, enabled=True)])]
        )
    assert excinfo.value.status in (400, 403)


# ---------------------------------------------------------------- Audience


def test_create_audience_appears_in_get_audiences(client) -> None:
    api = AudienceApi(client)
    created = api.create_audience(
        NewAudienceRequest(data=NewAudience(type="Audience", attributes=NewAudienceAttributes(name="Test buyers", advertiser_id=str(ADVERTISER))))
    )
    new_id = created.data.id
    listed = api.get_audiences(advertiser_id=str(ADVERTISER))
    assert isinstance(listed, GetAudiencesResponse)
    assert new_id in [a.id for a in listed.data]
    assert isinstance(next(a for a in listed.data if a.id == new_id).attributes.created, dt.datetime)


def test_create_audience_for_a_foreign_advertiser_is_forbidden(client) -> None:
    with pytest.raises(exceptions.ForbiddenException) as excinfo:
        AudienceApi(client).create_audience(
            NewAudienceRequest(data=NewAudience(type="Audience", attributes=NewAudienceAttributes(name="x", advertiser_id=str(FOREIGN_ADVERTISER))))
        )
    assert excinfo.value.data is not None and excinfo.value.data.errors


def test_get_audiences_of_a_foreign_advertiser_is_forbidden(client) -> None:
    with pytest.raises(exceptions.ForbiddenException):
        AudienceApi(client).get_audiences(advertiser_id=str(FOREIGN_ADVERTISER))


def test_modify_audience_renames_and_foreign_is_forbidden(client) -> None:
    api = AudienceApi(client)
    api.modify_audience(AUDIENCE, ReplaceAudienceRequest(data=ReplaceAudience(type="Audience", attributes=AudienceNameDescription(name="Renamed"))))
    names = {a.id: a.attributes.name for a in api.get_audiences(advertiser_id=str(ADVERTISER)).data}
    assert names[AUDIENCE] == "Renamed"
    with pytest.raises(exceptions.ForbiddenException):
        api.modify_audience(FOREIGN_AUDIENCE, ReplaceAudienceRequest(data=ReplaceAudience(type="Audience", attributes=AudienceNameDescription(name="x"))))


def test_modify_audience_users_counts_and_unknown_audience(client) -> None:
    api = AudienceApi(client)
    request = ContactlistAmendmentRequest(
        data=ContactlistAmendment(
            type="ContactlistAmendment",
            attributes=ContactlistAmendmentAttributes(operation="add", identifier_type="email", identifiers=["a@example.com", "B@example.com"]),
        )
    )
    result = api.modify_audience_users(AUDIENCE, request)
    assert result.data.attributes.operation == "add"
    with pytest.raises(exceptions.NotFoundException):
        api.modify_audience_users("79999", request)
    with pytest.raises(exceptions.ApiValueError, match="operation"):
        ContactlistAmendmentAttributes(operation="merge", identifiers=[])


def test_delete_identifiers_and_foreign_audience(client) -> None:
    api = AudienceApi(client)
    deleted = api.delete_identifiers(AUDIENCE)
    assert deleted.data.id == AUDIENCE
    with pytest.raises(exceptions.ForbiddenException):
        api.delete_identifiers(FOREIGN_AUDIENCE)


def test_remove_audience_removes_it_and_foreign_is_forbidden(client) -> None:
    api = AudienceApi(client)
    api.remove_audience("70002")
    assert "70002" not in [a.id for a in api.get_audiences(advertiser_id=str(ADVERTISER)).data]
    with pytest.raises(exceptions.ForbiddenException):
        api.remove_audience(FOREIGN_AUDIENCE)


# ---------------------------------------------------------------- Analytics


def statistics_query(report_format: str) -> StatisticsReportQueryMessage:
    return StatisticsReportQueryMessage(
        dimensions=["AdsetId", "Day"], metrics=["Clicks", "Displays"], currency="EUR", format=report_format,
        start_date=dt.datetime(2021, 3, 1), end_date=dt.datetime(2021, 3, 2), advertiser_ids=str(ADVERTISER),
    )


def test_adset_report_in_every_format(client) -> None:
    api = AnalyticsApi(client)
    rows = list(csv.reader(io.StringIO(api.get_adset_report(statistics_report_query_message=statistics_query("csv")).decode("utf-8-sig"))))
    assert len(rows) > 1
    assert json.loads(api.get_adset_report(statistics_report_query_message=statistics_query("json")))["Rows"]
    assert api.get_adset_report(statistics_report_query_message=statistics_query("xml")).lstrip().startswith(b"<")
    excel = api.get_adset_report(statistics_report_query_message=statistics_query("excel"))
    assert "xl/worksheets/sheet1.xml" in zipfile.ZipFile(io.BytesIO(excel)).namelist()


def test_adset_report_unknown_format_is_a_bad_request(client) -> None:
    with pytest.raises(exceptions.BadRequestException) as excinfo:
        AnalyticsApi(client).get_adset_report(statistics_report_query_message=statistics_query("pdf"))
    assert excinfo.value.data is not None


def test_adset_report_streams_to_a_file(client, tmp_path) -> None:
    raw = AnalyticsApi(client).get_adset_report(statistics_report_query_message=statistics_query("csv"), _preload_content=False)
    target = tmp_path / "report.csv"
    with target.open("wb") as sink:
        for chunk in raw.stream(1024):
            sink.write(chunk)
    raw.release_conn()
    assert target.read_bytes().count(b"\n") > 1


def test_transactions_report_and_bad_request(client) -> None:
    api = AnalyticsApi(client)
    query = TransactionsReportQueryDataMessage(
        data=[
            TransactionsReportQueryEntityMessage(
                type="TransactionsReport",
                attributes=TransactionsReportQueryMessage(
                    currency="EUR", format="json", start_date=dt.datetime(2021, 3, 1), end_date=dt.datetime(2021, 3, 3),
                    advertiser_ids=str(ADVERTISER),
                ),
            )
        ]
    )
    report = json.loads(api.get_transactions_report(transactions_report_query_data_message=query))
    assert "Rows" in report
    query.data[0].attributes.format = "pdf"
    with pytest.raises(exceptions.BadRequestException):
        api.get_transactions_report(transactions_report_query_data_message=query)
