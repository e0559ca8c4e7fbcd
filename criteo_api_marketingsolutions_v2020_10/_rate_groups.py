"""The limits the rate governor enforces: ``RateGroup``, Criteo's defaults, their validation, and the GCRA
spacing that keeps each one.

A group of ``limit`` calls per ``window`` seconds is spaced with (see ``_rate_store`` for GCRA)::

    b        = max(1, limit // BURST_DIVISOR)              calls a cold start may send at once (25 for 250)
    interval = window * (1 + GUARD) / (limit - b + 1)      seconds between calls at the steady rate
    burst    = (b - 1) * interval                          the GCRA tolerance, in seconds

GCRA admits at most ``floor((L + burst) / interval) + 1`` calls in any closed span of ``L`` seconds. For
``L = window`` that is ``floor((limit - b + 1) / (1 + GUARD)) + b``: the floor is of a number below
``limit - b + 1``, so the total is at most ``limit``. The window that starts with a cold start's burst holds
exactly that many (248 for 250, 40 for 40). Any ``limit + 1`` calls are at least ``window * (1 + GUARD)``
apart, first to last, so a late wake-up or network jitter of less than ``GUARD * window`` cannot break the
limit either. The price of the burst is the steady rate: ``(limit - b + 1) / (1 + GUARD)`` calls per window,
about 224 a minute for 250 and 36.6 for 40.
"""

from __future__ import annotations

import math
from types import MappingProxyType
from typing import Dict, List, Mapping, NamedTuple, Optional, Sequence, Tuple, cast

from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError

__all__ = [
    "BURST_DIVISOR", "GUARD", "RateGroup", "Schedule", "REPORTING_PATHS", "DEFAULT_RATE_LIMITS", "schedule_of",
    "check_rate_limits",
]

BURST_DIVISOR = 10  #: a cold start may send ``max(1, limit // 10)`` calls at once: short scripts are not slowed
GUARD = 0.01  #: share of the window added to the spacing: wake-up and network jitter cannot break the bound


class RateGroup(NamedTuple):
    """One limit: at most `limit` calls per `window` seconds, for the paths starting with one of `paths`
    (an empty tuple: every path no other group claims)."""

    limit: int
    window: float
    paths: Tuple[str, ...] = ()


class Schedule(NamedTuple):
    """How a group's calls are spaced: ``interval`` seconds apart, up to ``burst`` seconds ahead of that
    steady schedule, which lets ``burst_calls`` calls go at once after a quiet period."""

    interval: float
    burst: float
    burst_calls: int


REPORTING_PATHS = ("/2021-04/statistics/report", "/2021-04/transactions/report")
#: Criteo's published limits, per application.
DEFAULT_RATE_LIMITS: Mapping[str, RateGroup] = MappingProxyType(
    {"reporting": RateGroup(40, 60.0, REPORTING_PATHS), "default": RateGroup(250, 60.0)}
)


def schedule_of(group: RateGroup) -> Schedule:
    """The GCRA spacing of ``group`` that never lets more than ``group.limit`` calls into any closed span of
    ``group.window`` seconds (the proof is in the module docstring)."""
    calls = max(1, group.limit // BURST_DIVISOR)
    interval = group.window * (1.0 + GUARD) / (group.limit - calls + 1)
    return Schedule(interval, (calls - 1) * interval, calls)


# --------------------------------------------------------------------------- validation


def check_rate_limits(value: object) -> Optional[Mapping[str, RateGroup]]:
    """Validate `Configuration.rate_limits`: None, or a mapping of group name -> RateGroup (or a (limit, window)
    / (limit, window, paths) tuple), limits positive ints, windows positive finite numbers, exactly one
    catch-all group; raise ApiValueError naming what is wrong; return a normalized read-only mapping."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ApiValueError(
            f"rate_limits must be None or a mapping of group name to RateGroup, not {type(value).__name__}"
        )
    entries = cast(Mapping[object, object], value).items()
    groups = {_check_name(name): _check_group(str(name), spec) for name, spec in entries}
    _check_prefixes_unique(groups)
    _check_one_catch_all(groups)
    return MappingProxyType(groups)


def _check_name(name: object) -> str:
    if not isinstance(name, str) or not name:
        raise ApiValueError(f"rate_limits: a group name must be a non-empty string, not {name!r}")
    return name


def _check_group(name: str, spec: object) -> RateGroup:
    where = ["rate_limits", name]
    if not isinstance(spec, (tuple, list)) or len(cast(Sequence[object], spec)) not in (2, 3):
        raise ApiValueError("a group must be a RateGroup or a (limit, window[, paths]) tuple", where)
    parts = tuple(cast(Sequence[object], spec))
    paths = _check_paths(parts[2] if len(parts) == 3 else (), where)
    return RateGroup(_check_limit(parts[0], where), _check_window(parts[1], where), paths)


def _check_limit(limit: object, where: List[str]) -> int:
    # bool is an int to Python, but True calls per minute is a mistake, not a limit of 1.
    if not isinstance(limit, int) or isinstance(limit, bool) or limit <= 0:
        raise ApiValueError(f"the limit must be a positive int (calls per window), not {limit!r}", where)
    return limit


def _check_window(window: object, where: List[str]) -> float:
    if not isinstance(window, (int, float)) or isinstance(window, bool) or not 0 < window < math.inf:
        raise ApiValueError(f"the window must be a positive finite number of seconds, not {window!r}", where)
    return float(window)


def _check_paths(paths: object, where: List[str]) -> Tuple[str, ...]:
    if isinstance(paths, str) or not isinstance(paths, (tuple, list)):
        raise ApiValueError(f"paths must be a tuple of path prefixes such as ('/2021-04/',), not {paths!r}", where)
    checked = tuple(cast(Sequence[object], paths))
    for prefix in checked:
        if not isinstance(prefix, str) or not prefix.startswith("/"):
            raise ApiValueError(f"each path prefix must be a string starting with '/', not {prefix!r}", where)
    return cast(Tuple[str, ...], checked)


def _check_prefixes_unique(groups: Mapping[str, RateGroup]) -> None:
    owners: Dict[str, str] = {}
    for name, group in groups.items():
        for prefix in group.paths:
            owner = owners.setdefault(prefix, name)
            if owner != name:
                raise ApiValueError(f"rate_limits: the path prefix {prefix!r} is claimed by {owner!r} and {name!r}")


def _check_one_catch_all(groups: Mapping[str, RateGroup]) -> None:
    catch_all = [name for name, group in groups.items() if not group.paths]
    if len(catch_all) != 1:
        found = f"{len(catch_all)}: {', '.join(map(repr, catch_all))}" if catch_all else "0"
        raise ApiValueError(f"rate_limits must have exactly one catch-all group (with no paths), found {found}")
