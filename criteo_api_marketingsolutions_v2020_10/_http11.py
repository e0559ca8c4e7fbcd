"""HTTP/1.1 without I/O: the bytes of a request head, and a parser that turns answer bytes into a response.

The SDK's own asyncio transport feeds ``ResponseParser`` what the socket
gives it and sends what ``request_head`` builds; neither touches a socket,
so both are tested by feeding bytes. The parser is strict where leniency
would let a hostile or broken server confuse the client (framing, header
syntax, sizes) and keeps every limit it is given:

* the head (status line and headers, any interim ``1xx`` answers included)
  is at most ``max_head`` bytes with at most ``max_headers`` fields;
* the body is framed by ``Transfer-Encoding: chunked``, by one
  ``Content-Length``, or by the end of the connection, as RFC 9112 orders;
  conflicting or malformed framing is an error, never a guess;
* a connection is reusable only when the answer was framed, read to its
  end, said nothing of closing, and nothing followed it.

``InvalidResponse`` never quotes the answer's bytes: they may hold a secret.
"""

from __future__ import annotations

import re
from typing import List, Optional, Union

from criteo_api_marketingsolutions_v2020_10._http11_coding import BodyDecoder
from criteo_api_marketingsolutions_v2020_10._http11_head import (
    FIELD,
    InvalidResponse,
    ResponseHead,
    ResponseHeaders,
    parse_head,
    request_head,
)

__all__ = ["BodyDecoder", "InvalidResponse", "ResponseHead", "ResponseHeaders", "ResponseParser", "request_head"]

#: The head of an answer, interim answers included, when no limit is given.
MAX_HEAD = 64 * 1024
#: Header fields in one head.
MAX_HEADERS = 128
#: A chunk-size line, extensions included.
MAX_CHUNK_LINE = 4096
#: Chunks (and trailer lines) read per ``feed``; a flood of tiny ones is read over several turns of the loop.
CHUNKS_PER_FEED = 512
#: Interim (1xx) heads read per ``feed``, for the same reason.
INTERIM_PER_FEED = 64
#: Body pieces under this size are gathered into one of up to ``_GROWN_PIECE`` bytes.
_SMALL_PIECE = 1024
_GROWN_PIECE = 64 * 1024

_CHUNK_SIZE = re.compile(rb"([0-9A-Fa-f]{1,16})[ \t]*(?:;[^\x00-\x08\x0a-\x1f\x7f]*)?")
_NO_BODY_STATUSES = frozenset({204, 304})

# Body framing, once the head is read.
_LENGTH, _CHUNKED, _UNTIL_CLOSE = "length", "chunked", "until close"
# Where the chunked reader is.
_SIZE, _DATA, _DATA_END, _TRAILER, _DONE = range(5)


def _tokens(headers: ResponseHeaders, name: str) -> List[str]:
    return [token.strip().lower() for value in headers.getlist(name) for token in value.split(",") if token.strip()]


def _content_length(headers: ResponseHeaders) -> Optional[int]:
    values = {token.strip() for value in headers.getlist("Content-Length") for token in value.split(",")}
    if not values:
        return None
    if len(values) != 1:
        raise InvalidResponse("the answer declares different Content-Length values")
    (value,) = values
    if not value.isdigit() or not value.isascii() or len(value) > 18:
        raise InvalidResponse("the answer's Content-Length is not a number")
    return int(value)


