"""``ApiClient`` runs the calls that ``endpoint.Endpoint`` declares.

It holds what lives as long as the client (configuration, transport, thread
pool, managed token) and hands each call to the layers, in order: build
(``_request``), auth (``_auth``), retry and deadline (``_retry``, driven by
``_pipeline``), transport (``rest``) and decode (``_decode``).
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Tuple

from criteo_api_marketingsolutions_v2020_10 import _decode, _secrets
from criteo_api_marketingsolutions_v2020_10._async_result import AsyncResult
from criteo_api_marketingsolutions_v2020_10._auth import NO_AUTH, Auth, ManagedToken, TokenManager
from criteo_api_marketingsolutions_v2020_10._client_common import ClientCore
from criteo_api_marketingsolutions_v2020_10._pipeline import Pipeline
from criteo_api_marketingsolutions_v2020_10._quota import CallLimits, shared_tokens
from criteo_api_marketingsolutions_v2020_10._request import (
    Request,
    Target,
    ad_hoc_endpoint,
    ad_hoc_values,
    build_request,
)
from criteo_api_marketingsolutions_v2020_10._retry import Deadline
from criteo_api_marketingsolutions_v2020_10._streaming import open_stream
from criteo_api_marketingsolutions_v2020_10.configuration import Configuration
from criteo_api_marketingsolutions_v2020_10.endpoint import (
    CALL_OPTIONS,
    Api,
    Endpoint,
    Param,
    form_encode,
    select_accept,
    select_content_type,
)
from criteo_api_marketingsolutions_v2020_10.model_utils import parse_type, sanitize_for_serialization
from criteo_api_marketingsolutions_v2020_10.rest import RESTClientObject, Transport, status_of

if TYPE_CHECKING:  # the thread pool is only imported when async_req is used
    from concurrent.futures import ThreadPoolExecutor

# Api, Endpoint and Param are re-exported: generated API modules import them from here;
# Auth and Request are the public face of custom auth flows.
__all__ = ["ApiClient", "Api", "Auth", "Endpoint", "Param", "Request", "AsyncResult", "CALL_OPTIONS", "form_encode"]

_GRANT_TYPE = "client_credentials"


class ApiClient(ClientCore):
    """Runs API calls for one ``Configuration``. Use it as a context manager.

    One client is safe to share between threads. It owns a connection pool,
    a thread pool for ``async_req`` (created on first use), and, when the
    configuration has client credentials, the access token.

    Args:
        configuration: settings; the process default when omitted.
        header_name, header_value: one extra header sent with every call.
        cookie: a ``Cookie`` header value sent with every call.
        pool_threads: threads for ``async_req`` calls.
        transport: a ``Transport`` (e.g. ``RequestsTransport(session)``);
            urllib3 by default.
        auth: an ``Auth`` flow that replaces the configuration's credentials.
        clock, sleep: monotonic clock and sleep function, for tests.
        wall_clock: Unix time, for ``Retry-After`` dates and ``x-ratelimit-reset``.

    Every call builds its request afresh, so changes to ``configuration``,
    ``default_headers`` or ``cookie`` apply to the next call. ``close()``
    releases connections and threads; a closed client used again opens new
    connections, as a new client would (its cached token is gone).
    """

    def __init__(
        self,
        configuration: Optional[Configuration] = None,
        header_name: Optional[str] = None,
        header_value: Optional[str] = None,
        cookie: Optional[str] = None,
        pool_threads: int = 1,
        *,
        transport: Optional[Transport] = None,
        auth: Optional[Auth] = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        cfg = configuration if configuration is not None else Configuration.get_default_copy()
        super().__init__(cfg, header_name, header_value, cookie, auth)
        self.pool_threads = pool_threads
        rest_client = transport if transport is not None else RESTClientObject(self.configuration)
        #: Counters of what this client sent: attempts, retries, calls retried after
        #: a 401, and the rate governor's waits (how many, how many seconds) and
        #: refusals. Updated without a lock, so exact for one thread and approximate
        #: when threads share the client (the hot path takes no lock).
        self.stats: Dict[str, Any] = {
            "requests": 0, "retries": 0, "unauthorized_retries": 0,
            "rate_waits": 0, "rate_wait_seconds": 0.0, "rate_refusals": 0,
        }
        self.pipeline = Pipeline(rest_client, clock=clock, sleep=sleep, wall_clock=wall_clock, stats=self.stats)
        self._pool: Optional[ThreadPoolExecutor] = None
        self._pool_lock = threading.Lock()
        self._tokens: Optional[Tuple[Tuple[Any, ...], TokenManager, ManagedToken]] = None
        self._tokens_lock = threading.Lock()
        self._call_limits = CallLimits()

    # ---- lifecycle

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def close(self) -> None:
        """Stop the ``async_req`` threads, close every pooled connection and forget the token."""
        with self._pool_lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)
        self.rest_client.close()
        tokens = self._tokens
        if tokens is not None:
            tokens[1].clear()

    @property
    def pool(self) -> ThreadPoolExecutor:
        """The thread pool for ``async_req`` calls, created on first use."""
        from concurrent.futures import ThreadPoolExecutor

        with self._pool_lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(
                    max_workers=max(1, self.pool_threads), thread_name_prefix="criteo-api-async"
                )
            return self._pool

    @property
    def rest_client(self) -> Transport:
        """The transport that does the I/O; assigning another one takes effect on the next call."""
        return self.pipeline.transport

    @rest_client.setter
    def rest_client(self, transport: Transport) -> None:
        self.pipeline.transport = transport

    # ---- auth

    @property
    def token_manager(self) -> Optional[TokenManager]:
        """The managed-token cache, when the configuration has client credentials."""
        managed = self._managed_token()
        return managed.manager if managed is not None else None

    def _managed_token(self) -> Optional[ManagedToken]:
        cfg = self.configuration
        key = self._token_cache_key(cfg)
        if key is None:
            return None
        tokens = self._tokens
        if tokens is not None and tokens[0] == key:
            return tokens[2]
        with self._tokens_lock:
            if self._tokens is None or self._tokens[0] != key:
                _secrets.register(cfg.client_secret)
                shared = shared_tokens(cfg, self.pipeline.clock, self.pipeline.wall_clock)
                manager = TokenManager(self._fetch_token, self.pipeline.clock, cfg.token_refresh_margin, shared)
                self._tokens = (key, manager, ManagedToken(manager))
            return self._tokens[2]

    def _fetch_token(self, deadline: Deadline) -> Any:
        from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi

        cfg = self.configuration
        # Registered again at each fetch, so that the newest tokens never push it out.
        _secrets.register(cfg.client_secret)
        endpoint: Endpoint = OAuthApi.__dict__["create_token"]
        arguments = (cfg.client_id, cfg.client_secret, _GRANT_TYPE)
        request = self._build(endpoint, arguments, CALL_OPTIONS)
        return self._complete(endpoint, request, CALL_OPTIONS, deadline)

    def _auth_for(self, endpoint: Endpoint) -> Auth:
        if not endpoint.auth or endpoint.token_request:
            return NO_AUTH  # a client must not need a token to get one
        if self.auth is not None:
            return self.auth
        managed = self._managed_token()
        if managed is not None:
            return managed
        return self._fixed(self.configuration)

    # ---- the call path

    def invoke(self, endpoint: Endpoint, arguments: Tuple[Any, ...], options: Dict[str, Any]) -> Any:
        """Run ``endpoint`` (what every operation method does).

        ``arguments`` are the parameter values in ``endpoint.ordered`` order,
        ``UNSET`` where not given; ``options`` are the call options
        (``async_req``, ``_request_timeout``...).
        """
        options = self._options(endpoint, options)
        request = self._build(endpoint, arguments, options)
        if options["async_req"]:
            return AsyncResult(self.pool.submit(self._complete, endpoint, request, options))
        return self._complete(endpoint, request, options)

    def _complete(
        self, endpoint: Endpoint, request: Request, options: Dict[str, Any], deadline: Optional[Deadline] = None
    ) -> Any:
        stream = not options["_preload_content"]
        limits = self._call_limits.for_call(self.configuration, endpoint.token_request, options["_request_timeout"])
        auth = self._auth_for(endpoint)
        sensitive = endpoint.token_request
        response = self.pipeline.send(request, auth, limits, stream=stream, deadline=deadline, sensitive=sensitive)
        status = status_of(response)
        if not 200 <= status < 300:
            raise _decode.decode_error(
                endpoint, status, response.reason or "", response.headers, response.data,
                wall_clock=self.pipeline.wall_clock,
            )
        if stream:
            return open_stream(response, limits.stream_deadline, sensitive=sensitive)
        data = _decode.decode_success(
            endpoint, status, response.headers, response.data,
            check_type=bool(options["_check_return_type"]), discard_unknown=self.configuration.discard_unknown_keys,
        )
        if options["_return_http_data_only"]:
            return data
        return data, status, response.headers

    # ---- generic entry points kept from earlier generated clients

    def call_api(
        self,
        resource_path: str,
        method: str,
        path_params: Optional[Dict[str, Any]] = None,
        query_params: Optional[List[Tuple[str, Any]]] = None,
        header_params: Optional[Dict[str, str]] = None,
        body: Any = None,
        post_params: Optional[List[Tuple[str, str]]] = None,
        files: Any = None,
        response_type: Optional[Tuple[Any, ...]] = None,
        auth_settings: Optional[List[str]] = None,
        async_req: Optional[bool] = None,
        _return_http_data_only: Optional[bool] = None,
        collection_formats: Optional[Dict[str, str]] = None,
        _preload_content: bool = True,
        _request_timeout: Any = None,
        _host: Optional[str] = None,
        _check_type: Optional[bool] = None,
    ) -> Any:
        """Call any path directly, outside the generated operations.

        ``response_type`` is a 1-tuple holding a type string or model class
        (``("JwtModel",)``); the answer is handled as for generated
        operations, with the same checks, retries, auth, deadline and errors.
        """
        values = ad_hoc_values(path_params, query_params, header_params, post_params, body)
        endpoint = ad_hoc_endpoint(method, resource_path, values, body is not None, response_type, auth_settings)
        options = {
            **CALL_OPTIONS, "_preload_content": _preload_content, "_request_timeout": _request_timeout,
            "_return_http_data_only": True if _return_http_data_only is None else _return_http_data_only,
            "_check_return_type": True if _check_type is None else _check_type,
        }
        target = self._target(endpoint, None)
        if _host:
            target = Target(_host, target.safe_path_chars, target.default_headers, target.cookie)
        request = build_request(endpoint, values, target)
        if async_req:
            return AsyncResult(self.pool.submit(self._complete, endpoint, request, options))
        return self._complete(endpoint, request, options)

    def sanitize_for_serialization(self, obj: Any) -> Any:
        """Models, dates, lists and dicts as JSON-compatible values (wire names)."""
        return sanitize_for_serialization(obj)

    def deserialize(self, response: Any, response_type: Tuple[Any, ...], _check_type: bool = True) -> Any:
        """Turn a ``RESTResponse`` into the type named by ``response_type[0]``."""
        first = response_type[0]
        spec = parse_type(first if isinstance(first, str) else first.__name__)
        return _decode.deserialize(
            spec, response.status, response.headers, response.data, check_type=_check_type, sensitive=False
        )

    select_header_accept = staticmethod(select_accept)
    select_header_content_type = staticmethod(select_content_type)
