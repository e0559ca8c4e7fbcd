"""Managed tokens for the asynchronous client: one token request for any number of coroutines.

The rules are the synchronous ``TokenManager``'s (``_auth``): the same checks
of what the server issued and the same errors (``token_after_fetch``), the same refresh schedule
(``refresh_delay``), one refresh after a 401 on the token that failed. What
differs is the waiting:

* one coroutine fetches, the others await the same ``asyncio.Future``;
* a waiter that is cancelled leaves the fetch running for the others;
* a fetching coroutine that is cancelled gives up the flight without
  poisoning it: the waiters see it abandoned and one of them fetches in turn.
  The cache only ever holds a token the server issued.

With ``Configuration.shared_state``, the token shared with other processes
is read and the refresh lock taken on a worker thread, so a slow store never
blocks the event loop.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, AsyncGenerator, Awaitable, Callable, Optional

from criteo_api_marketingsolutions_v2020_10 import _log
from criteo_api_marketingsolutions_v2020_10._auth import CachedToken, token_after_fetch
from criteo_api_marketingsolutions_v2020_10._request import Request
from criteo_api_marketingsolutions_v2020_10._retry import Deadline
from criteo_api_marketingsolutions_v2020_10._shared_token import POLL_INTERVAL
from criteo_api_marketingsolutions_v2020_10.aio._pipeline import AsyncAuth
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiException, TokenTimeoutError

__all__ = ["AsyncManagedToken", "AsyncTokenManager"]

logger = _log.get_logger(__name__)

_UNAUTHORIZED = 401


class _Abandoned(Exception):
    """The coroutine fetching the token was cancelled: another waiter fetches instead."""


class AsyncTokenManager:
    """Owns the bearer token of one asynchronous ``ApiClient``.

    Args:
        fetch: makes the token request under a ``Deadline`` and returns the answer (a ``JwtModel``).
        clock: monotonic clock (seconds).
        margin: seconds before expiry at which to refresh.
        shared: the token shared with other processes (``_shared_token.SharedTokens``), or ``None``.
    """

    def __init__(
        self,
        fetch: Callable[[Deadline], Awaitable[Any]],
        clock: Callable[[], float] = time.monotonic,
        margin: float = 60.0,
        shared: Any = None,
    ) -> None:
        self._fetch = fetch
        self._clock = clock
        self._margin = margin
        self._shared = shared
        self._token: Optional[CachedToken] = None
        self._flight: Optional[asyncio.Future[CachedToken]] = None
        #: How many token fetches this manager started.
        self.refresh_count = 0

    async def current(self, deadline: Optional[Deadline] = None) -> CachedToken:
        """A token valid now; fetched (once for all waiting coroutines) when needed."""
        deadline = deadline if deadline is not None else Deadline(None, self._clock)
        while True:
            token = self._token
            if token is not None and self._clock() < token.refresh_at:
                return token
            flight = self._flight
            if flight is None:
                return await self._lead(deadline)
            try:
                return await self._follow(flight, deadline)
            except _Abandoned:
                continue  # its fetcher was cancelled: take over

    def invalidate(self, stale: CachedToken) -> None:
        """Forget ``stale`` if it is still the cached token (after a 401); shared state is told on a thread."""
        if self._token is not stale:
            return
        self._token = None
        if self._shared is not None:
            loop = asyncio.get_running_loop()
            # Fire and forget: the refresh that follows does not depend on it.
            loop.run_in_executor(None, self._shared.discard, stale.header)

    def clear(self) -> None:
        """Forget the cached token."""
        self._token = None

    async def _lead(self, deadline: Deadline) -> CachedToken:
        flight: asyncio.Future[CachedToken] = asyncio.get_running_loop().create_future()
        self._flight = flight
        self.refresh_count += 1
        try:
            token = await self._obtain(deadline)
        except asyncio.CancelledError:
            flight.set_exception(_Abandoned())
            raise
        except BaseException as error:
            flight.set_exception(error)
            raise
        else:
            self._token = token
            flight.set_result(token)
            return token
        finally:
            self._flight = None
            if flight.done() and not flight.cancelled():
                flight.exception()  # marks it retrieved: no "never retrieved" warning when nobody waited

    async def _follow(self, flight: asyncio.Future[CachedToken], deadline: Deadline) -> CachedToken:
        remaining = deadline.remaining()
        try:
            # Shielded: a waiter cancelled or timing out must not cancel the fetch the others await.
            return await asyncio.wait_for(asyncio.shield(flight), None if remaining is None else max(remaining, 0.0))
        except asyncio.TimeoutError:
            raise TokenTimeoutError(
                None, "could not obtain an access token: the call deadline passed while waiting"
            ) from None

    async def _obtain(self, deadline: Deadline) -> CachedToken:
        """A token from the shared store, or fetched under its lock (see ``_shared_token``)."""
        shared = self._shared
        if shared is None:
            return await self._fetch_token(deadline)
        while True:
            stored: Optional[CachedToken] = await asyncio.to_thread(shared.load)
            if stored is not None:
                return stored
            owner = await asyncio.to_thread(shared.lock)
            if owner is not None:
                try:
                    stored = await asyncio.to_thread(shared.load)
                    token = stored if stored is not None else await self._fetch_token(deadline)
                    if stored is None:
                        await asyncio.to_thread(shared.save, token)
                    return token
                finally:
                    await asyncio.to_thread(shared.unlock, owner)
            remaining = deadline.remaining()
            if remaining is not None and remaining <= POLL_INTERVAL:
                raise TokenTimeoutError(
                    None, "could not obtain an access token: the call deadline passed while another process fetched it"
                )
            await asyncio.sleep(POLL_INTERVAL)

    async def _fetch_token(self, deadline: Deadline) -> CachedToken:
        sent_at = self._clock()
        logger.debug("requesting an access token")
        failure: Optional[ApiException] = None
        answer: Any = None
        try:
            answer = await self._fetch(deadline)
        except ApiException as exc:
            failure = exc
        return token_after_fetch(answer, failure, sent_at, self._margin)


class AsyncManagedToken(AsyncAuth):
    """Client-credentials tokens from an ``AsyncTokenManager``, refreshed once on a 401."""

    __slots__ = ("manager",)

    def __init__(self, manager: AsyncTokenManager) -> None:
        self.manager = manager

    async def auth_flow(self, request: Request, deadline: Deadline) -> AsyncGenerator[Request, Any]:
        """Send with the current token; after a 401, once more with a fresh one."""
        token = await self.manager.current(deadline)
        response = yield request.with_header("Authorization", token.header)
        if getattr(response, "status", None) == _UNAUTHORIZED:
            logger.debug("401 on %s: refreshing the access token and retrying once", request)
            self.manager.invalidate(token)
            token = await self.manager.current(deadline)
            yield request.with_header("Authorization", token.header)
