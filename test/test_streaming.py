"""StreamingResponse: one streamed answer on both transports, read under its own limits.

Every test runs over real sockets to the sandbox, once per transport (the
``fixed`` client: a fixed token, a 1 s call deadline, no real sleeping).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import time
from typing import Any

import pytest
from conftest import DEADLINE

from criteo_api_marketingsolutions_v2020_10 import exceptions
from criteo_api_marketingsolutions_v2020_10._streaming import StreamingResponse
from criteo_api_marketingsolutions_v2020_10.api.advertiser_api import AdvertiserApi
from criteo_api_marketingsolutions_v2020_10.api.analytics_api import AnalyticsApi
from criteo_api_marketingsolutions_v2020_10.model.statistics_report_query_message import (
    StatisticsReportQueryMessage,
)
from criteo_api_marketingsolutions_v2020_10.sandbox import Fault

PORTFOLIO = "/2021-04/advertisers/me"
REPORT = "/2021-04/statistics/report"
#: Slack for timing bounds on a busy 2-core machine.
SLACK = 0.5


def report_query(fmt: str = "csv") -> StatisticsReportQueryMessage:
    return StatisticsReportQueryMessage(
        dimensions=["AdsetId", "Day"],
        metrics=["Displays", "Clicks", "AdvertiserCost"],
        start_date="2021-03-01T00:00:00Z",
        end_date="2021-03-31T00:00:00Z",
        currency="EUR",
        format=fmt,
    )


def open_report(client: Any, fmt: str = "csv") -> StreamingResponse:
    stream = AnalyticsApi(client).get_adset_report(statistics_report_query_message=report_query(fmt), _preload_content=False)
    assert isinstance(stream, StreamingResponse)
    return stream


def whole_report(client: Any, fmt: str = "csv") -> bytes:
    return AnalyticsApi(client).get_adset_report(statistics_report_query_message=report_query(fmt))


def test_both_transports_give_the_same_streaming_type(fixed, transport_name) -> None:
    with open_report(fixed) as stream:
        assert stream.status == 200 and stream.reason == "OK"
        assert stream.headers["content-type"].startswith("text/csv")
        assert stream.getheader("Content-Disposition", "").startswith("attachment")
        assert stream.getheaders() is stream.headers
        assert stream.bytes_read == 0 and not stream.closed
    assert stream.closed


@pytest.mark.parametrize("chunk_size", [1, 7, 1000, 1 << 20])
def test_iter_bytes_gives_the_whole_body_in_pieces_no_larger_than_asked(fixed, chunk_size) -> None:
    expected = whole_report(fixed)
    with open_report(fixed) as stream:
        pieces = list(stream.iter_bytes(chunk_size=chunk_size))
    assert b"".join(pieces) == expected
    assert all(0 < len(piece) <= chunk_size for piece in pieces)
    assert stream.bytes_read == len(expected)


def test_iter_lines_splits_on_line_ends_and_keeps_a_last_line_without_one(fixed, sandbox) -> None:
    sandbox.script(PORTFOLIO, Fault(status=200, body=b"one\r\ntwo\n\nthree", content_type="text/plain"))
    with AdvertiserApi(fixed).api_portfolio_get(_preload_content=False) as stream:
        assert list(stream.iter_lines(chunk_size=2)) == [b"one", b"two", b"", b"three"]


def test_read_data_and_the_compatible_names_agree(fixed) -> None:
    expected = whole_report(fixed)
    with open_report(fixed) as stream:
        head = stream.read(10)
        rest = stream.read()
    assert head + rest == expected and len(head) == 10
    with open_report(fixed) as stream:
        assert stream.data == expected and stream.data is stream.data and stream.content == expected
    with open_report(fixed) as stream:
        assert b"".join(stream.stream(100)) == expected
    with open_report(fixed) as stream:
        assert b"".join(stream.iter_content(100)) == expected


def test_it_is_a_binary_file_for_the_standard_library(fixed, tmp_path) -> None:
    expected = whole_report(fixed)
    with open_report(fixed) as stream:
        text = io.TextIOWrapper(io.BufferedReader(stream), encoding="utf-8", newline="")
        rows = list(csv.reader(text))
    assert rows[0] == ["AdsetId", "Day", "Displays", "Clicks", "AdvertiserCost"]
    assert len(rows) == expected.count(b"\n")
    target = tmp_path / "copy.csv"
    with open_report(fixed) as stream, target.open("wb") as sink:
        shutil.copyfileobj(stream, sink)
    assert target.read_bytes() == expected


def test_a_body_read_to_its_end_gives_the_connection_back(fixed, sandbox) -> None:
    for _ in range(3):
        with open_report(fixed) as stream:
            stream.read()
        assert json.loads(AdvertiserApi(fixed).api_portfolio_get(_preload_content=False).data)["data"]
    # Every call went over one kept-alive connection: the sandbox saw each request in order.
    assert [r.path for r in sandbox.requests] == [REPORT, PORTFOLIO] * 3


def test_closing_an_unread_stream_does_not_drain_it(fixed, sandbox) -> None:
    sandbox.script(PORTFOLIO, Fault(status=200, body=b"x" * 100, trickle=0.2, content_type="text/plain"))
    stream = AdvertiserApi(fixed).api_portfolio_get(_preload_content=False)
    assert stream.read(1) == b"x"
    started = time.monotonic()
    stream.close()
    assert time.monotonic() - started < 0.5
    with pytest.raises(ValueError):
        stream.read(1)
    # The next call gets a new connection and a normal answer.
    assert AdvertiserApi(fixed).api_portfolio_get().data


def test_a_download_that_keeps_making_progress_outlives_the_call_deadline(fixed, sandbox) -> None:
    body = b"y" * 60
    sandbox.script(PORTFOLIO, Fault(status=200, body=body, trickle=0.04, content_type="text/plain"))
    started = time.monotonic()
    with AdvertiserApi(fixed).api_portfolio_get(_preload_content=False) as stream:
        received = b"".join(stream.iter_bytes())
    assert received == body
    assert time.monotonic() - started > DEADLINE + 0.5  # longer than the call deadline allows a call


def test_a_silent_server_ends_the_stream_after_the_read_timeout(fixed, sandbox) -> None:
    sandbox.script(PORTFOLIO, Fault(status=200, body=b"z" * 100, stall=True, content_type="text/plain"))
    stream = AdvertiserApi(fixed).api_portfolio_get(_preload_content=False, _request_timeout=(2, 0.3))
    time.sleep(DEADLINE)  # past the call deadline: the read timeout alone bounds the wait now
    started = time.monotonic()
    with pytest.raises(exceptions.ApiTimeoutError) as excinfo:
        stream.read()
    assert time.monotonic() - started < 0.3 + SLACK
    assert "read timeout" in str(excinfo.value)
    assert stream.closed is False and stream.read1(10) == b""  # ended, nothing more to read
    stream.close()


def test_the_stream_deadline_bounds_the_whole_body(fixed, sandbox) -> None:
    fixed.configuration.stream_deadline = 0.6
    sandbox.script(PORTFOLIO, Fault(status=200, body=b"w" * 200, trickle=0.02, content_type="text/plain"))
    started = time.monotonic()
    with AdvertiserApi(fixed).api_portfolio_get(_preload_content=False) as stream, pytest.raises(
        exceptions.ApiTimeoutError
    ) as excinfo:
        stream.read()
    assert 0.6 <= time.monotonic() - started < 0.6 + SLACK
    assert "stream deadline" in str(excinfo.value)
    assert 0 < stream.bytes_read < 200


def test_an_answer_cut_short_is_a_connection_error(fixed, sandbox) -> None:
    raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n" + b"a" * 10
    sandbox.script(PORTFOLIO, Fault(raw=raw))
    with AdvertiserApi(fixed).api_portfolio_get(_preload_content=False) as stream:
        with pytest.raises(exceptions.ApiConnectionError) as excinfo:
            stream.read()
    assert not isinstance(excinfo.value, exceptions.ApiTimeoutError)
    assert stream.bytes_read <= 10


def test_a_bad_chunk_size_is_a_connection_error(fixed, sandbox) -> None:
    raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\n"
    sandbox.script(PORTFOLIO, Fault(raw=raw))
    with AdvertiserApi(fixed).api_portfolio_get(_preload_content=False) as stream:
        with pytest.raises(exceptions.ApiConnectionError):
            stream.read()


def test_errors_are_read_and_raised_as_api_exceptions(fixed, sandbox) -> None:
    sandbox.script(REPORT, Fault(status=503))
    with pytest.raises(exceptions.ServiceException) as excinfo:
        open_report(fixed)
    assert excinfo.value.status == 503 and excinfo.value.body


def test_a_bad_stream_deadline_is_refused_before_any_io(fixed, sandbox) -> None:
    fixed.configuration.stream_deadline = "soon"
    with pytest.raises(exceptions.ApiValueError) as excinfo:
        open_report(fixed)
    assert "stream_deadline" in str(excinfo.value)
    assert sandbox.api_requests == 0


def test_iter_bytes_refuses_a_bad_chunk_size(fixed) -> None:
    with open_report(fixed) as stream, pytest.raises(ValueError):
        next(stream.iter_bytes(chunk_size=0))


def test_repr_says_how_far_the_stream_went(fixed) -> None:
    stream = open_report(fixed)
    assert "200" in repr(stream) and "0 bytes read" in repr(stream)
    stream.read()
    assert "read" in repr(stream)
    stream.close()
    assert "closed" in repr(stream)


def test_a_broken_streamed_token_answer_never_quotes_the_token(fixed, sandbox) -> None:
    from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi
    from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, TOKEN_PATH

    secret = "eyJsecret-token-in-a-chunk-size"
    raw = (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        + secret.encode() + b"\r\n"
    )
    sandbox.script(TOKEN_PATH, Fault(raw=raw))
    stream = OAuthApi(fixed).create_token(
        client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, grant_type="client_credentials",
        _preload_content=False,
    )
    with stream, pytest.raises(exceptions.ApiConnectionError) as excinfo:
        stream.read()
    chain = []
    error: Any = excinfo.value
    while error is not None:
        chain.append(error)
        error = error.__cause__ or error.__context__
    assert all(secret not in repr(e) and secret not in str(e) for e in chain)
