"""What an upload did: ``UploadReport``, its ``FailedChunk`` entries, and the tally that builds them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, List, Optional, Tuple, cast

from criteo_api_marketingsolutions_v2020_10._log import one_line
from criteo_api_marketingsolutions_v2020_10.exceptions import (
    ApiConnectionError,
    ApiException,
    MalformedResponseError,
)

__all__ = ["SAMPLE_SIZE", "FailedChunk", "Tally", "UploadReport", "describe"]

#: Most invalid identifiers kept in ``UploadReport.sample_invalid_identifiers``.
SAMPLE_SIZE = 100


@dataclass(frozen=True)
class FailedChunk:
    """A chunk that was sent but not accepted, after the retries allowed.

    Attributes:
        index: the chunk's number (0 for the first ``chunk_size`` identifiers of the input).
        size: how many identifiers it holds.
        error: a short description, e.g. ``"503 Service Unavailable"``; never a secret, never an identifier.
        attempts: how many times it was sent.
        exception: the ``ApiException`` of the last attempt (left out of ``repr``).
    """

    index: int
    size: int
    error: str
    attempts: int = 1
    exception: Optional[ApiException] = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class UploadReport:
    """The outcome of ``audiences.upload``.

    Every chunk of the input is counted exactly once:
    ``chunks_total == chunks_accepted + chunks_failed + chunks_skipped + chunks_not_sent``
    (``chunks_sent == chunks_accepted + chunks_failed``), and the same holds
    for identifiers (``identifiers_total == identifiers_sent + identifiers_skipped + identifiers_not_sent``).

    Attributes:
        audience_id, operation, identifier_type: the job.
        chunks_total: chunks the input made.
        chunks_sent: chunks sent in this run (accepted or failed).
        chunks_accepted: chunks the API accepted in this run.
        chunks_failed: chunks that failed after their retries (see ``failed``).
        chunks_skipped: chunks not sent because the checkpoint records them as accepted in an earlier run.
        chunks_not_sent: chunks not sent because the upload stopped (see ``stopped_because``).
        identifiers_total, identifiers_sent, identifiers_skipped, identifiers_not_sent: the same, in identifiers.
        nb_valid_identifiers, nb_invalid_identifiers: the API's counts, summed over the accepted chunks,
            those of earlier runs included (from the checkpoint).
        sample_invalid_identifiers: up to ``SAMPLE_SIZE`` identifiers the API refused, from this run's
            answers only, in chunk order (left out of ``repr``: they are personal data).
        failed: the failed chunks, by index.
        stopped_because: why the upload stopped sending, when a failure would have failed every chunk
            (e.g. ``"404 Not Found (audience-not-found)"``); ``None`` when it did not stop.
        elapsed: seconds the upload took.
        checkpoint: the checkpoint file, if any.
    """

    audience_id: str
    operation: str
    identifier_type: str
    chunks_total: int = 0
    chunks_sent: int = 0
    chunks_accepted: int = 0
    chunks_failed: int = 0
    chunks_skipped: int = 0
    chunks_not_sent: int = 0
    identifiers_total: int = 0
    identifiers_sent: int = 0
    identifiers_skipped: int = 0
    identifiers_not_sent: int = 0
    nb_valid_identifiers: int = 0
    nb_invalid_identifiers: int = 0
    sample_invalid_identifiers: Tuple[str, ...] = field(default=(), repr=False)
    failed: Tuple[FailedChunk, ...] = ()
    stopped_because: Optional[str] = None
    elapsed: float = 0.0
    checkpoint: Optional[str] = None

    @property
    def ok(self) -> bool:
        """Whether every chunk of the input is accepted now (in this run or, per the checkpoint, an earlier one)."""
        return self.chunks_failed == 0 and self.chunks_not_sent == 0 and self.stopped_because is None

    def summary(self) -> str:
        """A few lines for a person to read; no identifier appears in them."""
        verdict = "complete" if self.ok else "INCOMPLETE"
        lines = [
            f"{self.operation} {self.identifier_type} identifiers, audience {self.audience_id}: {verdict}"
            f" in {self.elapsed:.1f} s",
            f"  chunks: {self.chunks_total} in the input, {self.chunks_accepted} accepted, {self.chunks_failed} failed,"
            f" {self.chunks_skipped} already accepted earlier, {self.chunks_not_sent} not sent",
            f"  identifiers: {self.identifiers_total} in the input, {self.identifiers_sent} sent;"
            f" the API counted {self.nb_valid_identifiers} valid, {self.nb_invalid_identifiers} invalid",
        ]
        if self.stopped_because:
            lines.append(f"  stopped: {self.stopped_because}")
        lines.extend(f"  chunk {f.index} ({f.size} identifiers) failed: {f.error}" for f in self.failed[:10])
        if len(self.failed) > 10:
            lines.append(f"  ... and {len(self.failed) - 10} more failed chunks")
        return "\n".join(lines)


def describe(error: ApiException) -> str:
    """A short description of ``error`` fit for a report: the status and its reason, or the kind of failure."""
    if isinstance(error, MalformedResponseError):
        # Its reason may quote the answer, which can hold identifiers.
        return "MalformedResponseError: the answer does not match the spec"
    if isinstance(error, ApiConnectionError) or error.status is None:
        return f"{type(error).__name__}: {one_line(error.reason or 'no response', 200)}"
    text = f"{error.status} {one_line(error.reason or '', 100)}".strip()
    code = _error_code(error.data)
    return f"{text} ({code})" if code else text


def _error_code(data: Any) -> Optional[str]:
    """The ``code`` of the first Criteo error in ``data`` (a slug such as ``audience-not-found``), if any."""
    errors = getattr(data, "errors", None)
    if not isinstance(errors, list) or not errors:
        return None
    first: object = cast(List[object], errors)[0]
    code = getattr(first, "code", None)
    return one_line(code, 80) if isinstance(code, str) and code else None


class Tally:
    """The counts of an upload as it runs (calling thread only), turned into an ``UploadReport`` at the end."""

    def __init__(self, audience_id: str, operation: str, identifier_type: str, checkpoint: Optional[str]) -> None:
        self.audience_id, self.operation, self.identifier_type = audience_id, operation, identifier_type
        self.checkpoint = checkpoint
        self.chunks_total = self.chunks_accepted = self.chunks_skipped = self.chunks_not_sent = 0
        self.identifiers_total = self.identifiers_sent = self.identifiers_skipped = self.identifiers_not_sent = 0
        self.valid = self.invalid = 0
        self.failed: List[FailedChunk] = []
        self.samples: List[Tuple[int, List[str]]] = []
        self.stopped_because: Optional[str] = None

    def seen(self, size: int) -> None:
        """A chunk of ``size`` identifiers was read from the input."""
        self.chunks_total += 1
        self.identifiers_total += size

    def skipped(self, size: int, valid: int, invalid: int) -> None:
        """A chunk was accepted in an earlier run: its counts are the checkpoint's."""
        self.chunks_skipped += 1
        self.identifiers_skipped += size
        self.valid += valid
        self.invalid += invalid

    def not_sent(self, size: int) -> None:
        """A chunk was left unsent because the upload stopped."""
        self.chunks_not_sent += 1
        self.identifiers_not_sent += size

    def accepted(self, index: int, size: int, valid: int, invalid: int, sample: List[str]) -> None:
        """The API accepted a chunk."""
        self.chunks_accepted += 1
        self.identifiers_sent += size
        self.valid += valid
        self.invalid += invalid
        if sample:
            self._keep_sample(index, sample)

    def failure(self, failed: FailedChunk) -> None:
        """A chunk failed after its retries."""
        self.identifiers_sent += failed.size
        self.failed.append(failed)

    def _keep_sample(self, index: int, sample: List[str]) -> None:
        # Chunks finish in any order: keep the samples of the lowest indexes, at most SAMPLE_SIZE in all.
        self.samples.append((index, sample[:SAMPLE_SIZE]))
        self.samples.sort(key=lambda entry: entry[0])
        kept: List[Tuple[int, List[str]]] = []
        total = 0
        for entry in self.samples:
            if total >= SAMPLE_SIZE:
                break
            kept.append(entry)
            total += len(entry[1])
        self.samples = kept

    def report(self, elapsed: float) -> UploadReport:
        """The report of the counts so far."""
        sample = tuple(identifier for _, chunk_sample in self.samples for identifier in chunk_sample)[:SAMPLE_SIZE]
        failed = tuple(sorted(self.failed, key=lambda f: f.index))
        return UploadReport(
            audience_id=self.audience_id, operation=self.operation, identifier_type=self.identifier_type,
            chunks_total=self.chunks_total, chunks_sent=self.chunks_accepted + len(failed),
            chunks_accepted=self.chunks_accepted, chunks_failed=len(failed), chunks_skipped=self.chunks_skipped,
            chunks_not_sent=self.chunks_not_sent, identifiers_total=self.identifiers_total,
            identifiers_sent=self.identifiers_sent, identifiers_skipped=self.identifiers_skipped,
            identifiers_not_sent=self.identifiers_not_sent, nb_valid_identifiers=self.valid,
            nb_invalid_identifiers=self.invalid, sample_invalid_identifiers=sample, failed=failed,
            stopped_because=self.stopped_because, elapsed=elapsed, checkpoint=self.checkpoint,
        )
