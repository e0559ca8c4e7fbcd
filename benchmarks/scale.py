"""Figures at scale: a large report to disk (9), its rows read back (10), and what they share.

Both sides of each figure run in fresh child processes (``scale_child.py``),
one after the other, so that each peak resident set is the run's own; the
sandbox they talk to runs in a process of its own too (``scale_server.py``),
so that on a 2-core machine server and client have a core each. The report
figure 9 downloads is kept in a temporary folder, removed at exit, and read
back by figure 10. Figure 11 (contact lists) is in ``scale_upload.py``.
"""

from __future__ import annotations

import atexit
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Dict, List, Optional, Type

from benchmarks.common import ROOT, Row, Settings, median
from benchmarks.process import _child_env  # pyright: ignore[reportPrivateUsage]  # same package: one environment

MIB = 1024 * 1024
GIB = 1024 * MIB
#: Report sizes: the real run and the smoke run (``--quick``).
REPORT_BYTES = GIB
QUICK_REPORT_BYTES = 128 * MIB
#: The most one large child may take before it is given up.
CHILD_TIMEOUT = 900.0
#: The most a large download or read may add to the SDK child's peak resident set, in MiB.
MEMORY_BOUND_MIB = 32

Measured = Dict[str, Any]


def size_label(size: int) -> str:
    """``1 GiB``, ``128 MiB``."""
    return f"{size // GIB} GiB" if size % GIB == 0 else f"{size / MIB:.0f} MiB"


def report_bytes(settings: Settings) -> int:
    """The report size of this run."""
    return QUICK_REPORT_BYTES if settings.quick else REPORT_BYTES


def side_order(index: int) -> List[str]:
    """The sides in round ``index``: raw first in even rounds, the SDK first in odd ones."""
    return ["raw", "sdk"] if index % 2 == 0 else ["sdk", "raw"]


def growth_mib(run: Measured) -> float:
    """How much the measured work raised the child's peak resident set, in MiB."""
    return (float(run["rss_peak_kib"]) - float(run["rss_start_kib"])) / 1024


def peak_mib(run: Measured) -> float:
    """The child's peak resident set over its whole life, in MiB."""
    return float(run["rss_peak_kib"]) / 1024


# ------------------------------------------------------------ rows with other targets


@dataclass
class BoundRow(Row):
    """A row held to an absolute bound on the SDK's own value (``measured`` <= ``bound`` ``unit``)."""

    measured: float = 0.0
    bound: float = 0.0
    unit: str = "MiB"

    @property
    def passed(self) -> bool:
        """Whether the SDK's value stays within the bound."""
        return self.measured <= self.bound

    @property
    def target(self) -> str:
        """The bound, in its unit."""
        return f"<= +{self.bound:g} {self.unit}"


@dataclass
class InfoRow(Row):
    """A row shown for information: its ratio is measured but held to no target."""

    @property
    def passed(self) -> bool:
        """Always: there is nothing to miss."""
        return True

    @property
    def target(self) -> str:
        """No target."""
        return "n/a"


def memory_row(figure: str, runs: Dict[str, List[Measured]], what: str) -> BoundRow:
    """Peak RSS growth of both sides (medians), the SDK's held to ``MEMORY_BOUND_MIB``.

    The ratio is of the whole-life peaks, SDK/raw, as in figure 7: growths
    near zero would make a ratio of growths meaningless.
    """
    sdk_grew, raw_grew = (median([growth_mib(r) for r in runs[side]]) for side in ("sdk", "raw"))
    sdk_peak, raw_peak = (median([peak_mib(r) for r in runs[side]]) for side in ("sdk", "raw"))
    flat = ""
    if min(sdk_grew, raw_grew) < 0.05:
        flat = " (+0.0: the work never rose above the peak the imports had reached)"
    note = (
        f"peak RSS growth: ru_maxrss of each child after {what} minus after its imports and set-up{flat}, bounded "
        f"for the SDK; the ratio is of whole-life peaks (SDK {sdk_peak:.1f} MiB / raw {raw_peak:.1f} MiB)"
    )
    return BoundRow(
        figure, f"+{sdk_grew:.1f} MiB", f"+{raw_grew:.1f} MiB", sdk_peak / raw_peak, 0.0,
        measured=sdk_grew, bound=MEMORY_BOUND_MIB, notes=[note],
    )


