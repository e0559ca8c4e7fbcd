"""The HTTP server of the sandbox and its request handler: reading, recording, dispatching, writing."""

from __future__ import annotations

import socket
import socketserver
import struct
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Set, Tuple
from urllib.parse import parse_qs, urlsplit

from criteo_api_marketingsolutions_v2020_10.sandbox.fault_answers import echo_response
from criteo_api_marketingsolutions_v2020_10.sandbox.faults import Fault
from criteo_api_marketingsolutions_v2020_10.sandbox.hostile import framing, send_continues, write_fault_answer
from criteo_api_marketingsolutions_v2020_10.sandbox.recording import Headers, RecordedRequest
from criteo_api_marketingsolutions_v2020_10.sandbox.responses import (
    ApiError,
    ErrorStyle,
    Response,
    error_response,
    status_slug,
    status_title,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.settings import MAX_BODY_BYTES
from criteo_api_marketingsolutions_v2020_10.sandbox.streaming import send_pieces, wire_body
from criteo_api_marketingsolutions_v2020_10.sandbox.wire import SERVER_VERSION, Link, build_head

if TYPE_CHECKING:
    from criteo_api_marketingsolutions_v2020_10.sandbox.server import Sandbox

#: A refused body up to this size is read and dropped before the 413, so that a client still sending
#: it reads the answer instead of a connection reset; a larger one is refused unread.
MAX_DISCARDED_BYTES = 256 * 1024 * 1024
#: Idle keep-alive connections are closed after this many seconds.
KEEP_ALIVE_TIMEOUT = 120.0


class SandboxServer(ThreadingHTTPServer):
    """One thread per connection; tracks connections so that ``stop()`` can close them."""

    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    request_queue_size = 1024  # async clients and benchmarks open hundreds of connections at once
    timeout = 0.5  # bounds handle_request(); serve_forever() polls on its own interval

    def __init__(self, address: Tuple[str, int], sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self._connections: Set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        self._closing = False
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, RequestHandler)

    def server_bind(self) -> None:
        """Bind without the FQDN lookup of ``HTTPServer``, which can take seconds and serves no purpose here."""
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), self.server_address[1]

    def track(self, connection: socket.socket) -> None:
        """Remember an open connection (or drop it at once if the server is closing)."""
        with self._connections_lock:
            if self._closing:
                _quietly_shutdown(connection)
            self._connections.add(connection)

    def untrack(self, connection: socket.socket) -> None:
        """Forget a connection that has ended."""
        with self._connections_lock:
            self._connections.discard(connection)

    def close_connections(self) -> None:
        """Shut every open connection, waking up handlers blocked on reads."""
        with self._connections_lock:
            self._closing = True
            connections = list(self._connections)
        for connection in connections:
            _quietly_shutdown(connection)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay silent: clients hanging up mid-request are normal here, and tracebacks could carry request data."""


def _quietly_shutdown(connection: socket.socket) -> None:
    try:
        connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class RequestHandler(BaseHTTPRequestHandler):
    """Reads a request, records it, applies a scripted fault if any, and writes the answer."""

    protocol_version = "HTTP/1.1"  # keep-alive; every response carries Content-Length or is chunked
    server_version = SERVER_VERSION
    sys_version = ""
    timeout = KEEP_ALIVE_TIMEOUT
    disable_nagle_algorithm = True
    server: SandboxServer  # pyright: ignore[reportIncompatibleVariableOverride]

    _abort_with_reset = False

    def setup(self) -> None:
        """Set up the streams and register the connection with the server."""
        super().setup()
        self.server.track(self.connection)

    def finish(self) -> None:
        """Flush and close, or abort with a TCP reset when a fault asked for one."""
        try:
            if self._abort_with_reset:
                # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.rfile.close()
                self.connection.close()
            else:
                super().finish()
        except OSError:
            pass
        finally:
            self.server.untrack(self.connection)

    def log_message(self, format: str, *args: Any) -> None:
        """Silenced: request lines can carry ids, and nothing should reach stderr."""

    def do_GET(self) -> None:
        """Every method goes through one entry point (see ``__getattr__`` for the others)."""
        self._serve()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_GET

    def __getattr__(self, name: str) -> Any:
        """Any other method token (``TRACE``, ``QUERY``, made-up ones) is served too: 405 with ``Allow``, never 501."""
        if name.startswith("do_"):
            return self.do_GET
        raise AttributeError(name)

    def _serve(self) -> None:
        sandbox = self.server.sandbox
        try:
            target = urlsplit(self.path)
            path = target.path or "/"
            query = parse_qs(target.query, keep_blank_values=True)
            headers = Headers(self.headers.items())
            body, refusal = self._read_body(path)
            sandbox._log.record(RecordedRequest(self.command, path, query, headers, body))  # pyright: ignore[reportPrivateUsage]
            if refusal is not None:
                self.close_connection = True
                self._write(refusal)
                return
            fault = sandbox._faults.take(path)  # pyright: ignore[reportPrivateUsage]
            if fault is None:
                self._write(sandbox._respond(self.command, path, query, headers, body))  # pyright: ignore[reportPrivateUsage]
            else:
                self._serve_fault(fault, path, query, headers, body)
        except OSError:
            self.close_connection = True  # the client went away
        except Exception:
            self.close_connection = True
            failure = ApiError(500, "internal-error", "The sandbox failed to answer.", type="availability")
            try:
                self._write(error_response(ErrorStyle.CRITEO, failure, ""))
            except OSError:
                pass

    def _serve_fault(self, fault: Fault, path: str, query: Dict[str, List[str]], headers: Headers, body: bytes) -> None:
        link = self._prelude(fault)
        if link is None:
            self.close_connection = True
            return
        response = self._fault_answer(fault, path, query, headers, body)
        length, pieces = framing(fault, response, self.command == "HEAD")
        if fault.stall:
            self.close_connection = True  # announced in the head: the body never comes
            if not response.chunked:
                length = max(length or 0, 1)
        head = self._head(response, length, fault.reason)
        if not write_fault_answer(link, fault, head, pieces) or response.status < 200:
            self.close_connection = True

    def _prelude(self, fault: Fault) -> Optional[Link]:
        """Delay, reset, raw bytes and interim responses; the link to answer on, or ``None`` when done."""
        sandbox = self.server.sandbox
        if fault.delay and sandbox._stopping.wait(fault.delay):  # pyright: ignore[reportPrivateUsage]
            return None
        if fault.reset:
            self._abort_with_reset = True
            return None
        limit = sandbox.stall_limit if fault.stall_limit is None else fault.stall_limit
        link = Link(self.connection, self.wfile, sandbox._stopping, time.monotonic() + limit)  # pyright: ignore[reportPrivateUsage]
        if fault.raw is not None:
            link.send(fault.raw)
            return None
        if fault.continues and not send_continues(link, fault):
            return None
        return link

    def _fault_answer(
        self, fault: Fault, path: str, query: Dict[str, List[str]], headers: Headers, body: bytes
    ) -> Response:
        """The response a fault answers with, before any misbehaviour in the writing."""
        sandbox = self.server.sandbox
        if fault.echo:
            response = echo_response(fault, path, headers, body)
        elif fault.status is None:
            response = sandbox._respond(self.command, path, query, headers, body)  # pyright: ignore[reportPrivateUsage]
            response.headers.update(fault.headers or {})
        else:
            response = sandbox._fault_response(fault, path)  # pyright: ignore[reportPrivateUsage]
        if fault.content_type is not None:
            response.content_type = fault.content_type
        return response

    # -- reading -------------------------------------------------------------------------

    def _read_body(self, path: str) -> Tuple[bytes, Optional[Response]]:
        """The request body, or a refusal (400 unreadable, 413 too large) when it cannot be taken."""
        limit = self.server.sandbox._settings.body_limit(path)  # pyright: ignore[reportPrivateUsage]
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked(path, limit)
        raw_length = self.headers.get("Content-Length")
        if raw_length is None:
            return b"", None
        if not raw_length.strip().isdigit():
            return b"", plain_error(400, "Content-Length is not a valid length.")
        length = int(raw_length)
        if length > limit:
            if length <= MAX_DISCARDED_BYTES:
                self._discard(length)  # so that the client, still sending, gets to read the refusal
            return b"", too_large(path, limit)
        body = self.rfile.read(length)
        if len(body) < length:
            raise ConnectionError("the client closed the connection mid-body")
        return body, None

    def _discard(self, length: int) -> None:
        while length > 0:
            block = self.rfile.read(min(length, 65536))
            if not block:
                return
            length -= len(block)

    def _read_chunked(self, path: str, limit: int) -> Tuple[bytes, Optional[Response]]:
        chunks: List[bytes] = []
        total = 0
        while True:
            line = self.rfile.readline(1024)
            try:
                size = int(line.split(b";", 1)[0].strip(), 16)
            except ValueError:
                return b"", plain_error(400, "The chunked body could not be read.")
            if size == 0:
                while self.rfile.readline(8192) not in (b"\r\n", b"\n", b""):
                    pass  # skip trailers
                return (b"".join(chunks), None) if total <= limit else (b"", too_large(path, limit))
            total += size
            if total > MAX_DISCARDED_BYTES:
                return b"", too_large(path, limit)
            if total <= limit:
                chunks.append(self.rfile.read(size))
            else:  # keep reading, and dropping, so that the client gets to read the refusal
                chunks.clear()
                self._discard(size)
            self.rfile.readline(8)  # the CRLF ending the chunk

    # -- writing -------------------------------------------------------------------------

    def _head(self, response: Response, length: Optional[int], reason: Optional[str] = None) -> bytes:
        if response.status == HTTPStatus.UNAUTHORIZED:
            self.server.sandbox._log.count_unauthorized()  # pyright: ignore[reportPrivateUsage]
        return build_head(response, length, close=self.close_connection, reason=reason)

    def _write(self, response: Response) -> None:
        if response.stream is not None:
            self._write_stream(response)
            return
        body = b"" if self.command == "HEAD" else response.body
        # One write for head and body, so no small segment waits on a delayed ACK.
        self.wfile.write(self._head(response, len(response.body)) + body)

    def _write_stream(self, response: Response) -> None:
        """A streamed body, produced while it is written; a stop of the sandbox ends it between two pieces."""
        head = self._head(response, response.length)
        pieces = wire_body(response, head_request=self.command == "HEAD")
        stopping = self.server.sandbox._stopping  # pyright: ignore[reportPrivateUsage]
        try:
            complete = send_pieces(self.wfile, head, pieces, stopping)
        except OSError:
            raise
        except Exception:  # a failure mid-body: with the head out, closing is the only signal left
            complete = False
        if not complete:
            self.close_connection = True

    def send_error(self, code: int, message: Optional[str] = None, explain: Optional[str] = None) -> None:
        """Errors found by the base class while parsing (bad request line, huge headers...), as JSON."""
        self.close_connection = True
        try:
            self._write(plain_error(code, status_title(code) + "."))
        except OSError:
            pass


def plain_error(status: int, detail: str) -> Response:
    """A Criteo-style error answer with no instance, for requests that could not be read."""
    return error_response(ErrorStyle.CRITEO, ApiError(status, status_slug(status), detail), "")


def too_large(path: str, limit: int) -> Response:
    """The 413 for a body over ``limit`` bytes: Criteo-style, naming the path where it has its own limit."""
    if limit == MAX_BODY_BYTES:
        return plain_error(413, f"Request bodies are limited to {MAX_BODY_BYTES} bytes.")
    error = ApiError(413, "payload-too-large", f"Request bodies sent to {path} are limited to {limit} bytes.")
    return error_response(ErrorStyle.CRITEO, error, path)
