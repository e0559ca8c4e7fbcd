"""reports.rows and reports.to_dataframe: every format typed alike, every kind of source, constant memory."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sys
import time
import tracemalloc

import pytest

from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration, reports
from criteo_api_marketingsolutions_v2020_10.api.analytics_api import AnalyticsApi
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiTypeError, ApiValueError
from criteo_api_marketingsolutions_v2020_10.models import (
    StatisticsReportQueryMessage,
    TransactionsReportQueryDataMessage,
    TransactionsReportQueryEntityMessage,
    TransactionsReportQueryMessage,
)
from criteo_api_marketingsolutions_v2020_10.reports import _frames, _read_json
from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Sandbox
from criteo_api_marketingsolutions_v2020_10.sandbox.report_formats import to_csv, to_json, to_xml

FORMATS = ["csv", "json", "xml", "excel"]
EXTENSIONS = {"csv": "csv", "json": "json", "xml": "xml", "excel": "xlsx"}
MIB = 1024 * 1024
TYPE_BY_NAME = {"id": str, "text": str, "month": str, "date": dt.date, "datetime": dt.datetime, "year": int}
TYPE_BY_NAME.update(count=int, amount=float, ratio=float)
COUNTS = ["Displays", "Clicks", "SalesPc30d", "SalesAllClientAttribution"]
AMOUNTS = ["AdvertiserCost", "RevenueGeneratedPc30d", "RevenueGeneratedAllClientAttribution"]
RATIOS = ["Ctr", "Cpc", "ECpm", "ConversionRatePc30d", "CostPerOrderPc30d", "CosPc30d", "RoasPc30d"]
DIMENSIONS = ["AdsetId", "Adset", "AdvertiserId", "Advertiser", "Day", "Week", "Month", "Year", "CategoryId", "Category"]


def _statistics(fmt, dimensions, metrics, days=2):
    start = dt.datetime(2021, 7, 1)
    return StatisticsReportQueryMessage(
        dimensions=dimensions, metrics=metrics, currency="EUR", format=fmt, advertiser_ids="10001",
        start_date=start, end_date=start + dt.timedelta(days=days - 1),
    )


def _transactions(fmt):
    attributes = TransactionsReportQueryMessage(
        currency="USD", format=fmt, start_date=dt.datetime(2021, 3, 1), end_date=dt.datetime(2021, 3, 10),
        advertiser_ids="10001",
    )
    entity = TransactionsReportQueryEntityMessage(type="TransactionsReport", attributes=attributes)
    return TransactionsReportQueryDataMessage(data=[entity])


QUERIES = {
    "statistics": lambda api, fmt: api.get_adset_report(
        statistics_report_query_message=_statistics(fmt, DIMENSIONS, COUNTS + AMOUNTS + RATIOS)
    ),
    "hourly": lambda api, fmt: api.get_adset_report(
        statistics_report_query_message=_statistics(fmt, ["Hour", "Os", "Device"], ["Clicks", "Ctr"], days=1)
    ),
    "transactions": lambda api, fmt: api.get_transactions_report(transactions_report_query_data_message=_transactions(fmt)),
}


@pytest.fixture(scope="module")
def report_files(tmp_path_factory):
    """``{(report, format): path}``: real answers of the sandbox, written to files."""
    folder = tmp_path_factory.mktemp("reports")
    files = {}
    with Sandbox() as sandbox:
        configuration = Configuration(host=sandbox.url, client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET)
        configuration.rate_limits = None  # twelve reports at once: no spacing to stay under 40 a minute
        with ApiClient(configuration) as client:
            api = AnalyticsApi(client)
            for name, query in QUERIES.items():
                for fmt in FORMATS:
                    path = folder / f"{name}.{EXTENSIONS[fmt]}"
                    path.write_bytes(query(api, fmt))
                    files[name, fmt] = path
    return files


class ReadOnly:
    """A non-seekable stream: it has ``read`` and nothing else, and may return fewer bytes than asked."""

    def __init__(self, data: bytes, step: int = 1 << 30) -> None:
        self._data, self._at, self._step = data, 0, step

    def read(self, size: int = -1) -> bytes:
        size = len(self._data) if size < 0 else min(size, self._step)
        chunk = self._data[self._at : self._at + size]
        self._at += len(chunk)
        return chunk


class FakeResponse(ReadOnly):
    def __init__(self, data: bytes, content_type: str, status: int = 200) -> None:
        super().__init__(data)
        self.headers, self.status = {"Content-Type": content_type}, status


# --- every format, typed right ------------------------------------------------------------


@pytest.mark.parametrize("name", list(QUERIES))
def test_every_format_gives_the_same_rows_with_the_documented_types(report_files, name) -> None:
    tables = {fmt: list(reports.rows(report_files[name, fmt])) for fmt in FORMATS}
    reference = tables["csv"]
    assert len(reference) > 10
    for fmt in FORMATS:
        assert tables[fmt] == reference, fmt
        assert [list(row) for row in tables[fmt]] == [list(row) for row in reference]  # same column order
    for row in reference:
        for column, value in row.items():
            assert type(value) is TYPE_BY_NAME[reports.COLUMN_TYPES[column]], (column, value)
    if name == "statistics":
        first = reference[0]
        assert first["Month"] == f"{first['Day']:%Y-%m}" and first["Year"] == first["Day"].year
        assert first["Week"] <= first["Day"] and first["Week"].weekday() == 0
        assert {row["Day"] for row in reference} == {dt.date(2021, 7, 1), dt.date(2021, 7, 2)}
    if name == "hourly":
        assert {row["Hour"].hour for row in reference} == set(range(24))
    if name == "transactions":
        assert all(dt.datetime(2021, 3, 1) <= row["TransactionDate"] < dt.datetime(2021, 3, 11) for row in reference)


@pytest.fixture
def unthrottled_client(managed_configuration):
    """A client with the demo credentials whose report calls are not spaced out."""
    managed_configuration.rate_limits = None
    with ApiClient(managed_configuration) as client:
        yield client


def test_a_streaming_response_of_the_sdk_is_read_by_its_content_type(unthrottled_client) -> None:
    api = AnalyticsApi(unthrottled_client)
    for fmt in FORMATS:
        expected = list(reports.rows(io.BytesIO(QUERIES["transactions"](api, fmt))))
        response = api.get_transactions_report(
            transactions_report_query_data_message=_transactions(fmt), _preload_content=False
        )
        try:
            assert list(reports.rows(response)) == expected and expected
            assert not response.closed  # the caller's response: closing it is the caller's business
        finally:
            response.close()
    response = api.get_adset_report(statistics_report_query_message=_statistics("csv", ["Day"], ["Clicks"]), _preload_content=False)
    with response:
        partial = reports.rows(response)
        assert type(next(partial)["Day"]) is dt.date
        partial.close()
        assert not response.closed


def test_every_kind_of_source_and_of_format_inference(report_files, tmp_path) -> None:
    path = report_files["transactions", "json"]
    expected = list(reports.rows(path))
    data = path.read_bytes()
    assert list(reports.rows(str(path))) == expected
    with open(path, "rb") as file:
        assert list(reports.rows(file)) == expected
        assert not file.closed  # the caller's file stays open
    assert list(reports.rows(ReadOnly(data, step=7))) == expected  # sniffed from the first bytes
    unnamed = tmp_path / "report.dat"
    unnamed.write_bytes(data)
    assert list(reports.rows(unnamed)) == expected  # no known extension: sniffed
    assert list(reports.rows(unnamed, format="JSON")) == expected
    # A header that looks like JSON: the extension, the Content-Type or format= say CSV, and win.
    odd = b"[Tag],Clicks\r\nx,3\r\n"
    named = tmp_path / "odd.csv"
    named.write_bytes(odd)
    assert list(reports.rows(named)) == [{"[Tag]": "x", "Clicks": 3}]
    assert list(reports.rows(FakeResponse(odd, "text/csv; charset=utf-8"))) == [{"[Tag]": "x", "Clicks": 3}]
    assert list(reports.rows(ReadOnly(odd), format="csv")) == [{"[Tag]": "x", "Clicks": 3}]
    with pytest.raises(ApiValueError, match="The JSON report is malformed"):
        list(reports.rows(ReadOnly(odd)))
    with pytest.raises(ApiValueError, match="HTTP status 400"):
        list(reports.rows(FakeResponse(b'{"errors": []}', "application/json", status=400)))


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_is_sniffed_from_a_stream_without_a_name(report_files, fmt) -> None:
    path = report_files["hourly", fmt]
    assert list(reports.rows(ReadOnly(path.read_bytes(), step=1000))) == list(reports.rows(path))


def test_bad_arguments_are_refused_at_the_call(tmp_path) -> None:
    with pytest.raises(ApiValueError, match="'pdf'"):
        reports.rows(tmp_path / "x.csv", format="pdf")
    with pytest.raises(ApiTypeError, match="types\\['Clicks'\\] must be callable"):
        reports.rows(tmp_path / "x.csv", types={"Clicks": "int"})
    with pytest.raises(ApiTypeError, match="source must be a path"):
        reports.rows(42)
    (tmp_path / "x.csv").write_text("A,B\n1,2\n")
    with open(tmp_path / "x.csv") as text_file, pytest.raises(ApiTypeError, match="binary mode"):
        list(reports.rows(text_file))


# --- CSV -----------------------------------------------------------------------------------


def test_csv_quoting_bom_non_ascii_and_other_delimiters() -> None:
    tricky = 'Adset,Clicks,Note\r\n"Tents, large",3,"He said ""hi""\nthen left"\r\nÉté ☀,4,naïve\r\n'
    expected = [
        {"Adset": "Tents, large", "Clicks": 3, "Note": 'He said "hi"\nthen left'},
        {"Adset": "Été ☀", "Clicks": 4, "Note": "naïve"},
    ]
    assert list(reports.rows(io.BytesIO(tricky.encode()), format="csv")) == expected
    assert list(reports.rows(io.BytesIO(b"\xef\xbb\xbf" + tricky.encode()))) == expected  # the BOM is no header text
    semicolons = tricky.replace(",3,", ";3;").replace(",4,", ";4;").replace("Adset,Clicks,Note", "Adset;Clicks;Note")
    assert list(reports.rows(io.BytesIO(semicolons.encode()), format="csv")) == expected
    tabs = b"Day\tAmount\n2021-07-01\t1,5\n"  # a comma inside a cell is no delimiter when tabs separate
    with pytest.raises(ApiValueError, match="row 1, column 'Amount': cannot read '1,5' as an amount"):
        list(reports.rows(io.BytesIO(tabs), format="csv"))


def test_empty_cells_unknown_columns_case_and_overrides() -> None:
    data = b"adsetid,DAY,clicks,Ctr,Extra,Hour\n300111,2021-07-01,,0.5,,2021-07-01T05:00:00Z\n\n42,,7,,x,\n"
    rows = list(reports.rows(io.BytesIO(data)))
    assert rows == [
        {"adsetid": "300111", "DAY": dt.date(2021, 7, 1), "clicks": None, "Ctr": 0.5, "Extra": "",
         "Hour": dt.datetime(2021, 7, 1, 5, tzinfo=dt.timezone.utc)},
        {"adsetid": "42", "DAY": None, "clicks": 7, "Ctr": None, "Extra": "x", "Hour": None},
    ]
    typed = list(reports.rows(io.BytesIO(data), types={"EXTRA": lambda v: v.upper(), "adsetid": int}))
    assert [row["Extra"] for row in typed] == [None, "X"] and [row["adsetid"] for row in typed] == [300111, 42]
    short = list(reports.rows(io.BytesIO(b"Clicks,Adset,Day\n3\n")))
    assert short == [{"Clicks": 3, "Adset": None, "Day": None}]


def test_a_value_that_does_not_convert_names_its_row_and_column() -> None:
    data = b"Clicks,Day\n1,2021-07-01\n2,2021-07-02\n3.5,2021-07-03\n"
    with pytest.raises(ApiValueError, match=r"^Report row 3, column 'Clicks': cannot read '3.5' as a whole number$"):
        list(reports.rows(io.BytesIO(data)))
    long_value = "x" * 100
    with pytest.raises(ApiValueError) as caught:
        list(reports.rows(io.BytesIO(f"Day\n{long_value}\n".encode())))
    assert long_value not in str(caught.value) and "a value of 100 characters" in str(caught.value)
    with pytest.raises(ApiValueError, match="row 1 has 3 cells but the report has 2 columns"):
        list(reports.rows(io.BytesIO(b"A,B\n1,2,3\n")))
    assert list(reports.rows(io.BytesIO(b"Clicks\n12.0\n"))) == [{"Clicks": 12}]  # a whole float is a count


# --- JSON ----------------------------------------------------------------------------------


def test_json_rows_cut_across_every_buffer_boundary(report_files, monkeypatch) -> None:
    path = report_files["statistics", "json"]
    expected = list(reports.rows(path))
    monkeypatch.setattr(_read_json, "CHUNK_CHARS", 3)
    assert list(reports.rows(path)) == expected
    assert list(reports.rows(ReadOnly(path.read_bytes(), step=1))) == expected
    array = json.dumps([{"Clicks": 1, "Day": "2021-07-01"}, {"Clicks": 12345678901234, "Day": None}]).encode()
    assert list(reports.rows(ReadOnly(array, step=1))) == [
        {"Clicks": 1, "Day": dt.date(2021, 7, 1)}, {"Clicks": 12345678901234, "Day": None}
    ]
    assert list(reports.rows(io.BytesIO(b' {"Rows": [], "Columns": ["A"], "Total": 0} '))) == []
    # Members around the rows, cut anywhere: a number or word at the buffer's end may go on in the next chunk.
    document = b'{"Total": 1234567890123, "Note": null, "Rows": [{"Clicks": 4}], "Flag": true, "Columns": ["Clicks"]}'
    for size in range(1, 16):
        monkeypatch.setattr(_read_json, "CHUNK_CHARS", size)
        assert list(reports.rows(io.BytesIO(document))) == [{"Clicks": 4}], size


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (b'{"Columns": ["A"], "Rows": [{"A": 1}, {"A": 2]', "malformed in row 2"),
        (b'{"Rows": [{"A": 1}, 7]}', "row 2 is a JSON int, not an object"),
        (b'{"Rows": [{"A": 1}]} trailing', "text follows the end"),
        (b'{"traceId": "x", "errors": []}', "no Rows member"),
        (b'{"Rows": [{"A": 1} {"A": 2}]}', "expected , or ] after row 1"),
        (b'{"Rows": [{"Clicks": true}]}', "row 1, column 'Clicks': cannot read True"),
    ],
)
def test_broken_json_is_a_clear_error(document, message) -> None:
    with pytest.raises(ApiValueError, match=message):
        list(reports.rows(io.BytesIO(document)))


def test_a_json_row_over_the_size_cap_is_refused(monkeypatch) -> None:
    monkeypatch.setattr(_read_json, "MAX_VALUE_CHARS", 1000)
    monkeypatch.setattr(_read_json, "CHUNK_CHARS", 64)
    document = json.dumps({"Rows": [{"A": "x" * 10}, {"A": "x" * 5000}]}).encode()
    rows = reports.rows(io.BytesIO(document))
    assert next(rows) == {"A": "x" * 10}
    with pytest.raises(ApiValueError, match="row 2 larger than"):
        next(rows)


# --- XML and Excel ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "document",
    [
        b'<?xml version="1.0"?><!DOCTYPE Report [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
        b"<Report><Row><Adset>&b;</Adset></Row></Report>",
        b'<!DOCTYPE Report SYSTEM "http://127.0.0.1:9/evil.dtd"><Report/>',
        '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE R [<!ENTITY a "x">]><R/>'.encode("utf-16"),
    ],
)
def test_xml_with_a_document_type_or_entities_is_refused(document) -> None:
    with pytest.raises(ApiValueError, match="DOCTYPE"):
        list(reports.rows(io.BytesIO(document), format="xml"))


def test_xml_empty_elements_and_malformed_documents() -> None:
    document = b"<Report><Row><Clicks/><Adset></Adset><Note/></Row><Row><Clicks>2</Clicks></Row></Report>"
    assert list(reports.rows(io.BytesIO(document))) == [
        {"Clicks": None, "Adset": None, "Note": ""}, {"Clicks": 2}
    ]
    with pytest.raises(ApiValueError, match="The XML report is malformed"):
        list(reports.rows(io.BytesIO(b"<Report><Row><A>1</A></Row>")))


def test_excel_without_openpyxl_says_how_to_install_it(report_files, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ImportError, match=r"pip install 'criteo-api-marketingsolutions-v2020-10\[excel\]'"):
        list(reports.rows(report_files["hourly", "excel"]))


# --- resources and memory ------------------------------------------------------------------


def _descriptors_on(path) -> int:
    folder = "/proc/self/fd"
    links = []
    for name in os.listdir(folder):
        try:
            links.append(os.readlink(os.path.join(folder, name)))
        except OSError:
            pass
    return links.count(str(path))


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc to see open files")
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_generator_closed_early_closes_the_file_it_opened(report_files, fmt) -> None:
    path = report_files["hourly", fmt]
    rows = reports.rows(path)
    assert _descriptors_on(path) == 0  # nothing is opened before iteration starts
    assert next(rows)["Os"]
    assert _descriptors_on(path) >= 1
    rows.close()
    assert _descriptors_on(path) == 0
    with open(path, "rb") as file:
        partial = reports.rows(file)
        next(partial)
        partial.close()
        assert not file.closed


def _big_table(rows: int, note_length: int = 0):
    columns = ["AdsetId", "Adset", "Day", "Hour", "Displays", "Clicks", "AdvertiserCost", "Ctr", "Comment"]
    note = ("free text, " * (note_length // 11 + 1))[:note_length]
    table = [
        [str(300000 + n % 97), f"Ad set {n % 97}", f"2021-{1 + n % 12:02d}-{1 + n % 28:02d}",
         f"2021-07-01T{n % 24:02d}:00:00", n % 9000, n % 90, round(n % 1000 / 7, 2), 1.25, note]
        for n in range(rows)
    ]
    return columns, table


BIG_ROWS = 25_000


@pytest.fixture(scope="module")
def big_files(tmp_path_factory):
    """A CSV, JSON and XML report of 30 MB or more each (the same 25,000 wide rows)."""
    folder = tmp_path_factory.mktemp("big")
    columns, table = _big_table(BIG_ROWS, note_length=1150)
    files = {}
    for fmt, encode in (("csv", to_csv), ("json", to_json), ("xml", to_xml)):
        files[fmt] = folder / f"big.{fmt}"
        files[fmt].write_bytes(encode(columns, table))
    return files


@pytest.mark.parametrize("fmt", ["csv", "json", "xml"])
def test_memory_stays_flat_whatever_the_size(big_files, fmt) -> None:
    path = big_files[fmt]
    assert path.stat().st_size > 28 * MIB
    tracemalloc.start()
    try:
        count = sum(1 for _ in reports.rows(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == BIG_ROWS
    # About 0.5 MiB is buffers and one row; holding on to as little as 80 bytes a row would show.
    assert peak < 2 * MIB, f"{fmt}: peak {peak / MIB:.1f} MiB"


def test_rows_is_not_slower_than_dict_reader_converting_by_hand(tmp_path) -> None:
    columns, table = _big_table(30_000)
    path = tmp_path / "speed.csv"
    path.write_bytes(to_csv(columns, table))

    def by_hand():
        with open(path, newline="", encoding="utf-8-sig") as file:
            for row in csv.DictReader(file):
                row["Day"], row["Hour"] = dt.date.fromisoformat(row["Day"]), dt.datetime.fromisoformat(row["Hour"])
                row["Displays"], row["Clicks"] = int(row["Displays"]), int(row["Clicks"])
                row["AdvertiserCost"], row["Ctr"] = float(row["AdvertiserCost"]), float(row["Ctr"])

    def rows_typed():
        for _ in reports.rows(path):
            pass

    # CPU time of this process, interleaved, best of five: load elsewhere on the machine barely moves the minimum.
    timings = {by_hand: [], rows_typed: []}
    for _ in range(5):
        for read, spent in timings.items():
            started = time.process_time()
            read()
            spent.append(time.process_time() - started)
    ratio = min(timings[rows_typed]) / min(timings[by_hand])
    assert ratio <= 1.5, f"rows() took {ratio:.2f}x the time of csv.DictReader converting by hand"


# --- data frames ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(QUERIES))
def test_pandas_frame_has_the_rows_values_and_dtypes(report_files, name, monkeypatch) -> None:
    pandas = pytest.importorskip("pandas")
    monkeypatch.setattr(_frames, "BATCH_ROWS", 7)  # several batches, concatenated
    path = report_files[name, "xml"]
    expected = list(reports.rows(path))
    frame = reports.to_dataframe(path)
    assert isinstance(frame, pandas.DataFrame) and frame.shape == (len(expected), len(expected[0]))
    assert list(frame.columns) == list(expected[0])
    kinds = {"date": "M", "datetime": "M", "year": "i", "count": "i", "amount": "f", "ratio": "f"}
    for column in frame.columns:
        wanted = kinds.get(reports.COLUMN_TYPES[column])
        assert frame[column].dtype.kind == wanted if wanted else pandas.api.types.is_string_dtype(frame[column])
    for index in (0, len(expected) // 2, len(expected) - 1):
        got = frame.iloc[index].to_dict()
        for column, value in expected[index].items():
            seen = got[column]
            seen = seen.date() if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else seen
            assert seen == value, (index, column)


def test_pandas_keeps_empty_cells_and_whole_numbers(monkeypatch) -> None:
    pandas = pytest.importorskip("pandas")
    monkeypatch.setattr(_frames, "BATCH_ROWS", 2)
    data = b"Clicks,Day,Adset\n1,2021-07-01,a\n2,,b\n,,\n,,\n"
    frame = reports.to_dataframe(io.BytesIO(data))
    assert isinstance(frame, pandas.DataFrame) and str(frame["Clicks"].dtype) == "Int64" and frame["Clicks"].tolist()[:2] == [1, 2]
    assert frame["Clicks"].isna().tolist() == [False, False, True, True]
    assert frame["Day"].isna().tolist() == [False, True, True, True] and frame["Day"].dtype.kind == "M"


def test_polars_frame_has_the_rows_values_and_dtypes(report_files, monkeypatch) -> None:
    polars = pytest.importorskip("polars")
    monkeypatch.setattr(_frames, "BATCH_ROWS", 5)
    for name in QUERIES:
        path = report_files[name, "json"]
        expected = list(reports.rows(path))
        frame = reports.to_dataframe(path, "polars")
        assert isinstance(frame, polars.DataFrame) and frame.shape == (len(expected), len(expected[0]))
        assert frame.to_dicts() == expected
        wanted = {"date": polars.Date, "year": polars.Int64, "count": polars.Int64, "amount": polars.Float64,
                  "ratio": polars.Float64, "id": polars.String, "text": polars.String, "month": polars.String}
        for column, dtype in frame.schema.items():
            type_name = reports.COLUMN_TYPES[column]
            assert dtype == (polars.Datetime("us") if type_name == "datetime" else wanted[type_name]), column


@pytest.mark.parametrize("engine", ["pandas", "polars"])
def test_an_empty_report_gives_an_empty_frame_with_the_columns(engine) -> None:
    pytest.importorskip(engine)
    frame = reports.to_dataframe(io.BytesIO(b"AdsetId,Day,Clicks,Ctr\r\n"), engine)
    assert frame.shape == (0, 4) and list(frame.columns) == ["AdsetId", "Day", "Clicks", "Ctr"]
    empty_json = reports.to_dataframe(io.BytesIO(b'{"Columns":["Day","Clicks"],"Rows":[],"Total":0}'), engine)
    assert list(empty_json.columns) == ["Day", "Clicks"] and len(empty_json) == 0
    frame_types = [str(dtype) for dtype in (frame.dtypes if engine == "pandas" else frame.schema.values())]
    assert frame_types[1:3] == (["datetime64[ns]", "int64"] if engine == "pandas" else ["Date", "Int64"])


def test_unknown_engine_and_missing_library(monkeypatch) -> None:
    with pytest.raises(ApiValueError, match="engine must be one of pandas, polars, not 'spark'"):
        reports.to_dataframe(io.BytesIO(b"A\n1\n"), "spark")
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(ImportError, match=r"pip install 'criteo-api-marketingsolutions-v2020-10\[polars\]'"):
        reports.to_dataframe(io.BytesIO(b"A\n1\n"), "polars")
