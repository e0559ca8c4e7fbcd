"""Socket reads under the call deadline, for every urllib3 connection the SDK uses.

A read timeout bounds one wait for bytes, not a whole answer: a server that
trickles its status line a byte a second, sends ``100 Continue`` forever or
never ends its headers would hold a call far past its deadline. The
connection classes here read each response through ``DeadlineReader``, which
sets every socket wait to the smaller of the read timeout and the time left,
and fails once the deadline has passed. The deadline is the one the
transport set for the calling thread (``enter``/``leave``) when the response
began; without one, reads are plain.

They also refuse headers that end with the connection instead of a blank
line: ``HTTP/1.1 200 OK`` followed by a close is a broken answer, not an
empty success.
"""

from __future__ import annotations

import http.client
import io
import socket
import threading
import time
from typing import Any, Dict, Optional

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

__all__ = ["DeadlineReader", "POOL_CLASSES", "enter", "leave", "install", "retarget"]

_local = threading.local()


def enter(deadline: Optional[float]) -> Optional[float]:
    """Make ``deadline`` (``time.monotonic`` seconds) the calling thread's; return the previous one."""
    previous: Optional[float] = getattr(_local, "deadline", None)
    _local.deadline = deadline
    return previous


def leave(previous: Optional[float]) -> None:
    """Restore the deadline ``enter`` returned."""
    _local.deadline = previous


class DeadlineReader(io.RawIOBase):
    """A socket's bytes, each wait bounded by the read timeout and the deadline."""

    def __init__(self, sock: socket.socket, deadline: Optional[float], holder: Any = None) -> None:
        super().__init__()
        self._sock = sock
        # The file http.client made holds the socket open after its connection
        # lets go of it (a response read after "Connection: close"); it is
        # kept, unread, and closed with this reader.
        self._holder = holder
        self._deadline = deadline
        self._idle = sock.gettimeout()  # the read timeout urllib3 has just set
        #: Whether the peer closed the connection (a read returned nothing).
        self.saw_end = False

    def readable(self) -> bool:
        return True

    def retarget(self, deadline: Optional[float]) -> None:
        """Read from now on under ``deadline`` instead (``None``: the read timeout alone)."""
        self._deadline = deadline
        try:
            self._sock.settimeout(self._idle)
        except OSError:  # already closed: the next read fails on its own
            pass

    def close(self) -> None:
        super().close()
        holder, self._holder = self._holder, None
        if holder is not None:
            holder.close()

    def readinto(self, buffer: Any) -> int:
        if self._deadline is not None:
            remaining = self._deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("the call deadline passed while reading the response")
            # The socket keeps the read timeout (urllib3 sets it again for
            # every request) until the deadline is nearer than that timeout.
            idle = self._idle
            if idle is None or remaining < idle:
                self._sock.settimeout(remaining)
        count = self._sock.recv_into(buffer)
        if not count:
            self.saw_end = True
        return count


class DeadlineResponse(http.client.HTTPResponse):
    """``http.client``'s response, read through a ``DeadlineReader``."""

    def __init__(self, sock: socket.socket, debuglevel: int = 0, method: Optional[str] = None, url: Any = None) -> None:
        super().__init__(sock, debuglevel, method, url)
        # The unread file's buffer is let go; its raw stream stays, holding the socket.
        self._reader = DeadlineReader(sock, getattr(_local, "deadline", None), holder=self.fp.detach())
        self.fp = io.BufferedReader(self._reader)

    def retarget(self, deadline: Optional[float]) -> None:
        """Read the rest of the body under ``deadline`` (see ``DeadlineReader.retarget``)."""
        self._reader.retarget(deadline)

    def begin(self) -> None:
        super().begin()
        if self._reader.saw_end:
            # Headers are over only at a blank line; the end of the
            # connection in their middle means the answer was cut short.
            self.close()
            raise http.client.IncompleteRead(b"", None)


class DeadlineHTTPConnection(HTTPConnection):
    """urllib3's HTTP connection, reading responses under the call deadline."""

    response_class = DeadlineResponse


class DeadlineHTTPSConnection(HTTPSConnection):
    """urllib3's HTTPS connection, reading responses under the call deadline."""

    response_class = DeadlineResponse


class DeadlineHTTPConnectionPool(HTTPConnectionPool):
    """A pool of ``DeadlineHTTPConnection``."""

    ConnectionCls = DeadlineHTTPConnection  # pyright: ignore[reportAssignmentType]


class DeadlineHTTPSConnectionPool(HTTPSConnectionPool):
    """A pool of ``DeadlineHTTPSConnection``."""

    ConnectionCls = DeadlineHTTPSConnection  # pyright: ignore[reportAssignmentType]


#: ``PoolManager.pool_classes_by_scheme`` for deadline-aware pools.
POOL_CLASSES: Dict[str, Any] = {"http": DeadlineHTTPConnectionPool, "https": DeadlineHTTPSConnectionPool}


def retarget(response: Any, deadline: Optional[float]) -> None:
    """Read the rest of ``response`` (a urllib3 response) under ``deadline``, not the call's.

    Responses of connections that are not the SDK's are left as they are:
    their reads were never bounded by the call deadline.
    """
    wrapped = getattr(response, "_fp", None)
    if isinstance(wrapped, DeadlineResponse):
        wrapped.retarget(deadline)


def install(manager: Any) -> None:
    """Make ``manager`` (a ``urllib3.PoolManager``) build deadline-aware pools.

    A manager whose pool classes were already customised is left alone.
    Pools it had already built are closed, so every later one is ours.
    """
    if not isinstance(manager, urllib3.PoolManager):
        return
    if manager.pool_classes_by_scheme is urllib3.poolmanager.pool_classes_by_scheme:
        manager.pool_classes_by_scheme = POOL_CLASSES
        manager.clear()
