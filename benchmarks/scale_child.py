"""Child process of figures 9 to 11: one measured run of one side, its numbers printed as one JSON line.

::

    python -m benchmarks.scale_child download sdk|raw URL DESTINATION
    python -m benchmarks.scale_child rows sdk|raw PATH
    python -m benchmarks.scale_child upload sdk URL AUDIENCE IDENTIFIERS CHUNK WORKERS
    python -m benchmarks.scale_child patch raw URL AUDIENCE CHUNK REPEATS

The access token, when one is needed, is the first line of standard input, so
that it never shows in a process listing. Each run imports only its own side,
then notes ``ru_maxrss`` (the peak resident set so far, in KiB) before and
after the measured work: the difference is what the work itself added.
Times are taken inside the child, so interpreter start-up and imports are
left out.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from typing import Any, Callable, Dict, Iterator, List, Tuple
from urllib.parse import urlsplit

#: The report both sides ask for (``test/test_report_download.py`` asks for the same one).
REPORT_PATH = "/2021-04/statistics/report"
REPORT_QUERY: Dict[str, Any] = {
    "dimensions": ["AdsetId", "Day"],
    "metrics": ["Displays", "Clicks", "AdvertiserCost"],
    "currency": "EUR",
    "format": "csv",
    "startDate": "2021-03-01T00:00:00",
    "endDate": "2021-03-31T00:00:00",
}
CONTACTLIST_PATH = "/2021-04/audiences/{}/contactlist"
MIB = 1024 * 1024

Measured = Dict[str, Any]


def peak_kib() -> int:
    """The peak resident set size of this process so far, in KiB (Linux units)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _token() -> str:
    return sys.stdin.readline().strip()


def _host_port(url: str) -> Tuple[str, int]:
    parts = urlsplit(url)
    return parts.hostname or "127.0.0.1", parts.port or 80


def identifiers(first: int, count: int) -> Iterator[str]:
    """``count`` distinct, valid e-mail addresses, numbered from ``first``."""
    return (f"user{n:07d}@example.com" for n in range(first, first + count))


# ------------------------------------------------------------ 9. report to disk


def download_sdk(url: str, destination: str) -> Measured:
    """``reports.download`` of the report into ``destination``."""
    import datetime as dt

    from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration, reports
    from criteo_api_marketingsolutions_v2020_10.model.statistics_report_query_message import (
        StatisticsReportQueryMessage,
    )

    query = StatisticsReportQueryMessage(
        dimensions=REPORT_QUERY["dimensions"],
        metrics=REPORT_QUERY["metrics"],
        start_date=dt.datetime(2021, 3, 1),
        end_date=dt.datetime(2021, 3, 31),
        currency=REPORT_QUERY["currency"],
        format=REPORT_QUERY["format"],
    )
    download = reports.download  # the reports package imports it on first use: not inside the timing
    with ApiClient(Configuration(host=url, access_token=_token())) as client:
        before = peak_kib()
        started = time.perf_counter()
        result = download(client, query, destination)
        seconds = time.perf_counter() - started
    return {
        "seconds": seconds, "rss_start_kib": before, "rss_peak_kib": peak_kib(),
        "bytes": result.bytes_written, "sha256": result.sha256, "attempts": result.attempts,
    }


def download_raw(url: str, destination: str) -> Measured:
    """urllib3 with ``preload_content=False``, 1 MiB reads written to ``destination``."""
    import hashlib
    import os

    import urllib3

    host, port = _host_port(url)
    headers = {"Authorization": f"Bearer {_token()}", "Content-Type": "application/json", "Accept": "text/csv"}
    body = json.dumps(REPORT_QUERY).encode()
    pool = urllib3.HTTPConnectionPool(host, port, maxsize=1)
    before = peak_kib()
    started = time.perf_counter()
    response = pool.urlopen("POST", REPORT_PATH, body=body, headers=headers, preload_content=False)
    if response.status != 200:
        raise RuntimeError(f"report request answered {response.status}")
    written = 0
    with open(destination, "wb") as sink:
        for chunk in response.stream(MIB):
            written += sink.write(chunk)
        seconds = time.perf_counter() - started
        # Timed apart: reports.download makes the file durable before renaming it; a plain copy need not.
        sink.flush()
        os.fsync(sink.fileno())
        fsync_seconds = time.perf_counter() - started - seconds
    response.release_conn()
    pool.close()
    peak = peak_kib()
    digest = hashlib.sha256()
    with open(destination, "rb") as check:  # after the measurement: only to prove both sides got the same bytes
        for block in iter(lambda: check.read(MIB), b""):
            digest.update(block)
    return {
        "seconds": seconds, "fsync_seconds": fsync_seconds, "rss_start_kib": before, "rss_peak_kib": peak,
        "bytes": written, "sha256": digest.hexdigest(),
    }


