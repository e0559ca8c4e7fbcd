"""JSON reports, one row object at a time: ``{"Columns": [...], "Rows": [{...}, ...], "Total": n}`` or ``[{...}, ...]``.

The document is never loaded whole. A text buffer slides over it; each row
object is decoded with ``JSONDecoder.raw_decode`` where it starts, and the
buffer is refilled when an object runs past its end.
"""

from __future__ import annotations

import io
import json
from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple, cast

from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError
from criteo_api_marketingsolutions_v2020_10.reports._read_source import buffered
from criteo_api_marketingsolutions_v2020_10.reports._read_types import Converter, RowPlan

#: Characters read from the document at a time.
CHUNK_CHARS = 64 * 1024
#: Largest single value (a row object, or any other member) the reader holds, in characters.
MAX_VALUE_CHARS = 16 * 1024 * 1024
_SPACE = " \t\r\n"


class _Cursor:
    """A window on the document: ``text[pos:]`` is what is not consumed yet."""

    def __init__(self, stream: io.TextIOWrapper, chunk_chars: int) -> None:
        self._stream = stream
        self._chunk = chunk_chars
        self._decoder = json.JSONDecoder()
        self.text = ""
        self.pos = 0
        self.at_end = False

    def _refill(self, wanted: int) -> bool:
        """Read at least ``wanted`` more characters (fewer at the end); False when nothing is left."""
        if self.at_end:
            return False
        more = self._stream.read(max(wanted, self._chunk))
        if not more:
            self.at_end = True
            return False
        self.text = self.text[self.pos :] + more
        self.pos = 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ("" at the end of the document)."""
        while True:
            text, pos, size = self.text, self.pos, len(self.text)
            while pos < size and text[pos] in _SPACE:
                pos += 1
            self.pos = pos
            if pos < size:
                return text[pos]
            if not self._refill(self._chunk):
                return ""

    def expect(self, characters: str, where: str) -> str:
        """Consume the next character, one of ``characters``; anything else is a malformed document."""
        found = self.peek()
        if not found or found not in characters:
            shown = repr(found) if found else "the end of the document"
            raise ApiValueError(
                f"The JSON report is malformed: expected {' or '.join(characters)} {where}, found {shown}"
            )
        self.pos += 1
        return found

    def value(self, what: str) -> Any:
        """Decode the next value; a value cut at the end of the buffer is read again with more text."""
        self.peek()
        wanted = self._chunk
        while True:
            try:
                value, end = self._decoder.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as error:
                self._grow_or_fail(wanted, what, error)
            except RecursionError:
                raise ApiValueError(f"The JSON report nests {what} too deeply") from None
            else:
                # A number or word that ends exactly at the buffer's end may go on in the next chunk.
                if end < len(self.text) or self.at_end or not self._refill(wanted):
                    self.pos = end
                    return value
            wanted *= 2  # doubling keeps re-decoding a long value linear in its size

    def _grow_or_fail(self, wanted: int, what: str, error: json.JSONDecodeError) -> None:
        if len(self.text) - self.pos > MAX_VALUE_CHARS:
            limit = MAX_VALUE_CHARS // (1024 * 1024)
            raise ApiValueError(f"The JSON report has {what} larger than {limit} MiB") from None
        if not self._refill(wanted):
            raise ApiValueError(f"The JSON report is malformed in {what}: {error.msg}") from None


def read_json(
    raw: io.RawIOBase,
    overrides: Mapping[str, Converter],
    columns_out: List[str],
    chunk_chars: Optional[int] = None,
) -> Iterator[Dict[str, Any]]:
    """Typed rows of a JSON report; ``columns_out`` receives ``Columns`` (or the first row's keys)."""
    stream = io.TextIOWrapper(buffered(raw), encoding="utf-8-sig")
    try:
        cursor = _Cursor(stream, chunk_chars or CHUNK_CHARS)
        opening = cursor.expect("{[", "at the start")
        if opening == "[":
            yield from _array_rows(cursor, overrides, columns_out)
        else:
            yield from _report_rows(cursor, overrides, columns_out)
        if cursor.peek():
            raise ApiValueError("The JSON report is malformed: text follows the end of the document")
    finally:
        stream.close()


def _report_rows(
    cursor: _Cursor, overrides: Mapping[str, Converter], columns_out: List[str]
) -> Iterator[Dict[str, Any]]:
    """The members of the report object, streaming ``Rows`` and decoding the others whole."""
    seen_rows = False
    if cursor.peek() == "}":
        cursor.pos += 1
    else:
        while True:
            name = cursor.value("a member name")
            if not isinstance(name, str):
                raise ApiValueError("The JSON report is malformed: a member name is not a string")
            cursor.expect(":", f"after {name!r}")
            if name == "Rows":
                cursor.expect("[", "to open Rows")
                seen_rows = True
                yield from _array_rows(cursor, overrides, columns_out)
            else:
                member = cursor.value(f"the member {name!r}")
                if name == "Columns" and isinstance(member, list):
                    columns_out[:] = [str(column) for column in cast(List[object], member)]
            if cursor.expect(",}", "between members") == "}":
                break
    if not seen_rows:
        raise ApiValueError("The JSON document has no Rows member: it is not a report")


def _array_rows(
    cursor: _Cursor, overrides: Mapping[str, Converter], columns_out: List[str]
) -> Iterator[Dict[str, Any]]:
    """Row objects up to the closing ``]``, whose ``[`` is consumed."""
    if cursor.peek() == "]":
        cursor.pos += 1
        return
    plan: Optional[Tuple[List[str], RowPlan]] = None
    number = 0
    while True:
        number += 1
        row = cursor.value(f"row {number}")
        if not isinstance(row, dict):
            raise ApiValueError(f"Report row {number} is a JSON {type(row).__name__}, not an object")
        row = cast(Dict[str, Any], row)
        names = list(row)
        if plan is None or plan[0] != names:
            plan = (names, RowPlan(names, overrides, text=False))
            if not columns_out:
                columns_out[:] = names
        yield dict(zip(names, plan[1].convert(list(row.values()), number)))
        if cursor.expect(",]", f"after row {number}") == "]":
            return
