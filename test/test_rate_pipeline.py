"""The rate governor in the call path: on by default, shared by clients of one application, bounded by
the call deadline, learning from the server's headers. Real sockets to the sandbox, both transports."""

from __future__ import annotations

import threading
import time

import pytest
from conftest import make_client

from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration, exceptions
from criteo_api_marketingsolutions_v2020_10._rate import DEFAULT_RATE_LIMITS, RateGroup, RateLimitWaitError
from criteo_api_marketingsolutions_v2020_10.api.advertiser_api import AdvertiserApi
from criteo_api_marketingsolutions_v2020_10.sandbox import Fault

pytestmark = pytest.mark.governed

PORTFOLIO = "/2021-04/advertisers/me"


def fixed_configuration(sandbox, token=None, **settings) -> Configuration:
    configuration = Configuration(host=sandbox.url, access_token=token or sandbox.issue_token())
    for name, value in settings.items():
        setattr(configuration, name, value)
    return configuration


def test_criteo_s_limits_are_on_by_default() -> None:
    configuration = Configuration()
    assert configuration.rate_limits is DEFAULT_RATE_LIMITS
    assert configuration.rate_limits["default"].limit == 250 and configuration.rate_limits["reporting"].limit == 40
    assert configuration.shared_state is None


def test_calls_are_spaced_so_the_limit_is_never_exceeded(sandbox, transport_name) -> None:
    limits = {"default": RateGroup(10, 1.0)}
    sent = []
    with make_client(fixed_configuration(sandbox, rate_limits=limits), transport_name) as client:
        api = AdvertiserApi(client)
        for _ in range(25):
            api.api_portfolio_get()
            sent.append(time.monotonic())
        stats = dict(client.stats)
    # Whatever the burst, no 1-second span may hold more than 10 answered calls.
    most = max(sum(1 for t in sent if start <= t <= start + 1.0) for start in sent)
    assert most <= 10 + 1  # one answer may land just inside a span its request began outside of
    assert sent[-1] - sent[0] >= 1.2  # 25 calls at 10 a second cannot take less
    assert stats["rate_waits"] >= 10 and stats["rate_wait_seconds"] > 1.0 and stats["rate_refusals"] == 0


def test_a_wait_past_the_deadline_is_refused_without_sending(sandbox) -> None:
    limits = {"default": RateGroup(2, 60.0)}
    with ApiClient(fixed_configuration(sandbox, rate_limits=limits, call_deadline=0.5)) as client:
        api = AdvertiserApi(client)
        api.api_portfolio_get()
        sent = sandbox.api_requests
        started = time.monotonic()
        with pytest.raises(RateLimitWaitError) as excinfo:
            api.api_portfolio_get()
        assert time.monotonic() - started < 0.2  # refused at once, not after sleeping
        assert sandbox.api_requests == sent  # nothing was sent
        error = excinfo.value
        assert isinstance(error, exceptions.TooManyRequestsException) and error.status == 429
        assert error.group == "default" and error.wait > 0.5 and "nothing was sent" in str(error)
        assert client.stats["rate_refusals"] == 1


def test_a_429_holds_the_group_until_the_reset_the_server_gave(sandbox) -> None:
    reset_in = 2
    headers = {"x-ratelimit-limit": "250", "x-ratelimit-remaining": "0", "x-ratelimit-reset": str(int(time.time()) + reset_in)}
    sandbox.script(PORTFOLIO, Fault(status=429, headers=headers))
    with ApiClient(fixed_configuration(sandbox, retries=0, call_deadline=0.5)) as client:
        api = AdvertiserApi(client)
        with pytest.raises(exceptions.TooManyRequestsException) as first:
            api.api_portfolio_get()
        assert not isinstance(first.value, RateLimitWaitError)  # the server's own 429
        sent = sandbox.api_requests
        with pytest.raises(RateLimitWaitError):
            api.api_portfolio_get()  # held: the reset is further away than the deadline
        assert sandbox.api_requests == sent


