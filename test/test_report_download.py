"""reports.download: streamed to disk, atomic, resilient, with progress; on both transports."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import tracemalloc

import pytest
from conftest import make_client

from criteo_api_marketingsolutions_v2020_10 import Configuration, exceptions, reports
from criteo_api_marketingsolutions_v2020_10.api.analytics_api import AnalyticsApi
from criteo_api_marketingsolutions_v2020_10.model.statistics_report_query_message import (
    StatisticsReportQueryMessage,
)
from criteo_api_marketingsolutions_v2020_10.model.transactions_report_query_message import (
    TransactionsReportQueryMessage,
)
from criteo_api_marketingsolutions_v2020_10.sandbox import Fault

REPORT = "/2021-04/statistics/report"
TRANSACTIONS = "/2021-04/transactions/report"
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


@pytest.fixture
def client(sandbox, transport_name):
    """A client with a fixed token, generous limits and no real sleeping."""
    configuration = Configuration(host=sandbox.url, access_token=sandbox.issue_token())
    with make_client(configuration, transport_name, sleep=lambda s: None) as api_client:
        yield api_client


def leftovers(folder) -> list:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.mark.parametrize("fmt", ["csv", "json", "xml", "excel"])
def test_a_report_is_written_whole_with_its_size_format_and_digest(client, tmp_path, fmt) -> None:
    expected = AnalyticsApi(client).get_adset_report(statistics_report_query_message=statistics(fmt))
    target = tmp_path / f"report.{fmt}"
    result = reports.download(client, statistics(fmt), target)
    assert target.read_bytes() == expected
    assert result.path == target and result.bytes_written == len(expected) and result.format == fmt
    assert result.sha256 == hashlib.sha256(expected).hexdigest()
    assert result.content_type.split(";")[0] in {
        "text/csv", "application/json", "application/xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    assert result.attempts == 1 and result.elapsed > 0
    assert leftovers(tmp_path) == []


def test_a_transactions_report_is_downloaded_from_its_query(client, tmp_path) -> None:
    query = TransactionsReportQueryMessage(
        currency="EUR", format="json", start_date=dt.datetime(2021, 3, 1), end_date=dt.datetime(2021, 3, 20)
    )
    result = reports.download(client, query, tmp_path / "transactions.json")
    assert result.bytes_written == (tmp_path / "transactions.json").stat().st_size > 0
    assert b'"Columns"' in (tmp_path / "transactions.json").read_bytes()


def test_a_binary_file_object_receives_the_bytes(client) -> None:
    sink = io.BytesIO()
    result = reports.download(client, statistics(), sink)
    assert result.path is None and sink.getvalue().startswith(b"AdsetId,Day")
    assert result.bytes_written == len(sink.getvalue())


def test_a_download_cut_in_the_middle_leaves_no_partial_file(client, sandbox, tmp_path) -> None:
    client.configuration.retries = 0
    target = tmp_path / "report.csv"
    target.write_bytes(b"yesterday's report")
    cut = b"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 5000\r\n\r\nAdsetId,Day\r\n1,2"
    sandbox.script(REPORT, Fault(raw=cut))
    with pytest.raises(exceptions.ApiConnectionError):
        reports.download(client, statistics(), target)
    assert target.read_bytes() == b"yesterday's report"
    assert leftovers(tmp_path) == []


def test_a_broken_download_starts_again_and_is_written_once(client, sandbox, tmp_path) -> None:
    cut = b"HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 5000\r\n\r\nAdsetId,Day\r\n1,2"
    sandbox.script(REPORT, [Fault(raw=cut), Fault(status=503)])
    result = reports.download(client, statistics(), tmp_path / "report.csv")
    assert result.attempts == 3
    assert sum(1 for r in sandbox.requests if r.path == REPORT) == 3
    expected = AnalyticsApi(client).get_adset_report(statistics_report_query_message=statistics())
    assert (tmp_path / "report.csv").read_bytes() == expected


def test_a_refused_query_raises_and_writes_nothing(client, tmp_path) -> None:
    with pytest.raises(exceptions.BadRequestException):
        reports.download(client, statistics("pdf"), tmp_path / "report.pdf")
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_in_the_middle_leaves_no_partial_file(client, tmp_path) -> None:
    def interrupt(done: int, total) -> None:
        if done:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        reports.download(client, statistics(), tmp_path / "report.csv", progress=interrupt, chunk_size=100)
    assert list(tmp_path.iterdir()) == []


def test_progress_counts_up_to_the_size_and_knows_the_total(client, tmp_path) -> None:
    seen = []
    result = reports.download(
        client, statistics(), tmp_path / "r.csv", progress=lambda done, total: seen.append((done, total)), chunk_size=500
    )
    done = [d for d, _ in seen]
    assert done[0] == 0 and done[-1] == result.bytes_written and done == sorted(done) and len(done) > 3
    assert {t for _, t in seen} == {result.bytes_written}  # the sandbox sends Content-Length


def test_progress_true_draws_a_bar(client, tmp_path, capsys) -> None:
    reports.download(client, statistics(), tmp_path / "bar.csv", progress=True)
    assert "bar.csv" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        ({"query": {"format": "csv"}}, exceptions.ApiTypeError),
        ({"chunk_size": 0}, exceptions.ApiValueError),
        ({"chunk_size": True}, exceptions.ApiValueError),
        ({"destination": 42}, exceptions.ApiTypeError),
    ],
)
def test_bad_arguments_are_refused_before_any_io(client, sandbox, tmp_path, arguments, error) -> None:
    call = {"query": statistics(), "destination": tmp_path / "r.csv", **arguments}
    with pytest.raises(error):
        reports.download(client, call.pop("query"), call.pop("destination"), **call)
    assert sandbox.api_requests == 0


def test_memory_stays_bounded_for_a_large_report(client, sandbox, tmp_path) -> None:
    sandbox.set_report_size(size=96 * MIB, seed=3)
    tracemalloc.start()
    try:
        result = reports.download(client, statistics(), tmp_path / "large.csv")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert 96 * MIB <= result.bytes_written < 96 * MIB + MIB
    assert os.path.getsize(tmp_path / "large.csv") == result.bytes_written
    # The sandbox runs in this process too: the bound covers its generator as well.
    assert peak < 32 * MIB, f"peak {peak / MIB:.1f} MiB"
