"""What every asynchronous transport reads from ``Configuration`` the same way: timeouts, TLS and proxies.

Kept apart from the transports so that none of them imports another's library.
"""

from __future__ import annotations

import functools
import importlib
import ssl
from typing import Any, Optional, Tuple, Union
from urllib.parse import urlsplit

import urllib3

__all__ = [
    "DEFAULT_LIMIT",
    "SslSetting",
    "bypasses_proxy",
    "import_optional",
    "no_proxy_entries",
    "seconds",
    "ssl_setting",
    "system_trust",
    "timeout_parts",
    "tls_configured",
]

#: Connections per transport when neither ``limit`` nor the configuration says.
DEFAULT_LIMIT = 100

#: What TLS means for a request: a context, ``False`` (no verification) or ``True`` (the library's default).
SslSetting = Union[ssl.SSLContext, bool]


def import_optional(module: str, extra: str, transport: str) -> Any:
    """Import an optional library, or say which extra installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            f"{transport} needs the '{module}' package: pip install 'criteo-api-marketingsolutions-v2020-10[{extra}]'"
        ) from exc


def seconds(value: object) -> Optional[float]:
    """A timeout part as a number of seconds; ``None`` for anything else (unset, urllib3's default sentinel)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None


def timeout_parts(timeout: urllib3.Timeout) -> Tuple[Optional[float], Optional[float]]:
    """The connect and read parts of ``timeout``, in seconds or ``None`` (a ``total`` caps both)."""
    if timeout.total is None:  # each part stands alone: nothing to work out against a start
        return seconds(timeout.connect_timeout), seconds(timeout.read_timeout)
    started = timeout.clone()
    started.start_connect()  # without it, a Timeout with a total cannot tell its read part
    return seconds(started.connect_timeout), seconds(started.read_timeout)


def ssl_setting(configuration: Any) -> SslSetting:
    """The TLS setting of ``Configuration``: ``verify_ssl``, ``ssl_ca_cert``, ``cert_file``/``key_file`` and
    ``assert_hostname=False``; the system's trust store, as the urllib3 transport uses, by default.

    The default is ``True``, the library's own verified context (the system's trust store too), made once
    per process: loading a trust store takes tens of milliseconds, which a client made inside a running
    event loop would hold the loop for.
    """
    if not tls_configured(configuration):
        return True
    if not configuration.verify_ssl:
        return False
    context = ssl.create_default_context(cafile=configuration.ssl_ca_cert or None)
    if configuration.cert_file:
        context.load_cert_chain(configuration.cert_file, configuration.key_file or None)
    if configuration.assert_hostname is False:
        context.check_hostname = False
    return context


@functools.lru_cache(maxsize=1)
def system_trust() -> ssl.SSLContext:
    """A verifying TLS context on the system's trust store, made once per process (loading it is slow)."""
    return ssl.create_default_context()


def tls_configured(configuration: Any) -> bool:
    """Whether ``configuration`` sets TLS apart from the defaults (then it applies to a session you pass too)."""
    if configuration is None:
        return False
    return not configuration.verify_ssl or bool(
        configuration.ssl_ca_cert or configuration.cert_file or configuration.assert_hostname is False
    )


def no_proxy_entries(configuration: Any) -> Tuple[str, ...]:
    """The hosts and domains of ``Configuration.no_proxy``, lower case, without a leading ``*``."""
    value = getattr(configuration, "no_proxy", None)
    if not value:
        return ()
    return tuple(part.strip().lower().lstrip("*") for part in value.split(",") if part.strip())


def bypasses_proxy(url: str, entries: Tuple[str, ...]) -> bool:
    """Whether ``url``'s host matches ``entries``: ``*``, a host, or a domain and its subdomains."""
    host = (urlsplit(url).hostname or "").lower()
    for entry in entries:
        domain = entry.lstrip(".")
        if not domain or host == domain or host.endswith("." + domain):
            return True
    return False
