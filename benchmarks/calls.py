"""Figures measured on whole calls: over loopback HTTP (1, 5, 8) and over a stubbed socket (2).

The SDK side always goes through the public operation methods
(``OAuthApi.create_token``, ``AdvertiserApi.api_portfolio_get``); the raw side
is what a careful user of urllib3 would write for the same request: one
``urlopen`` with the same method, path, headers and body, then ``json.loads``.
"""

from __future__ import annotations

import cProfile
import io
import json
import pstats
import re
import threading
import time
import tracemalloc
from array import array
from typing import Any, Callable, Dict, List, Tuple

import urllib3
from urllib3.connection import HTTPConnection

from benchmarks.common import (
    ACCESS_TOKEN,
    CLIENT_ID,
    CLIENT_SECRET,
    FORM_BODY,
    PORTFOLIO_PATH,
    PORTFOLIO_RESPONSE,
    TOKEN_PATH,
    TOKEN_RESPONSE,
    Row,
    Settings,
    fmt_us,
    interleaved,
    median,
    spread,
)
from benchmarks.server import LoopbackServer


def sdk_token_headers() -> Dict[str, str]:
    """The headers the SDK sends with ``create_token``, for the raw side to send too."""
    from criteo_api_marketingsolutions_v2020_10._constants import DEFAULT_USER_AGENT

    return {
        "User-Agent": DEFAULT_USER_AGENT,
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/json",
    }


def _sdk_token_call(host: str) -> Tuple[Any, Callable[[], Any]]:
    """An ``ApiClient`` on ``host`` with default settings, and a zero-argument token call."""
    from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration
    from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi

    client = ApiClient(Configuration(host=host))
    api = OAuthApi(client)

    def call() -> Any:
        return api.create_token(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, grant_type="client_credentials")

    return client, call


def _check_token(sdk_result: Any, raw_result: Any) -> None:
    """Both sides must have read the same token, or the comparison means nothing."""
    if sdk_result.access_token != ACCESS_TOKEN or raw_result["access_token"] != ACCESS_TOKEN:
        raise RuntimeError("setup error: a side did not read the token")


# ------------------------------------------------------------ 1. loopback round trip


def token_round_trip(server: LoopbackServer, settings: Settings) -> Row:
    server.reset()
    client, sdk = _sdk_token_call(server.url)
    pool = urllib3.HTTPConnectionPool("127.0.0.1", server.port, maxsize=1)
    headers = sdk_token_headers()

    def raw() -> Any:
        return json.loads(pool.urlopen("POST", TOKEN_PATH, body=FORM_BODY, headers=headers).data)

    _check_token(sdk(), raw())
    ceiling = server.ceiling(seconds=0.3 if settings.quick else 1.0, depth=32)
    # Loopback latency is the noisiest quantity here: many short rounds, so the median sheds bursts.
    sdk_times, raw_times = interleaved(sdk, raw, rounds=3 * settings.rounds, batch=settings.batch(300))
    opened = server.stats()["accepted"] - 1  # less the ceiling's own connection
    client.close()
    pool.close()
    sdk_t, raw_t = median(sdk_times), median(raw_times)
    return Row(
        "1. create_token, loopback keep-alive",
        fmt_us(sdk_t) + "/call",
        fmt_us(raw_t) + "/call",
        sdk_t / raw_t,
        1.05,
        notes=[
            f"server ceiling (raw-socket client, one kept-open connection): {ceiling['pipelined_rps']:,.0f} req/s "
            f"pipelined 32 deep; {ceiling['sequential_rps']:,.0f} req/s one at a time "
            f"({fmt_us(1 / ceiling['sequential_rps'])} loopback round trip, the floor under both sides)",
            f"SDK costs {fmt_us(sdk_t - raw_t)} more per call; round-to-round spread SDK {spread(sdk_times)}, "
            f"raw {spread(raw_times)}; connections opened: {opened} (2 expected, one kept open per side)",
        ],
    )


