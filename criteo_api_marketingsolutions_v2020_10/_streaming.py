"""Streamed answers: one response type for both transports, read as the bytes arrive.

``_preload_content=False`` (and the report and audience helpers) hand back a
``StreamingResponse`` whatever the transport. Its reads run under two limits:

* the read timeout of the call (``_request_timeout`` or
  ``Configuration.request_timeout``) bounds every wait for bytes, so a
  server that stops sending is noticed;
* ``Configuration.stream_deadline`` (seconds, ``None`` by default) bounds the
  whole body, counted from the moment its headers arrived.

The call deadline (``Configuration.call_deadline``) covers everything up to
the headers: the token, the attempts and the waits between them. It does not
end a large download that keeps making progress.

Failures come out as the SDK's own errors: ``ApiTimeoutError`` for a read
timeout or the stream deadline, ``ApiConnectionError`` for an answer cut
short or a broken connection.
"""

from __future__ import annotations

import io
import time
from typing import Any, Callable, Iterator, List, Mapping, Optional, Tuple

import urllib3

from criteo_api_marketingsolutions_v2020_10 import _deadline_io
from criteo_api_marketingsolutions_v2020_10._transport_errors import quotes_answer, wrap_urllib3_error
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiConnectionError, ApiException, ApiTimeoutError

__all__ = ["DEFAULT_CHUNK_SIZE", "LineSplitter", "StreamingResponse", "open_stream"]

#: Bytes asked of the connection per read when the caller does not say.
DEFAULT_CHUNK_SIZE = 256 * 1024

#: What a stream reads through: ``pull(n)`` returns at most ``n`` bytes, ``b""`` at the end.
Pull = Callable[[int], bytes]


def _stream_deadline_passed() -> ApiTimeoutError:
    error = ApiTimeoutError(reason="the stream deadline (Configuration.stream_deadline) passed while reading the body")
    error.request_sent = True
    return error


def _positive_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


class LineSplitter:
    """Cuts pieces of a body into lines, without their ``\\n`` or ``\\r\\n``, for both kinds of stream."""

    __slots__ = ("_pending",)

    def __init__(self) -> None:
        self._pending = b""

    def feed(self, chunk: bytes) -> List[bytes]:
        """The lines ``chunk`` ends; what follows the last line end waits for the next piece."""
        lines = (self._pending + chunk).split(b"\n")
        self._pending = lines.pop()
        return [line[:-1] if line.endswith(b"\r") else line for line in lines]

    def end(self) -> List[bytes]:
        """The last line, when the body does not end with a line end."""
        pending = self._pending
        self._pending = b""
        return [pending[:-1] if pending.endswith(b"\r") else pending] if pending else []