# ------------------------------------------------------------ processes


class ScaleServer:
    """``scale_server.py`` in a child process: its URL and token, and its commands; stopped on exit."""

    def __init__(self, report_size: int = 0) -> None:
        self.report_size = report_size
        self.url = ""
        self.token = ""
        self._process: Optional[subprocess.Popen[str]] = None

    def __enter__(self) -> ScaleServer:
        arguments = [sys.executable, "-m", "benchmarks.scale_server"]
        if self.report_size:
            arguments += ["--report-bytes", str(self.report_size)]
        process = subprocess.Popen(
            arguments, cwd=str(ROOT), env=_child_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self._process = process
        try:
            banner = self._read_line()
        except BaseException:
            self._stop()
            raise
        self.url, self.token = str(banner["url"]), str(banner["token"])
        return self

    def __exit__(
        self, kind: Optional[Type[BaseException]], error: Optional[BaseException], trace: Optional[TracebackType]
    ) -> None:
        self._stop()

    def command(self, word: str) -> Dict[str, Any]:
        """Send one command (``count``, ``reset``) and return its answer."""
        process = self._running()
        assert process.stdin is not None
        process.stdin.write(word + "\n")
        process.stdin.flush()
        return self._read_line()

    def _running(self) -> subprocess.Popen[str]:
        if self._process is None:
            raise RuntimeError("the scale server is not running")
        return self._process

    def _read_line(self) -> Dict[str, Any]:
        process = self._running()
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line:
            raise RuntimeError(f"the scale server ended early (exit status {process.wait(5)})")
        answer: Dict[str, Any] = json.loads(line)
        return answer

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.stdin is not None:
            process.stdin.close()  # the server's signal to stop
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


def run_child(arguments: List[str], token: str = "") -> Measured:
    """One run of ``scale_child.py``; ``token`` goes to its standard input, never to its command line."""
    command = [sys.executable, "-m", "benchmarks.scale_child", *arguments]
    # Through a shell that forks the child: a child exec'd straight from this process would start with
    # this process's peak resident set as its own (see benchmarks/process.py).
    command = ["/bin/sh", "-c", '"$@"; exit $?', "sh", *command]
    done = subprocess.run(
        command, cwd=str(ROOT), env=_child_env(), input=token + "\n", capture_output=True, text=True,
        timeout=CHILD_TIMEOUT,
    )
    if done.returncode != 0:
        raise RuntimeError(f"child {arguments[:2]} failed:\n{done.stderr}")
    answer: Measured = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


# ------------------------------------------------------------ the shared folder and report


_folder: List[Path] = []
_reports: Dict[int, Path] = {}


def workspace() -> Path:
    """A temporary folder for the reports, removed when the process exits."""
    if not _folder:
        _folder.append(Path(tempfile.mkdtemp(prefix="benchmarks-scale-")))
        atexit.register(shutil.rmtree, str(_folder[0]), True)
    return _folder[0]


def report_file(size: int) -> Path:
    """A CSV report of ``size`` bytes on disk: the one figure 9 downloaded, or one downloaded now (untimed)."""
    known = _reports.get(size)
    if known is not None and known.exists():
        return known
    path = workspace() / f"report-{size}.csv"
    with ScaleServer(size) as server:
        run_child(["download", "raw", server.url, str(path)], server.token)
    _reports[size] = path
    return path


def count_lines(path: Path) -> int:
    """Line ends in ``path``: the rows plus the header, as no field of this report holds a line end."""
    lines = 0
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(8 * MIB), b""):
            lines += block.count(b"\n")
    return lines


# ------------------------------------------------------------ 9. report to disk


def _check_same_report(runs: List[Measured]) -> None:
    digests = {(run["bytes"], run["sha256"]) for run in runs}
    if len(digests) != 1:
        raise RuntimeError(f"the two sides did not receive the same report: {sorted(digests)}")


