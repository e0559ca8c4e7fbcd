"""Child process of figure 13: many coroutines making calls through one side; prints one JSON line.

``python -m benchmarks.aio_child SIDE PORT CALLS CONCURRENCY`` with SIDE ``sdk`` (the asyncio client on its
default transport, a managed token: the cold start is part of the run), ``sdk-aiohttp`` (the same on
``AiohttpTransport``) or ``raw`` (aiohttp and ``json.loads``). The line holds the
seconds the calls took, the event loop's largest lag during them (a ticker asks for 1 ms sleeps and records how
late it wakes), the peak RSS and, for the SDK, the token requests its cold start made.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import sys
import time
from typing import Any, Awaitable, Callable, Dict, List


async def _ticker(lags: List[float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        started = time.perf_counter()
        await asyncio.sleep(0.001)
        lags.append(time.perf_counter() - started - 0.001)


async def _drive(call: Callable[[], Awaitable[Any]], calls: int, concurrency: int) -> float:
    remaining = [calls]

    async def worker() -> None:
        while remaining[0] > 0:
            remaining[0] -= 1
            await call()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - started


async def _sdk(port: int, calls: int, concurrency: int, on_aiohttp: bool = False) -> dict:
    from benchmarks.common import CLIENT_ID, CLIENT_SECRET
    from criteo_api_marketingsolutions_v2020_10 import Configuration
    from criteo_api_marketingsolutions_v2020_10.aio import AiohttpTransport, ApiClient, NativeTransport
    from criteo_api_marketingsolutions_v2020_10.aio.api.advertiser_api import AdvertiserApi

    configuration = Configuration(host=f"http://127.0.0.1:{port}", client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    configuration.rate_limits = None  # the raw side has no governor either
    # The pool as large as the raw side's, on either transport.
    kind = AiohttpTransport if on_aiohttp else NativeTransport
    transport = kind(configuration=configuration, limit=concurrency)
    async with ApiClient(configuration, transport=transport) as client:
        api = AdvertiserApi(client)
        seconds = await _timed(api.api_portfolio_get, calls, concurrency)
        manager = client.token_manager
        return {**seconds, "token_fetches": manager.refresh_count if manager is not None else 0}


async def _raw(port: int, calls: int, concurrency: int) -> dict:
    import aiohttp

    from benchmarks.common import ACCESS_TOKEN, PORTFOLIO_PATH

    url = f"http://127.0.0.1:{port}{PORTFOLIO_PATH}"
    headers = {"Authorization": f"Bearer {ACCESS_TOKEN}", "Accept": "application/json"}
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def call() -> Any:
            async with session.get(url, headers=headers) as response:
                return json.loads(await response.read())

        return await _timed(call, calls, concurrency)


class _StepTimer:
    """Times every step the event loop runs (each callback and each resumption of a task), and the garbage
    collector's pauses, without asyncio's debug mode, whose bookkeeping would slow every step it times."""

    def __init__(self) -> None:
        self.steps: List[float] = []  # the steps over 5 ms
        self.longest = 0.0
        self.longest_without_collection = 0.0  # the longest step the collector did not pause
        self.count = 0
        self._collected = False
        self.collections: List[float] = []
        self._collecting_since = 0.0
        self._original: Any = None

    def __enter__(self) -> _StepTimer:
        import asyncio.events
        import gc

        original = self._original = asyncio.events.Handle._run
        timer = self

        def timed_run(handle: Any) -> None:
            timer._collected = False
            started = time.perf_counter()
            original(handle)
            spent = time.perf_counter() - started
            timer.count += 1
            timer.longest = max(timer.longest, spent)
            if not timer._collected:
                timer.longest_without_collection = max(timer.longest_without_collection, spent)
            if spent > 0.005:
                timer.steps.append(spent)

        asyncio.events.Handle._run = timed_run  # type: ignore[method-assign]
        gc.callbacks.append(self._on_collection)
        return self

    def __exit__(self, *exc_info: object) -> None:
        import asyncio.events
        import gc

        asyncio.events.Handle._run = self._original  # type: ignore[method-assign]
        gc.callbacks.remove(self._on_collection)

    def _on_collection(self, phase: str, info: Dict[str, int]) -> None:
        if phase == "start":
            self._collected = True
            self._collecting_since = time.perf_counter()
        else:
            self.collections.append(time.perf_counter() - self._collecting_since)


async def _timed(call: Callable[[], Awaitable[Any]], calls: int, concurrency: int) -> dict:
    if os.environ.get("BENCH_SLOW_STEPS") == "1":
        with _StepTimer() as steps:
            await _drive(call, calls, concurrency)
        return {
            "steps": steps.count, "slow_steps": len(steps.steps), "longest_step_ms": steps.longest * 1000,
            "longest_uncollected_step_ms": steps.longest_without_collection * 1000,
            "collections": len(steps.collections), "longest_collection_ms": max(steps.collections, default=0) * 1000,
        }
    lags: List[float] = []
    stop = asyncio.Event()
    ticker = asyncio.ensure_future(_ticker(lags, stop))
    seconds = await _drive(call, calls, concurrency)
    stop.set()
    await ticker
    return {"seconds": seconds, "max_lag_ms": max(lags, default=0.0) * 1000}


async def _sdk_on_aiohttp(port: int, calls: int, concurrency: int) -> dict:
    return await _sdk(port, calls, concurrency, on_aiohttp=True)


SIDES = {"sdk": _sdk, "sdk-aiohttp": _sdk_on_aiohttp, "raw": _raw}


def main(side: str, port: int, calls: int, concurrency: int) -> None:
    result = asyncio.run(SIDES[side](port, calls, concurrency))
    result["rss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(result))


if __name__ == "__main__":
    if len(sys.argv) != 5 or sys.argv[1] not in SIDES:
        sys.exit("usage: python -m benchmarks.aio_child sdk|sdk-aiohttp|raw PORT CALLS CONCURRENCY")
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
