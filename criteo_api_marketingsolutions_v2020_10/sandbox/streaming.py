"""Sending a body in pieces: chunked framing, cutting it short, and writing it until done or stopped.

A streamed body (``Response.stream``) is produced while it is written, so it
is never held in memory; the functions here pull one piece at a time and
close the source as soon as no more is wanted (a cut, a hang-up, a stop), so
that no generator keeps running for nothing.
"""

from __future__ import annotations

import threading
from io import BufferedIOBase
from typing import Iterable, Iterator, Optional

from criteo_api_marketingsolutions_v2020_10.sandbox.responses import Response

#: The last chunk and the empty trailer that end a chunked body.
LAST_CHUNK = b"0\r\n\r\n"


def close_source(pieces: Iterable[bytes]) -> None:
    """Stop a generator of pieces early (its ``finally`` blocks run); other iterables need nothing."""
    close = getattr(pieces, "close", None)
    if callable(close):
        close()


def payload(response: Response) -> Iterator[bytes]:
    """The body of ``response`` piece by piece: the complete body, or its stream."""
    if response.stream is None:
        if response.body:
            yield response.body
        return
    source = response.stream
    try:
        yield from source
    finally:
        close_source(source)


def cut(pieces: Iterable[bytes], limit: int) -> Iterator[bytes]:
    """The first ``limit`` bytes of ``pieces``; nothing more is pulled from the source once they are out."""
    source = iter(pieces)
    remaining = limit
    try:
        while remaining > 0:
            piece = next(source, None)
            if piece is None:
                return
            yield piece[:remaining]
            remaining -= len(piece)
    finally:
        close_source(source)


def chunk_frames(pieces: Iterable[bytes], *, last_chunk: bool = True) -> Iterator[bytes]:
    """``pieces`` framed as HTTP/1.1 chunks, one chunk each, then the last chunk unless ``last_chunk`` is false."""
    source = iter(pieces)
    try:
        for piece in source:
            if piece:  # an empty chunk would end the body early
                yield b"%x\r\n%b\r\n" % (len(piece), piece)
    finally:
        close_source(source)
    if last_chunk:
        yield LAST_CHUNK


def wire_body(response: Response, *, head_request: bool, cut_after: Optional[int] = None) -> Iterator[bytes]:
    """The bytes to write after the head of ``response``, framed as its head announces.

    A HEAD request gets none (a stream is closed unread). ``cut_after`` keeps
    only that many body bytes; a chunked body cut so never gets its last chunk.
    """
    if head_request:
        if response.stream is not None:
            close_source(response.stream)
        return iter(())
    pieces = payload(response)
    if cut_after is not None:
        pieces = cut(pieces, cut_after)
    if response.chunked:
        return chunk_frames(pieces, last_chunk=cut_after is None)
    return pieces


def send_pieces(out: BufferedIOBase, head: bytes, pieces: Iterable[bytes], stopping: threading.Event) -> bool:
    """Write ``head`` and then every piece; ``False`` when the sandbox stopped before the end.

    The head goes out with the first piece, in one write, so that no small
    segment waits on a delayed ACK. A client hanging up raises ``OSError``;
    the source is closed in every case.
    """
    source = iter(pieces)
    try:
        first = next(source, b"")
        out.write(head + first)
        for piece in source:
            if stopping.is_set():
                return False
            out.write(piece)
        return True
    finally:
        close_source(source)
