"""Run the benchmarks and print the table; ``--write-results`` also writes ``benchmarks/RESULTS.md``.

Usage, from the repository root::

    python -m benchmarks [--quick] [--only NAME[,NAME...]] [--write-results]
    python -m benchmarks --profile
    python benchmarks/run.py ...

Every figure compares the SDK with plain urllib3 doing the same work (the
"raw" column) and prints SDK/raw against a target. Medians of several
rounds, SDK and raw interleaved. A missed target is reported, not raised.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__" and not __package__:  # run as a script: make the repository importable
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse
import datetime as dt
import os
import platform
import time
import traceback
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence

from benchmarks.common import Row, Settings

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


@dataclass
class Figure:
    number: str
    name: str
    needs_server: bool
    runs: Callable[..., List[Row]]
    about: str


def _figures() -> List[Figure]:
    from benchmarks import aio_figure, calls, models, process, scale, scale_upload

    return [
        Figure("1", "token", True, lambda srv, s: [calls.token_round_trip(srv, s)], "create_token over loopback"),
        Figure("2", "stub", False, lambda srv, s: [calls.stubbed_cpu(s)], "create_token CPU, socket stubbed"),
        Figure("3", "jwt", False, lambda srv, s: [models.one_jwt(s)], "one JwtModel from JSON"),
        Figure("4", "bulk", False, lambda srv, s: [models.audiences(s), models.ad_sets(s)], "1,000 nested models"),
        Figure("5", "threads", True, lambda srv, s: [calls.threaded_throughput(srv, s)], "8 threads, one client"),
        Figure("6", "import", False, lambda srv, s: [process.import_time(s)], "import time"),
        Figure("7", "memory", True, lambda srv, s: [process.peak_memory(srv, s)], "peak RSS"),
        Figure("8", "managed", True, lambda srv, s: [calls.managed_token_call(srv, s)], "managed token call"),
        Figure("9", "download", False, lambda srv, s: scale.report_download(s), "large report to disk"),
        Figure("10", "rows", False, lambda srv, s: scale.report_rows(s), "rows() over the large report"),
        Figure("11", "upload", False, lambda srv, s: scale_upload.contact_list_upload(s), "contact list upload"),
        Figure("12", "governor", True, lambda srv, s: [calls.governor_overhead(srv, s)], "rate governor cost"),
        Figure("13", "aio", True, lambda srv, s: [aio_figure.aio_throughput(srv, s)], "asyncio client throughput"),
    ]


# ------------------------------------------------------------ machine facts


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine_facts() -> Dict[str, str]:
    import urllib3

    from criteo_api_marketingsolutions_v2020_10 import __version__ as sdk_version

    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "urllib3": urllib3.__version__,
        "SDK": sdk_version,
        "CPU": _cpu_model(),
        "Cores": f"{os.cpu_count()} ({usable} usable by this process)",
    }


# ------------------------------------------------------------ output

_HEADERS = ("figure", "SDK", "raw", "ratio", "target", "result")


def _cells(row: Row) -> Sequence[str]:
    return (row.figure, row.sdk, row.raw, f"{row.ratio:.2f}x", row.target, "pass" if row.passed else "FAIL")


def text_table(rows: List[Row], errors: Dict[str, str]) -> str:
    lines = [_HEADERS, *(_cells(row) for row in rows)]
    lines += [(f"{name}: error", "-", "-", "-", "-", "ERROR") for name in errors]
    widths = [max(len(line[i]) for line in lines) for i in range(len(_HEADERS))]
    out = []
    for index, line in enumerate(lines):
        left = line[0].ljust(widths[0])
        out.append("  ".join([left, *(cell.rjust(width) for cell, width in zip(line[1:], widths[1:]))]))
        if index == 0:
            out.append("  ".join("-" * width for width in widths))
    return "\n".join(out)


def markdown_table(rows: List[Row], errors: Dict[str, str]) -> str:
    lines = ["| " + " | ".join(_HEADERS) + " |", "|---|--:|--:|--:|--:|:-:|"]
    lines += ["| " + " | ".join(_cells(row)) + " |" for row in rows]
    lines += [f"| {name}: error | - | - | - | - | ERROR |" for name in errors]
    return "\n".join(lines)


def notes(rows: List[Row], errors: Dict[str, str]) -> List[str]:
    out = []
    for row in rows:
        number = row.figure.split(".", 1)[0]
        out += [f"[{number}] {note}" for note in row.notes]
    out += [f"[{name}] error: {message}" for name, message in errors.items()]
    return out


def write_results(rows: List[Row], errors: Dict[str, str], facts: Dict[str, str], command: str, took: float) -> None:
    text = [
        "# Benchmark results",
        "",
        f"Date: {dt.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}. "
        f"Command: `{command}` (run from the repository root; took {took:.0f} s).",
        "",
        *(f"- {key}: {value}" for key, value in facts.items()),
        "",
        "Ratios are SDK/raw, where raw is plain urllib3 (plus `json.loads`) doing the same work; "
        "times are medians of interleaved rounds.",
        "",
        markdown_table(rows, errors),
        "",
        "## Notes",
        "",
        *(f"- {note}" for note in notes(rows, errors)),
        "",
    ]
    RESULTS.write_text("\n".join(text), encoding="utf-8")


# ------------------------------------------------------------ main


def _select(figures: List[Figure], only: Optional[str]) -> List[Figure]:
    if not only:
        return figures
    wanted = {part.strip().lower() for part in only.split(",") if part.strip()}
    chosen = [f for f in figures if f.number in wanted or f.name in wanted]
    unknown = wanted - {f.number for f in chosen} - {f.name for f in chosen}
    if unknown:
        names = ", ".join(f"{f.number}/{f.name}" for f in figures)
        raise SystemExit(f"unknown figure(s) {', '.join(sorted(unknown))}; choose from {names}")
    return chosen


def main(argv: Optional[Sequence[str]] = None, prog: Optional[str] = None) -> int:
    if prog is None:
        prog = "python benchmarks/run.py" if __name__ == "__main__" else "python -m benchmarks"
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds: a smoke run (under a minute)")
    parser.add_argument("--only", metavar="NAME", help="figures to run, by number or name, comma-separated")
    parser.add_argument("--write-results", action="store_true", help="write benchmarks/RESULTS.md")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the SDK call path and exit")
    args = parser.parse_args(argv)
    command = " ".join([prog, *(sys.argv[1:] if argv is None else argv)])

    figures = _select(_figures(), args.only)
    facts = machine_facts()
    for key, value in facts.items():
        print(f"{key + ':':9} {value}")
    print()
    if args.profile:
        from benchmarks.calls import profile_stub

        print(profile_stub())
        return 0

    settings = Settings.make(args.quick)
    rows: List[Row] = []
    errors: Dict[str, str] = {}
    started = time.perf_counter()
    try:
        with ExitStack() as stack:
            server = None
            if any(f.needs_server for f in figures):
                from benchmarks.server import LoopbackServer

                server = stack.enter_context(LoopbackServer())
            for figure in figures:
                print(f"running {figure.number}. {figure.about} ...", flush=True)
                try:
                    rows += figure.runs(server, settings)
                except Exception as exc:  # one broken figure does not hide the others
                    traceback.print_exc()
                    errors[f"{figure.number}. {figure.name}"] = f"{type(exc).__name__}: {exc}"
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    took = time.perf_counter() - started

    print()
    print(text_table(rows, errors))
    print()
    for note in notes(rows, errors):
        print(note)
    print(
        f"\n{len(rows)} figure(s) in {took:.0f} s{' (quick)' if args.quick else ''}; "
        f"{sum(not row.passed for row in rows)} target(s) missed."
    )
    if args.write_results:
        write_results(rows, errors, facts, command, took)
        print(f"wrote {RESULTS.relative_to(RESULTS.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
