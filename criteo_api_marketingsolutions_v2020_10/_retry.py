"""The retry layer: the retry policy and the call deadline, as values. No I/O.

The policy is a ``urllib3.Retry`` (immutable, documented parameter by
parameter); ``Configuration.retries`` may be one, an int (the total), or
``None`` for ``DEFAULT_RETRY``. ``after_status`` and ``after_error`` decide
*whether* to try again and *how long* to wait first; the pipeline's driver
does the looping and the sleeping, so a synchronous and an asynchronous
driver share every decision.

``Deadline`` is the one monotonic budget of a call. Everything is charged to
it: fetching a managed token, connecting, the status line, headers and body,
and the waits between attempts.
"""

from __future__ import annotations

import random
import re
import time
from email.utils import parsedate_to_datetime
from typing import Callable, Mapping, NamedTuple, Optional, Tuple

from urllib3 import Retry, Timeout
from urllib3.exceptions import ConnectTimeoutError, MaxRetryError, ProtocolError

from criteo_api_marketingsolutions_v2020_10._constants import (
    DEFAULT_BACKOFF_FACTOR,
    DEFAULT_BACKOFF_JITTER,
    DEFAULT_BACKOFF_MAX,
    DEFAULT_MAX_RETRIES,
    IDEMPOTENT_METHODS,
    RETRYABLE_STATUSES,
)
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiConnectionError, ApiTimeoutError, ApiValueError

__all__ = [
    "DEFAULT_RETRY",
    "NO_RETRY",
    "Deadline",
    "NextAttempt",
    "after_error",
    "after_status",
    "backoff_delay",
    "policy_from",
    "server_requested_delay",
    "with_post_allowed",
]

#: Transient faults retried by default: any connection failure before the
#: request was sent; 502/503/504 and broken connections for idempotent
#: methods; 429 for every method. Never another 4xx, never a TLS failure.
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

#: ``Configuration.retries = 0``: one attempt, whatever happens.
NO_RETRY = Retry(total=0, connect=0, read=0, status=0, other=0, redirect=0, raise_on_status=False)

#: A rate-limited request was not processed, so repeating it is safe for any method.
_NOT_PROCESSED = 429

# Seconds in a header: ASCII digits only (``str.isdigit`` accepts "²"), and
# few enough of them that the number stays a number.
_SECONDS = re.compile(r"[0-9]{1,12}(?:\.[0-9]{1,9})?")


def policy_from(setting: object) -> Retry:
    """Turn ``Configuration.retries`` into a ``Retry`` policy."""
    if setting is None:
        return DEFAULT_RETRY
    if isinstance(setting, Retry):
        return setting
    if setting is False or setting == 0:
        return NO_RETRY
    if isinstance(setting, int) and not isinstance(setting, bool) and setting > 0:
        return DEFAULT_RETRY.new(total=setting, connect=setting, read=setting, status=setting)
    raise ApiValueError("Configuration.retries must be None, a non-negative int or a urllib3.Retry")


def with_post_allowed(policy: Retry) -> Retry:
    """The token request is a POST that is safe to repeat: allow retrying it."""
    methods = policy.allowed_methods
    if methods is None:  # None already means "every method"
        return policy
    return policy.new(allowed_methods=frozenset(methods) | {"POST"})


