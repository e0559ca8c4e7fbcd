"""Deliberate mistakes with the asyncio client: each marked line is one that both type checkers must reject.

As in ``mistakes.py``, every such line carries ``# type: ignore[code]`` for mypy
and ``# pyright: ignore[rule]`` for pyright, and a line that a checker stops
flagging fails ``test/test_typing.py``. Nothing here is meant to run.
"""

# pyright: reportUnknownMemberType=false, reportUnknownArgumentType=false, reportUnknownVariableType=false

from __future__ import annotations

from typing import List

from criteo_api_marketingsolutions_v2020_10 import ApiClient as SyncApiClient
from criteo_api_marketingsolutions_v2020_10.aio import ApiClient
from criteo_api_marketingsolutions_v2020_10.aio.apis import AdvertiserApi, AudienceApi
from criteo_api_marketingsolutions_v2020_10.models import CategoryMessage, GetAudiencesResponse, GetPortfolioResponse


async def options(client: ApiClient) -> None:
    """Options the asyncio client does not have, or of the wrong type."""
    api = AdvertiserApi(client)
    # async_req belongs to the thread-pool client: here the call is awaited
    await api.api_portfolio_get(async_req=True)  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
    # a wrong parameter type, as on the synchronous client
    await api.get_categories("10001")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    # an optional parameter passed by position
    await AudienceApi(client).get_audiences("10001")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]


async def forgotten_awaits(client: ApiClient) -> None:
    """The coroutine used as if it were the result."""
    api = AdvertiserApi(client)
    # the call does nothing until awaited
    api.api_portfolio_get()  # type: ignore[unused-coroutine]  # pyright: ignore[reportUnusedCoroutine]
    # the coroutine is not the model
    portfolio: GetPortfolioResponse = api.api_portfolio_get()  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    # nor has it the model's fields
    print(AudienceApi(client).get_audiences(advertiser_id="10001").data)  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue]
    # a result is not awaitable: it was awaited already
    listed = await AudienceApi(client).get_audiences(advertiser_id="10001")
    await listed  # type: ignore[misc]  # pyright: ignore[reportGeneralTypeIssues]
    print(portfolio)


async def shapes(client: ApiClient) -> None:
    """Results of another shape than the one asked for."""
    api = AdvertiserApi(client)
    # _return_http_data_only=False gives (data, status, headers), not the data
    categories: List[CategoryMessage] = await api.get_categories(10001, _return_http_data_only=False)  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    # _preload_content=False gives an AsyncStreamingResponse, not the model
    audiences: GetAudiencesResponse = await AudienceApi(client).get_audiences(_preload_content=False)  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
    raw = await api.api_portfolio_get(_preload_content=False)
    # the asynchronous stream is read with await and async for, not with the synchronous methods
    raw.iter_bytes()  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue]
    for chunk in raw:  # type: ignore[attr-defined]  # pyright: ignore[reportGeneralTypeIssues]
        print(chunk)
    print(categories, audiences)


def clients(client: SyncApiClient) -> None:
    """The synchronous client cannot run the asynchronous API classes."""
    AdvertiserApi(client)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
