"""One HTTP/1.1 connection on asyncio's own transports, and the pool that lends them.

``Http11Connection`` is an ``asyncio.Protocol``: the loop hands it bytes,
``_http11.ResponseParser`` makes sense of them, and the coroutine of the
call waits on one future at a time. It keeps the read timeout and the call
deadline itself with one timer per connection, moved on lazily: data
arriving only records when it came, and the timer, when it fires early,
sets itself again for the time left, so most calls set no timer at all.
Body bytes waiting to be read past ``HIGH_WATER`` pause the socket, so a
fast server cannot fill memory while a slow reader writes to disk; so does
a flood of tiny chunks, which the parser reads a bounded number at a time
(``ResponseParser.backlog``) so the event loop runs in between.

``ConnectionPool`` caps the connections in use (coroutines past the cap
wait, bounded by the call deadline of the caller), keeps idle ones per
origin, newest first, and drops those idle longer than ``KEEPALIVE``.
"""

from __future__ import annotations

import asyncio
import select
from typing import Awaitable, Callable, Dict, Hashable, List, Optional, Tuple

from criteo_api_marketingsolutions_v2020_10._http11 import InvalidResponse, ResponseHead, ResponseParser
from criteo_api_marketingsolutions_v2020_10._transport_errors import deadline_passed
from criteo_api_marketingsolutions_v2020_10.aio._streaming import within

__all__ = ["ConnectionClosed", "ConnectionPool", "DeadlineReached", "Http11Connection", "ReadTimeout"]

#: Body bytes held before the socket is paused, and the level at which it reads again.
HIGH_WATER = 1024 * 1024
LOW_WATER = 256 * 1024
#: Seconds an idle connection is kept; servers close theirs after a while, often without a word.
KEEPALIVE = 15.0


class ConnectionClosed(Exception):
    """The connection ended before the answer did."""


class ReadTimeout(asyncio.TimeoutError):
    """No byte of the answer arrived within the read timeout."""


class DeadlineReached(asyncio.TimeoutError):
    """The call deadline passed while the answer was awaited."""


