"""The transport over a ``requests.Session``: the same I/O contract as ``RESTClientObject``.

Install with ``pip install criteo-api-marketingsolutions-v2020-10[requests]``.
"""

from __future__ import annotations

import http.cookiejar
import time
from typing import Any, Dict, List, Mapping, Optional

import urllib3
from urllib3.exceptions import NameResolutionError, NewConnectionError

from criteo_api_marketingsolutions_v2020_10 import _deadline_io
from criteo_api_marketingsolutions_v2020_10._transport_errors import (
    CONNECT_TIMEOUT,
    READ_TIMEOUT,
    deadline_passed,
    mark_sent,
    tls_failure,
)
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiConnectionError, ApiException, ApiTimeoutError
from criteo_api_marketingsolutions_v2020_10.rest import (
    READ_CHUNK,
    DeadlineTransport,
    RESTResponse,
    read_urllib3_response,
    too_large,
)

__all__ = ["RequestsTransport"]


def cookie_policy_keeping_nothing() -> http.cookiejar.DefaultCookiePolicy:
    """A cookie policy that stores no cookie a server sets, so that each request carries only the headers
    the SDK gives it, as on the urllib3 transport (for the sessions and clients the SDK makes itself)."""
    return http.cookiejar.DefaultCookiePolicy(allowed_domains=[])


def cookie_jar_keeping_nothing() -> http.cookiejar.CookieJar:
    """A cookie jar under ``cookie_policy_keeping_nothing``."""
    return http.cookiejar.CookieJar(policy=cookie_policy_keeping_nothing())


class RequestsTransport(DeadlineTransport):
    """A transport over a ``requests.Session`` (yours, or a new one).

    Useful to reuse a session's adapters, proxies and certificates, and to
    mock the SDK with ``responses``. TLS and proxy settings of
    ``Configuration`` are applied per request when set; the session's own
    settings apply otherwise. The session's standard ``HTTPAdapter`` pools
    are given deadline-aware connections (see ``_deadline_io``), which
    behave as before outside the SDK's calls.
    """

    def __init__(self, session: Any = None, configuration: Any = None) -> None:
        try:
            import requests
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError(
                "RequestsTransport needs the 'requests' package: "
                "pip install 'criteo-api-marketingsolutions-v2020-10[requests]'"
            ) from exc
        self._requests = requests
        self._owns_session = session is None
        if session is None:
            session = requests.Session()
            session.cookies.set_policy(cookie_policy_keeping_nothing())
        self.session = session
        for adapter in self.session.adapters.values():
            _deadline_io.install(getattr(adapter, "poolmanager", None))
        self._kwargs = _requests_kwargs(configuration) if configuration is not None else {}

    def _open(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: Optional[bytes],
        timeout: urllib3.Timeout,
        deadline: Optional[float],
    ) -> Any:
        connect, read = timeout.connect_timeout, timeout.read_timeout
        timeout_pair = (
            connect if isinstance(connect, (int, float)) else None,
            read if isinstance(read, (int, float)) else None,
        )
        failure: Optional[BaseException] = None
        try:
            return self.session.request(
                method, url, headers=dict(headers), data=body, timeout=timeout_pair,
                allow_redirects=False, stream=True, **self._kwargs,
            )
        except ApiException:
            raise
        except Exception as exc:  # RequestException, or one it let through
            failure = exc
        error = _requests_error(self._requests, failure)
        if isinstance(error, ApiTimeoutError) and deadline is not None and time.monotonic() >= deadline:
            error = deadline_passed()
        error.__cause__ = failure
        raise error

    def _read(self, raw: Any, max_body: Optional[int], deadline: Optional[float]) -> RESTResponse:
        response = raw  # a requests.Response
        stream = getattr(response, "raw", None)
        try:
            if isinstance(stream, urllib3.HTTPResponse):
                # Read the body the same way as the urllib3 transport, so the
                # deadline is kept per read, not per 64 KiB chunk.
                data = read_urllib3_response(stream, max_body, deadline).data
            else:  # a mocked response (responses, a test double)
                data = _read_content(response, max_body, deadline)
        finally:
            response.close()
        return RESTResponse(response.status_code, response.reason or "", response.headers, data, response)

    def close(self) -> None:
        if self._owns_session:
            self.session.close()
        else:
            # A borrowed session stays usable; only its pooled connections go.
            for adapter in self.session.adapters.values():
                adapter.close()


def _read_content(response: Any, max_body: Optional[int], deadline: Optional[float]) -> bytes:
    chunks: List[bytes] = []
    total = 0
    for chunk in response.iter_content(READ_CHUNK):
        if deadline is not None and time.monotonic() > deadline:
            raise deadline_passed()
        total += len(chunk)
        if max_body is not None and total > max_body:
            raise too_large(response.status_code, response.headers, max_body)
        chunks.append(chunk)
    return b"".join(chunks)


def _requests_kwargs(configuration: Any) -> Dict[str, Any]:
    kwargs: Dict[str, Any] = {}
    if not configuration.verify_ssl:
        kwargs["verify"] = False
    elif configuration.ssl_ca_cert:
        kwargs["verify"] = configuration.ssl_ca_cert
    if configuration.cert_file:
        key_file = configuration.key_file
        kwargs["cert"] = (configuration.cert_file, key_file) if key_file else configuration.cert_file
    if configuration.proxy:
        kwargs["proxies"] = {"http": configuration.proxy, "https": configuration.proxy}
    return kwargs


def _requests_error(requests: Any, exc: Any) -> ApiConnectionError:
    """The SDK's error for a failure of ``requests``."""
    errors = requests.exceptions
    cause = exc.args[0] if exc.args else None
    reason = getattr(cause, "reason", cause)
    if isinstance(exc, errors.ConnectionError) and isinstance(reason, (NewConnectionError, NameResolutionError)):
        # A refused connection or a name that does not resolve (ConnectTimeout included).
        return mark_sent(ApiConnectionError(reason=f"cannot connect: {type(reason).__name__}"), False)
    if isinstance(exc, errors.ConnectTimeout):
        return mark_sent(ApiTimeoutError(reason=CONNECT_TIMEOUT), False)
    if isinstance(exc, errors.ReadTimeout):
        return mark_sent(ApiTimeoutError(reason=READ_TIMEOUT), True)
    if isinstance(exc, errors.SSLError):
        return tls_failure(exc)
    if isinstance(exc, errors.ProxyError):
        return mark_sent(ApiConnectionError(reason="proxy failure"), False)
    return mark_sent(ApiConnectionError(reason=f"connection failed: {type(exc).__name__}"), True)
