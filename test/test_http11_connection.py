"""``Http11Connection`` driven the way the event loop drives a protocol, over a transport that records what it is
asked: how the end of a connection reads (a clean end, a reset, after a refused head, with input held back)."""

from __future__ import annotations

import asyncio
from typing import Any, List

import pytest

from criteo_api_marketingsolutions_v2020_10._http11 import CHUNKS_PER_FEED, InvalidResponse
from criteo_api_marketingsolutions_v2020_10.aio._http11_connection import ConnectionClosed, Http11Connection

pytestmark = pytest.mark.asyncio


class RecordingTransport(asyncio.Transport):
    """What a loop's transport does for the protocol, minus the socket: writes kept, reading paused or not."""

    def __init__(self) -> None:
        super().__init__()
        self.written: List[bytes] = []
        self.paused = False
        self.closing = False

    def write(self, data: Any) -> None:
        self.written.append(bytes(data))

    def pause_reading(self) -> None:
        self.paused = True

    def resume_reading(self) -> None:
        self.paused = False

    def is_closing(self) -> bool:
        return self.closing

    def close(self) -> None:
        self.closing = True


def connected(method: str = "GET") -> Http11Connection:
    connection = Http11Connection(asyncio.get_running_loop())
    connection.connection_made(RecordingTransport())
    connection.start(method, b"GET / HTTP/1.1\r\nHost: h\r\n\r\n", read_timeout=5.0)
    return connection


UNTIL_CLOSE = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nhello"


async def test_a_clean_end_without_an_eof_first_ends_a_body_framed_by_it() -> None:
    connection = connected()
    connection.data_received(UNTIL_CLOSE)
    connection.connection_lost(None)  # as a TLS transport may end: no eof_received before it
    assert (await connection.head()).status == 200
    assert await connection.read() == b"hello" and connection.complete
    assert connection.finish() is False  # the connection ended: never pooled


async def test_a_reset_never_passes_for_the_end_of_a_body_framed_by_the_connection() -> None:
    connection = connected()
    connection.data_received(UNTIL_CLOSE)
    connection.connection_lost(ConnectionResetError())
    assert await connection.read() == b"hello"  # what came before the reset
    with pytest.raises(ConnectionClosed):
        await connection.read()
    assert not connection.complete


async def test_a_head_refused_for_its_framing_stays_refused_when_the_connection_ends() -> None:
    connection = connected()
    connection.data_received(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello")
    connection.connection_lost(None)
    with pytest.raises(InvalidResponse, match="Content-Length"):
        await connection.head()


async def test_chunks_held_back_by_the_budget_are_read_when_the_connection_ends() -> None:
    connection = connected()
    count = CHUNKS_PER_FEED * 3
    connection.data_received(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + b"1\r\nx\r\n" * count + b"0\r\n\r\n")
    transport = connection.transport
    assert isinstance(transport, RecordingTransport) and transport.paused  # held back: the socket waits
    connection.eof_received()
    connection.connection_lost(None)
    body = b""
    while chunk := await connection.read():
        body += chunk
    assert body == b"x" * count and connection.complete


async def test_chunks_held_back_are_read_over_later_turns_of_the_loop_and_the_socket_reads_again() -> None:
    connection = connected()
    count = CHUNKS_PER_FEED * 3
    connection.data_received(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + b"1\r\nx\r\n" * count + b"0\r\n\r\n")
    assert connection.buffered == CHUNKS_PER_FEED  # one budget's worth in this turn
    body = b""
    while chunk := await connection.read():
        body += chunk
    transport = connection.transport
    assert isinstance(transport, RecordingTransport)
    assert body == b"x" * count and connection.complete and not transport.paused
