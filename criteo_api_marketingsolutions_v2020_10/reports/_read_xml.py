"""XML reports, ``<Report><Row><Column>value</Column>...</Row>...</Report>``, parsed incrementally.

Each row element is cleared once read, and so are the root's children, so memory
stays flat whatever the size. A document type declaration is refused before the
parser that builds rows sees it: entities declared there could expand a small
document into gigabytes.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ElementTree
from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple
from xml.parsers import expat

from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError
from criteo_api_marketingsolutions_v2020_10.reports._read_source import buffered
from criteo_api_marketingsolutions_v2020_10.reports._read_types import Converter, RowPlan

#: Bytes before the root element (declaration, comments) that the guard accepts.
MAX_PROLOG_BYTES = 1024 * 1024


class _RootReached(Exception):
    """The prolog is over: no document type declaration can follow."""


def _refuse_declaration(*_: Any) -> None:
    raise ApiValueError("The XML report declares a document type or entities (<!DOCTYPE/<!ENTITY): refused")


class _PrologGuard(io.RawIOBase):
    """Passes bytes through unchanged, after an expat parser of their own has checked the prolog.

    Expat decodes the document's encoding itself, so a declaration cannot hide
    behind UTF-16. Once the root element starts, the check is over.
    """

    def __init__(self, inner: io.BufferedReader) -> None:
        super().__init__()
        self._inner = inner
        self._checker: Optional[Any] = expat.ParserCreate()
        self._checker.StartDoctypeDeclHandler = _refuse_declaration
        self._checker.EntityDeclHandler = _refuse_declaration
        self._checker.StartElementHandler = self._root_reached
        self._seen = 0

    @staticmethod
    def _root_reached(*_: Any) -> None:
        raise _RootReached

    def readable(self) -> bool:
        """Always: this is an input stream."""
        return True

    def readinto(self, buffer: Any) -> int:
        """Fill ``buffer`` from the inner stream, checking the bytes while the prolog lasts."""
        count = self._inner.readinto(buffer)
        if self._checker is not None:
            self._check(bytes(memoryview(buffer)[:count]), final=not count)
        return count

    def _check(self, data: bytes, *, final: bool) -> None:
        assert self._checker is not None
        self._seen += len(data)
        try:
            self._checker.Parse(data, final)
        except _RootReached:
            self._checker = None
            return
        except expat.ExpatError as error:
            self._checker = None
            raise ApiValueError(f"The XML report is malformed: {error}") from None
        if self._seen > MAX_PROLOG_BYTES:
            raise ApiValueError(f"The XML report has more than {MAX_PROLOG_BYTES} bytes before its root element")


def read_xml(raw: io.RawIOBase, overrides: Mapping[str, Converter], columns_out: List[str]) -> Iterator[Dict[str, Any]]:
    """Typed rows of an XML report; ``columns_out`` receives the first row's element names."""
    guarded = io.BufferedReader(_PrologGuard(buffered(raw)))
    try:
        yield from _rows(ElementTree.iterparse(guarded, events=("start", "end")), overrides, columns_out)
    except ElementTree.ParseError as error:
        raise ApiValueError(f"The XML report is malformed: {error}") from None
    finally:
        guarded.close()


def _row_elements(events: Iterator[Tuple[str, Any]]) -> Iterator[ElementTree.Element]:
    """Each child of the root once it has ended; cleared, and dropped from the root, when the next is asked for."""
    root: Optional[ElementTree.Element] = None
    depth = 0
    for event, element in events:
        if event == "start":
            depth += 1
            root = element if root is None else root
            continue
        depth -= 1
        if depth == 1 and root is not None:
            yield element
            element.clear()
            root.clear()  # the root still holds the emptied row


def _rows(
    events: Iterator[Tuple[str, Any]], overrides: Mapping[str, Converter], columns_out: List[str]
) -> Iterator[Dict[str, Any]]:
    plan: Optional[RowPlan] = None
    for number, element in enumerate(_row_elements(events), start=1):
        names = tuple([cell.tag for cell in element])
        if plan is None or plan.columns != names:
            plan = RowPlan(names, overrides, text=True)
            columns_out[:] = columns_out or names
        cells = [cell.text or "" for cell in element]
        yield dict(zip(plan.columns, plan.convert(cells, number)))
