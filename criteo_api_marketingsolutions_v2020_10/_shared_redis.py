"""The Redis backend of shared state: one GCRA budget and one sealed token per credential, for every
process on every machine that reaches the server.

Each operation is one round trip: a Lua script (``EVALSHA``; redis-py loads it again after a server
restart) or a single command. The rate scripts read the server's clock (``TIME``), so machines whose
clocks are skewed or jump still agree. The theoretical arrival time (TAT) of a key is kept in
microseconds as an integer string, with a ``PX`` expiry a little past the moment it stops mattering,
so idle keys disappear. A value of the wrong type or that does not parse counts as no value at all.

Keys (``prefix`` includes the namespace, a hash of client id and host; nothing else identifies a
credential): ``{prefix}:rate:{key}``; ``{prefix}:token:{namespace}``, a hash with the sealed token
(base64) and its keyed fingerprint, which lets ``discard`` compare tokens in Lua without decrypting;
``{prefix}:token:{namespace}:lock``, the refresh lock (``SET NX PX``).

``redis`` is imported lazily: the SDK works without the extra.
"""

from __future__ import annotations

import base64
import binascii
import importlib
import importlib.util
import math
import secrets
import time
from typing import Any, Dict, Optional

from criteo_api_marketingsolutions_v2020_10._seal import Sealer, open_token, seal_token
from criteo_api_marketingsolutions_v2020_10._shared_state import SharedStateError, SharedToken
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError

__all__ = ["MAX_HOLD_SECONDS", "RedisBackend", "RedisRateStore", "RedisTokenStore", "client_from_url"]

#: The longest hold a key can carry; a stored TAT further away than this is treated as garbage.
MAX_HOLD_SECONDS = 86400.0
# How long a TAT key outlives the moment it stops mattering, in milliseconds.
_EXPIRY_MARGIN_MS = 1000
_MICROS = 1_000_000

# Shared by both rate scripts: the server's clock in microseconds, and the stored TAT when it is a sane
# number (missing, another type, not a number, not finite, beyond the longest hold: none).
_READ_TAT = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local stored = redis.pcall('GET', KEYS[1])
local tat = nil
if type(stored) == 'string' then
  tat = tonumber(stored)
  if tat ~= nil and not (tat >= 0 and tat <= now + tonumber(ARGV[4])) then tat = nil end
end
"""
# ARGV: interval, burst, max_wait (-1: none), longest hold, expiry margin (ms); all in microseconds.
_RESERVE = _READ_TAT + """
if tat == nil or tat < now then tat = now end
local wait = tat - tonumber(ARGV[2]) - now
if wait < 0 then wait = 0 end
local max_wait = tonumber(ARGV[3])
if max_wait >= 0 and wait > max_wait then return -1 end
local next_tat = tat + tonumber(ARGV[1])
redis.call('SET', KEYS[1], string.format('%.0f', next_tat),
           'PX', math.floor((next_tat - now) / 1000) + tonumber(ARGV[5]))
return wait
"""
# ARGV: as for _RESERVE; reserves nothing.
_PEEK = _READ_TAT + """
if tat == nil or tat < now then tat = now end
local wait = tat - tonumber(ARGV[2]) - now
if wait < 0 then wait = 0 end
return wait
"""
# ARGV: hold, burst, interval, longest hold, expiry margin (ms).
_HOLD = _READ_TAT + """
local target = now + tonumber(ARGV[1]) + tonumber(ARGV[2])
if tat ~= nil and tat >= target then return 0 end
redis.call('SET', KEYS[1], string.format('%.0f', target),
           'PX', math.floor((target - now + tonumber(ARGV[3])) / 1000) + tonumber(ARGV[5]))
