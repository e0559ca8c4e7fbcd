"""The asyncio client over real sockets to the sandbox, on both async transports: the compliance cases of
the synchronous client, managed tokens in one flight, cancellation, retries, deadlines and the governor."""

from __future__ import annotations

import asyncio
import itertools
import time
from typing import Any

import pytest
from compliance_cases import BAD_CASES, GOOD_CASES, TOKEN_BODY, Case
from redis_server import redis_server

__all__ = ["redis_server"]  # the fixture, asked for by name below

from criteo_api_marketingsolutions_v2020_10 import Configuration, RateGroup, exceptions
from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, TOKEN_PATH, Fault

aio = pytest.importorskip("criteo_api_marketingsolutions_v2020_10.aio")
pytest.importorskip("aiohttp")
pytest.importorskip("httpx")

PORTFOLIO = "/2021-04/advertisers/me"
SLACK = 0.5


@pytest.fixture(params=["aiohttp", "httpx"])
def aio_transport(request) -> str:
    """Each asynchronous transport in turn."""
    return str(request.param)


def make_aio_client(configuration: Configuration, transport: str, **kwargs: Any) -> Any:
    from criteo_api_marketingsolutions_v2020_10.aio import AiohttpTransport, ApiClient, HttpxTransport

    chosen = HttpxTransport(configuration=configuration) if transport == "httpx" else AiohttpTransport(
        configuration=configuration
    )
    return ApiClient(configuration, transport=chosen, **kwargs)


def managed(sandbox, transport: str, **settings: Any) -> Any:
    configuration = Configuration(host=sandbox.url, client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET)
    for name, value in settings.items():
        setattr(configuration, name, value)
    return make_aio_client(configuration, transport)


def fixed(sandbox, transport: str, **settings: Any) -> Any:
    configuration = Configuration(host=sandbox.url, access_token=sandbox.issue_token())
    for name, value in settings.items():
        setattr(configuration, name, value)
    return make_aio_client(configuration, transport)


def portfolio(client: Any) -> Any:
    from criteo_api_marketingsolutions_v2020_10.aio.api.advertiser_api import AdvertiserApi

    return AdvertiserApi(client).api_portfolio_get()


def demo_token(client: Any) -> Any:
    from criteo_api_marketingsolutions_v2020_10.aio.api.o_auth_api import OAuthApi

    return OAuthApi(client).create_token(
        client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, grant_type="client_credentials"
    )


# ---------------------------------------------------------------- the compliance cases


@pytest.mark.asyncio
@pytest.mark.parametrize("case", GOOD_CASES, ids=lambda c: c.id)
async def test_json_is_read_whatever_the_json_like_content_type(sandbox, aio_transport, case: Case) -> None:
    sandbox.script(TOKEN_PATH, [Fault(status=case.status, headers=case.headers, body=case.body)])
    async with make_aio_client(Configuration(host=sandbox.url), aio_transport) as client:
        jwt = await demo_token(client)
    assert jwt.access_token == TOKEN_BODY["access_token"] and jwt.expires_in == 900


@pytest.mark.asyncio
@pytest.mark.parametrize("case", BAD_CASES, ids=lambda c: c.id)
async def test_every_unexpected_answer_raises_one_documented_exception(sandbox, aio_transport, case: Case) -> None:
    sandbox.script(TOKEN_PATH, [Fault(status=case.status, headers=case.headers, body=case.body, count=10)])
    async with make_aio_client(Configuration(host=sandbox.url), aio_transport) as client:
        with pytest.raises(case.error) as excinfo:
            await demo_token(client)
    error = excinfo.value
    assert isinstance(error, exceptions.ApiException) and case.says in str(error)
    assert error.status == case.status and error.headers is not None


# ---------------------------------------------------------------- managed tokens


@pytest.mark.asyncio
async def test_a_thousand_concurrent_calls_on_a_cold_client_make_one_token_request(sandbox, aio_transport) -> None:
    sandbox.script(TOKEN_PATH, [Fault(delay=0.3)])  # a slow token endpoint: every call arrives while it is out
    async with managed(sandbox, aio_transport, rate_limits=None) as client:
        results = await asyncio.gather(*(portfolio(client) for _ in range(1000)))
    assert len(results) == 1000 and all(r.data for r in results)
    assert sandbox.token_requests == 1
    assert sandbox.api_requests == 1000


@pytest.mark.asyncio
async def test_cancelling_the_fetching_coroutine_lets_a_waiter_fetch(sandbox, aio_transport) -> None:
    sandbox.script(TOKEN_PATH, [Fault(delay=1.0)])
    async with managed(sandbox, aio_transport) as client:
        leader = asyncio.ensure_future(portfolio(client))
        await asyncio.sleep(0.2)  # the leader is fetching the token now
        follower = asyncio.ensure_future(portfolio(client))
        await asyncio.sleep(0.1)
        leader.cancel()
        with pytest.raises(asyncio.CancelledError):
            await leader
        answer = await asyncio.wait_for(follower, 10)
        assert answer.data
        assert client.token_manager.refresh_count == 2  # the follower fetched in turn
        # The cache holds the follower's token, which works.
        assert (await portfolio(client)).data
    assert sandbox.token_requests == 2


@pytest.mark.asyncio
async def test_cancelling_a_call_releases_its_connection_and_keeps_the_token(sandbox, aio_transport) -> None:
    async with managed(sandbox, aio_transport) as client:
        await portfolio(client)
        token = client.token_manager._token
        sandbox.script(PORTFOLIO, [Fault(stall=True)])
        call = asyncio.ensure_future(portfolio(client))
        await asyncio.sleep(0.3)
        call.cancel()
        with pytest.raises(asyncio.CancelledError):
            await call
        assert client.token_manager._token is token  # untouched
        answers = await asyncio.gather(*(portfolio(client) for _ in range(5)))
        assert all(a.data for a in answers)
    assert sandbox.token_requests == 1