def _download_notes(sdk: List[Measured], raw: List[Measured], rounds: int) -> List[str]:
    sdk_t, raw_t = median([r["seconds"] for r in sdk]), median([r["seconds"] for r in raw])
    fsync_t = median([r["fsync_seconds"] for r in raw])
    written = int(sdk[0]["bytes"])
    attempts = max(int(r["attempts"]) for r in sdk)
    return [
        f"`reports.download` vs urllib3 (`preload_content=False`, 1 MiB reads written to a file), "
        f"{written:,} bytes of CSV with Content-Length from a sandbox in its own process; median of {rounds} "
        f"round(s), sides alternating, each in a fresh child; same SHA-256 on both sides; SDK attempts: {attempts}",
        f"throughput: SDK {written / sdk_t / MIB:.0f} MiB/s, raw {written / raw_t / MIB:.0f} MiB/s; the SDK also "
        f"hashes the bytes, writes a temporary file, fsyncs and renames it; the raw child's fsync, timed apart, "
        f"took {fsync_t:.2f} s more (raw + fsync: {sdk_t / (raw_t + fsync_t):.2f}x)",
    ]


def report_download(settings: Settings) -> List[Row]:
    """Figure 9: a large CSV report streamed to disk, time and peak memory."""
    size = report_bytes(settings)
    rounds = 1 if settings.quick else 2
    runs: Dict[str, List[Measured]] = {"sdk": [], "raw": []}
    kept = workspace() / f"report-{size}.csv"
    with ScaleServer(size) as server:
        for index in range(rounds):
            for side in side_order(index):
                target = kept if side == "sdk" else workspace() / "report-raw.csv"
                runs[side].append(run_child(["download", side, server.url, str(target)], server.token))
                if side == "raw":
                    target.unlink()
    _reports[size] = kept
    _check_same_report(runs["sdk"] + runs["raw"])
    sdk_t, raw_t = (median([r["seconds"] for r in runs[side]]) for side in ("sdk", "raw"))
    label = size_label(size)
    return [
        Row(
            f"9a. {label} CSV report to disk (fresh process)", f"{sdk_t:.2f} s", f"{raw_t:.2f} s", sdk_t / raw_t,
            1.10, notes=_download_notes(runs["sdk"], runs["raw"], rounds),
        ),
        memory_row(f"9b. peak RSS growth, {label} download", runs, "the download"),
    ]


# ------------------------------------------------------------ 10. rows of the report


def _check_same_rows(runs: List[Measured]) -> None:
    last_rows = {json.dumps(run["last_row"], sort_keys=True, default=str) for run in runs}
    if len(last_rows) != 1:
        raise RuntimeError(f"the two sides read different last rows: {sorted(last_rows)}")


def report_rows(settings: Settings) -> List[Row]:
    """Figure 10: every row of the CSV report, typed, by ``reports.rows`` and by ``csv.DictReader``."""
    size = report_bytes(settings)
    path = report_file(size)
    rows_read = count_lines(path) - 1
    rounds = 1
    runs: Dict[str, List[Measured]] = {"sdk": [], "raw": []}
    for index in range(rounds):
        for side in side_order(index):
            runs[side].append(run_child(["rows", side, str(path)]))
    _check_same_rows(runs["sdk"] + runs["raw"])
    sdk_t, raw_t = (median([r["seconds"] for r in runs[side]]) for side in ("sdk", "raw"))
    label = size_label(size)
    return [
        Row(
            f"10a. rows() over a {label} CSV (fresh process)", f"{sdk_t:.1f} s", f"{raw_t:.1f} s", sdk_t / raw_t, 1.50,
            notes=[
                f"`for row in reports.rows(path): pass` vs `csv.DictReader` typing each cell by hand "
                f"(`date.fromisoformat`, `int`, `float`, empty cell -> None); {rows_read:,} rows of 5 columns; "
                f"{rounds} round(s), each side in a fresh child, the file in the page cache; same last row on both "
                f"sides; SDK {rows_read / sdk_t / 1e6:.2f} M rows/s ({sdk_t / rows_read * 1e6:.2f} us/row), "
                f"raw {rows_read / raw_t / 1e6:.2f} M rows/s ({raw_t / rows_read * 1e6:.2f} us/row)",
            ],
        ),
        memory_row(f"10b. peak RSS growth, rows() over {label}", runs, "reading every row"),
    ]
