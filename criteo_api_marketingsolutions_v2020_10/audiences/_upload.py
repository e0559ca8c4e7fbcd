"""``upload`` and ``remove_all``: contact-list changes of any size, in chunks, in parallel, resumable."""

from __future__ import annotations

import logging
import os
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any, Dict, Iterable, Iterator, List, Optional, Set, Tuple, Union, cast

from criteo_api_marketingsolutions_v2020_10 import _log, _retry
from criteo_api_marketingsolutions_v2020_10.api.audience_api import AudienceApi
from criteo_api_marketingsolutions_v2020_10.api_client import ApiClient
from criteo_api_marketingsolutions_v2020_10.audiences._attempts import Attempts
from criteo_api_marketingsolutions_v2020_10.audiences._checkpoint import Checkpoint
from criteo_api_marketingsolutions_v2020_10.audiences._chunks import Chunk, chunks
from criteo_api_marketingsolutions_v2020_10.audiences._progress import ProgressArgument, ProgressSink
from criteo_api_marketingsolutions_v2020_10.audiences._report import FailedChunk, Tally, UploadReport, describe
from criteo_api_marketingsolutions_v2020_10.audiences._settings import (
    IdentifierType,
    Job,
    Operation,
    audience_id_from,
    checkpoint_path,
    input_of,
    job_from,
)
from criteo_api_marketingsolutions_v2020_10.exceptions import (
    ApiConnectionError,
    ApiException,
    ApiTypeError,
    ForbiddenException,
    NotFoundException,
    TokenRefreshError,
    UnauthorizedException,
)
from criteo_api_marketingsolutions_v2020_10.model.contactlist_amendment import ContactlistAmendment
from criteo_api_marketingsolutions_v2020_10.model.contactlist_amendment_attributes import (
    ContactlistAmendmentAttributes,
)
from criteo_api_marketingsolutions_v2020_10.model.contactlist_amendment_request import ContactlistAmendmentRequest
from criteo_api_marketingsolutions_v2020_10.model.delete_audience_contact_list_response import (
    DeleteAudienceContactListResponse,
)
from criteo_api_marketingsolutions_v2020_10.model.modify_audience_response import ModifyAudienceResponse

__all__ = [
    "CONTACTLIST_PATH", "ChunkOutcome", "accepted_outcome", "amendment_request", "counts_of", "failed_outcome",
    "log_report", "remove_all", "skip_recorded", "tally_outcome", "upload",
]

logger = _log.get_logger(__name__)

#: The contact list of an audience, as the retry log names it.
CONTACTLIST_PATH = "/2021-04/audiences/{}/contactlist"
#: Token endpoint statuses that mean the credentials themselves are refused.
_REFUSED_CREDENTIALS = frozenset({400, 401, 403})


def _fails_every_chunk(error: ApiException) -> bool:
    """Whether ``error`` would fail every other chunk too: sending them would only repeat it."""
    if isinstance(error, (UnauthorizedException, ForbiddenException, NotFoundException)):
        return True
    return (
        isinstance(error, TokenRefreshError)
        and not isinstance(error, ApiConnectionError)
        and error.status in _REFUSED_CREDENTIALS
    )


def _forget_frames(error: BaseException) -> None:
    """Drop the tracebacks along ``error``'s chain: their frames hold the chunk's identifiers, and a report
    keeping every failed chunk's exception must not keep every failed chunk in memory."""
    seen: Set[int] = set()
    current: Optional[BaseException] = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.__traceback__ = None
        current = current.__cause__ or current.__context__


@dataclass(frozen=True)
class ChunkOutcome:
    """What became of one chunk, as a worker hands it back (no identifiers in it, but the sample)."""

    index: int
    size: int
    valid: int = 0
    invalid: int = 0
    sample: Optional[List[str]] = None
    failure: Optional[FailedChunk] = None
    started: bool = True


def amendment_request(job: Job, identifiers: List[str]) -> ContactlistAmendmentRequest:
    """The body of the ``modify_audience_users`` call that sends ``identifiers`` for ``job``."""
    members: Dict[str, Any] = {
        "operation": job.operation, "identifiers": identifiers, "identifier_type": job.identifier_type,
    }
    if job.gum_caller_id is not None:
        members["gum_caller_id"] = job.gum_caller_id
    attributes = ContactlistAmendmentAttributes(**members)
    return ContactlistAmendmentRequest(data=ContactlistAmendment(type="ContactlistAmendment", attributes=attributes))


def counts_of(answer: ModifyAudienceResponse) -> Tuple[int, int, List[str]]:
    """The valid and invalid counts in ``answer`` (0 for a count it left out) and its sample of invalid ones."""
    attributes = answer.data.attributes
    sample = attributes.get("sample_invalid_identifiers") or []
    valid = attributes.get("nb_valid_identifiers") or 0
    invalid = attributes.get("nb_invalid_identifiers") or 0
    return valid, invalid, list(sample)


