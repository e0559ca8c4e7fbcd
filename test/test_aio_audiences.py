"""aio.audiences.upload and remove_all against the sandbox, over real sockets, on both asynchronous transports:
bounded concurrency, retries, the synchronous upload's checkpoint, async input, and cancellation."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path
from typing import Any, AsyncIterator, Callable, List, Optional, Tuple

import pytest
import pytest_asyncio
from test_audiences_checkpoint import complete_lines, recorded_indexes
from test_audiences_upload import POLICY, amendments, chunk_indexes, contactlist_path, email, emails

from criteo_api_marketingsolutions_v2020_10 import ApiClient as SyncApiClient
from criteo_api_marketingsolutions_v2020_10 import Configuration, audiences
from criteo_api_marketingsolutions_v2020_10.audiences._chunks import digest_of
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiTypeError, ApiValueError, NotFoundException
from criteo_api_marketingsolutions_v2020_10.model.new_audience import NewAudience
from criteo_api_marketingsolutions_v2020_10.model.new_audience_attributes import NewAudienceAttributes
from criteo_api_marketingsolutions_v2020_10.model.new_audience_request import NewAudienceRequest
from criteo_api_marketingsolutions_v2020_10.sandbox import Fault, Sandbox

aio = pytest.importorskip("criteo_api_marketingsolutions_v2020_10.aio")
pytest.importorskip("aiohttp")
pytest.importorskip("httpx")

from criteo_api_marketingsolutions_v2020_10.aio import audiences as aio_audiences  # noqa: E402
from criteo_api_marketingsolutions_v2020_10.aio.api.audience_api import AudienceApi  # noqa: E402


@pytest.fixture(params=["aiohttp", "httpx"])
def aio_transport(request: pytest.FixtureRequest) -> str:
    """Each asynchronous transport in turn."""
    return str(request.param)


@pytest.fixture
def sleeps() -> List[float]:
    """The waits the client was asked to make between attempts (none is really made)."""
    return []


def aio_client(sandbox: Sandbox, transport: str, sleeps: List[float]) -> Any:
    """An asyncio client on the sandbox with a fixed token, exact backoffs and a sleep that only records."""
    from criteo_api_marketingsolutions_v2020_10.aio import AiohttpTransport, ApiClient, HttpxTransport

    configuration = Configuration(host=sandbox.url, access_token=sandbox.issue_token())
    configuration.retries = POLICY
    configuration.rate_limits = None
    chosen = HttpxTransport(configuration=configuration) if transport == "httpx" else AiohttpTransport(
        configuration=configuration
    )

    async def record(seconds: float) -> None:
        sleeps.append(seconds)

    return ApiClient(configuration, transport=chosen, sleep=record)


@pytest_asyncio.fixture
async def client(sandbox: Sandbox, aio_transport: str, sleeps: List[float]) -> AsyncIterator[Any]:
    """An asyncio client on the sandbox, over each asynchronous transport in turn."""
    async with aio_client(sandbox, aio_transport, sleeps) as api_client:
        yield api_client


@pytest_asyncio.fixture
async def audience(client: Any) -> str:
    """A fresh audience of the sandbox, made with the asyncio client."""
    request = NewAudienceRequest(
        data=NewAudience(type="Audience", attributes=NewAudienceAttributes(name="async upload", advertiser_id="10001"))
    )
    created = await AudienceApi(client).create_audience(request)
    return str(created.data.id)


async def async_emails(count: int, read: Optional[List[int]] = None) -> AsyncIterator[str]:
    """Test e-mails from an async generator that yields to the loop now and then; counts what was read."""
    for number in range(count):
        if number % 1_000 == 0:
            await asyncio.sleep(0)
        if read is not None:
            read.append(number)
        yield email(number)


def count_concurrency(monkeypatch: pytest.MonkeyPatch) -> List[int]:
    """Spy on the contact-list calls: the list holds the number in flight, after each call started."""
    in_flight = [0]
    observed: List[int] = []
    original = AudienceApi.modify_audience_users

    async def counting(self: Any, *args: Any, **kwargs: Any) -> Any:
        in_flight[0] += 1
        observed.append(in_flight[0])
        try:
            return await original(self, *args, **kwargs)
        finally:
            in_flight[0] -= 1

    monkeypatch.setattr(AudienceApi, "modify_audience_users", counting)
    return observed


# -- the happy path ---------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_60k_identifiers_in_6_chunks_4_at_a_time(
    sandbox: Sandbox, client: Any, audience: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    concurrency = count_concurrency(monkeypatch)
    sandbox.script(contactlist_path(audience), [Fault(delay=0.1, count=6)])  # slow enough for the chunks to overlap
    calls: List[Tuple[int, Optional[int], int]] = []
    total = 60_000
    report = await aio_audiences.upload(
        client, audience, list(emails(total)), chunk_size=10_000, max_workers=4,
        progress=lambda done, known: calls.append((done, known, threading.get_ident())),
    )
    assert sorted(chunk_indexes(sandbox, audience, 10_000)) == list(range(6))
    counts = sandbox.identifier_counts(audience)
    assert (counts.requests, counts.received, counts.added, counts.invalid) == (6, total, total, 0)
    assert sandbox.contact_list(audience) == set(emails(total))
    assert (report.ok, report.chunks_total, report.chunks_accepted, report.nb_valid_identifiers) == (True, 6, 6, total)
    assert max(concurrency) == 4 and len(concurrency) == 6
    # After each chunk, on the loop's thread, with the total known for a list.
    assert calls == [(10_000 * k, total, threading.get_ident()) for k in range(1, 7)]


@pytest.mark.asyncio
async def test_an_async_iterable_is_read_a_chunk_at_a_time(
    sandbox: Sandbox, client: Any, audience: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: List[int] = []
    read_when_sent: List[int] = []
    original = AudienceApi.modify_audience_users

    async def noting(self: Any, *args: Any, **kwargs: Any) -> Any:
        read_when_sent.append(len(read))
        return await original(self, *args, **kwargs)

    monkeypatch.setattr(AudienceApi, "modify_audience_users", noting)
    report = await aio_audiences.upload(client, audience, async_emails(25_000, read), chunk_size=5_000, max_workers=1)
    assert report.ok and (report.chunks_total, report.identifiers_total) == (5, 25_000)
    assert len(read) == 25_000 and sandbox.contact_list(audience) == set(emails(25_000))
    assert chunk_indexes(sandbox, audience, 5_000) == list(range(5))
    assert {len(a["identifiers"]) for a in amendments(sandbox, audience)} == {5_000}
    # When chunk k went out, the input had been read up to chunk k + 1 at most: one chunk ahead of the one in flight.
    assert len(read_when_sent) == 5 and all(n <= (k + 2) * 5_000 for k, n in enumerate(read_when_sent))
    assert read_when_sent[0] < 25_000


@pytest.mark.asyncio
async def test_an_unknown_audience_stops_early(sandbox: Sandbox, client: Any) -> None:
    report = await aio_audiences.upload(client, "999999", async_emails(10_000), chunk_size=100, max_workers=2)
    assert not report.ok and report.stopped_because == "404 Not Found (audience-not-found)"
    assert all(isinstance(f.exception, NotFoundException) for f in report.failed)
    sent = len(amendments(sandbox, "999999"))
    assert 1 <= sent <= 2 and report.chunks_sent == report.chunks_failed == sent
    # The rest of the input is still read, to count what was not sent.
    assert report.chunks_total == 100 and report.chunks_not_sent == 100 - sent


# -- retries ----------------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_a_chunk_failing_twice_with_503_is_sent_again_and_counted_once(
    sandbox: Sandbox, client: Any, sleeps: List[float], audience: str
) -> None:
    sandbox.script(contactlist_path(audience), [503, 503])
    report = await aio_audiences.upload(client, audience, emails(3_000), chunk_size=1_000, max_workers=1)
    assert report.ok and (report.chunks_accepted, report.chunks_failed) == (3, 0)
    assert chunk_indexes(sandbox, audience, 1_000) == [0, 0, 0, 1, 2]
    counts = sandbox.identifier_counts(audience)
    assert (counts.requests, counts.received) == (3, 3_000)
    assert sleeps == [0.5, 1.0]  # the policy's backoff, through the client's sleep


@pytest.mark.asyncio
async def test_remove_all_empties_the_list_after_a_503(
    sandbox: Sandbox, client: Any, sleeps: List[float], audience: str
) -> None:
    assert (await aio_audiences.upload(client, audience, emails(500), chunk_size=200)).ok
    sandbox.script(contactlist_path(audience), [503])
    answer = await aio_audiences.remove_all(client, audience)
    assert answer is not None and sandbox.contact_list(audience) == frozenset()
    deletes = [r for r in sandbox.requests if r.method == "DELETE" and r.path == contactlist_path(audience)]
    assert len(deletes) == 2 and len(sleeps) == 1
    assert sandbox.identifier_counts(audience).clears == 1


# -- checkpoints ------------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_resume_from_the_synchronous_uploads_checkpoint_sends_only_what_is_missing(
    sandbox: Sandbox, client: Any, audience: str, tmp_path: Path
) -> None:
    checkpoint = tmp_path / "job.checkpoint"
    path = contactlist_path(audience)
    sandbox.script(path, [Fault(), Fault(), Fault(status=400)])  # the third chunk is refused, the others accepted
    with SyncApiClient(Configuration(host=sandbox.url, access_token=sandbox.issue_token())) as sync_client:
        first = audiences.upload(sync_client, audience, emails(6_000), chunk_size=1_000, max_workers=1,
                                 checkpoint=checkpoint)
    assert [f.index for f in first.failed] == [2] and recorded_indexes(checkpoint) == {0, 1, 3, 4, 5}
    before = len(amendments(sandbox, audience))

    report = await aio_audiences.upload(client, audience, emails(6_000), chunk_size=1_000, checkpoint=checkpoint)

    resent = [a["identifiers"][0] for a in amendments(sandbox, audience)[before:]]
    assert resent == [email(2_000)]
    assert (report.ok, report.chunks_skipped, report.chunks_accepted, report.nb_valid_identifiers) == (True, 5, 1, 6_000)
    assert recorded_indexes(checkpoint) == set(range(6))
    assert sandbox.identifier_counts(audience).received == 6_000 and sandbox.contact_list(audience) == set(emails(6_000))


@pytest.mark.asyncio
async def test_the_checkpoint_has_the_synchronous_format(client: Any, audience: str, tmp_path: Path) -> None:
    checkpoint = tmp_path / "job.checkpoint"
    identifiers = [*emails(250), "not-an-email"]
    report = await aio_audiences.upload(client, audience, identifiers, chunk_size=100, checkpoint=checkpoint)
    assert report.ok and report.checkpoint == str(checkpoint)
    header, *lines = complete_lines(checkpoint)
    assert header["checkpoint"] == "criteo-contactlist-upload" and header["job"]["chunk_size"] == 100
    assert sorted((c["index"], c["size"], c["valid"], c["invalid"], c["sha256"]) for c in lines) == [
        (0, 100, 100, 0, digest_of(identifiers[:100])),
        (1, 100, 100, 0, digest_of(identifiers[100:200])),
        (2, 51, 50, 1, digest_of(identifiers[200:])),
    ]
    # The synchronous upload takes it as its own: nothing is sent again.
    with SyncApiClient(client.configuration) as sync_client:
        again = audiences.upload(sync_client, audience, identifiers, chunk_size=100, checkpoint=checkpoint)
    assert (again.ok, again.chunks_skipped, again.chunks_sent) == (True, 3, 0)


async def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Poll ``condition`` on the loop until it holds; fail the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.01)


def check_recorded_lines(checkpoint: Path, chunk_size: int, sandbox: Sandbox, audience: str) -> None:
    """Every line of ``checkpoint`` is whole and names a chunk the API applied, with its exact identifiers."""
    assert checkpoint.read_bytes().endswith(b"\n")
    applied = sandbox.contact_list(audience)
    for line in complete_lines(checkpoint)[1:]:
        first = line["index"] * chunk_size
        identifiers = [email(n) for n in range(first, first + chunk_size)]
        assert line["sha256"] == digest_of(identifiers) and set(identifiers) <= applied


@pytest.mark.asyncio
async def test_cancelling_leaves_a_consistent_checkpoint_and_a_rerun_completes(
    sandbox: Sandbox, client: Any, audience: str, tmp_path: Path
) -> None:
    checkpoint = tmp_path / "job.checkpoint"
    count, chunk_size, workers = 10_000, 500, 4
    path = contactlist_path(audience)
    # Three chunks are answered at once; every later one is held long after the test ended (never applied).
    sandbox.script(path, [Fault(count=3), Fault(delay=5.0, count=100)])
    upload = asyncio.ensure_future(aio_audiences.upload(
        client, audience, async_emails(count), chunk_size=chunk_size, max_workers=workers, checkpoint=checkpoint,
    ))
    await wait_until(lambda: checkpoint.exists() and len(recorded_indexes(checkpoint)) == 3)
    await wait_until(lambda: len(amendments(sandbox, audience)) == 3 + workers)
    upload.cancel()
    with pytest.raises(asyncio.CancelledError):
        await upload
    recorded = recorded_indexes(checkpoint)
    sent = chunk_indexes(sandbox, audience, chunk_size)
    check_recorded_lines(checkpoint, chunk_size, sandbox, audience)
    # Exactly the accepted chunks are recorded; the ones in flight were cancelled; none started after.
    assert len(recorded) == sandbox.identifier_counts(audience).requests == 3
    assert recorded <= set(sent) and len(set(sent) - recorded) == workers
    await asyncio.sleep(0.2)
    assert chunk_indexes(sandbox, audience, chunk_size) == sent

    sandbox.clear_script(path)
    report = await aio_audiences.upload(client, audience, emails(count), chunk_size=chunk_size, checkpoint=checkpoint)
    rerun = chunk_indexes(sandbox, audience, chunk_size)[len(sent):]
    assert report.ok and report.chunks_skipped == 3
    assert sorted(rerun) == sorted(set(range(count // chunk_size)) - recorded)  # no recorded chunk sent again
    assert recorded_indexes(checkpoint) == set(range(count // chunk_size))
    assert sandbox.identifier_counts(audience).received == count  # each identifier applied exactly once
    assert sandbox.contact_list(audience) == set(emails(count))


@pytest.mark.asyncio
async def test_an_identifier_that_is_not_a_str_stops_the_upload_once_the_chunks_in_flight_ended(
    sandbox: Sandbox, client: Any, audience: str, tmp_path: Path
) -> None:
    checkpoint = tmp_path / "job.checkpoint"
    sandbox.script(contactlist_path(audience), [Fault(delay=0.1, count=2)])  # still in flight when the bad one is read
    identifiers: List[Any] = [*emails(2_500), 42, *emails(500, start=2_501)]
    with pytest.raises(ApiTypeError) as raised:
        await aio_audiences.upload(client, audience, identifiers, chunk_size=1_000, checkpoint=checkpoint)
    assert raised.value.path_to_item == ["identifiers", 2_500] and "int" in str(raised.value)
    # The two chunks sent before were answered and recorded before the error was raised; the third never went out.
    assert recorded_indexes(checkpoint) == {0, 1} and chunk_indexes(sandbox, audience, 1_000) in ([0, 1], [1, 0])
    assert sandbox.identifier_counts(audience).received == 2_000


# -- arguments --------------------------------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("arguments", "error", "named"),
    [
        ({"chunk_size": 0}, ApiValueError, "chunk_size"),
        ({"max_workers": "4"}, ApiTypeError, "max_workers"),
        ({"identifiers": "alice@example.com"}, ApiTypeError, "identifiers"),
        ({"operation": "replace"}, ApiValueError, "operation"),
        ({"checkpoint": 5}, ApiTypeError, "checkpoint"),
    ],
)
async def test_bad_arguments_are_refused_before_any_io(
    sandbox: Sandbox, client: Any, tmp_path: Path, arguments: Any, error: Any, named: str
) -> None:
    call = {"audience_id": "70001", "identifiers": ["alice@example.com"], **arguments}
    with pytest.raises(error) as raised:
        await aio_audiences.upload(client, call.pop("audience_id"), call.pop("identifiers"), **call)
    assert named in str(raised.value) and sandbox.api_requests == 0 and list(tmp_path.iterdir()) == []


@pytest.mark.asyncio
async def test_a_synchronous_client_is_refused(sandbox: Sandbox) -> None:
    with SyncApiClient(Configuration(host=sandbox.url, access_token=sandbox.issue_token())) as sync_client:
        with pytest.raises(ApiTypeError, match=r"aio\.ApiClient"):
            await aio_audiences.upload(sync_client, "70001", ["alice@example.com"])
    assert sandbox.api_requests == 0
