"""Managed client-credentials tokens: one cache per ``ApiClient``, single flight.

* The token and its refresh deadline are one immutable value, replaced
  whole, so a warm token is read without a lock.
* The deadline runs on a monotonic clock from the moment the token request
  was *sent*, minus a margin (``Configuration.token_refresh_margin``, at most
  half the lifetime), and is never less than ``TOKEN_MIN_REUSE_SECONDS``
  away: a server announcing ``expires_in`` 0 or negative cannot cause a
  refresh storm.
* When many threads need a token at once, one of them fetches it and the
  others wait for that same result, success or error.
* ``invalidate(stale)`` forgets the cached token only if it is still the one
  that failed, so 50 threads hitting the same 401 cause one refresh.
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable, NamedTuple, Optional

from criteo_api_marketingsolutions_v2020_10._constants import (
    TOKEN_MIN_REUSE_SECONDS,
    TOKEN_REFRESH_MARGIN_RATIO,
)
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiException, TokenRefreshError

logger = logging.getLogger(__name__)

__all__ = ["CachedToken", "TokenManager", "refresh_delay"]


class CachedToken(NamedTuple):
    """A bearer token ready to send, and when (monotonic seconds) to stop using it."""

    header: str
    refresh_at: float

    def __repr__(self) -> str:
        return f"CachedToken(header='Bearer ***', refresh_at={self.refresh_at:.3f})"


def refresh_delay(expires_in: Any, margin: float) -> float:
    """Seconds after sending the token request at which to refresh.

    ``expires_in`` minus the margin, the margin being at most
    ``TOKEN_REFRESH_MARGIN_RATIO`` of the lifetime, and never below
    ``TOKEN_MIN_REUSE_SECONDS``. A missing or non-numeric ``expires_in``
    counts as the shortest reuse.
    """
    if isinstance(expires_in, bool) or not isinstance(expires_in, (int, float)):
        return TOKEN_MIN_REUSE_SECONDS
    lifetime = float(expires_in)
    effective_margin = min(max(margin, 0.0), lifetime * TOKEN_REFRESH_MARGIN_RATIO) if lifetime > 0 else 0.0
    return max(lifetime - effective_margin, TOKEN_MIN_REUSE_SECONDS)


class _Flight:
    __slots__ = ("done", "error", "token")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.token: Optional[CachedToken] = None
        self.error: Optional[BaseException] = None


class TokenManager:
    """Owns the bearer token of one ``ApiClient``.

    Args:
        fetch: makes the token request and returns a ``JwtModel``.
        clock: monotonic clock (seconds), injectable for tests.
        margin: seconds before expiry at which to refresh.
    """

    def __init__(self, fetch: Callable[[], Any], clock: Callable[[], float], margin: float) -> None:
        self._fetch = fetch
        self._clock = clock
        self._margin = margin
        self._token: Optional[CachedToken] = None
        self._flight: Optional[_Flight] = None
        self._lock = threading.Lock()
        #: How many token requests this manager started (for tests and metrics).
        self.refresh_count = 0

    def current(self) -> CachedToken:
        """A token valid now; fetched (once for all waiting threads) when needed."""
        token = self._token
        if token is not None and self._clock() < token.refresh_at:
            return token
        return self._refresh()

    def invalidate(self, stale: CachedToken) -> None:
        """Forget ``stale`` if it is still the cached token (after a 401)."""
        with self._lock:
            if self._token is stale:
                self._token = None

    def clear(self) -> None:
        """Forget the cached token (credentials changed, client closed)."""
        with self._lock:
            self._token = None

    def _refresh(self) -> CachedToken:
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
            flight.done.wait()
            if flight.error is not None:
                raise flight.error
            assert flight.token is not None
            return flight.token
        try:
            flight.token = self._fetch_token()
        except BaseException as exc:
            flight.error = exc
            raise
        finally:
            with self._lock:
                if flight.token is not None:
                    self._token = flight.token
                self._flight = None
            flight.done.set()
        return flight.token

    def _fetch_token(self) -> CachedToken:
        sent_at = self._clock()
        logger.debug("requesting an access token")
        try:
            jwt = self._fetch()
        except ApiException as exc:
            error = TokenRefreshError(
                exc.status,
                f"could not obtain an access token: {exc.reason}",
                body=exc.body,
                headers=exc.headers,
                data=exc.data,
            )
            logger.debug("token request failed: %s", exc.reason)
            raise error from exc
        access_token = jwt.get("access_token")
        if not isinstance(access_token, str) or not access_token:
            raise TokenRefreshError(None, "the token response has no access_token")
        delay = refresh_delay(jwt.get("expires_in"), self._margin)
        logger.debug("access token obtained; refresh in %.1f s", delay)
        token_type = jwt.get("token_type") or "Bearer"
        if not isinstance(token_type, str) or token_type.lower() == "bearer":
            token_type = "Bearer"
        return CachedToken(f"{token_type} {access_token}", sent_at + delay)
