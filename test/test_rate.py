"""The rate governor: GCRA spacing, groups, deadlines, threads, the registry, counters and the local store
(learning from answers and validating `rate_limits`: test_rate_observe.py)."""

from __future__ import annotations

import bisect
import gc
import logging
import math
import pickle
import threading
import time
import weakref
from itertools import pairwise
from typing import Dict, List, Mapping, Optional

import pytest
from conftest import FakeClock

from criteo_api_marketingsolutions_v2020_10._rate import (
    DEFAULT_RATE_LIMITS,
    REPORTING_PATHS,
    Governor,
    LocalRateStore,
    RateGroup,
    RateLimitWaitError,
    check_rate_limits,
    governor_for,
    process_store,
    schedule_of,
)
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError, TooManyRequestsException

REPORT = "/2021-04/statistics/report"
TRANSACTIONS = "/2021-04/transactions/report"
AUDIENCES = "/2021-04/audiences"
NOW = 1_700_000_000.0  # the fake wall clock, Unix time


def wall_clock() -> float:
    return NOW


def busiest_window(times: List[float], window: float) -> int:
    """The most calls in any closed span ``[t, t + window]`` (each starting at a call: the worst spans do)."""
    ordered = sorted(times)
    return max(bisect.bisect_right(ordered, t + window) - i for i, t in enumerate(ordered))


