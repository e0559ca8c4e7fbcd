"""The rate governor learning from answers (``observe``), and the validation of ``rate_limits``."""

from __future__ import annotations

import math
import time
from typing import Dict, List, Tuple

import pytest
import urllib3
from conftest import FakeClock
from test_rate import AUDIENCES, NOW, REPORT, admitted_times, make_governor, wall_clock

from criteo_api_marketingsolutions_v2020_10._rate import (
    DEFAULT_RATE_LIMITS,
    REPORTING_PATHS,
    Governor,
    LocalRateStore,
    RateGroup,
    check_rate_limits,
)
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError
from criteo_api_marketingsolutions_v2020_10.sandbox import Fault, Sandbox

# --------------------------------------------------------------------------- learning from answers


def test_a_429_with_a_reset_in_10_s_holds_the_group_10_s(clock: FakeClock) -> None:
    governor = make_governor(clock)
    headers = {"x-ratelimit-limit": "250", "x-ratelimit-remaining": "0", "x-ratelimit-reset": str(int(NOW + 10))}
    governor.observe(AUDIENCES, 429, headers, wall_clock)
    assert governor.acquire(AUDIENCES, None) == pytest.approx(10.0)
    # After a hold the calls resume at the steady rate, not with a burst.
    assert governor.acquire(AUDIENCES, None) == pytest.approx(60.6 / 226)
    assert governor.acquire(REPORT, None) == 0.0  # the other group is not held


def test_a_hold_never_pulls_the_schedule_back(clock: FakeClock) -> None:
    governor = make_governor(clock, {"all": RateGroup(1, 100.0)})
    governor.acquire("/x", None)
    governor.observe("/x", 429, {"x-ratelimit-reset": str(int(NOW + 3))}, wall_clock)
    assert governor.acquire("/x", None) == pytest.approx(101.0)


def test_headers_are_read_in_any_case_and_retry_after_serves_a_429_without_reset(clock: FakeClock) -> None:
    governor = make_governor(clock)
    governor.observe(REPORT, 200, {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(NOW + 7))}, wall_clock)
    assert governor.acquire(REPORT, None) == pytest.approx(7.0)
    governor.observe(AUDIENCES, 429, {"Retry-After": "4"}, wall_clock)
    assert governor.acquire(AUDIENCES, None) == pytest.approx(4.0)
    governor.observe(AUDIENCES, 200, {"Retry-After": "30"}, wall_clock)  # not a refusal: nothing to hold
    assert governor.acquire(AUDIENCES, None) == pytest.approx(60.6 / 226)


def test_remaining_zero_holds_until_the_reset_even_on_a_success(clock: FakeClock) -> None:
    governor = make_governor(clock)
    governor.observe(AUDIENCES, 200, {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(int(NOW + 5))}, wall_clock)
    assert governor.acquire(AUDIENCES, None) == pytest.approx(5.0)


def test_remaining_n_admits_exactly_n_calls_before_the_reset(clock: FakeClock) -> None:
    governor = make_governor(clock)
    start = clock()
    governor.observe(AUDIENCES, 200, {"x-ratelimit-remaining": "5", "x-ratelimit-reset": str(int(NOW + 30))}, wall_clock)
    times = admitted_times(governor, clock, AUDIENCES, 8)
    assert sum(t < start + 30 - 1e-6 for t in times) == 5
    assert times[5] == pytest.approx(start + 30)


def test_remaining_above_what_the_schedule_admits_changes_nothing(clock: FakeClock) -> None:
    observed, plain = make_governor(clock), make_governor(clock)
    headers = {"x-ratelimit-remaining": "240", "x-ratelimit-reset": str(int(NOW + 30))}
    observed.observe(AUDIENCES, 200, headers, wall_clock)
    waits = [observed.acquire(AUDIENCES, None) for _ in range(60)]
    assert waits == pytest.approx([plain.acquire(AUDIENCES, None) for _ in range(60)])
    assert waits[:25] == [0.0] * 25


