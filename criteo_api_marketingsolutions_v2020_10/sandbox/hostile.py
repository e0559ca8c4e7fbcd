"""Writing a fault's answer the way a hostile or broken server would.

Each function writes on a ``Link``, whose waits are bounded by the stall limit
and end early when the client hangs up or the sandbox stops. The functions
return whether the connection may be kept alive afterwards.
"""

from __future__ import annotations

import itertools
from typing import Optional, Tuple

from criteo_api_marketingsolutions_v2020_10.sandbox.faults import BODILESS_STATUSES, CONTINUE_BYTES, Fault
from criteo_api_marketingsolutions_v2020_10.sandbox.responses import Response
from criteo_api_marketingsolutions_v2020_10.sandbox.wire import Link

#: The name of the header lines ``open_headers`` keeps sending, numbered from 1.
PENDING_HEADER = "X-Sandbox-Pending"


def framing(fault: Fault, response: Response, head_request: bool) -> Tuple[Optional[int], bytes]:
    """The ``Content-Length`` to announce (``None`` for none) and the body bytes to send.

    1xx, 204 and 304 answers without a scripted body announce no length and
    send no body; a 205 without one announces zero. A HEAD request gets the
    length of the body but not the body.
    """
    if fault.body is None and response.status in BODILESS_STATUSES:
        return None, b""
    if fault.body is None and response.status == 205:
        return 0, b""
    return len(response.body), b"" if head_request else response.body


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


def send_answer(link: Link, fault: Fault, head: bytes, body: bytes) -> bool:
    """The head (trickled per ``head_trickle``), then the body (stalled, trickled, or at once)."""
    if fault.head_trickle is not None:
        if not link.trickle(head, fault.head_trickle):
            return False
    elif fault.stall or fault.trickle is not None:
        link.send(head)
    else:
        link.send(head + body)  # one write, so no small segment waits on a delayed ACK
        return True
    if fault.stall:
        link.hold()
        return False
    if fault.trickle is not None:
        return link.trickle(body, fault.trickle, lead=True)
    link.send(body)
    return True


def write_fault_answer(link: Link, fault: Fault, head: bytes, body: bytes) -> bool:
    """Write ``head`` and ``body`` as ``fault`` dictates; whether the connection may stay open."""
    if fault.close_in_headers:
        return send_cut_headers(link, head)
    if fault.open_headers:
        return send_open_headers(link, head, fault.header_interval)
    return send_answer(link, fault, head, body)
