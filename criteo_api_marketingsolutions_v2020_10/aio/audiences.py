"""``aio.audiences``: contact-list uploads awaited, on the asyncio client.

::

    from criteo_api_marketingsolutions_v2020_10.aio import ApiClient, audiences

    async with ApiClient(configuration) as api_client:
        report = await audiences.upload(api_client, "70100", identifiers, checkpoint="job.checkpoint")
        await audiences.remove_all(api_client, "70100")

The rules are the synchronous upload's (``audiences``): the same checks of
the arguments, the same chunks, the same retries of a chunk
(``next_attempt``), the same checkpoint file and the same ``UploadReport``.
What differs is the concurrency: the chunks in flight are tasks of the
running loop (at most ``max_workers``), their waits go through the client's
``pipeline.sleep``, and each checkpoint line is written and synced to disk on
a worker thread.

Cancelling the upload (``task.cancel()``, or Ctrl+C under ``asyncio.run``)
starts no new chunk and cancels the chunks in flight. A chunk the API had
already accepted still gets its checkpoint line before the cancellation goes
on, so the checkpoint records exactly the chunks known to be accepted; a
chunk cancelled on its way is not recorded and is sent again by a rerun.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterable
from contextlib import aclosing
from typing import (
    Any,
    AsyncGenerator,
    AsyncIterator,
    Awaitable,
    Callable,
    Iterable,
    Iterator,
    List,
    Optional,
    Set,
    Tuple,
    TypeVar,
    Union,
    cast,
)

from criteo_api_marketingsolutions_v2020_10 import _log, _retry
from criteo_api_marketingsolutions_v2020_10.aio.api.audience_api import AudienceApi
from criteo_api_marketingsolutions_v2020_10.aio.api_client import ApiClient
from criteo_api_marketingsolutions_v2020_10.audiences._attempts import RetryBudget
from criteo_api_marketingsolutions_v2020_10.audiences._checkpoint import Checkpoint, PathLike
from criteo_api_marketingsolutions_v2020_10.audiences._chunks import Chunk, ChunkCutter, chunks
from criteo_api_marketingsolutions_v2020_10.audiences._progress import ProgressArgument, ProgressSink
from criteo_api_marketingsolutions_v2020_10.audiences._report import FailedChunk, Tally, UploadReport
from criteo_api_marketingsolutions_v2020_10.audiences._settings import (
    IdentifierType,
    Job,
    Operation,
    audience_id_from,
    checkpoint_path,
    input_of,
    job_from,
)
from criteo_api_marketingsolutions_v2020_10.audiences._upload import (
    CONTACTLIST_PATH,
    ChunkOutcome,
    accepted_outcome,
    amendment_request,
    counts_of,
    failed_outcome,
    log_report,
    skip_recorded,
    tally_outcome,
)
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiException, ApiTypeError
from criteo_api_marketingsolutions_v2020_10.model.delete_audience_contact_list_response import (
    DeleteAudienceContactListResponse,
)

__all__ = ["FailedChunk", "UploadReport", "remove_all", "upload"]

logger = _log.get_logger(__name__)

T = TypeVar("T")

#: What ``upload`` reads identifiers from.
Identifiers = Union[Iterable[str], AsyncIterable[str]]


async def _to_the_end(function: Callable[..., T], *args: Any, abandon: Optional[Callable[[T], object]] = None) -> T:
    """``function(*args)`` on a worker thread, waited for to its end even when the caller is cancelled meanwhile.

    The cancellation then propagates once ``function`` ended: what it wrote
    to disk (a checkpoint line) is complete before anyone reads the file
    again. ``abandon`` is given what ``function`` returned when nobody will
    use it (an opened checkpoint, to close).
    """
    work = asyncio.ensure_future(asyncio.to_thread(function, *args))
    try:
        return await asyncio.shield(work)
    except asyncio.CancelledError:
        await asyncio.wait([work])
        if abandon is not None and not work.cancelled() and work.exception() is None:
            abandon(work.result())
        _retrieve({work})
        raise


def _retrieve(tasks: Iterable[asyncio.Future[Any]]) -> None:
    """Mark the errors of ended ``tasks`` as seen: the error the upload raises is another one."""
    for task in tasks:
        if task.done() and not task.cancelled():
            task.exception()


class _Attempts:
    """Runs one idempotent change, awaited, repeating it as ``next_attempt`` allows; counts the attempts.

    Once ``stopped()`` is true, no attempt is started: the last error is raised instead.
    """

    def __init__(self, api_client: ApiClient, method: str, url: str, stopped: Callable[[], bool]) -> None:
        self.api_client = api_client
        self.method = method
        self.url = url
        self.stopped = stopped
        #: Attempts started so far.
        self.count = 0

    async def run(self, call: Callable[[], Awaitable[T]]) -> T:
        """The result of ``call()``, retried on the failures ``next_attempt`` repeats; the last failure otherwise."""
        pipeline = self.api_client.pipeline
        budget = RetryBudget(self.api_client.configuration.retries, self.method, self.url, pipeline.wall_clock)
        while True:
            self.count += 1
            try:
                return await call()
            except ApiException as error:
                delay = budget.delay_after(error, self.count)
                if delay is None or self.stopped():
                    raise
                await pipeline.sleep(delay)
                if self.stopped():
                    raise


def _never() -> bool:
    """Nothing stops ``remove_all`` but its own failure."""
    return False


async def _chunks_of_iterator(source: Iterator[object], job: Job) -> AsyncGenerator[Chunk, None]:
    """The synchronous upload's chunks of ``source``, handed out with ``async for``."""
    for chunk in chunks(source, job.chunk_size, job.normalize_emails):
        yield chunk


