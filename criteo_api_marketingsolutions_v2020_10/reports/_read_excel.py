"""Excel reports (.xlsx) through openpyxl in read-only mode: the first sheet, its first row naming the columns."""

from __future__ import annotations

import importlib
import io
import shutil
import tempfile
from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple

from criteo_api_marketingsolutions_v2020_10.reports._read_types import Converter, RowPlan

#: A workbook read from a stream is kept in memory up to this size, then in a temporary file.
SPOOL_IN_MEMORY_BYTES = 1024 * 1024
EXCEL_INSTALL = "pip install 'criteo-api-marketingsolutions-v2020-10[excel]'"


def load_openpyxl() -> Any:
    """The openpyxl module, or an ImportError that says how to install it."""
    try:
        return importlib.import_module("openpyxl")
    except ImportError as error:
        raise ImportError(f"Reading Excel reports needs openpyxl: {EXCEL_INSTALL}") from error


def read_excel(
    raw: io.RawIOBase, path: Optional[str], overrides: Mapping[str, Converter], columns_out: List[str]
) -> Iterator[Dict[str, Any]]:
    """Typed rows of a workbook at ``path``, or in ``raw`` when there is no path (spooled first: zip needs seeks)."""
    openpyxl = load_openpyxl()
    if path is not None:
        # Opened here, so that the file is closed with the generator, also when it stops early:
        # openpyxl's read-only workbook keeps its own handle open on some versions.
        with open(path, "rb") as handle:
            yield from _sheet_rows(openpyxl, handle, overrides, columns_out)
        return
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY_BYTES) as spool:
        shutil.copyfileobj(raw, spool, 256 * 1024)
        spool.seek(0)
        yield from _sheet_rows(openpyxl, spool, overrides, columns_out)


def _header(lines: Iterator[Tuple[Any, ...]]) -> Optional[List[str]]:
    """The column names of the first row, None for an empty sheet."""
    first = next(lines, None)
    if first is None:
        return None
    columns = [("" if name is None else str(name)) for name in first]
    while columns and not columns[-1]:
        columns.pop()  # a sheet's used range can run past the last named column
    return columns


def _sheet_rows(
    openpyxl: Any, workbook_file: Any, overrides: Mapping[str, Converter], columns_out: List[str]
) -> Iterator[Dict[str, Any]]:
    workbook = openpyxl.load_workbook(workbook_file, read_only=True, data_only=True)
    try:
        lines: Iterator[Tuple[Any, ...]] = workbook.worksheets[0].iter_rows(values_only=True)
        columns = _header(lines)
        if columns is None:
            return
        columns_out[:] = columns
        plan = RowPlan(columns, overrides, text=False)
        width = len(columns)
        number = 0
        for cells in lines:
            if all(cell is None for cell in cells):
                continue  # formatting alone can leave empty rows in the used range
            number += 1
            if len(cells) > width and all(cell is None for cell in cells[width:]):
                cells = cells[:width]
            yield dict(zip(columns, plan.convert(cells, number)))
    finally:
        workbook.close()
