"""Column types of the report tables, and the per-file plans that convert a row's cells to them.

Each type has two converters. The *strict* one takes text exactly as the API
writes it and is a C function wherever possible (``int``, ``float``,
``date.fromisoformat``): CSV and XML rows go through it with no per-cell
Python code. The *lenient* one accepts any value a reader can produce (JSON
numbers, openpyxl dates, ``"12.0"`` for a count) and runs only when the strict
one fails or when the source is not text.
"""

from __future__ import annotations

import datetime as dt
import operator
from types import MappingProxyType
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, cast

from criteo_api_marketingsolutions_v2020_10.exceptions import ApiTypeError, ApiValueError

Converter = Callable[[Any], Any]

_IDS = ("AdsetId", "AdvertiserId", "CategoryId", "TransactionId")
_TEXTS = ("Adset", "Advertiser", "Os", "Device", "Category", "EventType", "Currency")
_COUNTS = ("Displays", "Clicks", "SalesPc30d", "SalesAllClientAttribution")
_AMOUNTS = ("AdvertiserCost", "RevenueGeneratedPc30d", "RevenueGeneratedAllClientAttribution", "Amount")
_RATIOS = ("Ctr", "Cpc", "ECpm", "ConversionRatePc30d", "CostPerOrderPc30d", "CosPc30d", "RoasPc30d")


def _table() -> Dict[str, str]:
    table: Dict[str, str] = {}
    for names, type_name in ((_IDS, "id"), (_TEXTS, "text"), (_COUNTS, "count"), (_AMOUNTS, "amount")):
        table.update(dict.fromkeys(names, type_name))
    table.update(dict.fromkeys(_RATIOS, "ratio"))
    table.update(Day="date", Week="date", Hour="datetime", TransactionDate="datetime", Month="month", Year="year")
    return table


#: Report column -> type name: ``id`` and ``text`` (str), ``date`` (datetime.date), ``datetime``
#: (datetime.datetime), ``month`` (str ``YYYY-MM``), ``year`` and ``count`` (int), ``amount`` and
#: ``ratio`` (float). Column names are matched without regard to case.
COLUMN_TYPES: Mapping[str, str] = MappingProxyType(_table())
_TYPE_BY_LOWER = {name.lower(): type_name for name, type_name in COLUMN_TYPES.items()}


def type_of(column: str) -> Optional[str]:
    """The type name of a report column (any case), or None for a column the table does not know."""
    return _TYPE_BY_LOWER.get(column.lower())


# --- lenient converters: any value a reader gives ------------------------------------------


def _no_bool(value: Any) -> None:
    # JSON true/false are ints to Python; no report column holds one.
    if isinstance(value, bool):
        raise ValueError("a boolean")


def _to_int(value: Any) -> int:
    _no_bool(value)
    if isinstance(value, int):
        return value
    number = float(value)
    if not number.is_integer():
        raise ValueError("not a whole number")
    return int(number)


def _to_float(value: Any) -> float:
    _no_bool(value)
    return float(value)


def _to_str(value: Any) -> str:
    _no_bool(value)
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a spreadsheet stores ids as numbers: 300111.0 is "300111"
    if isinstance(value, (int, float)):
        return str(value)
    raise ValueError(f"a {type(value).__name__}")


def _parse_datetime(text: str) -> dt.datetime:
    text = text.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"  # Python 3.10 reads no "Z"
    return dt.datetime.fromisoformat(text)


