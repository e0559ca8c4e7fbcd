"""Scripted faults: what the next requests to a path should suffer instead of normal service."""

from __future__ import annotations

import json
import threading
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Deque, Dict, Iterable, Mapping, Optional, Union, cast

from criteo_api_marketingsolutions_v2020_10.sandbox.wire import reason_phrase

#: The script key that applies to every path not scripted on its own.
ANY_PATH = "*"


#: Statuses whose answers carry no body (and, unless one is scripted, no ``Content-Length``).
BODILESS_STATUSES = frozenset({204, 304, *range(100, 200)})
#: The interim response sent by ``continues``, byte for byte.
CONTINUE_BYTES = b"HTTP/1.1 100 Continue\r\n\r\n"
#: ``continue_interval`` of an endless stream of interim responses when none is given.
DEFAULT_CONTINUE_INTERVAL = 0.05

#: What a fault body may be: bytes, text, or anything JSON can encode.
Body = Any


@dataclass(frozen=True)
class Fault:
    """One misbehaviour of the sandbox, served instead of (or on top of) a normal answer.

    Waiting behaviours (``stall``, ``trickle``, ``head_trickle``, endless
    ``continues``, ``open_headers``) end when the client hangs up, when the
    sandbox stops, or when the stall limit passes (``stall_limit``, else
    ``Sandbox.stall_limit``, 5 s by default); the connection is then closed.

    Attributes:
        status: HTTP status to answer with, any code from 100 to 599 on any
            path. ``None`` keeps the normal answer, which is useful together
            with ``delay``, ``stall``, ``trickle`` or ``headers``. 1xx, 204 and
            304 answers have no body and no ``Content-Length`` (unless ``body``
            is given); after a 1xx answer the connection is closed.
        headers: extra response headers; they win over the sandbox's own.
        body: response body: ``bytes`` as is, ``str`` as UTF-8, anything else
            as JSON. Without a body, a fault status gets an error body in the
            style of the endpoint (a 429 gets a Criteo quota error and the
            ``x-ratelimit-*`` headers).
        content_type: the ``Content-Type`` of the answer, e.g. ``"text/html"``.
        reason: the reason phrase of the status line (``""`` sends none);
            by default the standard one, or the class name for unregistered
            codes (``299 Success``, ``599 Server Error``).
        delay: seconds to wait before answering.
        reset: read the request, then drop the connection with a TCP reset
            and no response at all.
        stall: send the status line and headers (with a ``Content-Length``),
            then no body bytes until the client hangs up or the stall limit
            passes.
        trickle: seconds between single body bytes, for a slow server.
        head_trickle: seconds between single bytes of the status line and
            headers; the body then follows at once (or per ``trickle``).
        continues: send this many ``HTTP/1.1 100 Continue`` interim responses
            before the answer; ``-1`` sends them without end (one every
            ``continue_interval``) and never answers.
        continue_interval: seconds between interim responses; by default none
            for a finite count (all in one write) and 0.05 for an endless one.
        open_headers: send the status line and headers but never the blank
            line ending them; one more header line follows every
            ``header_interval`` seconds, so that read timeouts never fire.
        header_interval: seconds between the header lines of ``open_headers``.
        close_in_headers: send the status line and half of the first header
            line, then close the connection.
        raw: write exactly these bytes as the whole response, then close the
            connection; see ``raw_response`` and the recipes built on it.
        echo: answer with an error that repeats what the client sent: its
            ``Authorization`` header and body, in the error's free-text fields
            and in an ``X-Echo`` header (status 401 by default, 400 on the
            token path), to check that a client hides secrets a server echoes.
        stall_limit: seconds after which this fault's waits give up, instead
            of the sandbox's limit.
        cut_after: send the head as usual (the full ``Content-Length``, or
            chunked framing), then only the first ``cut_after`` bytes of the
            body (as chunks for a chunked body, never the last chunk), then
            close the connection: a download cut short. A streamed report is
            not generated past the cut.
        count: how many consecutive requests this fault applies to.
    """

    status: Optional[int] = None
    headers: Optional[Mapping[str, str]] = None
    body: Body = None
    delay: float = 0.0
    reset: bool = False
    stall: bool = False
    trickle: Optional[float] = None
    count: int = 1
    head_trickle: Optional[float] = None
    continues: Optional[int] = None
    continue_interval: Optional[float] = None
    open_headers: bool = False
    header_interval: float = 0.2
    close_in_headers: bool = False
    raw: Optional[bytes] = None
    echo: bool = False
    content_type: Optional[str] = None
    reason: Optional[str] = None
    stall_limit: Optional[float] = None
    cut_after: Optional[int] = None

    def __post_init__(self) -> None:
        if self.status is not None and not 100 <= int(self.status) <= 599:
            raise ValueError(f"Fault status must be an HTTP status code, got {self.status!r}")
        if self.count < 1:
            raise ValueError("Fault count must be at least 1")
        raw = cast(object, self.raw)  # checked at run time: callers may not be type-checked
        if raw is not None and not isinstance(raw, bytes):
            raise TypeError("Fault raw must be bytes")
        self._check_durations()
        self._check_streams()
        self._check_cut()

    def _check_durations(self) -> None:
        durations = (
            self.delay,
            self.trickle,
            self.head_trickle,
            self.continue_interval,
            self.header_interval,
            self.stall_limit,
        )
        if any(d is not None and not d >= 0 for d in durations):  # also refuses NaN
            raise ValueError("Fault delays, intervals and limits must not be negative")

    def _check_streams(self) -> None:
        if self.continues is not None and self.continues < -1:
            raise ValueError("Fault continues must be a count, or -1 for an endless stream")
        if self.continues == -1 and self.continue_interval == 0:
            raise ValueError("An endless stream of interim responses needs a continue_interval above 0")
        if self.open_headers and self.header_interval == 0:
            raise ValueError("Fault open_headers needs a header_interval above 0")

    def _check_cut(self) -> None:
        cut_after = cast(object, self.cut_after)  # checked at run time: callers may not be type-checked
        if cut_after is None:
            return
        if not isinstance(cut_after, int) or isinstance(cut_after, bool) or cut_after < 0:
            raise ValueError("Fault cut_after must be a byte count, 0 or more")

    def body_bytes(self) -> Optional[bytes]:
        """The body to send, encoded, or ``None`` when the sandbox should provide one."""
        return None if self.body is None else encode_body(self.body)

    @property
    def waits_between_continues(self) -> float:
        """Seconds between two interim responses of ``continues``."""
        if self.continue_interval is not None:
            return self.continue_interval
        return DEFAULT_CONTINUE_INTERVAL if self.continues == -1 else 0.0

    # -- recipes for malformed answers -------------------------------------------------

    @classmethod
    def raw_response(
        cls,
        status: int = 200,
        headers: Optional[Mapping[str, str]] = None,
        body: Body = b"",
        *,
        line_end: bytes = b"\r\n",
        reason: Optional[str] = None,
        content_length: bool = True,
        **options: Any,
    ) -> Fault:
        """A fault writing a hand-built response: see ``raw_message`` for the bytes; ``options`` go to ``Fault``."""
        message = raw_message(status, headers, body, line_end=line_end, reason=reason, content_length=content_length)
        return cls(raw=message, **options)

    @classmethod
    def http09(cls, body: Body = b'{"data": []}', **options: Any) -> Fault:
        """No status line and no headers: just ``body``, then the connection closes (HTTP/0.9 style)."""
        return cls(raw=encode_body(body), **options)

    @classmethod
    def cr_only(
        cls, status: int = 200, headers: Optional[Mapping[str, str]] = None, body: Body = b"{}", **options: Any
    ) -> Fault:
        """A response whose lines end with a bare CR instead of CRLF."""
        return cls.raw_response(status, headers, body, line_end=b"\r", **options)

    @classmethod
    def lf_only(
        cls, status: int = 200, headers: Optional[Mapping[str, str]] = None, body: Body = b"{}", **options: Any
    ) -> Fault:
        """A response whose lines end with a bare LF instead of CRLF."""
        return cls.raw_response(status, headers, body, line_end=b"\n", **options)

    @classmethod
    def bad_chunks(cls, size_line: bytes = b"zz", body: Body = b"{}", status: int = 200, **options: Any) -> Fault:
        """A chunked response whose first chunk-size line is ``size_line``.

        The bytes after the head are ``size_line CRLF body CRLF 0 CRLF CRLF``:
        ``b"zz"`` or ``b"-5"`` is garbage, ``b"ffffffff"`` promises more than
        is sent, ``b"2"`` announces less than ``body``.
        """
        chunked = {"Content-Type": "application/json", "Transfer-Encoding": "chunked"}
        head = raw_message(status, chunked, b"", content_length=False)
        return cls(raw=head + size_line + b"\r\n" + encode_body(body) + b"\r\n0\r\n\r\n", **options)

    @classmethod
    def status_line_only(cls, status: int = 200, **options: Any) -> Fault:
        """Just the status line, e.g. ``HTTP/1.1 200 OK\\r\\n``, then the connection closes."""
        return cls(raw=f"HTTP/1.1 {status} {reason_phrase(status)}\r\n".encode("latin-1"), **options)


