"""Reading a JSON body safely: media type, charset, nesting depth, then ``json``.

JSON comes in UTF-8, -16 or -32 (RFC 8259 section 8.1), named by a charset label or told by a byte order
mark or RFC 4627's zero-byte pattern. Unknown charsets, invalid bytes, nesting deeper than
``MAX_JSON_DEPTH``, numbers Python refuses, ``NaN`` and ``Infinity`` raise ``Refusal``, never quoting the body.
"""

from __future__ import annotations

import json
import math
from itertools import accumulate
from typing import Any, Dict, List, Mapping, Optional, Tuple

from criteo_api_marketingsolutions_v2020_10._log import one_line

__all__ = [
    "CODECS", "MAX_JSON_DEPTH", "TOO_DEEP", "Refusal", "content_type", "media", "read_json", "read_json_response",
]

#: Deepest JSON nesting read. The API's bodies nest fewer than ten levels; a limit well under Python's
#: recursion limit keeps every later step (models, ``repr``, ``copy``, ``pickle``) clear of ``RecursionError``.
MAX_JSON_DEPTH = 128
#: What a body nested too deeply is refused with: (expected, got).
TOO_DEEP = (f"JSON nested at most {MAX_JSON_DEPTH} levels deep", "a body nested deeper")

_JSON_MEDIA = frozenset({"application/json", "text/json", "text/plain", ""})
#: Charset labels honoured (IANA names, lower case) and their codecs.
CODECS = {
    "utf-8": "utf-8", "utf8": "utf-8", "us-ascii": "ascii", "ascii": "ascii",
    "iso-8859-1": "latin-1", "latin1": "latin-1", "latin-1": "latin-1",
    "utf-16": "utf-16", "utf-16le": "utf-16-le", "utf-16be": "utf-16-be",
    "utf-32": "utf-32", "utf-32le": "utf-32-le", "utf-32be": "utf-32-be",
}
#: Codecs in which JSON's structural characters are the ASCII bytes.
_ASCII_COMPATIBLE = frozenset({"utf-8", "ascii", "latin-1"})
#: Byte order marks (UTF-32 first: its little-endian mark starts like UTF-16's).
_BYTE_ORDER_MARKS = (
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16"), (b"\xff\xfe", "utf-16"),
)
_MARK_STARTS = frozenset({0x00, 0xEF, 0xFE, 0xFF})
# RFC 4627 section 3: JSON text starts with ASCII characters, so which of the first four (UTF-32) or two
# (UTF-16) bytes are zero tells the encoding (True: a zero byte).
_ZERO_PATTERNS: Dict[Tuple[bool, ...], str] = {
    (True, True, True, False): "utf-32-be", (False, True, True, True): "utf-32-le",
    (True, False): "utf-16-be", (False, True): "utf-16-le",
}
_NOT_STRUCTURAL = bytes(b for b in range(256) if b not in b'[]{}"')
_OPENERS = frozenset(b"[{")
_SMALL = 16384  # bodies shorter than this are first checked by counting their brackets
_MEDIA_CACHE: Dict[str, Tuple[bool, Optional[str]]] = {}


class Refusal(Exception):
    """Why a body cannot be read; turned into ``MalformedResponseError`` with the response's facts."""

    def __init__(self, expected: str, got: str, path: Optional[List[Any]] = None) -> None:
        super().__init__(expected, got)
        self.expected, self.got, self.path = expected, got, path


def _refuse_constant(name: str) -> Any:
    raise Refusal("finite numbers", f"the JSON constant {name}")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise Refusal("finite numbers", "a number too large for a float")
    return value


# Every float is checked: "1e400" would otherwise be read as infinity.
_DECODER = json.JSONDecoder(parse_constant=_refuse_constant, parse_float=_finite_float)


def media(header: str) -> Tuple[bool, Optional[str]]:
    """(is JSON, charset label) for a Content-Type; servers send few distinct ones, so they are cached."""
    known = _MEDIA_CACHE.get(header)
    if known is None:
        kind, _, parameters = header.partition(";")
        kind = kind.strip(" \t").lower()
        known = (kind in _JSON_MEDIA or kind.endswith("+json"), _charset(parameters))
        if len(_MEDIA_CACHE) < 256:
            _MEDIA_CACHE[header] = known
    return known


def _charset(parameters: str) -> Optional[str]:
    for part in parameters.split(";"):
        key, _, value = part.partition("=")
        if key.strip(" \t").lower() == "charset":
            return value.strip(" \t").strip('"').lower()  # empty: present but broken
    return None


def content_type(headers: Mapping[str, str]) -> str:
    """The ``Content-Type`` header, whatever the mapping's case rules; ``""`` when absent."""
    value = headers.get("Content-Type")
    if value is None:
        value = headers.get("content-type")
    if value is None:  # a plain dict with some other spelling
        value = next((v for k, v in headers.items() if str(k).lower() == "content-type"), "")
    return _text_or_empty(value)


def _text_or_empty(value: object) -> str:
    return value if isinstance(value, str) else ""


