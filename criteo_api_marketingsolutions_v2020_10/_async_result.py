"""``AsyncResult``: what an operation called with ``async_req=True`` returns."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, Optional, TypeVar

if TYPE_CHECKING:  # the thread pool is only imported when async_req is used
    from concurrent.futures import Future

__all__ = ["AsyncResult"]

T = TypeVar("T")


class AsyncResult(Generic[T]):
    """A call running in the client's thread pool: ``.get(timeout=None)`` waits and gives its result."""

    __slots__ = ("_future",)

    def __init__(self, future: Future[T]) -> None:
        self._future = future

    def get(self, timeout: Optional[float] = None) -> T:
        """The call's result; re-raises its exception."""
        return self._future.result(timeout)

    def wait(self, timeout: Optional[float] = None) -> None:
        """Wait for the call to finish without fetching the result."""
        try:
            self._future.exception(timeout)
        except Exception:
            pass

    def ready(self) -> bool:
        """Whether the call has finished."""
        return self._future.done()

    def successful(self) -> bool:
        """Whether the call finished without an exception (it must have finished)."""
        if not self._future.done():
            raise ValueError("the call has not finished yet")
        return self._future.exception() is None
