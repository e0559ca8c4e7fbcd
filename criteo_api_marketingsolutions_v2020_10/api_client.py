"""``ApiClient`` runs the calls that ``endpoint.Endpoint`` declares.

It checks the arguments, builds the request, sends it through a transport
with auth, retries and a deadline, and maps the response to a model or to an
``ApiException`` subclass.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Tuple
from urllib.parse import quote

import urllib3
from urllib3.exceptions import ConnectTimeoutError, MaxRetryError, ProtocolError

from criteo_api_marketingsolutions_v2020_10 import _log, _retry
from criteo_api_marketingsolutions_v2020_10._auth import CachedToken, TokenManager
from criteo_api_marketingsolutions_v2020_10._constants import DEFAULT_USER_AGENT
from criteo_api_marketingsolutions_v2020_10.configuration import Configuration
from criteo_api_marketingsolutions_v2020_10.endpoint import (
    CALL_OPTIONS,
    Api,
    Endpoint,
    Param,
    form_component,
    form_encode,
    select_accept,
    select_content_type,
    wire_text,
)
from criteo_api_marketingsolutions_v2020_10.exceptions import (
    ApiConnectionError,
    ApiException,
    ApiTimeoutError,
    ApiTypeError,
    MalformedResponseError,
    TooManyRequestsException,
    exception_for_status,
)
from criteo_api_marketingsolutions_v2020_10.model_utils import (
    UNSET,
    TypeSpec,
    _Mismatch,
    describe_value,
    drop_unknown_members,
    parse_type,
    sanitize_for_serialization,
)
from criteo_api_marketingsolutions_v2020_10.rest import RESTClientObject, RESTResponse, Transport, to_timeout

if TYPE_CHECKING:  # the thread pool is only imported when async_req is used
    from concurrent.futures import Future, ThreadPoolExecutor

logger = logging.getLogger(__name__)

# Api, Endpoint and Param are re-exported: generated API modules import them from here.
__all__ = ["ApiClient", "Api", "Endpoint", "Param", "AsyncResult", "CALL_OPTIONS", "form_encode"]


_JSON_MEDIA = ("application/json", "text/json", "text/plain")

#: Argument types whose requests can be built once and reused: immutable values.
_PLAIN = frozenset({str, int, float, bool, type(UNSET), type(None)})
#: Built requests kept per client; the table is emptied when full.
_PREPARED_LIMIT = 256
_decode_json = json.JSONDecoder().decode


_MEDIA_CACHE: Dict[str, Tuple[bool, Optional[str]]] = {}


def _media(content_type: str) -> Tuple[bool, Optional[str]]:
    """(is JSON, charset) for a Content-Type value; servers send few distinct ones, so they are cached."""
    known = _MEDIA_CACHE.get(content_type)
    if known is None:
        known = (_is_json_media(content_type), _charset(content_type))
        if len(_MEDIA_CACHE) < 256:
            _MEDIA_CACHE[content_type] = known
    return known


def _is_json_media(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media in _JSON_MEDIA or media.endswith("+json") or media == ""


def _charset(content_type: str) -> Optional[str]:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip('"').lower() or None
    return None


class AsyncResult:
    """What ``async_req=True`` returns: ``.get(timeout=None)`` waits and gives the result."""

    __slots__ = ("_future",)

    def __init__(self, future: Future[Any]) -> None:
        self._future = future

    def get(self, timeout: Optional[float] = None) -> Any:
        """The call's result; re-raises its exception."""
        return self._future.result(timeout)

    def wait(self, timeout: Optional[float] = None) -> None:
        """Wait for the call to finish without fetching the result."""
        try:
            self._future.exception(timeout)
        except Exception:
            pass

    def ready(self) -> bool:
        """Whether the call has finished."""
        return self._future.done()

    def successful(self) -> bool:
        """Whether the call finished without an exception (it must have finished)."""
        if not self._future.done():
            raise ValueError("the call has not finished yet")
        return self._future.exception() is None


class _Request:
    __slots__ = ("body", "headers", "method", "url")

    def __init__(self, method: str, url: str, headers: Dict[str, str], body: Optional[bytes]) -> None:
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body


