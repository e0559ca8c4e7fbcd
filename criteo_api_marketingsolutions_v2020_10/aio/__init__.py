"""The asyncio client: the same API classes, operations, models and exceptions, awaited.

::

    from criteo_api_marketingsolutions_v2020_10 import Configuration
    from criteo_api_marketingsolutions_v2020_10.aio import ApiClient
    from criteo_api_marketingsolutions_v2020_10.aio.api.advertiser_api import AdvertiserApi

    async with ApiClient(Configuration(client_id=..., client_secret=...)) as api_client:
        portfolio = await AdvertiserApi(api_client).api_portfolio_get()

Transports: the SDK's own HTTP/1.1 client by default (``NativeTransport``, no
library needed), aiohttp with ``ApiClient(transport=AiohttpTransport())``
(extra ``aiohttp``), httpx with ``ApiClient(transport=HttpxTransport())``
(extra ``httpx``). ``docs/Asyncio.md`` describes the client.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from criteo_api_marketingsolutions_v2020_10._lazy import lazy_exports

if TYPE_CHECKING:
    from criteo_api_marketingsolutions_v2020_10.aio._streaming import AsyncStreamingResponse
    from criteo_api_marketingsolutions_v2020_10.aio._transport import AsyncTransport
    from criteo_api_marketingsolutions_v2020_10.aio._transport_aiohttp import AiohttpTransport
    from criteo_api_marketingsolutions_v2020_10.aio._transport_httpx import HttpxTransport
    from criteo_api_marketingsolutions_v2020_10.aio._transport_native import NativeTransport
    from criteo_api_marketingsolutions_v2020_10.aio.api_client import Api, ApiClient

__all__ = [
    "AiohttpTransport",
    "Api",
    "ApiClient",
    "AsyncStreamingResponse",
    "AsyncTransport",
    "HttpxTransport",
    "NativeTransport",
]

_HOMES = {
    "Api": f"{__name__}.api_client",
    "ApiClient": f"{__name__}.api_client",
    "AsyncTransport": f"{__name__}._transport",
    "AiohttpTransport": f"{__name__}._transport_aiohttp",
    "HttpxTransport": f"{__name__}._transport_httpx",
    "NativeTransport": f"{__name__}._transport_native",
    "AsyncStreamingResponse": f"{__name__}._streaming",
}
#: Submodules reachable as attributes (``aio.reports.download``), imported on first use.
_SUBMODULES = ("api", "apis", "audiences", "reports")

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(globals(), _HOMES, submodules=_SUBMODULES)
