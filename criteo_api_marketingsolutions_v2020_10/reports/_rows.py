"""``rows``: a report file, file object or streaming response read as typed rows, in constant memory.

::

    for row in reports.rows("adsets.csv"):
        print(row["Day"], row["Clicks"])  # datetime.date(2021, 7, 1) 42

The format is the one given, else the response's Content-Type, else the file
name's extension, else what the first bytes look like. ``docs/Reports.md``
lists how each column is typed.
"""

from __future__ import annotations

import contextlib
import io
from typing import Any, Callable, Dict, Generator, Iterator, List, Mapping, Optional, Tuple

from criteo_api_marketingsolutions_v2020_10.reports._read_csv import read_csv
from criteo_api_marketingsolutions_v2020_10.reports._read_excel import read_excel
from criteo_api_marketingsolutions_v2020_10.reports._read_json import read_json
from criteo_api_marketingsolutions_v2020_10.reports._read_source import (
    CallerStream,
    Source,
    check_response,
    format_from_headers,
    format_from_name,
    normalise_format,
    path_of,
    read_prefix,
    sniff,
)
from criteo_api_marketingsolutions_v2020_10.reports._read_types import (
    COLUMN_TYPES,
    Converter,
    normalise_overrides,
)

__all__ = ["COLUMN_TYPES", "ReportTable", "rows"]

_TextReader = Callable[[io.RawIOBase, Mapping[str, Converter], List[str]], Iterator[Dict[str, Any]]]


def _xml_reader() -> _TextReader:
    # Imported on first use: xml.etree and expat cost import time that CSV and JSON readers do not need.
    from criteo_api_marketingsolutions_v2020_10.reports._read_xml import read_xml

    return read_xml


class ReportTable:
    """One report read once: iterate it for typed rows; ``columns`` is filled as soon as they are known.

    The arguments are checked when the table is made; the source is opened only
    when iteration starts, and what was opened is closed when it ends, also
    when the consumer stops early.
    """

    def __init__(
        self, source: Source, *, format: Optional[str] = None, types: Optional[Mapping[str, Converter]] = None
    ) -> None:
        self._format = normalise_format(format)
        self._overrides = normalise_overrides(types)
        self._path = path_of(source)
        self._source = source
        #: The report's columns, in order: known once iteration has read the header (or the first row).
        self.columns: List[str] = []

    def __iter__(self) -> Generator[Dict[str, Any], None, None]:
        return self._rows()

    def _rows(self) -> Generator[Dict[str, Any], None, None]:
        with contextlib.ExitStack() as opened:
            fmt, raw = self._open(opened)
            if fmt == "excel":
                yield from read_excel(raw, self._path, self._overrides, self.columns)
            elif fmt == "json":
                yield from read_json(raw, self._overrides, self.columns)
            elif fmt == "xml":
                yield from _xml_reader()(raw, self._overrides, self.columns)
            else:
                yield from read_csv(raw, self._overrides, self.columns)

    def _open(self, opened: contextlib.ExitStack) -> Tuple[str, io.RawIOBase]:
        """The format and a raw stream at the start of the report; ``opened`` closes what was opened here."""
        if self._path is not None:
            file: io.RawIOBase = opened.enter_context(io.FileIO(self._path))
            fmt = self._format or format_from_name(self._path)
            if fmt is not None:
                return fmt, file
            prefix = read_prefix(file)
            return sniff(prefix), opened.enter_context(CallerStream(file, prefix))
        check_response(self._source)
        fmt = self._format or format_from_headers(self._source) or format_from_name(getattr(self._source, "name", None))
        prefix = b""
        if fmt is None:
            prefix = read_prefix(self._source)
            fmt = sniff(prefix)
        return fmt, opened.enter_context(CallerStream(self._source, prefix))


def rows(
    source: Source, *, format: Optional[str] = None, types: Optional[Mapping[str, Converter]] = None
) -> Generator[Dict[str, Any], None, None]:
    """Iterate a report's rows, each a dict of column name to typed value, in constant memory.

    ``source`` is a path, a binary file object (anything with ``read(n)``) or a
    streaming response (``read`` plus a ``headers`` mapping). A path is opened
    and closed here, also when iteration stops early; a file object or response
    is read but left open. ``format`` is ``"csv"``, ``"json"``, ``"xml"`` or
    ``"excel"``; by default it is inferred from the response's Content-Type, the
    path's extension, or the first bytes. Columns are typed after
    ``COLUMN_TYPES`` (names matched in any case); ``types`` maps column names
    to converters that replace or add to it. Empty cells of typed columns are
    None. A value that does not convert raises ``ApiValueError`` naming the row
    and the column; reading Excel needs openpyxl (the ``excel`` extra). The
    result is a generator: ``close()`` it to stop early and release the file.
    """
    return ReportTable(source, format=format, types=types).__iter__()