@pytest.mark.asyncio
async def test_a_revoked_token_is_refreshed_once_and_the_call_retried(sandbox, aio_transport) -> None:
    async with managed(sandbox, aio_transport) as client:
        await portfolio(client)
        sandbox.revoke_all_tokens()
        answers = await asyncio.gather(*(portfolio(client) for _ in range(20)))
        assert all(a.data for a in answers)
        assert client.stats["unauthorized_retries"] >= 1
    assert sandbox.token_requests == 2


@pytest.mark.asyncio
async def test_tokens_are_refreshed_before_they_expire(sandbox, aio_transport) -> None:
    sandbox.token_lifetime = 2  # refreshed after 1 s (half the lifetime at most is the margin)
    async with managed(sandbox, aio_transport) as client:
        await portfolio(client)
        await asyncio.sleep(1.2)
        await portfolio(client)
    assert sandbox.token_requests == 2 and sandbox.unauthorized_responses == 0


# ---------------------------------------------------------------- retries, deadlines, options, the governor


@pytest.mark.asyncio
async def test_a_transient_503_is_retried(sandbox, aio_transport) -> None:
    sandbox.script(PORTFOLIO, [Fault(status=503, count=2)])
    async with fixed(sandbox, aio_transport) as client:
        client.pipeline.sleep = _no_sleep
        assert (await portfolio(client)).data
        assert client.stats["retries"] == 2


async def _no_sleep(seconds: float) -> None:
    await asyncio.sleep(0)


@pytest.mark.asyncio
async def test_the_call_deadline_ends_a_stalled_answer(sandbox, aio_transport) -> None:
    sandbox.script(PORTFOLIO, [Fault(stall=True, count=5)])
    async with fixed(sandbox, aio_transport, call_deadline=0.8) as client:
        started = time.monotonic()
        with pytest.raises(exceptions.ApiTimeoutError):
            await portfolio(client)
        assert time.monotonic() - started < 0.8 + SLACK


@pytest.mark.asyncio
async def test_per_call_options_work(sandbox, aio_transport) -> None:
    from criteo_api_marketingsolutions_v2020_10.aio.api.advertiser_api import AdvertiserApi

    async with fixed(sandbox, aio_transport) as client:
        api = AdvertiserApi(client)
        data, status, headers = await api.api_portfolio_get(_return_http_data_only=False)
        assert status == 200 and data.data and headers["Content-Type"].startswith("application/json")
        unchecked = await api.api_portfolio_get(_check_return_type=False, _request_timeout=(2, 5))
        assert unchecked.data == data.data
        with pytest.raises(exceptions.ApiTypeError):
            await api.api_portfolio_get(async_req=True)
        with pytest.raises(exceptions.ForbiddenException):
            await AdvertiserApi(client).get_categories(999999)  # not in the portfolio


@pytest.mark.asyncio
async def test_the_governor_spaces_calls_without_blocking_the_loop(sandbox, aio_transport) -> None:
    ticks = []

    async def ticker() -> None:
        while True:
            ticks.append(time.monotonic())
            await asyncio.sleep(0.02)

    async with fixed(sandbox, aio_transport, rate_limits={"default": RateGroup(10, 1.0)}) as client:
        watcher = asyncio.ensure_future(ticker())
        started = time.monotonic()
        await asyncio.gather(*(portfolio(client) for _ in range(25)))
        elapsed = time.monotonic() - started
        watcher.cancel()
        assert client.stats["rate_waits"] >= 10
    assert elapsed >= 1.2  # 25 calls at 10 a second
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert max(gaps) < 0.2  # the loop kept running while calls waited for their slot


@pytest.mark.asyncio
async def test_a_broken_token_answer_is_never_quoted_in_the_error_chain(sandbox, aio_transport) -> None:
    secret = "eyJsecret-token-in-a-status-line"
    sandbox.script(TOKEN_PATH, [Fault(raw=f"HTTP/1.1 2x0 {secret}\r\n\r\n".encode(), count=10)])
    async with managed(sandbox, aio_transport, retries=0) as client:
        with pytest.raises(exceptions.ApiException) as excinfo:
            await portfolio(client)
    chain = []
    error: Any = excinfo.value
    while error is not None and len(chain) < 20:
        chain.append(error)
        error = error.__cause__ or error.__context__
    assert all(secret not in str(e) and secret not in repr(e) for e in chain)


@pytest.mark.asyncio
async def test_a_slow_shared_store_never_holds_the_event_loop(sandbox, request) -> None:
    from redis_server import require_modules

    require_modules("redis", "cryptography")
    server = request.getfixturevalue("redis_server")
    ticks = []

    async def ticker() -> None:
        while True:
            ticks.append(time.monotonic())
            await asyncio.sleep(0.005)

    import redis

    # A client of one's own with 300 ms timeouts: a reservation made on the loop would hold it that long,
    # far above the scheduling noise of a busy machine.
    store = redis.Redis.from_url(server.url, socket_timeout=0.3, socket_connect_timeout=0.3)
    async with fixed(sandbox, "aiohttp", shared_state=store, rate_limits={"default": RateGroup(1000, 60.0)}) as client:
        assert (await portfolio(client)).data  # shared mode, Redis answering
        server.pause(1.5)  # Redis hangs: every reservation waits out its timeout, then falls back
        watcher = asyncio.ensure_future(ticker())
        answers = await asyncio.gather(*(portfolio(client) for _ in range(20)))
        watcher.cancel()
        server.resume()
    assert all(a.data for a in answers)
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    store.close()
    assert gaps and max(gaps) < 0.15  # the 300 ms Redis timeouts were waited out on threads