class StreamingResponse(io.RawIOBase):
    """A successful answer whose body has not been read yet.

    Read it with ``iter_bytes()``, ``iter_lines()``, ``read()``, or as a
    binary file (it is an ``io.RawIOBase``: ``io.BufferedReader``,
    ``shutil.copyfileobj`` and ``csv`` over ``io.TextIOWrapper`` work). Use it
    in a ``with`` block, or call ``close()``: a body read to its end gives its
    connection back to the pool, one left unread closes it.

    What code written for the raw responses of earlier clients uses keeps
    working: ``status``, ``reason``, ``headers``, ``data`` (the whole body,
    read on first use), ``getheaders()``, ``getheader()``, ``release_conn()``
    and ``stream()`` of urllib3, ``content`` and ``iter_content()`` of requests.

    Attributes:
        status, reason, headers: the status line and the headers (a
            case-insensitive mapping).
        bytes_read: body bytes handed out so far (after any
            ``Content-Encoding`` was decoded).
    """

    def __init__(
        self,
        status: int,
        reason: str,
        headers: Mapping[str, str],
        pull: Pull,
        release: Callable[[bool], None],
        *,
        expires_at: Optional[float] = None,
        sensitive: bool = False,
    ) -> None:
        super().__init__()
        self.status = status
        self.reason = reason
        self.headers = headers
        self.bytes_read = 0
        self._pull = pull
        self._release: Optional[Callable[[bool], None]] = release
        self._expires_at = expires_at
        # The body may hold a secret (a token answer): errors must not quote it.
        self._sensitive = sensitive
        self._ended = False
        self._data: Optional[bytes] = None

    # -- what earlier generated clients returned

    @property
    def data(self) -> bytes:
        """The whole body (what is left of it, read now, then kept)."""
        if self._data is None:
            self._data = self.read()
        return self._data

    def getheaders(self) -> Mapping[str, str]:
        """All response headers (a case-insensitive mapping)."""
        return self.headers

    def getheader(self, name: str, default: Optional[str] = None) -> Optional[str]:
        """One response header, or ``default``."""
        return self.headers.get(name, default)

    @property
    def content(self) -> bytes:
        """The whole body, as ``requests.Response.content`` gives it (same as ``data``)."""
        return self.data

    def stream(self, amt: int = DEFAULT_CHUNK_SIZE, decode_content: Optional[bool] = None) -> Iterator[bytes]:
        """The body in pieces, as ``urllib3`` names it (same as ``iter_bytes``; always decoded)."""
        return self.iter_bytes(amt)

    def iter_content(self, chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[bytes]:
        """The body in pieces, as ``requests`` names it (same as ``iter_bytes``)."""
        return self.iter_bytes(chunk_size)

    def release_conn(self) -> None:
        """Let go of the connection (same as ``close()``)."""
        self.close()

    @property
    def content_length(self) -> Optional[int]:
        """The body's size from ``Content-Length``, or ``None`` when not given or encoded."""
        raw = self.headers.get("Content-Length")
        if raw is None or "content-encoding" in self.headers or not raw.strip().isdigit():
            return None
        return int(raw)

    # -- reading

    def iter_bytes(self, chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[bytes]:
        """The body, in pieces of at most ``chunk_size`` bytes, as they arrive."""
        if not _positive_int(chunk_size):
            raise ValueError("chunk_size must be a positive int")
        while True:
            chunk = self.read1(chunk_size)
            if not chunk:
                return
            yield chunk

    def iter_lines(self, chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[bytes]:
        """The body's lines, without their ``\\n`` or ``\\r\\n``; a last line without one too."""
        splitter = LineSplitter()
        for chunk in self.iter_bytes(chunk_size):
            yield from splitter.feed(chunk)
        yield from splitter.end()

    def readable(self) -> bool:
        """Always true: this is a stream to read."""
        return True

    def readinto(self, buffer: Any) -> int:
        """Read into ``buffer`` what arrives, at most its size; 0 at the end."""
        view = memoryview(buffer).cast("B")
        chunk = self.read1(len(view))
        view[: len(chunk)] = chunk
        return len(chunk)

    def read1(self, size: int = -1) -> bytes:
        """At most ``size`` bytes (``-1``: one piece of any size) from one read of the connection."""
        if self.closed:
            raise ValueError("read of a closed StreamingResponse")
        if self._ended:
            return b""
        if self._expires_at is not None and time.monotonic() >= self._expires_at:
            self._fail()
            raise _stream_deadline_passed()
        chunk = self._pull_checked(size if size and size > 0 else DEFAULT_CHUNK_SIZE)
        if not chunk:
            self._ended = True
            self._finish(True)
        self.bytes_read += len(chunk)
        return chunk

    def read(self, size: Optional[int] = -1) -> bytes:
        """``size`` bytes, fewer only at the end; everything left without ``size``."""
        wanted = -1 if size is None else size
        parts: List[bytes] = []
        count = 0
        while wanted < 0 or count < wanted:
            chunk = self.read1(DEFAULT_CHUNK_SIZE if wanted < 0 else min(wanted - count, DEFAULT_CHUNK_SIZE))
            if not chunk:
                break
            parts.append(chunk)
            count += len(chunk)
        return b"".join(parts)

    def readall(self) -> bytes:
        """Everything left of the body."""
        return self.read()

    def _pull_checked(self, size: int) -> bytes:
        failure: Optional[Exception] = None
        try:
            return self._pull(size)
        except ApiException:
            self._fail()
            raise
        except Exception as exc:  # the library's, or one it let through from http.client or ssl
            failure = exc
        except BaseException:
            self._fail()
            raise
        self._fail()
        error = wrap_urllib3_error(failure, None)
        if isinstance(error, ApiTimeoutError) and self._expires_at is not None and time.monotonic() >= self._expires_at:
            error = _stream_deadline_passed()
            error.__cause__ = failure
        if self._sensitive and quotes_answer(error):
            error.__cause__ = None
        raise error

    # -- the end

    def _fail(self) -> None:
        self._ended = True
        self._finish(False)

    def _finish(self, complete: bool) -> None:
        release, self._release = self._release, None
        if release is not None:
            release(complete)

    def close(self) -> None:
        """Give the connection back (body read to its end) or close it (body left unread)."""
        if not self.closed:
            self._finish(self._ended)
        super().close()

    def __repr__(self) -> str:
        state = "closed" if self.closed else ("read" if self._ended else "open")
        return f"<StreamingResponse {self.status} {self.reason} {state}, {self.bytes_read} bytes read>"


def _urllib3_parts(raw: urllib3.HTTPResponse, owner: Any) -> Tuple[Pull, Callable[[bool], None]]:
    decode = "content-encoding" in raw.headers

    def pull(size: int) -> bytes:
        return raw.read1(size, decode_content=decode)

    def release(complete: bool) -> None:
        if not complete:
            # Never drain a body nobody wants: it may be gigabytes long.
            raw.close()
        raw.release_conn()
        if owner is not None:
            owner.close()

    return pull, release


def _iterator_parts(response: Any) -> Tuple[Pull, Callable[[bool], None]]:
    chunks = response.iter_content(DEFAULT_CHUNK_SIZE)
    buffer = bytearray()

    def pull(size: int) -> bytes:
        while not buffer:
            piece = next(chunks, b"")
            if not piece:
                return b""
            buffer.extend(piece)
        taken = bytes(buffer[:size])
        del buffer[:size]
        return taken

    def release(complete: bool) -> None:
        response.close()

    return pull, release


def open_stream(raw: Any, stream_deadline: Optional[float] = None, *, sensitive: bool = False) -> StreamingResponse:
    """Wrap a transport's raw, unread 2xx response (urllib3's, or a ``requests.Response``).

    From now on its reads are bounded by the read timeout and, when given,
    by ``stream_deadline`` seconds for the whole body; no longer by the call
    deadline, which covered the wait for the headers. ``sensitive`` marks a
    body that may hold a secret: read errors then keep no library error that
    could quote it.
    """
    if isinstance(raw, StreamingResponse):
        return raw
    expires_at = time.monotonic() + stream_deadline if stream_deadline else None
    source: Any = raw
    body: Any = source if isinstance(source, urllib3.HTTPResponse) else getattr(source, "raw", None)
    if isinstance(body, urllib3.HTTPResponse):  # urllib3's, or the one inside a requests.Response
        _deadline_io.retarget(body, expires_at)
        pull, release = _urllib3_parts(body, None if body is source else source)
        status = body.status
    elif hasattr(source, "iter_content"):
        pull, release = _iterator_parts(source)
        status = int(getattr(source, "status_code"))  # noqa: B009 - any response-like object
    else:
        raise ApiConnectionError(reason=f"the transport returned a {type(raw).__name__}, which cannot be streamed")
    reason = str(source.reason or "")
    return StreamingResponse(status, reason, source.headers, pull, release, expires_at=expires_at, sensitive=sensitive)
