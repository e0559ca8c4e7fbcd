"""The seam between the asynchronous client and the network: one request in, one response out.

Like the synchronous ``rest.Transport``, an ``AsyncTransport`` only does I/O:
it never retries, never follows redirects and never raises for a status. It
returns a ``rest.RESTResponse`` (body read, at most ``max_body`` bytes), or,
with ``preload_content=False`` and a 2xx status, an ``AsyncStreamingResponse``
whose body is read later. Failures are the SDK's ``ApiConnectionError`` and
``ApiTimeoutError``, with ``request_sent`` set as the synchronous transports do.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

import urllib3

__all__ = ["AsyncTransport"]


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
