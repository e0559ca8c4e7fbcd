"""Writing a report table as CSV, JSON, XML or a minimal Excel workbook (.xlsx)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any, Callable, Dict, List, Sequence, Tuple
from xml.sax.saxutils import escape

Row = Sequence[Any]

#: The modification time of every part of a workbook, fixed so that the output is reproducible.
FIXED_DATE_TIME = (1980, 1, 1, 0, 0, 0)

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#: Report format name -> (Content-Type, file extension).
FORMATS: Dict[str, Tuple[str, str]] = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "json": ("application/json; charset=utf-8", "json"),
    "xml": ("application/xml; charset=utf-8", "xml"),
    "excel": (XLSX_CONTENT_TYPE, "xlsx"),
}


def to_csv(columns: Sequence[str], rows: Sequence[Row]) -> bytes:
    """A header line, then one line per row."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def to_json(columns: Sequence[str], rows: Sequence[Row]) -> bytes:
    """``{"Columns": [...], "Rows": [{column: value}], "Total": n}``."""
    payload = {"Columns": list(columns), "Rows": [dict(zip(columns, row)) for row in rows], "Total": len(rows)}
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def to_xml(columns: Sequence[str], rows: Sequence[Row]) -> bytes:
    """``<Report><Row><Column>value</Column>...</Row>...</Report>``; column names are valid XML names."""
    parts = ['<?xml version="1.0" encoding="utf-8"?>\n<Report>']
    for row in rows:
        cells = "".join(f"<{name}>{escape(str(value))}</{name}>" for name, value in zip(columns, row))
        parts.append(f"<Row>{cells}</Row>")
    parts.append("</Report>\n")
    return "".join(parts).encode("utf-8")


# The smallest set of parts Excel and other readers accept: content types,
# package relationships, a workbook with one sheet, and the sheet itself with
# inline strings (so no shared-strings part is needed).
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Report" sheetId="1" r:id="rId1"/></sheets>'
    "</workbook>"
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)
SHEET_PATH = "xl/worksheets/sheet1.xml"
#: Every part of the workbook but the sheet, by path, in the order they are written.
STATIC_PARTS: Dict[str, str] = {
    "[Content_Types].xml": _CONTENT_TYPES,
    "_rels/.rels": _PACKAGE_RELS,
    "xl/workbook.xml": _WORKBOOK,
    "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
}
#: The start of the sheet part, up to its first row.
SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<sheetData>"
)
#: The end of the sheet part, after its last row.
SHEET_END = "</sheetData></worksheet>"


def column_letter(index: int) -> str:
    """Spreadsheet column name of a zero-based index: 0 -> A, 25 -> Z, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        name = chr(ord("A") + remainder) + name
    return name


def _cell(ref: str, value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def _sheet(columns: Sequence[str], rows: Sequence[Row]) -> str:
    lines: List[str] = []
    for number, row in enumerate([list(columns), *rows], start=1):
        cells = "".join(_cell(f"{column_letter(i)}{number}", v) for i, v in enumerate(row))
        lines.append(f'<row r="{number}">{cells}</row>')
    return f"{SHEET_START}{''.join(lines)}{SHEET_END}"


def to_xlsx(columns: Sequence[str], rows: Sequence[Row]) -> bytes:
    """A one-sheet workbook; the same table always gives the same bytes."""
    out = io.BytesIO()
    parts = {**STATIC_PARTS, SHEET_PATH: _sheet(columns, rows)}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            # A fixed timestamp keeps the output byte-for-byte reproducible.
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return out.getvalue()


ENCODERS: Dict[str, Callable[[Sequence[str], Sequence[Row]], bytes]] = {
    "csv": to_csv,
    "json": to_json,
    "xml": to_xml,
    "excel": to_xlsx,
}