# ------------------------------------------------------------ 2. network stubbed


class _StubSocket:
    """Accepts whatever is sent and answers every request with one canned response, without syscalls."""

    def __init__(self, response: bytes) -> None:
        self.response = response

    def sendall(self, data: bytes) -> None:
        pass

    def settimeout(self, value: Any) -> None:
        pass

    def makefile(self, mode: str = "rb", buffering: int = -1) -> io.BytesIO:
        return io.BytesIO(self.response)

    def shutdown(self, how: int) -> None:
        pass

    def close(self) -> None:
        pass


class StubConnection(HTTPConnection):
    """A urllib3 connection whose socket is a ``_StubSocket`` serving the token response."""

    response = TOKEN_RESPONSE

    def connect(self) -> None:
        self.sock = _StubSocket(self.response)  # type: ignore[assignment]

    @property
    def is_connected(self) -> bool:  # the real check polls the socket
        return self.sock is not None


class StubPool(urllib3.HTTPConnectionPool):
    ConnectionCls = StubConnection


class _RoutingStubSocket(_StubSocket):
    """A stub socket that answers the portfolio path with the portfolio, anything else with the token."""

    def sendall(self, data: bytes) -> None:
        if data[:4] in (b"GET ", b"POST"):
            path = data.split(b" ", 2)[1]
            self.response = PORTFOLIO_RESPONSE if path == PORTFOLIO_PATH.encode() else TOKEN_RESPONSE


class RoutingStubConnection(StubConnection):
    def connect(self) -> None:
        self.sock = _RoutingStubSocket(TOKEN_RESPONSE)  # type: ignore[assignment]


class RoutingStubPool(urllib3.HTTPConnectionPool):
    ConnectionCls = RoutingStubConnection


def stub_sdk_call() -> Tuple[Any, Callable[[], Any]]:
    """The SDK's real call path (``ApiClient`` -> ``RESTClientObject`` -> its ``PoolManager``),
    with the pool manager building ``StubPool`` pools instead of real ones."""
    client, call = _sdk_token_call("http://127.0.0.1:9")
    client.rest_client.pool_manager.pool_classes_by_scheme = {"http": StubPool, "https": StubPool}
    return client, call


def stubbed_cpu(settings: Settings) -> Row:
    client, sdk = stub_sdk_call()
    pool = StubPool("127.0.0.1", 9, maxsize=1)
    headers = sdk_token_headers()

    def raw() -> Any:
        return json.loads(pool.urlopen("POST", TOKEN_PATH, body=FORM_BODY, headers=headers).data)

    _check_token(sdk(), raw())
    sdk_times, raw_times = interleaved(sdk, raw, rounds=settings.rounds, batch=settings.batch(2000))
    client.close()
    sdk_t, raw_t = median(sdk_times), median(raw_times)
    return Row(
        "2. create_token, socket stubbed (CPU)",
        fmt_us(sdk_t) + "/call",
        fmt_us(raw_t) + "/call",
        sdk_t / raw_t,
        1.5,
        notes=[f"SDK per-call overhead over raw urllib3 + json.loads: {fmt_us(sdk_t - raw_t)}"],
    )


def _profile(call: Callable[[], Any], calls: int) -> pstats.Stats:
    for _ in range(200):
        call()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        call()
    profiler.disable()
    return pstats.Stats(profiler)


def _where(key: Tuple[str, int, str]) -> str:
    filename, line, name = key
    filename = re.sub(r"^.*?(site-packages/|criteo_api_marketingsolutions_v2020_10/|lib/python3\.\d+/)", "", filename)
    return f"{filename}:{line}({name})" if line else name


