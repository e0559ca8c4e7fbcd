"""The HTTP side of the sandbox: the server, request reading, fault injection and response writing."""

from __future__ import annotations

import math
import select
import socket
import socketserver
import struct
import sys
import threading
import time
from email.utils import formatdate
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, Iterable, List, Optional, Set, TextIO, Tuple, Union
from urllib.parse import parse_qs, urlsplit

from criteo_api_marketingsolutions_v2020_10.sandbox.api import api_router
from criteo_api_marketingsolutions_v2020_10.sandbox.auth import (
    DEFAULT_TOKEN_LIFETIME,
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    TOKEN_PATH,
    TokenAuthority,
    TokenState,
    unauthorized_response,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.faults import Fault, FaultLike, FaultScript
from criteo_api_marketingsolutions_v2020_10.sandbox.recording import (
    DEFAULT_MAX_RECORDED,
    Headers,
    RecordedRequest,
    RequestLog,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.responses import (
    JSON_CONTENT_TYPE,
    ApiError,
    ErrorStyle,
    Response,
    error_response,
    json_response,
    new_trace_id,
    status_slug,
    status_title,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.routing import ApiRequest, method_not_allowed, not_found
from criteo_api_marketingsolutions_v2020_10.sandbox.world import World

#: Request bodies larger than this are refused with 413.
MAX_BODY_BYTES = 1024 * 1024
#: How long a stalled response waits for the client to give up, in seconds.
STALL_LIMIT = 5.0
#: Idle keep-alive connections are closed after this many seconds.
KEEP_ALIVE_TIMEOUT = 120.0
#: Advertised by 429 faults in ``x-ratelimit-limit``.
RATE_LIMIT_PER_MINUTE = 250


class Sandbox:
    """A local fake of the Criteo Marketing Solutions API, served over HTTP on a background thread.

    Use it as a context manager (or call ``start()`` and ``stop()``)::

        with Sandbox() as sandbox:
            token = sandbox.issue_token()
            ...  # point a client at sandbox.url

    Args:
        host: interface to listen on.
        port: TCP port; ``0`` picks a free one.
        token_lifetime: seconds a token issued by the token endpoint lives.
        max_recorded: most requests kept in ``requests`` (oldest dropped first);
            ``None`` keeps them all.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        token_lifetime: float = DEFAULT_TOKEN_LIFETIME,
        *,
        max_recorded: Optional[int] = DEFAULT_MAX_RECORDED,
    ) -> None:
        self.host = host
        self.port = port
        #: The seeded data, changed by the API calls; see ``docs/Sandbox.md`` for its ids.
        self.world = World()
        self._authority = TokenAuthority(token_lifetime)
        self._log = RequestLog(max_recorded)
        self._faults = FaultScript()
        self._router = api_router()
        self._server: Optional[_Server] = None
        self._thread: Optional[threading.Thread] = None
        self._stopping = threading.Event()

    # -- lifecycle -----------------------------------------------------------

    def start(self) -> Sandbox:
        """Bind and serve in a background thread; returns ``self``."""
        if self._server is not None:
            raise RuntimeError("the sandbox is already running")
        self._stopping = threading.Event()
        server = _Server((self.host, self.port), self)
        self.port = server.server_address[1]
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"criteo-sandbox-{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and drop every open connection; quick even when a fault is stalling a response."""
        server, thread = self._server, self._thread
        if server is None:
            return
        self._stopping.set()  # wakes up delays, stalls and trickles
        server.shutdown()
        server.close_connections()
        server.server_close()
        if thread is not None:
            thread.join(timeout=1.0)
        self._server = self._thread = None

    @property
    def running(self) -> bool:
        """Whether the sandbox is serving."""
        return self._server is not None

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc_info: Any) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """Base URL of the running sandbox, e.g. ``http://127.0.0.1:54321`` (no trailing slash)."""
        if self._server is None:
            raise RuntimeError("the sandbox is not running; call start() or use it in a with block")
        host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(self.host, self.host)
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    # -- clients and tokens ----------------------------------------------------

    def register_client(self, client_id: str, client_secret: str) -> None:
        """Let another client obtain tokens (the demo client is always registered)."""
        self._authority.register_client(client_id, client_secret)

    @property
    def token_lifetime(self) -> float:
        """Seconds tokens issued from now on live (announced as ``expires_in``)."""
        return self._authority.token_lifetime

    @token_lifetime.setter
    def token_lifetime(self, seconds: float) -> None:
        self._authority.token_lifetime = seconds

    def issue_token(self, lifetime: Optional[float] = None) -> str:
        """Mint a valid access token directly, without a token request (not counted)."""
        return self._authority.issue(lifetime)[0]

    def revoke_all_tokens(self) -> None:
        """Make every token issued so far answer 401; new tokens work."""
        self._authority.revoke_all()

    # -- what the sandbox saw ------------------------------------------------------

    @property
    def requests(self) -> List[RecordedRequest]:
        """The requests received so far (a copy), oldest first."""
        return self._log.snapshot()

    @property
    def token_requests(self) -> int:
        """Requests received at ``/oauth2/token``."""
        return self._log.token_requests

    @property
    def api_requests(self) -> int:
        """Requests received anywhere else."""
        return self._log.api_requests

    @property
    def unauthorized_responses(self) -> int:
        """401 responses sent."""
        return self._log.unauthorized_responses

    def reset_counters(self) -> None:
        """Forget the recorded requests and zero the counters."""
        self._log.reset()

    # -- faults and data --------------------------------------------------------------

    def script(self, path: str, faults: Union[FaultLike, Iterable[FaultLike]]) -> None:
        """Serve ``faults`` to the next requests to ``path`` (any method), in order.

        ``path`` is matched exactly, without query string; ``"*"`` applies to
        every path that has no faults of its own queued. Bare status codes are
        accepted: ``[503, 503]`` means two ``Fault(status=503)``. Normal
        service resumes once the faults are used up.
        """
        self._faults.add(path, faults)

    def clear_script(self, path: Optional[str] = None) -> None:
        """Drop the faults still queued for ``path``, or for every path."""
        self._faults.clear(path)

    def pending_faults(self, path: str) -> int:
        """How many requests to ``path`` (``"*"`` for the catch-all queue) will still get a fault."""
        return self._faults.pending(path)

    def reset_world(self) -> None:
        """Undo every change made through the API: back to the seed."""
        self.world.reset()

    # -- answering ---------------------------------------------------------------------

    def _respond(self, method: str, path: str, query: Dict[str, List[str]], headers: Headers, body: bytes) -> Response:
        """The normal answer to a request."""
        if path == TOKEN_PATH:
            if method != "POST":
                return _with_allow(
                    error_response(ErrorStyle.CRITEO, method_not_allowed(method, ["POST"]), path), ["POST"]
                )
            return self._authority.token_endpoint(headers.get("Content-Type"), body, headers.get("Authorization"))
        route, params, allowed = self._router.resolve(method, path)
        if route is None:
            if allowed:
                return _with_allow(
                    error_response(ErrorStyle.CRITEO, method_not_allowed(method, allowed), path), allowed
                )
            return error_response(ErrorStyle.CRITEO, not_found(path), path)
        state = self._authority.check_authorization(headers.get("Authorization"))
        if state is not TokenState.VALID:
            return unauthorized_response(state, path)
        try:
            return route.handler(self.world, ApiRequest(method, path, params, query, headers, body))
        except ApiError as error:
            return error_response(route.style, error, path)
        except Exception:  # a bug in a handler must not take the connection down
            failure = ApiError(500, "internal-error", "The sandbox failed to answer.", type="availability")
            return error_response(route.style, failure, path)

    def _fault_response(self, fault: Fault, path: str) -> Response:
        """The answer a fault with a status gives, with a body in the style of the endpoint when it has none."""
        status = fault.status
        assert status is not None
        body = fault.body_bytes()
        user_headers = {k.lower(): v for k, v in (fault.headers or {}).items()}
        if status == 429:
            response = json_response(_quota_error(path), 429, _rate_limit_headers(user_headers.get("retry-after")))
        elif status == 401 and path != TOKEN_PATH:
            response = unauthorized_response(TokenState.UNKNOWN, path)
        elif path == TOKEN_PATH and status >= 400:
            error = "invalid_request" if status < 500 else "temporarily_unavailable"
            response = json_response({"error": error, "error_description": status_title(status)}, status)
        elif status >= 400:
            problem = ApiError(
                status,
                status_slug(status),
                f"Scripted {status} response.",
                type="availability" if status >= 500 else "validation",
            )
            response = error_response(ErrorStyle.CRITEO, problem, path)
        else:
            response = Response(status, b"", JSON_CONTENT_TYPE)
        if body is not None:
            response.body = body
        response.headers.update(fault.headers or {})
        return response


def _with_allow(response: Response, allowed: List[str]) -> Response:
    response.headers["Allow"] = ", ".join(allowed)
    return response


def _quota_error(path: str) -> Dict[str, Any]:
    item = {
        "traceId": new_trace_id(),
        "type": "quota",
        "code": "too-many-requests",
        "instance": path,
        "title": "Too Many Requests",
        "detail": "The API rate limit was exceeded; retry after the time in x-ratelimit-reset.",
    }
    return {"errors": [item], "warnings": []}


def _rate_limit_headers(retry_after: Optional[str]) -> Dict[str, str]:
    """Criteo's rate-limit headers; the reset time agrees with a scripted ``Retry-After`` if any."""
    try:
        wait = float(retry_after) if retry_after is not None else 1.0
    except ValueError:
        wait = 1.0
    if not math.isfinite(wait) or wait < 0:  # a scripted header may be garbage on purpose
        wait = 1.0
    return {
        "x-ratelimit-limit": str(RATE_LIMIT_PER_MINUTE),
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": str(math.ceil(time.time() + wait)),
    }


class _Server(ThreadingHTTPServer):
    """One thread per connection; tracks connections so that ``stop()`` can close them."""

    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    request_queue_size = 128  # benchmarks open many connections at once
    timeout = 0.5  # bounds handle_request(); serve_forever() polls on its own interval

    def __init__(self, address: Tuple[str, int], sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self._connections: Set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        self._closing = False
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks up the host's FQDN, which can take
        # seconds on some networks; the sandbox has no use for it.
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
        # Clients hanging up mid-request are normal here (faults provoke it);
        # never print tracebacks, which could also carry request data.
        pass


def _quietly_shutdown(connection: socket.socket) -> None:
    try:
        connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


_date_cache: List[Any] = [0, ""]


def _http_date() -> str:
    """The ``Date`` header value, computed at most once per second."""
    now = int(time.time())
    if _date_cache[0] != now:
        _date_cache[0], _date_cache[1] = now, formatdate(now, usegmt=True)
    return str(_date_cache[1])


class _Handler(BaseHTTPRequestHandler):
    """Reads a request, records it, applies a scripted fault if any, and writes the answer."""

    protocol_version = "HTTP/1.1"  # keep-alive; every response carries Content-Length
    server_version = "CriteoSandbox/1.0"
    sys_version = ""
    timeout = KEEP_ALIVE_TIMEOUT
    disable_nagle_algorithm = True
    server: _Server

    _abort_with_reset = False

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection)

    def finish(self) -> None:
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

    # Every method goes through one entry point; unknown ones get 501 from the base class.
    def do_GET(self) -> None:
        self._serve()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_GET

    def _serve(self) -> None:
        sandbox = self.server.sandbox
        try:
            target = urlsplit(self.path)
            path = target.path or "/"
            query = parse_qs(target.query, keep_blank_values=True)
            headers = Headers(self.headers.items())
            body, refusal = self._read_body()
            sandbox._log.record(RecordedRequest(self.command, path, query, headers, body))
            if refusal is not None:
                self.close_connection = True
                self._write(refusal)
                return
            fault = sandbox._faults.take(path)
            if fault is None:
                self._write(sandbox._respond(self.command, path, query, headers, body))
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
        sandbox = self.server.sandbox
        if fault.delay and sandbox._stopping.wait(fault.delay):
            self.close_connection = True
            return
        if fault.reset:
            self._abort_with_reset = True
            self.close_connection = True
            return
        if fault.status is None:
            response = sandbox._respond(self.command, path, query, headers, body)
            response.headers.update(fault.headers or {})
        else:
            response = sandbox._fault_response(fault, path)
        if fault.stall:
            self._write_stalled(response)
        elif fault.trickle is not None:
            self._write_trickled(response, fault.trickle)
        else:
            self._write(response)

    # -- reading -------------------------------------------------------------------------

    def _read_body(self) -> Tuple[bytes, Optional[Response]]:
        """The request body, or a refusal (400 unreadable, 413 too large) when it cannot be taken."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked()
        raw_length = self.headers.get("Content-Length")
        if raw_length is None:
            return b"", None
        if not raw_length.strip().isdigit():
            return b"", _plain_error(400, "Content-Length is not a valid length.")
        length = int(raw_length)
        if length > MAX_BODY_BYTES:
            return b"", _plain_error(413, f"Request bodies are limited to {MAX_BODY_BYTES} bytes.")
        body = self.rfile.read(length)
        if len(body) < length:
            raise ConnectionError("the client closed the connection mid-body")
        return body, None

    def _read_chunked(self) -> Tuple[bytes, Optional[Response]]:
        chunks: List[bytes] = []
        total = 0
        while True:
            line = self.rfile.readline(1024)
            try:
                size = int(line.split(b";", 1)[0].strip(), 16)
            except ValueError:
                return b"", _plain_error(400, "The chunked body could not be read.")
            if size == 0:
                while self.rfile.readline(8192) not in (b"\r\n", b"\n", b""):
                    pass  # skip trailers
                return b"".join(chunks), None
            total += size
            if total > MAX_BODY_BYTES:
                return b"", _plain_error(413, f"Request bodies are limited to {MAX_BODY_BYTES} bytes.")
            chunks.append(self.rfile.read(size))
            self.rfile.readline(8)  # the CRLF ending the chunk

    # -- writing -------------------------------------------------------------------------

    def _head(self, response: Response, length: int) -> bytes:
        if response.status == HTTPStatus.UNAUTHORIZED:
            self.server.sandbox._log.count_unauthorized()
        merged: Dict[str, Tuple[str, str]] = {
            "server": ("Server", self.server_version),
            "date": ("Date", _http_date()),
        }
        if response.content_type:
            merged["content-type"] = ("Content-Type", response.content_type)
        for name, value in response.headers.items():
            # Header values come partly from test scripts: never let them split the response.
            merged[name.lower()] = (name, str(value).replace("\r", " ").replace("\n", " "))
        merged["content-length"] = ("Content-Length", str(length))
        if self.close_connection:
            merged["connection"] = ("Connection", "close")
        lines = [f"HTTP/1.1 {response.status} {status_title(response.status)}"]
        lines.extend(f"{name}: {value}" for name, value in merged.values())
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")

    def _write(self, response: Response) -> None:
        body = b"" if self.command == "HEAD" else response.body
        # One write for head and body, so no small segment waits on a delayed ACK.
        self.wfile.write(self._head(response, len(response.body)) + body)

    def _write_stalled(self, response: Response) -> None:
        """Promise a body, then send none until the client gives up, the limit passes or the sandbox stops."""
        self.close_connection = True
        self.wfile.write(self._head(response, max(len(response.body), 1)))
        stopping = self.server.sandbox._stopping
        deadline = time.monotonic() + STALL_LIMIT
        while time.monotonic() < deadline and not stopping.is_set():
            readable, _, _ = select.select([self.connection], [], [], 0.05)
            if readable:
                try:
                    if not self.connection.recv(1, socket.MSG_PEEK):
                        return  # the client hung up
                except OSError:
                    return
                stopping.wait(0.05)  # the client sent more: keep waiting, without spinning

    def _write_trickled(self, response: Response, interval: float) -> None:
        """Send the head, then the body one byte at a time."""
        self.wfile.write(self._head(response, len(response.body)))
        if self.command == "HEAD":
            return
        stopping = self.server.sandbox._stopping
        for index in range(len(response.body)):
            if stopping.wait(interval):
                self.close_connection = True
                return
            self.wfile.write(response.body[index : index + 1])

    def send_error(self, code: int, message: Optional[str] = None, explain: Optional[str] = None) -> None:
        """Errors found by the base class while parsing (bad request line, huge headers...), as JSON."""
        self.close_connection = True
        try:
            self._write(_plain_error(code, status_title(code) + "."))
        except OSError:
            pass


def _plain_error(status: int, detail: str) -> Response:
    return error_response(ErrorStyle.CRITEO, ApiError(status, status_slug(status), detail), "")


def serve(
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    token_lifetime: float = DEFAULT_TOKEN_LIFETIME,
    out: Optional[TextIO] = None,
    ready: Optional[threading.Event] = None,
    stop: Optional[threading.Event] = None,
) -> None:
    """Run a sandbox in the foreground until Ctrl+C, printing its URL and the demo credentials.

    ``out`` receives the banner (standard output by default). ``ready`` is set
    once the sandbox listens; setting ``stop`` ends it as Ctrl+C would.
    """
    stream = out if out is not None else sys.stdout
    sandbox = Sandbox(host, port, token_lifetime).start()
    try:
        print(f"Criteo API sandbox listening on {sandbox.url}", file=stream)
        print(f"  client_id:     {DEMO_CLIENT_ID}", file=stream)
        print(f"  client_secret: {DEMO_CLIENT_SECRET}", file=stream)
        print("Press Ctrl+C to stop.", file=stream, flush=True)
        if ready is not None:
            ready.set()
        waiter = stop if stop is not None else threading.Event()
        while not waiter.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
