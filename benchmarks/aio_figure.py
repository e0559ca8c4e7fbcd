"""Figure 13: the asyncio client against raw aiohttp, 200 coroutines making 5,000 calls.

Each side runs in a fresh child process (``benchmarks/aio_child.py``), alternating, against the loopback
server; the figure is the throughput ratio, with the peak RSS, the event loop's largest lag during the SDK
run and the token requests of its cold start beside it. The loop's lag is measured twice: as the lateness of
a 1 ms ticker, and as the longest single step the loop ran (every callback timed), apart from and with the
garbage collector's pauses.
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


def _held(steps: dict) -> str:
    return (
        f"{steps['longest_uncollected_step_ms']:.1f} ms outside the garbage collector, "
        f"{steps['longest_step_ms']:.1f} ms with it ({steps['slow_steps']} of {steps['steps']:,} steps over 5 ms, "
        f"longest collection {steps['longest_collection_ms']:.1f} ms)"
    )


def aio_throughput(server: LoopbackServer, settings: Settings) -> Row:
    calls = 1000 if settings.quick else 5000
    runs = 1 if settings.quick else 5
    samples: Dict[str, List[dict]] = {"sdk": [], "raw": [], "sdk-aiohttp": []}
    for index in range(runs + 1):
        for side in ("sdk", "raw", "sdk-aiohttp") if index % 2 == 0 else ("sdk-aiohttp", "raw", "sdk"):
            server.reset()
            out = json.loads(
                _run_child(["-m", "benchmarks.aio_child", side, str(server.port), str(calls), str(CONCURRENCY)], True)
            )
            out["requests"] = server.stats()["requests"]
            if index:  # the first round only warms the bytecode caches
                samples[side].append(out)
    slow = _slow_steps(server, calls)
    sdk_s, raw_s = (median([s["seconds"] for s in samples[side]]) for side in ("sdk", "raw"))
    sdk_rate, raw_rate = calls / sdk_s, calls / raw_s
    on_aiohttp_rate = calls / median([s["seconds"] for s in samples["sdk-aiohttp"]])
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
            "SDK column: aio.ApiClient (its default transport, NativeTransport; managed token from a cold start, "
            "governor off) awaiting AdvertiserApi.api_portfolio_get; raw column: aiohttp GET of the same path with "
            f"the same bearer token and json.loads; {CONCURRENCY} coroutines share {calls:,} calls; medians of {runs} "
            "fresh processes each",
            f"the same SDK calls on AiohttpTransport: {on_aiohttp_rate:,.0f} calls/s, "
            f"{on_aiohttp_rate / raw_rate:.2f}x raw aiohttp",
            f"peak RSS: SDK {rss['sdk']:.1f} MiB, raw {rss['raw']:.1f} MiB",
            f"loop held by one step ({calls:,} calls, every step timed): SDK longest {_held(slow['sdk'])}; "
            f"raw aiohttp longest {_held(slow['raw'])} (target: the SDK's own steps under 5 ms)",
            f"a 1 ms ticker's largest lateness while {CONCURRENCY} coroutines keep the loop busy: SDK {lag:.1f} ms, "
            f"raw {raw_lag:.1f} ms (the round-robin of a saturated loop, on both sides)",
            f"cold start: {tokens} token request(s) for {CONCURRENCY} coroutines starting at once (1 expected)",
        ],
    )