def profile_stub(calls: int = 5000, top: int = 15) -> str:
    """cProfile of figure 2: the SDK side's ``top`` functions by own time, then the
    functions whose own time differs most from the raw side's (what the SDK adds)."""
    _, sdk = stub_sdk_call()
    pool = StubPool("127.0.0.1", 9, maxsize=1)
    headers = sdk_token_headers()

    def raw() -> Any:
        return json.loads(pool.urlopen("POST", TOKEN_PATH, body=FORM_BODY, headers=headers).data)

    sdk_stats, raw_stats = _profile(sdk, calls), _profile(raw, calls)
    out = io.StringIO()
    sdk_stats.stream = out  # type: ignore[attr-defined]
    sdk_stats.sort_stats("tottime").print_stats(top)
    sdk_table: Dict[Any, Any] = sdk_stats.stats  # type: ignore[attr-defined]
    raw_table: Dict[Any, Any] = raw_stats.stats  # type: ignore[attr-defined]
    extra = sorted(
        ((entry[2] - raw_table.get(key, (0, 0, 0.0))[2], key) for key, entry in sdk_table.items()),
        reverse=True,
    )[:top]
    lines = [
        f"cProfile of {calls} SDK create_token calls over the stubbed socket (figure 2), by own time",
        out.getvalue().rstrip(),
        "",
        f"Own time the SDK side spends beyond the raw side ({calls} calls each; "
        f"totals {sdk_stats.total_tt:.3f} s vs {raw_stats.total_tt:.3f} s):",  # type: ignore[attr-defined]
        f"{'extra s':>8} {'SDK calls':>10} {'raw calls':>10}  function",
    ]
    for delta, key in extra:
        lines.append(f"{delta:8.3f} {sdk_table[key][1]:10d} {raw_table.get(key, (0, 0))[1]:10d}  {_where(key)}")
    return "\n".join(lines)


# ------------------------------------------------------------ 5. threads


def _run_threads(call: Callable[[], Any], threads: int, total: int) -> Tuple[float, int]:
    """Wall seconds for ``total`` calls spread over ``threads`` threads, and how many failed."""
    per_thread = total // threads
    barrier = threading.Barrier(threads + 1)
    errors: List[int] = []
    lock = threading.Lock()

    def worker() -> None:
        barrier.wait()
        failed = 0
        for _ in range(per_thread):
            try:
                call()
            except Exception:
                failed += 1
        with lock:
            errors.append(failed)

    workers = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
    for worker_thread in workers:
        worker_thread.start()
    barrier.wait()
    start = time.perf_counter()
    for worker_thread in workers:
        worker_thread.join(timeout=300)
    return time.perf_counter() - start, sum(errors)


def threaded_throughput(server: LoopbackServer, settings: Settings, threads: int = 8, total: int = 2000) -> Row:
    client, sdk = _sdk_token_call(server.url)
    manager = urllib3.PoolManager(maxsize=threads)
    url = server.url + TOKEN_PATH
    headers = sdk_token_headers()

    def raw() -> Any:
        return json.loads(manager.urlopen("POST", url, body=FORM_BODY, headers=headers).data)

    sides: Dict[str, Dict[str, Any]] = {
        name: {"call": call, "rps": [], "errors": 0, "opened": 0, "used": 0}
        for name, call in (("sdk", sdk), ("raw", raw))
    }
    first = {}
    for name, side in sides.items():  # the warm-up call opens a connection too: count it
        server.reset()
        first[name] = side["call"]()
        side["opened"] = server.stats()["accepted"]
    _check_token(first["sdk"], first["raw"])
    rounds = 1 if settings.quick else 7
    order = ["sdk", "raw"]
    for index in range(rounds):
        for name in order if index % 2 == 0 else order[::-1]:
            side = sides[name]
            server.reset()
            seconds, errors = _run_threads(side["call"], threads, total)
            stats = server.stats()
            side["rps"].append(total / seconds)
            side["errors"] += errors
            side["opened"] += stats["accepted"]
            side["used"] = max(side["used"], stats["connections"])
    client.close()
    manager.clear()
    sdk_side, raw_side = sides["sdk"], sides["raw"]
    sdk_rps, raw_rps = median(sdk_side["rps"]), median(raw_side["rps"])
    connection_ok = max(sdk_side["opened"], raw_side["opened"]) <= threads
    return Row(
        f"5. {threads} threads, {total} calls, one shared client",
        f"{sdk_rps:,.0f} calls/s",
        f"{raw_rps:,.0f} calls/s",
        sdk_rps / raw_rps,
        0.95,
        at_least=True,
        notes=[
            "ratio is SDK/raw throughput (higher is better)",
            f"errors: SDK {sdk_side['errors']}, raw {raw_side['errors']} (target 0)",
            f"connections opened over {rounds} round(s): SDK {sdk_side['opened']}, raw {raw_side['opened']}; "
            f"most used in one round: SDK {sdk_side['used']}, raw {raw_side['used']} "
            f"(target <= {threads} threads: {'pass' if connection_ok else 'FAIL'})",
        ],
    )


