"""Models as application code reads and builds them, with the type checkers' view of each field.

Fields the spec requires are their plain type; the others are ``Optional``
(reading an unset one raises, and the server may send ``null``). Enum fields
of models a response can hold are ``str``, since unknown values from the
server are kept; in request models, and in every constructor, they are
``Literal``. ``test/test_typing.py`` checks this file with both checkers and
runs ``read_every_kind_of_field`` against the sandbox.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Dict, List, Literal, Optional

from typing_extensions import assert_type

from criteo_api_marketingsolutions_v2020_10 import ApiClient
from criteo_api_marketingsolutions_v2020_10.apis import AdvertiserApi, AudienceApi, CampaignApi, CategoryApi, OAuthApi
from criteo_api_marketingsolutions_v2020_10.models import (
    AdSetDeliveryLimitations,
    AdSetTargetingRule,
    Audience,
    AudienceAttributes,
    AudienceError,
    BidMessage,
    CampaignBidMessage,
    CategoryMessage,
    CriteoApiDataOfPortfolioMessage,
    CriteoApiError,
    GetAudiencesResponse,
    GetPortfolioResponse,
    JwtModel,
    NillableAdSetTargetingRule,
    NillableDateTime,
    NillableDecimal,
    OAuth2Error,
    PatchAdSetBudget,
    ReadAdSetSchedule,
    ResponseReadAdSet,
    StatisticsReportQueryMessage,
)


def audience_fields(listed: GetAudiencesResponse) -> List[str]:
    """Required fields: plain types, nested models and lists of models."""
    assert_type(listed.data, List[Audience])
    assert_type(listed.errors, List[AudienceError])
    names: List[str] = []
    for audience in listed.data:
        assert_type(audience.id, str)
        assert_type(audience.attributes, AudienceAttributes)
        assert_type(audience.attributes.name, str)
        assert_type(audience.attributes.created, dt.datetime)
        assert_type(audience.attributes.nb_lines, Optional[int])
        names.append(f"{audience.attributes.name} ({audience.attributes.created:%Y-%m-%d})")
    return names


def portfolio_fields(portfolio: GetPortfolioResponse) -> List[str]:
    """Optional fields: narrowed before use, or read with ``get``."""
    assert_type(portfolio.data, Optional[List[CriteoApiDataOfPortfolioMessage]])
    names: List[str] = []
    for advertiser in portfolio.data or []:
        assert_type(advertiser.type, Optional[str])  # an enum, but the server may send new values
        meta = advertiser.meta if "meta" in advertiser else None  # reading an unset field raises
        assert_type(meta, Optional[Dict[str, Any]])
        assert_type(advertiser.get("meta"), Optional[Dict[str, Any]])  # the same, in one call
        attributes = advertiser.get("attributes")
        name = attributes.get("advertiser_name") if attributes is not None else None
        if name is not None:
            names.append(name)
    if "errors" in portfolio:
        errors = portfolio.errors or []
        assert_type(errors, List[CriteoApiError])
        assert_type([e.source for e in errors], List[Optional[Dict[str, str]]])
    return names


def ad_set_fields(answer: ResponseReadAdSet) -> Dict[str, object]:
    """Deeply nested optional fields, read with ``get``: Nillable wrappers, floats, enums read as ``str``."""
    facts: Dict[str, object] = {}
    data = answer.get("data")
    ad_set = data.get("attributes") if data is not None else None
    schedule = ad_set.get("schedule") if ad_set is not None else None
    if ad_set is None or schedule is None:
        return facts
    assert_type(schedule, ReadAdSetSchedule)
    assert_type(schedule.get("activation_status"), Optional[str])
    end = schedule.get("end_date")
    assert_type(end, Optional[NillableDateTime])
    if end is not None:
        assert_type(end.get("value"), Optional[dt.datetime])
        facts["ends"] = end.get("value")
    facts["status"] = schedule.get("activation_status")
    bidding = ad_set.get("bidding")
    bid = bidding.get("bid_amount") if bidding is not None else None
    if bid is not None:
        assert_type(bid, NillableDecimal)
        assert_type(bid.get("value"), Optional[float])
        facts["bid"] = bid.get("value")
    targeting = ad_set.get("targeting")
    limitations = targeting.get("delivery_limitations") if targeting is not None else None
    if limitations is not None:
        assert_type(limitations, AdSetDeliveryLimitations)
        assert_type(limitations.get("devices"), Optional[List[str]])
        facts["devices"] = limitations.get("devices")
    return facts


def bid_fields(bids: List[CampaignBidMessage], categories: List[CategoryMessage]) -> List[float]:
    """Floats, booleans and ints of the legacy models."""
    values: List[float] = []
    for bid in bids:
        assert_type(bid.campaign_bid, Optional[BidMessage])
        if bid.campaign_bid is not None and bid.campaign_bid.bid_value is not None:
            assert_type(bid.campaign_bid.bid_value, float)
            values.append(bid.campaign_bid.bid_value)
    for category in categories:
        assert_type(category.get("enabled"), Optional[bool])
        assert_type(category.get("category_hash_code"), Optional[int])
        assert_type(category.get("not_a_field"), Any)  # unknown members the server sent are kept
    return values


def token_fields(jwt: JwtModel) -> int:
    """``get`` and ``in``: the idioms for fields that may be unset."""
    lifetime = jwt.expires_in if "expires_in" in jwt else None
    assert_type(lifetime, Optional[int])
    assert_type(jwt.get("token_type"), Optional[str])
    assert_type(jwt.to_dict(), Dict[str, Any])
    return lifetime or 0


def built_locally() -> List[object]:
    """Constructors: required fields by position or keyword, the others by keyword; ``Literal`` enums."""
    error = OAuth2Error("invalid_client", error_description="unknown client")
    assert_type(error.error, str)
    budget = PatchAdSetBudget(budget_strategy="capped", budget_amount=NillableDecimal(value=120.0))
    assert_type(budget.budget_strategy, Optional[Literal["capped", "uncapped"]])  # a request model keeps Literal
    cleared = NillableDateTime(value=None)
    assert_type(cleared.value, Optional[dt.datetime])
    rule = NillableAdSetTargetingRule(value=AdSetTargetingRule(operand="in", values=["FR", "DE"]))
    query = StatisticsReportQueryMessage(
        dimensions=["AdsetId", "Day"],
        metrics=["Clicks"],
        currency="EUR",
        format="json",
        start_date=dt.datetime(2021, 7, 1, tzinfo=dt.timezone.utc),
        end_date=dt.datetime(2021, 7, 2, tzinfo=dt.timezone.utc),
    )
    assert_type(query.dimensions, List[Literal["AdsetId", "Adset", "AdvertiserId", "Advertiser", "CategoryId",
                                               "Category", "Hour", "Day", "Week", "Month", "Year", "Os", "Device"]])
    assert_type(query.start_date, dt.datetime)
    limitations = AdSetDeliveryLimitations(devices=["desktop", "mobile"])
    limitations.environments = ["web"]
    return [error, budget, cleared, rule, query, limitations]


def read_every_kind_of_field(client: ApiClient, client_id: str, client_secret: str) -> Dict[str, object]:
    """The functions above on the sandbox's answers."""
    jwt = OAuthApi(client).create_token(client_id=client_id, client_secret=client_secret)
    campaigns = CampaignApi(client)
    return {
        "audiences": audience_fields(AudienceApi(client).get_audiences(advertiser_id="10001")),
        "advertisers": portfolio_fields(AdvertiserApi(client).api_portfolio_get()),
        "web_ad_set": ad_set_fields(campaigns.get_ad_set("300111")),
        "app_ad_set": ad_set_fields(campaigns.get_ad_set("300122")),
        "bids": bid_fields(campaigns.get_bids(advertiser_ids="10001"), CategoryApi(client).get_categories(campaign_ids="200011")),
        "lifetime": token_fields(jwt),
        "built": built_locally(),
    }
