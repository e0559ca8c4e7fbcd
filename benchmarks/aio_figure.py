"""Figure 13: the asyncio client against raw aiohttp, 200 coroutines making 5,000 calls.

Each side runs in a fresh child process (``benchmarks/aio_child.py``), alternating, against the loopback
server; the figure is the throughput ratio, with the peak RSS, the event loop's largest lag during the SDK
run and the token requests of its cold start beside it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Dict, List

from benchmarks.common import Row, Settings, median
from benchmarks.process import _run_child  # pyright: ignore[reportPrivateUsage]

if TYPE_CHECKING:
    from benchmarks.server import LoopbackServer

CONCURRENCY = 200


def _slow_steps(server: LoopbackServer, calls: int) -> Dict[str, dict]:
    import os

    out: Dict[str, dict] = {}
    previous = os.environ.get("BENCH_SLOW_STEPS")
    os.environ["BENCH_SLOW_STEPS"] = "1"
    try:
        for side in ("sdk", "raw"):
            args = ["-m", "benchmarks.aio_child", side, str(server.port), str(calls), str(CONCURRENCY)]
            out[side] = json.loads(_run_child(args, True))
    finally:
        if previous is None:
            del os.environ["BENCH_SLOW_STEPS"]
        else:
            os.environ["BENCH_SLOW_STEPS"] = previous
    return out


def aio_throughput(server: LoopbackServer, settings: Settings) -> Row:
    calls = 1000 if settings.quick else 5000
    runs = 1 if settings.quick else 5
    samples: Dict[str, List[dict]] = {"sdk": [], "raw": []}
    for index in range(runs + 1):
        for side in ("sdk", "raw") if index % 2 == 0 else ("raw", "sdk"):
            server.reset()
            out = json.loads(
                _run_child(["-m", "benchmarks.aio_child", side, str(server.port), str(calls), str(CONCURRENCY)], True)
            )
            out["requests"] = server.stats()["requests"]
            if index:  # the first round only warms the bytecode caches
                samples[side].append(out)
    slow = _slow_steps(server, min(calls, 1000))
    sdk_s, raw_s = (median([s["seconds"] for s in samples[side]]) for side in ("sdk", "raw"))
    sdk_rate, raw_rate = calls / sdk_s, calls / raw_s
    lag = max(s["max_lag_ms"] for s in samples["sdk"])
    raw_lag = max(s["max_lag_ms"] for s in samples["raw"])
    rss = {side: median([s["rss_kib"] / 1024 for s in samples[side]]) for side in ("sdk", "raw")}
    tokens = max(s["requests"] - calls for s in samples["sdk"])
    return Row(
        f"13. asyncio: {CONCURRENCY} coroutines, {calls:,} calls",
        f"{sdk_rate:,.0f} calls/s",
        f"{raw_rate:,.0f} calls/s",
        sdk_rate / raw_rate,
        0.90,
        at_least=True,
        notes=[
            "SDK column: aio.ApiClient (aiohttp transport, managed token from a cold start, governor off) awaiting "
            "AdvertiserApi.api_portfolio_get; raw column: aiohttp GET of the same path with the same bearer token "
            f"and json.loads; {CONCURRENCY} coroutines share {calls:,} calls; medians of {runs} fresh processes each",
            f"peak RSS: SDK {rss['sdk']:.1f} MiB, raw {rss['raw']:.1f} MiB",
            f"loop held by one step: {slow['sdk']['slow_steps']} step(s) of the SDK over 5 ms (longest "
            f"{slow['sdk']['longest_step_ms']:.1f} ms), raw aiohttp {slow['raw']['slow_steps']} (longest "
            f"{slow['raw']['longest_step_ms']:.1f} ms); asyncio debug mode, 1,000 calls (target: none over 5 ms)",
            f"a 1 ms ticker's largest lateness while {CONCURRENCY} coroutines keep the loop busy: SDK {lag:.1f} ms, "
            f"raw {raw_lag:.1f} ms (the round-robin of a saturated loop, on both sides)",
            f"cold start: {tokens} token request(s) for {CONCURRENCY} coroutines starting at once (1 expected)",
        ],
    )
