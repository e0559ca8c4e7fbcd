"""Writing a fault's answer the way a hostile or broken server would.

Each function writes on a ``Link``, whose waits are bounded by the stall limit
and end early when the client hangs up or the sandbox stops. The functions
return whether the connection may be kept alive afterwards.
"""

from __future__ import annotations

import itertools
from typing import Iterator, Optional, Tuple

from criteo_api_marketingsolutions_v2020_10.sandbox.faults import BODILESS_STATUSES, CONTINUE_BYTES, Fault
from criteo_api_marketingsolutions_v2020_10.sandbox.responses import Response
from criteo_api_marketingsolutions_v2020_10.sandbox.streaming import close_source, send_pieces, wire_body
from criteo_api_marketingsolutions_v2020_10.sandbox.wire import Link

#: The name of the header lines ``open_headers`` keeps sending, numbered from 1.
PENDING_HEADER = "X-Sandbox-Pending"


def framing(fault: Fault, response: Response, head_request: bool) -> Tuple[Optional[int], Iterator[bytes]]:
    """The ``Content-Length`` to announce (``None`` for none) and the bytes to send after the head.

    1xx, 204 and 304 answers without a scripted body announce no length and
    send no body; a 205 without one announces zero. A HEAD request gets the
    length of the body but not the body. A streamed body keeps its own
    framing (its length, or chunks) and ``cut_after`` keeps only its first
    bytes.
    """
    if fault.body is None and (response.status in BODILESS_STATUSES or response.status == 205):
        if response.stream is not None:
            close_source(response.stream)
        return (0 if response.status == 205 else None), iter(())
    pieces = wire_body(response, head_request=head_request, cut_after=fault.cut_after)
    return response.announced_length, pieces


def send_continues(link: Link, fault: Fault) -> bool:
    """The interim ``100 Continue`` responses of ``fault``; ``False`` when no answer must follow."""
    count = fault.continues or 0
    interval = fault.waits_between_continues
    if count > 0 and interval == 0:
        link.send(CONTINUE_BYTES * count)  # one write: the client gets them all at once
        return True
    sent = itertools.count() if count == -1 else range(count)
    for index in sent:
        if index and not link.pause(interval):
            return False
        link.send(CONTINUE_BYTES)
    return count != -1


def send_open_headers(link: Link, head: bytes, interval: float) -> bool:
    """The head without the blank line ending it, then one more header line per ``interval`` until the limit."""
    link.send(head[:-2])  # the head ends with CRLF CRLF: keep the CRLF of the last header line only
    for number in itertools.count(1):
        if not link.pause(interval):
            return False
        link.send(f"{PENDING_HEADER}-{number}: waiting\r\n".encode("ascii"))
    return False  # not reached: pause() gives up at the limit


def send_cut_headers(link: Link, head: bytes) -> bool:
    """The status line and the first half of the first header line; then the connection must close."""
    status_line, _, rest = head.partition(b"\r\n")
    first_header = rest.split(b"\r\n", 1)[0]
    link.send(status_line + b"\r\n" + first_header[: len(first_header) // 2])
    return False


def send_answer(link: Link, fault: Fault, head: bytes, pieces: Iterator[bytes]) -> bool:
    """The head (trickled per ``head_trickle``), then the body (stalled, trickled, cut short, or at once)."""
    if fault.head_trickle is not None:
        if not link.trickle(head, fault.head_trickle):
            close_source(pieces)
            return False
        head = b""
    if fault.stall:
        close_source(pieces)
        link.send(head)
        link.hold()
        return False
    if fault.trickle is not None:
        link.send(head)
        complete = trickle_pieces(link, pieces, fault.trickle)
    else:
        complete = send_pieces(link.out, head, pieces, link.stopping)
    return complete and fault.cut_after is None  # a cut body leaves the connection unusable


def trickle_pieces(link: Link, pieces: Iterator[bytes], interval: float) -> bool:
    """Every byte of ``pieces``, ``interval`` seconds apart; ``False`` when cut short."""
    try:
        return all(link.trickle(piece, interval, lead=True) for piece in pieces)
    finally:
        close_source(pieces)


def write_fault_answer(link: Link, fault: Fault, head: bytes, pieces: Iterator[bytes]) -> bool:
    """Write ``head`` and the body ``pieces`` as ``fault`` dictates; whether the connection may stay open."""
    if fault.close_in_headers or fault.open_headers:
        close_source(pieces)
        if fault.close_in_headers:
            return send_cut_headers(link, head)
        return send_open_headers(link, head, fault.header_interval)
    return send_answer(link, fault, head, pieces)
