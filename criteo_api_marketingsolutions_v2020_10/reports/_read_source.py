"""Where report bytes come from: a path, a binary file object or a streaming response, and which format they are.

Every source becomes a raw binary stream that ``rows`` owns and may close;
closing it never closes a file object or response that the caller gave.
"""

from __future__ import annotations

import io
import os
from typing import Any, List, Mapping, Optional, Union, cast

from criteo_api_marketingsolutions_v2020_10.exceptions import ApiTypeError, ApiValueError

Source = Union[str, "os.PathLike[str]", Any]

#: The API's names of the report formats.
FORMATS = ("csv", "json", "xml", "excel")
_BY_CONTENT_TYPE = {
    "text/csv": "csv",
    "application/csv": "csv",
    "application/json": "json",
    "text/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "excel",
}
_BY_EXTENSION = {".csv": "csv", ".json": "json", ".xml": "xml", ".xlsx": "excel"}
_BOM = b"\xef\xbb\xbf"
#: How many leading bytes are read to recognise a format by its first characters.
SNIFF_BYTES = 512
#: Buffer of the binary stream under every reader.
BUFFER_BYTES = 256 * 1024


def normalise_format(format: object) -> Optional[str]:
    """The API's name of a format given in any case, None for "infer it"; anything else is refused."""
    if format is None:
        return None
    name = format.strip().lower() if isinstance(format, str) else None
    if name not in FORMATS:
        raise ApiValueError(f"format must be one of {', '.join(FORMATS)} (or None to infer it), not {format!r}")
    return name


def path_of(source: Any) -> Optional[str]:
    """The file name of a path source, None for a file object or response."""
    if isinstance(source, (str, os.PathLike)):
        return os.fsdecode(cast("Union[str, os.PathLike[str]]", source))
    if not callable(getattr(source, "read", None)):
        raise ApiTypeError(
            f"source must be a path, a binary file object or a streaming response, not {type(source).__name__}"
        )
    return None


def _headers_of(source: Any) -> Optional[Mapping[str, Any]]:
    headers = getattr(source, "headers", None)
    return cast(Mapping[str, Any], headers) if isinstance(headers, Mapping) else None


def format_from_headers(source: Any) -> Optional[str]:
    """The format named by a response's Content-Type, None for other sources or types."""
    headers = _headers_of(source)
    if headers is None:
        return None
    value = headers.get("Content-Type") or headers.get("content-type") or ""
    return _BY_CONTENT_TYPE.get(str(value).split(";", 1)[0].strip().lower())


def format_from_name(name: Any) -> Optional[str]:
    """The format a file name's extension names, if any."""
    if not isinstance(name, str):
        return None
    return _BY_EXTENSION.get(os.path.splitext(name)[1].lower())


def check_response(source: Any) -> None:
    """A response that is not a success holds an error message, not a report: say so instead of misreading it."""
    status = getattr(source, "status", None)
    if _headers_of(source) is not None and isinstance(status, int) and not 200 <= status < 300:
        raise ApiValueError(f"The response has HTTP status {status}: it holds no report")


def sniff(prefix: bytes) -> str:
    """The format of a document from its first bytes: a zip archive is Excel, ``{``/``[`` JSON, ``<`` XML."""
    if prefix.startswith(b"PK\x03\x04"):
        return "excel"
    text = prefix[len(_BOM) :] if prefix.startswith(_BOM) else prefix
    first = text.lstrip(b" \t\r\n")[:1]
    if first in (b"{", b"["):
        return "json"
    if first == b"<":
        return "xml"
    return "csv"


def _binary(data: object) -> Union[bytes, bytearray, None]:
    if data is None or isinstance(data, (bytes, bytearray)):
        return data
    if isinstance(data, memoryview):
        return bytes(cast("memoryview[int]", data))
    raise ApiTypeError(f"source.read() returned {type(data).__name__}: open the file in binary mode ('rb')")


class CallerStream(io.RawIOBase):
    """A raw stream over anything with ``read(n)``, replaying bytes already read (``prefix``) first.

    Closing it leaves the underlying object open: that belongs to whoever opened it.
    """

    def __init__(self, source: Any, prefix: bytes = b"") -> None:
        super().__init__()
        self._read = source.read
        self._prefix = memoryview(prefix)

    def readable(self) -> bool:
        """Always: this is an input stream."""
        return True

    def readinto(self, buffer: Any) -> int:
        """Fill ``buffer`` from the replayed prefix, then from the source."""
        target = memoryview(buffer).cast("B")
        if self._prefix:
            count = min(len(target), len(self._prefix))
            target[:count] = self._prefix[:count]
            self._prefix = self._prefix[count:]
            return count
        data = _binary(self._read(len(target)))
        if not data:
            return 0
        count = len(data)
        if count > len(target):
            raise ApiValueError(f"The source returned {count} bytes when asked for at most {len(target)}")
        target[:count] = data
        return count


def read_prefix(source: Any, size: int = SNIFF_BYTES) -> bytes:
    """Up to ``size`` leading bytes, fewer only at the end of the data (sources may return short reads)."""
    parts: List[bytes] = []
    wanted = size
    while wanted > 0:
        data = _binary(source.read(wanted))
        if not data:
            break
        parts.append(bytes(data))
        wanted -= len(data)
    return b"".join(parts)


def buffered(raw: io.RawIOBase) -> io.BufferedReader:
    """A buffered reader over a raw stream, with a buffer large enough for long rows."""
    return io.BufferedReader(raw, buffer_size=BUFFER_BYTES)
