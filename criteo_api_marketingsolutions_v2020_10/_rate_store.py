"""Where the rate governors keep their state: the ``RateStore`` protocol and its in-process implementation.

The algorithm is GCRA (the generic cell rate algorithm). Each key (one limit of one application) has one
number, its theoretical arrival time ``TAT``: when the next call would go if calls ran exactly at the steady
rate. A reservation at time ``now`` with spacing ``interval`` and tolerance ``burst`` does::

    tat  = max(TAT, now)                 # an idle key does not bank credit beyond the tolerance
    wait = max(0, tat - burst - now)     # calls may run at most ``burst`` seconds ahead of the schedule
    if max_wait is not None and wait > max_wait:
        return None                      # refused: the state is left as it was
    TAT = tat + interval
    return wait

The ``k``-th reservation of a key has a schedule time ``T_k`` with ``T_{k+1} >= T_k + interval`` (``TAT`` only
grows, by ``interval`` at each reservation) and goes at ``s_k = max(now_k, T_k - burst)``, so that
``T_k - burst <= s_k <= T_k``. Hence ``s_j - s_i >= (j - i) * interval - burst`` for ``i < j``, and a closed span
of ``L`` seconds holds at most ``floor((L + burst) / interval) + 1`` calls. ``hold_until`` only pushes ``TAT``
forward, which keeps both facts true. ``Governor`` (in ``_rate``) picks ``interval`` and ``burst`` from this
bound.

Every method of a store is atomic: one lock here, a lock file or a Redis script elsewhere.
"""

from __future__ import annotations

import math
import threading
import time
from typing import Callable, Dict, Optional, Protocol, runtime_checkable

__all__ = ["RateStore", "SupportsPeek", "LocalRateStore"]

# Above this many keys, keys whose schedule lies in the past are dropped: they hold no information (an absent
# key behaves as one whose TAT is now), and a process that sees many applications must not grow forever.
_PRUNE_FIRST_AT = 1024


class RateStore(Protocol):
    """Where the state of the governors lives: this process, a file, or Redis. Every method is atomic."""

    def reserve(self, key: str, interval: float, burst: float, max_wait: Optional[float]) -> Optional[float]:
        """GCRA: reserve the next slot of ``key`` and return the seconds to wait before using it (0.0: now), or
        None, reserving nothing, when that wait would be longer than ``max_wait`` (None: no bound).
        ``interval`` = window / limit (seconds between calls at the steady rate); ``burst`` = how far ahead of
        the steady schedule calls may run (seconds), i.e. the GCRA tolerance."""
        ...

    def hold_until(self, key: str, seconds: float, interval: float, burst: float) -> None:
        """Learned from the server: no slot of ``key`` before ``seconds`` from now (the theoretical arrival
        time is pushed to at least now + seconds + burst, never pulled back)."""
        ...


@runtime_checkable
class SupportsPeek(Protocol):
    """A store that can tell the wait of a reservation without making it (optional, for error messages)."""

    def peek(self, key: str, interval: float, burst: float) -> float:
        """The seconds a reservation of ``key`` made now would wait; nothing is reserved."""
        ...


class LocalRateStore:
    """``RateStore`` in this process: thread-safe, on an injectable monotonic clock.

    Budgets kept here are shared by every thread and client of the process that uses this store, not by
    other processes or machines.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._arrivals: Dict[str, float] = {}
        self._prune_at = _PRUNE_FIRST_AT

    def reserve(self, key: str, interval: float, burst: float, max_wait: Optional[float]) -> Optional[float]:
        """GCRA reservation (see the module docstring): the seconds to wait, or None (nothing reserved) when
        the wait would exceed ``max_wait``."""
        with self._lock:
            now = self._clock()
            tat = max(self._arrivals.get(key, now), now)
            wait = max(0.0, tat - burst - now)
            if max_wait is not None and wait > max_wait:
                return None
            self._arrivals[key] = tat + interval
            self._forget_idle_keys(now)
            return wait

    def hold_until(self, key: str, seconds: float, interval: float, burst: float) -> None:
        """Push the schedule of ``key`` so that no slot is given before ``seconds`` from now."""
        if not math.isfinite(seconds) or not math.isfinite(burst):
            return
        with self._lock:
            now = self._clock()
            held = now + seconds + burst
            if held > self._arrivals.get(key, now):
                self._arrivals[key] = held
                self._forget_idle_keys(now)

    def peek(self, key: str, interval: float, burst: float) -> float:
        """The wait a reservation of ``key`` would get now; nothing is reserved."""
        with self._lock:
            now = self._clock()
            return max(0.0, max(self._arrivals.get(key, now), now) - burst - now)

    def __len__(self) -> int:
        """How many keys have a schedule (idle ones may be forgotten at any time)."""
        with self._lock:
            return len(self._arrivals)

    def __repr__(self) -> str:
        return f"LocalRateStore(keys={len(self)})"

    def _forget_idle_keys(self, now: float) -> None:
        """Drop keys whose schedule is in the past, once there are many (called with the lock held)."""
        if len(self._arrivals) < self._prune_at:
            return
        self._arrivals = {key: tat for key, tat in self._arrivals.items() if tat > now}
        # Doubling the threshold keeps pruning cheap (amortised) when most keys are busy.
        self._prune_at = max(_PRUNE_FIRST_AT, 2 * len(self._arrivals))
