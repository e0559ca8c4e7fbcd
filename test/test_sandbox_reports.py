"""Sandbox reports: every format parsed back, figures consistent and deterministic, errors as ErrorMessage."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
import urllib3

from criteo_api_marketingsolutions_v2020_10.sandbox import Sandbox

STATISTICS = "/2021-04/statistics/report"
TRANSACTIONS = "/2021-04/transactions/report"
SHEET_NS = {"s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


@pytest.fixture(scope="module")
def report():
    """``report(path, body) -> (status, content type, body bytes)`` against one sandbox."""
    with Sandbox() as sandbox:
        pool = urllib3.PoolManager(retries=False, timeout=10)
        headers = {"Authorization": f"Bearer {sandbox.issue_token()}", "Content-Type": "application/json"}

        def call(path, body):
            response = pool.request("POST", sandbox.url + path, body=json.dumps(body), headers=headers)
            return response.status, response.headers["Content-Type"], response.data

        yield call
        pool.clear()


def statistics_query(fmt="json", **overrides):
    query = {
        "advertiserIds": "10001,10002",
        "dimensions": ["AdsetId", "Day"],
        "metrics": ["Displays", "Clicks", "AdvertiserCost", "Ctr"],
        "currency": "EUR",
        "format": fmt,
        "timezone": "UTC",
        "startDate": "2021-07-01T00:00:00Z",
        "endDate": "2021-07-03T00:00:00Z",
    }
    query.update(overrides)
    return query


def transactions_query(fmt="json", **overrides):
    attributes = {
        "advertiserIds": "10001",
        "currency": "USD",
        "format": fmt,
        "startDate": "2021-03-01T00:00:00Z",
        "endDate": "2021-03-10T00:00:00Z",
    }
    attributes.update(overrides)
    return {"data": [{"type": "TransactionsReport", "attributes": attributes}]}


def rows_of(fmt, body):
    """Parse a report in any format into ``(columns, rows of strings)``."""
    if fmt == "csv":
        lines = list(csv.reader(io.StringIO(body.decode("utf-8"))))
        return lines[0], lines[1:]
    if fmt == "json":
        payload = json.loads(body)
        assert payload["Total"] == len(payload["Rows"])
        return payload["Columns"], [[str(row[c]) for c in payload["Columns"]] for row in payload["Rows"]]
    if fmt == "xml":
        root = ET.fromstring(body)
        assert root.tag == "Report"
        rows = [[cell.text or "" for cell in row] for row in root]
        columns = [cell.tag for cell in root[0]] if len(root) else []
        return columns, rows
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        names = set(archive.namelist())
        assert {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"} <= names
        sheet = ET.fromstring(archive.read("xl/worksheets/sheet1.xml"))
    table = []
    for row in sheet.findall("s:sheetData/s:row", SHEET_NS):
        cells = []
        for cell in row.findall("s:c", SHEET_NS):
            text = cell.find("s:is/s:t", SHEET_NS) if cell.get("t") == "inlineStr" else cell.find("s:v", SHEET_NS)
            cells.append(text.text)
        table.append(cells)
    return table[0], table[1:]


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "xml": "application/xml; charset=utf-8",
    "excel": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@pytest.mark.parametrize("fmt", list(CONTENT_TYPES))
def test_statistics_report_in_every_format(report, fmt):
    status, content_type, body = report(STATISTICS, statistics_query(fmt))
    assert status == 200
    assert content_type == CONTENT_TYPES[fmt]
    columns, rows = rows_of(fmt, body)
    assert columns == ["AdsetId", "Day", "Displays", "Clicks", "AdvertiserCost", "Ctr"]
    # Advertisers 10001 and 10002 have 4 ad sets each; 300212 ended on 2021-06-30.
    assert sorted({row[0] for row in rows}) == ["300111", "300112", "300121", "300122", "300211", "300221", "300222"]
    assert {row[1] for row in rows} == {"2021-07-01", "2021-07-02", "2021-07-03"}
    assert len(rows) == 21
    _, reference = rows_of("json", report(STATISTICS, statistics_query("json"))[2])
    numeric = [[float(v) for v in row[2:]] for row in rows]
    assert numeric == [[float(v) for v in row[2:]] for row in reference]  # same figures in every format


def test_statistics_figures_are_consistent(report):
    _, _, body = report(STATISTICS, statistics_query(dimensions=["Day"], metrics=["Clicks", "Displays"]))
    by_day = json.loads(body)["Rows"]
    _, _, body = report(STATISTICS, statistics_query(dimensions=["Day", "Device"], metrics=["Clicks", "Displays"]))
    by_device = json.loads(body)["Rows"]
    assert {row["Device"] for row in by_device} == {"Desktop", "Smartphone", "Tablet", "Other"}
    for day in by_day:
        split = [row for row in by_device if row["Day"] == day["Day"]]
        assert abs(sum(row["Displays"] for row in split) - day["Displays"]) <= len(split)
    ctr = json.loads(report(STATISTICS, statistics_query(dimensions=["Day"], metrics=["Ctr", "Clicks", "Displays"]))[2])
    first = ctr["Rows"][0]
    assert first["Ctr"] == pytest.approx(first["Clicks"] / first["Displays"] * 100, abs=0.01)


def test_statistics_report_is_deterministic(report):
    first = report(STATISTICS, statistics_query("excel"))[2]
    second = report(STATISTICS, statistics_query("excel"))[2]
    assert first == second


def test_statistics_other_dimensions(report):
    query = statistics_query(
        dimensions=["Advertiser", "Category", "Month", "Hour"], metrics=["Displays"], endDate="2021-07-01T00:00:00Z"
    )
    status, _, body = report(STATISTICS, query)
    assert status == 200
    rows = json.loads(body)["Rows"]
    assert {row["Advertiser"] for row in rows} == {"Northwind Outdoor", "Bluebell Books"}
    assert {row["Month"] for row in rows} == {"2021-07"}
    assert len({row["Hour"] for row in rows}) == 24
    assert "Tents" in {row["Category"] for row in rows}


def test_currency_conversion(report):
    def cost(currency):
        body = report(STATISTICS, statistics_query(currency=currency, dimensions=["Year"], metrics=["AdvertiserCost"]))[
            2
        ]
        return json.loads(body)["Rows"][0]["AdvertiserCost"]

    assert cost("USD") > cost("EUR") > cost("GBP")


@pytest.mark.parametrize(
    ("overrides", "status", "code"),
    [
        ({"format": "pdf"}, 400, "invalid-format"),
        ({"metrics": ["Clicks", "Happiness"]}, 400, "invalid-metric"),
        ({"dimensions": ["Planet"]}, 400, "invalid"),
        ({"endDate": "2021-06-01T00:00:00Z"}, 400, "invalid-ranged"),
        ({"startDate": "yesterday"}, 400, "invalid-date-format"),
        ({"currency": "euros"}, 400, "invalid-currency"),
        ({"advertiserIds": "10099"}, 403, "insufficient-advertisers-permissions"),
    ],
)
def test_statistics_errors_are_error_messages(report, overrides, status, code):
    got, content_type, body = report(STATISTICS, statistics_query(**overrides))
    assert got == status
    assert content_type == "application/json; charset=utf-8"
    payload = json.loads(body)
    assert {"traceId", "type", "code", "instance", "detail"} <= set(payload)  # the ErrorMessage itself
    assert payload["code"] == code
    assert re.fullmatch(r"[0-9a-f-]{36}", payload["traceId"])
    assert payload["errors"][0]["code"] == code


def test_statistics_missing_required_field(report):
    query = statistics_query()
    del query["currency"]
    status, _, body = report(STATISTICS, query)
    assert status == 400
    assert json.loads(body)["code"] == "required-field"


@pytest.mark.parametrize("fmt", list(CONTENT_TYPES))
def test_transactions_report_in_every_format(report, fmt):
    status, content_type, body = report(TRANSACTIONS, transactions_query(fmt))
    assert status == 200
    assert content_type == CONTENT_TYPES[fmt]
    columns, rows = rows_of(fmt, body)
    assert columns[:3] == ["TransactionId", "TransactionDate", "AdvertiserId"]
    assert rows, "ten days of a running advertiser have transactions"
    assert {row[2] for row in rows} == {"10001"}
    assert {row[7] for row in rows} == {"USD"}
    assert all("2021-03-01" <= row[1] < "2021-03-11" for row in rows)


def test_transactions_event_type_filter(report):
    every = json.loads(report(TRANSACTIONS, transactions_query())[2])["Rows"]
    sales = json.loads(report(TRANSACTIONS, transactions_query(eventType="sale"))[2])["Rows"]
    assert sales == [row for row in every if row["EventType"] == "Sale"]


def test_transactions_errors(report):
    status, _, body = report(TRANSACTIONS, {"data": []})
    assert status == 400
    assert json.loads(body)["code"] == "invalid"
    status, _, body = report(TRANSACTIONS, transactions_query(format="docx"))
    assert (status, json.loads(body)["code"]) == (400, "invalid-format")
    status, _, body = report(TRANSACTIONS, {"data": [{"type": "TransactionsReport", "attributes": {"format": "csv"}}]})
    assert (status, json.loads(body)["code"]) == (400, "required-field")
    status, _, body = report(TRANSACTIONS, transactions_query(advertiserIds="10099"))
    assert status == 403