return 1
"""
# Replaces whatever the key held (even of another type) in one step. ARGV: sealed, fingerprint, ttl (ms).
_SAVE = """
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'sealed', ARGV[1], 'fingerprint', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
"""
_LOAD = """
local sealed = redis.pcall('HGET', KEYS[1], 'sealed')
if type(sealed) == 'string' then return sealed end
return false
"""
# Compare-and-delete: ARGV[1] is the expected value of the field ARGV[2] (or of the string when absent).
_DELETE_IF = """
local current
if ARGV[2] then current = redis.pcall('HGET', KEYS[1], ARGV[2]) else current = redis.pcall('GET', KEYS[1]) end
if type(current) == 'string' and current == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
"""


def _redis_module(name: str = "redis") -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        raise ApiValueError(
            "Configuration.shared_state: a Redis URL needs the Python package 'redis': "
            "pip install 'criteo-api-marketingsolutions-v2020-10[redis]'"
        )


def _bound_options() -> Dict[str, Any]:
    """What keeps redis-py from outwaiting the bound: no retries, and (redis-py 7+) no maintenance
    notifications, which would relax the socket timeout to seconds during a server's maintenance."""
    options: Dict[str, Any] = {
        "retry_on_timeout": False,
        "retry": _redis_module("redis.retry").Retry(_redis_module("redis.backoff").NoBackoff(), 0),
    }
    if importlib.util.find_spec("redis.maint_notifications") is not None:
        config = importlib.import_module("redis.maint_notifications").MaintNotificationsConfig
        options["maint_notifications_config"] = config(enabled=False)
    return options


def client_from_url(url: str, timeout: float) -> Any:
    """A ``redis.Redis`` for ``url`` whose every connect and read is bounded by ``timeout`` seconds,
    without retries (a failed call is answered locally at once; the resilient layer tries again later)."""
    redis = _redis_module()
    return redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout, **_bound_options())


def _micros(seconds: object, what: str) -> int:
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not math.isfinite(seconds):
        raise ApiValueError(f"shared rate store: {what} must be a finite number of seconds, got {seconds!r}")
    return max(0, round(seconds * _MICROS))


def _integer_reply(reply: object, what: str) -> int:
    if isinstance(reply, bool) or not isinstance(reply, int):
        raise SharedStateError(f"{what}: the server replied with {type(reply).__name__}, not an integer")
    return reply


def _text(value: object) -> str:
    return value.decode("ascii") if isinstance(value, bytes) else str(value)


def _describe_client(client: Any) -> str:
    try:
        options = dict(client.connection_pool.connection_kwargs)
    except Exception:  # not redis-py's pool: say what it is, nothing more
        return f"redis client {type(client).__name__}"
    if options.get("path"):
        return f"redis client at unix:{options['path']} db {options.get('db', 0)}"
    return f"redis client at {options.get('host', '?')}:{options.get('port', '?')}/{options.get('db', 0)}"


class RedisRateStore:
    """A GCRA ``RateStore`` on Redis: keys ``{prefix}:rate:{key}``, the server's clock."""

    def __init__(self, client: Any, prefix: str) -> None:
        self._client = client
        self._prefix = prefix
        self._reserve: Any = client.register_script(_RESERVE)
        self._hold: Any = client.register_script(_HOLD)
        self._peek: Any = client.register_script(_PEEK)

    def key_for(self, key: str) -> str:
        """The Redis key that holds the TAT of ``key``."""
        return f"{self._prefix}:rate:{key}"

    def reserve(self, key: str, interval: float, burst: float, max_wait: Optional[float]) -> Optional[float]:
        """``RateStore.reserve`` in one round trip."""
        limit = -1 if max_wait is None else _micros(max_wait, "max_wait")
        args = [_micros(interval, "interval"), _micros(burst, "burst"), limit, _micros(MAX_HOLD_SECONDS, "hold"),
                _EXPIRY_MARGIN_MS]
        wait = _integer_reply(self._reserve(keys=[self.key_for(key)], args=args), "reserve")
        if wait == -1:
            return None
        if wait < 0:
            raise SharedStateError(f"reserve: the server replied with a negative wait ({wait})")
        return wait / _MICROS

    def peek(self, key: str, interval: float, burst: float) -> float:
        """The wait a reservation of ``key`` would get now, in one round trip; nothing is reserved."""
        args = [_micros(interval, "interval"), _micros(burst, "burst"), -1, _micros(MAX_HOLD_SECONDS, "hold"),
                _EXPIRY_MARGIN_MS]
        wait = _integer_reply(self._peek(keys=[self.key_for(key)], args=args), "peek")
        if wait < 0:
            raise SharedStateError(f"peek: the server replied with a negative wait ({wait})")
        return wait / _MICROS

    def hold_until(self, key: str, seconds: float, interval: float, burst: float) -> None:
        """``RateStore.hold_until`` in one round trip (holds are capped at ``MAX_HOLD_SECONDS``)."""
        hold = _micros(min(seconds, MAX_HOLD_SECONDS), "seconds")
        args = [hold, _micros(burst, "burst"), _micros(interval, "interval"), _micros(MAX_HOLD_SECONDS, "hold"),
                _EXPIRY_MARGIN_MS]
        _integer_reply(self._hold(keys=[self.key_for(key)], args=args), "hold_until")