def _sniff(body: bytes) -> str:
    """The encoding of unlabelled JSON: byte order mark, then RFC 4627's zero-byte pattern, else UTF-8."""
    if body[0] not in _MARK_STARTS and (len(body) < 2 or body[1] != 0):
        return "utf-8"  # the usual case, decided on two bytes
    for mark, codec in _BYTE_ORDER_MARKS:
        if body.startswith(mark):
            return codec
    zeros = tuple(byte == 0 for byte in body[:4])
    return _ZERO_PATTERNS.get(zeros) or _ZERO_PATTERNS.get(zeros[:2]) or "utf-8"


def _byte_order(body: bytes, codec: str) -> str:
    """``utf-16``/``utf-32`` without a byte order mark: the zero-byte pattern, else big-endian (RFC 2781)."""
    if any(body.startswith(mark) for mark, marked in _BYTE_ORDER_MARKS if marked == codec):
        return codec
    zeros = tuple(byte == 0 for byte in body[:4])
    if codec == "utf-16":
        return "utf-16-le" if zeros[:2] == (False, True) else "utf-16-be"
    return "utf-32-le" if zeros == (False, True, True, True) else "utf-32-be"


def _codec(body: bytes, charset: Optional[str]) -> str:
    if charset is None:
        return _sniff(body)
    codec = CODECS.get(charset)
    if codec is None:
        raise Refusal("a JSON body in UTF-8, UTF-16 or UTF-32", f"charset {one_line(charset, 40)!r}")
    return _byte_order(body, codec) if codec in ("utf-16", "utf-32") else codec


def _brackets(data: bytes) -> Optional[bytes]:
    """The brackets of JSON ``data`` outside strings, or ``None`` when there are too few to matter."""
    if len(data) < _SMALL and data.count(b"[") + data.count(b"{") <= MAX_JSON_DEPTH:
        return None  # the usual small body, decided by two counts
    if b"\\" in data:  # escapes first, in this order: a backslash escaped before a quote
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    structure = data.translate(None, _NOT_STRUCTURAL)
    if len(structure) - structure.count(b'"') <= MAX_JSON_DEPTH:
        return None
    structure = structure.replace(b'""', b"")
    return b"".join(structure.split(b'"')[::2]) if b'"' in structure else structure


def _too_deep(data: bytes) -> bool:
    """Whether JSON ``data`` nests deeper than ``MAX_JSON_DEPTH`` (exact for valid JSON), without recursing."""
    # Each pass drops the innermost pairs (one or two levels): a body gone within half the limit's passes
    # is shallow enough; one that is not, or shrinks slowly, is counted bracket by bracket.
    structure = _brackets(data)
    reduced = structure
    for _ in range(MAX_JSON_DEPTH // 2):
        if not reduced:
            return False
        shorter = reduced.replace(b"[]", b"").replace(b"{}", b"")
        if len(shorter) == len(reduced):
            return False  # unbalanced: not JSON, and the decoder says so
        if len(reduced) - len(shorter) < len(reduced) // 8:
            break  # few pairs a pass (a deep, narrow body): counting is quicker
        reduced = shorter
    depths = accumulate(1 if byte in _OPENERS else -1 for byte in structure or b"")
    return any(depth > MAX_JSON_DEPTH for depth in depths)


def _parsed(text: str, label: str) -> Any:
    # Refusals are raised after the ``except`` blocks, so that the decoder's
    # own errors (which quote the document) are not chained to them.
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        failure = Refusal(f"a JSON body ({label})", f"invalid JSON ({exc.msg} at character {exc.pos})")
    except RecursionError:
        failure = Refusal(*TOO_DEEP)
    except (ValueError, OverflowError):  # e.g. an integer beyond Python's digit limit
        failure = Refusal(f"a JSON body ({label})", "a number too large to read")
    raise failure


def read_json(body: bytes, charset: Optional[str], label: str) -> Any:
    """The JSON value in ``body`` (``charset`` from the Content-Type, or ``None``); raises ``Refusal``,
    never with a ``__context__``: nothing of the body travels with it."""
    if not body:
        raise Refusal(f"a JSON body ({label})", "an empty body")
    codec = _codec(body, charset)
    try:
        text = body.decode(codec)
    except UnicodeError:
        text = None
    if text is None:
        raise Refusal(f"a JSON body in {codec.upper()}", "bytes that are not valid in that encoding")
    text = text[1:] if text.startswith("\ufeff") else text
    if _too_deep(body if codec in _ASCII_COMPATIBLE else text.encode("utf-8", "surrogatepass")):
        raise Refusal(*TOO_DEEP)
    return _parsed(text, label)


def read_json_response(headers: Mapping[str, str], body: bytes, label: str) -> Any:
    """The JSON value of a response expected to be ``label``: checks its media type, then ``read_json``."""
    header = content_type(headers)
    is_json, charset = media(header)
    if not is_json:
        shown = one_line(header.split(";", 1)[0].strip(), 60)
        raise Refusal(f"a JSON body ({label})", f"Content-Type {shown!r}")
    return read_json(body, charset, label)
