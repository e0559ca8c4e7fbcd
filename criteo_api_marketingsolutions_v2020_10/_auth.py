"""The auth layer: how a request gets its ``Authorization`` header.

An ``Auth`` is a flow, in the manner of a generator: it yields the request to
send, receives the response, and may yield one more request (``ManagedToken``
does, once, after a 401). The flow does no I/O of its own; the managed token
is fetched by the ``TokenManager`` through the same pipeline, under the same
call deadline.

``TokenManager``:

* The token and its refresh deadline are one immutable value, replaced
  whole, so a warm token is read without a lock.
* The deadline runs on a monotonic clock from the moment the token request
  was *sent*, minus a margin (``Configuration.token_refresh_margin``, at most
  half the lifetime), and is never less than ``TOKEN_MIN_REUSE_SECONDS``
  away: a server announcing ``expires_in`` 0 or negative cannot cause a
  refresh storm.
* When many threads need a token at once, one of them fetches it and the
  others wait for that same result, success or error, within their deadline.
* ``invalidate(stale)`` forgets the cached token only if it is still the one
  that failed, so 50 threads hitting the same 401 cause one refresh.
* What the server issues is checked before it is used: a string
  ``access_token`` that can be sent in a header, and ``token_type`` Bearer.
"""

from __future__ import annotations

import math
import threading
from typing import TYPE_CHECKING, Any, Callable, Generator, NamedTuple, Optional

from criteo_api_marketingsolutions_v2020_10 import _log, _secrets
from criteo_api_marketingsolutions_v2020_10._constants import (
    TOKEN_MAX_REUSE_SECONDS,
    TOKEN_MIN_REUSE_SECONDS,
    TOKEN_REFRESH_MARGIN_RATIO,
)
from criteo_api_marketingsolutions_v2020_10._request import Request, check_header
from criteo_api_marketingsolutions_v2020_10._retry import Deadline
from criteo_api_marketingsolutions_v2020_10.exceptions import (
    ApiException,
    ApiValueError,
    TokenRefreshError,
    TokenTimeoutError,
    token_error_from,
)

if TYPE_CHECKING:
    from criteo_api_marketingsolutions_v2020_10._shared_token import SharedTokens

logger = _log.get_logger(__name__)

__all__ = ["Auth", "AuthFlow", "CachedToken", "HeaderAuth", "ManagedToken", "NO_AUTH", "TokenManager", "refresh_delay"]

#: What an auth flow is: it yields requests and is sent each one's response.
AuthFlow = Generator[Request, Any, None]

_UNAUTHORIZED = 401


class Auth:
    """Adds credentials to a request. Subclass and override ``auth_flow``.

    ``auth_flow(request, deadline)`` yields the request to send; the
    response is sent back into the generator (``response = yield request``),
    and the flow may yield another request, for example after a 401. The last
    response is the call's. Pass an instance as ``ApiClient(auth=...)``.
    """

    def auth_flow(self, request: Request, deadline: Deadline) -> AuthFlow:
        """The requests to send for ``request``: by default, ``request`` itself."""
        yield request


#: The flow for operations without auth (and for the token request itself).
NO_AUTH = Auth()


class HeaderAuth(Auth):
    """A fixed ``Authorization`` value: a configured access token or API key.

    ``setting`` names where the value came from, for error messages; the
    value is stripped of surrounding whitespace (a token read from a file
    often ends in a newline) and refused if it still cannot be sent.
    """

    __slots__ = ("value",)

    def __init__(self, value: Any, setting: str) -> None:
        self.value = check_header(setting, "Authorization", value.strip() if isinstance(value, str) else value)
        _secrets.register(self.value.split(" ", 1)[-1], self.value)

    def auth_flow(self, request: Request, deadline: Deadline) -> AuthFlow:
        """Send ``request`` with the fixed value."""
        yield request.with_header("Authorization", self.value)

    def __repr__(self) -> str:
        return "HeaderAuth('***')"


