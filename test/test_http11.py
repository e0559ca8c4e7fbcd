"""The sans-I/O HTTP/1.1 layer: answers parse the same whatever the split, framing and syntax rules, limits,
errors that never quote the answer, request heads, and the Content-Encoding decoder."""

from __future__ import annotations

import gzip
import itertools
import zlib
from typing import Any, List, Sequence, Tuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from criteo_api_marketingsolutions_v2020_10._http11 import (
    CHUNKS_PER_FEED,
    MAX_CHUNK_LINE,
    BodyDecoder,
    InvalidResponse,
    ResponseParser,
    request_head,
)
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError

MARKER = "SECRET-TOKEN-xyz"
OK_HEAD = b"HTTP/1.1 200 OK\r\n"

#: Valid answers: the request method, the bytes, whether the body ends with the connection, the body, reusable.
VALID = {
    "content-length": ("GET", OK_HEAD + b"Content-Type: text/plain\r\nContent-Length: 11\r\n\r\nhello world",
                       False, b"hello world", True),
    "no reason phrase": ("GET", b"HTTP/1.1 200\r\nContent-Length: 2\r\n\r\nok", False, b"ok", True),
    "chunked, extensions, trailers": (
        "GET", OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n5;name=value\r\nhello\r\n6 ; x=\"y\"\r\n world\r\n"
        b"0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n", False, b"hello world", True),
    "close-delimited": ("GET", OK_HEAD + b"Content-Type: text/plain\r\n\r\nuntil the end", True, b"until the end",
                        False),
    "204": ("GET", b"HTTP/1.1 204 No Content\r\nX-A: 1\r\n\r\n", False, b"", True),
    "304": ("GET", b"HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\nETag: \"v1\"\r\n\r\n", False, b"", True),
    "HEAD": ("HEAD", OK_HEAD + b"Content-Length: 1234\r\n\r\n", False, b"", True),
    "interim 100 and 103": (
        "GET", b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
        b"HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok", False, b"ok", True),
    "repeated headers": (
        "GET", OK_HEAD + b"Set-Cookie: a=1\r\nset-cookie: b=2\r\nVary: Accept\r\nVary: Origin\r\nSET-COOKIE: c=3\r\n"
        b"Content-Length: 0\r\n\r\n",
        False, b"", True),
}
FRAMED = [name for name, (_, _, until_close, _, _) in VALID.items() if not until_close]


def feed(answer: bytes, cuts: Sequence[int] = (), *, method: str = "GET", eof: bool = False,
         takes: Sequence[int] = (), **limits: Any) -> Tuple[ResponseParser, bytes]:
    """The parser after ``answer`` was fed in pieces cut at ``cuts``, and the body taken (``takes``: sizes)."""
    parser = ResponseParser(method, **limits)
    body = bytearray()
    start = 0
    for step, cut in enumerate([*sorted(set(cuts)), len(answer)]):
        parser.feed(answer[start:cut])
        while parser.backlog:  # what the connection does at the loop's next turn
            parser.resume()
        body += parser.take_body(takes[step] if step < len(takes) else -1)
        start = cut
    if eof:
        parser.feed_eof()
    body += parser.take_body()
    return parser, bytes(body)


def summary(parser: ResponseParser, body: bytes) -> Tuple[Any, ...]:
    """Everything a reader sees of a parsed answer."""
    head = parser.head
    assert head is not None
    fields = [(name, head.headers.getlist(name)) for name in head.headers]
    return head.version, head.status, head.reason, fields, body, parser.complete, parser.reusable, parser.interim


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(VALID)), st.data())
def test_valid_answers_parse_the_same_whatever_the_split(name: str, data: st.DataObject) -> None:
    method, answer, until_close, body, reusable = VALID[name]
    cuts = data.draw(st.lists(st.integers(0, len(answer)), max_size=12))
    takes = data.draw(st.lists(st.integers(-1, 8), max_size=13))
    whole = summary(*feed(answer, method=method, eof=until_close))
    assert summary(*feed(answer, cuts, method=method, eof=until_close, takes=takes)) == whole
    assert whole[4:7] == (body, True, reusable)


