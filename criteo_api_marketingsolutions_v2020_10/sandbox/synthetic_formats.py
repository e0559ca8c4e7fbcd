"""How synthetic report rows are written in each format, and the streamed Excel workbook around them.

A ``Layout`` turns one cell into the bytes it takes in a row, separators and
row markup included, so that a row is the plain concatenation of its cells'
fragments: this is what lets rows be assembled in bulk. The output matches
``report_formats`` (CSV, JSON and XML byte for byte in style); the Excel
sheet leaves out the optional cell references and stores its parts
uncompressed, so that a workbook of any size streams at full speed and has a
size known in advance.
"""

from __future__ import annotations

import json
import zipfile
from typing import Iterable, Iterator, List, Sequence
from xml.sax.saxutils import escape

from criteo_api_marketingsolutions_v2020_10.sandbox.report_formats import (
    FIXED_DATE_TIME,
    SHEET_END,
    SHEET_PATH,
    SHEET_START,
    STATIC_PARTS,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.synthetic_values import Cell

_CSV_SPECIALS = frozenset(',"\r\n')


def csv_field(text: str) -> str:
    """``text`` as a CSV field, quoted only when it must be (as ``csv.writer`` does by default)."""
    if _CSV_SPECIALS.isdisjoint(text):
        return text
    return '"' + text.replace('"', '""') + '"'


class Layout:
    """How rows look in one format: what comes before them, each cell's fragment, what comes after."""

    #: Bytes to drop from the start of the first row (the comma separating it from a previous one).
    lead_trim = 0

    def head(self, columns: Sequence[str]) -> bytes:
        """Everything before the first row."""
        raise NotImplementedError

    def fragment(self, column: str, cell: Cell, *, first: bool, last: bool) -> str:
        """One cell with what separates it from the previous one (and what ends the row after the last)."""
        raise NotImplementedError

    def tail(self, rows: int) -> bytes:
        """Everything after the last of ``rows`` rows."""
        raise NotImplementedError


class CsvLayout(Layout):
    """A header line, then one CRLF-terminated line per row."""

    def head(self, columns: Sequence[str]) -> bytes:
        """The header line."""
        return (",".join(map(csv_field, columns)) + "\r\n").encode("utf-8")

    def fragment(self, column: str, cell: Cell, *, first: bool, last: bool) -> str:
        """The field, then a comma or the line end."""
        return csv_field(cell[0]) + ("\r\n" if last else ",")

    def tail(self, rows: int) -> bytes:
        """Nothing: the last line ends the file."""
        return b""


class JsonLayout(Layout):
    """``{"Columns": [...], "Rows": [{column: value}, ...], "Total": n}``, compact."""

    lead_trim = 1

    def head(self, columns: Sequence[str]) -> bytes:
        """The column list and the opening of the rows."""
        names = json.dumps(list(columns), separators=(",", ":"), ensure_ascii=False)
        return f'{{"Columns":{names},"Rows":['.encode()

    def fragment(self, column: str, cell: Cell, *, first: bool, last: bool) -> str:
        """``,{"Column":value`` for the first cell, ``,"Column":value`` for the others, ``}`` after the last."""
        text, number = cell
        value = text if number else json.dumps(text, ensure_ascii=False)
        opening = ",{" if first else ","
        return f"{opening}{json.dumps(column, ensure_ascii=False)}:{value}{'}' if last else ''}"

    def tail(self, rows: int) -> bytes:
        """The end of the rows and the row count."""
        return f'],"Total":{rows}}}'.encode("ascii")


class XmlLayout(Layout):
    """``<Report><Row><Column>value</Column>...</Row>...</Report>``."""

    def head(self, columns: Sequence[str]) -> bytes:
        """The declaration and the root element's start tag."""
        return b'<?xml version="1.0" encoding="utf-8"?>\n<Report>'

    def fragment(self, column: str, cell: Cell, *, first: bool, last: bool) -> str:
        """The cell's element, inside ``<Row>`` markup at the row's ends."""
        element = f"<{column}>{escape(cell[0])}</{column}>"
        return ("<Row>" if first else "") + element + ("</Row>" if last else "")

    def tail(self, rows: int) -> bytes:
        """The root element's end tag."""
        return b"</Report>\n"


def _sheet_cell(cell: Cell) -> str:
    text, number = cell
    if number:
        return f"<c><v>{text}</v></c>"
    return f'<c t="inlineStr"><is><t>{escape(text)}</t></is></c>'


class SheetLayout(Layout):
    """The worksheet part of a workbook: a header row of inline strings, then one ``<row>`` per row."""

    def head(self, columns: Sequence[str]) -> bytes:
        """The sheet's start and its header row."""
        header = "".join(_sheet_cell((name, False)) for name in columns)
        return f"{SHEET_START}<row>{header}</row>".encode()

    def fragment(self, column: str, cell: Cell, *, first: bool, last: bool) -> str:
        """The cell, inside ``<row>`` markup at the row's ends."""
        return ("<row>" if first else "") + _sheet_cell(cell) + ("</row>" if last else "")

    def tail(self, rows: int) -> bytes:
        """The sheet's end."""
        return SHEET_END.encode("ascii")


#: The layout of each report format (for ``excel``, of the sheet inside the workbook).
LAYOUTS = {"csv": CsvLayout(), "json": JsonLayout(), "xml": XmlLayout(), "excel": SheetLayout()}


class _Outbox:
    """A write-only, unseekable file collecting what ``zipfile`` writes until it is taken."""

    def __init__(self) -> None:
        self._parts: List[bytes] = []
        self.written = 0

    def write(self, data: bytes, /) -> int:
        """Keep ``data`` until taken."""
        self._parts.append(bytes(data))
        self.written += len(data)
        return len(data)

    def flush(self) -> None:
        """Nothing to flush: the parts wait in memory until taken."""

    def close(self) -> None:
        """Nothing to close: what was written stays until taken."""

    def take(self) -> bytes:
        """Everything written since the last call."""
        parts, self._parts = self._parts, []
        return parts[0] if len(parts) == 1 else b"".join(parts)


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE_TIME)
    info.compress_type = zipfile.ZIP_STORED
    return info


