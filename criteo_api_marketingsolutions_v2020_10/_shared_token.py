"""One access token for every process that shares credentials: a distributed single flight.

The ``TokenManager`` of each process keeps its token in memory and asks this
layer only when that token is due. Here, in order:

1. a token another process stored (sealed, in Redis or a file) that is not
   due yet is used as it is: no request;
2. otherwise the refresh lock is taken (it has a TTL, so a holder that
   crashed cannot block the others beyond it); the holder checks the store
   once more, then fetches, stores and lets go;
3. the others wait for the token to appear, polling the store, within their
   call deadline; if the lock is freed with no token stored (its holder
   failed), one of them takes it in turn.

After a 401, ``discard`` removes the stored token only if it is still the one
that failed: the first process to see the 401 invalidates it for everyone,
and the others find the fresh one. When the shared store is unreachable it
answers "nothing stored, lock granted", so each process fetches for itself.
"""

from __future__ import annotations

import threading
import time
from typing import Callable, Optional

from criteo_api_marketingsolutions_v2020_10 import _log
from criteo_api_marketingsolutions_v2020_10._auth import CachedToken
from criteo_api_marketingsolutions_v2020_10._retry import Deadline
from criteo_api_marketingsolutions_v2020_10._shared_state import SharedToken, TokenStore
from criteo_api_marketingsolutions_v2020_10.exceptions import TokenTimeoutError

__all__ = ["LOCK_TTL", "POLL_INTERVAL", "SharedTokens"]

logger = _log.get_logger(__name__)

#: Seconds a refresh lock lasts: longer than a token request takes, short enough to outlive a crashed holder.
LOCK_TTL = 10.0
#: Seconds between looks at the store while another process fetches.
POLL_INTERVAL = 0.05

_BEARER = "Bearer "

class SharedTokens:
    """The shared side of one ``TokenManager``.

    Args:
        store: where the sealed token and the refresh lock live.
        clock: the manager's monotonic clock; ``wall_clock`` is Unix time, in which stored tokens expire.
    """

    def __init__(
        self, store: TokenStore, clock: Callable[[], float], wall_clock: Callable[[], float] = time.time
    ) -> None:
        self._store = store
        self._clock = clock
        self._wall_clock = wall_clock
        self._pause = threading.Event()  # never set: its wait() is a sleep that no fake clock can skip

    def obtain(self, fetch: Callable[[Deadline], CachedToken], deadline: Deadline) -> CachedToken:
        """A token for this process: one stored by any process, or one fetched under the lock."""
        while True:
            stored = self.load()
            if stored is not None:
                return stored
            owner = self.lock()
            if owner is not None:
                return self._fetch_as_owner(owner, fetch, deadline)
            remaining = deadline.remaining()
            if remaining is not None and remaining <= POLL_INTERVAL:
                raise TokenTimeoutError(
                    None, "could not obtain an access token: the call deadline passed while another process fetched it"
                )
            self._pause.wait(POLL_INTERVAL)

    def discard(self, header: str) -> None:
        """After a 401 on ``header``'s token: remove it from the store if it is still the one stored."""
        if header.startswith(_BEARER) and self._store.discard(header[len(_BEARER):]):
            logger.debug("the shared access token was refused: removed for every process")

    def lock(self) -> Optional[str]:
        """Take the refresh lock: its owner id, or ``None`` when another process holds it."""
        return self._store.try_lock(LOCK_TTL)

    def unlock(self, owner: str) -> None:
        """Let go of the refresh lock ``lock`` gave."""
        self._store.unlock(owner)

    def save(self, token: CachedToken) -> None:
        """Store ``token`` for every process, due when it is due here (in Unix time)."""
        refresh_in = token.refresh_at - self._clock()
        self._store.save(SharedToken(token.header[len(_BEARER):], self._wall_clock() + refresh_in))

    def _fetch_as_owner(
        self, owner: str, fetch: Callable[[Deadline], CachedToken], deadline: Deadline
    ) -> CachedToken:
        try:
            stored = self.load()  # stored by the previous holder while we waited for the lock
            if stored is not None:
                return stored
            token = fetch(deadline)
            self.save(token)
            return token
        finally:
            self.unlock(owner)

    def load(self) -> Optional[CachedToken]:
        """The token another process stored, in this process's form, or ``None`` (none, or due)."""
        shared = self._store.load()
        if shared is None:
            return None
        # Stored tokens carry the Unix time at which they are due; each process turns that into its own clock.
        left = shared.expires_at - self._wall_clock()
        if left <= 0:
            return None
        return CachedToken(_BEARER + shared.access_token, self._clock() + left, shared=True)

