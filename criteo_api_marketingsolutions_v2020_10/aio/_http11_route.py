"""Where the native transport sends a request: directly, to a forwarding proxy (``http://``) or through a
``CONNECT`` tunnel (``https://``), and the request target and ``Host`` that go with it.

``Router`` reads ``Configuration.proxy``, ``proxy_headers`` and ``no_proxy``
once and routes each origin once; later URLs of a known origin only have
their target cut off.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Mapping, NamedTuple, Optional, Tuple
from urllib.parse import quote, urlsplit

from criteo_api_marketingsolutions_v2020_10._transport_errors import mark_sent
from criteo_api_marketingsolutions_v2020_10.aio._transport_settings import bypasses_proxy, no_proxy_entries
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiConnectionError, ApiValueError

__all__ = ["Route", "Router"]

_DEFAULT_PORTS = {"http": 80, "https": 443}
#: Bytes a request target may not carry as they are (RFC 3986 allows visible ASCII only).
_UNSAFE_TARGET = re.compile(r"[^\x21-\x7e]")
#: Origins one router remembers; calls of one client go to one or two.
_KNOWN_ORIGINS = 64


class Route(NamedTuple):
    """Where the requests to one origin go: the connection's ``origin`` (the pool's key), what to connect
    to, and the ``Host`` header; the same for every URL of that origin."""

    origin: Tuple[str, ...]
    connect_host: str
    connect_port: int
    tls_host: Optional[str]  # the name TLS checks, None for plain HTTP
    tunnel: Optional[str]  # the authority of a CONNECT tunnel
    target_prefix: str  # put before the path: the scheme and authority when a proxy forwards the request
    host_header: str
    proxy_headers: Optional[Mapping[str, str]]  # sent with the request (forwarding) or with CONNECT (tunnel)


def _invalid_url(detail: str) -> ApiConnectionError:
    return mark_sent(ApiConnectionError(reason=f"invalid URL: {detail}"), False)


def _authority(host: str, port: int, scheme: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return shown if _DEFAULT_PORTS.get(scheme) == port else f"{shown}:{port}"


def _split(url: str) -> Tuple[str, str, int, str]:
    """Scheme, host, port and request target of ``url``; an ``ApiConnectionError`` for one that cannot be sent."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise _invalid_url("the scheme is not http or https")
    try:
        port = parts.port or _DEFAULT_PORTS[scheme]
    except ValueError:
        raise _invalid_url("the port is not a number from 0 to 65535") from None
    if not parts.hostname:
        raise _invalid_url("it names no host")
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if _UNSAFE_TARGET.search(target):
        target = quote(target, safe="!#$%&'()*+,/:;=?@[]~")
    return scheme, parts.hostname, port, target


def _proxy_address(proxy: Optional[str]) -> Optional[Tuple[str, int]]:
    if proxy is None:
        return None
    parts = urlsplit(proxy)
    if parts.scheme.lower() != "http" or not parts.hostname:
        raise ApiValueError(
            "Configuration.proxy must be an http:// URL with a host for the native transport "
            "(AiohttpTransport or HttpxTransport for others)"
        )
    return parts.hostname, parts.port or 80


class Router:
    """Routes the URLs of one transport, by its configuration's proxy settings."""

    def __init__(self, configuration: Any = None) -> None:
        self._proxy = _proxy_address(getattr(configuration, "proxy", None) or None)
        self._proxy_headers: Optional[Mapping[str, str]] = getattr(configuration, "proxy_headers", None) or None
        self._no_proxy = no_proxy_entries(configuration)
        self._routes: Dict[str, Route] = {}

    def route(self, url: str) -> Tuple[Route, str]:
        """The route of ``url`` and its request target."""
        # Calls of one client go to one or two origins: route each origin once, then only cut the target off.
        scheme_end = url.find("://")
        start = url.find("/", scheme_end + 3) if scheme_end > 0 else -1
        prefix = url[:start]
        cacheable = start > 0 and "?" not in prefix and "#" not in url and not _UNSAFE_TARGET.search(url, start)
        if cacheable:
            known = self._routes.get(prefix)
            if known is not None:
                return known, known.target_prefix + url[start:]
        scheme, host, port, target = _split(url)
        route = self._route_to(scheme, host, port, url)
        if cacheable and len(self._routes) < _KNOWN_ORIGINS:
            self._routes[prefix] = route
        return route, route.target_prefix + target

    def _route_to(self, scheme: str, host: str, port: int, url: str) -> Route:
        authority = _authority(host, port, scheme)
        if self._proxy is None or bypasses_proxy(url, self._no_proxy):
            tls_host = host if scheme == "https" else None
            return Route((scheme, host, str(port)), host, port, tls_host, None, "", authority, None)
        proxy_host, proxy_port = self._proxy
        if scheme == "http":  # forwarded: the proxy gets the whole URL
            origin: Tuple[str, ...] = ("forward", proxy_host, str(proxy_port))
            forward = f"http://{authority}"
            return Route(origin, proxy_host, proxy_port, None, None, forward, authority, self._proxy_headers)
        tunnel = f"{f'[{host}]' if ':' in host else host}:{port}"
        origin = ("tunnel", proxy_host, str(proxy_port), host, str(port))
        return Route(origin, proxy_host, proxy_port, host, tunnel, "", authority, self._proxy_headers)
