"""The sandbox at scale: synthetic reports of any size, in every format and framing.

Everything goes over real sockets to a real ``Sandbox`` on 127.0.0.1 (the
``sandbox`` fixture of ``conftest``: a fresh one per test), with urllib3, or
a raw socket where the framing itself is under test. The helpers here serve
``test_sandbox_streaming`` and ``test_sandbox_contactlists`` too.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import socket
import time
import xml.etree.ElementTree as ET
from typing import Any, Dict, Iterator, List, Tuple

import pytest
import urllib3

from criteo_api_marketingsolutions_v2020_10.sandbox import Sandbox

STATISTICS = "/2021-04/statistics/report"
TRANSACTIONS = "/2021-04/transactions/report"
FORMATS = ("csv", "json", "xml", "excel")
MiB = 1024 * 1024


@pytest.fixture(scope="module")
def pool() -> Iterator[urllib3.PoolManager]:
    manager = urllib3.PoolManager(retries=False, timeout=urllib3.Timeout(connect=5, read=30))
    yield manager
    manager.clear()


def auth(sandbox: Sandbox) -> Dict[str, str]:
    return {"Authorization": f"Bearer {sandbox.issue_token()}", "Content-Type": "application/json"}


def statistics_query(fmt: str = "csv", **overrides: Any) -> Dict[str, Any]:
    query: Dict[str, Any] = {
        "advertiserIds": "10001,10002",
        "dimensions": ["AdsetId", "Adset", "Day"],
        "metrics": ["displays", "Clicks", "AdvertiserCost", "Ctr"],  # any case: canonical names come back
        "currency": "EUR",
        "format": fmt,
        "startDate": "2021-07-01T00:00:00Z",
        "endDate": "2021-07-10T00:00:00Z",
    }
    query.update(overrides)
    return query


STATISTICS_COLUMNS = ["AdsetId", "Adset", "Day", "Displays", "Clicks", "AdvertiserCost", "Ctr"]


def transactions_query(fmt: str = "csv", **overrides: Any) -> Dict[str, Any]:
    attributes: Dict[str, Any] = {
        "advertiserIds": "10001",
        "currency": "USD",
        "format": fmt,
        "startDate": "2021-03-01T00:00:00Z",
        "endDate": "2021-03-31T00:00:00Z",
    }
    attributes.update(overrides)
    return {"data": [{"type": "Report", "attributes": attributes}]}


def post(pool: urllib3.PoolManager, sandbox: Sandbox, path: str, query: Dict[str, Any]) -> urllib3.BaseHTTPResponse:
    return pool.request("POST", sandbox.url + path, body=json.dumps(query), headers=auth(sandbox))


# --------------------------------------------------------------------------- raw sockets


def send_raw(sandbox: Sandbox, path: str, body: bytes, method: str = "POST", extra: str = "") -> socket.socket:
    """A request written by hand on a fresh connection, which the server may close after answering."""
    connection = socket.create_connection(("127.0.0.1", sandbox.port), timeout=10)
    head = (
        f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {sandbox.issue_token()}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n{extra}\r\n"
    )
    connection.sendall(head.encode("ascii") + body)
    return connection


def read_head(connection: socket.socket) -> Tuple[int, Dict[str, str], bytes]:
    """Status, headers (lower-case names) and the body bytes already received."""
    data = b""
    while b"\r\n\r\n" not in data:
        block = connection.recv(65536)
        assert block, "the connection closed inside the head"
        data += block
    head, _, rest = data.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value for name, _, value in (line.partition(": ") for line in lines)}
    return int(status_line.split()[1]), headers, rest


def read_to_end(connection: socket.socket, start: bytes = b"") -> bytes:
    chunks = [start]
    while block := connection.recv(1 << 20):
        chunks.append(block)
    return b"".join(chunks)


def dechunk(data: bytes) -> Tuple[bytes, List[int], bool]:
    """The payload of a chunked body, its chunk sizes, and whether the last chunk came."""
    payload: List[bytes] = []
    sizes: List[int] = []
    at = 0
    while True:
        line_end = data.find(b"\r\n", at)
        if line_end < 0:
            return b"".join(payload), sizes, False
        size = int(data[at:line_end], 16)
        if size == 0:
            return b"".join(payload), sizes, data[line_end:] == b"\r\n\r\n"
        chunk = data[line_end + 2 : line_end + 2 + size]
        payload.append(chunk)
        sizes.append(len(chunk))
        if len(chunk) < size:
            return b"".join(payload), sizes, False
        at = line_end + 2 + size + 2


# --------------------------------------------------------------------------- parsing each format


def _csv_table(body: bytes) -> Tuple[List[str], List[List[Any]]]:
    header, *rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
    return header, [list(row) for row in rows]


def _json_table(body: bytes) -> Tuple[List[str], List[List[Any]]]:
    payload = json.loads(body)
    assert payload["Total"] == len(payload["Rows"])
    return payload["Columns"], [[row[name] for name in payload["Columns"]] for row in payload["Rows"]]


def _xml_table(body: bytes) -> Tuple[List[str], List[List[Any]]]:
    elements = ET.fromstring(body).findall("Row")
    columns = [cell.tag for cell in elements[0]] if elements else []
    return columns, [[cell.text for cell in row] for row in elements]


def _excel_table(body: bytes) -> Tuple[List[str], List[List[Any]]]:
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(io.BytesIO(body), read_only=True).active
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    return header, rows


def parse_table(fmt: str, body: bytes) -> Tuple[List[str], List[List[Any]]]:
    """``(columns, rows)`` read back with the standard parser of each format (openpyxl for Excel)."""
    return {"csv": _csv_table, "json": _json_table, "xml": _xml_table, "excel": _excel_table}[fmt](body)


def last_row_start(fmt: str, body: bytes) -> int:
    """Where the last row begins in the bytes of a report."""
    if fmt == "csv":
        return body.rstrip(b"\r\n").rfind(b"\r\n") + 2
    marker = {"json": b',{"', "xml": b"<Row>", "excel": b"<row>"}[fmt]
    return body.rfind(marker)


# --------------------------------------------------------------------------- synthetic reports


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "content-length"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_row_count_is_honoured_in_every_format_and_framing(sandbox, pool, fmt, chunked):
    sandbox.set_report_size(2345, chunked=chunked)  # more than two batches, and a partial one
    response = post(pool, sandbox, STATISTICS, statistics_query(fmt))
    assert response.status == 200
    body = response.data
    if chunked:
        assert response.headers["Transfer-Encoding"] == "chunked" and "Content-Length" not in response.headers
    else:
        assert int(response.headers["Content-Length"]) == len(body) and "Transfer-Encoding" not in response.headers
    columns, rows = parse_table(fmt, body)
    assert len(rows) == 2345
    assert columns == STATISTICS_COLUMNS
    assert all(len(row) == len(STATISTICS_COLUMNS) for row in rows)
    extension = {"excel": "xlsx"}.get(fmt, fmt)
    assert response.headers["Content-Disposition"] == f'attachment; filename="statistics.{extension}"'


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "content-length"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_size_is_reached_and_passed_by_at_most_the_last_row(sandbox, pool, fmt, chunked):
    size = 300_000
    sandbox.set_report_size(size=size, chunked=chunked)
    response = post(pool, sandbox, TRANSACTIONS, transactions_query(fmt))
    assert response.status == 200
    body = response.data
    assert len(body) >= size
    assert last_row_start(fmt, body) < size  # without its last row, the body would be too small
    _, rows = parse_table(fmt, body)
    markers = {"csv": body.count(b"\r\n") - 1, "json": body.count(b',{"') + 1, "xml": body.count(b"<Row>")}
    assert len(rows) == markers.get(fmt, body.count(b"<row>") - 1) > 500


@pytest.mark.parametrize("fmt", FORMATS)
def test_zero_rows_is_an_empty_report_with_its_columns(sandbox, pool, fmt):
    sandbox.set_report_size(0, chunked=False)
    body = post(pool, sandbox, TRANSACTIONS, transactions_query(fmt)).data
    columns, rows = parse_table(fmt, body)
    assert rows == []
    if fmt != "xml":  # an XML report names its columns in its rows only
        assert columns[:2] == ["TransactionId", "TransactionDate"]


def test_content_types_stay_those_of_each_format(sandbox, pool):
    sandbox.set_report_size(3)
    types = {fmt: post(pool, sandbox, STATISTICS, statistics_query(fmt)).headers["Content-Type"] for fmt in FORMATS}
    sandbox.set_report_size()
    normal = {fmt: post(pool, sandbox, STATISTICS, statistics_query(fmt)).headers["Content-Type"] for fmt in FORMATS}
    assert types == normal
    assert types["excel"].startswith("application/vnd.openxmlformats")


def test_chunks_are_large(sandbox):
    sandbox.set_report_size(size=3 * MiB)
    connection = send_raw(
        sandbox, STATISTICS, json.dumps(statistics_query("csv")).encode(), extra="Connection: close\r\n"
    )
    with connection:
        status, headers, rest = read_head(connection)
        payload, sizes, complete = dechunk(read_to_end(connection, rest))
    assert (status, headers["transfer-encoding"], complete) == (200, "chunked", True)
    assert len(payload) >= 3 * MiB
    assert min(sizes[:-1]) >= 64 * 1024


def assert_plausible(row: Dict[str, Any], first: dt.date, last: dt.date) -> None:
    assert row["AdvertiserId"].isdigit()
    assert first <= dt.date.fromisoformat(row["Day"]) <= last
    assert dt.date.fromisoformat(row["Week"]).weekday() == 0
    assert re.fullmatch(r"\d{4}-\d{2}", row["Month"])
    assert re.fullmatch(r"\d{4}", row["Year"])
    assert dt.datetime.fromisoformat(row["Hour"]).minute == 0
    assert isinstance(row["Displays"], int)
    assert isinstance(row["AdvertiserCost"], (int, float))
    assert row["Os"] in ("Android", "iOS", "Windows", "Other")


def test_values_are_typed_plausible_and_exercise_quoting(sandbox, pool):
    sandbox.set_report_size(4000)
    dimensions = ["AdvertiserId", "Advertiser", "Day", "Week", "Month", "Year", "Hour", "Os", "Device"]
    query = statistics_query("json", dimensions=dimensions, metrics=["Displays", "AdvertiserCost", "Ctr"])
    rows = json.loads(post(pool, sandbox, STATISTICS, query).data)["Rows"]
    for row in rows:
        assert_plausible(row, dt.date(2021, 7, 1), dt.date(2021, 7, 10))
    names = "\n".join(row["Advertiser"] for row in rows)
    for tricky in (",", '"', "<", "&", "é", "日本"):
        assert tricky in names
    csv_body = post(pool, sandbox, STATISTICS, statistics_query("csv", dimensions=["Advertiser"])).data
    assert b'""' in csv_body  # quotes inside quoted fields
    query = statistics_query("csv", dimensions=["Day"], metrics=["Clicks", "AdvertiserCost", "Ctr"])
    lines = post(pool, sandbox, STATISTICS, query).data.decode().split("\r\n")
    assert lines[0] == "Day,Clicks,AdvertiserCost,Ctr"
    assert lines[-1] == ""
    assert all(re.fullmatch(r"2021-07-\d{2},\d+,\d+\.\d{2},\d+\.\d{4}", line) for line in lines[1:-1])


def test_transactions_have_their_columns_unique_ids_and_the_query_currency(sandbox, pool):
    sandbox.set_report_size(3000)
    columns, rows = parse_table("csv", post(pool, sandbox, TRANSACTIONS, transactions_query("csv")).data)
    assert columns == [
        "TransactionId",
        "TransactionDate",
        "AdvertiserId",
        "Advertiser",
        "EventType",
        "AdsetId",
        "Amount",
        "Currency",
    ]
    ids = [row[0] for row in rows]
    assert all(i.isdigit() for i in ids) and len(set(ids)) == len(ids) == 3000
    assert {row[7] for row in rows} == {"USD"}
    assert {row[4] for row in rows} == {"Sale", "Lead"}
    moments = [dt.datetime.fromisoformat(row[1]) for row in rows]
    assert all(dt.datetime(2021, 3, 1) <= m < dt.datetime(2021, 4, 1) for m in moments)
    assert all(re.fullmatch(r"\d+\.\d{2}", row[6]) for row in rows)
    _, leads = parse_table("csv", post(pool, sandbox, TRANSACTIONS, transactions_query("csv", eventType="lead")).data)
    assert {row[4] for row in leads} == {"Lead"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_query_and_seed_give_the_same_bytes_and_another_seed_others(sandbox, pool, fmt):
    sandbox.set_report_size(size=200_000, seed=7)
    first = post(pool, sandbox, STATISTICS, statistics_query(fmt)).data
    assert post(pool, sandbox, STATISTICS, statistics_query(fmt)).data == first
    sandbox.set_report_size(size=200_000, seed=7, chunked=False)
    assert post(pool, sandbox, STATISTICS, statistics_query(fmt)).data == first  # framing aside, the same
    sandbox.set_report_size(size=200_000, seed=8)
    assert post(pool, sandbox, STATISTICS, statistics_query(fmt)).data != first


def test_without_a_size_normal_reports_come_back(sandbox, pool):
    normal = post(pool, sandbox, STATISTICS, statistics_query("csv")).data
    sandbox.set_report_size(10)
    assert post(pool, sandbox, STATISTICS, statistics_query("csv")).data != normal
    sandbox.set_report_size()
    assert post(pool, sandbox, STATISTICS, statistics_query("csv")).data == normal
    with pytest.raises(ValueError):
        sandbox.set_report_size(10, size=1000)
    with pytest.raises(ValueError):
        sandbox.set_report_size(-1)


def error_of(response: urllib3.BaseHTTPResponse) -> Tuple[int, str, str, str]:
    payload = json.loads(response.data)
    return response.status, payload["code"], payload["title"], payload["detail"]


@pytest.mark.parametrize(
    ("path", "query"),
    [
        (STATISTICS, statistics_query(format="pdf")),
        (STATISTICS, statistics_query(metrics=["Displays", "Happiness"])),
        (STATISTICS, statistics_query(dimensions=[])),
        (STATISTICS, statistics_query(advertiserIds="10099")),
        (STATISTICS, statistics_query(endDate="2021-06-01T00:00:00Z")),
        (STATISTICS, statistics_query(currency="euro")),
        (STATISTICS, statistics_query(startDate="2018-01-01T00:00:00Z", endDate="2021-07-01T00:00:00Z")),
        (TRANSACTIONS, transactions_query(format="doc")),
        (TRANSACTIONS, transactions_query(advertiserIds="10001,abc")),
        (TRANSACTIONS, {"data": []}),
    ],
)
def test_query_errors_are_unchanged_with_a_report_size(sandbox, pool, path, query):
    normal = error_of(post(pool, sandbox, path, query))
    sandbox.set_report_size(size=1024 * MiB)
    assert error_of(post(pool, sandbox, path, query)) == normal
    assert normal[0] in (400, 403)


def test_head_on_a_report_path_stays_405_without_a_body(sandbox):
    sandbox.set_report_size(size=1024 * MiB, chunked=False)
    started = time.monotonic()
    connection = send_raw(sandbox, STATISTICS, b"", method="HEAD", extra="Connection: close\r\n")
    with connection:
        status, headers, rest = read_head(connection)
        assert read_to_end(connection, rest) == b""
    assert (status, headers["allow"]) == (405, "POST")
    assert time.monotonic() - started < 1.0