class Http11Connection(asyncio.Protocol):
    """A keep-alive HTTP/1.1 connection carrying one exchange at a time."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.transport: Optional[asyncio.Transport] = None
        self.idle_since = 0.0
        self._loop = loop
        self._parser: Optional[ResponseParser] = None
        self._waiter: Optional[asyncio.Future[None]] = None
        self._failure: Optional[Exception] = None
        self._closed = False
        self._paused = False
        self._read_timeout: Optional[float] = None
        self._last_data = 0.0
        self._timer: Optional[asyncio.TimerHandle] = None
        self._timer_due = 0.0
        self.deadline: Optional[float] = None  # loop.time() by which every wait of the exchange ends
        self._lost: Optional[Tuple[Optional[Exception]]] = None  # how it ended, while held-back input is read

    # -- what the loop calls

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        """Keep the transport the loop made."""
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        """Feed the answer's parser; a server speaking while no request is out spoils the connection."""
        parser = self._parser
        if parser is None:
            self._fail(InvalidResponse("the server sent bytes while no request was waiting"))
            return
        self._last_data = self._loop.time()
        try:
            parser.feed(data)
        except InvalidResponse as exc:
            self._fail(exc)
            return
        self._after_input(parser)

    def _after_input(self, parser: ResponseParser) -> None:
        if parser.backlog:  # the parser stopped within its budget: go on at the loop's next turn
            self._loop.call_soon(self._work_backlog, parser)
        self._set_reading(full=parser.buffered > HIGH_WATER, backlog=parser.backlog)
        self._wake()

    def _work_backlog(self, parser: ResponseParser) -> None:
        if parser is not self._parser or not parser.backlog:
            return
        try:
            parser.resume()
        except InvalidResponse as exc:
            self._fail(exc)
            return
        self._after_input(parser)
        if self._lost is not None and not parser.backlog:  # the connection had ended meanwhile
            (lost,), self._lost = self._lost, None
            self._end_input(lost)

    def _set_reading(self, *, full: bool, backlog: bool) -> None:
        """Pause the socket while body bytes pile up or the parser has input left, and only then."""
        pause = full or backlog
        if pause != self._paused and self.transport is not None and not self.transport.is_closing():
            self._paused = pause
            if pause:
                self.transport.pause_reading()
            else:
                self.transport.resume_reading()

    def eof_received(self) -> Optional[bool]:
        """The server finished sending: that ends a body framed by the connection's end, or breaks the answer."""
        parser = self._parser
        if parser is not None:
            try:
                parser.feed_eof()
            except InvalidResponse as exc:
                self._fail(exc)
        self._wake()
        return False  # closes the transport

    def connection_lost(self, exc: Optional[Exception]) -> None:
        """Note the end, and wake a waiter with it, once the input held back is read (over later turns)."""
        self._closed = True
        parser = self._parser
        if parser is not None and parser.backlog and self._failure is None:
            self._lost = (exc,)  # bytes already in are still the answer's: ended once they are read
            return
        self._end_input(exc)

    def _end_input(self, exc: Optional[Exception]) -> None:
        parser = self._parser
        if parser is not None and not parser.complete and self._failure is None:
            try:
                # A clean end ends a body framed by it (TLS may close without an EOF first); a broken one never
                # does.
                if exc is None:
                    parser.feed_eof()
            except InvalidResponse as failure:
                self._failure = failure
        if self._failure is None:
            self._failure = ConnectionClosed(f"the connection ended: {type(exc).__name__ if exc else 'closed'}")
            self._failure.__cause__ = exc
        self._wake()

    # -- the exchange

    def start(self, method: str, data: bytes, read_timeout: Optional[float], deadline: Optional[float] = None) -> None:
        """Send a request (its head and body in ``data``); its answer is read with ``head`` and ``read``, every
        wait bounded by ``read_timeout`` (seconds without data) and ``deadline`` (``loop.time()``)."""
        self._parser = ResponseParser(method)
        self._read_timeout = read_timeout
        self.deadline = deadline

        self._last_data = self._loop.time()
        assert self.transport is not None
        self.transport.write(data)

    def send(self, data: bytes) -> None:
        """Send more of the request (a large body, after its head)."""
        assert self.transport is not None
        self.transport.write(data)

    async def head(self) -> ResponseHead:
        """The answer's status line and headers, once they are in."""
        parser = self._exchange()
        while parser.head is None:
            await self._wait()
        return parser.head

    async def read(self, size: int = -1) -> bytes:
        """Up to ``size`` (``-1``: all that is in) body bytes, as soon as some are in; ``b""`` at the end."""
        parser = self._exchange()
        while not parser.buffered and not parser.complete:
            await self._wait()
        data = parser.take_body(size)
        if self._paused and parser.buffered < LOW_WATER:
            self._set_reading(full=False, backlog=parser.backlog)
        return data

    def on_its_loop(self) -> bool:
        """Whether the caller runs on the connection's loop."""
        try:
            return asyncio.get_running_loop() is self._loop
        except RuntimeError:
            return False

    def loop_debug(self) -> bool:
        """Whether the connection's loop is in debug mode."""
        return self._loop.get_debug()

    def loop_call_soon(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` on the connection's loop, from any thread (``RuntimeError`` once the loop is closed)."""
        self._loop.call_soon_threadsafe(callback)

    def loop_time(self) -> float:
        """The time on the clock of the connection's loop, which its deadline and timer use."""
        return self._loop.time()

    @property
    def complete(self) -> bool:
        """Whether the answer's body was received to its end."""
        return self._parser is not None and self._parser.complete

    @property
    def buffered(self) -> int:
        """Body bytes received and not yet read."""
        return self._parser.buffered if self._parser is not None else 0

    def finish(self) -> bool:
        """End the exchange: whether the connection can carry another one (else it is closed)."""
        parser, self._parser = self._parser, None
        reusable = parser is not None and parser.complete and parser.reusable and not parser.buffered
        if not (reusable and self.usable()):
            self.close()
            return False
        self.idle_since = self._loop.time()
        return True

    def usable(self) -> bool:
        """Whether the connection is open and nothing went wrong on it."""
        transport = self.transport
        return not self._closed and self._failure is None and transport is not None and not transport.is_closing()

    def peer_spoke(self) -> bool:
        """Whether bytes, or the end of the connection, wait unread on the socket of this idle connection.

        Either way it cannot carry a request: a server that closes after each
        answer has often done so before the loop has read the end.
        """
        transport = self.transport
        sock = transport.get_extra_info("socket") if transport is not None else None
        if sock is None:
            return False
        try:
            if hasattr(select, "poll"):
                poller = select.poll()
                poller.register(sock.fileno(), select.POLLIN)
                return bool(poller.poll(0))
            return bool(select.select([sock.fileno()], [], [], 0)[0])
        except (OSError, ValueError):
            return True

    def close(self) -> None:
        """Close the connection at once (an unread body is never drained)."""
        self._parser = None
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self.transport is not None:
            self.transport.close()

    # -- waiting

    def _exchange(self) -> ResponseParser:
        if self._parser is None:
            raise ConnectionClosed("no request is waiting for an answer on this connection")
        return self._parser

    async def _wait(self) -> None:
        if self._failure is not None:
            failure = self._failure
            raise type(failure)(*failure.args) from failure.__cause__
        waiter: asyncio.Future[None] = self._loop.create_future()
        self._waiter = waiter
        # The read timeout counts silence while waited for, as a blocking read would: not the time the reader
        # spent elsewhere, nor the time the socket was paused.
        self._last_data = self._loop.time()
        due = self._due()
        # One timer per connection, moved only when a wait must end sooner: most waits set none at all.
        if due is not None and (self._timer is None or self._timer_due > due):
            if self._timer is not None:
                self._timer.cancel()
            self._timer, self._timer_due = self._loop.call_at(due, self._on_timer), due
        try:
            await waiter
        finally:
            self._waiter = None

    def _due(self) -> Optional[float]:
        idle_due = self._last_data + self._read_timeout if self._read_timeout is not None else None
        if self.deadline is None or (idle_due is not None and idle_due < self.deadline):
            return idle_due
        return self.deadline

    def _on_timer(self) -> None:
        self._timer = None
        waiter = self._waiter
        if waiter is None or waiter.done():
            return  # nobody waits: the next wait sets a timer again
        now = self._loop.time()
        if self.deadline is not None and now >= self.deadline:
            waiter.set_exception(DeadlineReached("the call deadline passed"))
        elif self._read_timeout is not None and now >= self._last_data + self._read_timeout:
            waiter.set_exception(ReadTimeout("no data within the read timeout"))
        else:  # data came since the timer was set: wait for the time left
            due = self._due()
            if due is not None:
                self._timer, self._timer_due = self._loop.call_at(due, self._on_timer), due

    def _wake(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def _fail(self, failure: Exception) -> None:
        if self._failure is None:
            self._failure = failure
        if self.transport is not None:
            self.transport.close()
        self._wake()


class ConnectionPool:
    """At most ``limit`` connections in use; idle ones kept per origin for the next request."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._slots = asyncio.Semaphore(limit)
        self._idle: Dict[Hashable, List[Http11Connection]] = {}
        self.in_use = 0
        self.closed = False

    async def acquire(
        self, origin: Hashable, connect: Callable[[], Awaitable[Http11Connection]], deadline: Optional[float] = None
    ) -> Http11Connection:
        """An idle connection to ``origin``, else a new one from ``connect()``, once fewer than ``limit`` are in
        use; waiting for that ends at ``deadline`` (``time.monotonic``) with the SDK's deadline error."""
        if self._slots.locked():
            await within(deadline, self._slots.acquire(), deadline_passed)
        else:
            await self._slots.acquire()  # returns at once
        try:
            connection = self._reuse(origin) or await connect()
        except BaseException:
            self._slots.release()
            raise
        self.in_use += 1
        return connection

    def release(self, origin: Hashable, connection: Http11Connection) -> None:
        """Take ``connection`` back: kept for reuse when its exchange ended cleanly, closed otherwise."""
        self.in_use -= 1
        self._slots.release()
        if self.closed:
            connection.close()  # the transport was closed while this one was out
        elif connection.finish():
            idle = self._idle.setdefault(origin, [])
            idle.append(connection)
            if len(idle) > self.limit:
                idle.pop(0).close()

    def idle_count(self) -> int:
        """Connections kept for the next request."""
        return sum(len(idle) for idle in self._idle.values())

    def close(self) -> None:
        """Close every idle connection (those in use close when they are given back)."""
        self.closed = True
        for idle in self._idle.values():
            for connection in idle:
                connection.close()
        self._idle.clear()

    def _reuse(self, origin: Hashable) -> Optional[Http11Connection]:
        idle = self._idle.get(origin)
        while idle:
            connection = idle.pop()
            fresh = connection.loop_time() - connection.idle_since < KEEPALIVE
            if fresh and connection.usable() and not connection.peer_spoke():
                return connection
            connection.close()
        return None
