"""Every operation as application code calls it, with the type checkers' view of each result.

``mypy --strict`` and ``pyright --strict`` check this file (``test/test_typing.py``);
that test also runs ``call_every_operation`` against the sandbox, so the calls
are real ones, not only well-typed ones.
"""

from __future__ import annotations

import datetime as dt
from typing import Dict, Iterator, List, Mapping, Optional, Tuple

from typing_extensions import assert_type

from criteo_api_marketingsolutions_v2020_10 import ApiClient, AsyncResult, RawResponse, StreamingResponse, WithHttpInfo
from criteo_api_marketingsolutions_v2020_10.apis import (
    AdvertiserApi,
    AnalyticsApi,
    AudienceApi,
    CampaignApi,
    CategoryApi,
    OAuthApi,
)
from criteo_api_marketingsolutions_v2020_10.models import (
    AdSetSearchFilter,
    AudienceNameDescription,
    CampaignBidChangeRequest,
    CampaignBidMessage,
    CampaignMessage,
    CategoryBidChangeRequest,
    CategoryMessage,
    CategoryUpdateInput,
    CategoryUpdatesPerCatalog,
    ContactlistAmendment,
    ContactlistAmendmentAttributes,
    ContactlistAmendmentRequest,
    DeleteAudienceContactListResponse,
    DeleteAudienceResponse,
    GetAudiencesResponse,
    GetPortfolioResponse,
    JwtModel,
    ModifyAudienceResponse,
    NewAudience,
    NewAudienceAttributes,
    NewAudienceRequest,
    NewAudienceResponse,
    NillableDateTime,
    NillableDecimal,
    PatchAdSet,
    PatchAdSetBidding,
    PatchAdSetScheduling,
    ReplaceAudience,
    ReplaceAudienceRequest,
    ReplaceAudienceResponse,
    RequestAdSetSearch,
    RequestsAdSetId,
    RequestsPatchAdSet,
    ResponseAdSetId,
    ResponseReadAdSet,
    ResponsesAdSetId,
    ResponsesReadAdSet,
    StatisticsReportQueryMessage,
    TransactionsReportQueryDataMessage,
    TransactionsReportQueryEntityMessage,
    TransactionsReportQueryMessage,
    WriteModelAdSetId,
    WriteModelPatchAdSet,
)

UTC = dt.timezone.utc


def token(client: ApiClient, client_id: str, client_secret: str) -> JwtModel:
    """The token endpoint, as the SDK's own token manager calls it."""
    jwt = OAuthApi(client).create_token(client_id=client_id, client_secret=client_secret, grant_type="client_credentials")
    assert_type(jwt, JwtModel)
    return jwt


def advertisers(client: ApiClient) -> Dict[str, object]:
    """The portfolio and the catalog categories of one advertiser."""
    api = AdvertiserApi(client)
    portfolio = api.api_portfolio_get()
    assert_type(portfolio, GetPortfolioResponse)
    every_category = api.get_categories(10001, enabled_only=True)
    assert_type(every_category, List[CategoryMessage])
    one_category = api.get_category(10001, 810001001)
    assert_type(one_category, List[CategoryMessage])
    return {"portfolio": portfolio, "categories": every_category, "category": one_category}


def audiences(client: ApiClient) -> Dict[str, object]:
    """An audience's life: created, renamed, filled, emptied, listed and removed."""
    api = AudienceApi(client)
    attributes = NewAudienceAttributes("Weekend visitors", advertiser_id="10001", description="Seen on a Saturday")
    created = api.create_audience(NewAudienceRequest(data=NewAudience("Audience", attributes)))
    assert_type(created, NewAudienceResponse)
    audience_id = created.data.id
    assert_type(audience_id, str)
    new_name = AudienceNameDescription(name="Weekend shoppers")
    renamed = api.modify_audience(audience_id, ReplaceAudienceRequest(ReplaceAudience("Audience", new_name)))
    assert_type(renamed, ReplaceAudienceResponse)
    amendment = ContactlistAmendmentAttributes("add", ["jane@example.com"], identifier_type="email")
    filled = api.modify_audience_users(audience_id, ContactlistAmendmentRequest(ContactlistAmendment("ContactlistAmendment", amendment)))
    assert_type(filled, ModifyAudienceResponse)
    emptied = api.delete_identifiers(audience_id)
    assert_type(emptied, DeleteAudienceContactListResponse)
    listed = api.get_audiences(advertiser_id="10001")
    assert_type(listed, GetAudiencesResponse)
    removed = api.remove_audience(audience_id)
    assert_type(removed, DeleteAudienceResponse)
    return {"created": created, "listed": listed, "removed": removed}


def ad_sets(client: ApiClient) -> Dict[str, object]:
    """Ad sets: read, searched, patched, stopped and started."""
    api = CampaignApi(client)
    one = api.get_ad_set("300111")
    assert_type(one, ResponseReadAdSet)
    found = api.search_ad_sets(request_ad_set_search=RequestAdSetSearch(filters=AdSetSearchFilter(advertiser_ids=["10001"])))
    assert_type(found, ResponsesReadAdSet)
    patch = PatchAdSet(
        name="Northwind Retargeting, summer",
        scheduling=PatchAdSetScheduling(end_date=NillableDateTime(value=None)),
        bidding=PatchAdSetBidding(bid_amount=NillableDecimal(value=0.5)),
    )
    patched = api.patch_ad_sets(
        requests_patch_ad_set=RequestsPatchAdSet(data=[WriteModelPatchAdSet(id="300111", type="AdSet", attributes=patch)])
    )
    assert_type(patched, ResponseAdSetId)
    ids = RequestsAdSetId(data=[WriteModelAdSetId(id="300111", type="AdSet")])
    stopped = api.stop_ad_sets(requests_ad_set_id=ids)
    assert_type(stopped, ResponsesAdSetId)
    started = api.start_ad_sets(requests_ad_set_id=ids)
    assert_type(started, ResponsesAdSetId)
    return {"ad_set": one, "found": found, "patched": patched, "started": started}


