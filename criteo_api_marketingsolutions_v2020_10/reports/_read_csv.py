"""CSV reports: the header line names the columns; ``,``, ``;`` or tab separates cells."""

from __future__ import annotations

import csv
import io
import itertools
import operator
from typing import Any, Dict, Iterator, List, Mapping

from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError
from criteo_api_marketingsolutions_v2020_10.reports._read_source import buffered
from criteo_api_marketingsolutions_v2020_10.reports._read_types import Converter, RowPlan, apply_strict

_DELIMITERS = (",", ";", "\t")


def delimiter_of(header_line: str) -> str:
    """The separator the header line uses most among ``,`` ``;`` and tab (comma when none)."""
    counts = [(header_line.count(candidate), -index) for index, candidate in enumerate(_DELIMITERS)]
    best_count, best_index = max(counts)
    return _DELIMITERS[-best_index] if best_count else ","


def read_csv(raw: io.RawIOBase, overrides: Mapping[str, Converter], columns_out: List[str]) -> Iterator[Dict[str, Any]]:
    """Typed rows of a CSV report; ``columns_out`` receives the header as soon as it is read."""
    text = io.TextIOWrapper(buffered(raw), encoding="utf-8-sig", newline="")
    try:
        first_line = text.readline()
        while first_line.isspace():
            first_line = text.readline()  # blank lines before the header name no columns
        if not first_line:
            return
        reader = csv.reader(itertools.chain([first_line], text), delimiter=delimiter_of(first_line))
        try:
            header = next(reader)
        except csv.Error as error:
            raise _broken(reader.line_num, error) from error
        columns_out[:] = header
        yield from _typed(reader, RowPlan(header, overrides, text=True))
    finally:
        text.close()


def _broken(line: int, error: csv.Error) -> ApiValueError:
    return ApiValueError(f"The CSV report is malformed at line {line}: {error}")


def _typed(reader: Any, plan: RowPlan) -> Iterator[Dict[str, Any]]:
    columns, strict, strict_for, width = plan.columns, plan.strict, plan.strict_for, len(plan.columns)
    by_empty_layout, empty = plan.by_empty_layout, operator.not_
    apply = apply_strict()
    skipped = 0  # blank lines are not rows, and do not count in row numbers
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            # A full row costs no Python code per cell, empty cells included, when every strict converter fits.
            if len(cells) == width:
                converters = strict
                if "" in cells:
                    converters = by_empty_layout.get(tuple(map(empty, cells))) or strict_for(cells)
                try:
                    row = dict(zip(columns, map(apply, converters, cells)))
                except (ValueError, TypeError, OverflowError):
                    row = dict(zip(columns, plan.convert(cells, number - skipped)))
            elif not cells:
                skipped += 1
                continue
            else:
                row = dict(zip(columns, plan.convert(cells, number - skipped)))
            yield row
    except csv.Error as error:
        raise _broken(reader.line_num, error) from error