def needs_zip64(sheet_size: int) -> bool:
    """Whether ``zipfile`` writes a sheet of ``sheet_size`` bytes with ZIP64 sizes (as it decides from the size)."""
    return sheet_size * 1.05 > zipfile.ZIP64_LIMIT


def workbook_stream(sheet: Iterable[bytes], sheet_size: int) -> Iterator[bytes]:
    """A one-sheet workbook whose sheet part is ``sheet`` (``sheet_size`` bytes in all), written as it comes.

    ``zipfile`` writes to an unseekable stream, so each part is followed by a
    data descriptor; parts are stored, so the bytes of ``sheet`` pass through
    unchanged and the size of the workbook depends on ``sheet_size`` alone.
    """
    outbox = _Outbox()
    archive = zipfile.ZipFile(outbox, "w", zipfile.ZIP_STORED)
    try:
        for name, text in STATIC_PARTS.items():
            archive.writestr(_entry(name), text.encode("utf-8"))
        info = _entry(SHEET_PATH)
        info.file_size = sheet_size  # lets zipfile choose ZIP64 sizes up front for a large sheet
        with archive.open(info, "w") as part:
            for piece in sheet:
                part.write(piece)
                yield outbox.take()
    finally:
        archive.close()
    yield outbox.take()


_prelude_sizes: dict[bool, int] = {}


def workbook_prelude_size(zip64: bool) -> int:
    """How many bytes of a streamed workbook come before its first sheet byte."""
    if zip64 not in _prelude_sizes:
        outbox = _Outbox()
        with zipfile.ZipFile(outbox, "w", zipfile.ZIP_STORED) as archive:
            for name, text in STATIC_PARTS.items():
                archive.writestr(_entry(name), text.encode("utf-8"))
            info = _entry(SHEET_PATH)
            info.file_size = zipfile.ZIP64_LIMIT if zip64 else 0
            with archive.open(info, "w"):
                _prelude_sizes[zip64] = outbox.written
    return _prelude_sizes[zip64]
