"""State shared by every process that uses one application's credentials: one rate budget, one token.

``open_shared_state(Configuration.shared_state)`` gives a ``SharedState`` on Redis (many machines) or on
a directory (one machine). Sharing is an optimisation, never a dependency: each backend sits behind a
resilient layer that answers a failed call (refused, over the 50 ms bound, garbled) from this process
alone, logs one warning per outage, tries the backend again at most once per ``retry_after`` (1 s) and
logs once at INFO when it is back. See docs/SharedState.md.
"""

from __future__ import annotations

import importlib.util
import math
import re
import secrets
import threading
import time
from typing import TYPE_CHECKING, Callable, NamedTuple, Optional, Protocol, TypeVar, Union
from urllib.parse import unquote, urlsplit

from criteo_api_marketingsolutions_v2020_10 import _log, _secrets
from criteo_api_marketingsolutions_v2020_10._rate_store import RateStore, SupportsPeek
from criteo_api_marketingsolutions_v2020_10._seal import Sealer, namespace_for
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError

if TYPE_CHECKING:
    from criteo_api_marketingsolutions_v2020_10._shared_file import FileBackend

logger = _log.get_logger(__name__)

__all__ = [
    "DEFAULT_PREFIX", "DEFAULT_REDIS_TIMEOUT", "RETRY_SECONDS", "LOCAL_OWNER_PREFIX", "EXTRA_HINT",
    "RateStore", "TokenStore", "SharedBackend", "SharedStateError", "SharedToken", "SharedState",
    "ResilientRateStore", "ResilientTokenStore", "open_shared_state", "redact_url",
]

#: The bound on every Redis operation built from a URL: socket connect and read timeouts, in seconds.
DEFAULT_REDIS_TIMEOUT = 0.05
#: After a failure the backend is tried again at most once per this many seconds.
RETRY_SECONDS = 1.0
#: The start of every key (Redis) this SDK writes.
DEFAULT_PREFIX = "criteo-mktsol-2020-10"
#: Lock owners handed out while the backend is unreachable start with this: they lock nothing.
LOCAL_OWNER_PREFIX = "local:"
#: How to install what the shared backends need.
EXTRA_HINT = "pip install 'criteo-api-marketingsolutions-v2020-10[redis]'"
_SETTING = "Configuration.shared_state"
_FORMS = (
    "None, a 'redis://host:port/db', 'rediss://...' or 'unix:///path/to/socket' URL, "
    "a redis.Redis client, or a 'file:///path/to/directory' URL"
)
_REDIS_SCHEMES = frozenset({"redis", "rediss", "unix"})
_T = TypeVar("_T")


class SharedStateError(Exception):
    """A backend answered something that is not a reply to the request (wrong type, unparsable)."""


class SharedToken(NamedTuple):
    """An access token and when it expires (Unix time); the repr does not show the token."""

    access_token: str
    expires_at: float

    def __repr__(self) -> str:
        return f"SharedToken(access_token='***', expires_at={self.expires_at!r})"


class TokenStore(Protocol):
    """Where the one access token of a credential is kept, and the lock of whoever refreshes it."""

    def load(self) -> Optional[SharedToken]:
        """The stored token if there is one that has not expired."""
        ...

    def save(self, token: SharedToken) -> None:
        """Store ``token`` until its ``expires_at``."""
        ...

    def try_lock(self, ttl: float) -> Optional[str]:
        """Take the refresh lock for ``ttl`` seconds: a random owner id when acquired, else ``None``."""
        ...

    def unlock(self, owner: str) -> None:
        """Release the refresh lock if ``owner`` still holds it."""
        ...

    def discard(self, access_token: str) -> bool:
        """Delete the stored token only if it is ``access_token``; whether this call removed it."""
        ...


