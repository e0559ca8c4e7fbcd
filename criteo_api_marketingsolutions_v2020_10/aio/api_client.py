"""The asynchronous ``ApiClient``: the synchronous client's layers, with the I/O awaited.

::

    async with ApiClient(configuration) as api_client:
        portfolio = await AdvertiserApi(api_client).api_portfolio_get()

Building and checking requests (``ClientCore``), the retry and deadline
decisions, the rate governor, the limits of each call (``_quota``) and
decoding are the synchronous client's; ``AsyncPipeline`` drives them and an
``AsyncTransport`` (the SDK's own HTTP/1.1 by default, aiohttp or httpx on
request) does the I/O.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, Awaitable, Callable, Dict, List, Optional, Tuple, TypeVar, Union

from criteo_api_marketingsolutions_v2020_10 import _decode, _secrets
from criteo_api_marketingsolutions_v2020_10._auth import NO_AUTH, Auth
from criteo_api_marketingsolutions_v2020_10._client_common import ClientCore
from criteo_api_marketingsolutions_v2020_10._operation import check_method, operation_docstring
from criteo_api_marketingsolutions_v2020_10._quota import CallLimits, shared_tokens
from criteo_api_marketingsolutions_v2020_10._request import Request
from criteo_api_marketingsolutions_v2020_10._retry import Deadline
from criteo_api_marketingsolutions_v2020_10.aio._auth import AsyncManagedToken, AsyncTokenManager
from criteo_api_marketingsolutions_v2020_10.aio._pipeline import AsyncAuth, AsyncPipeline
from criteo_api_marketingsolutions_v2020_10.aio._transport import AsyncTransport
from criteo_api_marketingsolutions_v2020_10.configuration import Configuration
from criteo_api_marketingsolutions_v2020_10.endpoint import CALL_OPTIONS, Endpoint
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiTypeError
from criteo_api_marketingsolutions_v2020_10.rest import status_of

__all__ = ["Api", "ApiClient", "bind"]

_GRANT_TYPE = "client_credentials"
#: Bodies larger than this are decoded on a worker thread, so that the event loop never stalls on them.
DECODE_IN_THREAD_BYTES = 256 * 1024

_F = TypeVar("_F", bound=Callable[..., Any])


def bind(endpoint: Endpoint) -> Callable[[_F], _F]:
    """Decorator: the ``async def`` below is ``endpoint``'s method on an asynchronous API class.

    The declaration is the synchronous API module's own, so both surfaces
    call the same operation with the same parameters.
    """

    def attach(function: _F) -> _F:
        check_method(endpoint, function)
        function.__doc__ = operation_docstring(endpoint, asynchronous=True)
        function.__dict__["endpoint"] = endpoint
        return function

    return attach


class Api:
    """Base of the asynchronous API classes: holds the ``ApiClient`` that runs the calls."""

    def __init__(self, api_client: Optional[ApiClient] = None) -> None:
        self.api_client = api_client if api_client is not None else ApiClient()

    @classmethod
    def endpoints(cls) -> List[Endpoint]:
        """Every operation this API class declares, in declaration order."""
        found: Dict[str, Endpoint] = {}
        for klass in reversed(cls.__mro__):
            for name, value in vars(klass).items():
                endpoint = getattr(value, "endpoint", None)
                if isinstance(endpoint, Endpoint):
                    found[name] = endpoint
        return list(found.values())


def _default_transport(configuration: Configuration) -> AsyncTransport:
    from criteo_api_marketingsolutions_v2020_10.aio._transport_native import NativeTransport

    return NativeTransport(configuration=configuration)


class ApiClient(ClientCore):
    """Runs API calls for one ``Configuration`` on asyncio. Use it as an async context manager.

    One client serves any number of concurrent coroutines of one event loop.
    Args are the synchronous client's, but ``transport`` is an
    ``AsyncTransport`` (``NativeTransport`` by default, ``AiohttpTransport``, ``HttpxTransport``)
    and ``sleep`` a coroutine function; there is no thread pool and no
    ``async_req``.
    """

    def __init__(
        self,
        configuration: Optional[Configuration] = None,
        header_name: Optional[str] = None,
        header_value: Optional[str] = None,
        cookie: Optional[str] = None,
        *,
        transport: Optional[AsyncTransport] = None,
        auth: Optional[Auth] = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        cfg = configuration if configuration is not None else Configuration.get_default_copy()
        super().__init__(cfg, header_name, header_value, cookie, auth)
        #: The same counters as the synchronous client's.
        self.stats: Dict[str, Any] = {
            "requests": 0, "retries": 0, "unauthorized_retries": 0,
            "rate_waits": 0, "rate_wait_seconds": 0.0, "rate_refusals": 0,
        }
        chosen = transport if transport is not None else _default_transport(cfg)
        self.pipeline = AsyncPipeline(chosen, clock=clock, sleep=sleep, wall_clock=wall_clock, stats=self.stats)
        self._call_limits = CallLimits()
        self._tokens: Optional[Tuple[Tuple[Any, ...], AsyncTokenManager, AsyncManagedToken]] = None

    async def __aenter__(self) -> ApiClient:
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.close()

    async def close(self) -> None:
        """Close every connection and forget the token."""
        await self.pipeline.transport.close()
        if self._tokens is not None:
            self._tokens[1].clear()

    @property
    def token_manager(self) -> Optional[AsyncTokenManager]:
        """The managed-token cache, when the configuration has client credentials."""
        managed = self._managed_token()
        return managed.manager if managed is not None else None

    def _managed_token(self) -> Optional[AsyncManagedToken]:
        cfg = self.configuration
        key = self._token_cache_key(cfg)
        if key is None:
            return None
        if self._tokens is None or self._tokens[0] != key:
            _secrets.register(cfg.client_secret)
            shared = shared_tokens(cfg, self.pipeline.clock, self.pipeline.wall_clock)
            manager = AsyncTokenManager(self._fetch_token, self.pipeline.clock, cfg.token_refresh_margin, shared)
            self._tokens = (key, manager, AsyncManagedToken(manager))
        return self._tokens[2]

    async def _fetch_token(self, deadline: Deadline) -> Any:
        from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi

        cfg = self.configuration
        _secrets.register(cfg.client_secret)
        endpoint: Endpoint = OAuthApi.__dict__["create_token"]
        request = self._build(endpoint, (cfg.client_id, cfg.client_secret, _GRANT_TYPE), CALL_OPTIONS)
        return await self._complete(endpoint, request, CALL_OPTIONS, deadline)

    def _auth_for(self, endpoint: Endpoint) -> Union[Auth, AsyncAuth]:
        if not endpoint.auth or endpoint.token_request:
            return NO_AUTH
        if self.auth is not None:
            return self.auth
        managed = self._managed_token()
        return managed if managed is not None else self._fixed(self.configuration)

    async def invoke(self, endpoint: Endpoint, arguments: Tuple[Any, ...], options: Dict[str, Any]) -> Any:
        """Run ``endpoint`` (what every asynchronous operation method does)."""
        if options.get("async_req"):
            raise ApiTypeError(f"{endpoint.name}(): async_req is not needed on the asyncio client: await the call")
        options = self._options(endpoint, options)
        request = self._build(endpoint, arguments, options)
        return await self._complete(endpoint, request, options)

    async def _complete(
        self, endpoint: Endpoint, request: Request, options: Dict[str, Any], deadline: Optional[Deadline] = None
    ) -> Any:
        stream = not options["_preload_content"]
        limits = self._call_limits.for_call(self.configuration, endpoint.token_request, options["_request_timeout"])
        sensitive = endpoint.token_request
        auth = self._auth_for(endpoint)
        response = await self.pipeline.send(
            request, auth, limits, stream=stream, deadline=deadline, sensitive=sensitive
        )
        status = status_of(response)
        if not 200 <= status < 300:
            raise _decode.decode_error(
                endpoint, status, response.reason or "", response.headers, response.data,
                wall_clock=self.pipeline.wall_clock,
            )
        if stream:
            from criteo_api_marketingsolutions_v2020_10.aio._streaming import open_async_stream

            return open_async_stream(response, limits.stream_deadline, sensitive=sensitive)
        data = await self._decode(endpoint, status, response, options)
        if options["_return_http_data_only"]:
            return data
        return data, status, response.headers

    async def _decode(self, endpoint: Endpoint, status: int, response: Any, options: Dict[str, Any]) -> Any:
        def decode() -> Any:
            return _decode.decode_success(
                endpoint, status, response.headers, response.data,
                check_type=bool(options["_check_return_type"]), discard_unknown=self.configuration.discard_unknown_keys,
            )

        if len(response.data) > DECODE_IN_THREAD_BYTES:
            return await asyncio.to_thread(decode)
        return decode()