def test_a_lower_advertised_limit_slows_the_group_and_a_higher_one_never_exceeds_the_configured(
    clock: FakeClock,
) -> None:
    governor = make_governor(clock)
    governor.observe(AUDIENCES, 200, {"x-ratelimit-limit": "60"}, wall_clock)
    assert governor.limits["default"] == RateGroup(60, 60.0)
    assert governor.limits["reporting"] == DEFAULT_RATE_LIMITS["reporting"]
    times = admitted_times(governor, clock, AUDIENCES, 20)
    assert times[:6] == pytest.approx([times[0]] * 6)  # 60 // 10 at once
    assert times[7] - times[6] == pytest.approx(60.6 / 55)

    governor.observe(AUDIENCES, 200, {"x-ratelimit-limit": "1000"}, wall_clock)
    assert governor.limits["default"] == RateGroup(250, 60.0)
    governor.observe(REPORT, 200, {"x-ratelimit-limit": "250"}, wall_clock)
    assert governor.limits["reporting"].limit == 40


GARBAGE = ["abc", "-5", "1e400", "", " ", "nan", "inf", "0x10", "1_000", "²", "١٢", "9" * 40, "5, 5;w=60", "\x00"]


@pytest.mark.parametrize("value", GARBAGE)
@pytest.mark.parametrize("status", [200, 429])
def test_garbage_headers_never_raise_and_change_nothing(clock: FakeClock, value: str, status: int) -> None:
    governor = make_governor(clock, {"all": RateGroup(1, 10.0)})
    for name in ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "retry-after"):
        governor.observe("/x", status, {name: value}, wall_clock)
    governor.observe("/x", status, dict.fromkeys(("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"), value), wall_clock)
    assert governor.limits["all"] == RateGroup(1, 10.0)
    assert governor.acquire("/x", None) == 0.0


def test_resets_in_the_past_are_ignored_and_far_ones_are_capped(clock: FakeClock) -> None:
    governor = make_governor(clock)
    governor.observe(AUDIENCES, 429, {"x-ratelimit-reset": str(int(NOW - 30))}, wall_clock)
    governor.observe(AUDIENCES, 429, {"x-ratelimit-reset": "0"}, wall_clock)
    assert governor.acquire(AUDIENCES, None) == 0.0
    a_year = str(int(NOW + 365 * 86400))
    governor.observe(REPORT, 429, {"x-ratelimit-reset": a_year, "x-ratelimit-remaining": "0"}, wall_clock)
    assert governor.acquire(REPORT, None) == pytest.approx(2 * 60.0)


def test_broken_headers_clocks_and_stores_never_fail_the_call(clock: FakeClock) -> None:
    class Unreadable(Dict[str, str]):
        def get(self, *args: object) -> None:
            raise RuntimeError("unreadable")

    class FailingHolds(LocalRateStore):
        def hold_until(self, key: str, seconds: float, interval: float, burst: float) -> None:
            raise ConnectionError("store down")

    def broken_clock() -> float:
        raise OSError("no clock")

    governor = make_governor(clock)
    governor.observe(AUDIENCES, 429, Unreadable(a="b"), wall_clock)
    governor.observe(AUDIENCES, 429, {"x-ratelimit-reset": str(int(NOW + 5))}, broken_clock)
    governor.observe(AUDIENCES, 429, {"x-ratelimit-reset": b"123"}, wall_clock)
    assert governor.acquire(AUDIENCES, None) == 0.0
    failing = Governor(DEFAULT_RATE_LIMITS, FailingHolds(clock), "ns", clock=clock, sleep=clock.sleep)
    failing.observe(AUDIENCES, 429, {"x-ratelimit-reset": str(int(NOW + 5))}, wall_clock)
    assert failing.acquire(AUDIENCES, None) == 0.0


def test_a_real_429_from_the_sandbox_holds_the_reporting_group(clock: FakeClock) -> None:
    with Sandbox() as sandbox:
        sandbox.script(REPORT, Fault(status=429, headers={"retry-after": "3"}))
        answer = urllib3.PoolManager().request("POST", sandbox.url + REPORT, body=b"{}", retries=False)
    assert answer.status == 429
    governor = make_governor(clock)
    before = time.time()
    governor.observe(REPORT, answer.status, answer.headers, time.time)
    waited = governor.acquire(REPORT, None)
    # The sandbox's reset is its clock plus 3 s, rounded up to a whole second.
    assert 2.0 <= waited <= 4.0 + (time.time() - before)
    assert governor.limits["reporting"].limit == 40  # its 250 is the general limit, never adopted here
    assert governor.acquire(AUDIENCES, None) == 0.0