def test_the_held_call_goes_once_the_reset_has_passed(sandbox) -> None:
    reset_at = int(time.time()) + 2
    headers = {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(reset_at)}
    sandbox.script(PORTFOLIO, Fault(status=429, headers=headers))
    with ApiClient(fixed_configuration(sandbox, call_deadline=10)) as client:
        started, started_wall = time.monotonic(), time.time()
        assert AdvertiserApi(client).api_portfolio_get().data  # the 429 is retried after the reset
        assert time.monotonic() - started >= reset_at - started_wall - 0.1
    assert sandbox.api_requests == 2  # one refused, one answered: no hammering in between


def test_clients_with_the_same_credentials_share_one_budget(sandbox) -> None:
    token = sandbox.issue_token()
    limits = {"default": RateGroup(30, 60.0)}  # a burst of 3 calls, then one every 2.2 s
    first = ApiClient(fixed_configuration(sandbox, token, rate_limits=limits, call_deadline=0.3))
    second = ApiClient(fixed_configuration(sandbox, token, rate_limits=limits, call_deadline=0.3))
    other = ApiClient(fixed_configuration(sandbox, sandbox.issue_token(), rate_limits=limits, call_deadline=0.3))
    with first, second, other:
        AdvertiserApi(first).api_portfolio_get()
        AdvertiserApi(second).api_portfolio_get()
        AdvertiserApi(first).api_portfolio_get()
        with pytest.raises(RateLimitWaitError):
            AdvertiserApi(second).api_portfolio_get()  # the budget of both is spent
        assert AdvertiserApi(other).api_portfolio_get().data  # other credentials: their own budget


def test_threads_sharing_a_client_stay_under_the_limit(sandbox) -> None:
    limits = {"default": RateGroup(20, 1.0)}
    times = []
    lock = threading.Lock()
    with ApiClient(fixed_configuration(sandbox, rate_limits=limits)) as client:
        def work() -> None:
            for _ in range(5):
                AdvertiserApi(client).api_portfolio_get()
                with lock:
                    times.append(time.monotonic())

        threads = [threading.Thread(target=work) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(times) == 40
    most = max(sum(1 for t in times if start <= t <= start + 1.0) for start in times)
    assert most <= 20 + 1


def test_rate_limits_none_turns_the_governor_off(sandbox) -> None:
    with ApiClient(fixed_configuration(sandbox, rate_limits=None, call_deadline=0.5)) as client:
        for _ in range(60):
            AdvertiserApi(client).api_portfolio_get()
        assert client.stats["rate_waits"] == 0 and client.stats["rate_refusals"] == 0


@pytest.mark.parametrize("value", [{"default": (0, 60)}, {"default": (10, -1)}, {"a": (1, 1, ("/x",))}, "fast"])
def test_bad_rate_limits_are_refused_before_any_io(sandbox, value) -> None:
    with ApiClient(fixed_configuration(sandbox, rate_limits=value)) as client, pytest.raises(exceptions.ApiValueError):
        AdvertiserApi(client).api_portfolio_get()
    assert sandbox.api_requests == 0


def test_the_token_request_is_not_governed(sandbox) -> None:
    from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi
    from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

    configuration = Configuration(host=sandbox.url)
    configuration.rate_limits = {"default": RateGroup(1, 60.0)}
    with ApiClient(configuration) as client:
        for _ in range(5):
            OAuthApi(client).create_token(
                client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, grant_type="client_credentials"
            )
        assert client.stats["rate_waits"] == 0
    assert sandbox.token_requests == 5


def test_a_copied_configuration_shares_the_shared_state_object() -> None:
    import copy

    class Connection:  # stands for a redis.Redis: a live connection, not a value
        def __deepcopy__(self, memo):
            raise AssertionError("a connection must not be copied")

    configuration = Configuration()
    configuration.shared_state = Connection()
    assert copy.deepcopy(configuration).shared_state is configuration.shared_state


def test_the_default_configuration_with_its_rate_limits_can_be_copied() -> None:
    original = Configuration(host="http://127.0.0.1:9")
    Configuration.set_default(original)
    try:
        copied = Configuration.get_default_copy()
    finally:
        Configuration.set_default(None)
    assert copied.rate_limits is DEFAULT_RATE_LIMITS and copied.host == original.host
