"""The one-match checks of whole heads against the line-by-line rules they stand for.

An answer head is accepted exactly when its status line and every field pass the line patterns, and then
parses to what those patterns read. A request head is refused exactly when a part of it breaks a rule.
"""

from __future__ import annotations

from typing import Dict, List

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from criteo_api_marketingsolutions_v2020_10._http11_head import (
    _FORBIDDEN_IN_TARGET,  # pyright: ignore[reportPrivateUsage]
    _FORBIDDEN_IN_VALUE,  # pyright: ignore[reportPrivateUsage]
    _STATUS_LINE,  # pyright: ignore[reportPrivateUsage]
    _TOKEN,  # pyright: ignore[reportPrivateUsage]
    FIELD,
    InvalidResponse,
    parse_head,
    request_head,
)
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError

#: Characters that make a line valid or break it: tokens, separators, spaces, tabs, controls, Latin-1 and beyond.
_ALPHABET = st.sampled_from([*"aZ09-_!~ :\t;,\"\x00\x01\x1f\x7f\x80\xe9\xff/.\u20ac\r\n"])
_VALID_FIELD = st.builds(
    lambda name, space, value: f"{name}:{space}{value}",
    st.text(st.sampled_from(list("aZ09-_!~.")), min_size=1, max_size=6),
    st.sampled_from(["", " ", "\t", "  "]),
    st.text(st.sampled_from(list("aZ09 \t;,\"/:.-\x80\xffbcdefghijk\x7f\x01")), max_size=10),  # a bad one now and then
)
#: Mostly valid fields, so that both outcomes are common, and lines of anything.
_LINE = st.one_of(_VALID_FIELD, _VALID_FIELD, _VALID_FIELD, _VALID_FIELD, st.text(_ALPHABET, max_size=12))
_VALID_STATUS = st.sampled_from(["HTTP/1.1 200 OK", "HTTP/1.0 404 Not Found", "HTTP/1.1 204", "HTTP/1.1 200 "])
_STATUS = st.one_of(
    _VALID_STATUS,
    _VALID_STATUS,
    st.sampled_from(["HTTP/2 200 OK", "HTTP/1.1 20 OK", "HTTP/1.1 200 O\x01K"]),
    st.text(_ALPHABET, max_size=16).map(lambda tail: "HTTP/1.1 " + tail),
)


def line_by_line(lines: List[str]) -> bool:
    return _STATUS_LINE.fullmatch(lines[0]) is not None and all(FIELD.fullmatch(line) for line in lines[1:])


@settings(max_examples=500, deadline=None)
@given(_STATUS, st.lists(_LINE, max_size=4))
def test_an_answer_head_is_accepted_exactly_when_every_line_is(status: str, fields: List[str]) -> None:
    block = "\r\n".join([status, *fields]).encode("latin-1", "replace")  # the bytes a server could send
    lines = block.decode("latin-1").split("\r\n")
    try:
        head = parse_head(block, 128)
    except InvalidResponse:
        assert not line_by_line(lines)
        return
    assert line_by_line(lines)
    for line in lines[1:]:
        field = FIELD.fullmatch(line)
        assert field is not None
        name, value = field.groups()
        assert value in head.headers.getlist(name)
    status_match = _STATUS_LINE.fullmatch(lines[0])
    assert status_match is not None
    version, code, reason = status_match.groups()
    assert (head.version, head.status, head.reason) == (int(version), int(code), reason or "")


def part_by_part(method: str, target: str, headers: Dict[str, str]) -> bool:
    """Whether each part is sendable as the rules say, one by one."""
    parts_ok = _TOKEN.fullmatch(method) is not None and _FORBIDDEN_IN_TARGET.search(target) is None
    fields_ok = all(_TOKEN.fullmatch(n) and _FORBIDDEN_IN_VALUE.search(v) is None for n, v in headers.items())
    latin_1 = all(ord(c) < 256 for c in "".join([method, target, *headers, *headers.values()]))
    return parts_ok and fields_ok and latin_1


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(st.sampled_from(["GET", "POST", "PATCH"]), st.text(_ALPHABET, min_size=1, max_size=5)),
    st.one_of(st.just("/a?b=c"), st.text(_ALPHABET, min_size=1, max_size=8).map(lambda t: "/" + t)),
    st.dictionaries(st.one_of(st.sampled_from(["Accept", "X-A"]), st.text(_ALPHABET, min_size=1, max_size=5)),
                    st.one_of(st.just("application/json"), st.text(_ALPHABET, max_size=8)), max_size=3),
)
def test_a_request_head_is_refused_exactly_when_a_part_breaks_a_rule(
    method: str, target: str, headers: Dict[str, str]
) -> None:
    try:
        sent = request_head(method, target, "127.0.0.1:8080", headers, None)
    except ApiValueError:
        assert not part_by_part(method, target, headers)
        return
    assert part_by_part(method, target, headers)
    assert sent.startswith(f"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n".encode("latin-1"))
    kept = sum(1 for name in headers if name.lower() not in ("host", "content-length", "transfer-encoding"))
    length_line = method in ("POST", "PUT", "PATCH")
    assert sent.count(b"\r\n") == 2 + kept + length_line + 1  # the lines, then the blank one


@pytest.mark.parametrize("value", ["a\r\nX-Injected: 1", "a\nb", "a\rb", "\r\n"])
def test_a_line_break_in_a_value_is_refused_even_when_the_rest_looks_like_a_field(value: str) -> None:
    with pytest.raises(ApiValueError):
        request_head("GET", "/", "h", {"X-A": value}, None)
