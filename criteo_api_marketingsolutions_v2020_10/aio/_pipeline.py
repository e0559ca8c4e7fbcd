"""The asynchronous driver of the call pipeline: the same layers as ``_pipeline.Pipeline``, awaited.

Building, auth flows, the retry and deadline decisions (``step_after_error``,
``step_after_response``), the rate governor and decoding are the synchronous
client's own; only the waits and the I/O are awaited here. An auth flow is a
generator (fixed headers) or an async generator (managed tokens, which may
have to fetch).
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, AsyncGenerator, Awaitable, Callable, Dict, Optional, Union

from criteo_api_marketingsolutions_v2020_10._auth import Auth, HeaderAuth
from criteo_api_marketingsolutions_v2020_10._pipeline import (
    Limits,
    log_request,
    step_after_error,
    step_after_response,
)
from criteo_api_marketingsolutions_v2020_10._rate import Governor
from criteo_api_marketingsolutions_v2020_10._request import Request
from criteo_api_marketingsolutions_v2020_10._retry import Deadline
from criteo_api_marketingsolutions_v2020_10.aio._transport import AsyncTransport
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiConnectionError

__all__ = ["AsyncAuth", "AsyncPipeline"]

class AsyncAuth:
    """An auth flow that awaits (to fetch a token): ``auth_flow`` is an async generator, which yields
    the requests to send and is sent each one's response, as ``Auth.auth_flow`` does."""

    def auth_flow(self, request: Request, deadline: Deadline) -> AsyncGenerator[Request, Any]:
        """An async generator of the requests to send for ``request``."""
        raise NotImplementedError


async def _release(response: Any) -> None:
    close = getattr(response, "aclose", None)
    if close is not None:
        await close()


class AsyncPipeline:
    """Runs requests through auth, retries and an ``AsyncTransport``, under one deadline."""

    def __init__(
        self,
        transport: AsyncTransport,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        wall_clock: Callable[[], float] = time.time,
        stats: Optional[Dict[str, Any]] = None,
    ) -> None:
        self.transport = transport
        self.clock = clock
        self.sleep = sleep
        self.wall_clock = wall_clock
        self.stats: Dict[str, Any] = stats if stats is not None else {"requests": 0, "retries": 0}

    def deadline(self, limits: Limits) -> Deadline:
        """A fresh deadline for a call bounded by ``limits``."""
        return Deadline(limits.call_deadline, self.clock)

    async def send(
        self,
        request: Request,
        auth: Union[Auth, AsyncAuth],
        limits: Limits,
        *,
        stream: bool = False,
        deadline: Optional[Deadline] = None,
        sensitive: bool = False,
    ) -> Any:
        """The final response to ``request`` (see ``Pipeline.send``)."""
        if deadline is None:
            deadline = self.deadline(limits)
        kind = type(auth)
        if kind is Auth:
            return await self._attempts(request, limits, stream, deadline, sensitive)
        if kind is HeaderAuth and isinstance(auth, HeaderAuth):
            return await self._attempts(
                request.with_header("Authorization", auth.value), limits, stream, deadline, sensitive
            )
        if isinstance(auth, AsyncAuth):
            return await self._run_async_flow(auth.auth_flow(request, deadline), limits, stream, deadline, sensitive)
        flow = auth.auth_flow(request, deadline)
        outgoing = next(flow)
        while True:
            response = await self._attempts(outgoing, limits, stream, deadline, sensitive)
            try:
                outgoing = flow.send(response)
            except StopIteration:
                return response
            self.stats["unauthorized_retries"] = self.stats.get("unauthorized_retries", 0) + 1
            await _release(response)

    async def _run_async_flow(
        self, flow: AsyncGenerator[Request, Any], limits: Limits, stream: bool, deadline: Deadline, sensitive: bool
    ) -> Any:
        outgoing = await flow.__anext__()
        while True:
            response = await self._attempts(outgoing, limits, stream, deadline, sensitive)
            try:
                outgoing = await flow.asend(response)
            except StopAsyncIteration:
                return response
            self.stats["unauthorized_retries"] = self.stats.get("unauthorized_retries", 0) + 1
            await _release(response)

    async def _attempts(
        self, request: Request, limits: Limits, stream: bool, deadline: Deadline, sensitive: bool
    ) -> Any:
        """One request, sent as often as the retry policy allows within the deadline."""
        policy = limits.policy
        governor = limits.governor
        while True:
            if governor is not None:
                wait = await self._reserve(governor, request, deadline)
                if wait:
                    await self.sleep(wait)
            timeout, expires_at = deadline.attempt(limits.timeout)
            self.stats["requests"] += 1
            log_request(request)
            try:
                response = await self.transport.request(
                    request.method, request.url, request.headers, request.body, timeout, not stream,
                    limits.max_body, expires_at,
                )
            except ApiConnectionError as error:
                step = step_after_error(request, policy, error, deadline, sensitive)
                if step is None:
                    raise
            else:
                step = step_after_response(request, policy, response, deadline, governor, self.wall_clock)
                if step is None:
                    return response
                await _release(response)
            self.stats["retries"] += 1
            await self.sleep(step.delay)
            policy = step.policy

    async def _reserve(self, governor: Governor, request: Request, deadline: Deadline) -> float:
        """The wait for the call's slot; a shared store (Redis, files) is asked on a worker thread, so
        that its round trip (at most its 50 ms timeout) never holds the event loop."""
        if governor.in_process:
            return governor.reserve(request.url, deadline.remaining(), stats=self.stats)
        return await asyncio.to_thread(governor.reserve, request.url, deadline.remaining(), stats=self.stats)
