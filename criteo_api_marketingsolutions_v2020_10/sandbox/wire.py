"""Writing answers on a client connection: response heads and waits bounded by the stall limit."""

from __future__ import annotations

import select
import socket
import threading
import time
from dataclasses import dataclass
from email.utils import formatdate
from http import HTTPStatus
from io import BufferedIOBase
from typing import Dict, List, Optional, Tuple

from criteo_api_marketingsolutions_v2020_10.sandbox.responses import Response

#: How long a stalled response waits for the client to give up, in seconds.
STALL_LIMIT = 5.0
#: The ``Server`` header of every answer.
SERVER_VERSION = "CriteoSandbox/1.0"
#: Longest single wait between checks for the client hanging up or the sandbox stopping.
_POLL = 0.05

_CLASS_PHRASES = {1: "Informational", 2: "Success", 3: "Redirection", 4: "Client Error", 5: "Server Error"}

_date_cache: List[object] = [0, ""]


def http_date() -> str:
    """The ``Date`` header value, computed at most once per second."""
    now = int(time.time())
    if _date_cache[0] != now:
        _date_cache[0], _date_cache[1] = now, formatdate(now, usegmt=True)
    return str(_date_cache[1])


def reason_phrase(status: int) -> str:
    """The standard reason phrase of ``status``, or one naming its class for unregistered codes (``299 Success``)."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return _CLASS_PHRASES.get(status // 100, "Unknown")


def _encode_value(value: str) -> bytes:
    """A header value as bytes: Latin-1 when it fits, else UTF-8, as a server echoing raw bytes would send it."""
    # Header values come partly from test scripts: never let them split the response.
    text = value.replace("\r", " ").replace("\n", " ")
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return text.encode("utf-8")


def head_lines(
    response: Response, length: Optional[int], *, close: bool = False, reason: Optional[str] = None
) -> List[bytes]:
    """The status line and header lines of ``response``, each without its line ending.

    ``length`` becomes the ``Content-Length`` (``None`` sends none, and a
    streamed response of unknown size gets ``Transfer-Encoding: chunked``
    instead). A scripted header wins over the sandbox's own of the same name.
    """
    merged: Dict[str, Tuple[str, str]] = {"server": ("Server", SERVER_VERSION), "date": ("Date", http_date())}
    if response.content_type:
        merged["content-type"] = ("Content-Type", response.content_type)
    for name, value in response.headers.items():
        merged[name.lower()] = (name, str(value))
    if length is not None:
        merged["content-length"] = ("Content-Length", str(length))
    elif response.chunked:
        merged["transfer-encoding"] = ("Transfer-Encoding", "chunked")
    if close:
        merged["connection"] = ("Connection", "close")
    phrase = reason_phrase(response.status) if reason is None else reason
    lines = [_encode_value(f"HTTP/1.1 {response.status} {phrase}")]
    lines.extend(_encode_value(name) + b": " + _encode_value(value) for name, value in merged.values())
    return lines


def build_head(
    response: Response, length: Optional[int], *, close: bool = False, reason: Optional[str] = None
) -> bytes:
    """The complete head of ``response``: status line, headers and the blank line ending them."""
    return b"\r\n".join(head_lines(response, length, close=close, reason=reason)) + b"\r\n\r\n"


@dataclass
class Link:
    """A client connection being answered, and what ends any wait on it.

    Every wait stops when the client hangs up, when ``deadline`` (a
    ``time.monotonic()`` value, normally now plus the stall limit) passes, or
    when ``stopping`` is set by ``Sandbox.stop()``.
    """

    sock: socket.socket
    out: BufferedIOBase
    stopping: threading.Event
    deadline: float

    def send(self, data: bytes) -> None:
        """Write ``data`` to the client at once."""
        self.out.write(data)

    def pause(self, seconds: float) -> bool:
        """Wait ``seconds``; ``False`` (possibly early) when the wait must end instead: hang-up, deadline, stop."""
        end = time.monotonic() + seconds
        while True:
            now = time.monotonic()
            if self.stopping.is_set() or now >= self.deadline:
                return False
            if now >= end:
                return True
            if self._hung_up(min(end, self.deadline) - now):
                return False

    def hold(self) -> None:
        """Send nothing until the client hangs up, the deadline passes or the sandbox stops."""
        while self.pause(1.0):
            pass

    def trickle(self, data: bytes, interval: float, *, lead: bool = False) -> bool:
        """Send ``data`` one byte at a time, ``interval`` seconds apart (and before the first if ``lead``).

        ``False`` when cut short by a hang-up, the deadline or a stop.
        """
        for index in range(len(data)):
            if (index or lead) and not self.pause(interval):
                return False
            self.send(data[index : index + 1])
        return True

    def _hung_up(self, seconds: float) -> bool:
        """Watch the socket for up to ``seconds`` (at most one poll interval); whether the client has gone."""
        wait = max(0.0, min(seconds, _POLL))
        try:
            readable, _, _ = select.select([self.sock], [], [], wait)
            if not readable:
                return False
            if not self.sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT):
                return True
        except BlockingIOError:
            return False
        except (OSError, ValueError):  # closed by stop(), or reset by the client
            return True
        self.stopping.wait(wait)  # the client sent more: keep waiting, without spinning
        return False
