"""The rate governor: spaces the calls of one application (one client id) so that Criteo's limits are never
exceeded, instead of running into 429 answers and retrying.

Criteo allows 250 calls a minute per application, and 40 a minute on the reporting endpoints. Each limit is a
``RateGroup``; a call belongs to the group whose path prefix is the longest one matching, else to the one
catch-all group. The state of each group lives in a ``RateStore`` under ``f"{namespace}:{group}"``.

The spacing of each group (GCRA, with the proof that no window ever holds more than ``limit`` calls)
is in ``_rate_groups``, the state in a ``RateStore`` (``_rate_store``).

``Governor.observe`` learns from the answers: the real limit (``x-ratelimit-limit``), and holds from
``x-ratelimit-remaining`` and ``x-ratelimit-reset``, which only ever delay calls. No I/O here.
"""

from __future__ import annotations

import math
import re
import threading
import time
import weakref
from types import MappingProxyType
from typing import Any, Callable, Dict, Mapping, Optional, Tuple, cast

from criteo_api_marketingsolutions_v2020_10 import _log
from criteo_api_marketingsolutions_v2020_10._rate_groups import (
    BURST_DIVISOR,
    DEFAULT_RATE_LIMITS,
    GUARD,
    REPORTING_PATHS,
    RateGroup,
    Schedule,
    check_rate_limits,
    schedule_of,
)
from criteo_api_marketingsolutions_v2020_10._rate_store import LocalRateStore, RateStore, SupportsPeek
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError, TooManyRequestsException

__all__ = [
    "RateGroup", "Schedule", "REPORTING_PATHS", "DEFAULT_RATE_LIMITS", "BURST_DIVISOR", "GUARD", "MAX_HOLD_WINDOWS",
    "RateStore", "SupportsPeek", "LocalRateStore", "RateLimitWaitError", "Governor", "schedule_of",
    "check_rate_limits", "governor_for", "process_store",
]

logger = _log.get_logger(__name__)

MAX_HOLD_WINDOWS = 2.0  #: a hold learned from the server lasts at most this many windows: a bad clock cannot stall
_DIGITS = re.compile(r"[0-9]{1,12}")
_SECONDS = re.compile(r"[0-9]{1,12}(?:\.[0-9]{1,9})?")
_COUNTERS = ("rate_waits", "rate_wait_seconds", "rate_refusals")
# Waits shorter than this are rounding residue of the schedule's sums (1e-13 s), not a real wait: sleeping or
# counting them would only add noise, and admitting a call a microsecond early is far inside the guard.
_NEGLIGIBLE_WAIT = 1e-6


# --------------------------------------------------------------------------- the governor


class RateLimitWaitError(TooManyRequestsException):
    """The governor would have to wait past the call deadline: nothing was sent.

    ``group`` names the limit, ``wait`` the seconds the call would have had to wait (``exact`` False: at least
    that long, when the store cannot tell more), also given as ``retry_after``; ``remaining`` is the time the
    deadline had left.
    """

    def __init__(self, group: str, wait: float, remaining: float, exact: bool = True) -> None:
        self.group, self.wait, self.remaining, self.exact = group, wait, remaining, exact
        self.retry_after = wait
        bound = "" if exact else "more than "
        reason = (
            f"rate limit {group!r}: the call would have to wait {bound}{wait:.3f} s, past its deadline "
            f"({remaining:.3f} s left); nothing was sent"
        )
        super().__init__(429, reason)

    def __reduce__(self) -> Tuple[Any, ...]:
        return type(self), (self.group, self.wait, self.remaining, self.exact)