# --------------------------------------------------------------------------- validation


def test_check_rate_limits_accepts_and_normalizes_every_documented_form() -> None:
    assert check_rate_limits(None) is None
    assert dict(check_rate_limits(DEFAULT_RATE_LIMITS) or {}) == dict(DEFAULT_RATE_LIMITS)
    checked = check_rate_limits({"reports": (40, 60, ["/2021-04/statistics/report"]), "rest": [250, 60]})
    assert checked is not None
    assert checked["reports"] == RateGroup(40, 60.0, ("/2021-04/statistics/report",))
    assert checked["rest"] == RateGroup(250, 60.0, ())
    assert isinstance(checked["rest"].window, float) and isinstance(checked["reports"].paths, tuple)
    with pytest.raises(TypeError):
        checked["new"] = RateGroup(1, 1.0)
    assert DEFAULT_RATE_LIMITS["reporting"] == RateGroup(40, 60.0, REPORTING_PATHS)
    assert DEFAULT_RATE_LIMITS["default"] == RateGroup(250, 60.0)


INVALID: List[Tuple[object, str]] = [
    ([("default", (1, 1))], "must be None or a mapping of group name to RateGroup, not list"),
    ("default=250/60", "not str"),
    ({1: (1, 1)}, "a group name must be a non-empty string, not 1"),
    ({"": (1, 1)}, "a group name must be a non-empty string, not ''"),
    ({"default": 250}, "a group must be a RateGroup or a (limit, window[, paths]) tuple at ['rate_limits']['default']"),
    ({"default": (250,)}, "a group must be a RateGroup"),
    ({"default": (1, 2, (), 4)}, "a group must be a RateGroup"),
    ({"default": (0, 60)}, "the limit must be a positive int (calls per window), not 0 at ['rate_limits']['default']"),
    ({"default": (-3, 60)}, "not -3"),
    ({"default": (2.5, 60)}, "not 2.5"),
    ({"default": (True, 60)}, "not True"),
    ({"default": (10, 0)}, "the window must be a positive finite number of seconds, not 0"),
    ({"default": (10, -1.0)}, "not -1.0"),
    ({"default": (10, math.inf)}, "not inf"),
    ({"default": (10, math.nan)}, "not nan"),
    ({"default": (10, "60")}, "not '60'"),
    ({"default": (10, 60), "r": (1, 60, "/x")}, "paths must be a tuple of path prefixes such as ('/2021-04/',), not '/x' at ['rate_limits']['r']"),
    ({"default": (10, 60), "r": (1, 60, ("x",))}, "each path prefix must be a string starting with '/', not 'x'"),
    ({"default": (10, 60), "r": (1, 60, (None,))}, "not None"),
    ({"r": (1, 60, ("/x",))}, "exactly one catch-all group (with no paths), found 0"),
    ({}, "found 0"),
    ({"a": (1, 60), "b": (2, 60)}, "found 2: 'a', 'b'"),
    ({"d": (9, 60), "a": (1, 60, ("/x",)), "b": (2, 60, ("/x",))}, "the path prefix '/x' is claimed by 'a' and 'b'"),
]


@pytest.mark.parametrize("value, message", INVALID, ids=[str(i) for i in range(len(INVALID))])
def test_check_rate_limits_names_what_is_wrong(value: object, message: str) -> None:
    with pytest.raises(ApiValueError) as caught:
        check_rate_limits(value)
    assert message in str(caught.value)


def test_a_governor_validates_its_limits(clock: FakeClock) -> None:
    with pytest.raises(ApiValueError, match="catch-all"):
        make_governor(clock, {"r": RateGroup(1, 1.0, ("/x",))})
    with pytest.raises(ApiValueError, match="needs limits"):
        Governor(None, LocalRateStore(clock), "ns")
