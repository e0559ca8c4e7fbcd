"""What the sandbox saw: every request, kept for tests to inspect, and a few counters."""

from __future__ import annotations

import json
import threading
from collections import deque
from typing import Any, Counter, Deque, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple
from urllib.parse import parse_qsl

from criteo_api_marketingsolutions_v2020_10.sandbox.auth import TOKEN_PATH, named_client_id

#: Requests kept in memory; the oldest are dropped past this, so that a
#: benchmark making millions of calls does not exhaust memory. Counters are
#: not affected by the cap.
DEFAULT_MAX_RECORDED = 100_000

_SECRET_HEADERS = frozenset({"authorization", "cookie", "proxy-authorization"})


class Headers(Mapping[str, str]):
    """Request headers as received, looked up without regard to case.

    Iteration gives the names as the client spelled them; a header sent
    several times is kept once, its values joined with ``", "``.
    """

    def __init__(self, pairs: Iterable[Tuple[str, str]] = ()) -> None:
        self._items: Dict[str, Tuple[str, str]] = {}
        for name, value in pairs:
            key = name.lower()
            if key in self._items:
                value = f"{self._items[key][1]}, {value}"
                name = self._items[key][0]
            self._items[key] = (name, value)

    def __getitem__(self, name: str) -> str:
        return self._items[name.lower()][1]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._items

    def __iter__(self) -> Iterator[str]:
        return (original for original, _ in self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        shown = {n: ("***" if n.lower() in _SECRET_HEADERS else v) for n, v in self._items.values()}
        return f"Headers({shown!r})"


class RecordedRequest:
    """One request as the sandbox received it.

    Attributes:
        method: HTTP method, upper case.
        path: the path without the query string.
        query: query parameters, each name mapped to all its values.
        headers: case-insensitive mapping of the request headers.
        body: the raw body bytes (empty when there was none).
    """

    __slots__ = ("body", "headers", "method", "path", "query")

    def __init__(self, method: str, path: str, query: Dict[str, List[str]], headers: Headers, body: bytes) -> None:
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body

    @property
    def form(self) -> Dict[str, str]:
        """The body read as ``application/x-www-form-urlencoded`` (last value wins)."""
        text = self.body.decode("utf-8", "replace")
        return dict(parse_qsl(text, keep_blank_values=True))

    def json(self) -> Any:
        """The body parsed as JSON; raises ``ValueError`` when it is not JSON."""
        return json.loads(self.body.decode("utf-8"))

    def __repr__(self) -> str:
        # Reprs end up in assertion messages and logs: keep credentials out.
        return f"RecordedRequest({self.method} {self.path}, query={self.query!r}, headers={self.headers!r})"


class RequestLog:
    """Thread-safe record of requests and the counters the sandbox exposes, in total and by client id."""

    def __init__(self, max_recorded: Optional[int] = DEFAULT_MAX_RECORDED) -> None:
        self._lock = threading.Lock()
        self._requests: Deque[RecordedRequest] = deque(maxlen=max_recorded)
        self.token_requests = 0
        self.api_requests = 0
        self.unauthorized_responses = 0
        self._token_requests_by_client: Counter[str] = Counter()
        self._calls_by_client: Counter[str] = Counter()
        self._rate_limited_by_client: Counter[str] = Counter()

    def record(self, request: RecordedRequest) -> None:
        """Keep ``request`` and count it as a token call (under the client it names) or an API call."""
        token_request = request.path == TOKEN_PATH
        # Parsed outside the lock: the counting of other threads must not wait on it.
        client_id = named_client_id(request.headers.get("Authorization"), request.body) if token_request else ""
        with self._lock:
            self._requests.append(request)
            if token_request:
                self.token_requests += 1
                self._token_requests_by_client[client_id] += 1
            else:
                self.api_requests += 1

    def count_unauthorized(self) -> None:
        """Count one 401 response sent."""
        with self._lock:
            self.unauthorized_responses += 1

    def count_call(self, client_id: str) -> None:
        """Count one API call of ``client_id`` served by a route."""
        with self._lock:
            self._calls_by_client[client_id] += 1

    def count_rate_limited(self, client_id: str) -> None:
        """Count one call of ``client_id`` refused for being over its rate limit."""
        with self._lock:
            self._rate_limited_by_client[client_id] += 1

    def token_requests_by_client(self) -> Dict[str, int]:
        """Token requests by the client id they named (a copy)."""
        with self._lock:
            return dict(self._token_requests_by_client)

    def calls_by_client(self) -> Dict[str, int]:
        """API calls served by a route, by client id (a copy)."""
        with self._lock:
            return dict(self._calls_by_client)

    def rate_limited_by_client(self) -> Dict[str, int]:
        """Rate-limit refusals by client id (a copy)."""
        with self._lock:
            return dict(self._rate_limited_by_client)

    def snapshot(self) -> List[RecordedRequest]:
        """A copy of the recorded requests, oldest first."""
        with self._lock:
            return list(self._requests)

    def reset(self) -> None:
        """Forget every recorded request and zero the counters."""
        with self._lock:
            self._requests.clear()
            self.token_requests = 0
            self.api_requests = 0
            self.unauthorized_responses = 0
            self._token_requests_by_client.clear()
            self._calls_by_client.clear()
            self._rate_limited_by_client.clear()
