"""``reports.download``: a report streamed to a file, in bounded memory, all or nothing."""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path
from typing import IO, Any, Callable, NamedTuple, Optional, Tuple, Union, cast

from criteo_api_marketingsolutions_v2020_10 import _log, _retry
from criteo_api_marketingsolutions_v2020_10._progress import Progress, ProgressArgument
from criteo_api_marketingsolutions_v2020_10._streaming import StreamingResponse
from criteo_api_marketingsolutions_v2020_10.api.analytics_api import AnalyticsApi
from criteo_api_marketingsolutions_v2020_10.api_client import ApiClient
from criteo_api_marketingsolutions_v2020_10.exceptions import (
    ApiConnectionError,
    ApiException,
    ApiTypeError,
    ApiValueError,
)
from criteo_api_marketingsolutions_v2020_10.model.statistics_report_query_message import StatisticsReportQueryMessage
from criteo_api_marketingsolutions_v2020_10.model.transactions_report_query_data_message import (
    TransactionsReportQueryDataMessage,
)
from criteo_api_marketingsolutions_v2020_10.model.transactions_report_query_entity_message import (
    TransactionsReportQueryEntityMessage,
)
from criteo_api_marketingsolutions_v2020_10.model.transactions_report_query_message import (
    TransactionsReportQueryMessage,
)

__all__ = ["DEFAULT_DOWNLOAD_CHUNK", "DownloadResult", "download"]

logger = _log.get_logger(__name__)

#: Bytes read and written at a time: large enough for disk and socket throughput, small beside 32 MiB.
DEFAULT_DOWNLOAD_CHUNK = 1024 * 1024

ReportQuery = Union[StatisticsReportQueryMessage, TransactionsReportQueryMessage, TransactionsReportQueryDataMessage]
Destination = Union[str, "os.PathLike[str]", IO[bytes]]


class DownloadResult(NamedTuple):
    """What ``download`` wrote.

    Attributes:
        path: the file written, or ``None`` when the destination was a file object.
        bytes_written: the report's size, in bytes.
        format: the report format asked for (``csv``, ``json``, ``xml`` or ``excel``).
        content_type: the ``Content-Type`` of the answer.
        sha256: the SHA-256 of the bytes written, in hex.
        elapsed: seconds from the request to the last byte written.
        attempts: requests made (more than 1 when a broken download was started again).
    """

    path: Optional[Path]
    bytes_written: int
    format: str
    content_type: str
    sha256: str
    elapsed: float
    attempts: int = 1


def check_chunk_size(chunk_size: object) -> int:
    """The bytes to read and write at a time: ``chunk_size``, checked, or 1 MiB for ``None``."""
    if chunk_size is None:
        return DEFAULT_DOWNLOAD_CHUNK
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size <= 0:
        raise ApiValueError("download(): chunk_size must be a positive number of bytes, or None")
    return chunk_size


def report_format(query: Any) -> str:
    """The file format ``query`` asks for (``csv``, ``json``, ``xml`` or ``excel``)."""
    if isinstance(query, TransactionsReportQueryDataMessage):
        entries = query.data
        if len(entries) != 1:
            raise ApiValueError("download(): a transactions report query holds exactly one entry in 'data'")
        return str(entries[0].attributes.format)
    return str(query.format)


def report_opener(api: Any, query: Any) -> Callable[[], Any]:
    """The call that opens the report's answer as a stream.

    ``api`` is an ``AnalyticsApi``: the synchronous one's call returns the
    stream, the asynchronous one's an awaitable of it.
    """
    if isinstance(query, StatisticsReportQueryMessage):
        return lambda: api.get_adset_report(statistics_report_query_message=query, _preload_content=False)
    if isinstance(query, TransactionsReportQueryMessage):
        query = TransactionsReportQueryDataMessage(
            data=[TransactionsReportQueryEntityMessage(type="TransactionsReport", attributes=query)]
        )
    if isinstance(query, TransactionsReportQueryDataMessage):
        body = query
        return lambda: api.get_transactions_report(transactions_report_query_data_message=body, _preload_content=False)
    raise ApiTypeError(
        "download(): query must be a StatisticsReportQueryMessage or a TransactionsReportQueryMessage, "
        f"not {type(query).__name__}",
        ["query"],
    )


def _copy(stream: StreamingResponse, sink: IO[bytes], chunk_size: int, progress: Progress) -> Tuple[int, str]:
    """Copy the body to ``sink``; return its size and SHA-256."""
    digest = hashlib.sha256()
    written = 0
    total = stream.content_length
    progress.update(0, total)
    for chunk in stream.iter_bytes(chunk_size):
        sink.write(chunk)
        digest.update(chunk)
        written += len(chunk)
        progress.update(written, total)
    return written, digest.hexdigest()