# ------------------------------------------------------------ 10. rows of a CSV report


def rows_sdk(path: str) -> Measured:
    """``for row in reports.rows(path): pass``."""
    from criteo_api_marketingsolutions_v2020_10.reports import rows

    before = peak_kib()
    started = time.perf_counter()
    row: Dict[str, Any] = {}
    for row in rows(path):  # noqa: B007  # the last row, read after the loop, shows both sides read alike
        pass
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "rss_start_kib": before, "rss_peak_kib": peak_kib(), "last_row": row}


def rows_raw(path: str) -> Measured:
    """``csv.DictReader`` with each column typed by hand, as ``rows`` types it; an empty cell is ``None``."""
    import csv
    import datetime as dt

    by_hand: Dict[str, Callable[[str], Any]] = {
        "Day": dt.date.fromisoformat, "Displays": int, "Clicks": int, "AdvertiserCost": float,
    }
    before = peak_kib()
    started = time.perf_counter()
    row: Dict[str, Any] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        convert = {name: by_hand.get(name, str) for name in reader.fieldnames or ()}
        for record in reader:
            row = {name: convert[name](value) if value else None for name, value in record.items()}
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "rss_start_kib": before, "rss_peak_kib": peak_kib(), "last_row": row}


# ------------------------------------------------------------ 11. contact list upload


def upload_sdk(url: str, audience: str, count: str, chunk: str, workers: str) -> Measured:
    """``audiences.upload`` of ``count`` generated e-mail addresses."""
    from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration, audiences

    with ApiClient(Configuration(host=url, access_token=_token())) as client:
        before = peak_kib()
        started = time.perf_counter()
        report = audiences.upload(
            client, audience, identifiers(0, int(count)), chunk_size=int(chunk), max_workers=int(workers)
        )
        seconds = time.perf_counter() - started
    return {
        "seconds": seconds, "rss_start_kib": before, "rss_peak_kib": peak_kib(), "ok": report.ok,
        "chunks_sent": report.chunks_sent, "chunks_accepted": report.chunks_accepted,
        "identifiers_sent": report.identifiers_sent, "nb_valid_identifiers": report.nb_valid_identifiers,
        "elapsed": report.elapsed,
    }


def patch_raw(url: str, audience: str, chunk: str, repeats: str) -> Measured:
    """One urllib3 PATCH of ``chunk`` identifiers at a time, ``repeats`` times, each timed alone.

    Each timing covers what one chunk costs the SDK too: drawing the
    identifiers from a generator, the JSON body, the request and the answer.
    """
    import urllib3

    size = int(chunk)
    host, port = _host_port(url)
    headers = {
        "Authorization": f"Bearer {_token()}", "Content-Type": "application/json", "Accept": "application/json",
    }
    pool = urllib3.HTTPConnectionPool(host, port, maxsize=1)
    before = peak_kib()
    seconds: List[float] = []
    body = b""
    for index in range(int(repeats)):
        started = time.perf_counter()
        chunk_identifiers = list(identifiers(index * size, size))
        attributes = {"operation": "add", "identifierType": "email", "identifiers": chunk_identifiers}
        body = json.dumps({"data": {"type": "ContactlistAmendment", "attributes": attributes}}).encode()
        response = pool.urlopen("PATCH", CONTACTLIST_PATH.format(audience), body=body, headers=headers)
        answer = json.loads(response.data)
        seconds.append(time.perf_counter() - started)
        valid = answer.get("data", {}).get("attributes", {}).get("nbValidIdentifiers")
        if response.status != 200 or valid != size:
            raise RuntimeError(f"contact list PATCH answered {response.status}, {valid} valid identifiers")
    pool.close()
    return {"seconds": seconds, "rss_start_kib": before, "rss_peak_kib": peak_kib(), "body_bytes": len(body)}


_RUNS: Dict[Tuple[str, str], Callable[..., Measured]] = {
    ("download", "sdk"): download_sdk,
    ("download", "raw"): download_raw,
    ("rows", "sdk"): rows_sdk,
    ("rows", "raw"): rows_raw,
    ("upload", "sdk"): upload_sdk,
    ("patch", "raw"): patch_raw,
}


def main(argv: List[str]) -> None:
    """Run the measurement named by ``argv`` (kind, side, its arguments) and print its JSON line."""
    run = _RUNS.get((argv[0], argv[1])) if len(argv) >= 2 else None
    if run is None:
        sys.exit(__doc__)
    print(json.dumps(run(*argv[2:]), default=str))


if __name__ == "__main__":
    main(sys.argv[1:])
