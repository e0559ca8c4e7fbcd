"""Streamed sandbox answers: bodies cut short, stops and hang-ups mid-body, and memory that stays flat."""

from __future__ import annotations

import json
import threading
import time
import tracemalloc
from typing import Iterator, Set, Tuple

import pytest
import urllib3
from test_sandbox_scale import (
    STATISTICS,
    MiB,
    auth,
    dechunk,
    read_head,
    read_to_end,
    send_raw,
    statistics_query,
)

from criteo_api_marketingsolutions_v2020_10.sandbox import Fault, Sandbox


@pytest.fixture(scope="module")
def pool() -> Iterator[urllib3.PoolManager]:
    manager = urllib3.PoolManager(retries=False, timeout=urllib3.Timeout(connect=5, read=30))
    yield manager
    manager.clear()


# --------------------------------------------------------------------------- cut bodies


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "content-length"])
def test_cut_after_sends_the_head_then_only_the_first_bytes(sandbox, pool, chunked):
    sandbox.set_report_size(size=1024 * MiB, chunked=chunked)
    sandbox.script(STATISTICS, [Fault(cut_after=10 * MiB)])
    started = time.monotonic()
    connection = send_raw(sandbox, STATISTICS, json.dumps(statistics_query("csv")).encode())
    with connection:
        status, headers, rest = read_head(connection)
        received = read_to_end(connection, rest)  # ends: the server closed the connection
    elapsed = time.monotonic() - started
    assert status == 200
    if chunked:
        payload, _, complete = dechunk(received)
        assert (complete, headers["transfer-encoding"]) == (False, "chunked")
    else:
        payload = received
        assert int(headers["content-length"]) > 1000 * MiB
    assert len(payload) == 10 * MiB
    assert payload.startswith(b"AdsetId,Adset,Day,Displays,")
    assert elapsed < 2.5, "the rest of the 1 GiB report must not be generated"
    # The next request is served normally, and a client library sees the cut as an incomplete read.
    sandbox.script(STATISTICS, [Fault(cut_after=1000)])
    response = pool.request(
        "POST",
        sandbox.url + STATISTICS,
        body=json.dumps(statistics_query()),
        headers=auth(sandbox),
        preload_content=False,
    )
    with pytest.raises(urllib3.exceptions.ProtocolError, match="IncompleteRead"):
        response.read()


def get_cut(sandbox: Sandbox, path: str) -> Tuple[int, int, bytes]:
    """Status, announced length and the body bytes received until the server closed the connection."""
    connection = send_raw(sandbox, path, b"", method="GET")
    with connection:
        status, headers, rest = read_head(connection)
        return status, int(headers["content-length"]), read_to_end(connection, rest)


def test_cut_after_works_on_ordinary_answers_and_fault_statuses(sandbox, pool):
    path = "/2021-04/advertisers/me"
    full = pool.request("GET", sandbox.url + path, headers=auth(sandbox)).data
    sandbox.script(path, [Fault(cut_after=10), Fault(status=503, cut_after=5), Fault(cut_after=10**6)])
    assert get_cut(sandbox, path) == (200, len(full), full[:10])
    status, length, received = get_cut(sandbox, path)
    assert (status, len(received)) == (503, 5) and length > 5
    assert received == json.dumps({"errors": [{"traceId": ""}]}).encode()[:5]
    assert get_cut(sandbox, path) == (200, len(full), full)  # a cut past the end sends it all, then closes
    assert pool.request("GET", sandbox.url + path, headers=auth(sandbox)).data == full


def test_cut_after_must_be_a_byte_count():
    for wrong in (-1, 1.5, True):
        with pytest.raises(ValueError):
            Fault(cut_after=wrong)


# --------------------------------------------------------------------------- stopping, hang-ups, memory


def new_handler_thread(known: Set[threading.Thread]) -> threading.Thread:
    """The one connection thread started since ``known`` was taken."""
    (thread,) = [t for t in threading.enumerate() if t not in known and "process_request" in t.name]
    return thread


def ends_within(thread: threading.Thread, seconds: float) -> bool:
    thread.join(seconds)
    return not thread.is_alive()


def test_stop_ends_a_streamed_report_promptly():
    with Sandbox() as own:
        own.set_report_size(size=1024 * MiB)
        known = set(threading.enumerate())
        connection = send_raw(own, STATISTICS, json.dumps(statistics_query("csv")).encode())
        with connection:
            read_head(connection)
            connection.recv(1 << 20)
            handler = new_handler_thread(known)
            started = time.monotonic()
            own.stop()
            assert time.monotonic() - started < 1.5
            connection.settimeout(1.5)  # a stream still running would make recv() time out
            received = 0
            try:
                while block := connection.recv(1 << 20):
                    received += len(block)
            except ConnectionResetError:
                pass
        assert time.monotonic() - started < 2.0
        assert received < 512 * MiB
        assert ends_within(handler, 1.0)


def test_a_client_hanging_up_mid_body_frees_its_thread(sandbox):
    sandbox.set_report_size(size=1024 * MiB)
    known = set(threading.enumerate())
    connection = send_raw(sandbox, STATISTICS, json.dumps(statistics_query("json")).encode())
    read_head(connection)
    connection.recv(1 << 20)
    handler = new_handler_thread(known)
    assert handler.is_alive()
    connection.close()
    assert ends_within(handler, 2.0)
    assert sandbox.running


def test_memory_stays_bounded_while_streaming_256_mib(sandbox):
    sandbox.set_report_size(size=256 * MiB, chunked=False)
    view = memoryview(bytearray(1 << 20))  # received bytes go here and are dropped: the client allocates nothing
    tracemalloc.start()  # traces the sandbox's threads too: they run in this process
    try:
        baseline, _ = tracemalloc.get_traced_memory()
        connection = send_raw(sandbox, STATISTICS, json.dumps(statistics_query("csv")).encode())
        with connection:
            status, headers, rest = read_head(connection)
            expected, received = int(headers["content-length"]), len(rest)
            while received < expected and (count := connection.recv_into(view)):
                received += count
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert status == 200 and received == expected >= 256 * MiB
    assert peak - baseline < 32 * MiB
