"""Synthetic reports of any size, generated while they are sent (``Sandbox.set_report_size``).

Row ``r`` of a table is the concatenation of one pre-rendered fragment per
column: fragment ``(r + offset) % len(pool)`` of the column's pool. Pools
have distinct prime sizes, so combinations do not repeat within any
practical report, and the id of a transaction is built from the row number
itself, so it is unique. Rows are assembled a thousand at a time by slicing
the pools and joining in C, which keeps generation fast, and because every
fragment's length is known, the size of any number of rows is computed
without generating them: that gives the ``Content-Length`` and the row count
of a report of a given size at once.
"""

from __future__ import annotations

import itertools
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Iterator, List, Optional, Sequence, Tuple, cast

from criteo_api_marketingsolutions_v2020_10.sandbox.synthetic_formats import (
    LAYOUTS,
    Layout,
    needs_zip64,
    workbook_prelude_size,
    workbook_stream,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.synthetic_values import (
    ROW_NUMBER_COLUMNS,
    TableSpec,
    row_number_base,
    value_pool,
)

#: Most rows a synthetic report may have, and its largest size in bytes (a terabyte).
MAX_ROWS = 10**12
MAX_SIZE = 10**12
#: Rows assembled together; row-numbered ids change their leading digits once per batch.
BATCH_ROWS = 1000
#: Pieces of the body are at least this large (but the first and last), so chunks and writes stay big.
PIECE_BYTES = 256 * 1024

_POOL_SIZES = [n for n in range(1009, 1400) if all(n % d for d in range(2, 38))]
_MARK = "\ue000"  # stands for the row-numbered part of a fragment while it is rendered


@dataclass(frozen=True)
class ReportSize:
    """What ``Sandbox.set_report_size`` asked for: a row count or a body size, a seed and the framing."""

    rows: Optional[int] = None
    size: Optional[int] = None
    seed: int = 0
    chunked: bool = True

    def __post_init__(self) -> None:
        if (self.rows is None) == (self.size is None):
            raise ValueError("give either rows or size")
        for name, value, limit in (("rows", self.rows, MAX_ROWS), ("size", self.size, MAX_SIZE)):
            given = cast(object, value)  # checked at run time: callers may not be type-checked
            if given is not None and (not isinstance(given, int) or isinstance(given, bool) or not 0 <= given <= limit):
                raise ValueError(f"{name} must be an integer from 0 to {limit}")


class _Pool:
    """A column drawn from a pool of fragments; row ``r`` takes fragment ``(r + offset) % len(pool)``."""

    def __init__(self, fragments: List[bytes], offset: int) -> None:
        self.fragments = fragments
        self.offset = offset
        self.cumulative = list(itertools.accumulate((len(f) for f in fragments), initial=0))

    def pieces(self, start: int, count: int) -> List[Sequence[bytes]]:
        size = len(self.fragments)
        at = (start + self.offset) % size
        if at + count <= size:
            return [self.fragments[at : at + count]]
        return [self.fragments[at:] + self.fragments[: at + count - size]]

    def _through(self, index: int) -> int:
        laps, rest = divmod(index, len(self.fragments))
        return laps * self.cumulative[-1] + self.cumulative[rest]

    def length(self, rows: int) -> int:
        return self._through(rows + self.offset) - self._through(self.offset)


class _RowNumber:
    """A column built from the row number: a ten-digit part changing once per batch, then three digits."""

    def __init__(self, before: str, after: str, base: int) -> None:
        self.before = before.encode("utf-8")
        self.endings = [f"{n:03d}{after}".encode() for n in range(BATCH_ROWS)]
        self.base = base
        self.row_length = len(self.before) + len(str(base)) + len(self.endings[0])

    def pieces(self, start: int, count: int) -> List[Sequence[bytes]]:
        leading = self.before + str(self.base + start // BATCH_ROWS).encode()
        return [[leading] * count, self.endings[:count]]

    def length(self, rows: int) -> int:
        return rows * self.row_length


class SyntheticTable:
    """The rows of one synthetic report in one format, produced on demand; immutable and shareable."""

    def __init__(self, spec: TableSpec, fmt: str) -> None:
        self.spec = spec
        self.fmt = fmt
        self.layout: Layout = LAYOUTS[fmt]
        self.head = self.layout.head(spec.columns)
        self._columns = [self._column(index, name) for index, name in enumerate(spec.columns)]

    def _column(self, index: int, name: str) -> _Pool | _RowNumber:
        first, last = index == 0, index == len(self.spec.columns) - 1
        if name in ROW_NUMBER_COLUMNS:
            before, _, after = self.layout.fragment(name, (_MARK, False), first=first, last=last).partition(_MARK)
            return _RowNumber(before, after, row_number_base(self.spec))
        size = _POOL_SIZES[index % len(_POOL_SIZES)]
        cells = value_pool(self.spec, name, size)
        fragments = [self.layout.fragment(name, cell, first=first, last=last).encode("utf-8") for cell in cells]
        return _Pool(fragments, self.spec.generator(f"{name}|offset").randrange(size))

    def rows_length(self, rows: int) -> int:
        """The bytes ``rows`` rows take, computed without generating them."""
        if rows <= 0:
            return 0
        return sum(column.length(rows) for column in self._columns) - self.layout.lead_trim

    def rows_reaching(self, budget: int) -> int:
        """The fewest rows that take at least ``budget`` bytes."""
        low, high = 0, max(budget, 0)  # every row takes at least one byte
        while low < high:
            middle = (low + high) // 2
            if self.rows_length(middle) >= budget:
                high = middle
            else:
                low = middle + 1
        return min(low, MAX_ROWS)

    def rows(self, count: int) -> Iterator[bytes]:
        """The bytes of the first ``count`` rows, in pieces of about ``PIECE_BYTES``."""
        pending: List[bytes] = []
        pending_size = 0
        trim = self.layout.lead_trim  # taken off the very first row only
        width = sum(len(column.pieces(0, 0)) for column in self._columns)
        slots: List[bytes] = [b""] * (BATCH_ROWS * width)
        for start in range(0, count, BATCH_ROWS):
            taken = min(BATCH_ROWS, count - start)
            if taken < BATCH_ROWS:
                slots = slots[: taken * width]
            # Each column fills every width-th slot: rows are laid out in place, and joined once per batch.
            pieces = (piece for column in self._columns for piece in column.pieces(start, taken))
            for index, piece in enumerate(pieces):
                slots[index::width] = piece
            pending.append(b"".join(slots))
            pending_size += len(pending[-1])
            if pending_size >= PIECE_BYTES:
                yield b"".join(pending)[trim:]
                pending, pending_size, trim = [], 0, 0
        if pending:
            yield b"".join(pending)[trim:]

    # -- whole bodies ------------------------------------------------------------------

    def _sheet_size(self, count: int) -> int:
        return len(self.head) + self.rows_length(count) + len(self.layout.tail(count))

    def rows_for_size(self, size: int) -> int:
        """The row count of a body of at least ``size`` bytes: rows are added until it is reached."""
        if self.fmt != "excel":
            return self.rows_reaching(size - len(self.head))
        count = self.rows_reaching(size - workbook_prelude_size(False) - len(self.head))
        if not needs_zip64(self._sheet_size(count)):
            return count
        # A ZIP64 sheet starts a little later: recount with its prelude, unless that falls back below the limit.
        recounted = self.rows_reaching(size - workbook_prelude_size(True) - len(self.head))
        return recounted if needs_zip64(self._sheet_size(recounted)) else count

    def body(self, count: int) -> Iterator[bytes]:
        """The whole report with ``count`` rows, piece by piece."""
        text = self._text(count)
        return workbook_stream(text, self._sheet_size(count)) if self.fmt == "excel" else text

    def _text(self, count: int) -> Iterator[bytes]:
        held = self.head
        for piece in self.rows(count):
            if len(held) < PIECE_BYTES:
                held += piece  # the head travels with the first rows
            else:
                yield held
                held = piece
        yield held + self.layout.tail(count)

    def body_length(self, count: int, stopping: threading.Event) -> Optional[int]:
        """The exact size of ``body(count)``; ``None`` when ``stopping`` is set before it is known."""
        sheet_size = self._sheet_size(count)
        if self.fmt != "excel":
            return sheet_size
        total = 0
        for piece in workbook_stream(_blank(sheet_size), sheet_size):  # a workbook's size depends on sizes only
            if stopping.is_set():
                return None
            total += len(piece)
        return total


_BLANK = bytes(1024 * 1024)


def _blank(size: int) -> Iterator[bytes]:
    for start in range(0, size, len(_BLANK)):
        yield _BLANK if size - start >= len(_BLANK) else _BLANK[: size - start]


class SyntheticReports:
    """The tables and body sizes a sandbox has computed, kept for the next identical requests; thread-safe."""

    def __init__(self, max_tables: int = 4, max_lengths: int = 256) -> None:
        self._lock = threading.Lock()
        self._tables: OrderedDict[Tuple[TableSpec, str], SyntheticTable] = OrderedDict()
        self._plans: OrderedDict[Tuple[TableSpec, str, ReportSize], Tuple[int, Optional[int]]] = OrderedDict()
        self._max_tables = max_tables
        self._max_lengths = max_lengths

    def table(self, spec: TableSpec, fmt: str) -> SyntheticTable:
        """The table of ``spec`` in ``fmt``, built once while it stays among the most recent."""
        key = (spec, fmt)
        with self._lock:
            table = self._tables.get(key)
            if table is not None:
                self._tables.move_to_end(key)
                return table
        table = SyntheticTable(spec, fmt)  # built outside the lock: other requests go on meanwhile
        with self._lock:
            self._tables[key] = table
            while len(self._tables) > self._max_tables:
                self._tables.popitem(last=False)
        return table

    def plan(self, table: SyntheticTable, wanted: ReportSize, stopping: threading.Event) -> Tuple[int, Optional[int]]:
        """``(rows, body length)`` of the report ``wanted``; the length is ``None`` for a chunked body."""
        key = (table.spec, table.fmt, wanted)
        with self._lock:
            known = self._plans.get(key)
        if known is not None:
            return known
        rows = wanted.rows if wanted.rows is not None else table.rows_for_size(wanted.size or 0)
        length = None if wanted.chunked else table.body_length(rows, stopping)
        if length is not None or wanted.chunked:
            with self._lock:
                self._plans[key] = (rows, length)
                while len(self._plans) > self._max_lengths:
                    self._plans.popitem(last=False)
        return rows, length
