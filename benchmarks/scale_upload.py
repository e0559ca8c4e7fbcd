"""Figure 11: a million identifiers added to a contact list by ``audiences.upload``, beside one raw PATCH.

An upload with 4 workers has no plain-urllib3 twin worth the name (that
would be writing the SDK again), so the figure holds the SDK to a like-for-like
target on a sequential run instead: ``max_workers=1``, time per chunk against
one urllib3 PATCH of the same 50,000-identifier body sent alone. The 4-worker
run, the one a user would make, is shown beside it for information.
"""

from __future__ import annotations

from typing import Callable, Dict, List

from benchmarks.common import Row, Settings, median
from benchmarks.scale import InfoRow, Measured, ScaleServer, growth_mib, run_child

#: A seeded audience of the sandbox (``sandbox/seed.py``) in the demo client's portfolio.
AUDIENCE_ID = "70001"
#: Identifiers per request: the most the API takes.
CHUNK = 50_000
IDENTIFIERS = 1_000_000
QUICK_IDENTIFIERS = 200_000
WORKERS = 4


def _upload(server: ScaleServer, count: int, workers: int) -> Measured:
    """One SDK upload in a fresh child, with the requests the sandbox saw; the contact list is emptied after."""
    run = run_child(["upload", "sdk", server.url, AUDIENCE_ID, str(count), str(CHUNK), str(workers)], server.token)
    run["requests"] = server.command("count")["api_requests"]
    server.command("reset")
    expected = -(-count // CHUNK)
    if not run["ok"] or run["chunks_accepted"] != expected or run["nb_valid_identifiers"] != count:
        raise RuntimeError(f"upload with {workers} worker(s) did not go through: {run}")
    return run


def _raw_patches(server: ScaleServer, repeats: int) -> Measured:
    run = run_child(["patch", "raw", server.url, AUDIENCE_ID, str(CHUNK), str(repeats)], server.token)
    server.command("reset")
    return run


def _per_chunk(runs: List[Measured]) -> float:
    return median([float(run["elapsed"]) / int(run["chunks_sent"]) for run in runs])


def _notes(count: int, runs: Dict[str, List[Measured]], raw_patch: float, repeats: int) -> List[str]:
    rounds = len(runs["raw"])
    sequential, parallel, raw = runs["sequential"], runs["parallel"], runs["raw"]
    chunks = int(parallel[0]["chunks_sent"])
    total_1 = median([float(run["elapsed"]) for run in sequential])
    total_4 = median([float(run["elapsed"]) for run in parallel])
    body_mib = int(raw[0]["body_bytes"]) / 1024 / 1024
    requests = sorted({int(run["requests"]) for run in sequential + parallel})
    return [
        f"{count:,} e-mail addresses from a generator, {CHUNK:,} per PATCH ({body_mib:.1f} MiB of JSON each), "
        f"to a sandbox in its own process; {rounds} round(s), each run in a fresh child, medians; raw = one urllib3 "
        f"PATCH of the same body sent alone (identifiers drawn, JSON encoded, sent, answer decoded), {repeats} per "
        "child",
        "the target is on the sequential run (max_workers=1: SDK elapsed / chunks vs the raw PATCH, like for "
        f"like); the {WORKERS}-worker run has none: the sandbox parses every body in Python, under one GIL, and "
        "shares the 2 cores with the client's threads, so requests in flight together mostly wait for each other",
        f"total: {WORKERS} workers {total_4:.2f} s ({count / total_4:,.0f} identifiers/s), 1 worker {total_1:.2f} s "
        f"({count / total_1:,.0f} identifiers/s), raw PATCH x {chunks} chunks {raw_patch * chunks:.2f} s; "
        f"requests the sandbox received per upload: {', '.join(map(str, requests))} ({chunks} expected)",
        f"peak RSS growth (ru_maxrss after minus before): {WORKERS} workers "
        f"+{median([growth_mib(r) for r in parallel]):.1f} MiB, 1 worker "
        f"+{median([growth_mib(r) for r in sequential]):.1f} MiB, raw child (one body at a time) "
        f"+{median([growth_mib(r) for r in raw]):.1f} MiB",
    ]


def contact_list_upload(settings: Settings) -> List[Row]:
    """Figure 11: ``audiences.upload`` of a large generated list, sequential and with 4 workers."""
    count = QUICK_IDENTIFIERS if settings.quick else IDENTIFIERS
    repeats = 3 if settings.quick else 5
    rounds = 1 if settings.quick else 3
    runs: Dict[str, List[Measured]] = {"raw": [], "sequential": [], "parallel": []}
    measure: Dict[str, Callable[[ScaleServer], Measured]] = {
        "raw": lambda server: _raw_patches(server, repeats),
        "sequential": lambda server: _upload(server, count, 1),
        "parallel": lambda server: _upload(server, count, WORKERS),
    }
    order = list(measure)
    with ScaleServer() as server:
        for index in range(rounds):
            # Each round starts with the next kind, so that none is always the first after a reset.
            for kind in order[index % len(order):] + order[: index % len(order)]:
                runs[kind].append(measure[kind](server))
    raw_patch = median([seconds for run in runs["raw"] for seconds in run["seconds"]])
    sequential, parallel = _per_chunk(runs["sequential"]), _per_chunk(runs["parallel"])
    return [
        Row(
            f"11a. contact list, {CHUNK:,} identifiers per chunk, 1 worker", f"{sequential * 1000:.0f} ms/chunk",
            f"{raw_patch * 1000:.0f} ms/PATCH", sequential / raw_patch, 1.10,
            notes=_notes(count, runs, raw_patch, repeats),
        ),
        InfoRow(
            f"11b. {count:,} identifiers, {WORKERS} workers", f"{parallel * 1000:.0f} ms/chunk",
            f"{raw_patch * 1000:.0f} ms/PATCH", parallel / raw_patch, 0.0,
        ),
    ]