# ------------------------------------------------------------ 8. managed tokens


def _portfolio_call(client: Any) -> Callable[[], Any]:
    try:
        from criteo_api_marketingsolutions_v2020_10.api.advertiser_api import AdvertiserApi
    except ImportError:  # the generated API is missing: the generic entry point takes the same path
        return lambda: client.call_api("/2021-04/advertisers/me", "GET", response_type=("object",))
    api = AdvertiserApi(client)
    return api.api_portfolio_get


def _allocations(call: Callable[[], Any], calls: int) -> Tuple[float, float]:
    """Median transient peak of traced memory during one call, and bytes retained per call."""
    peaks = array("q", [0]) * calls  # preallocated, so recording a peak allocates nothing that stays
    tracemalloc.start()
    try:
        for _ in range(50):  # objects made before tracing started get replaced by traced ones: let that settle
            call()
        start = tracemalloc.get_traced_memory()[0]
        for index in range(calls):
            tracemalloc.reset_peak()
            base = tracemalloc.get_traced_memory()[0]
            call()
            current, peak = tracemalloc.get_traced_memory()
            peaks[index] = peak - base
        retained = (current - start) / calls
    finally:
        tracemalloc.stop()
    return median(list(peaks)), retained


def _ungoverned(configuration: Any) -> Any:
    # Thousands of calls a second would be spaced to Criteo's 250 a minute: figure 12 measures the governor.
    configuration.rate_limits = None
    return configuration


def _stub(*clients: Any) -> None:
    for client in clients:
        client.rest_client.pool_manager.pool_classes_by_scheme = {"http": RoutingStubPool}


def _managed_and_fixed(host: str, stubbed: bool) -> Tuple[Any, Any]:
    """Two clients on ``host``: one with client credentials (managed token), one with a fixed token."""
    from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration

    managed = ApiClient(_ungoverned(Configuration(host=host, client_id=CLIENT_ID, client_secret=CLIENT_SECRET)))
    fixed = ApiClient(_ungoverned(Configuration(host=host, access_token=ACCESS_TOKEN)))
    if stubbed:
        _stub(managed, fixed)
    return managed, fixed


def _governed_and_not(host: str, stubbed: bool) -> Tuple[Any, Any]:
    """Two fixed-token clients on ``host``: one under a governor whose limit is never reached, one without."""
    from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration
    from criteo_api_marketingsolutions_v2020_10._rate import RateGroup

    governed_cfg = Configuration(host=host, access_token=ACCESS_TOKEN)
    governed_cfg.rate_limits = {"default": RateGroup(10**9, 60.0)}
    governed = ApiClient(governed_cfg)
    plain = ApiClient(_ungoverned(Configuration(host=host, access_token=ACCESS_TOKEN + "x")))
    if stubbed:
        _stub(governed, plain)
    return governed, plain


