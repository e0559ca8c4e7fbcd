"""aio.reports.download against the sandbox, over real sockets, on both asynchronous transports: the same bytes as
the synchronous download, all or nothing, restarted when broken, cancellable, in bounded memory."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import io
import os
import tracemalloc
from pathlib import Path
from typing import Any, AsyncIterator, List, Optional, Tuple

import pytest
import pytest_asyncio

from criteo_api_marketingsolutions_v2020_10 import ApiClient as SyncApiClient
from criteo_api_marketingsolutions_v2020_10 import Configuration, exceptions, reports
from criteo_api_marketingsolutions_v2020_10.model.statistics_report_query_message import (
    StatisticsReportQueryMessage,
)
from criteo_api_marketingsolutions_v2020_10.model.transactions_report_query_message import (
    TransactionsReportQueryMessage,
)
from criteo_api_marketingsolutions_v2020_10.sandbox import Fault, Sandbox

aio = pytest.importorskip("criteo_api_marketingsolutions_v2020_10.aio")
pytest.importorskip("aiohttp")
pytest.importorskip("httpx")

from criteo_api_marketingsolutions_v2020_10.aio import reports as aio_reports  # noqa: E402
from criteo_api_marketingsolutions_v2020_10.aio._streaming import AsyncStreamingResponse  # noqa: E402

REPORT = "/2021-04/statistics/report"
MIB = 1024 * 1024


def statistics(fmt: str = "csv") -> StatisticsReportQueryMessage:
    return StatisticsReportQueryMessage(
        dimensions=["AdsetId", "Day"],
        metrics=["Displays", "Clicks", "AdvertiserCost"],
        start_date=dt.datetime(2021, 3, 1),
        end_date=dt.datetime(2021, 3, 31),
        currency="EUR",
        format=fmt,
    )


@pytest.fixture(params=["aiohttp", "httpx"])
def aio_transport(request: pytest.FixtureRequest) -> str:
    """Each asynchronous transport in turn."""
    return str(request.param)


@pytest.fixture
def sleeps() -> List[float]:
    """The waits the client was asked to make between attempts (none is really made)."""
    return []


def aio_client(sandbox: Sandbox, transport: str, sleeps: List[float]) -> Any:
    """An asyncio client on the sandbox with a fixed token and a sleep that only records."""
    from criteo_api_marketingsolutions_v2020_10.aio import AiohttpTransport, ApiClient, HttpxTransport

    configuration = Configuration(host=sandbox.url, access_token=sandbox.issue_token())
    configuration.rate_limits = None
    chosen = HttpxTransport(configuration=configuration) if transport == "httpx" else AiohttpTransport(
        configuration=configuration
    )

    async def record(seconds: float) -> None:
        sleeps.append(seconds)

    return ApiClient(configuration, transport=chosen, sleep=record)


@pytest_asyncio.fixture
async def client(sandbox: Sandbox, aio_transport: str, sleeps: List[float]) -> AsyncIterator[Any]:
    """An asyncio client on the sandbox, over each asynchronous transport in turn."""
    async with aio_client(sandbox, aio_transport, sleeps) as api_client:
        yield api_client


def sync_download(sandbox: Sandbox, query: Any, target: Path) -> reports.DownloadResult:
    """What the synchronous download writes for ``query``."""
    with SyncApiClient(Configuration(host=sandbox.url, access_token=sandbox.issue_token())) as sync_client:
        return reports.download(sync_client, query, target)


def leftovers(folder: Path) -> List[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def report_requests(sandbox: Sandbox) -> int:
    return sum(1 for r in sandbox.requests if r.path == REPORT)


@pytest.mark.asyncio
@pytest.mark.parametrize("fmt", ["csv", "json", "xml", "excel"])
async def test_every_format_is_written_as_the_synchronous_download_writes_it(
    sandbox: Sandbox, client: Any, tmp_path: Path, fmt: str
) -> None:
    expected = sync_download(sandbox, statistics(fmt), tmp_path / f"sync.{fmt}")
    target = tmp_path / f"report.{fmt}"
    result = await aio_reports.download(client, statistics(fmt), target)
    content = target.read_bytes()
    assert content == (tmp_path / f"sync.{fmt}").read_bytes() and len(content) > 100
    assert result.sha256 == expected.sha256 == hashlib.sha256(content).hexdigest()
    assert (result.path, result.bytes_written, result.format) == (target, len(content), fmt)
    assert result.content_type == expected.content_type and result.attempts == 1 and result.elapsed > 0
    assert leftovers(tmp_path) == []


@pytest.mark.asyncio
async def test_a_transactions_report_and_a_file_object(sandbox: Sandbox, client: Any, tmp_path: Path) -> None:
    query = TransactionsReportQueryMessage(
        currency="EUR", format="json", start_date=dt.datetime(2021, 3, 1), end_date=dt.datetime(2021, 3, 20)
    )
    expected = sync_download(sandbox, query, tmp_path / "sync.json")
    sink = io.BytesIO()
    result = await aio_reports.download(client, query, sink, chunk_size=1000)
    assert sink.getvalue() == (tmp_path / "sync.json").read_bytes() and b'"Columns"' in sink.getvalue()
    assert result.path is None and result.sha256 == expected.sha256 and result.bytes_written == len(sink.getvalue())


@pytest.mark.asyncio
async def test_a_download_cut_short_without_retries_leaves_the_destination_as_it_was(
    sandbox: Sandbox, client: Any, tmp_path: Path
) -> None:
    client.configuration.retries = 0
    target = tmp_path / "report.csv"
    target.write_bytes(b"yesterday's report")
    sandbox.script(REPORT, Fault(cut_after=100))
    with pytest.raises(exceptions.ApiConnectionError):
        await aio_reports.download(client, statistics(), target, chunk_size=10)
    assert target.read_bytes() == b"yesterday's report"
    assert leftovers(tmp_path) == [] and report_requests(sandbox) == 1


@pytest.mark.asyncio
async def test_a_download_cut_short_is_started_again_and_written_once(
    sandbox: Sandbox, client: Any, sleeps: List[float], tmp_path: Path
) -> None:
    expected = sync_download(sandbox, statistics(), tmp_path / "sync.csv")
    sandbox.script(REPORT, [Fault(cut_after=100), Fault(status=503)])
    seen: List[Tuple[int, Optional[int]]] = []
    target = tmp_path / "report.csv"
    result = await aio_reports.download(
        client, statistics(), target, chunk_size=64, progress=lambda done, total: seen.append((done, total))
    )
    assert target.read_bytes() == (tmp_path / "sync.csv").read_bytes()
    assert result.attempts == 3 and result.sha256 == expected.sha256 and result.bytes_written == expected.bytes_written
    assert report_requests(sandbox) == 3 + 1  # the cut one, the 503, the one written, and the synchronous reference
    assert len(sleeps) == 2 and all(delay >= 0 for delay in sleeps)
    # Progress went back to 0 for the second attempt, then up to the whole size.
    restart = max(i for i, (done, _) in enumerate(seen) if done == 0)
    assert restart > 0 and seen[restart - 1][0] >= 64 and seen[-1] == (expected.bytes_written, expected.bytes_written)
    assert leftovers(tmp_path) == []


@pytest.mark.asyncio
async def test_progress_true_draws_a_bar(client: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = await aio_reports.download(client, statistics(), tmp_path / "bar.csv", progress=True)
    assert result.bytes_written > 0 and "bar.csv" in capsys.readouterr().err


@pytest.mark.asyncio
async def test_a_file_object_is_never_written_twice(sandbox: Sandbox, client: Any) -> None:
    sandbox.script(REPORT, Fault(cut_after=100))
    sink = io.BytesIO()
    with pytest.raises(exceptions.ApiConnectionError):
        await aio_reports.download(client, statistics(), sink, chunk_size=10)
    assert 0 < len(sink.getvalue()) <= 100 and report_requests(sandbox) == 1


@pytest.mark.asyncio
async def test_a_refused_query_raises_and_writes_nothing(sandbox: Sandbox, client: Any, tmp_path: Path) -> None:
    with pytest.raises(exceptions.BadRequestException):
        await aio_reports.download(client, statistics("pdf"), tmp_path / "report.pdf")
    assert list(tmp_path.iterdir()) == [] and report_requests(sandbox) == 1


@pytest.mark.asyncio
async def test_cancelling_mid_download_closes_the_answer_and_leaves_nothing(
    sandbox: Sandbox, client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed: List[AsyncStreamingResponse] = []
    original_close = AsyncStreamingResponse.aclose

    async def spy_close(self: AsyncStreamingResponse) -> None:
        await original_close(self)
        closed.append(self)

    monkeypatch.setattr(AsyncStreamingResponse, "aclose", spy_close)
    target = tmp_path / "report.csv"
    target.write_bytes(b"yesterday's report")
    sandbox.script(REPORT, Fault(trickle=0.01))
    received: List[int] = []
    download = asyncio.ensure_future(
        aio_reports.download(client, statistics(), target, progress=lambda done, total: received.append(done))
    )
    for _ in range(500):
        if received and received[-1] > 0:
            break
        await asyncio.sleep(0.01)
    assert leftovers(tmp_path), "the download should be under way, into its temporary file"
    download.cancel()
    with pytest.raises(asyncio.CancelledError):
        await download
    assert target.read_bytes() == b"yesterday's report" and leftovers(tmp_path) == []
    assert len(closed) == 1 and closed[0].closed
    assert 0 < closed[0].bytes_read < 1000  # a trickle: cut off long before its end


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        ({"query": {"format": "csv"}}, exceptions.ApiTypeError),
        ({"chunk_size": 0}, exceptions.ApiValueError),
        ({"destination": 42}, exceptions.ApiTypeError),
    ],
)
async def test_bad_arguments_are_refused_before_any_io(
    sandbox: Sandbox, client: Any, tmp_path: Path, arguments: Any, error: Any
) -> None:
    call = {"query": statistics(), "destination": tmp_path / "r.csv", **arguments}
    with pytest.raises(error):
        await aio_reports.download(client, call.pop("query"), call.pop("destination"), **call)
    assert sandbox.api_requests == 0 and list(tmp_path.iterdir()) == []


@pytest.mark.asyncio
async def test_memory_stays_bounded_for_a_large_report(sandbox: Sandbox, sleeps: List[float], tmp_path: Path) -> None:
    sandbox.set_report_size(size=64 * MIB, seed=5)
    async with aio_client(sandbox, "aiohttp", sleeps) as client:
        tracemalloc.start()
        try:
            result = await aio_reports.download(client, statistics(), tmp_path / "large.csv")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert 64 * MIB <= result.bytes_written < 65 * MIB
    assert os.path.getsize(tmp_path / "large.csv") == result.bytes_written
    # The sandbox runs in this process too: the bound covers its generator as well.
    assert peak < 32 * MIB, f"peak {peak / MIB:.1f} MiB"