class Governor:
    """Spaces the calls of one application (one set of credentials) so its limits are never exceeded.

    ``stats`` (optional) receives the counters ``rate_waits``, ``rate_wait_seconds`` and ``rate_refusals``.
    Thread-safe; the budget itself lives in ``store``, so governors of the same namespace on the same store
    share it.
    """

    def __init__(
        self, limits: Mapping[str, RateGroup], store: RateStore, namespace: str, *,
        clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
        stats: Optional[Dict[str, float]] = None,
    ) -> None:
        checked = check_rate_limits(limits)
        if checked is None:
            raise ApiValueError("a Governor needs limits; use governor_for(None, ...) to turn governing off")
        self._configured = self._limits = checked
        # Longest prefix first, so that the first match is the most specific group.
        self._prefixes = sorted(
            ((prefix, name) for name, group in checked.items() for prefix in group.paths), key=lambda p: -len(p[0])
        )
        self._catch_all = next(name for name, group in checked.items() if not group.paths)
        self._store, self._namespace, self._clock, self._sleep = store, namespace, clock, sleep
        self.stats: Dict[str, float] = stats if stats is not None else {}
        for counter in _COUNTERS:
            self.stats.setdefault(counter, 0)
        self._lock = threading.Lock()
        self._plans: Optional[Tuple[Mapping[str, RateGroup], Dict[str, Tuple[str, Schedule]]]] = None

    @property
    def in_process(self) -> bool:
        """Whether the budget lives in this process (a reservation is a lock and a dict, never I/O)."""
        return isinstance(self._store, LocalRateStore)

    @property
    def limits(self) -> Mapping[str, RateGroup]:
        """The effective limits: those configured, lowered to what the server advertised since, if less."""
        return self._limits

    def group_of(self, path: str) -> str:
        """The group of ``path`` (a request path, or a whole URL): longest matching prefix, else the catch-all."""
        if not path.startswith("/"):
            path = _path_of_url(path)
        for prefix, name in self._prefixes:
            if path.startswith(prefix):
                return name
        return self._catch_all

    def acquire(
        self, path: str, remaining: Optional[float], *, sleep: Optional[Callable[[float], None]] = None,
        stats: Optional[Dict[str, Any]] = None,
    ) -> float:
        """Wait until a call to `path` may go; return the seconds waited. `remaining` is the call deadline's
        time left (None: no deadline): when the wait would pass it, raise RateLimitWaitError at once, reserving
        nothing and sleeping not at all.

        ``sleep`` is the caller's (the client's, injectable in tests), else the governor's; ``stats`` (the
        client's counters) gets the same counts as the governor's own. The seconds waited are measured on
        ``clock`` around the sleep, so they are what the deadline lost."""
        wait = self._reserve(path, remaining, stats)
        if wait < _NEGLIGIBLE_WAIT:
            return 0.0
        started = self._clock()
        (sleep or self._sleep)(wait)
        waited = max(0.0, self._clock() - started)
        self._count("rate_waits", 1, stats)
        self._count("rate_wait_seconds", waited, stats)
        return waited

    def reserve(self, path: str, remaining: Optional[float], *, stats: Optional[Dict[str, Any]] = None) -> float:
        """Reserve the slot of a call to `path` and return how long to wait for it, without waiting: for a
        caller that sleeps its own way (the asynchronous client). Refuses as ``acquire`` does; the wait is
        counted as planned."""
        wait = self._reserve(path, remaining, stats)
        if wait < _NEGLIGIBLE_WAIT:
            return 0.0
        self._count("rate_waits", 1, stats)
        self._count("rate_wait_seconds", wait, stats)
        return wait

    def _reserve(self, path: str, remaining: Optional[float], stats: Optional[Dict[str, Any]]) -> float:
        group = self.group_of(path)
        key, schedule = self._plan(group)
        max_wait = None if remaining is None else max(0.0, remaining)
        wait = self._store.reserve(key, schedule.interval, schedule.burst, max_wait)
        if wait is None:
            self._count("rate_refusals", 1, stats)
            raise self._refusal(group, key, schedule, max_wait or 0.0)
        if wait >= _NEGLIGIBLE_WAIT:
            logger.debug("rate limit %r: waiting %.3f s", group, wait)
        return wait

    def observe(self, path: str, status: int, headers: Mapping[str, str], wall_clock: Callable[[], float]) -> None:
        """Learn from an answer: x-ratelimit-limit (the real limit of this group, for this governor from now on,
        never above the configured one), x-ratelimit-remaining and x-ratelimit-reset (when remaining is 0 or the
        status is 429, hold the group's key until the reset, or for ``Retry-After`` seconds on a 429 without a
        reset; when remaining > 0, make sure no more than `remaining` calls are admitted before reset, if the
        current schedule would admit more). Values that make no sense are ignored; holds last at most
        ``MAX_HOLD_WINDOWS`` windows; never raises for what the headers hold."""
        advertised = _parse(_header(headers, "x-ratelimit-limit"), _DIGITS)
        until_reset = _seconds_until_reset(headers, status, wall_clock)
        if until_reset is None and advertised is None:
            return  # nothing to learn: most answers, kept cheap
        group = self.group_of(path)
        if advertised is not None and advertised >= 1:
            self._learn_limit(group, int(advertised))
        if until_reset is None:
            return
        left = _parse(_header(headers, "x-ratelimit-remaining"), _DIGITS)
        window = self._limits[group].window
        until_reset = min(until_reset, MAX_HOLD_WINDOWS * window)
        if status == 429 or left == 0:
            self._hold(group, until_reset)
        elif left is not None:
            # Only `left` more calls fit before the reset: the schedule moves so that its next `left` slots end
            # there (already the case when it is slower than that) and the call after them waits for the reset.
            self._hold(group, until_reset - left * schedule_of(self._limits[group]).interval)

    def __repr__(self) -> str:
        return f"Governor(limits={dict(self._limits)!r})"

    def _key(self, group: str) -> str:
        return f"{self._namespace}:{group}"

    def _plan(self, group: str) -> Tuple[str, Schedule]:
        """The store key and the spacing of ``group``, kept until the group's limit changes."""
        limits = self._limits
        plans = self._plans
        if plans is None or plans[0] is not limits:
            plans = self._plans = (limits, {name: (self._key(name), schedule_of(g)) for name, g in limits.items()})
        return plans[1][group]

    def _count(self, counter: str, amount: float, also: Optional[Dict[str, Any]] = None) -> None:
        with self._lock:
            self.stats[counter] = self.stats.get(counter, 0) + amount
            if also is not None:
                also[counter] = also.get(counter, 0) + amount

    def _refusal(self, group: str, key: str, schedule: Schedule, max_wait: float) -> RateLimitWaitError:
        if isinstance(self._store, SupportsPeek):
            wait = self._store.peek(key, schedule.interval, schedule.burst)
            # Time moved, or other callers reserved, since the refusal: only a wait past the deadline is exact.
            if wait > max_wait:
                return RateLimitWaitError(group, wait, max_wait)
        return RateLimitWaitError(group, max_wait, max_wait, exact=False)

    def _learn_limit(self, group: str, advertised: int) -> None:
        # A higher limit than configured is not adopted: the header may count another bucket (the general one,
        # on a reporting path), and guessing high is what gets calls refused. Configure a bigger quota instead.
        limit = min(advertised, self._configured[group].limit)
        with self._lock:
            current = self._limits[group]
            if current.limit == limit:
                return
            learned = dict(self._limits)
            learned[group] = current._replace(limit=limit)
            self._limits = MappingProxyType(learned)
        logger.debug("rate limit %r: %d calls per %g s, from the server's headers", group, limit, current.window)

    def _hold(self, group: str, seconds: float) -> None:
        schedule = schedule_of(self._limits[group])
        if seconds + schedule.burst <= 0.0:
            return  # the schedule would not change: spare a slow store the round trip
        try:
            self._store.hold_until(self._key(group), seconds, schedule.interval, schedule.burst)
        except Exception as error:  # learning is a hint: a store failure must not fail a call that succeeded
            logger.warning("rate limit %r: could not record a hold (%s)", group, type(error).__name__)
            return
        logger.debug("rate limit %r: held for %.3f s by the server's headers", group, max(0.0, seconds))


