"""Deliberate mistakes: each line is one that both type checkers must reject.

Every line carries ``# type: ignore[code]`` for mypy and
``# pyright: ignore[rule]`` for pyright. mypy runs with
``warn_unused_ignores`` and pyright with ``reportUnnecessaryTypeIgnoreComment``
(and without honouring ``type: ignore``), so a line that a checker stops
flagging fails the check: the SDK's types got looser.

Nothing here is meant to run. A wrong expression has an unknown type, which
pyright's strict mode would report once more where it is used; the two
settings below leave only the mistake itself to be reported.
"""

# pyright: reportUnknownMemberType=false, reportUnknownArgumentType=false

from __future__ import annotations

import datetime as dt

from criteo_api_marketingsolutions_v2020_10 import ApiClient, AsyncResult
from criteo_api_marketingsolutions_v2020_10.apis import AdvertiserApi, AudienceApi, CampaignApi, OAuthApi
from criteo_api_marketingsolutions_v2020_10.models import (
    CategoryUpdateError,
    GetPortfolioResponse,
    JwtModel,
    NewAudienceAttributes,
    NillableDateTime,
    PatchAdSetBudget,
    ReplaceAudience,
    ReplaceAudienceRequest,
    StatisticsReportQueryMessage,
)

START = dt.datetime(2021, 7, 1, tzinfo=dt.timezone.utc)


def operations(client: ApiClient) -> None:
    """Calls that do not match any signature of the operation."""
    advertisers = AdvertiserApi(client)
    # an unknown keyword (a per-call option misspelt, and one that does not exist)
    advertisers.api_portfolio_get(async_request=True)  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
    advertisers.api_portfolio_get(timeout=5)  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
    # a wrong parameter type: the advertiser id of this operation is an int
    advertisers.get_categories("10001")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    # a wrong type for a per-call option
    advertisers.api_portfolio_get(_request_timeout="5s")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    # a missing required argument
    AudienceApi(client).remove_audience()  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
    # an optional parameter passed by position (they are keyword-only)
    AudienceApi(client).get_audiences("10001")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
    # a misspelt Literal value of an enum parameter
    CampaignApi(client).get_bids(bid_type="CPX")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    # None where a parameter is optional: leave it out instead
    OAuthApi(client).create_token(client_id=None)  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]


def bodies(client: ApiClient) -> None:
    """The wrong model as a request body."""
    replace = ReplaceAudienceRequest(ReplaceAudience("Audience", NewAudienceAttributes("x")))  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    AudienceApi(client).create_audience(replace)  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]


def models() -> None:
    """Constructors and fields."""
    # an unknown model field
    NewAudienceAttributes("Weekend visitors", colour="red")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # a wrong field type, in the constructor and on assignment
    JwtModel(expires_in="900")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    jwt = JwtModel()
    jwt.expires_in = "900"  # type: ignore[assignment]  # pyright: ignore[reportAttributeAccessIssue]
    # a missing required field
    NewAudienceAttributes(description="no name")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # a read-only field: only the server sets it
    CategoryUpdateError(error_message="refused")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # a date where the spec says date-time
    StatisticsReportQueryMessage(["Day"], ["Clicks"], "EUR", "csv", dt.date(2021, 7, 1), START)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    NillableDateTime(value=dt.date(2021, 7, 1))  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # a misspelt Literal value of an enum field of a request model
    PatchAdSetBudget(budget_strategy="caped")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # None for a field that is not nullable
    JwtModel(token_type=None)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


def responses(client: ApiClient, portfolio: GetPortfolioResponse) -> None:
    """Reading answers."""
    # an attribute typo on a response
    print(portfolio.dta)  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue]
    # an optional field used without checking it
    print(portfolio.data[0])  # type: ignore[index]  # pyright: ignore[reportOptionalSubscript]
    # an async call's result used as the model, before .get()
    later: AsyncResult[GetPortfolioResponse] = AdvertiserApi(client).api_portfolio_get(async_req=True)
    print(later.data)  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue]
    # the (data, status, headers) tuple used as the model
    info = AdvertiserApi(client).api_portfolio_get(_return_http_data_only=False)
    print(info.errors)  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue]
    # a raw response used as the model
    raw = AdvertiserApi(client).api_portfolio_get(_preload_content=False)
    print(raw.errors)  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue]