def test_valid_answers_read_as_expected() -> None:
    parser, _ = feed(VALID["repeated headers"][1])
    headers = parser.head.headers
    assert headers.getlist("SET-COOKIE") == ["a=1", "b=2", "c=3"] and headers["vary"] == "Accept, Origin"
    assert headers["set-cookie"] == "a=1, b=2, c=3" and headers.getlist("Content-Length") == ["0"]
    assert list(headers) == ["Set-Cookie", "Vary", "Content-Length"] and "set-cookie" in headers
    parser, _ = feed(VALID["interim 100 and 103"][1])
    assert (parser.interim, parser.head.status, parser.head.reason) == (2, 201, "Created")
    assert "link" not in parser.head.headers  # the interim answer's headers are not the final one's
    parser, _ = feed(VALID["chunked, extensions, trailers"][1])
    assert "x-checksum" not in parser.head.headers


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(FRAMED), st.data())
def test_bytes_after_a_complete_answer_make_it_not_reusable(name: str, data: st.DataObject) -> None:
    method, answer, _, body, _ = VALID[name]
    pipelined = answer + OK_HEAD + b"Content-Length: 0\r\n\r\n"
    cuts = data.draw(st.lists(st.integers(0, len(pipelined)), max_size=8))
    parser, received = feed(pipelined, cuts, method=method)
    assert (received, parser.complete, parser.reusable) == (body, True, False)


# ---- framing


@pytest.mark.parametrize(("head", "body", "reusable"), [
    (b"Transfer-Encoding: chunked\r\nContent-Length: 100\r\n\r\n3\r\nabc\r\n0\r\n\r\n", b"abc", False),
    (b"Transfer-Encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", b"abc", True),
    (b"Content-Length: 2\r\nConnection: close\r\n\r\nok", b"ok", False),
    (b"Content-Length: 2\r\nConnection: keep-alive, Close\r\n\r\nok", b"ok", False),
    (b"Content-Length: 5, 5\r\n\r\nhello", b"hello", True),
    (b"Content-Length: 5\r\ncontent-length: 5\r\n\r\nhello", b"hello", True),
], ids=["chunked beats length", "chunked last", "close", "close among tokens", "5, 5", "5 twice"])
def test_framing(head: bytes, body: bytes, reusable: bool) -> None:
    parser, received = feed(OK_HEAD + head)
    assert (received, parser.complete, parser.reusable) == (body, True, reusable)


def test_http_1_0_and_unframed_answers_are_not_reusable() -> None:
    parser, body = feed(b"HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok")
    assert (parser.head.version, body, parser.complete, parser.reusable) == (0, b"ok", True, False)
    parser, body = feed(OK_HEAD + b"X-A: 1\r\n\r\nuntil", eof=False)
    assert (body, parser.complete) == (b"until", False)  # no framing: the body lasts until the connection ends
    parser.feed(b" close")
    parser.feed_eof()
    assert (parser.take_body(), parser.complete, parser.reusable) == (b" close", True, False)
    parser, body = feed(OK_HEAD + b"Transfer-Encoding: chunked, gzip\r\n\r\nabc", eof=True)
    assert (body, parser.reusable) == (b"abc", False)  # chunked is not the last coding: until the end


BAD_LENGTHS = ["5, 6", "-1", "abc", "+5", "", "0x5", "1" * 19]


@pytest.mark.parametrize("value", [*BAD_LENGTHS, "\uff15", "\u00b2"], ids=[*BAD_LENGTHS, "fullwidth", "superscript"])
def test_bad_content_lengths_are_refused(value: str) -> None:
    encoded = value.encode("utf-8" if value == "\uff15" else "latin-1")
    with pytest.raises(InvalidResponse, match="Content-Length"):
        feed(OK_HEAD + b"Content-Length: " + encoded + b"\r\n\r\nhello")


REFUSED = {
    "101": b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n",
    "HTTP/2": b"HTTP/2 200 OK\r\n\r\n",
    "two-digit status": b"HTTP/1.1 20 OK\r\n\r\n",
    "status below 100": b"HTTP/1.1 000 Zero\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
    "ICY": b"ICY 200 OK\r\n\r\n",
    "empty status line": b"\r\n\r\n",
    "lower-case protocol": b"http/1.1 200 OK\r\n\r\n",
    "space before colon": OK_HEAD + b"Content-Length : 0\r\n\r\n",
    "obs-fold": OK_HEAD + b"X-A: 1\r\n continued\r\nContent-Length: 0\r\n\r\n",
    "control character": OK_HEAD + b"X-A: a\x01b\r\nContent-Length: 0\r\n\r\n",
    "DEL": OK_HEAD + b"X-A: a\x7fb\r\nContent-Length: 0\r\n\r\n",
    "NUL in a name": OK_HEAD + b"X\x00A: 1\r\n\r\n",
    "bare LF inside": OK_HEAD + b"X-A: 1\nX-B: 2\r\nContent-Length: 0\r\n\r\n",
    "CR in the reason": b"HTTP/1.1 200 O\rK\r\nContent-Length: 0\r\n\r\n",
    "non-hex chunk size": OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\nzz\r\n",
    "negative chunk size": OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n-1\r\n",
    "chunk longer than its size": OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n",
    "malformed trailer": OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n0\r\nno colon\r\n\r\n",
}