def encode_body(body: Body) -> bytes:
    """``bytes`` as is, ``str`` as UTF-8, anything else as JSON."""
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("utf-8")
    return json.dumps(body).encode("utf-8")


def raw_message(
    status: int,
    headers: Optional[Mapping[str, str]] = None,
    body: Body = b"",
    *,
    line_end: bytes = b"\r\n",
    reason: Optional[str] = None,
    content_length: bool = True,
) -> bytes:
    """The bytes of a response built by hand: status line, ``headers``, an empty line, the body.

    Every line ends with ``line_end``. A non-empty body gets
    ``Content-Type: application/json`` unless ``headers`` name one, and
    ``content_length`` adds a ``Content-Length`` unless ``headers`` name one.
    Nothing is checked or escaped: this is for malformed answers.
    """
    payload = encode_body(body)
    fields = _raw_fields(headers, payload, content_length)
    phrase = reason_phrase(status) if reason is None else reason
    lines = [f"HTTP/1.1 {status} {phrase}".encode("latin-1")]
    lines.extend(f"{name}: {value}".encode() for name, value in fields.items())
    return line_end.join(lines) + line_end + line_end + payload


def _raw_fields(headers: Optional[Mapping[str, str]], payload: bytes, content_length: bool) -> Dict[str, str]:
    """The header fields of a hand-built response: the given ones, plus a type and a length where missing."""
    fields = dict(headers or {})
    given = {name.lower() for name in fields}
    if payload and "content-type" not in given:
        fields["Content-Type"] = "application/json"
    if content_length and "content-length" not in given:
        fields["Content-Length"] = str(len(payload))
    return fields


