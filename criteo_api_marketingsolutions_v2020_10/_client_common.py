"""What the synchronous and the asynchronous ``ApiClient`` share: default headers, building requests, fixed auth.

Both clients keep the same state under the same names (``configuration``,
``default_headers``, ``cookie``, ``auth``); only running a call differs, and
it lives in each client.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Tuple

from criteo_api_marketingsolutions_v2020_10._auth import NO_AUTH, Auth, HeaderAuth
from criteo_api_marketingsolutions_v2020_10._constants import DEFAULT_USER_AGENT
from criteo_api_marketingsolutions_v2020_10._request import (
    Request,
    Target,
    base_url,
    build_request,
    check_arguments,
    check_headers,
)
from criteo_api_marketingsolutions_v2020_10.configuration import Configuration
from criteo_api_marketingsolutions_v2020_10.endpoint import CALL_OPTIONS, Endpoint
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiTypeError

__all__ = ["ClientCore"]


class ClientCore:
    """The request-building half of a client (see ``ApiClient``)."""

    configuration: Configuration
    auth: Optional[Auth]

    def __init__(self, configuration: Configuration, header_name: Optional[str], header_value: Optional[str],
                 cookie: Optional[str], auth: Optional[Auth]) -> None:
        self.configuration = configuration
        self.default_headers: Dict[str, str] = {}
        if header_name is not None and header_value is not None:
            self.default_headers[header_name] = header_value
        self.cookie = cookie
        self.user_agent = DEFAULT_USER_AGENT
        self.auth = auth
        self._fixed_auth: Optional[Tuple[Any, Auth]] = None
        self._checked_headers: Optional[Tuple[Dict[str, str], Dict[str, str]]] = None

    @property
    def user_agent(self) -> str:
        """The ``User-Agent`` header sent with every call."""
        return self.default_headers["User-Agent"]

    @user_agent.setter
    def user_agent(self, value: str) -> None:
        self.default_headers["User-Agent"] = value

    def set_default_header(self, header_name: str, header_value: str) -> None:
        """Send ``header_name: header_value`` with every call."""
        self.default_headers[header_name] = header_value

    @staticmethod
    def _options(endpoint: Endpoint, options: Dict[str, Any]) -> Dict[str, Any]:
        """``options`` completed with the defaults; an unknown one is an ``ApiTypeError`` naming it."""
        if not options:
            return CALL_OPTIONS  # read-only from here on
        unknown = options.keys() - CALL_OPTIONS.keys()
        if unknown:
            key = sorted(unknown)[0]
            raise ApiTypeError(f"{endpoint.name}() got an unexpected keyword argument {key!r}", [key])
        return {**CALL_OPTIONS, **options}

    @staticmethod
    def _token_cache_key(cfg: Configuration) -> Optional[Tuple[Any, ...]]:
        """What a managed-token cache belongs to (a new one when it changes: the credentials, the host or
        the shared state); ``None`` without client credentials."""
        if not (cfg.client_id and cfg.client_secret):
            return None
        return (cfg.client_id, cfg.client_secret, cfg.host, cfg.server_index, id(cfg.shared_state))

    def _fixed(self, cfg: Configuration) -> Auth:
        token: Any = cfg.access_token
        if token:
            # A value that is not text is refused by HeaderAuth, naming the setting.
            value = f"Bearer {token.strip()}" if isinstance(token, str) else token
            setting = "Configuration.access_token"
        else:
            settings = cfg.auth_settings().get("Authorization")
            if not settings:
                return NO_AUTH
            value, setting = settings["value"], "Configuration.api_key['Authorization']"
        cached = self._fixed_auth
        if cached is None or cached[0] != value:
            cached = self._fixed_auth = (value, HeaderAuth(value, setting))
        return cached[1]

    def _build(self, endpoint: Endpoint, arguments: Tuple[Any, ...], options: Dict[str, Any]) -> Request:
        cfg = self.configuration
        check_types = bool(options["_check_input_type"]) and cfg.client_side_validation
        values = check_arguments(endpoint, arguments, check_types)
        return build_request(endpoint, values, self._target(endpoint, options["_host_index"]), options["_content_type"])

    def _target(self, endpoint: Endpoint, host_index: Optional[int]) -> Target:
        # The check of the default headers is kept while they stay the same
        # strings: a header value passes or fails on its characters alone.
        defaults = self.default_headers
        checked = self._checked_headers
        if checked is None or checked[0] != defaults:
            checked = self._checked_headers = (dict(defaults), check_headers("ApiClient.default_headers", defaults))
        headers = checked[1]
        cookie = self.cookie
        if cookie is not None:
            check_headers("ApiClient.cookie", {"Cookie": cookie})
        safe = self.configuration.safe_chars_for_path_param
        return Target(base_url(self.configuration, endpoint, host_index), safe, headers, cookie)