@pytest.mark.parametrize("answer", REFUSED.values(), ids=REFUSED.keys())
def test_malformed_answers_are_refused_whole_and_byte_by_byte(answer: bytes) -> None:
    with pytest.raises(InvalidResponse):
        feed(answer)
    with pytest.raises(InvalidResponse):
        feed(answer, range(len(answer)))


def test_an_answer_with_bare_lf_line_endings_is_refused_as_soon_as_its_head_ends() -> None:
    with pytest.raises(InvalidResponse, match="bare LF"):
        ResponseParser("GET").feed(b"HTTP/1.1 200 OK\nContent-Length: 0\n\n")
    parser = ResponseParser("GET")  # byte by byte: refused with the byte that ends the blank line, not before
    answer = b"HTTP/1.1 200 OK\nContent-Length: 0\n\n"
    for byte in answer[:-1]:
        parser.feed(bytes([byte]))
    with pytest.raises(InvalidResponse, match="bare LF"):
        parser.feed(answer[-1:])


CUT_SHORT = {
    "in the head": OK_HEAD + b"Content-Le",
    "in a sized body": OK_HEAD + b"Content-Length: 5\r\n\r\nab",
    "in a chunk": OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n5\r\nab",
    "before the last chunk": OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n5\r\nabcde\r\n",
    "in the trailer": OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n0\r\nX-A: 1\r\n",
}


@pytest.mark.parametrize("answer", CUT_SHORT.values(), ids=CUT_SHORT.keys())
def test_an_answer_cut_short_is_refused_at_the_end_of_the_connection(answer: bytes) -> None:
    parser, _ = feed(answer)
    assert not parser.complete
    with pytest.raises(InvalidResponse, match="closed before"):
        parser.feed_eof()


# ---- limits


@pytest.mark.parametrize("pieces", [False, True], ids=["whole", "byte by byte"])
def test_heads_over_the_limits_are_refused(pieces: bool) -> None:
    def parse(answer: bytes, **limits: int) -> None:
        feed(answer, range(len(answer)) if pieces else (), **limits)

    final = OK_HEAD + b"Content-Length: 0\r\n\r\n"
    parse(OK_HEAD + b"X-Long: " + b"a" * 900 + b"\r\n\r\n", max_head=1024)
    with pytest.raises(InvalidResponse, match="longer than 1024"):
        parse(OK_HEAD + b"X-Long: " + b"a" * 1100 + b"\r\n\r\n", max_head=1024)
    continued = b"HTTP/1.1 100 Continue\r\n\r\n"
    parse(continued * 10 + final, max_head=10 * len(continued) + len(final))
    with pytest.raises(InvalidResponse, match="longer than"):  # every interim answer counts
        parse(continued * 11 + final, max_head=10 * len(continued) + len(final))
    fields = b"".join(b"X-%d: v\r\n" % n for n in range(5))
    parse(OK_HEAD + fields + b"\r\n", max_headers=5)
    with pytest.raises(InvalidResponse, match="more than 5 header fields"):
        parse(OK_HEAD + fields + b"X-6: v\r\n\r\n", max_headers=5)


LONG_CHUNK_LINE = OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n1;" + b"e" * MAX_CHUNK_LINE + b"\r\nx\r\n0\r\n\r\n"


@pytest.mark.parametrize("pieces", [False, True], ids=["whole", "byte by byte"])
def test_a_chunk_size_line_over_4096_bytes_is_refused(pieces: bool) -> None:
    with pytest.raises(InvalidResponse, match="chunk-size line"):
        feed(LONG_CHUNK_LINE, range(len(LONG_CHUNK_LINE)) if pieces else ())