class ApiClient:
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
        clock, sleep: monotonic clock and sleep function, for tests.
        wall_clock: Unix time, for ``Retry-After`` dates and ``x-ratelimit-reset``.

    Requests are checked and built once per call shape and reused for the same
    plain arguments while host, default headers and cookie stay the same.
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
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.configuration = configuration if configuration is not None else Configuration.get_default_copy()
        self.pool_threads = pool_threads
        self.rest_client: Transport = transport if transport is not None else RESTClientObject(self.configuration)
        self.default_headers: Dict[str, str] = {}
        if header_name is not None and header_value is not None:
            self.default_headers[header_name] = header_value
        self.cookie = cookie
        self.user_agent = DEFAULT_USER_AGENT
        self._clock = clock
        self._sleep = sleep
        self._wall_clock = wall_clock
        self._pool: Optional[ThreadPoolExecutor] = None
        self._pool_lock = threading.Lock()
        self._tokens: Optional[TokenManager] = None
        self._tokens_for: Optional[Tuple[Any, ...]] = None
        self._tokens_lock = threading.Lock()
        self._timeout_cache: Optional[Tuple[Any, urllib3.Timeout, float]] = None
        self._bearer: Tuple[Optional[str], str] = (None, "")
        # Requests already checked and built, by call shape; see _prepare.
        self._prepared: Dict[Tuple[Any, ...], Tuple[Tuple[Any, ...], Dict[str, str], _Request]] = {}
        self._policy_cache: Optional[Tuple[Any, urllib3.Retry, urllib3.Retry]] = None
        #: Counters of what this client sent: attempts, retries, calls retried after
        #: a 401. Updated without a lock, so exact for one thread and approximate
        #: when threads share the client (the hot path takes no lock).
        self.stats = {"requests": 0, "retries": 0, "unauthorized_retries": 0}

    # ---- lifecycle

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def close(self) -> None:
        """Stop the ``async_req`` threads and close every pooled connection."""
        with self._pool_lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)
        self.rest_client.close()
        self._prepared.clear()
        if self._tokens is not None:
            self._tokens.clear()

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
    def user_agent(self) -> str:
        """The ``User-Agent`` header sent with every call."""
        return self.default_headers["User-Agent"]

    @user_agent.setter
    def user_agent(self, value: str) -> None:
        self.default_headers["User-Agent"] = value

    def set_default_header(self, header_name: str, header_value: str) -> None:
        """Send ``header_name: header_value`` with every call."""
        self.default_headers[header_name] = header_value

    # ---- tokens

    @property
    def token_manager(self) -> Optional[TokenManager]:
        """The managed-token cache, when the configuration has client credentials."""
        cfg = self.configuration
        if not (cfg.client_id and cfg.client_secret):
            return None
        # A new cache when the credentials or the host change.
        key = (cfg.client_id, cfg.client_secret, cfg._base_path, cfg.server_index)
        manager = self._tokens
        if manager is not None and self._tokens_for == key:
            return manager
        with self._tokens_lock:
            if self._tokens is None or self._tokens_for != key:
                self._tokens = TokenManager(self._fetch_token, self._clock, cfg.token_refresh_margin)
                self._tokens_for = key
            return self._tokens

    def _fetch_token(self) -> Any:
        from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi

        cfg = self.configuration
        return OAuthApi(self).create_token(
            client_id=cfg.client_id, client_secret=cfg.client_secret, grant_type="client_credentials"
        )

    # ---- the call path

    def invoke(self, endpoint: Endpoint, arguments: Tuple[Any, ...], options: Dict[str, Any]) -> Any:
        """Run ``endpoint`` (what every operation method does).

        ``arguments`` are the parameter values in ``endpoint.ordered`` order,
        ``UNSET`` where not given; ``options`` are the call options
        (``async_req``, ``_request_timeout``...).
        """
        if options:
            unknown = options.keys() - CALL_OPTIONS.keys()
            if unknown:
                key = sorted(unknown)[0]
                raise ApiTypeError(f"{endpoint.name}() got an unexpected keyword argument {key!r}", [key])
            options = {**CALL_OPTIONS, **options}
        else:
            options = CALL_OPTIONS  # read-only from here on
        request = self._prepare(endpoint, arguments, options)
        if options["async_req"]:
            return AsyncResult(self.pool.submit(self._run, endpoint, request, options))
        return self._run(endpoint, request, options)

    def _prepare(self, endpoint: Endpoint, arguments: Tuple[Any, ...], options: Dict[str, Any]) -> _Request:
        """Check the arguments and build the request, reusing the one built for the
        same plain arguments on the same host (a request template per call shape)."""
        cfg = self.configuration
        check_input = bool(options["_check_input_type"]) and cfg.client_side_validation
        key = None
        if cfg.server_index is None and not cfg.server_operation_index and _PLAIN.issuperset(map(type, arguments)):
            key = (endpoint, arguments, check_input, options["_host_index"], options["_content_type"])
            context = (cfg._base_path, cfg.safe_chars_for_path_param, self.cookie)
            cached = self._prepared.get(key)
            if cached is not None and cached[0] == context and cached[1] == self.default_headers:
                return cached[2]
        name = endpoint.name
        values = [
            (param, param.check(value, name, check_input))
            for param, value in zip(endpoint.ordered, arguments)
            if value is not UNSET
        ]
        request = self._build_request(endpoint, values, options)
        if key is not None:
            if len(self._prepared) >= _PREPARED_LIMIT:
                self._prepared.clear()
            self._prepared[key] = (context, dict(self.default_headers), request)
        return request

    def _run(self, endpoint: Endpoint, request: _Request, options: Dict[str, Any]) -> Any:
        response = self._send(endpoint, request, options)
        if not options["_preload_content"]:
            return response
        data = self._deserialize_success(endpoint, response, bool(options["_check_return_type"]))
        if options["_return_http_data_only"]:
            return data
        return data, response.status, response.headers

    def _base_url(self, endpoint: Endpoint, host_index: Optional[int]) -> str:
        cfg = self.configuration
        if host_index is None and cfg.server_index is None and not cfg.server_operation_index:
            return cfg._base_path  # the common case: an explicit host
        if host_index is None:
            operation_index = cfg.server_operation_index.get(endpoint.operation_id)
            if operation_index is None or not endpoint.servers:
                return cfg.host
            host_index = operation_index
        servers = endpoint.servers or cfg.get_host_settings()
        variables = cfg.server_operation_variables.get(endpoint.operation_id, cfg.server_variables)
        return cfg.get_host_from_settings(host_index, variables=variables, servers=servers)

    def _build_request(self, endpoint: Endpoint, values: List[Tuple[Param, Any]], options: Dict[str, Any]) -> _Request:
        path = endpoint.path
        query: List[Tuple[str, str]] = []
        form: List[str] = []
        headers = {**self.default_headers, **endpoint.fixed_headers}
        body: Optional[bytes] = None
        for param, value in values:
            location = param.location
            if location == "form":
                form.append(f"{param.form_key}={form_component(value)}")
            elif location == "path":
                encoded = quote(wire_text(value), safe=self.configuration.safe_chars_for_path_param)
                path = path.replace("{" + param.wire + "}", encoded)
            elif location == "query":
                if isinstance(value, list):
                    query.extend((param.wire, wire_text(v)) for v in value)
                else:
                    query.append((param.wire, wire_text(value)))
            elif location == "header":
                headers[param.wire] = wire_text(value)
            elif isinstance(value, (bytes, bytearray)):
                body = bytes(value)
            else:
                payload = param.spec.dump(value)
                body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        url = self._base_url(endpoint, options["_host_index"]) + path
        if query:
            url += "?" + "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in query)
        if form:
            body = "&".join(form).encode("ascii")
        elif body is not None:
            content_type = options["_content_type"] or endpoint.content_type
            if content_type:
                headers["Content-Type"] = content_type
        if self.cookie:
            headers["Cookie"] = self.cookie
        return _Request(endpoint.method, url, headers, body)

    def _auth_header(self, endpoint: Endpoint) -> Tuple[Optional[str], Optional[CachedToken]]:
        if not endpoint.auth or endpoint.token_request:
            return None, None
        manager = self.token_manager
        if manager is not None:
            token = manager.current()
            return token.header, token
        cfg = self.configuration
        access_token = cfg.access_token
        if access_token and type(cfg).auth_settings is Configuration.auth_settings:
            # Same value as auth_settings() gives, without building its dicts per call.
            cached = self._bearer
            if cached[0] is not access_token:
                cached = self._bearer = (access_token, f"Bearer {access_token}")
            return cached[1], None
        settings = cfg.auth_settings().get("Authorization")
        return (settings["value"] if settings else None), None

    def _send(self, endpoint: Endpoint, request: _Request, options: Dict[str, Any]) -> Any:
        """Send with auth, retries and one token refresh on 401; return a 2xx response or raise."""
        cfg = self.configuration
        clock = self._clock
        started = clock()
        deadline = started + cfg.call_deadline if cfg.call_deadline else None
        debug = logger.isEnabledFor(logging.DEBUG)
        per_call = options["_request_timeout"]
        if per_call is None:
            timeout, longest = self._default_timeout()
        else:
            timeout = to_timeout(per_call)
            longest = _longest_wait(timeout)
        policy: Optional[urllib3.Retry] = None  # looked up on the first failure only
        method = request.method
        preload = bool(options["_preload_content"])
        refreshed = attempted = False
        while True:
            header, token = (None, None) if endpoint.token_request else self._auth_header(endpoint)
            headers = request.headers
            if header is not None:
                headers = dict(headers)
                headers["Authorization"] = header
            attempt_timeout = timeout
            real_deadline = None
            if deadline is not None:
                remaining = deadline - (clock() if attempted else started)
                if remaining <= 0:
                    raise ApiTimeoutError(reason=f"the call deadline of {cfg.call_deadline} s passed")
                if remaining < longest:
                    attempt_timeout = _clamp_timeout(timeout, remaining)
                # The transport checks the deadline on the real monotonic clock.
                real_deadline = deadline if clock is time.monotonic else time.monotonic() + remaining
            attempted = True
            self.stats["requests"] += 1
            if debug:
                logger.debug("%s %s headers=%s", method, _log.redact(request.url), _log.redact_headers(headers))
            try:
                response = self.rest_client.request(
                    method,
                    request.url,
                    headers,
                    request.body,
                    attempt_timeout,
                    preload,
                    cfg.max_response_bytes if preload else None,
                    real_deadline,
                )
            except ApiConnectionError as error:
                policy = policy or self._policy(endpoint.token_request)
                policy = self._after_connection_error(policy, method, request.url, error, deadline)
                continue
            # A raw response (``_preload_content=False``) may come from requests.
            status = response.status if preload else _status_of(response)
            if debug:
                logger.debug("%s %s -> %s", method, _log.redact(request.url), status)
            if 200 <= status < 300:
                return response
            if not preload:
                response = _read_raw(response)
            if status == 401 and token is not None and not refreshed:
                # The documented remedy for an expired or revoked token: get a
                # new one and try once more. Only the token that failed is
                # dropped, so concurrent 401s on it cause a single refresh.
                refreshed = True
                self.stats["unauthorized_retries"] += 1
                logger.debug("401 on %s %s: refreshing the access token and retrying once", method, request.url)
                manager = self.token_manager
                if manager is not None:
                    manager.invalidate(token)
                continue
            policy = policy or self._policy(endpoint.token_request)
            if _retry.status_is_retryable(policy, method, status, response.headers):
                next_policy = self._next_policy(policy, method, request.url, status)
                if next_policy is not None:
                    delay = _retry.server_requested_delay(response.headers, policy, self._wall_clock)
                    if delay is None:
                        delay = _retry.backoff_delay(next_policy)
                    if self._can_wait(deadline, delay):
                        logger.debug("%s %s -> %s: retrying in %.2f s", method, request.url, status, delay)
                        self._sleep(delay)
                        policy = next_policy
                        self.stats["retries"] += 1
                        continue
            raise self._error_for(endpoint, response)

    def _default_timeout(self) -> Tuple[urllib3.Timeout, float]:
        # Normalised once per configured value, not once per call.
        setting = self.configuration.request_timeout
        cached = self._timeout_cache
        if cached is None or cached[0] is not setting:
            timeout = to_timeout(setting)
            cached = self._timeout_cache = (setting, timeout, _longest_wait(timeout))
        return cached[1], cached[2]

    def _policy(self, token_request: bool) -> urllib3.Retry:
        setting = self.configuration.retries
        cached = self._policy_cache
        if cached is None or cached[0] is not setting:
            base = _retry.policy_from(setting)
            cached = self._policy_cache = (setting, base, _retry.with_post_allowed(base))
        return cached[2] if token_request else cached[1]

    def _next_policy(self, policy: urllib3.Retry, method: str, url: str, status: int) -> Optional[urllib3.Retry]:
        try:
            return policy.increment(method, url, response=_StatusOnly(status))  # type: ignore[arg-type]
        except MaxRetryError:
            return None

    def _can_wait(self, deadline: Optional[float], delay: float) -> bool:
        return deadline is None or self._clock() + delay < deadline

    def _after_connection_error(
        self,
        policy: urllib3.Retry,
        method: str,
        url: str,
        error: ApiConnectionError,
        deadline: Optional[float],
    ) -> urllib3.Retry:
        if error.tls_failure:
            raise error
        if error.request_sent and not _method_retryable(policy, method):
            # The server may have acted on this request: repeating it could
            # apply a change twice.
            raise error
        marker = ConnectTimeoutError() if not error.request_sent else ProtocolError("connection broken")
        try:
            next_policy = policy.increment(method, url, error=marker)
        except (MaxRetryError, ConnectTimeoutError, ProtocolError):
            raise error from error.__cause__
        delay = _retry.backoff_delay(next_policy)
        if not self._can_wait(deadline, delay):
            raise error
        logger.debug("%s %s failed (%s): retrying in %.2f s", method, url, error.reason, delay)
        self.stats["retries"] += 1
        self._sleep(delay)
        return next_policy

    # ---- responses

    def _deserialize_success(self, endpoint: Endpoint, response: RESTResponse, check_type: bool) -> Any:
        spec = endpoint.response_spec(response.status)
        if spec is None:
            spec = endpoint.response_spec(200) if response.status in (200, 201) else None
        if spec is None:
            return None
        if spec.label == "bytes":
            return response.data
        return self._load(spec, response, check_type, endpoint.token_request)

    def _load(self, spec: TypeSpec, response: RESTResponse, check_type: bool, sensitive: bool) -> Any:
        headers = response.headers
        body = response.data
        content_type = headers.get("Content-Type", "")
        is_json, charset = _media(content_type)
        if not is_json:
            raise MalformedResponseError(
                f"a JSON body ({spec.label})",
                f"Content-Type {content_type.split(';')[0]!r}",
                status=response.status, headers=headers, body=None if sensitive else body,
            )
        if not body:
            raise MalformedResponseError(
                f"a JSON body ({spec.label})", "an empty body", status=response.status, headers=headers
            )
        try:
            raw = _decode_json(body.decode(charset or "utf-8"))
        except (UnicodeDecodeError, LookupError):
            raise MalformedResponseError(
                f"a JSON body in {charset or 'UTF-8'}", "bytes that are not valid in that encoding",
                status=response.status, headers=headers, body=None if sensitive else body,
            ) from None
        except json.JSONDecodeError as exc:
            raise MalformedResponseError(
                f"a JSON body ({spec.label})", f"invalid JSON ({exc.msg} at byte {exc.pos})",
                status=response.status, headers=headers, body=None if sensitive else body,
            ) from None
        try:
            result = spec.fast_loader(check_type)(raw)
        except _Mismatch as mismatch:
            raise MalformedResponseError(
                mismatch.expected, describe_value(mismatch.got),
                status=response.status, headers=headers, body=None if sensitive else body,
                path_to_item=mismatch.path,
            ) from None
        if self.configuration.discard_unknown_keys:
            drop_unknown_members(result)
        return result

    def _error_for(self, endpoint: Endpoint, response: RESTResponse) -> ApiException:
        status = response.status
        data = None
        spec = endpoint.response_spec(status)
        if spec is not None and response.data:
            try:
                data = self._load(spec, response, False, False)
            except MalformedResponseError:
                data = None
        cls = exception_for_status(status)
        error = cls(status, response.reason, body=response.data, headers=response.headers, data=data)
        if isinstance(error, TooManyRequestsException):
            error.retry_after = _retry.server_requested_delay(
                response.headers, _retry.DEFAULT_RETRY, self._wall_clock
            )
        return error

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
        operations, with the same retries, auth and errors.
        """
        params: List[Param] = []
        values: List[Tuple[Param, Any]] = []
        path = resource_path
        for key, value in (path_params or {}).items():
            params.append(Param(f"p_{key}", key, "path", "str"))
            values.append((params[-1], str(value)))
        for index, (key, value) in enumerate(query_params or []):
            params.append(Param(f"q{index}", key, "query", "str"))
            values.append((params[-1], value))
        for index, (key, value) in enumerate(post_params or []):
            params.append(Param(f"f{index}", key, "form", "str"))
            values.append((params[-1], value))
        if body is not None:
            params.append(Param("body", "body", "body", "object"))
            values.append((params[-1], sanitize_for_serialization(body)))
        type_name = None
        if response_type:
            first = response_type[0]
            type_name = first if isinstance(first, str) else getattr(first, "__name__", None)
        endpoint = Endpoint(
            name="call_api",
            method=method,
            path=path,
            operation_id="call_api",
            params=params,
            content_types=("application/json",) if body is not None else (),
            accept=("application/json",),
            responses={200: type_name, 201: type_name},
            auth=tuple(auth_settings) if auth_settings is not None else ("Authorization",),
        )
        options = dict(CALL_OPTIONS)
        options.update(
            _preload_content=_preload_content,
            _request_timeout=_request_timeout,
            _return_http_data_only=True if _return_http_data_only is None else _return_http_data_only,
            _check_return_type=True if _check_type is None else _check_type,
        )
        request = self._build_request(endpoint, values, options)
        if _host:
            request.url = _host + request.url[len(self.configuration.host):]
        request.headers.update(header_params or {})
        if async_req:
            return AsyncResult(self.pool.submit(self._finish_call, endpoint, request, options))
        return self._finish_call(endpoint, request, options)

    def _finish_call(self, endpoint: Endpoint, request: _Request, options: Dict[str, Any]) -> Any:
        response = self._send(endpoint, request, options)
        if not options["_preload_content"]:
            return response
        data = self._deserialize_success(endpoint, response, bool(options["_check_return_type"]))
        return data if options["_return_http_data_only"] else (data, response.status, response.headers)

    def sanitize_for_serialization(self, obj: Any) -> Any:
        """Models, dates, lists and dicts as JSON-compatible values (wire names)."""
        return sanitize_for_serialization(obj)

    def deserialize(self, response: Any, response_type: Tuple[Any, ...], _check_type: bool = True) -> Any:
        """Turn a ``RESTResponse`` into the type named by ``response_type[0]``."""
        first = response_type[0]
        spec = parse_type(first if isinstance(first, str) else first.__name__)
        if spec.label == "bytes":
            return response.data
        return self._load(spec, response, _check_type, False)

    select_header_accept = staticmethod(select_accept)
    select_header_content_type = staticmethod(select_content_type)


def _method_retryable(policy: urllib3.Retry, method: str) -> bool:
    allowed = policy.allowed_methods
    return allowed is None or method.upper() in allowed


class _StatusOnly:
    """The least a ``urllib3.Retry.increment`` needs to know of a response."""

    __slots__ = ("status",)

    def __init__(self, status: int) -> None:
        self.status = status

    def get_redirect_location(self) -> bool:
        return False


def _longest_wait(timeout: urllib3.Timeout) -> float:
    """The longest single wait ``timeout`` allows (infinite when a part is unset)."""
    connect, read = timeout.connect_timeout, timeout.read_timeout
    if isinstance(connect, (int, float)) and isinstance(read, (int, float)):
        return float(max(connect, read))
    return float("inf")


def _clamp_timeout(timeout: urllib3.Timeout, remaining: float) -> urllib3.Timeout:
    """``timeout`` with no wait longer than ``remaining`` seconds (the call deadline)."""
    connect = timeout.connect_timeout
    read = timeout.read_timeout
    connect = remaining if not isinstance(connect, (int, float)) else min(connect, remaining)
    read = remaining if not isinstance(read, (int, float)) else min(read, remaining)
    return urllib3.Timeout(connect=connect, read=read)


def _status_of(raw: Any) -> int:
    status = getattr(raw, "status", None)
    return int(status if status is not None else raw.status_code)


def _read_raw(raw: Any) -> RESTResponse:
    """Read an error response that was requested unread, so the error can carry it."""
    if isinstance(raw, RESTResponse):
        return raw
    status = _status_of(raw)
    try:
        data = raw.read() if hasattr(raw, "read") and not hasattr(raw, "iter_content") else raw.content
    except Exception:  # the connection broke while reading an error body: keep what we know
        data = b""
    reason = getattr(raw, "reason", "") or ""
    return RESTResponse(status, reason, raw.headers, data, raw)