FaultLike = Union[Fault, int]


def as_fault(item: FaultLike) -> Fault:
    """Accept a ``Fault`` or a bare status code (``503`` means ``Fault(status=503)``)."""
    if isinstance(item, Fault):
        return item
    status = cast(object, item)  # checked at run time: callers may not be type-checked
    if isinstance(status, int) and not isinstance(status, bool):
        return Fault(status=status)
    raise TypeError(f"expected a Fault or an HTTP status code, got {item!r}")


@dataclass
class _Pending:
    fault: Fault
    remaining: int = field(default=0)


class FaultScript:
    """Queues of faults per path, consumed one per request, in order, thread-safely."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queues: Dict[str, Deque[_Pending]] = {}

    def add(self, path: str, faults: Union[FaultLike, Iterable[FaultLike]]) -> None:
        """Append ``faults`` to the queue of ``path`` (``"*"`` for every path)."""
        items = [faults] if isinstance(faults, (Fault, int)) else list(faults)
        pending = [_Pending(f, f.count) for f in map(as_fault, items)]
        with self._lock:
            self._queues.setdefault(path, deque()).extend(pending)

    def clear(self, path: Optional[str] = None) -> None:
        """Forget the faults still queued for ``path``, or for every path."""
        with self._lock:
            if path is None:
                self._queues.clear()
            else:
                self._queues.pop(path, None)

    def pending(self, path: str) -> int:
        """How many requests to ``path`` (exact key) will still get a fault."""
        with self._lock:
            return sum(p.remaining for p in self._queues.get(path, ()))

    def take(self, path: str) -> Optional[Fault]:
        """The fault for the next request to ``path``: its own queue first, then ``"*"``."""
        if not self._queues:  # fast path: nothing scripted at all
            return None
        with self._lock:
            for key in (path, ANY_PATH):
                queue = self._queues.get(key)
                if not queue:
                    continue
                head = queue[0]
                head.remaining -= 1
                if head.remaining <= 0:
                    queue.popleft()
                if not queue:
                    del self._queues[key]
                return head.fault
        return None
