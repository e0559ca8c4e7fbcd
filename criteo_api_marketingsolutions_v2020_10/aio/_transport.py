"""The seam between the asynchronous client and the network: one request in, one response out.

Like the synchronous ``rest.Transport``, an ``AsyncTransport`` only does I/O:
it never retries, never follows redirects and never raises for a status. It
returns a ``rest.RESTResponse`` (body read, at most ``max_body`` bytes), or,
with ``preload_content=False`` and a 2xx status, an ``AsyncStreamingResponse``
whose body is read later. Failures are the SDK's ``ApiConnectionError`` and
``ApiTimeoutError``, with ``request_sent`` set as the synchronous transports do.
"""

from __future__ import annotations

import time
from typing import Any, Awaitable, Coroutine, Mapping, Optional, Tuple

import urllib3

from criteo_api_marketingsolutions_v2020_10._secrets import guard_failure
from criteo_api_marketingsolutions_v2020_10._transport_errors import deadline_passed
from criteo_api_marketingsolutions_v2020_10.aio._streaming import AsyncBody, AsyncStreamingResponse, read_whole, within
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiConnectionError, ApiTimeoutError, OpenApiException

__all__ = ["AsyncTransport", "ExchangeTransport", "passed"]


def passed(deadline: Optional[float]) -> bool:
    """Whether the ``time.monotonic`` instant ``deadline`` has come."""
    return deadline is not None and time.monotonic() >= deadline


class AsyncTransport:
    """Sends one request and returns its response; subclasses hold no policy."""

    async def request(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: Optional[bytes],
        timeout: urllib3.Timeout,
        preload_content: bool = True,
        max_body: Optional[int] = None,
        deadline: Optional[float] = None,
    ) -> Any:
        """Send one request; status line, headers and (when preloaded) body arrive before ``deadline``
        (``time.monotonic`` seconds), each wait bounded by ``timeout``'s connect and read parts."""
        raise NotImplementedError

    async def close(self) -> None:
        """Release every connection."""


class ExchangeTransport(AsyncTransport):
    """An ``AsyncTransport`` whose library parts are ``_send`` (start the request), ``_body_of`` (its
    answer, once the headers are in) and ``_error`` (the SDK's error for a library failure). ``request``
    does the rest for every library alike: it streams a 2xx answer or reads it whole, bounds it all by
    the deadline and maps what is raised."""

    async def request(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: Optional[bytes],
        timeout: urllib3.Timeout,
        preload_content: bool = True,
        max_body: Optional[int] = None,
        deadline: Optional[float] = None,
    ) -> Any:
        """Send one request; see ``AsyncTransport.request``."""
        failure: Optional[Exception] = None
        try:
            work = self._exchange(method, url, headers, body, timeout, preload_content, max_body, deadline)
            return await self._bounded(deadline, work)
        except OpenApiException as own:  # the SDK's own errors, raised below the seam on purpose
            guard_failure(headers, own)  # the error may quote an answer echoing them
            raise
        except Exception as exc:  # the library's, or an OSError it let through
            failure = exc
        # Raised here, outside the handler, so the library's error is the cause, not the context.
        error = self._error(failure)
        if isinstance(error, ApiTimeoutError) and passed(deadline):
            error = deadline_passed()
        error.__cause__ = failure
        guard_failure(headers, error)
        raise error

    async def _exchange(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: Optional[bytes],
        timeout: urllib3.Timeout,
        preload_content: bool,
        max_body: Optional[int],
        deadline: Optional[float],
    ) -> Any:
        sent, read_timeout = self._send(method, url, headers, body, timeout, deadline)
        answer = self._body_of(await sent, read_timeout)
        if not preload_content and 200 <= answer.status < 300:
            answer.streaming()
            return AsyncStreamingResponse(answer)
        return await read_whole(answer, max_body)

    async def _bounded(self, deadline: Optional[float], work: Coroutine[Any, Any, Any]) -> Any:
        """Await ``work``, ended at ``deadline``; a transport that keeps the deadline itself just awaits it."""
        return await within(deadline, work, deadline_passed)

    def _send(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: Optional[bytes],
        timeout: urllib3.Timeout,
        deadline: Optional[float],
    ) -> Tuple[Awaitable[Any], Optional[float]]:
        """The library's request, to await for the answer's headers, and the read timeout of its body;
        ``deadline`` is for a transport that keeps it itself (see ``_bounded``).

        A plain function returning the library's awaitable, so that no coroutine of its own stands
        between the SDK and the library while the answer is awaited.
        """
        raise NotImplementedError

    def _body_of(self, response: Any, read_timeout: Optional[float]) -> AsyncBody:
        """The library's answer as an ``AsyncBody``, its body unread."""
        raise NotImplementedError

    def _error(self, failure: Exception) -> ApiConnectionError:
        raise NotImplementedError