class ResponseParser:
    """Answer bytes in (``feed``, ``feed_eof``), a ``head`` and body bytes (``take_body``) out.

    One parser reads one answer; for a request with ``method`` (``HEAD``
    answers have no body).
    """

    def __init__(self, method: str, *, max_head: int = MAX_HEAD, max_headers: int = MAX_HEADERS) -> None:
        self.head: Optional[ResponseHead] = None
        self.complete = False  # the body was received to its end
        self.reusable = False  # decided when the answer is complete
        self.interim = 0  # 1xx answers skipped
        self._method = method
        self._max_head = max_head
        self._max_headers = max_headers
        self._head_seen = 0  # bytes of heads (interim ones too) taken so far
        self._buffer = bytearray()
        self._body: List[Union[bytes, bytearray]] = []
        self._buffered = 0
        self._framing = _UNTIL_CLOSE
        self._remaining = 0  # of the body (length) or of the current chunk
        self._chunk_state = _SIZE
        self._keep_alive = False
        self._head_scanned = 0  # where the search for the head's end goes on
        self.backlog = False  # input held back by the per-feed budget: call ``resume``

    @property
    def buffered(self) -> int:
        """Body bytes received and not yet taken."""
        return self._buffered

    # -- input

    def feed(self, data: bytes) -> None:
        """Take bytes from the connection; raises ``InvalidResponse`` when they break the protocol."""
        if self.complete:
            if data:
                self.reusable = False  # bytes nobody asked for: the connection cannot be trusted again
            return
        self._buffer += data
        self._advance()

    def _advance(self) -> None:
        interim_left = INTERIM_PER_FEED
        while self.head is None:
            if interim_left == 0:  # a flood of 1xx answers: the rest waits for ``resume`` too
                self.backlog = bool(self._buffer)
                return
            if not self._read_head():
                return
            interim_left -= 1
        self._read_body()

    def feed_eof(self) -> None:
        """The connection ended; raises ``InvalidResponse`` when the answer was not complete."""
        self.drain()  # nothing more will come: what was held back is read now
        if self.complete:
            return
        if self.head is not None and self._framing == _UNTIL_CLOSE:
            self._finish(reusable=False)
            return
        where = "the status line and headers" if self.head is None else "the body"
        raise InvalidResponse(f"the connection closed before the end of {where}")

    # -- output

    def take_body(self, size: int = -1) -> bytes:
        """Up to ``size`` (``-1``: all) body bytes received so far, without chunk framing."""
        body = self._body
        if not body:
            return b""
        if size < 0 or size >= self._buffered:
            data = bytes(body[0]) if len(body) == 1 else b"".join(body)
            self._body, self._buffered = [], 0
            return data
        taken: List[Union[bytes, bytearray]] = []
        needed, used = size, 0
        while needed:
            piece = body[used]
            if len(piece) <= needed:
                taken.append(piece)
                needed -= len(piece)
                used += 1
            else:
                taken.append(piece[:needed])
                body[used] = piece[needed:]
                needed = 0
        del body[:used]
        self._buffered -= size
        return b"".join(taken)

    # -- the head

    def _read_head(self) -> bool:
        end = self._buffer.find(b"\r\n\r\n", self._head_scanned)
        if end < 0:
            if self._head_seen + len(self._buffer) > self._max_head:
                raise InvalidResponse(f"the answer's head is longer than {self._max_head} bytes")
            if self._buffer.find(b"\n\n", self._head_scanned) >= 0:
                # Lines ended by a bare LF: refused at once rather than waited on until a timeout.
                raise InvalidResponse("the answer's head ends its lines with a bare LF, not CRLF")
            self._head_scanned = max(0, len(self._buffer) - 3)  # a head sent byte by byte is searched once
            return False
        self._head_scanned = 0
        self._head_seen += end + 4
        if self._head_seen > self._max_head:
            raise InvalidResponse(f"the answer's head is longer than {self._max_head} bytes")
        head = parse_head(bytes(self._buffer[:end]), self._max_headers)
        del self._buffer[: end + 4]
        if head.status == 101:
            raise InvalidResponse("the server switched protocols, which was not asked for")
        if head.status < 100:
            raise InvalidResponse("the status code is below 100")
        if head.status < 200:
            self.interim += 1  # 100 Continue and the like: the final answer follows
            return True
        self._frame(head)  # before the head is taken as read: a head whose framing is refused is no answer
        self.head = head
        return True

    def _frame(self, head: ResponseHead) -> None:
        connection = _tokens(head.headers, "Connection")
        self._keep_alive = head.version == 1 and "close" not in connection
        codings = _tokens(head.headers, "Transfer-Encoding")
        tunnel = self._method == "CONNECT" and 200 <= head.status < 300  # the tunnel's bytes follow, not a body
        if self._method == "HEAD" or head.status in _NO_BODY_STATUSES or tunnel:
            self._framing, self._remaining = _LENGTH, 0
        elif codings:
            # Transfer-Encoding wins over Content-Length; with both, the connection is not trusted again.
            self._keep_alive = self._keep_alive and "content-length" not in head.headers
            self._framing = _CHUNKED if codings[-1] == "chunked" else _UNTIL_CLOSE
        else:
            length = _content_length(head.headers)
            if length is None:
                self._framing = _UNTIL_CLOSE
            else:
                self._framing, self._remaining = _LENGTH, length

    # -- the body

    def _read_body(self) -> None:
        if self._framing == _LENGTH:
            self._read_length()
        elif self._framing == _CHUNKED:
            self._read_chunks()
        elif self._buffer:
            self._keep(bytes(self._buffer))
            self._buffer.clear()

    def _keep(self, data: bytes) -> None:
        if not data:
            return
        self._buffered += len(data)
        body = self._body
        # Tiny pieces (a flood of one-byte chunks) go into one growing piece: an object per byte would cost
        # some forty times the bytes it holds.
        if len(data) < _SMALL_PIECE and body and isinstance(body[-1], bytearray) and len(body[-1]) < _GROWN_PIECE:
            body[-1] += data
        else:
            body.append(bytearray(data) if len(data) < _SMALL_PIECE else data)

    def _read_length(self) -> None:
        available = len(self._buffer)
        if available <= self._remaining:
            self._keep(bytes(self._buffer))
            self._buffer.clear()
            self._remaining -= available
        else:
            self._keep(bytes(self._buffer[: self._remaining]))
            del self._buffer[: self._remaining]
            self._remaining = 0
        if self._remaining == 0:
            self._finish(reusable=self._keep_alive and not self._buffer and self._framing == _LENGTH)

    def _read_chunks(self) -> None:
        # Offsets into the buffer, trimmed once at the end: deleting per chunk would copy it per chunk.
        buffer, pos, budget = self._buffer, 0, CHUNKS_PER_FEED
        steps = (self._chunk_size, self._chunk_data, self._chunk_end, self._trailer)
        while pos < len(buffer) and not self.complete:
            if budget == 0:  # a flood of tiny chunks: the rest waits for ``resume``, so the loop runs between
                break
            state = self._chunk_state
            moved = steps[state](buffer, pos)
            if moved < 0:
                break
            pos = moved
            budget -= state in (_DATA_END, _TRAILER)  # a chunk, or a line of the trailer
        del buffer[:pos]
        self.backlog = bool(buffer) and not self.complete and budget == 0
        if self.complete:
            self.reusable = self._keep_alive and not buffer

    def resume(self) -> None:
        """Go on with input held back by the per-feed budget (see ``backlog``), one budget's worth."""
        self.backlog = False
        if self.head is None:
            self._advance()
        elif not self.complete:
            self._read_body()

    def drain(self) -> None:
        """Read all the input held back, whatever the budget (the connection has ended)."""
        while self.backlog:
            self.resume()

    def _line_end(self, buffer: bytearray, pos: int, limit: int, what: str) -> int:
        end = buffer.find(b"\r\n", pos, pos + limit + 2)
        if end < 0 and len(buffer) - pos > limit:
            raise InvalidResponse(f"{what} is longer than {limit} bytes")
        return end

    def _chunk_size(self, buffer: bytearray, pos: int) -> int:
        end = self._line_end(buffer, pos, MAX_CHUNK_LINE, "a chunk-size line")
        if end < 0:
            return -1
        size = _CHUNK_SIZE.fullmatch(buffer, pos, end)
        if size is None:
            raise InvalidResponse("a chunk size is not a hexadecimal number")
        self._remaining = int(size.group(1), 16)
        self._chunk_state = _DATA if self._remaining else _TRAILER
        return end + 2

    def _chunk_data(self, buffer: bytearray, pos: int) -> int:
        take = min(self._remaining, len(buffer) - pos)
        self._keep(bytes(buffer[pos : pos + take]))
        self._remaining -= take
        if not self._remaining:
            self._chunk_state = _DATA_END
        return pos + take  # all of the buffer when the chunk goes on in the next read

    def _chunk_end(self, buffer: bytearray, pos: int) -> int:
        if len(buffer) - pos < 2:
            return -1
        if buffer[pos] != 13 or buffer[pos + 1] != 10:
            raise InvalidResponse("a chunk is longer than its size says")
        self._chunk_state = _SIZE
        return pos + 2

    def _trailer(self, buffer: bytearray, pos: int) -> int:
        end = self._line_end(buffer, pos, self._max_head, "the trailer")
        if end < 0:
            return -1
        self._head_seen += end - pos + 2
        if self._head_seen > self._max_head:
            raise InvalidResponse(f"the answer's head and trailer are longer than {self._max_head} bytes")
        if end == pos:
            self._chunk_state = _DONE
            self._finish(reusable=False)  # decided by the caller once the buffer is trimmed
        elif FIELD.fullmatch(bytes(buffer[pos:end]).decode("latin-1")) is None:
            raise InvalidResponse("a trailer field is malformed")
        return end + 2

    def _finish(self, reusable: bool) -> None:
        self.complete = True
        self.reusable = reusable