def governor_overhead(server: LoopbackServer, settings: Settings) -> Row:
    """Figure 12: the cost of the rate governor on a call whose limit is far away."""
    governed_client, plain_client = _governed_and_not("http://127.0.0.1:9", stubbed=True)
    governed, plain = _portfolio_call(governed_client), _portfolio_call(plain_client)
    governed_times, plain_times = interleaved(governed, plain, rounds=settings.rounds, batch=settings.batch(2000))
    loop_clients = _governed_and_not(server.url, stubbed=False)
    loop_governed, loop_plain = (_portfolio_call(client) for client in loop_clients)
    loop_g, loop_p = interleaved(loop_governed, loop_plain, rounds=settings.rounds, batch=settings.batch(500))
    for client in (governed_client, plain_client, *loop_clients):
        client.close()
    governed_t, plain_t = median(governed_times), median(plain_times)
    return Row(
        "12. rate governor on vs off (CPU)",
        fmt_us(governed_t) + "/call",
        fmt_us(plain_t) + "/call",
        governed_t / plain_t,
        1.05,
        notes=[
            "SDK column: a fixed-token AdvertiserApi.api_portfolio_get under a governor whose limit is never "
            "reached (one slot reserved per call); raw column: the same call with rate_limits = None; socket "
            "stubbed, so the difference is the governor's CPU",
            f"on loopback: governed {fmt_us(median(loop_g))}, not governed {fmt_us(median(loop_p))}, "
            f"{median(loop_g) / median(loop_p):.3f}x",
        ],
    )


def managed_token_call(server: LoopbackServer, settings: Settings) -> Row:
    managed_client, fixed_client = _managed_and_fixed(server.url, stubbed=False)
    managed, fixed = _portfolio_call(managed_client), _portfolio_call(fixed_client)
    if managed() != fixed():  # the first managed call fetches the token
        raise RuntimeError("setup error: the two clients read different portfolios")
    # The target is tight (2%): twice the usual rounds.
    managed_times, fixed_times = interleaved(managed, fixed, rounds=2 * settings.rounds, batch=settings.batch(500))
    # The same comparison without the network, which is where a 2% difference can be seen reliably.
    stub_clients = _managed_and_fixed("http://127.0.0.1:9", stubbed=True)
    stub_managed, stub_fixed = (_portfolio_call(client) for client in stub_clients)
    stub_managed_times, stub_fixed_times = interleaved(
        stub_managed, stub_fixed, rounds=settings.rounds, batch=settings.batch(2000)
    )
    stub_managed_t, stub_fixed_t = median(stub_managed_times), median(stub_fixed_times)
    for client in stub_clients:
        client.close()
    alloc_calls = settings.batch(500)
    managed_peak, managed_kept = _allocations(managed, alloc_calls)
    fixed_peak, fixed_kept = _allocations(fixed, alloc_calls)
    refreshes = managed_client.token_manager.refresh_count
    managed_client.close()
    fixed_client.close()
    managed_t, fixed_t = median(managed_times), median(fixed_times)
    return Row(
        "8. warm call, managed vs fixed token",
        fmt_us(managed_t) + "/call",
        fmt_us(fixed_t) + "/call",
        managed_t / fixed_t,
        1.02,
        notes=[
            "SDK column: Configuration(client_id, client_secret); raw column: the SDK with a fixed access_token "
            "(both AdvertiserApi.api_portfolio_get on loopback)",
            f"round-to-round spread managed {spread(managed_times)}, fixed {spread(fixed_times)}; "
            f"token requests made by the managed client: {refreshes} (1 expected)",
            f"same call with the socket stubbed (CPU only): managed {fmt_us(stub_managed_t)}, "
            f"fixed {fmt_us(stub_fixed_t)}, {stub_managed_t / stub_fixed_t:.3f}x",
            f"tracemalloc, peak traced bytes during one call: managed {managed_peak:,.0f} B, "
            f"fixed {fixed_peak:,.0f} B (difference {managed_peak - fixed_peak:+,.0f} B); "
            f"retained per call: managed {managed_kept:+,.1f} B, fixed {fixed_kept:+,.1f} B",
        ],
    )
