"""Repeating a contact-list change that failed on the way, under the client's retry policy.

The pipeline does not repeat a PATCH after a 5xx or a broken connection: in
general the server may have applied it. A contact-list change is idempotent
in effect (adding or removing the same identifiers twice changes nothing),
so the upload repeats it itself, and only in the cases the pipeline left
alone because of the method:

- a status of the policy's ``status_forcelist`` (502, 503, 504 by default),
  or one with a ``Retry-After`` the policy respects, except 429;
- a connection that broke, or timed out, after the request was sent.

Everything else is left as the pipeline ended it: a 429, or a connection
that failed before the request was sent, surfaces only once the pipeline has
spent its own retries on it; any other 4xx is never repeated; a managed
token that could not be obtained was already retried as the token request.
When the policy already allows the method (``allowed_methods=None``, or a
DELETE under the default policy), the pipeline did all the retrying and
nothing is repeated here. Retries made here draw on one copy of the policy
per chunk, so a chunk is sent at most ``1 + total`` times by this loop.
"""

from __future__ import annotations

import logging
import threading
from typing import Callable, Optional, TypeVar

from urllib3 import Retry

from criteo_api_marketingsolutions_v2020_10 import _log, _retry
from criteo_api_marketingsolutions_v2020_10.api_client import ApiClient
from criteo_api_marketingsolutions_v2020_10.exceptions import (
    ApiConnectionError,
    ApiException,
    TokenRefreshError,
)

__all__ = ["Attempts", "RetryBudget", "next_attempt"]

logger = _log.get_logger(__name__)

T = TypeVar("T")

#: Rate limited: the pipeline retries it for every method, so it is never repeated here as well.
_RATE_LIMITED = 429


def _allowing(policy: Retry, method: str) -> Retry:
    methods = policy.allowed_methods
    if methods is None:
        return policy
    return policy.new(allowed_methods=frozenset(methods) | {method.upper()})


def next_attempt(
    configured: Retry,
    policy: Retry,
    method: str,
    url: str,
    error: ApiException,
    wall_clock: Callable[[], float],
) -> Optional[_retry.NextAttempt]:
    """Whether to send again after ``error`` (see the module's docstring), and after what wait.

    ``configured`` is the client's policy as the pipeline applies it;
    ``policy`` is the same allowing ``method``, as far as it was used up by
    earlier retries of this request.
    """
    if _retry.method_allowed(configured, method) or isinstance(error, TokenRefreshError):
        return None
    if isinstance(error, ApiConnectionError):
        if not error.request_sent:
            return None
        return _retry.after_error(policy, method, url, error)
    if error.status is None or error.status == _RATE_LIMITED:
        return None
    return _retry.after_status(policy, method, url, error.status, error.headers or {}, wall_clock)


class RetryBudget:
    """The retries left to one change, and the wait before its next attempt (see the module's docstring).

    Args:
        retries: the client's ``Configuration.retries``, read once here.
        method, url: the change, as the retry log names it.
        wall_clock: the client's wall clock, to read a ``Retry-After`` date.
    """

    def __init__(self, retries: object, method: str, url: str, wall_clock: Callable[[], float]) -> None:
        self.configured = _retry.policy_from(retries)
        self.policy = _allowing(self.configured, method)
        self.method = method
        self.url = url
        self.wall_clock = wall_clock

    def delay_after(self, error: ApiException, attempt: int) -> Optional[float]:
        """Seconds to wait before sending again after ``error`` (attempt number ``attempt`` failed), or ``None``
        when ``error`` is final; uses up the policy."""
        step = next_attempt(self.configured, self.policy, self.method, self.url, error, self.wall_clock)
        if step is None:
            return None
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s: attempt %d failed (%s), retrying in %.2f s",
                self.method, self.url, attempt, error.status or type(error).__name__, step.delay,
            )
        self.policy = step.policy
        return step.delay


class Attempts:
    """Runs one idempotent change, repeating it as ``next_attempt`` allows; counts the attempts.

    The waits go through ``api_client.pipeline.sleep`` (read at each wait, so
    tests can replace it). Once ``stop`` is set, no attempt is started: the
    last error is raised instead.
    """

    def __init__(self, api_client: ApiClient, method: str, url: str, stop: Optional[threading.Event] = None) -> None:
        self.api_client = api_client
        self.method = method
        self.url = url
        self.stop = stop
        #: Attempts started so far.
        self.count = 0

    def run(self, call: Callable[[], T]) -> T:
        """The result of ``call``, retried on the failures this module repeats; the last failure otherwise."""
        budget = RetryBudget(
            self.api_client.configuration.retries, self.method, self.url, self.api_client.pipeline.wall_clock
        )
        while True:
            self.count += 1
            try:
                return call()
            except ApiException as error:
                delay = budget.delay_after(error, self.count)
                if delay is None or self._stopped():
                    raise
                self.api_client.pipeline.sleep(delay)
                if self._stopped():
                    raise

    def _stopped(self) -> bool:
        return self.stop is not None and self.stop.is_set()