class SharedBackend(Protocol):
    """What a backend module provides to ``SharedState``."""

    def describe(self) -> str:
        """One line naming the backend, without credentials."""
        ...

    def rate_store(self, namespace: str) -> RateStore:
        """The rate store of one namespace (``""``: keys as given)."""
        ...

    def token_store(self, sealer: Sealer) -> TokenStore:
        """The token store of ``sealer.namespace``."""
        ...

    def close(self) -> None:
        """Release what the backend opened."""
        ...


def redact_url(text: str) -> str:
    """``text`` without credentials: ``user:password@`` becomes ``***@``, ``password=`` values ``***``."""
    text = re.sub(r"(?i)(//)[^/?#@\s]*@", r"\1***@", text)
    return re.sub(r"(?i)((?:password|passwd|pass|auth)=)[^&#\s]*", r"\1***", _log.redact(text))


def _error_summary(error: BaseException) -> str:
    detail = _log.one_line(redact_url(str(error)), 160)
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__


class _Gate:
    """Whether to call the backend: always while it works; after a failure, once per ``retry_after``.

    One gate serves every store of a ``SharedState``, so an outage logs one warning however many
    stores and threads notice it.
    """

    def __init__(self, description: str, retry_after: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._description = description
        self._retry_after = retry_after
        self._clock = clock
        self._lock = threading.Lock()
        self._down = False
        self._next_try = 0.0

    @property
    def down(self) -> bool:
        """Whether the last call to the backend failed."""
        return self._down

    def allows(self) -> bool:
        """Whether this call may go to the backend (while down: one caller per ``retry_after``)."""
        if not self._down:  # the healthy path takes no lock
            return True
        with self._lock:
            if not self._down:
                return True
            now = self._clock()
            if now < self._next_try:
                return False
            self._next_try = now + self._retry_after
            return True

    def failed(self, error: BaseException) -> None:
        """Record a failure; the first one of an outage logs a warning."""
        with self._lock:
            self._next_try = self._clock() + self._retry_after
            if self._down:
                return
            self._down = True
        logger.warning(
            "shared state unreachable (%s; %s): using this process's own limits and token until it is back",
            self._description, _error_summary(error),
        )

    def succeeded(self) -> None:
        """Record a success; the first one after an outage logs at INFO."""
        if self._down:  # the healthy path takes no lock
            with self._lock:
                was_down, self._down = self._down, False
            if was_down:
                logger.info("shared state is back (%s): sharing limits and token again", self._description)


class _Unavailable:
    """The backend was not called, or failed: the caller answers locally."""


_UNAVAILABLE = _Unavailable()


def _through_gate(gate: _Gate, call: Callable[[], _T]) -> Union[_T, _Unavailable]:
    """``call()`` if the gate allows it and it succeeds, else ``_UNAVAILABLE``; a caller's mistake
    (``ApiValueError``) is raised, everything else counts as the backend failing."""
    if not gate.allows():
        return _UNAVAILABLE
    try:
        result = call()
    except ApiValueError:
        raise
    except Exception as error:
        gate.failed(error)
        return _UNAVAILABLE
    gate.succeeded()
    return result


class ResilientRateStore:
    """A shared ``RateStore`` that falls back to this process's own ``fallback`` while unreachable."""

    def __init__(self, backend: RateStore, fallback: RateStore, gate: _Gate) -> None:
        self._backend, self._fallback, self._gate = backend, fallback, gate

    def reserve(self, key: str, interval: float, burst: float, max_wait: Optional[float]) -> Optional[float]:
        """``RateStore.reserve`` on the shared store, or on the fallback while it is unreachable."""
        result = _through_gate(self._gate, lambda: self._backend.reserve(key, interval, burst, max_wait))
        if isinstance(result, _Unavailable):
            return self._fallback.reserve(key, interval, burst, max_wait)
        return result

    def hold_until(self, key: str, seconds: float, interval: float, burst: float) -> None:
        """``RateStore.hold_until`` on both stores: the hold outlives an outage that starts during it."""
        self._fallback.hold_until(key, seconds, interval, burst)
        _through_gate(self._gate, lambda: self._backend.hold_until(key, seconds, interval, burst))

    def peek(self, key: str, interval: float, burst: float) -> float:
        """The wait a reservation of ``key`` would get now, reserving nothing (0.0 when no store can tell)."""
        backend = self._backend
        if isinstance(backend, SupportsPeek):
            result = _through_gate(self._gate, lambda: backend.peek(key, interval, burst))
            if not isinstance(result, _Unavailable):
                return result
        return self._fallback.peek(key, interval, burst) if isinstance(self._fallback, SupportsPeek) else 0.0


class ResilientTokenStore:
    """A shared ``TokenStore`` that, while unreachable, behaves as if nothing were shared: nothing
    stored, every lock granted (to a local owner), every discard done."""

    def __init__(self, backend: TokenStore, gate: _Gate) -> None:
        self._backend, self._gate = backend, gate

    def load(self) -> Optional[SharedToken]:
        """The shared token, or ``None`` (also while unreachable)."""
        result = _through_gate(self._gate, self._backend.load)
        if isinstance(result, _Unavailable) or result is None:
            return None
        _secrets.register(result.access_token)
        return result

    def save(self, token: SharedToken) -> None:
        """Share ``token`` (nothing while unreachable)."""
        _secrets.register(token.access_token)
        _through_gate(self._gate, lambda: self._backend.save(token))

    def try_lock(self, ttl: float) -> Optional[str]:
        """The shared refresh lock; while unreachable a local owner id, so the caller fetches itself."""
        result = _through_gate(self._gate, lambda: self._backend.try_lock(ttl))
        if isinstance(result, _Unavailable):
            return LOCAL_OWNER_PREFIX + secrets.token_hex(8)
        return result

    def unlock(self, owner: str) -> None:
        """Release the shared lock if ``owner`` holds it; a local owner holds nothing."""
        if not owner.startswith(LOCAL_OWNER_PREFIX):
            _through_gate(self._gate, lambda: self._backend.unlock(owner))

    def discard(self, access_token: str) -> bool:
        """Delete the shared token if it is ``access_token``; ``True`` while unreachable (the caller's
        own copy is the only one it can invalidate)."""
        result = _through_gate(self._gate, lambda: self._backend.discard(access_token))
        return True if isinstance(result, _Unavailable) else result


class SharedState:
    """A backend behind the resilient layer: hands out the rate and token stores of each credential."""

    def __init__(self, backend: SharedBackend, *, retry_after: float = RETRY_SECONDS) -> None:
        self._backend = backend
        self._description = backend.describe()
        self._gate = _Gate(self._description, retry_after)

    def rate_store(self, fallback: RateStore, namespace: str = "") -> RateStore:
        """The shared rate store, answering from ``fallback`` while the backend is unreachable.
        ``namespace`` (``namespace_for(client_id, host)``) keeps credentials' budgets apart."""
        return ResilientRateStore(self._backend.rate_store(namespace), fallback, self._gate)

    def token_store(self, client_id: str, client_secret: str, host: str) -> TokenStore:
        """The shared token store of one credential on one host, sealed with its secret."""
        _secrets.register(client_secret)
        sealer = Sealer(client_secret, namespace_for(client_id, host))
        return ResilientTokenStore(self._backend.token_store(sealer), self._gate)

    @property
    def reachable(self) -> bool:
        """Whether the last call to the backend succeeded (``True`` before the first one)."""
        return not self._gate.down

    def describe(self) -> str:
        """One line naming the backend, without credentials."""
        return self._description

    def close(self) -> None:
        """Release the backend's connections (a client passed in by the caller is left open)."""
        self._backend.close()

    def __enter__(self) -> SharedState:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SharedState({self._description})"


def _require(module: str, purpose: str) -> None:
    if importlib.util.find_spec(module) is None:
        raise ApiValueError(f"{_SETTING}: {purpose} needs the Python package {module!r}: {EXTRA_HINT}")


def _check_seconds(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < math.inf:
        raise ApiValueError(f"{_SETTING}: {name} must be a number of seconds above 0, got {value!r}")
    return float(value)


def _bad_setting(setting: object, why: str = "") -> ApiValueError:
    shown = _log.one_line(redact_url(setting), 120) if isinstance(setting, str) else type(setting).__name__
    reason = f" ({why})" if why else ""
    return ApiValueError(f"{_SETTING} must be {_FORMS}; got {shown!r}{reason}")


def _file_backend(url: str) -> FileBackend:
    parts = urlsplit(url)
    path = unquote(parts.path)
    if parts.netloc not in ("", "localhost") or not path.startswith("/") or parts.query or parts.fragment:
        raise _bad_setting(url, "a file URL names an absolute directory: file:///path/to/directory")
    _require("cryptography", "file:// shared state")
    from criteo_api_marketingsolutions_v2020_10._shared_file import FileBackend

    return FileBackend(path)


def _redis_url_backend(url: str, timeout: float, prefix: str) -> SharedBackend:
    scheme, rest = url.split("://", 1)
    url = f"{scheme.lower()}://{rest}"
    # redis-py reads a path that is not a number as database 0: refuse it rather than share the wrong one.
    if scheme.lower() != "unix" and not re.fullmatch(r"/?[0-9]*", urlsplit(url).path):
        raise _bad_setting(url, "the path of a redis URL is the database number: redis://host:port/0")
    _require("redis", "a Redis URL")
    _require("cryptography", "Redis shared state")
    from criteo_api_marketingsolutions_v2020_10 import _shared_redis

    try:
        client = _shared_redis.client_from_url(url, timeout)
    except ValueError as error:  # redis-py's own check of the URL (scheme, port, db)
        raise _bad_setting(url, _log.one_line(redact_url(str(error)), 120))
    return _shared_redis.RedisBackend(client, prefix, owns_client=True, description=f"redis at {redact_url(url)}")


def _looks_like_redis_client(setting: object) -> bool:
    return callable(getattr(setting, "register_script", None)) and callable(getattr(setting, "evalsha", None))


def _backend_for(setting: object, timeout: float, prefix: str) -> SharedBackend:
    if isinstance(setting, str):
        scheme = setting.split("://", 1)[0].lower() if "://" in setting else ""
        if scheme in _REDIS_SCHEMES:
            return _redis_url_backend(setting, timeout, prefix)
        if scheme == "file":
            return _file_backend(setting)
        raise _bad_setting(setting)
    if _looks_like_redis_client(setting):
        _require("cryptography", "Redis shared state")
        from criteo_api_marketingsolutions_v2020_10 import _shared_redis

        return _shared_redis.RedisBackend(setting, prefix, owns_client=False)
    raise _bad_setting(setting)


def open_shared_state(
    setting: object,
    *,
    timeout: float = DEFAULT_REDIS_TIMEOUT,
    retry_after: float = RETRY_SECONDS,
    prefix: str = DEFAULT_PREFIX,
) -> Optional[SharedState]:
    """The ``SharedState`` a ``Configuration.shared_state`` setting names, or ``None`` for ``None``.

    Accepted: a ``redis://``, ``rediss://`` or ``unix://`` URL (a client with ``timeout`` as its socket
    timeouts and no retries; needs the ``redis`` extra), a ``redis.Redis`` client (used as it is), a
    ``file:///path/to/directory`` URL, or a ``SharedState``. Nothing is connected or created here: a
    wrong setting raises ``ApiValueError`` (without any password it held), an unreachable backend is
    found out, and survived, on first use.
    """
    if setting is None:
        return None
    if isinstance(setting, SharedState):
        return setting
    retry_after = _check_seconds(retry_after, "retry_after")
    backend = _backend_for(setting, _check_seconds(timeout, "timeout"), prefix)
    return SharedState(backend, retry_after=retry_after)