def failed_outcome(chunk: Chunk, error: ApiException, attempts: int) -> ChunkOutcome:
    """The outcome of a chunk that failed with ``error`` after ``attempts`` attempts (logged)."""
    _forget_frames(error)
    failure = FailedChunk(chunk.index, chunk.size, describe(error), attempts, error)
    logger.debug("chunk %d (%d identifiers): failed after %d attempt(s): %s", chunk.index, chunk.size,
                 attempts, failure.error)
    return ChunkOutcome(chunk.index, chunk.size, failure=failure)


def accepted_outcome(chunk: Chunk, counts: Tuple[int, int, List[str]], attempts: int) -> ChunkOutcome:
    """The outcome of a chunk the API accepted with ``counts`` (see ``counts_of``) after ``attempts`` (logged)."""
    valid, invalid, sample = counts
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("chunk %d (%d identifiers): accepted after %d attempt(s), %d valid, %d invalid",
                     chunk.index, chunk.size, attempts, valid, invalid)
    return ChunkOutcome(chunk.index, chunk.size, valid, invalid, sample)


def skip_recorded(checkpoint: Optional[Checkpoint], chunk: Chunk, tally: Tally, sink: ProgressSink) -> bool:
    """Whether ``chunk`` was accepted in an earlier run, per ``checkpoint``: then it is counted as skipped."""
    recorded = checkpoint.accepted_before(chunk) if checkpoint is not None else None
    if recorded is None:
        return False
    logger.debug("chunk %d (%d identifiers): accepted in an earlier run, skipped", chunk.index, chunk.size)
    tally.skipped(chunk.size, recorded.valid, recorded.invalid)
    sink.advance(chunk.size)
    return True


def tally_outcome(job: Job, tally: Tally, sink: ProgressSink, outcome: ChunkOutcome) -> bool:
    """Count ``outcome``; whether nothing more may be sent (its failure would fail every chunk)."""
    if not outcome.started:
        tally.not_sent(outcome.size)
        return False
    failure = outcome.failure
    stop = False
    if failure is None:
        tally.accepted(outcome.index, outcome.size, outcome.valid, outcome.invalid, outcome.sample or [])
    else:
        tally.failure(failure)
        error = failure.exception
        if error is not None and _fails_every_chunk(error) and tally.stopped_because is None:
            logger.warning("contact list of audience %s: %s, no more chunks sent", job.audience_id, failure.error)
            tally.stopped_because = failure.error
            stop = True
    sink.advance(outcome.size)
    return stop


def log_report(report: UploadReport) -> None:
    """Log the outcome of an upload, at INFO."""
    logger.info("contact list of audience %s: %d of %d chunks accepted, %d failed, %d skipped, %d not sent",
                report.audience_id, report.chunks_accepted, report.chunks_total, report.chunks_failed,
                report.chunks_skipped, report.chunks_not_sent)


class _Run:
    """One call of ``upload``: reads chunks, keeps at most ``max_workers`` in flight, tallies what comes back."""

    def __init__(
        self, api_client: ApiClient, job: Job, checkpoint: Optional[Checkpoint], sink: ProgressSink, tally: Tally
    ) -> None:
        self.api_client, self.job, self.checkpoint, self.sink, self.tally = api_client, job, checkpoint, sink, tally
        self.api = AudienceApi(api_client)
        self.url = CONTACTLIST_PATH.format(job.audience_id)
        #: Set when nothing more may be sent: a failure that fails every chunk, an interrupt, an error.
        self.stop = threading.Event()
        self.in_flight: Set[Future[ChunkOutcome]] = set()

    def run(self, source: Iterator[object]) -> None:
        """Send every chunk of ``source`` that needs sending; returns once none is in flight."""
        pool = ThreadPoolExecutor(self.job.max_workers, thread_name_prefix="criteo-contactlist")
        try:
            for chunk in chunks(source, self.job.chunk_size, self.job.normalize_emails):
                self._dispatch(pool, chunk)
            self._collect(wait(self.in_flight).done)
        except BaseException:
            # KeyboardInterrupt included: nothing new starts; requests in flight end on their own,
            # and each accepted one is already in the checkpoint.
            self.stop.set()
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _dispatch(self, pool: ThreadPoolExecutor, chunk: Chunk) -> None:
        self.tally.seen(chunk.size)
        if skip_recorded(self.checkpoint, chunk, self.tally, self.sink):
            return
        while len(self.in_flight) >= self.job.max_workers and not self.stop.is_set():
            self._collect(wait(self.in_flight, return_when=FIRST_COMPLETED).done)
        if self.stop.is_set():
            self.tally.not_sent(chunk.size)
            return
        self.in_flight.add(pool.submit(self._send, chunk))

    def _collect(self, done: Set[Future[ChunkOutcome]]) -> None:
        for future in done:
            self.in_flight.discard(future)
            if tally_outcome(self.job, self.tally, self.sink, future.result()):
                self.stop.set()

    def _send(self, chunk: Chunk) -> ChunkOutcome:
        """In a worker thread: send one chunk, with its retries; record it in the checkpoint once accepted."""
        if self.stop.is_set():
            return ChunkOutcome(chunk.index, chunk.size, started=False)
        attempts = Attempts(self.api_client, "PATCH", self.url, self.stop)
        body = amendment_request(self.job, chunk.identifiers)
        try:
            answer = attempts.run(lambda: self.api.modify_audience_users(self.job.audience_id, body))
        except ApiException as error:
            return failed_outcome(chunk, error, attempts.count)
        counts = counts_of(answer)
        if self.checkpoint is not None:
            self.checkpoint.record(chunk, counts[0], counts[1])
        return accepted_outcome(chunk, counts, attempts.count)


