"""The call pipeline: a built ``Request`` through auth, retries and the transport.

::

    build (_request)  ->  auth flow (_auth)  ->  retry + deadline (_retry)  ->  transport (rest)
                                                                                    |
    decode (_decode)  <-------------------------- response -------------------------'

``Pipeline.send`` is the synchronous driver: it runs the auth flow, and for
each request the flow yields, the attempts the retry policy allows, all
under one ``Deadline``. Every decision is taken by the layers it calls; the
driver only loops, sleeps and counts, so an asynchronous driver is the same
few lines with ``await``.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any, Callable, Dict, Mapping, NamedTuple, Optional

import urllib3

from criteo_api_marketingsolutions_v2020_10 import _log, _retry
from criteo_api_marketingsolutions_v2020_10._auth import Auth, HeaderAuth
from criteo_api_marketingsolutions_v2020_10._request import Request
from criteo_api_marketingsolutions_v2020_10._retry import Deadline
from criteo_api_marketingsolutions_v2020_10._transport_errors import quotes_answer
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiConnectionError
from criteo_api_marketingsolutions_v2020_10.rest import RESTResponse, Transport, status_of

if TYPE_CHECKING:
    from criteo_api_marketingsolutions_v2020_10._rate import Governor

logger = _log.get_logger(__name__)

__all__ = ["Limits", "Pipeline", "log_request", "release", "step_after_error", "step_after_response"]


class Limits(NamedTuple):
    """What bounds one call: per-wait timeouts, the whole-call deadline, retries and body size,
    the whole-body limit of a streamed answer (``None``: the read timeout alone), and the rate
    governor of the application."""

    timeout: urllib3.Timeout
    call_deadline: Optional[float]
    policy: urllib3.Retry
    max_body: Optional[int]
    stream_deadline: Optional[float] = None
    #: Spaces the calls of the application under its rate limits (``None``: not governed).
    governor: Optional[Governor] = None


def release(response: Any) -> None:
    """Let go of a raw 2xx response that a retry or a second auth attempt replaces."""
    if not isinstance(response, RESTResponse):
        close = getattr(response, "close", None)
        if close is not None:
            close()


def _detach(error: BaseException) -> None:
    error.__cause__ = None
    error.__context__ = None
    error.__suppress_context__ = True


class Pipeline:
    """Runs requests through auth, retries and a transport, under one deadline.

    Args:
        transport: does the I/O.
        clock, sleep: the monotonic clock of deadlines and the wait between attempts.
        wall_clock: Unix time, for ``Retry-After`` dates and ``x-ratelimit-reset``.
        stats: counters updated as calls run (``requests``, ``retries``,
            ``unauthorized_retries``).
    """

    def __init__(
        self,
        transport: Transport,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        wall_clock: Callable[[], float] = time.time,
        stats: Optional[Dict[str, Any]] = None,
    ) -> None:
        self.transport = transport
        self.clock = clock
        self.sleep = sleep
        self.wall_clock = wall_clock
        self.stats = stats if stats is not None else {"requests": 0, "retries": 0, "unauthorized_retries": 0}

    def deadline(self, limits: Limits) -> Deadline:
        """A fresh deadline for a call bounded by ``limits``."""
        return Deadline(limits.call_deadline, self.clock)

    def send(
        self,
        request: Request,
        auth: Auth,
        limits: Limits,
        *,
        stream: bool = False,
        deadline: Optional[Deadline] = None,
        sensitive: bool = False,
    ) -> Any:
        """The final response to ``request``: a ``RESTResponse``, or with
        ``stream`` a raw, unread 2xx response. Raises ``ApiConnectionError``
        (``ApiTimeoutError`` when the deadline passes) when no answer came.

        ``sensitive`` marks a request whose answer may hold a secret (the
        token request): a failure while parsing its answer does not keep the
        library's error, whose message may quote the bytes received."""
        if deadline is None:
            deadline = self.deadline(limits)
        kind = type(auth)
        if kind is Auth:  # nothing to add, nothing to retry: no flow to run
            return self._attempts(request, limits, stream, deadline, sensitive)
        if kind is HeaderAuth and isinstance(auth, HeaderAuth):  # one fixed header, as its flow would add
            return self._attempts(request.with_header("Authorization", auth.value), limits, stream, deadline, sensitive)
        flow = auth.auth_flow(request, deadline)
        outgoing = next(flow)
        while True:
            response = self._attempts(outgoing, limits, stream, deadline, sensitive)
            try:
                outgoing = flow.send(response)
            except StopIteration:
                return response
            self.stats["unauthorized_retries"] += 1
            release(response)

    def _attempts(self, request: Request, limits: Limits, stream: bool, deadline: Deadline, sensitive: bool) -> Any:
        """One request, sent as often as the retry policy allows within the deadline."""
        policy = limits.policy
        governor = limits.governor
        while True:
            if governor is not None:
                # Raises without sending when the wait for a slot would pass the deadline.
                governor.acquire(request.url, deadline.remaining(), sleep=self.sleep, stats=self.stats)
            timeout, expires_at = deadline.attempt(limits.timeout)
            self.stats["requests"] += 1
            log_request(request)
            try:
                response = self.transport.request(
                    request.method, request.url, request.headers, request.body, timeout, not stream,
                    limits.max_body, expires_at,
                )
            except ApiConnectionError as error:
                step = step_after_error(request, policy, error, deadline, sensitive)
                if step is None:
                    raise
            else:
                step = step_after_response(request, policy, response, deadline, governor, self.wall_clock)
                if step is None:
                    return response
                release(response)
            self.stats["retries"] += 1
            self.sleep(step.delay)
            policy = step.policy


# The decisions of one attempt, shared by the synchronous and the asynchronous driver.


def log_request(request: Request) -> None:
    """The request about to go, at DEBUG, with its headers redacted."""
    if logger.isEnabledFor(logging.DEBUG):
        # Texts, not the request: a handler that keeps records must not keep its body alive.
        logger.debug("%s headers=%s", repr(request), _log.redact_headers(request.headers))


def step_after_error(
    request: Request, policy: urllib3.Retry, error: ApiConnectionError, deadline: Deadline, sensitive: bool
) -> Optional[_retry.NextAttempt]:
    """The next attempt after ``error``, or ``None`` to raise it (its quoting cause dropped if ``sensitive``)."""
    if sensitive and quotes_answer(error):
        _detach(error)
    if deadline.expired():
        return None
    step = _retry.after_error(policy, request.method, request.url, error)
    if step is None or not deadline.allows_wait(step.delay):
        return None
    logger.debug("%s failed (%s): retrying in %.2f s", repr(request), error.reason, step.delay)
    return step


def step_after_response(
    request: Request,
    policy: urllib3.Retry,
    response: Any,
    deadline: Deadline,
    governor: Optional[Governor],
    wall_clock: Callable[[], float],
) -> Optional[_retry.NextAttempt]:
    """The next attempt after ``response``, or ``None`` when it is the answer; the governor learns from it."""
    status = status_of(response)
    headers: Mapping[str, str] = response.headers
    if governor is not None:
        governor.observe(request.url, status, headers, wall_clock)
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("%s -> %s", repr(request), status)
    if 200 <= status < 300:
        return None
    step = _retry.after_status(policy, request.method, request.url, status, headers, wall_clock)
    if step is None or not deadline.allows_wait(step.delay):
        return None
    logger.debug("%s -> %s: retrying in %.2f s", repr(request), status, step.delay)
    return step
