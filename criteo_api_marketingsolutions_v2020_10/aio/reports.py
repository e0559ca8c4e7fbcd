"""``aio.reports.download``: ``reports.download`` awaited, on the asyncio client.

::

    from criteo_api_marketingsolutions_v2020_10.aio import ApiClient, reports

    async with ApiClient(configuration) as api_client:
        result = await reports.download(api_client, query, "march.csv", progress=True)

The rules are the synchronous download's (``reports._download``): the same
queries, formats and checks, the same restarts (``Restarts``), the same
temporary file renamed over the destination once the whole report arrived,
the same ``DownloadResult``. What differs is the waiting: the body is read
with ``await``, and every write to the file (and its final sync to disk)
runs on a thread of the download's own, so that the event loop never waits
for the disk. The next piece of the body is read while the last one is
being written; at most one piece waits for the disk at a time, so memory
stays bounded whatever the report's size.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any, Callable, Optional, Tuple, TypeVar

from criteo_api_marketingsolutions_v2020_10._progress import Progress, ProgressArgument
from criteo_api_marketingsolutions_v2020_10.aio._streaming import AsyncStreamingResponse
from criteo_api_marketingsolutions_v2020_10.aio.api.analytics_api import AnalyticsApi
from criteo_api_marketingsolutions_v2020_10.aio.api_client import ApiClient
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiConnectionError, ApiException
from criteo_api_marketingsolutions_v2020_10.reports._download import (
    Destination,
    DownloadResult,
    ReportQuery,
    Restarts,
    check_chunk_size,
    commit_temporary,
    destination_path,
    discard_temporary,
    report_format,
    report_opener,
    temporary_beside,
)

__all__ = ["DownloadResult", "download"]

T = TypeVar("T")


class _Writer:
    """Writes one download's pieces to ``sink`` on a thread of its own, in order, hashing them on the way.

    Every step (each write, then the commit or the clean-up) runs on that one
    thread, one after the other: the clean-up after a failure or a
    cancellation therefore never races a write still in progress, even though
    the coroutine that handed the write over has stopped waiting for it.
    """

    def __init__(self, sink: IO[bytes]) -> None:
        self._sink = sink
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="criteo-report-writer")
        self._loop = asyncio.get_running_loop()
        self._digest = hashlib.sha256()
        self._writing: Optional[asyncio.Future[None]] = None
        #: Bytes handed over so far.
        self.handed = 0

    async def write(self, piece: bytes) -> None:
        """Hand ``piece`` over, once the previous one is written (its error, if any, is raised here)."""
        await self.drain()
        self._writing = self._loop.run_in_executor(self._thread, self._write, piece)
        self.handed += len(piece)

    async def drain(self) -> None:
        """Wait until every piece handed over is written."""
        writing, self._writing = self._writing, None
        if writing is not None:
            await writing

    async def then(self, step: Callable[..., T], *args: Any) -> T:
        """Run ``step(*args)`` on the writing thread, after the writes handed over, and wait for it.

        A cancellation of the caller does not stop ``step``: it runs to its
        end all the same (the cancellation propagates at once).
        """
        return await asyncio.shield(self._loop.run_in_executor(self._thread, step, *args))

    @property
    def sha256(self) -> str:
        """The SHA-256 of the bytes written, in hex (once ``drain`` returned)."""
        return self._digest.hexdigest()

    def close(self) -> None:
        """Let the thread end once its last step is done."""
        self._thread.shutdown(wait=False)

    def _write(self, piece: bytes) -> None:
        self._sink.write(piece)
        self._digest.update(piece)


async def _copy(stream: AsyncStreamingResponse, writer: _Writer, chunk_size: int, progress: Progress) -> int:
    """Hand the body to ``writer`` as it arrives; return its size once all of it is written."""
    total = stream.content_length
    progress.update(0, total)
    async for piece in stream.aiter_bytes(chunk_size):
        await writer.write(piece)
        progress.update(writer.handed, total)
    await writer.drain()
    return writer.handed


async def _into_file_object(
    stream: AsyncStreamingResponse, sink: IO[bytes], chunk_size: int, progress: Progress
) -> Tuple[int, str]:
    writer = _Writer(sink)
    try:
        written = await _copy(stream, writer, chunk_size, progress)
    except BaseException:
        # The caller's file object is left as it is once the write in progress ended, never in the middle of one.
        await writer.then(_nothing)
        raise
    finally:
        writer.close()
    return written, writer.sha256


async def _write_atomically(
    stream: AsyncStreamingResponse, target: Path, chunk_size: int, progress: Progress
) -> Tuple[int, str]:
    # Creating the file is quick, and done here so that a cancellation cannot leave one nobody knows of.
    sink, temporary = temporary_beside(target)
    writer = _Writer(sink)
    try:
        written = await _copy(stream, writer, chunk_size, progress)
        await writer.then(commit_temporary, sink, temporary, target)
    except BaseException:
        # An error, a timeout or a cancellation: nothing partial is left behind. A cancellation that
        # arrives while the finished file is being renamed leaves the whole new report in place.
        await writer.then(discard_temporary, sink, temporary)
        raise
    finally:
        writer.close()
    return written, writer.sha256


def _nothing() -> None:
    """A step that only waits for the writes before it."""


async def _attempt(
    open_answer: Callable[[], Any], target: Optional[Path], destination: Any, chunk_size: int, progress: Progress
) -> Tuple[int, str, str]:
    stream: AsyncStreamingResponse = await open_answer()
    async with stream:
        content_type = stream.headers.get("Content-Type", "")
        if target is None:
            written, digest = await _into_file_object(stream, destination, chunk_size, progress)
        else:
            written, digest = await _write_atomically(stream, target, chunk_size, progress)
    return written, digest, content_type


async def download(
    api_client: ApiClient,
    query: ReportQuery,
    destination: Destination,
    *,
    progress: ProgressArgument = None,
    chunk_size: Optional[int] = None,
) -> DownloadResult:
    """Stream a report to ``destination`` and describe what was written (see ``reports.download``).

    Args:
        api_client: the asyncio client to call with.
        query: a ``StatisticsReportQueryMessage`` (``get_adset_report``) or a
            ``TransactionsReportQueryMessage`` (``get_transactions_report``; a
            whole ``TransactionsReportQueryDataMessage`` is taken too).
        destination: a path, written to a temporary file in the same folder
            and renamed over it once the whole report arrived; or a binary
            file object, written as the bytes come (from a worker thread).
        progress: ``None``, a callable ``progress(bytes_done, total)`` (called
            on the event loop), or ``True`` for a bar.
        chunk_size: most bytes read, and written, at a time (1 MiB by default).

    A download that breaks is started again from the beginning, as often as
    the client's retry policy allows, the waits going through the client's
    ``pipeline.sleep``. Cancelled (``task.cancel()``), it closes the answer,
    removes the temporary file and lets ``CancelledError`` propagate: the
    destination is as it was.

    Raises:
        ApiTypeError, ApiValueError: a bad argument, before any I/O.
        ApiException: the API refused the query (``BadRequestException``...).
        ApiConnectionError, ApiTimeoutError: the report could not be read.
    """
    size = check_chunk_size(chunk_size)
    open_answer = report_opener(AnalyticsApi(api_client), query)
    fmt = report_format(query)
    target = destination_path(destination)
    started = time.monotonic()
    restarts = Restarts(api_client.configuration.retries)
    with Progress(progress, unit="B", description=target.name if target is not None else "report") as shown:
        while True:
            restarts.count += 1
            try:
                written, digest, content_type = await _attempt(open_answer, target, destination, size, shown)
                break
            except (ApiConnectionError, ApiException) as error:
                # A file object's bytes cannot be taken back: it is never written twice.
                delay = restarts.delay_after(error, api_client.configuration.host) if target is not None else None
                if delay is None:
                    raise
            await api_client.pipeline.sleep(delay)
    return DownloadResult(target, written, fmt, content_type, digest, time.monotonic() - started, restarts.count)
