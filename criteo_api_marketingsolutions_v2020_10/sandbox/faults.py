"""Scripted faults: what the next requests to a path should suffer instead of normal service."""

from __future__ import annotations

import json
import threading
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Deque, Dict, Iterable, Mapping, Optional, Union

#: The script key that applies to every path not scripted on its own.
ANY_PATH = "*"


@dataclass(frozen=True)
class Fault:
    """One misbehaviour of the sandbox, served instead of (or on top of) a normal answer.

    Attributes:
        status: HTTP status to answer with. ``None`` keeps the normal answer,
            which is useful together with ``delay``, ``stall``, ``trickle`` or
            ``headers``.
        headers: extra response headers; they win over the sandbox's own.
        body: response body: ``bytes`` as is, ``str`` as UTF-8, anything else
            as JSON. Without a body, a fault status gets an error body in the
            style of the endpoint (a 429 gets a Criteo quota error and the
            ``x-ratelimit-*`` headers).
        delay: seconds to wait before answering.
        reset: read the request, then drop the connection with a TCP reset
            and no response at all.
        stall: send the status line and headers (with a ``Content-Length``),
            then no body bytes until the client hangs up or the stall limit
            passes.
        trickle: seconds between single body bytes, for a slow server.
        count: how many consecutive requests this fault applies to.
    """

    status: Optional[int] = None
    headers: Optional[Mapping[str, str]] = None
    body: Any = None
    delay: float = 0.0
    reset: bool = False
    stall: bool = False
    trickle: Optional[float] = None
    count: int = 1

    def __post_init__(self) -> None:
        if self.status is not None and not 100 <= int(self.status) <= 599:
            raise ValueError(f"Fault status must be an HTTP status code, got {self.status!r}")
        if self.count < 1:
            raise ValueError("Fault count must be at least 1")
        if self.delay < 0 or (self.trickle is not None and self.trickle < 0):
            raise ValueError("Fault delay and trickle must not be negative")

    def body_bytes(self) -> Optional[bytes]:
        """The body to send, encoded, or ``None`` when the sandbox should provide one."""
        if self.body is None:
            return None
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return json.dumps(self.body).encode("utf-8")


FaultLike = Union[Fault, int]


def as_fault(item: FaultLike) -> Fault:
    """Accept a ``Fault`` or a bare status code (``503`` means ``Fault(status=503)``)."""
    if isinstance(item, Fault):
        return item
    if isinstance(item, int) and not isinstance(item, bool):
        return Fault(status=item)
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
