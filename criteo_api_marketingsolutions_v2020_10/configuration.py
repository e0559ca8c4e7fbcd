"""``Configuration``: where to send calls, how to authenticate, and how to connect.

Every setting is read by the client; secrets never show in ``repr``, in logs or in ``to_debug_report()``.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from typing import Any, ClassVar, Dict, List, Mapping, Optional, Union

import urllib3

from criteo_api_marketingsolutions_v2020_10 import _constants, _log, _log_settings
from criteo_api_marketingsolutions_v2020_10._rate_groups import DEFAULT_RATE_LIMITS
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiKeyError, ApiValueError

__all__ = ["Configuration", "JSON_SCHEMA_VALIDATION_KEYWORDS"]

JSON_SCHEMA_VALIDATION_KEYWORDS = frozenset({
    "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
    "maxLength", "minLength", "pattern", "maxItems", "minItems",
})


def _one_credential(name: str, value: Optional[str], alias: str, alias_value: Optional[str]) -> Optional[str]:
    """``value``, else ``alias_value``; both given and different is an error."""
    if value is not None and alias_value is not None and alias_value != value:
        raise ApiValueError(f"{name} and {alias} name the same credential; give one of them")
    return alias_value if value is None else value


#: Settings a copy shares rather than copies: loggers are process-wide, a shared state (a Redis
#: client) is a connection, and rate limits are read-only (the default ones cannot even be copied).
_SHARED_BY_COPIES = frozenset({"logger", "shared_state", "rate_limits"})


class Configuration:
    """Settings for an ``ApiClient``: docs/Configuration.md gives each one, its default and its effect.

    ``host`` (given or assigned) wins over ``server_index``, which is then ``None`` until assigned. With
    ``client_id``/``client_secret`` (aliases ``username``/``password``) the client manages its own tokens.
    Logging (``debug``, ``logger_file``) is process-wide: each configuration undoes only what it turned on.
    """

    _default: ClassVar[Optional[Configuration]] = None
    _default_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(
        self,
        host: Optional[str] = None,
        api_key: Optional[Dict[str, str]] = None, api_key_prefix: Optional[Dict[str, str]] = None,
        access_token: Optional[str] = None, username: Optional[str] = None, password: Optional[str] = None,
        discard_unknown_keys: bool = False, disabled_client_side_validations: str = "",
        server_index: Optional[int] = None, server_variables: Optional[Dict[str, str]] = None,
        server_operation_index: Optional[Dict[str, int]] = None,
        server_operation_variables: Optional[Dict[str, Dict[str, str]]] = None,
        ssl_ca_cert: Optional[str] = None, client_id: Optional[str] = None, client_secret: Optional[str] = None,
    ) -> None:
        self._base_path = _constants.DEFAULT_HOST if host is None else host
        self.server_index: Optional[int] = None if host is not None else (server_index or 0)
        self.server_operation_index = server_operation_index or {}
        self.server_variables = server_variables or {}
        self.server_operation_variables = server_operation_variables or {}
        self.api_key: Dict[str, str] = dict(api_key or {})
        self.api_key_prefix: Dict[str, str] = dict(api_key_prefix or {})
        self.refresh_api_key_hook: Optional[Any] = None  # called with the configuration before api_key is read
        self.access_token = access_token
        self.client_id = _one_credential("client_id", client_id, "username", username)
        self.client_secret = _one_credential("client_secret", client_secret, "password", password)
        self.discard_unknown_keys = discard_unknown_keys
        self.disabled_client_side_validations = disabled_client_side_validations
        self.logger = {"package_logger": _log.package_logger}
        self._logger_format = _log.DEFAULT_LOG_FORMAT
        self._logger_file: Optional[str] = None
        self._log_claims = _log_settings.LogClaims()
        # Transport (rest.py): TLS, client certificate, proxy, pool, sockets.
        self.verify_ssl = True
        self.ssl_ca_cert = ssl_ca_cert
        self.cert_file: Optional[str] = None
        self.key_file: Optional[str] = None
        self.assert_hostname: Optional[Union[bool, str]] = None
        self.connection_pool_maxsize = _constants.DEFAULT_CONNECTION_POOL_MAXSIZE
        self.proxy: Optional[str] = None
        self.no_proxy: Optional[str] = None  # comma-separated hosts reached without the proxy
        self.proxy_headers: Optional[Dict[str, str]] = None
        self.socket_options: Optional[List[Any]] = None
        # Calls: encoding, local checks, retries (an int or a urllib3.Retry), time and size limits.
        self.safe_chars_for_path_param = ""
        self.client_side_validation = True
        self.retries: Union[int, urllib3.Retry, None] = None
        self.request_timeout: Any = (_constants.DEFAULT_CONNECT_TIMEOUT, _constants.DEFAULT_READ_TIMEOUT)
        self.call_deadline: Optional[float] = _constants.DEFAULT_CALL_DEADLINE
        self.max_response_bytes = _constants.DEFAULT_MAX_RESPONSE_BYTES
        # Whole-body limit of streamed answers (reports), from their headers on; None: the read timeout alone.
        self.stream_deadline: Optional[float] = None
        # The application's rate limits, spent by every client with the same credentials (None: not governed),
        # and where that budget and the managed token live when processes share them (None: this process).
        self.rate_limits: Optional[Mapping[str, Any]] = DEFAULT_RATE_LIMITS
        self.shared_state: Any = None
        self.token_refresh_margin = _constants.TOKEN_REFRESH_MARGIN

    @property
    def username(self) -> Optional[str]:
        """Alias of ``client_id``."""
        return self.client_id

    @username.setter
    def username(self, value: Optional[str]) -> None:
        self.client_id = value

    @property
    def password(self) -> Optional[str]:
        """Alias of ``client_secret``."""
        return self.client_secret

    @password.setter
    def password(self, value: Optional[str]) -> None:
        self.client_secret = value

    @property
    def has_client_credentials(self) -> bool:
        """True when the client should obtain and refresh tokens itself."""
        return bool(self.client_id) and bool(self.client_secret)

    @classmethod
    def from_env(cls, environ: Optional[Mapping[str, str]] = None, **overrides: Any) -> Configuration:
        """Build from ``CRITEO_CLIENT_ID``, ``CRITEO_CLIENT_SECRET`` and ``CRITEO_API_HOST``; ``overrides`` win."""
        env = os.environ if environ is None else environ
        names = {_constants.ENV_CLIENT_ID: "client_id", _constants.ENV_CLIENT_SECRET: "client_secret",
                 _constants.ENV_API_HOST: "host"}
        kwargs: Dict[str, Any] = {arg: env[var] for var, arg in names.items() if env.get(var)}
        return cls(**{**kwargs, **overrides})

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "disabled_client_side_validations" and value:
            unknown = {s.strip() for s in str(value).split(",") if s.strip()} - JSON_SCHEMA_VALIDATION_KEYWORDS
            if unknown:
                keywords = ", ".join(sorted(unknown))
                raise ApiValueError(f"Invalid keyword(s) in disabled_client_side_validations: {keywords}")
        object.__setattr__(self, name, value)

    def __deepcopy__(self, memo: Dict[int, Any]) -> Configuration:
        import copy  # here, not at module level: importing the SDK stays cheap

        result = self.__class__.__new__(self.__class__)
        memo[id(self)] = result
        for key, value in self.__dict__.items():
            if key == "_log_claims":  # the copy holds the same logging settings on its own account
                value = _log_settings.copy_claims(result, value)
            elif key not in _SHARED_BY_COPIES:
                value = copy.deepcopy(value, memo)
            object.__setattr__(result, key, value)
        return result

    def __repr__(self) -> str:
        return f"Configuration(host={self.host!r}, client_id={self.client_id!r}, ...)"

    @classmethod
    def set_default(cls, default: Optional[Configuration]) -> None:
        """Make a copy of ``default`` the configuration of clients built without one."""
        import copy

        with cls._default_lock:
            cls._default = copy.deepcopy(default)

    @classmethod
    def get_default_copy(cls) -> Configuration:
        """A copy of the default configuration (a new one when none was set)."""
        import copy

        with cls._default_lock:
            if cls._default is not None:
                return copy.deepcopy(cls._default)
        return cls()

    @classmethod
    def get_default(cls) -> Configuration:
        """The default configuration itself, created on first use."""
        with cls._default_lock:
            if cls._default is None:
                cls._default = cls()
            return cls._default

    @property
    def logger_file(self) -> Optional[str]:
        """A file that receives this package's log records (redacted), from every client."""
        return self._logger_file

    @logger_file.setter
    def logger_file(self, value: Optional[str]) -> None:
        _log_settings.set_file(self, self._log_claims, value, self._logger_format)
        self._logger_file = value

    @property
    def logger_file_handler(self) -> Optional[logging.Handler]:
        """The handler writing ``logger_file`` (shared by configurations naming the same file and format)."""
        return _log_settings.file_handler(self._log_claims)

    @property
    def debug(self) -> bool:
        """True keeps this package's loggers at DEBUG (never ``http.client``'s printing)."""
        return "debug" in self._log_claims

    @debug.setter
    def debug(self, value: bool) -> None:
        _log_settings.set_debug(self, self._log_claims, bool(value))

    @property
    def logger_format(self) -> str:
        """The format of records written to ``logger_file``."""
        return self._logger_format

    @logger_format.setter
    def logger_format(self, value: str) -> None:
        _log_settings.set_file(self, self._log_claims, self._logger_file, value)
        self._logger_format = value

    def get_api_key_with_prefix(self, identifier: str, alias: Optional[str] = None) -> Optional[str]:
        """``api_key[identifier]`` (else ``api_key[alias]``) with its ``api_key_prefix``, or ``None``."""
        if self.refresh_api_key_hook is not None:
            self.refresh_api_key_hook(self)
        key = self.api_key.get(identifier, self.api_key.get(alias) if alias is not None else None)
        prefix = self.api_key_prefix.get(identifier)
        return (f"{prefix} {key}" if prefix else key) if key else None

    def get_basic_auth_token(self) -> Optional[str]:
        """``Basic`` credentials from ``username``/``password`` (the API itself uses OAuth)."""
        if self.username is None and self.password is None:
            return None
        return urllib3.make_headers(basic_auth=f"{self.username or ''}:{self.password or ''}").get("authorization")

    def auth_settings(self) -> Dict[str, Dict[str, Any]]:
        """``{"Authorization": {...}}`` from ``access_token``, else ``api_key``, else ``{}`` (not managed tokens)."""
        value = f"Bearer {self.access_token}" if self.access_token else self.get_api_key_with_prefix("Authorization")
        if not value:
            return {}
        return {"Authorization": {"type": "oauth2", "in": "header", "key": "Authorization", "value": value}}

    def to_debug_report(self) -> str:
        """Versions useful in a bug report; contains no setting and no secret."""
        import platform
        from importlib.metadata import version

        return (
            f"Python SDK Debug Report:\nOS: {sys.platform} ({platform.platform()})\n"
            f"Python Version: {sys.version.split()[0]}\nurllib3 Version: {version('urllib3')}\n"
            f"Version of the API: {_constants.API_VERSION}\nSDK Package Version: {_constants.__version__}"
        )

    def get_host_settings(self) -> List[Dict[str, Any]]:
        """The servers the spec lists, each ``{"url", "description", "variables"}``."""
        return [{"url": _constants.DEFAULT_HOST, "description": "Criteo API (production)", "variables": {}}]

    def get_host_from_settings(
        self, index: Optional[int], variables: Optional[Dict[str, str]] = None,
        servers: Optional[List[Dict[str, Any]]] = None,
    ) -> str:
        """The URL of server ``index`` with its variables filled in (``host`` when index is None)."""
        if index is None:
            return self._base_path
        servers = self.get_host_settings() if servers is None else servers
        if type(index) is not int or not 0 <= index < len(servers):  # bool is refused too
            raise ApiValueError(f"Invalid server index {index!r}: must be less than {len(servers)}")
        return _fill_server_url(servers[index], variables or {})

    @property
    def host(self) -> str:
        """The base URL every call goes to."""
        return self.get_host_from_settings(self.server_index, variables=self.server_variables)

    @host.setter
    def host(self, value: str) -> None:
        self._base_path = value
        self.server_index = None


def _fill_server_url(server: Dict[str, Any], variables: Dict[str, str]) -> str:
    """``server["url"]`` with each of its variables replaced by its value or its default."""
    url: str = server["url"]
    declared: Dict[str, Any] = server.get("variables", {})
    for name, spec in declared.items():
        value: str = variables[name] if name in variables else spec["default_value"]
        allowed = spec.get("enum_values")
        if allowed and value not in allowed:
            raise ApiValueError(f"Invalid value for server variable {name!r}: {value!r}; allowed: {allowed}")
        url = url.replace("{" + name + "}", value)
    unknown = set(variables) - set(declared)
    if unknown:
        raise ApiKeyError(f"Unknown server variable(s): {', '.join(sorted(unknown))}")
    return url