class Restarts:
    """Whether a failed download may start again: the client's retry policy, with POST allowed.

    Asking for a report only reads, so repeating the request is safe even
    though it is a POST. 429 answers and connection failures before the
    request was sent are already retried by the client itself.

    Args:
        retries: the client's ``Configuration.retries``.
    """

    def __init__(self, retries: object) -> None:
        self.policy = _retry.with_post_allowed(_retry.policy_from(retries))
        #: Requests made so far (the caller counts them).
        self.count = 0

    def delay_after(self, error: Exception, url: str) -> Optional[float]:
        """Seconds to wait before starting again after ``error``, or ``None`` when it is final; uses up the policy."""
        if isinstance(error, ApiConnectionError):
            step = _retry.after_error(self.policy, "POST", url, error)
        elif isinstance(error, ApiException) and error.status != 429:
            step = _retry.after_status(self.policy, "POST", url, error.status or 0, error.headers or {})
        else:
            step = None
        if step is None:
            return None
        logger.debug("report download failed (%s): starting again in %.2f s", type(error).__name__, step.delay)
        self.policy = step.policy
        return step.delay


def destination_path(destination: object) -> Optional[Path]:
    """The file to write for a path ``destination``; ``None`` for a binary file object; ``ApiTypeError`` else."""
    if isinstance(destination, (str, os.PathLike)):
        return Path(os.fspath(cast("Union[str, os.PathLike[str]]", destination)))
    if not callable(getattr(destination, "write", None)):
        raise ApiTypeError("download(): destination must be a path or a binary file object", ["destination"])
    return None


def download(
    api_client: ApiClient,
    query: ReportQuery,
    destination: Destination,
    *,
    progress: ProgressArgument = None,
    chunk_size: Optional[int] = None,
) -> DownloadResult:
    """Stream a report to ``destination`` and describe what was written.

    Args:
        api_client: the client to call with.
        query: a ``StatisticsReportQueryMessage`` (ad-set statistics,
            ``get_adset_report``) or a ``TransactionsReportQueryMessage``
            (transactions, ``get_transactions_report``; a whole
            ``TransactionsReportQueryDataMessage`` is taken too).
        destination: a path, or a binary file object open for writing. A path
            is written to a temporary file in the same folder, renamed over
            the destination only once the whole report arrived: after a
            failure, the destination is as it was. A file object receives the
            bytes as they come; after a failure it holds part of them.
        progress: ``None``, a callable ``progress(bytes_done, total)`` (total
            is ``None`` when the server does not say), or ``True`` for a bar.
        chunk_size: bytes read and written at a time (1 MiB by default).

    A download that breaks is started again from the beginning, as often as
    the client's retry policy allows (``Configuration.retries``). The read
    timeout bounds every wait for bytes, ``Configuration.stream_deadline``
    the whole body; the call deadline covers the wait for the headers only.

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
                written, digest, content_type = _attempt(open_answer, target, destination, size, shown)
                break
            except (ApiConnectionError, ApiException) as error:
                # A file object's bytes cannot be taken back: it is never written twice.
                delay = restarts.delay_after(error, api_client.configuration.host) if target is not None else None
                if delay is None:
                    raise
            api_client.pipeline.sleep(delay)
    return DownloadResult(target, written, fmt, content_type, digest, time.monotonic() - started, restarts.count)


def _attempt(
    open_answer: Any, target: Optional[Path], destination: Any, chunk_size: int, progress: Progress
) -> Tuple[int, str, str]:
    with open_answer() as stream:
        content_type = stream.headers.get("Content-Type", "")
        if target is None:
            written, digest = _copy(stream, destination, chunk_size, progress)
        else:
            written, digest = _write_atomically(stream, target, chunk_size, progress)
    return written, digest, content_type


def _write_atomically(stream: StreamingResponse, target: Path, chunk_size: int, progress: Progress) -> Tuple[int, str]:
    sink, temporary = temporary_beside(target)
    try:
        written, digest = _copy(stream, sink, chunk_size, progress)
        commit_temporary(sink, temporary, target)
    except BaseException:
        # Whatever stopped the copy (an error, Ctrl-C), nothing partial is left behind.
        discard_temporary(sink, temporary)
        raise
    return written, digest


def temporary_beside(target: Path) -> Tuple[IO[bytes], str]:
    """A new temporary file in ``target``'s folder, open for writing, and its path."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    return os.fdopen(handle, "wb"), temporary


def commit_temporary(sink: IO[bytes], temporary: str, target: Path) -> None:
    """Sync the temporary file to disk, close it and rename it over ``target``."""
    with sink:
        sink.flush()
        os.fsync(sink.fileno())
    os.replace(temporary, target)


def discard_temporary(sink: IO[bytes], temporary: str) -> None:
    """Close the temporary file and remove it (it may already be gone)."""
    try:
        sink.close()
    finally:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