def _to_datetime(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    if isinstance(value, str):
        return _parse_datetime(value)
    raise ValueError(f"a {type(value).__name__}")


def _to_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return _parse_datetime(text).date()
    raise ValueError(f"a {type(value).__name__}")


def _to_month(value: Any) -> str:
    if isinstance(value, str):
        value = value.strip()
        if len(value) == 7:
            return _month_text(value)
        value = _to_date(value)
    if isinstance(value, dt.date):
        return f"{value.year:04d}-{value.month:02d}"
    raise ValueError(f"a {type(value).__name__}")


def _month_text(text: str) -> str:
    """``YYYY-MM`` as is; anything else raises ValueError."""
    if len(text) == 7 and text[4] == "-" and text[:4].isdigit() and text[5:].isdigit() and "01" <= text[5:] <= "12":
        return text
    raise ValueError("not YYYY-MM")


_LENIENT: Dict[str, Converter] = {
    "id": _to_str,
    "text": _to_str,
    "date": _to_date,
    "datetime": _to_datetime,
    "month": _to_month,
    "year": _to_int,
    "count": _to_int,
    "amount": _to_float,
    "ratio": _to_float,
}
# Text exactly as the API writes it. ``str`` returns a str argument itself: text columns cost one C call.
_STRICT: Dict[str, Converter] = {
    "id": str,
    "text": str,
    "date": dt.date.fromisoformat,
    "datetime": dt.datetime.fromisoformat,
    "month": _month_text,
    "year": int,
    "count": int,
    "amount": float,
    "ratio": float,
}
_TYPE_LABELS = {
    "id": "an id",
    "text": "text",
    "date": "a date",
    "datetime": "a date and time",
    "month": "a month (YYYY-MM)",
    "year": "a year",
    "count": "a whole number",
    "amount": "an amount",
    "ratio": "a ratio",
}

#: Values longer than this are described by their length in error messages, not quoted.
MAX_QUOTED_VALUE = 40


def _as_read(value: Any) -> Any:
    return value


def bad_value(number: int, column: str, value: Any, what: str) -> ApiValueError:
    """The error for a cell that does not convert: row number and column, the value only when short."""
    shown = repr(value)
    if len(shown) > MAX_QUOTED_VALUE:
        shown = f"a value of {len(str(value))} characters"
    return ApiValueError(f"Report row {number}, column {column!r}: cannot read {shown} as {what}")


def normalise_overrides(types: object) -> Dict[str, Converter]:
    """``types=`` keyed by lower-case column name; a converter that cannot be called is refused now."""
    if types is None:
        return {}
    if not isinstance(types, Mapping):
        raise ApiTypeError(f"types must be a mapping of column name to converter, not {type(types).__name__}")
    overrides: Dict[str, Converter] = {}
    for column, converter in cast(Mapping[str, object], types).items():
        if not callable(converter):
            raise ApiTypeError(f"types[{column!r}] must be callable, not {type(converter).__name__}")
        overrides[str(column).lower()] = cast(Converter, converter)
    return overrides


def _call_each(converter: Converter, value: Any) -> Any:
    return converter(value)


# ``operator.call`` (Python 3.11+) lets ``map`` apply a list of converters without a Python frame per cell.
_apply: Callable[[Converter, Any], Any] = getattr(operator, "call", _call_each)


class _Column:
    """How one column of one file converts: strict (fast) and lenient converters, and what it is."""

    __slots__ = ("custom", "lenient", "name", "strict", "typed", "what")

    def __init__(self, name: str, overrides: Mapping[str, Converter]) -> None:
        self.name = name
        custom = overrides.get(name.lower())
        type_name = type_of(name)
        self.custom = custom is not None
        self.typed = custom is not None or type_name is not None
        self.strict: Converter = str
        self.lenient: Converter = _as_read
        self.what = "text"
        if custom is not None:
            self.strict = self.lenient = custom
            self.what = "the type given in types="
        elif type_name is not None:
            self.strict, self.lenient = _STRICT[type_name], _LENIENT[type_name]
            self.what = _TYPE_LABELS[type_name]

    def from_text(self, value: Any, number: int) -> Any:
        """One cell of a text source, by the slow road: empty -> None, then strict, then lenient."""
        if not self.typed:
            return value
        if value is None or value == "":
            return None
        if not self.custom:
            try:
                return self.strict(value)
            except (ValueError, TypeError, OverflowError):
                pass
        return self.from_value(value, number)

    def from_value(self, value: Any, number: int) -> Any:
        """One cell of a source that types its values (JSON, Excel): only the lenient converter is exact."""
        if value is None or value == "":
            return None if self.typed else value
        try:
            return self.lenient(value)
        except (ValueError, TypeError, OverflowError) as error:
            raise bad_value(number, self.name, value, self.what) from error


# Maps "" to None and is a C function: an empty cell of a typed column costs no Python frame either.
_EMPTY_IS_NONE: Converter = {"": None}.get
#: Distinct layouts of empty cells a plan keeps converters for; rows past them take the slow road.
MAX_EMPTY_LAYOUTS = 64


class RowPlan:
    """The converters of one file's columns, compiled once: ``convert(cells, number)`` gives typed values.

    ``strict`` is aligned with the columns and is what the CSV hot loop maps over a
    full row with no empty cell; ``strict_for`` gives the list for a full row with
    empty cells. ``text`` says whether cells arrive as text (CSV, XML) or typed by
    the reader (JSON, Excel).
    """

    __slots__ = ("_cells", "_text", "by_empty_layout", "columns", "strict")

    def __init__(self, columns: Sequence[str], overrides: Mapping[str, Converter], *, text: bool) -> None:
        self.columns: Tuple[str, ...] = tuple(columns)
        self._cells = [_Column(name, overrides) for name in self.columns]
        self._text = text
        self.strict: List[Converter] = [cell.strict for cell in self._cells]
        #: Converters of full rows by which cells are empty (``tuple(map(operator.not_, cells))``).
        self.by_empty_layout: Dict[Tuple[bool, ...], List[Converter]] = {}

    def strict_for(self, cells: Sequence[str]) -> List[Converter]:
        """Strict converters for a full row of text cells: where a cell is empty, None (or "" when untyped)."""
        if "" not in cells:
            return self.strict
        # Reports leave the same columns empty row after row: a few layouts cover a whole file.
        layout = tuple(map(operator.not_, cells))
        found = self.by_empty_layout.get(layout)
        if found is None:
            found = [
                (_EMPTY_IS_NONE if column.typed else str) if empty else column.strict
                for column, empty in zip(self._cells, layout)
            ]
            if len(self.by_empty_layout) < MAX_EMPTY_LAYOUTS:
                self.by_empty_layout[layout] = found
        return found

    def convert(self, cells: Sequence[Any], number: int) -> List[Any]:
        """Typed values of one row's cells (as many as there are columns: missing cells are None)."""
        width = len(self._cells)
        if len(cells) > width:
            raise ApiValueError(f"Report row {number} has {len(cells)} cells but the report has {width} columns")
        if not self._text:
            values = [column.from_value(value, number) for column, value in zip(self._cells, cells)]
        else:
            if len(cells) == width:
                try:
                    return list(map(_apply, self.strict_for(cells), cells))
                except (ValueError, TypeError, OverflowError):
                    pass
            values = [column.from_text(value, number) for column, value in zip(self._cells, cells)]
        values.extend([None] * (width - len(values)))
        return values


def apply_strict() -> Callable[[Converter, Any], Any]:
    """The function that applies one converter to one cell, for ``map`` in hot loops."""
    return _apply
