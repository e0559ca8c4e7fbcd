"""The asyncio client: the same API classes, operations, models and exceptions, awaited.

::

    from criteo_api_marketingsolutions_v2020_10 import Configuration
    from criteo_api_marketingsolutions_v2020_10.aio import ApiClient
    from criteo_api_marketingsolutions_v2020_10.aio.api.advertiser_api import AdvertiserApi

    async with ApiClient(Configuration(client_id=..., client_secret=...)) as api_client:
        portfolio = await AdvertiserApi(api_client).api_portfolio_get()

Transports: aiohttp by default (``pip install
'criteo-api-marketingsolutions-v2020-10[aiohttp]'``), httpx with
``ApiClient(transport=HttpxTransport())`` (extra ``httpx``). ``docs/Asyncio.md``
describes the client.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from criteo_api_marketingsolutions_v2020_10.aio._streaming import AsyncStreamingResponse
    from criteo_api_marketingsolutions_v2020_10.aio._transport import AsyncTransport
    from criteo_api_marketingsolutions_v2020_10.aio._transport_aiohttp import AiohttpTransport
    from criteo_api_marketingsolutions_v2020_10.aio._transport_httpx import HttpxTransport
    from criteo_api_marketingsolutions_v2020_10.aio.api_client import Api, ApiClient

__all__ = ["AiohttpTransport", "Api", "ApiClient", "AsyncStreamingResponse", "AsyncTransport", "HttpxTransport"]

_HOMES = {
    "Api": "api_client",
    "ApiClient": "api_client",
    "AsyncTransport": "_transport",
    "AiohttpTransport": "_transport_aiohttp",
    "HttpxTransport": "_transport_httpx",
    "AsyncStreamingResponse": "_streaming",
}


#: Submodules reachable as attributes (``aio.reports.download``), imported on first use.
_SUBMODULES = ("api", "apis", "audiences", "reports")


def __getattr__(name: str) -> Any:
    import importlib

    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