# --------------------------------------------------------------------------- headers


def _path_of_url(url: str) -> str:
    rest = url.split("://", 1)[-1]
    slash = rest.find("/")
    return rest[slash:] if slash >= 0 else "/"


def _header(headers: Mapping[str, str], name: str) -> Optional[str]:
    """``name``'s value (any case), or None when absent or unreadable."""
    loose = cast(Mapping[object, object], headers)
    try:
        value = loose.get(name)
        if value is None and type(loose) is dict:
            # A plain dict (a test's, a custom transport's) is the one mapping that minds the case: the
            # transports' own are case-insensitive, and scanning them for every absent header costs time.
            items = cast(Dict[object, object], loose).items()
            value = next((v for k, v in items if isinstance(k, str) and k.lower() == name), None)
    except Exception:  # headers from a transport or a test may be any object: a hint is not worth a failure
        return None
    return value if isinstance(value, str) else None


def _parse(value: Optional[str], form: re.Pattern[str]) -> Optional[float]:
    """``value`` as a number when it is plain ASCII digits in ``form``; None for anything else."""
    if value is None or not form.fullmatch(value.strip()):
        return None
    return float(value.strip())


def _seconds_until_reset(headers: Mapping[str, str], status: int, wall_clock: Callable[[], float]) -> Optional[float]:
    """Seconds until ``x-ratelimit-reset`` (a Unix time); for a 429 without it, ``Retry-After`` in seconds."""
    seconds: Optional[float] = None
    reset = _parse(_header(headers, "x-ratelimit-reset"), _SECONDS)
    if reset is not None:
        try:
            seconds = reset - float(wall_clock())
        except Exception:  # a broken wall clock must not fail the call; the hold is only a hint
            return None
    elif status == 429:
        seconds = _parse(_header(headers, "retry-after"), _SECONDS)
    return seconds if seconds is not None and 0.0 < seconds < math.inf else None


