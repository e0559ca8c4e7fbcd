"""What bounds the calls of one client: the ``Limits`` of each call, and the rate governor behind them.

``CallLimits`` turns the settings of a ``Configuration`` (timeouts, deadlines,
retries, body limit, rate limits, shared state) into the ``Limits`` the
pipeline runs under, and keeps them while those settings are the very same
objects, so the hot path checks nothing twice.

The governor of an application is process-wide (``_rate.governor_for``): its
identity is a hash of the host and the credentials, so every client and
thread using the same credentials shares one budget. With
``Configuration.shared_state`` the budget lives in Redis or in files, shared
with other processes and machines (``_shared_state``).
"""

from __future__ import annotations

import hashlib
import operator
import threading
from typing import Any, Callable, Dict, Optional, Tuple

from criteo_api_marketingsolutions_v2020_10 import _rate, _retry
from criteo_api_marketingsolutions_v2020_10._pipeline import Limits
from criteo_api_marketingsolutions_v2020_10.configuration import Configuration
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError
from criteo_api_marketingsolutions_v2020_10.rest import to_timeout

__all__ = ["CallLimits", "application_identity", "shared_state_of", "shared_tokens"]

# Settings whose objects key the cache: any of them replaced means the limits are built again.
_SETTINGS = (
    "request_timeout", "call_deadline", "retries", "max_response_bytes", "stream_deadline", "rate_limits",
    "shared_state", "host", "client_id", "access_token",
)

_shared_states: Dict[Any, Any] = {}
_shared_lock = threading.Lock()


def application_identity(cfg: Configuration) -> str:
    """A hash naming the application whose quota a call spends: the host and the client id (or the token).

    Never the id, the token or the secret in clear: it ends up in the keys of shared stores.
    """
    if cfg.client_id:
        who = f"client\0{cfg.client_id}"
    else:
        who = f"token\0{cfg.access_token or ''}\0{cfg.api_key.get('Authorization', '')}"
    return hashlib.sha256(f"{cfg.host}\0{who}".encode("utf-8", "surrogatepass")).hexdigest()[:32]


def shared_state_of(setting: object) -> Any:
    """The open shared state for ``Configuration.shared_state`` (one per setting in the process), or ``None``."""
    if setting is None:
        return None
    key: Any = setting if isinstance(setting, str) else id(setting)
    with _shared_lock:
        entry = _shared_states.get(key)
        if entry is None:
            from criteo_api_marketingsolutions_v2020_10._shared_state import open_shared_state

            # The setting is kept with its state, so that the id() of a client object is never reused.
            entry = _shared_states[key] = (open_shared_state(setting), setting)
        return entry[0]


def shared_tokens(cfg: Configuration, clock: Callable[[], float], wall_clock: Callable[[], float]) -> Any:
    """The token shared by the processes using ``cfg``'s credentials, or ``None`` without shared state."""
    state = shared_state_of(cfg.shared_state)
    if state is None or not (cfg.client_id and cfg.client_secret):
        return None
    from criteo_api_marketingsolutions_v2020_10._shared_token import SharedTokens

    return SharedTokens(state.token_store(cfg.client_id, cfg.client_secret, cfg.host), clock, wall_clock)


def _is_seconds(value: object) -> bool:
    return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0)


def _is_byte_limit(value: object) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and value > 0)


def check_limits(cfg: Configuration) -> None:
    """Refuse a deadline or body limit that is not a number of the right kind, naming the setting."""
    if not _is_seconds(cfg.call_deadline):
        raise ApiValueError("Configuration.call_deadline must be a number of seconds (0 or None: no deadline)")
    if not _is_seconds(cfg.stream_deadline):
        raise ApiValueError("Configuration.stream_deadline must be a number of seconds (0 or None: no limit)")
    if not _is_byte_limit(cfg.max_response_bytes):
        raise ApiValueError("Configuration.max_response_bytes must be a positive number of bytes, or None")


class CallLimits:
    """The ``Limits`` of the calls of one client, rebuilt when a setting is replaced."""

    def __init__(self) -> None:
        self._cached: Optional[Tuple[Tuple[Any, ...], Limits, Limits]] = None

    def for_call(self, cfg: Configuration, token_request: bool, per_call_timeout: Any) -> Limits:
        """The limits of one call: the token request's (never governed), or an API call's."""
        cached = self._cached
        if cached is None or not _same(cached[0], cfg):
            cached = self._cached = self._build(cfg)
        limits = cached[2] if token_request else cached[1]
        if per_call_timeout is not None:
            limits = limits._replace(timeout=to_timeout(per_call_timeout))
        return limits

    @staticmethod
    def _build(cfg: Configuration) -> Tuple[Tuple[Any, ...], Limits, Limits]:
        check_limits(cfg)
        groups = _rate.check_rate_limits(cfg.rate_limits)
        policy = _retry.policy_from(cfg.retries)
        timeout = to_timeout(cfg.request_timeout, setting="Configuration.request_timeout")
        governor = None
        if groups is not None:
            state = shared_state_of(cfg.shared_state)
            identity = application_identity(cfg)
            store = state.rate_store(_rate.process_store()) if state is not None else None
            governor = _rate.governor_for(groups, identity, store)
        api = Limits(timeout, cfg.call_deadline, policy, cfg.max_response_bytes, cfg.stream_deadline, governor)
        token = Limits(timeout, cfg.call_deadline, _retry.with_post_allowed(policy), cfg.max_response_bytes)
        return _read_settings(cfg), api, token


_read_settings = operator.attrgetter(*_SETTINGS)


def _same(key: Tuple[Any, ...], cfg: Configuration) -> bool:
    """Whether ``cfg``'s limit settings are the very objects ``key`` holds."""
    return all(map(operator.is_, _read_settings(cfg), key))
