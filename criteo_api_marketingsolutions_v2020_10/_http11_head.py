"""The heads of HTTP/1.1 messages, without I/O: the bytes of a request head, and an answer's head parsed.

Part of ``_http11``, which re-exports these names.
"""

from __future__ import annotations

import re
from typing import Dict, Iterator, List, Mapping, Optional, Tuple

from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError

__all__ = ["InvalidResponse", "ResponseHead", "ResponseHeaders", "parse_head", "request_head"]

# On the head decoded as Latin-1: a name is a token (ASCII), a value any visible byte, spaces and tabs.
_STATUS_LINE = re.compile(r"HTTP/1\.([01]) ([0-9]{3})(?: ([^\x00-\x08\x0a-\x1f\x7f]*))?")
FIELD = re.compile(r"([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*([^\x00-\x08\x0a-\x1f\x7f]*?)[ \t]*")
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_FORBIDDEN_IN_VALUE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_FORBIDDEN_IN_TARGET = re.compile(r"[^\x21-\x7e]")
# Whole heads, each checked in one match; the line-by-line patterns above only say what is wrong.
_VALUE = r"[^\x00-\x08\x0a-\x1f\x7f]*"
_NAME = r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
_ANSWER_HEAD = re.compile(rf"HTTP/1\.[01] [0-9]{{3}}(?: {_VALUE})?(?:\r\n{_NAME}:{_VALUE})*")
_REQUEST_HEAD = re.compile(rf"{_NAME} [\x21-\x7e]+ HTTP/1\.1\r\nHost: {_VALUE}(?:\r\n{_NAME}: {_VALUE})*")
#: Headers the request line's framing decides, never taken from the caller.
_FRAMING = frozenset({"host", "content-length", "transfer-encoding"})


class InvalidResponse(Exception):
    """The answer is not valid HTTP/1.1, or breaks a limit; the message says which rule, never the bytes."""


class ResponseHeaders(Mapping[str, str]):
    """The headers of an answer: a case-insensitive mapping, repeated fields joined with ``", "``."""

    __slots__ = ("_fields", "_repeated")

    def __init__(self) -> None:
        self._fields: Dict[str, Tuple[str, str]] = {}  # lower-case name: (name as sent, the values joined)
        self._repeated: Optional[Dict[str, List[str]]] = None  # every value of the fields sent more than once

    def add(self, name: str, value: str) -> None:
        """Add one field as it was received."""
        key = name.lower()
        found = self._fields.get(key)
        if found is None:
            self._fields[key] = (name, value)
            return
        self._fields[key] = (found[0], f"{found[1]}, {value}")
        if self._repeated is None:
            self._repeated = {}
        values = self._repeated.get(key)
        if values is None:
            self._repeated[key] = [found[1], value]  # found[1] is still the first value alone
        else:
            values.append(value)

    def getlist(self, name: str) -> List[str]:
        """Every value of the field ``name``, in the order received (``[]`` when absent)."""
        key = name.lower()
        if self._repeated is not None and key in self._repeated:
            return list(self._repeated[key])
        found = self._fields.get(key)
        return [found[1]] if found is not None else []

    def __getitem__(self, name: str) -> str:
        return self._fields[name.lower()][1]

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._fields

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._fields.values())

    def __len__(self) -> int:
        return len(self._fields)

    def __repr__(self) -> str:
        return f"ResponseHeaders({dict(self.items())!r})"


class ResponseHead:
    """The status line and headers of a final answer."""

    __slots__ = ("headers", "reason", "status", "version")

    def __init__(self, version: int, status: int, reason: str, headers: ResponseHeaders) -> None:
        self.version = version  # the minor version: 1 for HTTP/1.1, 0 for HTTP/1.0
        self.status = status
        self.reason = reason
        self.headers = headers


def _what_is_wrong_with_request(method: str, target: str, host: str, headers: Mapping[str, str]) -> ApiValueError:
    if _TOKEN.fullmatch(method) is None or _FORBIDDEN_IN_TARGET.search(target) or _FORBIDDEN_IN_VALUE.search(host):
        return ApiValueError("the request line cannot be sent: a method, target or host with a forbidden character")
    for name, value in headers.items():
        if _TOKEN.fullmatch(name) is None or _FORBIDDEN_IN_VALUE.search(value) is not None:
            return ApiValueError(f"the header {name!r} cannot be sent: its name is not a token, or a control character")
    return ApiValueError("the request head cannot be sent: a character outside Latin-1")


def _head_lines(method: str, target: str, host: str, headers: Mapping[str, str], body: Optional[bytes]) -> List[str]:
    lines = [f"{method} {target} HTTP/1.1", f"Host: {host}"]
    lines.extend(f"{name}: {value}" for name, value in headers.items() if name.lower() not in _FRAMING)
    if body is not None or method in ("POST", "PUT", "PATCH"):
        lines.append(f"Content-Length: {len(body) if body is not None else 0}")
    return lines


def request_head(method: str, target: str, host: str, headers: Mapping[str, str], body: Optional[bytes]) -> bytes:
    """The request line and headers of a request, with ``Host`` and, for a body, ``Content-Length``.

    A ``Host``, ``Content-Length`` or ``Transfer-Encoding`` among ``headers``
    is replaced. Anything that would change the request's framing (a line
    break in a value, a name that is not a token, a space in the target) is
    an ``ApiValueError``, whoever built the request.
    """
    lines = _head_lines(method, target, host, headers, body)
    text = "\r\n".join(lines)
    # One match for the grammar, and a count of line ends: a CRLF inside a value could pass for a line of its
    # own. The framing headers left out are checked too: a bad one is a mistake of the caller's all the same.
    framed = text.count("\n") == len(lines) - 1 and _REQUEST_HEAD.fullmatch(text) is not None
    if not framed or not all(_TOKEN.fullmatch(name) for name in headers):
        raise _what_is_wrong_with_request(method, target, host, headers)
    try:
        return (text + "\r\n\r\n").encode("latin-1")
    except UnicodeEncodeError:
        raise _what_is_wrong_with_request(method, target, host, headers) from None


def parse_head(block: bytes, max_headers: int) -> ResponseHead:
    """The head of a final or interim answer, its lines joined by CRLF without the blank line ending it."""
    text = block.decode("latin-1")
    if _ANSWER_HEAD.fullmatch(text) is None:
        if _STATUS_LINE.fullmatch(text.partition("\r\n")[0]) is None:
            raise InvalidResponse("the status line is not HTTP/1.0 or HTTP/1.1")
        raise InvalidResponse("a header field is malformed (a folded line, a bad name or a control character)")
    lines = text.split("\r\n")
    if len(lines) - 1 > max_headers:
        raise InvalidResponse(f"the answer has more than {max_headers} header fields")
    headers = ResponseHeaders()
    for index in range(1, len(lines)):
        name, _, value = lines[index].partition(":")
        headers.add(name, value.strip(" \t"))
    status_line = lines[0]  # "HTTP/1.x NNN reason", as the match made sure
    return ResponseHead(int(status_line[7]), int(status_line[9:12]), status_line[13:], headers)