# --------------------------------------------------------------------------- the process-wide governors

_PROCESS_STORE = LocalRateStore()
_registry: weakref.WeakValueDictionary[Tuple[str, Tuple[Tuple[str, RateGroup], ...], int], Governor] = (
    weakref.WeakValueDictionary()
)
_registry_lock = threading.Lock()


def process_store() -> LocalRateStore:
    """The store ``governor_for`` uses when given none: one per process, shared by every application in it."""
    return _PROCESS_STORE


def governor_for(
    limits: Optional[Mapping[str, RateGroup]], identity: str, store: Optional[RateStore] = None, *,
    clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
    stats: Optional[Dict[str, float]] = None,
) -> Optional[Governor]:
    """The process-wide governor of one application: the same object for the same (identity, limits, store),
    so that all ApiClients and threads using the same credentials share one budget. `identity` is an opaque
    string the caller derives from the credentials and host (e.g. a SHA-256), used as the namespace of the
    store keys; None limits -> None (off). ``store`` None: ``process_store()``.

    ``clock``, ``sleep`` and ``stats`` are those of the governor when this call creates it; a governor that
    already exists keeps its own. Governors are held weakly: one nobody uses is dropped, not its budget."""
    checked = check_rate_limits(limits)
    if checked is None:
        return None
    if not identity:
        raise ApiValueError("governor_for needs a non-empty identity string")
    chosen = store if store is not None else _PROCESS_STORE
    # id() is safe as part of the key: while the entry exists its governor, and so the store, is alive.
    key = (identity, tuple(sorted(checked.items())), id(chosen))
    with _registry_lock:
        governor = _registry.get(key)
        if governor is None:
            governor = Governor(checked, chosen, identity, clock=clock, sleep=sleep, stats=stats)
            _registry[key] = governor
        return governor
