"""The checkpoint of an upload: which chunks the API accepted, kept in an append-only file of JSON lines.

The first line names the job; each later line records one accepted chunk::

    {"checkpoint": "criteo-contactlist-upload", "version": 1, "job": {"audience_id": "70100", ...}}
    {"index": 0, "size": 50000, "sha256": "9f2c...", "valid": 49990, "invalid": 10}

No identifier is ever written: only counts and digests. A line is written,
flushed and synced to disk as soon as its chunk is accepted, so a crash
loses at most the line being written; that torn last line is dropped when
the file is opened again.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import asdict, dataclass
from typing import IO, Any, Dict, List, Optional, Union, cast

from criteo_api_marketingsolutions_v2020_10.audiences._chunks import Chunk
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError

__all__ = ["FORMAT", "VERSION", "Checkpoint", "JobIdentity", "RecordedChunk"]

#: The ``checkpoint`` member of the header line.
FORMAT = "criteo-contactlist-upload"
#: The version of the file layout.
VERSION = 1

#: A checkpoint's path.
PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class JobIdentity:
    """What makes two uploads the same job: a checkpoint is only reused for the very same one."""

    audience_id: str
    operation: str
    identifier_type: str
    chunk_size: int
    gum_caller_id: Optional[int]
    normalize_emails: bool

    def to_json(self) -> Dict[str, Any]:
        """The members of the header's ``job`` object."""
        return asdict(self)


@dataclass(frozen=True)
class RecordedChunk:
    """A chunk the API accepted in an earlier run, as its checkpoint line says."""

    index: int
    size: int
    sha256: str
    valid: int
    invalid: int


class Checkpoint:
    """An open checkpoint file: what it recorded, and where new accepted chunks are appended.

    Opening reads the whole file (a few dozen bytes per chunk), checks that
    its header names this job (``ApiValueError`` otherwise: a checkpoint is
    never reused for another job), drops a torn last line, and creates the
    file with its header when it does not exist yet. ``record`` may be called
    from any thread.
    """

    def __init__(self, path: PathLike, identity: JobIdentity) -> None:
        self.path = os.fspath(path)
        self.identity = identity
        self._lock = threading.Lock()
        self._recorded: Dict[int, RecordedChunk] = {}
        self._file: Optional[IO[bytes]] = None
        lines = self._complete_lines()
        if lines:
            self._check_header(lines[0])
            for number, line in enumerate(lines[1:], start=2):
                chunk = self._parse_chunk(line, number)
                self._recorded[chunk.index] = chunk  # a chunk sent again with new content: the last line wins
        self._file = open(self.path, "ab")  # noqa: SIM115 - kept open across the upload, closed by close()
        if not lines:
            self._append({"checkpoint": FORMAT, "version": VERSION, "job": identity.to_json()})
            _sync_directory(self.path)

    @property
    def recorded(self) -> int:
        """How many chunks the file records as accepted."""
        return len(self._recorded)

    def accepted_before(self, chunk: Chunk) -> Optional[RecordedChunk]:
        """The record of ``chunk`` if an earlier run had it accepted with the same identifiers, else ``None``."""
        recorded = self._recorded.get(chunk.index)
        if recorded is None or recorded.size != chunk.size or recorded.sha256 != chunk.digest:
            return None
        return recorded

    def record(self, chunk: Chunk, valid: int, invalid: int) -> None:
        """Append the line of an accepted chunk and sync it to disk before returning."""
        entry = RecordedChunk(chunk.index, chunk.size, chunk.digest, valid, invalid)
        with self._lock:
            self._append(asdict(entry))
            self._recorded[chunk.index] = entry

    def close(self) -> None:
        """Close the file; the records stay on disk."""
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None

    def __repr__(self) -> str:
        return f"Checkpoint({self.path!r}, recorded={self.recorded})"

    # -- reading ------------------------------------------------------------------------

    def _complete_lines(self) -> List[bytes]:
        """The complete lines of the file; a torn tail is cut off the file itself so that appends stay clean."""
        try:
            with open(self.path, "rb") as existing:
                content = existing.read()
        except FileNotFoundError:
            return []
        end = content.rfind(b"\n") + 1
        if end < len(content):
            with open(self.path, "r+b") as torn:
                torn.truncate(end)
        return content[:end].splitlines()

    def _check_header(self, line: bytes) -> None:
        header = _json_object(line)
        if header is None or header.get("checkpoint") != FORMAT or not isinstance(header.get("job"), dict):
            raise ApiValueError(f"{self.path} is not the checkpoint of a contact-list upload")
        if header.get("version") != VERSION:
            raise ApiValueError(f"{self.path} is a checkpoint of version {header.get('version')!r}, expected {VERSION}")
        differences = _differences(header["job"], self.identity.to_json())
        if differences:
            raise ApiValueError(
                f"the checkpoint {self.path} belongs to another job ({'; '.join(differences)}): "
                "give this upload its own checkpoint file, or delete that one to start over"
            )

    def _parse_chunk(self, line: bytes, number: int) -> RecordedChunk:
        entry = _json_object(line)
        try:
            if entry is None:
                raise TypeError
            chunk = RecordedChunk(
                _count(entry["index"]), _count(entry["size"]), _text(entry["sha256"]),
                _count(entry["valid"]), _count(entry["invalid"]),
            )
        except (KeyError, TypeError):
            raise ApiValueError(f"line {number} of the checkpoint {self.path} is damaged: delete it to start over")
        return chunk

    # -- writing ------------------------------------------------------------------------

    def _append(self, entry: Dict[str, Any]) -> None:
        target = self._file
        if target is None:
            raise ApiValueError(f"the checkpoint {self.path} is closed")
        # One write per line: a crash can tear the last line, never mix two.
        target.write(json.dumps(entry, separators=(",", ":")).encode("ascii") + b"\n")
        target.flush()
        os.fsync(target.fileno())


def _json_object(line: bytes) -> Optional[Dict[str, Any]]:
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return cast(Dict[str, Any], value) if isinstance(value, dict) else None


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TypeError
    return value


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError
    return value


def _differences(recorded: Dict[str, Any], current: Dict[str, Any]) -> List[str]:
    return [
        f"{name} is {recorded.get(name)!r} there, {value!r} here"
        for name, value in current.items()
        if recorded.get(name) != value
    ]


def _sync_directory(path: str) -> None:
    """Make the new file's directory entry durable too (POSIX only; elsewhere the file sync is all there is)."""
    directory = os.path.dirname(os.path.abspath(path))
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        descriptor = os.open(directory, flags)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