def expected_busiest(limit: int) -> int:
    """What the module documents as the busiest window: b burst calls plus the steady ones that fit."""
    burst_calls = max(1, limit // 10)
    return math.floor((limit - burst_calls + 1) / 1.01) + burst_calls


def make_governor(
    clock: FakeClock, limits: Mapping[str, RateGroup] = DEFAULT_RATE_LIMITS, **kwargs: object
) -> Governor:
    store = LocalRateStore(clock=clock)
    return Governor(limits, store, "ns", clock=clock, sleep=clock.sleep, **kwargs)


def admitted_times(governor: Governor, clock: FakeClock, path: str, calls: int) -> List[float]:
    times = []
    for _ in range(calls):
        governor.acquire(path, None)
        times.append(clock())
    return times


# --------------------------------------------------------------------------- spacing


def test_a_thousand_calls_at_250_a_minute_never_put_more_than_250_in_any_minute(clock: FakeClock) -> None:
    governor = make_governor(clock)
    start = clock()
    times = admitted_times(governor, clock, AUDIENCES, 1000)

    assert busiest_window(times, 60.0) == expected_busiest(250) == 248
    assert busiest_window(times, 60.0) <= 250
    # The cold start goes at once, then the steady spacing, exactly.
    assert times[:25] == [start] * 25
    interval = 60.0 * 1.01 / 226
    gaps = [b - a for a, b in pairwise(times[25:])]
    assert gaps == pytest.approx([interval] * len(gaps), rel=1e-9)
    assert times[25] - times[24] == pytest.approx(interval)
    # 975 steady calls; within 10 % of the 240 s that 1000 calls at 250 a minute take.
    assert times[-1] - start == pytest.approx(975 * interval)
    assert 240.0 < times[-1] - start < 240.0 * 1.10


@pytest.mark.parametrize("limit, window", [(1, 10.0), (2, 1.0), (7, 3.0), (40, 60.0), (99, 60.0), (1000, 60.0)])
def test_the_busiest_window_is_exactly_the_documented_bound_for_any_limit(
    clock: FakeClock, limit: int, window: float
) -> None:
    governor = make_governor(clock, {"all": RateGroup(limit, window)})
    times = admitted_times(governor, clock, "/x", 3 * limit + 5)
    assert busiest_window(times, window) == expected_busiest(limit) <= limit
    # Any limit + 1 consecutive calls are more than a window apart, by the guard.
    assert min(b - a for a, b in zip(times, times[limit:])) >= window * 1.01 * (1 - 1e-9)


def test_schedule_of_gives_the_burst_and_the_steady_spacing() -> None:
    schedule = schedule_of(RateGroup(250, 60.0))
    assert schedule.burst_calls == 25
    assert schedule.interval == pytest.approx(60.6 / 226)
    assert schedule.burst == pytest.approx(24 * schedule.interval)
    single = schedule_of(RateGroup(1, 10.0))
    assert (single.burst_calls, single.burst) == (1, 0.0)
    assert single.interval == pytest.approx(10.1)


def test_a_quiet_period_gives_back_the_burst_but_no_more(clock: FakeClock) -> None:
    governor = make_governor(clock, {"all": RateGroup(20, 10.0)})
    admitted_times(governor, clock, "/x", 30)
    clock.advance(3600)
    start = clock()
    times = admitted_times(governor, clock, "/x", 4)
    assert times[:2] == [start, start]  # b = 2
    assert times[2] > start


# --------------------------------------------------------------------------- groups


def test_reporting_paths_have_their_own_slower_budget(clock: FakeClock) -> None:
    governor = make_governor(clock)
    start = clock()
    for _ in range(4):  # the reporting burst: 40 // 10
        assert governor.acquire(REPORT, None) == 0.0
    assert governor.acquire(AUDIENCES, None) == 0.0  # another budget: not slowed
    waited = governor.acquire(TRANSACTIONS, None)
    assert waited == pytest.approx(60.6 / 37)
    assert clock() - start == pytest.approx(60.6 / 37)
    assert governor.acquire(AUDIENCES, None) == 0.0


def test_group_of_matches_the_reporting_prefixes_and_falls_back_to_the_catch_all(clock: FakeClock) -> None:
    governor = make_governor(clock)
    assert governor.group_of(REPORT) == "reporting"
    assert governor.group_of(TRANSACTIONS + "?format=csv") == "reporting"
    assert governor.group_of(AUDIENCES) == "default"
    assert governor.group_of("/unknown/path") == "default"
    assert governor.group_of("https://api.criteo.com" + REPORT) == "reporting"
    assert governor.group_of("https://api.criteo.com") == "default"


def test_group_of_prefers_the_most_specific_custom_group(clock: FakeClock) -> None:
    limits = {"wide": (10, 60, ("/x",)), "narrow": (5, 60, ["/x/y"]), "rest": (100, 60)}
    custom = make_governor(clock, check_rate_limits(limits) or {})
    assert custom.group_of("/x/y/z") == "narrow"
    assert custom.group_of("/x/q") == "wide"
    assert custom.group_of("/x") == "wide"
    assert custom.group_of("/y") == "rest"


def test_store_keys_are_namespace_colon_group(clock: FakeClock) -> None:
    seen: List[str] = []

    class Recording(LocalRateStore):
        def reserve(self, key: str, interval: float, burst: float, max_wait: Optional[float]) -> Optional[float]:
            seen.append(key)
            return super().reserve(key, interval, burst, max_wait)

    governor = Governor(DEFAULT_RATE_LIMITS, Recording(clock), "3f2a", clock=clock, sleep=clock.sleep)
    governor.acquire(REPORT, None)
    governor.acquire(AUDIENCES, None)
    assert seen == ["3f2a:reporting", "3f2a:default"]


# --------------------------------------------------------------------------- the deadline


def test_a_wait_past_the_deadline_raises_at_once_and_reserves_nothing(clock: FakeClock) -> None:
    governor = make_governor(clock, {"all": RateGroup(1, 10.0)})
    assert governor.acquire("/x", 5.0) == 0.0
    with pytest.raises(RateLimitWaitError) as caught:
        governor.acquire("/x", 5.0)
    error = caught.value
    assert clock.sleeps == []
    assert isinstance(error, TooManyRequestsException)
    assert error.status == 429 and error.group == "all" and error.exact
    assert error.wait == pytest.approx(10.1) and error.retry_after == error.wait
    assert "'all'" in str(error) and "10.100 s" in str(error) and "nothing was sent" in str(error)
    # The refused call took no slot: the next one waits for the first free slot, not the one after it.
    assert governor.acquire("/x", 20.0) == pytest.approx(10.1)
    assert clock.sleeps == [pytest.approx(10.1)]
    assert governor.stats["rate_refusals"] == 1


def test_no_deadline_waits_whatever_it_takes_and_zero_left_passes_when_no_wait_is_needed(clock: FakeClock) -> None:
    governor = make_governor(clock, {"all": RateGroup(1, 100.0)})
    assert governor.acquire("/x", 0.0) == 0.0
    assert governor.acquire("/x", None) == pytest.approx(101.0)
    with pytest.raises(RateLimitWaitError):
        governor.acquire("/x", -1.0)


def test_a_store_that_cannot_peek_gives_the_time_left_as_a_lower_bound(clock: FakeClock) -> None:
    class Plain:
        def __init__(self) -> None:
            self.inner = LocalRateStore(clock)

        def reserve(self, key: str, interval: float, burst: float, max_wait: Optional[float]) -> Optional[float]:
            return self.inner.reserve(key, interval, burst, max_wait)

        def hold_until(self, key: str, seconds: float, interval: float, burst: float) -> None:
            self.inner.hold_until(key, seconds, interval, burst)

    governor = Governor({"all": RateGroup(1, 10.0)}, Plain(), "ns", clock=clock, sleep=clock.sleep)
    governor.acquire("/x", None)
    with pytest.raises(RateLimitWaitError) as caught:
        governor.acquire("/x", 2.5)
    assert not caught.value.exact and caught.value.wait == 2.5
    assert "more than 2.500 s" in str(caught.value)


def test_the_refusal_survives_pickling() -> None:
    error = RateLimitWaitError("reporting", 12.5, 3.0)
    clone = pickle.loads(pickle.dumps(error))
    assert (type(clone), clone.group, clone.wait, clone.remaining, str(clone)) == (
        RateLimitWaitError, "reporting", 12.5, 3.0, str(error),
    )


# --------------------------------------------------------------------------- threads, real time


def test_eight_threads_sharing_a_governor_never_exceed_the_limit() -> None:
    limit, window = 20, 0.5
    local = threading.local()

    def reading_clock() -> float:
        local.now = time.monotonic()
        return float(local.now)

    planned: List[float] = []
    returned: List[float] = []
    lock = threading.Lock()

    class Planning(LocalRateStore):
        def reserve(self, key: str, interval: float, burst: float, max_wait: Optional[float]) -> Optional[float]:
            wait = super().reserve(key, interval, burst, max_wait)
            assert wait is not None
            with lock:
                planned.append(local.now + wait)  # the store's own reading of the clock, under its lock
            return wait

    governor = Governor({"all": RateGroup(limit, window)}, Planning(reading_clock), "ns")

    def worker() -> None:
        for _ in range(8):
            governor.acquire("/x", None)
            with lock:
                returned.append(time.monotonic())

    threads = [threading.Thread(target=worker) for _ in range(8)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started

    assert len(planned) == len(returned) == 64
    assert busiest_window(planned, window) == expected_busiest(limit) == 20
    interval = window * 1.01 / 19
    ordered = sorted(planned)
    assert min(b - a for a, b in zip(ordered, ordered[limit:])) >= window * 1.01 * (1 - 1e-9)
    # Real wake-ups are late by scheduling noise only: allow 50 ms of it.
    assert busiest_window(returned, window - 0.05) <= limit
    assert 62 * interval * 0.95 <= elapsed < 3.0
    assert governor.stats["rate_waits"] >= 60


# --------------------------------------------------------------------------- the process-wide registry


def test_governor_for_shares_one_governor_per_identity_limits_and_store(clock: FakeClock) -> None:
    store = LocalRateStore(clock)
    first = governor_for(DEFAULT_RATE_LIMITS, "id-a", store, clock=clock, sleep=clock.sleep)
    assert first is not None
    assert governor_for(DEFAULT_RATE_LIMITS, "id-a", store) is first
    as_tuples = {"reporting": (40, 60, REPORTING_PATHS), "default": (250, 60.0)}
    assert governor_for(as_tuples, "id-a", store) is first
    assert governor_for(DEFAULT_RATE_LIMITS, "id-b", store) is not first
    assert governor_for({"all": RateGroup(10, 60.0)}, "id-a", store) is not first
    assert governor_for(DEFAULT_RATE_LIMITS, "id-a", LocalRateStore(clock)) is not first
    assert governor_for(None, "id-a", store) is None
    default_one = governor_for(DEFAULT_RATE_LIMITS, "id-a")
    assert default_one is governor_for(DEFAULT_RATE_LIMITS, "id-a") is not first
    with pytest.raises(ApiValueError, match="identity"):
        governor_for(DEFAULT_RATE_LIMITS, "")


def test_a_dropped_governor_leaves_its_budget_in_the_store(clock: FakeClock) -> None:
    store = LocalRateStore(clock)
    limits = {"all": RateGroup(1, 10.0)}
    governor = governor_for(limits, "id-drop", store, clock=clock, sleep=clock.sleep)
    assert governor is not None and governor.acquire("/x", None) == 0.0
    dropped = weakref.ref(governor)
    del governor
    gc.collect()
    assert dropped() is None  # the registry held it weakly
    again = governor_for(limits, "id-drop", store, clock=clock, sleep=clock.sleep)
    assert again is not None
    assert again.acquire("/x", None) == pytest.approx(10.1)


def test_without_a_store_governors_share_the_process_store(clock: FakeClock) -> None:
    limits = {"all": RateGroup(1, 10.0)}
    governor = governor_for(limits, "id-process-store", clock=clock, sleep=clock.sleep)
    assert governor is not None
    assert process_store().peek("id-process-store:all", 10.1, 0.0) == 0.0
    governor.acquire("/x", None)
    assert process_store().peek("id-process-store:all", 10.1, 0.0) > 9.0  # real clock: a little has passed


def test_governor_for_is_thread_safe() -> None:
    store = LocalRateStore()
    found: List[object] = []
    barrier = threading.Barrier(8)

    def worker() -> None:
        barrier.wait()
        found.append(governor_for(DEFAULT_RATE_LIMITS, "id-race", store))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(found) == 8 and all(g is found[0] for g in found) and found[0] is not None


# --------------------------------------------------------------------------- counters, log, store


def test_counters_count_waits_their_seconds_and_refusals(clock: FakeClock) -> None:
    stats: Dict[str, float] = {"other": 7}
    governor = make_governor(clock, {"all": RateGroup(1, 10.0)}, stats=stats)
    assert stats == {"other": 7, "rate_waits": 0, "rate_wait_seconds": 0, "rate_refusals": 0}
    governor.acquire("/x", None)
    assert stats["rate_waits"] == 0
    governor.acquire("/x", None)
    governor.acquire("/x", None)
    with pytest.raises(RateLimitWaitError):
        governor.acquire("/x", 1.0)
    assert stats["rate_waits"] == 2
    assert stats["rate_wait_seconds"] == pytest.approx(20.2)
    assert stats["rate_refusals"] == 1 and stats["other"] == 7
    assert governor.stats is stats


def test_a_wait_that_sleeps_nothing_counts_as_none_waited() -> None:
    clock = FakeClock()
    governor = Governor({"all": RateGroup(1, 10.0)}, LocalRateStore(clock), "ns", clock=clock, sleep=lambda s: None)
    governor.acquire("/x", None)
    assert governor.acquire("/x", None) == 0.0
    assert governor.stats["rate_waits"] == 1 and governor.stats["rate_wait_seconds"] == 0


def test_each_wait_logs_one_debug_line_with_group_and_seconds(clock: FakeClock, caplog: pytest.LogCaptureFixture) -> None:
    governor = make_governor(clock, {"slow": RateGroup(1, 10.0)})
    with caplog.at_level(logging.DEBUG, logger="criteo_api_marketingsolutions_v2020_10._rate"):
        governor.acquire("/x", None)
        governor.acquire("/x", None)
    waits = [r.getMessage() for r in caplog.records if "waiting" in r.getMessage()]
    assert waits == ["rate limit 'slow': waiting 10.100 s"]


def test_local_store_follows_gcra_and_forgets_idle_keys(clock: FakeClock) -> None:
    store = LocalRateStore(clock)
    assert [store.reserve("k", 2.0, 4.0, None) for _ in range(4)] == [0.0, 0.0, 0.0, 2.0]
    assert store.peek("k", 2.0, 4.0) == 4.0 and store.reserve("k", 2.0, 4.0, 3.9) is None
    assert store.reserve("k", 2.0, 4.0, 4.0) == 4.0
    store.hold_until("k", 1.0, 2.0, 4.0)  # earlier than the schedule: no change
    assert store.peek("k", 2.0, 4.0) == 6.0
    store.hold_until("k", math.inf, 2.0, 4.0)  # nonsense is ignored
    assert store.peek("k", 2.0, 4.0) == 6.0
    store.reserve("busy", 1e6, 0.0, None)
    for n in range(1100):
        store.reserve(f"idle-{n}", 1.0, 0.0, None)
        clock.advance(2.0)
    assert len(store) < 100  # pruned once, at 1024 keys
    assert store.peek("busy", 1e6, 0.0) > 0  # a key whose schedule is ahead is kept
    assert repr(store).startswith("LocalRateStore(keys=")


def test_the_default_limits_are_exported_for_those_who_put_them_back() -> None:
    import criteo_api_marketingsolutions_v2020_10 as package
    from criteo_api_marketingsolutions_v2020_10 import _rate_groups

    # (The configuration module's own reference is switched off for most tests by conftest.)
    assert package.DEFAULT_RATE_LIMITS is _rate_groups.DEFAULT_RATE_LIMITS
    assert set(package.REPORTING_PATHS) == set(package.DEFAULT_RATE_LIMITS["reporting"].paths)
    assert {"DEFAULT_RATE_LIMITS", "REPORTING_PATHS"} <= set(package.__all__)