def upload(
    api_client: ApiClient,
    audience_id: str,
    identifiers: Iterable[str],
    *,
    identifier_type: IdentifierType = "email",
    operation: Operation = "add",
    gum_caller_id: Optional[int] = None,
    chunk_size: int = 50_000,
    max_workers: int = 4,
    progress: ProgressArgument = None,
    checkpoint: Union[str, os.PathLike[str], None] = None,
    normalize_emails: bool = False,
) -> UploadReport:
    """Add identifiers to the contact list of an audience, or remove them, in chunks sent in parallel.

    ``identifiers`` may be any iterable of ``str``, a generator over a huge
    file included: it is read one chunk at a time, and only the chunks in
    flight (at most ``max_workers``, plus the one being read) are in memory.
    Strip line endings before (``(line.rstrip("\\r\\n") for line in file)``).
    Each chunk of at most ``chunk_size`` identifiers (the API takes 50,000 at
    most) is one ``AudienceApi.modify_audience_users`` call, retried as
    ``docs/Audiences.md`` describes. A chunk that fails is reported in
    ``failed`` and the others go on, except after a 401, 403 or 404, which
    would fail every chunk: then nothing more is sent, and the rest is
    counted in ``chunks_not_sent`` and named in ``stopped_because``.

    Args:
        api_client: the client to send with; shared by the worker threads.
        audience_id: the audience whose contact list changes.
        identifiers: the identifiers, in a stable order if ``checkpoint`` is used.
        identifier_type: ``"email"``, ``"madid"``, ``"identityLink"`` or ``"gum"``.
        operation: ``"add"`` or ``"remove"``.
        gum_caller_id: the caller id ``"gum"`` identifiers need (and only they take).
        chunk_size: identifiers per request.
        max_workers: requests in flight at once.
        progress: ``None``; ``True`` for a ``tqdm`` bar (the ``progress`` extra);
            or ``progress(identifiers_done, total)``, called in the calling
            thread as each chunk ends (``total`` is ``None`` unless
            ``identifiers`` has a ``len()``).
        checkpoint: a file recording the accepted chunks, so that a rerun of
            the same job after a crash or Ctrl+C sends only what is missing.
        normalize_emails: strip and lower-case each e-mail before sending it.

    Returns:
        An ``UploadReport``; ``report.ok`` says whether every chunk is accepted.

    Raises:
        ApiTypeError, ApiValueError: an argument is wrong (before any I/O), an
            identifier is not a ``str`` (the chunk holding it is not sent), or
            ``checkpoint`` belongs to another job.
        KeyboardInterrupt: after the requests in flight have ended.
    """
    if not isinstance(cast(object, api_client), ApiClient):  # checked at run time: callers may not be type-checked
        raise ApiTypeError(f"api_client must be an ApiClient, got {type(api_client).__name__}", ["api_client"])
    _retry.policy_from(api_client.configuration.retries)  # a wrong setting fails here, not in every worker
    job = job_from(audience_id, identifier_type, operation, gum_caller_id, chunk_size, max_workers, normalize_emails)
    source, total = input_of(identifiers)
    path = checkpoint_path(checkpoint)
    started = time.monotonic()
    tally = Tally(job.audience_id, job.operation, job.identifier_type, path)
    sink = ProgressSink(progress, total, f"audience {job.audience_id}")
    try:
        opened = Checkpoint(path, job.identity) if path is not None else None
        try:
            _Run(api_client, job, opened, sink, tally).run(source)
        finally:
            if opened is not None:
                opened.close()
    finally:
        sink.close()
    report = tally.report(time.monotonic() - started)
    log_report(report)
    return report


def remove_all(api_client: ApiClient, audience_id: str) -> DeleteAudienceContactListResponse:
    """Empty the contact list of an audience (``AudienceApi.delete_identifiers``).

    Retried as a chunk of ``upload`` is: emptying a list twice leaves it
    empty, so a 5xx or a broken connection is worth another attempt even
    under a policy that does not let the pipeline repeat a DELETE.
    """
    checked = audience_id_from(audience_id)
    attempts = Attempts(api_client, "DELETE", CONTACTLIST_PATH.format(checked))
    answer = attempts.run(lambda: AudienceApi(api_client).delete_identifiers(checked))
    logger.debug("contact list of audience %s emptied after %d attempt(s)", checked, attempts.count)
    return answer