class CachedToken(NamedTuple):
    """A bearer token ready to send, when (monotonic seconds) to stop using it, and whether
    it came from another process through the shared store."""

    header: str
    refresh_at: float
    shared: bool = False

    def __repr__(self) -> str:
        return f"CachedToken(header='Bearer ***', refresh_at={self.refresh_at:.3f})"


def refresh_delay(expires_in: Any, margin: float) -> float:
    """Seconds after sending the token request at which to refresh.

    ``expires_in`` minus the margin, the margin being at most
    ``TOKEN_REFRESH_MARGIN_RATIO`` of the lifetime, never below
    ``TOKEN_MIN_REUSE_SECONDS`` nor above ``TOKEN_MAX_REUSE_SECONDS``. A
    missing, non-numeric or non-finite ``expires_in`` counts as the shortest
    reuse; a number of any size is accepted.
    """
    if isinstance(expires_in, bool) or not isinstance(expires_in, (int, float)):
        return TOKEN_MIN_REUSE_SECONDS
    # Compared before any conversion: float() of a 400-digit int overflows.
    lifetime = float(max(min(expires_in, TOKEN_MAX_REUSE_SECONDS), -1.0))
    if not math.isfinite(lifetime):
        return TOKEN_MIN_REUSE_SECONDS
    effective_margin = min(max(margin, 0.0), lifetime * TOKEN_REFRESH_MARGIN_RATIO) if lifetime > 0 else 0.0
    return max(lifetime - effective_margin, TOKEN_MIN_REUSE_SECONDS)


def token_from_answer(answer: Any, sent_at: float, margin: float) -> CachedToken:
    """The ``CachedToken`` for a token answer (a ``JwtModel``), checked; ``TokenRefreshError`` otherwise."""
    get = getattr(answer, "get", None)
    if get is None:
        raise TokenRefreshError(None, "could not obtain an access token: the answer has no body")
    access_token = get("access_token")
    if not isinstance(access_token, str) or not access_token:
        raise TokenRefreshError(None, "could not obtain an access token: the answer has no access_token string")
    _secrets.register(access_token)
    try:
        check_header("the access_token the server issued", "Authorization", access_token)
    except ApiValueError:
        raise TokenRefreshError(None, "could not obtain an access token: the access_token cannot be sent in a header")
    token_type = get("token_type")
    if token_type is not None and (not isinstance(token_type, str) or token_type.lower() != "bearer"):
        # The scheme is the client's choice, not the server's: only Bearer is used.
        raise TokenRefreshError(None, "could not obtain an access token: the token_type is not Bearer")
    return CachedToken(f"Bearer {access_token}", sent_at + refresh_delay(get("expires_in"), margin))


def token_after_fetch(answer: Any, failure: Optional[ApiException], sent_at: float, margin: float) -> CachedToken:
    """What a token request came to, for both clients: the ``CachedToken`` of ``answer``, or the token error
    for ``failure``, raised here (outside any handler) so that its chain holds only the SDK's scrubbed error."""
    if failure is not None:
        logger.debug("token request failed: %s", failure.reason)
        error = token_error_from(failure)
        error.__cause__ = failure
        raise error
    token = token_from_answer(answer, sent_at, margin)
    logger.debug("access token obtained; refresh in %.1f s", token.refresh_at - sent_at)
    return token


class _Flight:
    __slots__ = ("done", "error", "token")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.token: Optional[CachedToken] = None
        self.error: Optional[BaseException] = None