def test_a_flood_of_tiny_chunks_is_read_over_several_turns() -> None:
    count = 3 * CHUNKS_PER_FEED + 7
    parser = ResponseParser("GET")
    parser.feed(OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n" + b"1\r\nx\r\n" * count + b"0\r\n\r\n")
    turns = 1
    assert parser.backlog and not parser.complete and parser.buffered <= CHUNKS_PER_FEED
    while parser.backlog:
        parser.resume()
        turns += 1
    assert (parser.take_body(), parser.complete, parser.reusable) == (b"x" * count, True, True)
    assert turns >= 3  # at most CHUNKS_PER_FEED chunks a turn


# ---- errors quote nothing of the answer

SECRET = MARKER.encode()
QUOTED = {
    "status line": SECRET + b" 200 OK\r\n\r\n",
    "status code": b"HTTP/1.1 2" + SECRET + b" OK\r\n\r\n",
    "header name": OK_HEAD + b"X-" + SECRET + b" : v\r\n\r\n",
    "header value": OK_HEAD + b"X-A: " + SECRET + b"\x01\r\n\r\n",
    "folded line": OK_HEAD + b"X-A: 1\r\n " + SECRET + b"\r\n\r\n",
    "Content-Length": OK_HEAD + b"Content-Length: " + SECRET + b"\r\n\r\n",
    "two lengths": OK_HEAD + b"Content-Length: 5, " + SECRET + b"\r\n\r\n",
    "chunk size": OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n" + SECRET + b"\r\n",
    "trailer": OK_HEAD + b"Transfer-Encoding: chunked\r\n\r\n0\r\n" + SECRET + b"\r\n\r\n",
    "101": b"HTTP/1.1 101 " + SECRET + b"\r\nUpgrade: " + SECRET + b"\r\n\r\n",
    "head too long": OK_HEAD + (b"X-A: " + SECRET + b"\r\n") * 4000 + b"\r\n",
}


@pytest.mark.parametrize("answer", QUOTED.values(), ids=QUOTED.keys())
def test_errors_never_quote_the_answer(answer: bytes) -> None:
    with pytest.raises(InvalidResponse) as caught:
        feed(answer)
    error: BaseException = caught.value
    assert str(error)  # a rule is named
    for text in (str(error), repr(error), str(error.__cause__), str(error.__context__)):
        assert MARKER not in text and MARKER.lower() not in text.lower()


# ---- request heads


def test_request_heads_are_exact() -> None:
    get = request_head("GET", "/v1/items?page=2", "127.0.0.1:8080", {"Accept": "application/json"}, None)
    assert get == b"GET /v1/items?page=2 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: application/json\r\n\r\n"
    post = request_head("POST", "/v1/items", "127.0.0.1", {"Content-Type": "application/json"}, b'{"a": 1}')
    assert post == (b"POST /v1/items HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    b"Content-Length: 8\r\n\r\n")


def test_framing_headers_given_are_replaced_not_doubled() -> None:
    given = {"host": "elsewhere", "X-A": "1", "CONTENT-LENGTH": "999", "Transfer-Encoding": "chunked"}
    lines = request_head("PUT", "/x", "127.0.0.1:9", given, b"abc").decode("latin-1").split("\r\n")
    assert lines == ["PUT /x HTTP/1.1", "Host: 127.0.0.1:9", "X-A: 1", "Content-Length: 3", "", ""]
    for method in ("POST", "PUT", "PATCH"):
        assert b"\r\nContent-Length: 0\r\n" in request_head(method, "/", "h", {}, None)
    assert b"Content-Length" not in request_head("GET", "/", "h", {}, None)
    assert b"Content-Length" not in request_head("DELETE", "/", "h", {}, None)


UNSENDABLE = {
    "CRLF in a value": ("GET", "/", {"Authorization": f"Bearer {MARKER}\r\nX-Injected: 1"}),
    "LF in a value": ("GET", "/", {"X-A": f"{MARKER}\nX-Injected: 1"}),
    "NUL in a value": ("GET", "/", {"X-A": f"{MARKER}\x00"}),
    "space in a name": ("GET", "/", {"X A": MARKER}),
    "colon in a name": ("GET", "/", {"X:A": MARKER}),
    "space in the target": ("GET", f"/a {MARKER}", {}),
    "CRLF in the target": ("GET", f"/\r\nX-Injected: {MARKER}", {}),
    "space in the method": ("GET /x", "/", {}),
    "outside Latin-1": ("GET", "/", {"X-A": f"{MARKER} \u20ac"}),
}


@pytest.mark.parametrize(("method", "target", "headers"), UNSENDABLE.values(), ids=UNSENDABLE.keys())
def test_a_request_head_that_would_change_its_framing_is_refused(method: str, target: str, headers: Any) -> None:
    with pytest.raises(ApiValueError) as caught:
        request_head(method, target, "127.0.0.1", headers, None)
    assert MARKER not in str(caught.value) and MARKER not in repr(caught.value)  # a value may be a token


# ---- the body decoder


def encoded(coding: str, payload: bytes) -> Tuple[str, bytes]:
    """The header value and the bytes of ``payload`` in ``coding`` (``deflate-raw``: deflate without zlib's wrap)."""
    if coding == "gzip":
        return "gzip", gzip.compress(payload)
    if coding == "deflate":
        return "deflate", zlib.compress(payload)
    compressor = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return "deflate", compressor.compress(payload) + compressor.flush()


def decode_all(decoder: BodyDecoder, pieces: Sequence[bytes], size: int) -> List[bytes]:
    """Every output of ``decoder`` fed ``pieces`` as the native body does: input held back is decoded before more
    is read, and at the end empty reads drain what the decompressor holds."""
    outputs: List[bytes] = []
    for piece in [*pieces, b""]:
        out, more = decoder.decode(piece, size)
        outputs.append(out)
        while more or out:
            out, more = decoder.decode(b"", size)
            outputs.append(out)
    decoder.finish()
    return outputs


def split(data: bytes, cuts: Sequence[int]) -> List[bytes]:
    """``data`` cut at ``cuts``."""
    bounds = [0, *sorted(set(cuts)), len(data)]
    return [data[start:end] for start, end in itertools.pairwise(bounds)]


PAYLOADS = st.one_of(st.binary(max_size=3000), st.text(max_size=400).map(lambda text: (text * 7).encode()))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["gzip", "deflate", "deflate-raw"]), PAYLOADS, st.integers(1, 64), st.data())
def test_encoded_bodies_decode_in_any_pieces_within_the_size(
    coding: str, payload: bytes, size: int, data: st.DataObject
) -> None:
    header, body = encoded(coding, payload)
    # A raw deflate body is told from a zlib one by its first two bytes: the first piece holds at least those.
    low = 2 if coding == "deflate-raw" else 0
    cuts = data.draw(st.lists(st.integers(low, len(body)), max_size=20))
    decoder = BodyDecoder.for_headers({"Content-Encoding": header})
    assert decoder is not None
    outputs = decode_all(decoder, split(body, cuts), size)
    assert max(map(len, outputs)) <= size
    assert b"".join(outputs) == payload


