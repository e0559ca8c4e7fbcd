"""Cutting a stream of identifiers into numbered chunks, one chunk at a time."""

from __future__ import annotations

import hashlib
import json
from itertools import islice
from typing import Iterator, List, Optional, cast

from criteo_api_marketingsolutions_v2020_10.exceptions import ApiTypeError

__all__ = ["Chunk", "ChunkCutter", "chunks", "digest_of"]


class Chunk:
    """One request's worth of identifiers.

    Attributes:
        index: 0 for the first chunk of the input, then 1, 2...
        start: position in the input of the chunk's first identifier.
        identifiers: the identifiers as they are sent (normalised when asked).
    """

    __slots__ = ("_digest", "identifiers", "index", "start")

    def __init__(self, index: int, start: int, identifiers: List[str]) -> None:
        self.index = index
        self.start = start
        self.identifiers = identifiers
        self._digest: Optional[str] = None

    @property
    def size(self) -> int:
        """How many identifiers the chunk holds."""
        return len(self.identifiers)

    @property
    def digest(self) -> str:
        """SHA-256 of ``identifiers`` (see ``digest_of``), to recognise the chunk on a rerun; computed once, and
        only when a checkpoint asks."""
        if self._digest is None:
            self._digest = digest_of(self.identifiers)
        return self._digest

    def __repr__(self) -> str:
        return f"Chunk(index={self.index}, start={self.start}, size={self.size})"


def digest_of(identifiers: List[str]) -> str:
    """The SHA-256, in hex, of ``identifiers`` in order.

    The list is hashed as JSON, which tells apart any two different lists
    (``["ab", "c"]`` and ``["a", "bc"]``) whatever characters they hold.
    """
    encoded = json.dumps(identifiers, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8", "surrogatepass")).hexdigest()


def chunks(source: Iterator[object], chunk_size: int, normalize_emails: bool) -> Iterator[Chunk]:
    """The chunks of ``source``, each read only when asked for.

    Exactly ``chunk_size`` items are taken from ``source`` per chunk (fewer
    for the last one), so whatever is left in ``source`` after a chunk starts
    on a chunk boundary. Raises ``ApiTypeError`` naming the position of the
    first item that is not a ``str``, without showing any identifier.
    """
    cutter = ChunkCutter(normalize_emails)
    while True:
        batch = list(islice(source, chunk_size))
        if not batch:
            return
        yield cutter.cut(batch)


class ChunkCutter:
    """Turns consecutive batches of the input into numbered chunks, checking (and normalising) each identifier.

    Reading the batches is the caller's (``chunks`` reads an iterator; the
    asyncio upload an async one), so that the numbering is the same however
    the input arrives.
    """

    def __init__(self, normalize_emails: bool) -> None:
        self.normalize_emails = normalize_emails
        #: The index of the next chunk.
        self.index = 0
        #: The position in the input of the next chunk's first identifier.
        self.start = 0

    def cut(self, batch: List[object]) -> Chunk:
        """The next chunk, made of ``batch``; ``ApiTypeError`` naming the position of an item that is not a str."""
        chunk = Chunk(self.index, self.start, _checked(batch, self.start, self.normalize_emails))
        self.index += 1
        self.start += len(batch)
        return chunk


def _checked(batch: List[object], start: int, normalize_emails: bool) -> List[str]:
    if not all(isinstance(item, str) for item in batch):
        offset, item = next((o, i) for o, i in enumerate(batch) if not isinstance(i, str))
        # The type only: the value may be personal data, or a neighbour's.
        where = ["identifiers", start + offset]
        raise ApiTypeError(f"each identifier must be a str, got {type(item).__name__}", where)
    identifiers = cast(List[str], batch)
    return [identifier.strip().lower() for identifier in identifiers] if normalize_emails else identifiers
