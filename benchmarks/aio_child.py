"""Child process of figure 13: many coroutines making calls through one side; prints one JSON line.

``python -m benchmarks.aio_child SIDE PORT CALLS CONCURRENCY`` with SIDE ``sdk`` (the asyncio client, a
managed token: the cold start is part of the run) or ``raw`` (aiohttp and ``json.loads``). The line holds the
seconds the calls took, the event loop's largest lag during them (a ticker asks for 1 ms sleeps and records how
late it wakes), the peak RSS and, for the SDK, the token requests its cold start made.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import resource
import sys
import time
from typing import Any, Awaitable, Callable, List


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


async def _sdk(port: int, calls: int, concurrency: int) -> dict:
    from benchmarks.common import CLIENT_ID, CLIENT_SECRET
    from criteo_api_marketingsolutions_v2020_10 import Configuration
    from criteo_api_marketingsolutions_v2020_10.aio import AiohttpTransport, ApiClient
    from criteo_api_marketingsolutions_v2020_10.aio.api.advertiser_api import AdvertiserApi

    configuration = Configuration(host=f"http://127.0.0.1:{port}", client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    configuration.rate_limits = None  # the raw side has no governor either
    transport = AiohttpTransport(configuration=configuration, limit=concurrency)
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


class _SlowSteps(logging.Handler):
    """Collects asyncio's debug reports of steps that held the loop longer than ``slow_callback_duration``."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.seconds: List[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        found = re.search(r"took ([0-9.]+) seconds", record.getMessage())
        if found:
            self.seconds.append(float(found.group(1)))


async def _timed(call: Callable[[], Awaitable[Any]], calls: int, concurrency: int) -> dict:
    if os.environ.get("BENCH_SLOW_STEPS") == "1":
        # Debug mode times every step the loop runs: the longest is how long the code held the loop.
        loop = asyncio.get_running_loop()
        loop.set_debug(True)
        loop.slow_callback_duration = 0.005
        steps = _SlowSteps()
        logging.getLogger("asyncio").addHandler(steps)
        await _drive(call, calls, concurrency)
        return {"slow_steps": len(steps.seconds), "longest_step_ms": max(steps.seconds, default=0.0) * 1000}
    lags: List[float] = []
    stop = asyncio.Event()
    ticker = asyncio.ensure_future(_ticker(lags, stop))
    seconds = await _drive(call, calls, concurrency)
    stop.set()
    await ticker
    return {"seconds": seconds, "max_lag_ms": max(lags, default=0.0) * 1000}


def main(side: str, port: int, calls: int, concurrency: int) -> None:
    run = _sdk if side == "sdk" else _raw
    result = asyncio.run(run(port, calls, concurrency))
    result["rss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(result))


if __name__ == "__main__":
    if len(sys.argv) != 5 or sys.argv[1] not in ("sdk", "raw"):
        sys.exit("usage: python -m benchmarks.aio_child sdk|raw PORT CALLS CONCURRENCY")
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