class TokenManager:
    """Owns the bearer token of one ``ApiClient``.

    Args:
        fetch: makes the token request under a ``Deadline`` and returns the
            answer (a ``JwtModel``), or raises an ``ApiException``.
        clock: monotonic clock (seconds), injectable for tests.
        margin: seconds before expiry at which to refresh.
        shared: the token shared with other processes (``Configuration.shared_state``),
            asked before fetching and told after a 401; ``None``: this process's own.
    """

    def __init__(
        self,
        fetch: Callable[[Deadline], Any],
        clock: Callable[[], float],
        margin: float,
        shared: Optional[SharedTokens] = None,
    ) -> None:
        self._fetch = fetch
        self._clock = clock
        self._margin = margin
        self._shared = shared
        self._token: Optional[CachedToken] = None
        self._flight: Optional[_Flight] = None
        self._lock = threading.Lock()
        #: How many token requests this manager started (for tests and metrics).
        self.refresh_count = 0

    def current(self, deadline: Optional[Deadline] = None) -> CachedToken:
        """A token valid now; fetched (once for all waiting threads) when needed."""
        token = self._token
        if token is not None and self._clock() < token.refresh_at:
            return token
        return self._refresh(deadline if deadline is not None else Deadline(None, self._clock))

    def invalidate(self, stale: CachedToken) -> None:
        """Forget ``stale`` if it is still the cached token (after a 401), here and in the shared store."""
        with self._lock:
            if self._token is not stale:
                return
            self._token = None
        if self._shared is not None:
            self._shared.discard(stale.header)

    def clear(self) -> None:
        """Forget the cached token (credentials changed, client closed)."""
        with self._lock:
            self._token = None

    def _refresh(self, deadline: Deadline) -> CachedToken:
        with self._lock:
            token = self._token
            if token is not None and self._clock() < token.refresh_at:
                return token
            flight = self._flight
            leader = flight is None
            if flight is None:
                flight = self._flight = _Flight()
                self.refresh_count += 1
        if not leader:
            return self._wait(flight, deadline)
        try:
            if self._shared is None:
                token = flight.token = self._fetch_token(deadline)
            else:
                token = flight.token = self._shared.obtain(self._fetch_token, deadline)
        except BaseException as exc:
            flight.error = exc
            raise
        finally:
            with self._lock:
                if flight.token is not None:
                    self._token = flight.token
                self._flight = None
            flight.done.set()
        return token

    def _wait(self, flight: _Flight, deadline: Deadline) -> CachedToken:
        remaining = deadline.remaining()
        if not flight.done.wait(None if remaining is None else max(remaining, 0.0)):
            raise TokenTimeoutError(None, "could not obtain an access token: the call deadline passed while waiting")
        if flight.error is not None:
            raise flight.error
        assert flight.token is not None
        return flight.token

    def _fetch_token(self, deadline: Deadline) -> CachedToken:
        sent_at = self._clock()
        logger.debug("requesting an access token")
        failure: Optional[ApiException] = None
        answer: Any = None
        try:
            answer = self._fetch(deadline)
        except ApiException as exc:
            failure = exc
        return token_after_fetch(answer, failure, sent_at, self._margin)


class ManagedToken(Auth):
    """Client-credentials tokens from a ``TokenManager``, refreshed once on a 401.

    The documented remedy for an expired or revoked token is to get a new one
    and try again: only the token that failed is dropped, so concurrent 401s
    on it cause a single refresh, and a second 401 is the call's answer (a
    third attempt is made only when the second token came from another
    process and was refused too, since it is then fetched here).
    """

    __slots__ = ("manager",)

    def __init__(self, manager: TokenManager) -> None:
        self.manager = manager

    def auth_flow(self, request: Request, deadline: Deadline) -> AuthFlow:
        """Send with the current token; after a 401, once more with a fresh one.

        A fresh token that another process stored may have been refused as well
        (all tokens revoked at once): after a 401 on it, the token is fetched
        here, and the request tried a last time.
        """
        token = self.manager.current(deadline)
        response = yield request.with_header("Authorization", token.header)
        for _ in range(2):
            if getattr(response, "status", None) != _UNAUTHORIZED:
                return
            logger.debug("401 on %s: refreshing the access token and retrying", request)
            self.manager.invalidate(token)
            token = self.manager.current(deadline)
            response = yield request.with_header("Authorization", token.header)
            if not token.shared:
                return