def campaigns(client: ApiClient) -> Dict[str, object]:
    """Campaign bids and categories, through both legacy APIs."""
    api = CampaignApi(client)
    bids = api.get_bids(advertiser_ids="10001", bid_type="CPC", campaign_status="Running", pending_changes=False)
    assert_type(bids, List[CampaignBidMessage])
    categories = api.get_categories(200011, enabled_only=True)
    assert_type(categories, CategoryMessage)
    category = api.get_category(200011, 810001001)
    assert_type(category, CategoryMessage)
    change = CampaignBidChangeRequest(
        campaign_id=200011, bid_value=0.5, categories=[CategoryBidChangeRequest(category_hashcode=810001001, bid_value=0.55)]
    )
    changed = api.update_bids([change])
    assert_type(changed, List[CampaignMessage])
    legacy = CategoryApi(client)
    listed = legacy.get_categories(campaign_ids="200011", enabled_only=False)
    assert_type(listed, List[CategoryMessage])
    enabled = CategoryUpdatesPerCatalog(catalog_id=50001, categories=[CategoryUpdateInput(category_hash_code=810001004, enabled=True)])
    updated = legacy.update_categories([enabled])
    assert_type(updated, List[CategoryUpdatesPerCatalog])
    return {"bids": bids, "changed": changed, "listed": listed, "updated": updated}


def reports(client: ApiClient) -> Dict[str, bytes]:
    """Both reports, as the raw file the API sends."""
    api = AnalyticsApi(client)
    statistics = StatisticsReportQueryMessage(
        ["AdsetId", "Day"],
        ["Displays", "Clicks"],
        "EUR",
        "csv",
        dt.datetime(2021, 7, 1, tzinfo=UTC),
        dt.datetime(2021, 7, 3, tzinfo=UTC),
        advertiser_ids="10001",
    )
    csv_file = api.get_adset_report(statistics_report_query_message=statistics)
    assert_type(csv_file, bytes)
    period = TransactionsReportQueryMessage("USD", "json", dt.datetime(2021, 3, 1, tzinfo=UTC), dt.datetime(2021, 3, 2, tzinfo=UTC))
    query = TransactionsReportQueryDataMessage([TransactionsReportQueryEntityMessage("TransactionsReport", period)])
    json_file = api.get_transactions_report(transactions_report_query_data_message=query)
    assert_type(json_file, bytes)
    return {"statistics": csv_file, "transactions": json_file}


def call_options(client: ApiClient) -> Dict[str, object]:
    """The per-call options that change what a call returns, and two that do not."""
    api = AdvertiserApi(client)
    pending = api.api_portfolio_get(async_req=True)
    assert_type(pending, AsyncResult[GetPortfolioResponse])
    assert_type(pending.get(timeout=10), GetPortfolioResponse)
    info = api.get_categories(10001, _return_http_data_only=False)
    assert_type(info, WithHttpInfo[List[CategoryMessage]])
    data, status, headers = info
    assert_type(data, List[CategoryMessage])
    assert_type(status, int)
    assert_type(headers, Mapping[str, str])
    raw = api.api_portfolio_get(_preload_content=False, _request_timeout=(2, 10))
    assert_type(raw, RawResponse)
    assert_type(raw, StreamingResponse)
    assert_type(raw.status, int)
    assert_type(raw.content_length, Optional[int])
    assert_type(raw.iter_bytes(1024), Iterator[bytes])
    assert_type(raw.iter_lines(), Iterator[bytes])
    assert_type(raw.data, bytes)
    raw.close()
    later_raw = api.api_portfolio_get(async_req=True, _preload_content=False)
    assert_type(later_raw, AsyncResult[RawResponse])
    later_raw.get(timeout=10).close()
    later_info = api.get_category(10001, 810001002, async_req=True, _return_http_data_only=False, _check_return_type=False)
    assert_type(later_info, AsyncResult[Tuple[List[CategoryMessage], int, Mapping[str, str]]])
    return {"async": pending.get(timeout=10), "status": status, "later": later_info.get(timeout=10)}


def chosen_at_run_time(client: ApiClient, in_background: bool) -> object:
    """Flags that are not literals: the result is any of the shapes, to be narrowed by the caller."""
    result = AdvertiserApi(client).api_portfolio_get(async_req=in_background)
    if isinstance(result, AsyncResult):
        return result.get(timeout=10)
    return result


def call_every_operation(client: ApiClient, client_id: str, client_secret: str) -> Dict[str, object]:
    """Run every function above; the test checks what they return."""
    results: Dict[str, object] = {"token": token(client, client_id, client_secret)}
    for step in (advertisers, audiences, ad_sets, campaigns, reports, call_options):
        results.update(step(client))
    results["chosen"] = chosen_at_run_time(client, True)
    return results
