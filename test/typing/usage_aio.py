"""Every operation of the asyncio client as application code awaits it, with the checkers' view of each result.

``mypy --strict`` and ``pyright --strict`` check this file (``test/test_typing.py``);
``test/test_aio_surface.py`` also runs ``call_every_operation`` against the
sandbox, so the calls are real ones, not only well-typed ones.
"""

from __future__ import annotations

import datetime as dt
from typing import AsyncIterator, Dict, List, Mapping, Optional, Union

from typing_extensions import assert_type

from criteo_api_marketingsolutions_v2020_10 import WithHttpInfo
from criteo_api_marketingsolutions_v2020_10.aio import ApiClient, AsyncStreamingResponse
from criteo_api_marketingsolutions_v2020_10.aio.apis import (
    AdvertiserApi,
    AnalyticsApi,
    AudienceApi,
    CampaignApi,
    CategoryApi,
    OAuthApi,
)
from criteo_api_marketingsolutions_v2020_10.models import (
    AudienceNameDescription,
    CampaignBidChangeRequest,
    CampaignBidMessage,
    CampaignMessage,
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
    PatchAdSet,
    ReplaceAudience,
    ReplaceAudienceRequest,
    ReplaceAudienceResponse,
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


async def token(client: ApiClient, client_id: str, client_secret: str) -> JwtModel:
    """The token endpoint, awaited."""
    jwt = await OAuthApi(client).create_token(client_id=client_id, client_secret=client_secret)
    assert_type(jwt, JwtModel)
    return jwt


async def advertisers(client: ApiClient) -> Dict[str, object]:
    """The portfolio and the categories of one advertiser."""
    api = AdvertiserApi(client)
    portfolio = await api.api_portfolio_get()
    assert_type(portfolio, GetPortfolioResponse)
    categories = await api.get_categories(10001, enabled_only=True)
    assert_type(categories, List[CategoryMessage])
    category = await api.get_category(10001, 810001001)
    assert_type(category, List[CategoryMessage])
    return {"portfolio": portfolio, "categories": categories, "category": category}


async def audiences(client: ApiClient) -> Dict[str, object]:
    """An audience created, renamed, filled, emptied, listed and removed."""
    api = AudienceApi(client)
    attributes = NewAudienceAttributes("Night owls", advertiser_id="10001", description="Seen after midnight")
    created = await api.create_audience(NewAudienceRequest(data=NewAudience("Audience", attributes)))
    assert_type(created, NewAudienceResponse)
    audience_id = created.data.id
    renamed = await api.modify_audience(
        audience_id, ReplaceAudienceRequest(ReplaceAudience("Audience", AudienceNameDescription(name="Early birds")))
    )
    assert_type(renamed, ReplaceAudienceResponse)
    amendment = ContactlistAmendmentAttributes("add", ["owl@example.com"], identifier_type="email")
    filled = await api.modify_audience_users(
        audience_id, ContactlistAmendmentRequest(ContactlistAmendment("ContactlistAmendment", amendment))
    )
    assert_type(filled, ModifyAudienceResponse)
    emptied = await api.delete_identifiers(audience_id)
    assert_type(emptied, DeleteAudienceContactListResponse)
    listed = await api.get_audiences(advertiser_id="10001")
    assert_type(listed, GetAudiencesResponse)
    removed = await api.remove_audience(audience_id)
    assert_type(removed, DeleteAudienceResponse)
    return {"created": created, "listed": listed, "removed": removed}


async def ad_sets(client: ApiClient) -> Dict[str, object]:
    """Ad sets read, searched, renamed, stopped and started."""
    api = CampaignApi(client)
    one = await api.get_ad_set("300111")
    assert_type(one, ResponseReadAdSet)
    found = await api.search_ad_sets()
    assert_type(found, ResponsesReadAdSet)
    rename = WriteModelPatchAdSet(id="300111", type="AdSet", attributes=PatchAdSet(name="Northwind, at night"))
    patched = await api.patch_ad_sets(requests_patch_ad_set=RequestsPatchAdSet(data=[rename]))
    assert_type(patched, ResponseAdSetId)
    ids = RequestsAdSetId(data=[WriteModelAdSetId(id="300111", type="AdSet")])
    stopped = await api.stop_ad_sets(requests_ad_set_id=ids)
    assert_type(stopped, ResponsesAdSetId)
    started = await api.start_ad_sets(requests_ad_set_id=ids)
    assert_type(started, ResponsesAdSetId)
    return {"ad_set": one, "found": found, "started": started}


async def campaigns(client: ApiClient) -> Dict[str, object]:
    """Campaign bids and categories, through both legacy APIs."""
    api = CampaignApi(client)
    bids = await api.get_bids(advertiser_ids="10001", bid_type="CPC")
    assert_type(bids, List[CampaignBidMessage])
    first = await api.get_categories(200011)
    assert_type(first, CategoryMessage)
    category = await api.get_category(200011, 810001001)
    assert_type(category, CategoryMessage)
    changed = await api.update_bids([CampaignBidChangeRequest(campaign_id=200011, bid_value=0.5)])
    assert_type(changed, List[CampaignMessage])
    legacy = CategoryApi(client)
    listed = await legacy.get_categories(campaign_ids="200011")
    assert_type(listed, List[CategoryMessage])
    enabled = CategoryUpdatesPerCatalog(catalog_id=50001, categories=[CategoryUpdateInput(category_hash_code=810001004, enabled=True)])
    updated = await legacy.update_categories([enabled])
    assert_type(updated, List[CategoryUpdatesPerCatalog])
    return {"bids": bids, "changed": changed, "updated": updated}


async def reports(client: ApiClient) -> Dict[str, object]:
    """Both reports, as the file the API sends."""
    api = AnalyticsApi(client)
    start, end = dt.datetime(2021, 7, 1, tzinfo=UTC), dt.datetime(2021, 7, 3, tzinfo=UTC)
    query = StatisticsReportQueryMessage(["AdsetId", "Day"], ["Clicks"], "EUR", "csv", start, end, advertiser_ids="10001")
    statistics = await api.get_adset_report(statistics_report_query_message=query)
    assert_type(statistics, bytes)
    period = TransactionsReportQueryMessage("USD", "json", start, end)
    entity = TransactionsReportQueryEntityMessage("TransactionsReport", period)
    transactions = await api.get_transactions_report(transactions_report_query_data_message=TransactionsReportQueryDataMessage([entity]))
    assert_type(transactions, bytes)
    return {"statistics": statistics, "transactions": transactions}


async def call_options(client: ApiClient) -> Dict[str, object]:
    """The options that change what awaiting a call gives: ``WithHttpInfo`` and ``AsyncStreamingResponse``."""
    api = AdvertiserApi(client)
    info = await api.get_categories(10001, _return_http_data_only=False, _request_timeout=5)
    assert_type(info, WithHttpInfo[List[CategoryMessage]])
    data, status, headers = info
    assert_type(data, List[CategoryMessage])
    assert_type(status, int)
    assert_type(headers, Mapping[str, str])
    raw = await api.api_portfolio_get(_preload_content=False)
    assert_type(raw, AsyncStreamingResponse)
    async with raw:
        assert_type(raw.content_length, Optional[int])
        assert_type(raw.aiter_bytes(1024), AsyncIterator[bytes])
        body = await raw.read()
        assert_type(body, bytes)
    return {"status": status, "streamed": body}


async def chosen_at_run_time(client: ApiClient, with_http_info: bool) -> object:
    """A flag that is not a literal: the result is any of the shapes, narrowed by the caller."""
    result = await AdvertiserApi(client).api_portfolio_get(_return_http_data_only=not with_http_info)
    assert_type(result, Union[GetPortfolioResponse, WithHttpInfo[GetPortfolioResponse], AsyncStreamingResponse])
    if isinstance(result, tuple):
        return result[0]
    return result


async def call_every_operation(client: ApiClient, client_id: str, client_secret: str) -> Dict[str, object]:
    """Await every function above; the test checks what they give."""
    results: Dict[str, object] = {"token": await token(client, client_id, client_secret)}
    for step in (advertisers, audiences, ad_sets, campaigns, reports, call_options):
        results.update(await step(client))
    results["chosen"] = await chosen_at_run_time(client, True)
    return results
