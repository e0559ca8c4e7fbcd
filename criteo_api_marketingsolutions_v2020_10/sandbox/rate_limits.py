"""Per-client rate limits, enforced as Criteo does: a budget of calls per window, a smaller one for reports.

Each client id has two budgets, one for the reporting operations and one for
every other API operation. A budget is spent in fixed windows: a window
opens at the client's first call in that group once the previous window has
ended, and lasts ``window`` seconds whatever happens in it.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import Dict, Optional, Tuple

from criteo_api_marketingsolutions_v2020_10.sandbox.fault_answers import quota_headers

#: The operations Criteo limits more strictly (their own budget, 40 calls a minute by default).
REPORTING_PATHS = frozenset({"/2021-04/statistics/report", "/2021-04/transactions/report"})


def default_reporting_limit(limit: int) -> int:
    """The reporting budget that goes with ``limit``: in Criteo's proportion of 40 to 250, at least 1."""
    return max(1, limit * 40 // 250)


@dataclass(frozen=True)
class RateLimits:
    """The budgets every client gets: ``limit`` calls per ``window`` seconds, ``reporting_limit`` on reports."""

    limit: int
    reporting_limit: int
    window: float

    @classmethod
    def of(cls, limit: Optional[int], window: float, reporting_limit: Optional[int]) -> Optional[RateLimits]:
        """Checked limits, ``None`` for no limit; ``reporting_limit`` ``None`` is ``default_reporting_limit(limit)``."""
        if limit is None:
            if reporting_limit is not None:
                raise ValueError("reporting_limit needs a limit")
            return None
        _require_count("limit", limit)
        if reporting_limit is None:
            reporting_limit = default_reporting_limit(limit)
        _require_count("reporting_limit", reporting_limit)
        if not (math.isfinite(window) and window > 0):
            raise ValueError(f"window must be a positive number of seconds, not {window!r}")
        return cls(limit, reporting_limit, float(window))

    def budget(self, reporting: bool) -> int:
        """The calls allowed per window in the reporting group, or in the other one."""
        return self.reporting_limit if reporting else self.limit


def _require_count(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must not be negative, not {value}")


@dataclass(frozen=True)
class Admission:
    """The limiter's verdict on one call, with what the rate-limit headers announce."""

    accepted: bool
    limit: int
    remaining: int
    reset_at: int

    def headers(self) -> Dict[str, str]:
        """``x-ratelimit-limit``, ``x-ratelimit-remaining`` (after this call) and ``x-ratelimit-reset``."""
        return quota_headers(self.limit, self.remaining, self.reset_at)


class _Window:
    """The calls one client made in one group since its current window opened."""

    __slots__ = ("closes_at", "reset_at", "used")

    def __init__(self, closes_at: float, reset_at: int) -> None:
        self.closes_at = closes_at  # on the monotonic clock
        self.reset_at = reset_at  # the same instant as a Unix time, rounded up
        self.used = 0


class RateLimiter:
    """Admits or refuses calls per client id and group; safe to use from many threads. Off until configured."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._limits: Optional[RateLimits] = None
        self._windows: Dict[Tuple[str, bool], _Window] = {}

    def configure(self, limits: Optional[RateLimits]) -> None:
        """Enforce ``limits`` from now on (``None``: no limits); every client starts with a fresh window."""
        with self._lock:
            self._limits = limits
            self._windows.clear()

    def admit(self, client_id: str, reporting: bool) -> Optional[Admission]:
        """Count a call of ``client_id`` against its budget; ``None`` when no limits are enforced."""
        if self._limits is None:  # the common case needs no lock
            return None
        with self._lock:
            return self._admit_locked(client_id, reporting)

    def _admit_locked(self, client_id: str, reporting: bool) -> Optional[Admission]:
        limits = self._limits  # read again: it may have been switched off meanwhile
        if limits is None:
            return None
        key = (client_id, reporting)
        window = self._windows.get(key)
        now = time.monotonic()
        if window is None or now >= window.closes_at:
            # Both clocks are read together, so that the announced reset never precedes the real one.
            window = _Window(now + limits.window, math.ceil(time.time() + limits.window))
            self._windows[key] = window
        budget = limits.budget(reporting)
        accepted = window.used < budget
        if accepted:
            window.used += 1
        return Admission(accepted, budget, budget - window.used, window.reset_at)