class RedisTokenStore:
    """A ``TokenStore`` on Redis; the token is sealed with a key only holders of the secret can derive."""

    def __init__(self, client: Any, sealer: Sealer, prefix: str) -> None:
        self._client = client
        self._sealer = sealer
        self.token_key = f"{prefix}:token:{sealer.namespace}"
        self.lock_key = f"{self.token_key}:lock"
        self._save: Any = client.register_script(_SAVE)
        self._load: Any = client.register_script(_LOAD)
        self._delete_if: Any = client.register_script(_DELETE_IF)

    def load(self) -> Optional[SharedToken]:
        """The stored token if it opens with our secret and has not expired; anything else is no token."""
        reply = self._load(keys=[self.token_key], args=[])
        if reply is None or reply is False:
            return None
        if not isinstance(reply, (bytes, str)):
            raise SharedStateError(f"load: the server replied with {type(reply).__name__}")
        try:
            blob = base64.b64decode(reply, validate=True)
        except (binascii.Error, ValueError):
            return None
        opened = open_token(self._sealer, blob)
        if opened is None or opened[1] <= time.time():
            return None
        return SharedToken(*opened)

    def save(self, token: SharedToken) -> None:
        """Store ``token`` sealed, with a ``PX`` expiry at its ``expires_at`` (an expired one is not stored)."""
        ttl_ms = math.floor((token.expires_at - time.time()) * 1000)
        if ttl_ms <= 0:
            return
        sealed = base64.b64encode(seal_token(self._sealer, token.access_token, token.expires_at))
        self._save(keys=[self.token_key], args=[sealed, self._sealer.fingerprint(token.access_token), ttl_ms])

    def try_lock(self, ttl: float) -> Optional[str]:
        """``SET lock owner NX PX ttl``: a fresh owner id when acquired, else ``None``."""
        owner = secrets.token_hex(16)
        reply = self._client.set(self.lock_key, owner, nx=True, px=max(1, math.ceil(_micros(ttl, "ttl") / 1000)))
        if reply is None or reply is False:
            return None
        if reply is not True and _text(reply) != "OK":
            raise SharedStateError(f"try_lock: the server replied with {type(reply).__name__}")
        return owner

    def unlock(self, owner: str) -> None:
        """Delete the lock only if ``owner`` still holds it (it may have expired and been taken)."""
        _integer_reply(self._delete_if(keys=[self.lock_key], args=[owner]), "unlock")

    def discard(self, access_token: str) -> bool:
        """Delete the stored token only if it is ``access_token``; whether this call deleted it."""
        fingerprint = self._sealer.fingerprint(access_token)
        reply = self._delete_if(keys=[self.token_key], args=[fingerprint, "fingerprint"])
        return _integer_reply(reply, "discard") == 1


class RedisBackend:
    """The Redis ``SharedBackend``: stores on one client; ``close`` closes it only if it is ours."""

    def __init__(self, client: Any, prefix: str, *, owns_client: bool, description: Optional[str] = None) -> None:
        self._client = client
        self._prefix = prefix
        self._owns_client = owns_client
        self._description = description or _describe_client(client)

    def describe(self) -> str:
        """One line naming the server, without credentials."""
        return self._description

    def rate_store(self, namespace: str) -> RedisRateStore:
        """The rate store of ``namespace`` (``""``: keys directly under the prefix)."""
        return RedisRateStore(self._client, f"{self._prefix}:{namespace}" if namespace else self._prefix)

    def token_store(self, sealer: Sealer) -> RedisTokenStore:
        """The token store of ``sealer.namespace``."""
        return RedisTokenStore(self._client, sealer, self._prefix)

    def close(self) -> None:
        """Close the client's connections if this backend created the client."""
        if self._owns_client:
            self._client.close()
