"""``to_dataframe``: a report as a pandas or polars data frame, built from ``rows`` in bounded batches.

Rows are gathered ``BATCH_ROWS`` at a time, turned into a frame per batch and
the batches concatenated, so the Python objects alive at once are one batch's
worth beyond the frame itself.
"""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any, Dict, Iterator, List, Mapping, Optional, Set

from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError
from criteo_api_marketingsolutions_v2020_10.reports._read_source import Source
from criteo_api_marketingsolutions_v2020_10.reports._read_types import Converter, type_of
from criteo_api_marketingsolutions_v2020_10.reports._rows import ReportTable

__all__ = ["ENGINES", "to_dataframe"]

#: Rows per batch.
BATCH_ROWS = 50_000
#: The data frame libraries ``to_dataframe`` builds, each installed by the extra of the same name.
ENGINES = ("pandas", "polars")

# polars dtype of each column type, by attribute name; the others are given as rows() types them.
_POLARS_DTYPES = {
    "id": "String",
    "text": "String",
    "month": "String",
    "date": "Date",
    "year": "Int64",
    "count": "Int64",
    "amount": "Float64",
    "ratio": "Float64",
}
_WHOLE_NUMBERS = ("count", "year")
_FRACTIONS = ("amount", "ratio")
_TEXTS = ("id", "text", "month")


def _load(engine: str) -> Any:
    try:
        return importlib.import_module(engine)
    except ImportError as error:
        command = f"pip install 'criteo-api-marketingsolutions-v2020-10[{engine}]'"
        raise ImportError(f"to_dataframe(engine={engine!r}) needs {engine}: {command}") from error


def _batches(table: ReportTable) -> Iterator[List[Dict[str, Any]]]:
    batch: List[Dict[str, Any]] = []
    for row in table:
        batch.append(row)
        if len(batch) >= BATCH_ROWS:
            yield batch
            batch = []
    if batch:
        yield batch


def _columns_of(known: List[str], batch: List[Dict[str, Any]]) -> List[str]:
    """The report's columns, then any that only some rows have (JSON rows need not all match)."""
    columns = dict.fromkeys(known)
    for row in batch:
        if row.keys() != columns.keys():
            columns.update(dict.fromkeys(row))
    return list(columns)


def _declared_type(column: str, overridden: Set[str]) -> Optional[str]:
    """The table's type of a column, unless ``types=`` converts it some other way."""
    return None if column.lower() in overridden else type_of(column)


def _holds_dates(values: List[Any]) -> bool:
    first = next((value for value in values if value is not None), None)
    return isinstance(first, dt.date)


class _PandasColumns:
    """Builds each column of a batch with the dtype its type asks for, the same in every batch.

    Fixing the dtype per type keeps batches alike (a batch whose counts are all
    empty would otherwise be objects) and so makes ``concat`` keep them.
    """

    def __init__(self, pandas: Any, overridden: Set[str]) -> None:
        self._pandas = pandas
        self._overridden = overridden
        self._text = pandas.Series(["text"]).dtype  # "str" on pandas 3, object before

    def build(self, column: str, values: List[Any]) -> Any:
        """One column of a batch, as a Series or array pandas takes as is."""
        declared = _declared_type(column, self._overridden)
        if declared in ("date", "datetime") or (declared is None and _holds_dates(values)):
            # pandas has no date dtype; one resolution for dates and date-times alike, whatever the version.
            return self._pandas.to_datetime(values).as_unit("ns")
        if declared in _WHOLE_NUMBERS:
            return self._pandas.array(values, dtype="Int64" if None in values else "int64")
        if declared in _FRACTIONS:
            return self._pandas.array(values, dtype="float64")
        if declared in _TEXTS:
            return self._pandas.array(values, dtype=self._text)
        return values


def _pandas_frame(pandas: Any, table: ReportTable, overridden: Set[str]) -> Any:
    builder = _PandasColumns(pandas, overridden)
    frames: List[Any] = []
    columns: List[str] = []
    for batch in _batches(table):
        columns = _columns_of(columns or table.columns, batch)
        data = {column: builder.build(column, [row.get(column) for row in batch]) for column in columns}
        frames.append(pandas.DataFrame(data, columns=columns))
    if not frames:
        return pandas.DataFrame({column: builder.build(column, []) for column in table.columns}, columns=table.columns)
    return frames[0] if len(frames) == 1 else pandas.concat(frames, ignore_index=True)


def _polars_schema(polars: Any, columns: List[str], overridden: Set[str]) -> Dict[str, Any]:
    schema: Dict[str, Any] = {}
    for column in columns:
        declared = _declared_type(column, overridden)
        if declared == "datetime":
            schema[column] = polars.Datetime("us")
        elif declared in _POLARS_DTYPES:
            schema[column] = getattr(polars, _POLARS_DTYPES[declared])
    return schema


def _polars_frame(polars: Any, table: ReportTable, overridden: Set[str]) -> Any:
    frames: List[Any] = []
    columns: List[str] = []
    for batch in _batches(table):
        columns = _columns_of(columns or table.columns, batch)
        data = {column: [row.get(column) for row in batch] for column in columns}
        schema = _polars_schema(polars, columns, overridden)
        frames.append(polars.DataFrame(data, schema_overrides=schema, strict=False))
    if not frames:
        schema = _polars_schema(polars, table.columns, overridden)
        return polars.DataFrame({column: [] for column in table.columns}, schema_overrides=schema)
    # "diagonal_relaxed": a batch may lack a column others have, or hold only None in a column of no declared type.
    return frames[0] if len(frames) == 1 else polars.concat(frames, how="diagonal_relaxed")


def to_dataframe(
    source: Source,
    engine: str = "pandas",
    *,
    format: Optional[str] = None,
    types: Optional[Mapping[str, Converter]] = None,
) -> Any:
    """A report as a data frame: ``engine="pandas"`` gives a ``pandas.DataFrame``, ``"polars"`` a ``polars.DataFrame``.

    ``source``, ``format`` and ``types`` are those of ``rows``; the frame has the
    report's columns with the same values. In pandas, dates and date-times are
    ``datetime64[ns]``, whole numbers ``int64`` (nullable ``Int64`` when a cell
    is empty), amounts and ratios ``float64``, text pandas' string dtype. In
    polars they are ``Date``, ``Datetime("us")``, ``Int64``, ``Float64`` and
    ``String``. Columns ``types=`` converts keep the dtype the library infers.
    An empty report gives an empty frame with the report's columns. The library
    comes with the extra of the same name (``pip install
    'criteo-api-marketingsolutions-v2020-10[pandas]'``).
    """
    if engine not in ENGINES:
        raise ApiValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    table = ReportTable(source, format=format, types=types)
    library = _load(engine)
    overridden = {str(name).lower() for name in types or {}}
    if engine == "pandas":
        return _pandas_frame(library, table, overridden)
    return _polars_frame(library, table, overridden)
