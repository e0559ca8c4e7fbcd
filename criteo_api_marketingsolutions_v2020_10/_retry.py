"""The retry policy, written once above every transport.

The policy value is a ``urllib3.Retry`` (immutable, documented parameter by
parameter); ``Configuration.retries`` may be one, an int (the total), or
``None`` for ``DEFAULT_RETRY``. This module only decides *whether* and *how
long*; ``ApiClient`` does the looping, with an injectable clock and sleep.
"""

from __future__ import annotations

import random
import time
from email.utils import parsedate_to_datetime
from typing import Any, Callable, Mapping, Optional, Union

from urllib3 import Retry

from criteo_api_marketingsolutions_v2020_10._constants import (
    DEFAULT_BACKOFF_FACTOR,
    DEFAULT_BACKOFF_JITTER,
    DEFAULT_BACKOFF_MAX,
    DEFAULT_MAX_RETRIES,
    IDEMPOTENT_METHODS,
    RETRYABLE_STATUSES,
)

__all__ = ["DEFAULT_RETRY", "backoff_delay", "policy_from", "server_requested_delay", "with_post_allowed"]

#: Transient faults retried by default: any connection failure before the
#: request was sent; 429/502/503/504 and broken connections for idempotent
#: methods. Never a 4xx other than 429, never a TLS failure.
DEFAULT_RETRY = Retry(
    total=DEFAULT_MAX_RETRIES,
    connect=DEFAULT_MAX_RETRIES,
    read=DEFAULT_MAX_RETRIES,
    status=DEFAULT_MAX_RETRIES,
    other=0,
    redirect=0,
    allowed_methods=IDEMPOTENT_METHODS,
    status_forcelist=RETRYABLE_STATUSES,
    backoff_factor=DEFAULT_BACKOFF_FACTOR,
    backoff_jitter=DEFAULT_BACKOFF_JITTER,
    backoff_max=DEFAULT_BACKOFF_MAX,
    raise_on_status=False,
    raise_on_redirect=False,
    respect_retry_after_header=True,
)

NO_RETRY = Retry(total=0, connect=0, read=0, status=0, other=0, redirect=0, raise_on_status=False)


def policy_from(setting: Union[int, bool, Retry, None]) -> Retry:
    """Turn ``Configuration.retries`` into a ``Retry`` policy."""
    if setting is None:
        return DEFAULT_RETRY
    if isinstance(setting, Retry):
        return setting
    if setting is False or setting == 0:
        return NO_RETRY
    if isinstance(setting, int) and not isinstance(setting, bool) and setting > 0:
        return DEFAULT_RETRY.new(total=setting, connect=setting, read=setting, status=setting)
    raise ValueError("Configuration.retries must be None, a non-negative int or a urllib3.Retry")


def with_post_allowed(policy: Retry) -> Retry:
    """The token request is a POST that is safe to repeat: allow retrying it."""
    methods = policy.allowed_methods
    if methods is None:  # None already means "every method"
        return policy
    return policy.new(allowed_methods=frozenset(methods) | {"POST"})


def backoff_delay(policy: Retry, rng: Callable[[], float] = random.random) -> float:
    """Exponential backoff for the retry about to happen, with jitter, capped.

    ``policy`` is the one returned by ``increment`` (its history counts the
    failures so far): ``backoff_factor * 2 ** (failures - 1)`` plus up to
    ``backoff_jitter`` seconds, at most ``backoff_max``. Unlike urllib3's own
    schedule, the first retry waits too, so a struggling server is not hit
    again at once.
    """
    failures = max(len(policy.history), 1)
    delay = policy.backoff_factor * (2 ** (failures - 1))
    jitter = getattr(policy, "backoff_jitter", 0.0) or 0.0
    if jitter:
        delay += rng() * jitter
    cap = policy.backoff_max if policy.backoff_max is not None else DEFAULT_BACKOFF_MAX
    return float(max(0.0, min(cap, delay)))


def server_requested_delay(
    headers: Mapping[str, str],
    policy: Retry,
    wall_clock: Callable[[], float] = time.time,
) -> Optional[float]:
    """Seconds the server asked us to wait, capped at ``policy.backoff_max``.

    Reads ``Retry-After`` (seconds or an HTTP date) and Criteo's
    ``x-ratelimit-reset`` (a Unix time). Garbage, negative or missing values
    give ``None``, and the caller falls back to exponential backoff.
    """
    if not policy.respect_retry_after_header:
        return None
    cap = policy.backoff_max if policy.backoff_max is not None else DEFAULT_BACKOFF_MAX
    delay = _parse_retry_after(headers.get("Retry-After"), wall_clock)
    if delay is None:
        delay = _parse_reset(headers.get("x-ratelimit-reset"), wall_clock)
    if delay is None or delay < 0:
        return None
    return min(delay, cap)


def _parse_retry_after(value: Optional[str], wall_clock: Callable[[], float]) -> Optional[float]:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return when.timestamp() - wall_clock()


def _parse_reset(value: Optional[str], wall_clock: Callable[[], float]) -> Optional[float]:
    if not value:
        return None
    try:
        reset = float(value.strip())
    except ValueError:
        return None
    if reset != reset or reset in (float("inf"), float("-inf")):
        return None
    return reset - wall_clock()


def status_is_retryable(policy: Retry, method: str, status: int, headers: Mapping[str, Any]) -> bool:
    """Whether the policy allows another attempt after this HTTP status."""
    return bool(policy.is_retry(method, status, has_retry_after="Retry-After" in headers))