async def _chunks_of_async_iterator(source: AsyncIterator[object], job: Job) -> AsyncGenerator[Chunk, None]:
    """The chunks of an async ``source``, cut and numbered as the synchronous upload cuts them."""
    cutter = ChunkCutter(job.normalize_emails)
    batch: List[object] = []
    async for item in source:
        batch.append(item)
        if len(batch) == job.chunk_size:
            # The source is not read further until this chunk is taken: a chunk starts on a chunk boundary.
            yield cutter.cut(batch)
            batch = []
    if batch:
        yield cutter.cut(batch)


def _chunks_of(identifiers: object, job: Job) -> Tuple[AsyncGenerator[Chunk, None], Optional[int]]:
    """The chunks of ``identifiers``, read one chunk at a time, and their number when known without reading."""
    if isinstance(identifiers, AsyncIterable):
        source = cast(AsyncIterable[object], identifiers).__aiter__()
        return _chunks_of_async_iterator(source, job), None
    iterator, total = input_of(identifiers)
    return _chunks_of_iterator(iterator, job), total


class _Run:
    """One call of ``upload``: reads chunks, keeps at most ``max_workers`` tasks in flight, tallies what ends."""

    def __init__(
        self, api_client: ApiClient, job: Job, checkpoint: Optional[Checkpoint], sink: ProgressSink, tally: Tally
    ) -> None:
        self.api_client, self.job, self.checkpoint, self.sink, self.tally = api_client, job, checkpoint, sink, tally
        self.api = AudienceApi(api_client)
        self.url = CONTACTLIST_PATH.format(job.audience_id)
        #: True when nothing more may be sent: a failure that fails every chunk, a cancellation, an error.
        self.stop = False
        self.in_flight: Set[asyncio.Task[ChunkOutcome]] = set()

    async def run(self, source: AsyncGenerator[Chunk, None]) -> None:
        """Send every chunk of ``source`` that needs sending; returns once none is in flight."""
        try:
            async with aclosing(source) as read:
                async for chunk in read:
                    await self._dispatch(chunk)
            while self.in_flight:
                await self._collect()
        except BaseException as error:
            await self._wind_down(cancel=isinstance(error, asyncio.CancelledError))
            raise

    async def _dispatch(self, chunk: Chunk) -> None:
        self.tally.seen(chunk.size)
        if skip_recorded(self.checkpoint, chunk, self.tally, self.sink):
            return
        while len(self.in_flight) >= self.job.max_workers and not self.stop:
            await self._collect()
        if self.stop:
            self.tally.not_sent(chunk.size)
            return
        self.in_flight.add(asyncio.ensure_future(self._send(chunk)))
        # Let the new chunk's request go out before the next chunk is read (a plain iterable never yields).
        await asyncio.sleep(0)

    async def _collect(self) -> None:
        """Wait for at least one chunk in flight to end, and count those that ended."""
        done, _ = await asyncio.wait(self.in_flight, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            self.in_flight.discard(task)
            if tally_outcome(self.job, self.tally, self.sink, task.result()):
                self.stop = True

    async def _wind_down(self, cancel: bool) -> None:
        """Nothing new starts; the chunks in flight are cancelled (``cancel``) or left to end, and waited for."""
        self.stop = True
        tasks = set(self.in_flight)
        if not tasks:
            return
        if cancel:
            for task in tasks:
                task.cancel()
        try:
            await asyncio.wait(tasks)
        except asyncio.CancelledError:
            for task in tasks:  # cancelled while waiting for them to end: they are cancelled too
                task.cancel()
            raise
        _retrieve(tasks)

    async def _send(self, chunk: Chunk) -> ChunkOutcome:
        """A task: send one chunk, with its retries; record it in the checkpoint once accepted."""
        if self.stop:
            return ChunkOutcome(chunk.index, chunk.size, started=False)
        attempts = _Attempts(self.api_client, "PATCH", self.url, lambda: self.stop)
        body = amendment_request(self.job, chunk.identifiers)
        try:
            answer = await attempts.run(lambda: self.api.modify_audience_users(self.job.audience_id, body))
        except ApiException as error:
            return failed_outcome(chunk, error, attempts.count)
        counts = counts_of(answer)
        if self.checkpoint is not None:
            await _to_the_end(self.checkpoint.record, chunk, counts[0], counts[1])
        return accepted_outcome(chunk, counts, attempts.count)


async def upload(
    api_client: ApiClient,
    audience_id: str,
    identifiers: Identifiers,
    *,
    identifier_type: IdentifierType = "email",
    operation: Operation = "add",
    gum_caller_id: Optional[int] = None,
    chunk_size: int = 50_000,
    max_workers: int = 4,
    progress: ProgressArgument = None,
    checkpoint: Optional[PathLike] = None,
    normalize_emails: bool = False,
) -> UploadReport:
    """Add identifiers to the contact list of an audience, or remove them, in chunks sent concurrently.

    The arguments, the chunking, the retries, the checkpoint and the report
    are those of ``audiences.upload``; see its docstring and
    ``docs/Audiences.md``.

    Args:
        api_client: the asyncio client to send with.
        audience_id: the audience whose contact list changes.
        identifiers: an iterable of ``str`` (read on the event loop, one chunk
            at a time) or an async iterable of ``str`` (read with ``async
            for``, one chunk at a time): in a stable order if ``checkpoint``
            is used.
        identifier_type, operation, gum_caller_id, chunk_size, normalize_emails: as for ``audiences.upload``.
        max_workers: requests in flight at once (tasks of the running loop).
        progress: ``None``, ``True`` for a ``tqdm`` bar, or
            ``progress(identifiers_done, total)``, called on the event loop as
            each chunk ends (``total`` is ``None`` unless ``identifiers`` has a
            ``len()``).
        checkpoint: a file recording the accepted chunks, so that a rerun of
            the same job sends only what is missing.

    Returns:
        An ``UploadReport``; ``report.ok`` says whether every chunk is accepted.

    Raises:
        ApiTypeError, ApiValueError: as ``audiences.upload`` raises them.
        asyncio.CancelledError: the upload was cancelled; the checkpoint
            records every chunk accepted until then, and only those.
    """
    if not isinstance(cast(object, api_client), ApiClient):  # checked at run time: callers may not be type-checked
        raise ApiTypeError(
            f"api_client must be an asyncio ApiClient (aio.ApiClient), got {type(api_client).__name__}", ["api_client"]
        )
    _retry.policy_from(api_client.configuration.retries)  # a wrong setting fails here, not in every task
    job = job_from(audience_id, identifier_type, operation, gum_caller_id, chunk_size, max_workers, normalize_emails)
    source, total = _chunks_of(identifiers, job)
    path = checkpoint_path(checkpoint)
    started = time.monotonic()
    tally = Tally(job.audience_id, job.operation, job.identifier_type, path)
    sink = ProgressSink(progress, total, f"audience {job.audience_id}")
    try:
        opened: Optional[Checkpoint] = None
        if path is not None:
            opened = await _to_the_end(Checkpoint, path, job.identity, abandon=Checkpoint.close)
        try:
            await _Run(api_client, job, opened, sink, tally).run(source)
        finally:
            if opened is not None:
                opened.close()
    finally:
        sink.close()
    report = tally.report(time.monotonic() - started)
    log_report(report)
    return report


async def remove_all(api_client: ApiClient, audience_id: str) -> DeleteAudienceContactListResponse:
    """Empty the contact list of an audience (``AudienceApi.delete_identifiers``), retried as ``audiences.remove_all``
    retries it."""
    checked = audience_id_from(audience_id)
    attempts = _Attempts(api_client, "DELETE", CONTACTLIST_PATH.format(checked), _never)
    answer = await attempts.run(lambda: AudienceApi(api_client).delete_identifiers(checked))
    logger.debug("contact list of audience %s emptied after %d attempt(s)", checked, attempts.count)
    return answer
