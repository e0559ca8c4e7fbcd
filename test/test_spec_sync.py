"""The corrections of the spec work end to end, SDK -> sandbox -> docs: audience descriptions,
error titles, and the body parameters named by ``x-codegen-request-body-name``."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest

from criteo_api_marketingsolutions_v2020_10 import ApiClient, exceptions
from criteo_api_marketingsolutions_v2020_10.api.analytics_api import AnalyticsApi
from criteo_api_marketingsolutions_v2020_10.api.audience_api import AudienceApi
from criteo_api_marketingsolutions_v2020_10.api.campaign_api import CampaignApi
from criteo_api_marketingsolutions_v2020_10.api.category_api import CategoryApi
from criteo_api_marketingsolutions_v2020_10.models import (
    AudienceError,
    AudienceNameDescription,
    CampaignBidChangeRequest,
    CategoryUpdateInput,
    CategoryUpdatesPerCatalog,
    ErrorMessage,
    NewAudience,
    NewAudienceAttributes,
    NewAudienceRequest,
    ProblemDetails,
    ReplaceAudience,
    ReplaceAudienceRequest,
    StatisticsReportQueryMessage,
)

ROOT = Path(__file__).resolve().parent.parent
SPEC = json.loads((ROOT / "spec" / "marketingsolutions_2020-10.json").read_text())
DOCS = ROOT / "docs"


def _attributes(api: AudienceApi, audience_id: str) -> object:
    return next(a.attributes for a in api.get_audiences(advertiser_id="10001").data if a.id == audience_id)


# --------------------------------------------------------------------------- description


def test_create_audience_sends_and_reads_back_a_description(managed_client: ApiClient, sandbox) -> None:
    api = AudienceApi(managed_client)
    attributes = NewAudienceAttributes(advertiser_id="10001", name="Summer readers", description="Joined in July")
    created = api.create_audience(NewAudienceRequest(data=NewAudience(type="Audience", attributes=attributes)))
    assert isinstance(created.data.attributes, AudienceNameDescription)
    assert created.data.attributes.description == "Joined in July"
    assert sandbox.requests[-1].json()["data"]["attributes"]["description"] == "Joined in July"
    assert _attributes(api, created.data.id).description == "Joined in July"


def test_modify_audience_changes_only_what_it_sends(managed_client: ApiClient) -> None:
    api = AudienceApi(managed_client)
    before = _attributes(api, "70002")
    change = ReplaceAudienceRequest(
        data=ReplaceAudience(type="Audience", attributes=AudienceNameDescription(description="2021 list"))
    )
    modified = api.modify_audience("70002", change)
    assert (modified.data.attributes.name, modified.data.attributes.description) == (before.name, "2021 list")
    after = _attributes(api, "70002")
    assert (after.name, after.description) == (before.name, "2021 list")


def test_description_is_in_the_spec_the_models_and_the_docs() -> None:
    schemas = SPEC["components"]["schemas"]
    assert "description" in schemas["AudienceNameDescription"]["properties"]
    assert "description" in schemas["NewAudience"]["properties"]["attributes"]["properties"]
    assert "description" in schemas["Audience"]["properties"]["attributes"]["properties"]
    for model in ("AudienceNameDescription", "NewAudienceAttributes", "AudienceAttributes"):
        page = (DOCS / f"{model}.md").read_text(encoding="utf-8")
        assert "**description** | **str**" in page or "**description** | **Optional[str]**" in page
    audience_page = (DOCS / "AudienceApi.md").read_text(encoding="utf-8")
    assert audience_page.count("description=") >= 2  # the create_audience and modify_audience examples


# --------------------------------------------------------------------------- title


def test_audience_errors_have_a_typed_title(managed_client: ApiClient) -> None:
    with pytest.raises(exceptions.ForbiddenException) as excinfo:
        AudienceApi(managed_client).get_audiences(advertiser_id="10099")
    error = excinfo.value.data.errors[0]
    assert isinstance(error, AudienceError)
    assert error.title == "Insufficient advertiser permissions"
    assert error.code == "insufficient-advertisers-permissions"


def test_ad_set_errors_have_a_typed_title(managed_client: ApiClient) -> None:
    with pytest.raises(exceptions.ForbiddenException) as excinfo:
        CampaignApi(managed_client).get_ad_set("309911")
    error = excinfo.value.data.errors[0]
    assert isinstance(error, ProblemDetails)
    assert error.title == "Insufficient ad set permissions"


def test_report_errors_have_a_typed_title(managed_client: ApiClient) -> None:
    query = StatisticsReportQueryMessage(
        dimensions=["Day"], metrics=["Clicks"], currency="EUR", format="pdf",
        start_date="2021-04-01T00:00:00Z", end_date="2021-04-02T00:00:00Z",
    )
    with pytest.raises(exceptions.BadRequestException) as excinfo:
        AnalyticsApi(managed_client).get_adset_report(statistics_report_query_message=query)
    assert isinstance(excinfo.value.data, ErrorMessage)
    assert excinfo.value.data.title == "Unknown report format"


def test_every_criteo_error_schema_declares_title() -> None:
    schemas = SPEC["components"]["schemas"]
    for name in ("AudienceError", "AudienceWarning", "CriteoApiError", "CriteoApiWarning", "ErrorMessage", "ProblemDetails"):
        assert schemas[name]["properties"]["title"]["type"] == "string", name


# --------------------------------------------------------------------------- body parameter names


def test_update_bids_takes_bid_changes(managed_client: ApiClient, sandbox) -> None:
    api = CampaignApi(managed_client)
    assert "bid_changes" in inspect.signature(api.update_bids).parameters
    updated = api.update_bids(bid_changes=[CampaignBidChangeRequest(campaign_id=200011, bid_value=0.65)])
    assert updated[0].campaign_bid.bid_value == pytest.approx(0.65)
    assert sandbox.requests[-1].json() == [{"campaignId": 200011, "bidValue": 0.65}]  # the wire body has no name
    with pytest.raises(TypeError):  # the old name is gone (ApiTypeError is a TypeError too)
        api.update_bids(campaign_bid_change_request=[CampaignBidChangeRequest(campaign_id=200011, bid_value=0.7)])


def test_update_categories_takes_categories_per_catalog(managed_client: ApiClient, sandbox) -> None:
    api = CategoryApi(managed_client)
    assert "categories_per_catalog" in inspect.signature(api.update_categories).parameters
    change = CategoryUpdatesPerCatalog(
        catalog_id=50001, categories=[CategoryUpdateInput(category_hash_code=810001004, enabled=True)]
    )
    applied = api.update_categories(categories_per_catalog=[change])
    assert applied[0].categories[0].enabled is True
    assert sandbox.world.categories[810001004].enabled
    with pytest.raises(TypeError):
        api.update_categories(category_updates_per_catalog=[change])


def test_the_extension_is_what_names_them() -> None:
    paths = SPEC["paths"]
    assert paths["/legacy/marketing/v1/campaigns/bids"]["put"]["x-codegen-request-body-name"] == "bidChanges"
    assert paths["/legacy/marketing/v1/categories"]["put"]["x-codegen-request-body-name"] == "categoriesPerCatalog"
    assert "update_bids(bid_changes)" in (DOCS / "CampaignApi.md").read_text(encoding="utf-8")
    assert "update_categories(categories_per_catalog)" in (DOCS / "CategoryApi.md").read_text(encoding="utf-8")