class Deadline:
    """The monotonic budget of one call (``Configuration.call_deadline`` seconds).

    ``seconds`` of ``None`` or ``0`` means no deadline. ``clock`` is the
    monotonic clock the budget is kept on (injectable for tests); ``attempt``
    gives transports the same instant on ``time.monotonic``.
    """

    __slots__ = ("_clock", "_expires_at", "seconds")

    def __init__(self, seconds: Optional[float], clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds if seconds and seconds > 0 else None
        self._clock = clock
        self._expires_at = clock() + self.seconds if self.seconds is not None else None

    def remaining(self) -> Optional[float]:
        """Seconds left (may be negative), or ``None`` without a deadline."""
        if self._expires_at is None:
            return None
        return self._expires_at - self._clock()

    def expired(self) -> bool:
        """Whether the budget is spent."""
        remaining = self.remaining()
        return remaining is not None and remaining <= 0

    def error(self) -> ApiTimeoutError:
        """The error raised when the budget is spent."""
        return ApiTimeoutError(reason=f"the call deadline of {self.seconds} s passed")

    def check(self) -> None:
        """Raise ``ApiTimeoutError`` when the budget is spent."""
        if self.expired():
            raise self.error()

    def allows_wait(self, delay: float) -> bool:
        """Whether waiting ``delay`` seconds still leaves time for an attempt."""
        remaining = self.remaining()
        return remaining is None or delay < remaining

    def clamp(self, timeout: Timeout) -> Timeout:
        """``timeout`` with no single wait longer than the time left."""
        remaining = self.remaining()
        return timeout if remaining is None else _clamped(timeout, max(remaining, 0.001))

    def attempt(self, timeout: Timeout) -> Tuple[Timeout, Optional[float]]:
        """For the next attempt: ``timeout`` clamped, and the deadline on
        ``time.monotonic``. Raises ``ApiTimeoutError`` when the budget is spent."""
        if self._expires_at is None:
            return timeout, None
        remaining = self._expires_at - self._clock()
        if remaining <= 0:
            raise self.error()
        real = self._expires_at if self._clock is time.monotonic else time.monotonic() + remaining
        return _clamped(timeout, remaining), real


def _clamped(timeout: Timeout, remaining: float) -> Timeout:
    connect, read = timeout.connect_timeout, timeout.read_timeout
    if _fits(connect, remaining) and _fits(read, remaining):
        return timeout
    return Timeout(connect=_shorter(connect, remaining), read=_shorter(read, remaining))


def _fits(part: object, remaining: float) -> bool:
    return isinstance(part, (int, float)) and part <= remaining


def _shorter(part: object, remaining: float) -> float:
    return min(float(part), remaining) if isinstance(part, (int, float)) else remaining


class NextAttempt(NamedTuple):
    """A decision to try again: the policy for what follows, and the wait before it."""

    policy: Retry
    delay: float


def method_allowed(policy: Retry, method: str) -> bool:
    """Whether ``policy`` allows repeating a request with ``method`` once it was sent."""
    allowed = policy.allowed_methods
    return allowed is None or method.upper() in allowed


def after_status(
    policy: Retry,
    method: str,
    url: str,
    status: int,
    headers: Mapping[str, str],
    wall_clock: Callable[[], float] = time.time,
) -> Optional[NextAttempt]:
    """The next attempt after an answer with ``status``, or ``None`` to stop there."""
    if not _status_retryable(policy, method, status, headers):
        return None
    try:
        next_policy = policy.increment(method, url, response=_StatusOnly(status))  # type: ignore[arg-type]
    except MaxRetryError:
        return None
    delay = server_requested_delay(headers, policy, wall_clock)
    return NextAttempt(next_policy, backoff_delay(next_policy) if delay is None else delay)


def _status_retryable(policy: Retry, method: str, status: int, headers: Mapping[str, str]) -> bool:
    if status != _NOT_PROCESSED and not method_allowed(policy, method):
        return False
    if policy.status_forcelist and status in policy.status_forcelist:
        return True
    return bool(
        policy.respect_retry_after_header and "Retry-After" in headers and status in Retry.RETRY_AFTER_STATUS_CODES
    )


def after_error(policy: Retry, method: str, url: str, error: ApiConnectionError) -> Optional[NextAttempt]:
    """The next attempt after a connection failure, or ``None`` to raise it."""
    if error.tls_failure:
        return None
    if error.request_sent and not method_allowed(policy, method):
        # The server may have acted on the request: repeating it could apply a change twice.
        return None
    marker = ConnectTimeoutError() if not error.request_sent else ProtocolError("connection broken")
    try:
        next_policy = policy.increment(method, url, error=marker)
    except (MaxRetryError, ConnectTimeoutError, ProtocolError):
        return None
    return NextAttempt(next_policy, backoff_delay(next_policy))


def backoff_delay(policy: Retry, rng: Callable[[], float] = random.random) -> float:
    """Exponential backoff for the retry about to happen, with jitter, capped.

    ``policy`` is the one returned by ``increment`` (its history counts the
    failures so far): ``backoff_factor * 2 ** (failures - 1)`` plus up to
    ``backoff_jitter`` seconds, at most ``backoff_max``. Unlike urllib3's own
    schedule, the first retry waits too, so a struggling server is not hit
    again at once.
    """
    failures = min(max(len(policy.history), 1), 64)
    delay = policy.backoff_factor * (2 ** (failures - 1))
    jitter = getattr(policy, "backoff_jitter", 0.0) or 0.0
    if jitter:
        delay += rng() * jitter
    return float(max(0.0, min(_cap(policy), delay)))


def _cap(policy: Retry) -> float:
    return float(policy.backoff_max)


def server_requested_delay(
    headers: Mapping[str, str],
    policy: Retry,
    wall_clock: Callable[[], float] = time.time,
) -> Optional[float]:
    """Seconds the server asked us to wait, capped at ``policy.backoff_max``.

    Reads ``Retry-After`` (seconds or an HTTP date) and Criteo's
    ``x-ratelimit-reset`` (a Unix time). A value in any other form, negative,
    or in the past gives ``None``, and the caller falls back to exponential
    backoff; no value of these headers raises.
    """
    if not policy.respect_retry_after_header:
        return None
    delay = _parse_retry_after(headers.get("Retry-After"), wall_clock)
    if delay is None:
        delay = _parse_reset(headers.get("x-ratelimit-reset"), wall_clock)
    if delay is None or not delay >= 0:
        return None
    return min(delay, _cap(policy))


def _parse_retry_after(value: object, wall_clock: Callable[[], float]) -> Optional[float]:
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if _SECONDS.fullmatch(value):
        return float(value)
    try:
        when = parsedate_to_datetime(value)
        return when.timestamp() - wall_clock() if when.tzinfo is not None else None
    except (TypeError, ValueError, IndexError, OverflowError, OSError):
        return None


def _parse_reset(value: object, wall_clock: Callable[[], float]) -> Optional[float]:
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not _SECONDS.fullmatch(value):
        return None
    return float(value) - wall_clock()


class _StatusOnly:
    """The least a ``urllib3.Retry.increment`` needs to know of a response."""

    __slots__ = ("status",)

    def __init__(self, status: int) -> None:
        self.status = status

    def get_redirect_location(self) -> bool:
        return False