@pytest.mark.parametrize("first", [0, 1], ids=["empty first read", "one-byte first read"])
def test_a_raw_deflate_body_decodes_whatever_its_first_read(first: int) -> None:
    _, body = encoded("deflate-raw", b"hello world " * 50)
    outputs = decode_all(BodyDecoder("deflate"), [body[:first], body[first:]], 1024)
    assert b"".join(outputs) == b"hello world " * 50


def test_a_gzip_bomb_comes_out_in_bounded_pieces() -> None:
    size, total, largest = 10 * 1024 * 1024, 0, 0
    body = gzip.compress(bytes(size), compresslevel=9)
    assert len(body) < 64 * 1024
    for out in decode_all(BodyDecoder("gzip"), split(body, range(4096, len(body), 4096)), 65536):
        largest, total = max(largest, len(out)), total + len(out)
    assert (largest, total) == (65536, size)


def test_truncated_and_garbage_bodies_are_refused() -> None:
    with pytest.raises(InvalidResponse, match="ends before"):
        decode_all(BodyDecoder("gzip"), [gzip.compress(b"payload " * 100)[:-12]], 1024)
    for coding in ("gzip", "deflate"):
        with pytest.raises(InvalidResponse, match="does not decode"):
            decode_all(BodyDecoder(coding), [b"\xff" * 32], 1024)


@pytest.mark.parametrize(("value", "decodes"), [
    ("gzip", True), ("x-gzip", True), (" GZIP ", True), ("deflate", True),
    ("br", False), ("identity", False), ("", False), ("zstd", False),
])
def test_only_known_codings_get_a_decoder(value: str, decodes: bool) -> None:
    assert (BodyDecoder.for_headers({"Content-Encoding": value}) is not None) is decodes
    assert BodyDecoder.for_headers({}) is None
