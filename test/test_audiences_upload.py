"""audiences.upload and audiences.remove_all against the sandbox, over real sockets, on both transports."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap
import threading
import tracemalloc
from typing import Any, Dict, Iterator, List, Optional, Tuple, Type, Union

import pytest
from conftest import make_client, remember

from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration, audiences
from criteo_api_marketingsolutions_v2020_10._retry import DEFAULT_RETRY
from criteo_api_marketingsolutions_v2020_10.api.audience_api import AudienceApi
from criteo_api_marketingsolutions_v2020_10.exceptions import (
    ApiTypeError,
    ApiValueError,
    ForbiddenException,
    NotFoundException,
    ServiceException,
    TokenRefreshError,
    TooManyRequestsException,
    UnauthorizedException,
)
from criteo_api_marketingsolutions_v2020_10.model.delete_audience_contact_list_response import (
    DeleteAudienceContactListResponse,
)
from criteo_api_marketingsolutions_v2020_10.model.new_audience import NewAudience
from criteo_api_marketingsolutions_v2020_10.model.new_audience_attributes import NewAudienceAttributes
from criteo_api_marketingsolutions_v2020_10.model.new_audience_request import NewAudienceRequest
from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, Fault, Sandbox
from criteo_api_marketingsolutions_v2020_10.sandbox.audiences import INVALID_SAMPLE_SIZE

#: The retry policy of the tests' clients: the default one without jitter, so the waits are exact.
POLICY = DEFAULT_RETRY.new(backoff_jitter=0.0)


def contactlist_path(audience_id: str) -> str:
    """The path of an audience's contact list, as the sandbox scripts and records it."""
    return f"/2021-04/audiences/{audience_id}/contactlist"


def email(number: int) -> str:
    """The ``number``-th test e-mail; its number can be read back from it."""
    return f"user{number}@example.com"


def number_of(identifier: str) -> int:
    """The number ``email`` made ``identifier`` from."""
    return int(identifier[len("user") : identifier.index("@")])


def emails(count: int, start: int = 0) -> Iterator[str]:
    """A generator of test e-mails (no ``len()``), as an upload from a file gives."""
    return (email(number) for number in range(start, start + count))


def new_audience(client: ApiClient) -> str:
    """A fresh audience with an empty contact list."""
    request = NewAudienceRequest(
        data=NewAudience(type="Audience", attributes=NewAudienceAttributes(name="upload test", advertiser_id="10001"))
    )
    return AudienceApi(client).create_audience(request).data.id


def amendments(sandbox: Sandbox, audience_id: str) -> List[Dict[str, Any]]:
    """The ``attributes`` of every contact-list change the sandbox received for the audience, in order."""
    path = contactlist_path(audience_id)
    return [r.json()["data"]["attributes"] for r in sandbox.requests if r.method == "PATCH" and r.path == path]


def chunk_indexes(sandbox: Sandbox, audience_id: str, chunk_size: int) -> List[int]:
    """The chunk each received change was, read from its first identifier."""
    return [number_of(a["identifiers"][0]) // chunk_size for a in amendments(sandbox, audience_id)]


@pytest.fixture
def sleeps() -> List[float]:
    """The waits the client was asked to make (none is really made)."""
    return []


def client_on(sandbox: Sandbox, transport_name: str, sleeps: List[float], retries: Any = POLICY) -> ApiClient:
    """A client on the sandbox with a fixed token and a recording sleep."""
    configuration = Configuration(host=sandbox.url, access_token=sandbox.issue_token())
    configuration.retries = retries
    return make_client(configuration, transport_name, sleep=sleeps.append)


@pytest.fixture
def client(sandbox: Sandbox, transport_name: str, sleeps: List[float]) -> Iterator[ApiClient]:
    """A client on the sandbox, over each transport in turn."""
    with client_on(sandbox, transport_name, sleeps) as api_client:
        yield api_client


@pytest.fixture
def audience(client: ApiClient) -> str:
    """A fresh audience of the sandbox."""
    return new_audience(client)


# -- the happy path ---------------------------------------------------------------------------------


def check_sandbox_received_each_once(sandbox: Sandbox, audience: str, total: int, invalid: Dict[int, str]) -> None:
    """The sandbox got ``total`` identifiers in 10,000-identifier chunks, each chunk once, every valid one kept."""
    assert sorted(chunk_indexes(sandbox, audience, 10_000)) == list(range(total // 10_000))
    assert {len(a["identifiers"]) for a in amendments(sandbox, audience)} == {10_000}
    counts = sandbox.identifier_counts(audience)
    assert (counts.requests, counts.received, counts.added, counts.invalid) == (12, total, total, len(invalid))
    assert sandbox.contact_list(audience) == {email(n) for n in range(total) if n not in invalid}


def expected_sample(invalid: Dict[int, str], chunk_size: int) -> Tuple[str, ...]:
    """The sandbox echoes the first few invalid identifiers of each chunk; the report keeps them in chunk order."""
    by_chunk: Dict[int, List[str]] = {}
    for number, identifier in sorted(invalid.items()):
        by_chunk.setdefault(number // chunk_size, []).append(identifier)
    kept = [identifier for chunk in sorted(by_chunk) for identifier in by_chunk[chunk][:INVALID_SAMPLE_SIZE]]
    return tuple(kept[: audiences.SAMPLE_SIZE])


def test_120k_identifiers_in_12_parallel_chunks(sandbox: Sandbox, client: ApiClient, audience: str) -> None:
    total = 120_000
    invalid = {n: f"not-an-email-{n}" for n in range(7, total, 997)}
    source = (invalid.get(n) or email(n) for n in range(total))
    calls: List[Tuple[int, Optional[int], int]] = []

    def progress(done: int, known_total: Optional[int]) -> None:
        calls.append((done, known_total, threading.get_ident()))

    report = audiences.upload(client, audience, source, chunk_size=10_000, max_workers=4, progress=progress)
    remember(report, report.summary())

    check_sandbox_received_each_once(sandbox, audience, total, invalid)
    expected = {
        "ok": True, "stopped_because": None, "failed": (), "chunks_total": 12, "chunks_sent": 12,
        "chunks_accepted": 12, "chunks_failed": 0, "chunks_skipped": 0, "chunks_not_sent": 0,
        "identifiers_total": total, "identifiers_sent": total, "nb_valid_identifiers": total - len(invalid),
        "nb_invalid_identifiers": len(invalid), "sample_invalid_identifiers": expected_sample(invalid, 10_000),
    }
    assert {name: getattr(report, name) for name in expected} == expected
    assert "not-an-email" not in repr(report) + report.summary()
    # After each chunk, from the calling thread: the identifiers done so far, total unknown for a generator.
    assert calls == [(10_000 * k, None, threading.get_ident()) for k in range(1, 13)]


def test_progress_total_is_known_for_a_sized_input(client: ApiClient, audience: str) -> None:
    calls: List[Tuple[int, Optional[int]]] = []
    identifiers = list(emails(2_500))
    report = audiences.upload(client, audience, identifiers, chunk_size=1_000, progress=lambda d, t: calls.append((d, t)))
    assert report.ok and report.chunks_total == 3
    # Chunks end in any order (the last one is shorter): the count grows by a chunk's size each time.
    assert [t for _, t in calls] == [2_500] * 3 and calls[-1][0] == 2_500
    steps = [b - a for a, b in zip([0] + [d for d, _ in calls], [d for d, _ in calls])]
    assert sorted(steps) == [500, 1_000, 1_000]


def test_progress_bar(capsys: pytest.CaptureFixture[str], client: ApiClient, audience: str) -> None:
    report = audiences.upload(client, audience, list(emails(3_000)), chunk_size=1_000, progress=True)
    assert report.ok
    drawn = capsys.readouterr().err
    assert "3000/3000" in drawn and f"audience {audience}" in drawn


def test_progress_bar_without_tqdm(monkeypatch: pytest.MonkeyPatch, sandbox: Sandbox, client: ApiClient) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)  # what an environment without tqdm gives
    before = sandbox.api_requests
    with pytest.raises(ImportError, match=r"criteo-api-marketingsolutions-v2020-10\[progress\]"):
        audiences.upload(client, "70001", ["a@example.com"], progress=True)
    assert sandbox.api_requests == before


def test_remove_operation(sandbox: Sandbox, client: ApiClient, audience: str) -> None:
    assert audiences.upload(client, audience, emails(1_000), chunk_size=300).ok
    report = audiences.upload(client, audience, emails(400, start=100), operation="remove", chunk_size=300)
    assert report.ok and report.operation == "remove" and report.chunks_accepted == 2
    assert report.nb_valid_identifiers == 400
    assert {a["operation"] for a in amendments(sandbox, audience)[-2:]} == {"remove"}
    assert sandbox.contact_list(audience) == {email(n) for n in range(1_000) if not 100 <= n < 500}
    assert sandbox.identifier_counts(audience).removed == 400


def test_normalize_emails(sandbox: Sandbox, client: ApiClient, audience: str) -> None:
    raw = ["  Alice@Example.COM ", "BOB@example.com", "carol@example.com\t"]
    assert audiences.upload(client, audience, raw, normalize_emails=True).ok
    assert audiences.upload(client, audience, raw).ok
    normalised, untouched = amendments(sandbox, audience)
    assert normalised["identifiers"] == ["alice@example.com", "bob@example.com", "carol@example.com"]
    assert untouched["identifiers"] == raw


def test_gum_identifiers_carry_the_caller_id(sandbox: Sandbox, client: ApiClient, audience: str) -> None:
    report = audiences.upload(client, audience, ["123", "456"], identifier_type="gum", gum_caller_id=42)
    assert report.ok and report.identifier_type == "gum"
    (sent,) = amendments(sandbox, audience)
    assert (sent["identifierType"], sent["gumCallerId"], sent["identifiers"]) == ("gum", 42, ["123", "456"])


def test_madid_identifiers(sandbox: Sandbox, client: ApiClient, audience: str) -> None:
    madids = ["7f9a4d7e-2b0c-4d8e-9a51-0c6f1d2e3b4a", "not-a-uuid"]
    report = audiences.upload(client, audience, madids, identifier_type="madid")
    assert (report.nb_valid_identifiers, report.nb_invalid_identifiers) == (1, 1)
    assert report.sample_invalid_identifiers == ("not-a-uuid",)
    assert sandbox.contact_list(audience, identifier_type="madid") == {madids[0]}


def test_remove_all(sandbox: Sandbox, client: ApiClient, audience: str) -> None:
    assert audiences.upload(client, audience, emails(500)).ok
    answer = audiences.remove_all(client, audience)
    assert isinstance(answer, DeleteAudienceContactListResponse)
    assert answer.data.id == audience
    assert sandbox.contact_list(audience) == frozenset()
    assert sandbox.identifier_counts(audience).clears == 1


# -- retries ------------------------------------------------------------------------------------------


def test_a_chunk_failing_twice_is_sent_again_and_counted_once(
    sandbox: Sandbox, client: ApiClient, audience: str, sleeps: List[float]
) -> None:
    sandbox.script(contactlist_path(audience), [Fault(status=503, count=2)])
    report = audiences.upload(client, audience, emails(300), chunk_size=100, max_workers=1)
    assert report.ok and report.chunks_accepted == 3 and report.failed == ()
    assert chunk_indexes(sandbox, audience, 100) == [0, 0, 0, 1, 2]
    counts = sandbox.identifier_counts(audience)
    assert (counts.requests, counts.received) == (3, 300)  # the refused attempts were not processed
    assert sleeps == [0.5, 1.0]  # the policy's backoff: factor 0.5, doubling


def test_a_connection_reset_after_sending_is_retried(sandbox: Sandbox, client: ApiClient, audience: str) -> None:
    sandbox.script(contactlist_path(audience), [Fault(reset=True)])
    report = audiences.upload(client, audience, emails(200), chunk_size=100, max_workers=1)
    assert report.ok and report.chunks_accepted == 2
    assert chunk_indexes(sandbox, audience, 100) == [0, 0, 1]
    assert sandbox.contact_list(audience) == set(emails(200))


def test_a_chunk_that_always_fails_is_reported(
    sandbox: Sandbox, transport_name: str, sleeps: List[float]
) -> None:
    with client_on(sandbox, transport_name, sleeps, retries=POLICY.new(total=2)) as api_client:
        audience = new_audience(api_client)
        sandbox.script(contactlist_path(audience), [Fault(status=503, count=3)])
        report = audiences.upload(api_client, audience, emails(250), chunk_size=100, max_workers=1)
    remember(report)
    assert not report.ok and report.stopped_because is None
    (failed,) = report.failed
    assert (failed.index, failed.size, failed.attempts) == (0, 100, 3)
    assert failed.error.startswith("503 Service Unavailable")
    assert isinstance(failed.exception, ServiceException)
    assert (report.chunks_accepted, report.chunks_failed, report.chunks_sent) == (2, 1, 3)
    assert (report.identifiers_sent, report.nb_valid_identifiers) == (250, 150)
    assert sandbox.contact_list(audience) == set(emails(150, start=100))
    assert sleeps == [0.5, 1.0]


def test_429_is_retried_by_the_pipeline_only(sandbox: Sandbox, transport_name: str, sleeps: List[float]) -> None:
    # The pipeline spends the policy on a 429 for every method; the upload must not start over on top of it.
    with client_on(sandbox, transport_name, sleeps, retries=POLICY.new(total=2)) as api_client:
        audience = new_audience(api_client)
        sandbox.script(contactlist_path(audience), [Fault(status=429, count=10)])
        report = audiences.upload(api_client, audience, emails(100), max_workers=1)
    (failed,) = report.failed
    assert failed.attempts == 1 and isinstance(failed.exception, TooManyRequestsException)
    assert failed.error.startswith("429 ")
    assert len(amendments(sandbox, audience)) == 3  # 1 + total, not (1 + total) squared
    assert sandbox.pending_faults(contactlist_path(audience)) == 7


def test_400_is_not_retried_and_other_chunks_go_on(sandbox: Sandbox, client: ApiClient, audience: str) -> None:
    sandbox.script(contactlist_path(audience), [Fault(status=400)])
    report = audiences.upload(client, audience, emails(300), chunk_size=100, max_workers=1)
    (failed,) = report.failed
    assert (failed.index, failed.attempts) == (0, 1) and failed.error.startswith("400 ")
    assert report.chunks_accepted == 2 and report.stopped_because is None
    assert chunk_indexes(sandbox, audience, 100) == [0, 1, 2]


def test_a_policy_allowing_patch_leaves_the_retries_to_the_pipeline(
    sandbox: Sandbox, transport_name: str, sleeps: List[float]
) -> None:
    with client_on(sandbox, transport_name, sleeps, retries=POLICY.new(total=2, allowed_methods=None)) as api_client:
        audience = new_audience(api_client)
        sandbox.script(contactlist_path(audience), [Fault(status=503, count=10)])
        report = audiences.upload(api_client, audience, emails(100), max_workers=1)
    assert report.failed[0].attempts == 1  # one call, in which the pipeline made its 3 attempts
    assert len(amendments(sandbox, audience)) == 3


def test_no_retries_when_disabled(sandbox: Sandbox, transport_name: str, sleeps: List[float]) -> None:
    with client_on(sandbox, transport_name, sleeps, retries=0) as api_client:
        audience = new_audience(api_client)
        sandbox.script(contactlist_path(audience), [Fault(status=503)])
        report = audiences.upload(api_client, audience, emails(200), chunk_size=100, max_workers=1)
    assert [f.index for f in report.failed] == [0] and report.chunks_accepted == 1
    assert sleeps == []


def test_remove_all_retries_a_delete_the_policy_does_not_allow(
    sandbox: Sandbox, transport_name: str, sleeps: List[float]
) -> None:
    only_get = POLICY.new(allowed_methods=frozenset({"GET"}))
    with client_on(sandbox, transport_name, sleeps, retries=only_get) as api_client:
        audience = new_audience(api_client)
        sandbox.script(contactlist_path(audience), [Fault(status=503, count=2)])
        audiences.remove_all(api_client, audience)
    deletes = [r for r in sandbox.requests if r.method == "DELETE" and r.path == contactlist_path(audience)]
    assert len(deletes) == 3 and sleeps == [0.5, 1.0]
    assert sandbox.identifier_counts(audience).clears == 1


def test_remove_all_under_the_default_policy_is_retried_once_over(
    sandbox: Sandbox, transport_name: str, sleeps: List[float]
) -> None:
    with client_on(sandbox, transport_name, sleeps, retries=POLICY.new(total=2)) as api_client:
        audience = new_audience(api_client)
        sandbox.script(contactlist_path(audience), [Fault(status=503, count=5)])
        with pytest.raises(ServiceException):
            audiences.remove_all(api_client, audience)
    # The pipeline repeats a DELETE itself: 1 + total attempts, and no more from remove_all.
    deletes = [r for r in sandbox.requests if r.method == "DELETE" and r.path == contactlist_path(audience)]
    assert len(deletes) == 3


def test_remove_all_of_an_audience_outside_the_portfolio(client: ApiClient) -> None:
    with pytest.raises(ForbiddenException):
        audiences.remove_all(client, "70099")


# -- failures that would fail every chunk ------------------------------------------------------------------


@pytest.mark.parametrize("max_workers", [1, 3])
def test_unknown_audience_stops_early(sandbox: Sandbox, client: ApiClient, max_workers: int) -> None:
    report = audiences.upload(client, "999999", emails(1_000), chunk_size=100, max_workers=max_workers)
    remember(report, report.summary())
    sent = len(amendments(sandbox, "999999"))
    assert 1 <= sent <= max_workers
    assert not report.ok and report.stopped_because == "404 Not Found (audience-not-found)"
    assert report.chunks_failed == report.chunks_sent == sent
    assert all(isinstance(f.exception, NotFoundException) and f.attempts == 1 for f in report.failed)
    assert report.chunks_total == 10 and report.chunks_not_sent == 10 - sent
    assert report.identifiers_not_sent == 100 * (10 - sent)
    assert report.identifiers_total == report.identifiers_sent + report.identifiers_not_sent
    assert "stopped: 404 Not Found" in report.summary()


def test_audience_outside_the_portfolio_stops_early(sandbox: Sandbox, client: ApiClient) -> None:
    report = audiences.upload(client, "70099", emails(500), chunk_size=100, max_workers=1)
    assert report.stopped_because is not None and report.stopped_because.startswith("403 ")
    assert isinstance(report.failed[0].exception, ForbiddenException)
    assert (report.chunks_failed, report.chunks_not_sent) == (1, 4)


def test_a_revoked_token_stops_early(sandbox: Sandbox, client: ApiClient, audience: str) -> None:
    sandbox.revoke_all_tokens()
    report = audiences.upload(client, audience, emails(500), chunk_size=100, max_workers=1)
    assert report.stopped_because is not None and report.stopped_because.startswith("401 ")
    assert isinstance(report.failed[0].exception, UnauthorizedException)
    assert (report.chunks_failed, report.chunks_not_sent) == (1, 4)


def test_credentials_the_token_endpoint_refuses_stop_early(sandbox: Sandbox, transport_name: str) -> None:
    configuration = Configuration(host=sandbox.url, client_id=DEMO_CLIENT_ID, client_secret="not-the-secret")
    with make_client(configuration, transport_name, sleep=lambda seconds: None) as api_client:
        report = audiences.upload(api_client, "70001", emails(500), chunk_size=100, max_workers=1)
    assert isinstance(report.failed[0].exception, TokenRefreshError)
    assert report.stopped_because is not None and (report.chunks_failed, report.chunks_not_sent) == (1, 4)
    assert amendments(sandbox, "70001") == []


def test_identifiers_are_never_logged(
    sandbox: Sandbox, client: ApiClient, audience: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    sandbox.script(contactlist_path(audience), [Fault(status=503), Fault(status=400)])
    identifiers = [*emails(250), "bad-identifier-1"]
    report = audiences.upload(client, audience, identifiers, chunk_size=100, max_workers=1)
    audiences.upload(client, "999999", identifiers, chunk_size=100)
    assert report.chunks_failed == 1 and report.nb_invalid_identifiers == 1
    messages = [record.getMessage() for record in caplog.records]
    assert any("chunk 0 (100 identifiers)" in m for m in messages)  # what is logged: indexes, sizes, statuses
    assert not [m for m in messages if "example.com" in m or "bad-identifier" in m]


# -- checking the arguments ----------------------------------------------------------------------------------

BAD_ARGUMENTS = [
    ({"chunk_size": 0}, ApiValueError, "chunk_size"),
    ({"chunk_size": -5}, ApiValueError, "chunk_size"),
    ({"chunk_size": True}, ApiTypeError, "chunk_size"),
    ({"chunk_size": 10.0}, ApiTypeError, "chunk_size"),
    ({"max_workers": 0}, ApiValueError, "max_workers"),
    ({"max_workers": False}, ApiTypeError, "max_workers"),
    ({"max_workers": "4"}, ApiTypeError, "max_workers"),
    ({"operation": "replace"}, ApiValueError, "operation"),
    ({"operation": None}, ApiValueError, "operation"),
    ({"identifier_type": "phone"}, ApiValueError, "identifier_type"),
    ({"identifier_type": "gum"}, ApiValueError, "gum_caller_id"),
    ({"identifier_type": "gum", "gum_caller_id": "42"}, ApiTypeError, "gum_caller_id"),
    ({"identifier_type": "gum", "gum_caller_id": True}, ApiTypeError, "gum_caller_id"),
    ({"gum_caller_id": 42}, ApiValueError, "gum_caller_id"),
    ({"identifier_type": "madid", "normalize_emails": True}, ApiValueError, "normalize_emails"),
    ({"normalize_emails": "yes"}, ApiTypeError, "normalize_emails"),
    ({"progress": 5}, ApiTypeError, "progress"),
    ({"checkpoint": 5}, ApiTypeError, "checkpoint"),
    ({"checkpoint": ""}, ApiValueError, "checkpoint"),
    ({"audience_id": "seventy"}, ApiValueError, "audience_id"),
    ({"audience_id": None}, ApiTypeError, "audience_id"),
    ({"identifiers": "alice@example.com"}, ApiTypeError, "identifiers"),
    ({"identifiers": b"alice@example.com"}, ApiTypeError, "identifiers"),
    ({"identifiers": 12}, ApiTypeError, "identifiers"),
]


@pytest.mark.parametrize(("arguments", "error", "name"), BAD_ARGUMENTS)
def test_bad_arguments_are_refused_before_any_io(
    sandbox: Sandbox, tmp_path: Any, arguments: Dict[str, Any], error: Type[Union[ApiTypeError, ApiValueError]],
    name: str,
) -> None:
    checkpoint = str(tmp_path / "job.checkpoint")
    call: Dict[str, Any] = {
        "audience_id": "70001", "identifiers": ["alice@example.com"], "checkpoint": checkpoint, **arguments
    }
    with ApiClient(Configuration(host=sandbox.url, access_token=sandbox.issue_token())) as api_client:
        with pytest.raises(error) as raised:
            audiences.upload(api_client, **call)
    assert raised.value.path_to_item[0] == name and name in str(raised.value)
    assert sandbox.api_requests == 0 and list(tmp_path.iterdir()) == []


def test_a_wrong_client_or_retry_setting_is_refused_before_any_io(sandbox: Sandbox) -> None:
    with pytest.raises(ApiTypeError, match="api_client"):
        audiences.upload(object(), "70001", ["alice@example.com"])  # type: ignore[arg-type]
    configuration = Configuration(host=sandbox.url, access_token=sandbox.issue_token())
    configuration.retries = "many"  # type: ignore[assignment]
    with ApiClient(configuration) as api_client, pytest.raises(ApiValueError, match=r"Configuration\.retries"):
        audiences.upload(api_client, "70001", ["alice@example.com"])
    assert sandbox.api_requests == 0


def test_remove_all_checks_the_audience_id(sandbox: Sandbox) -> None:
    with ApiClient(Configuration(host=sandbox.url, access_token=sandbox.issue_token())) as api_client:
        with pytest.raises(ApiValueError, match="audience_id"):
            audiences.remove_all(api_client, "70001/../70002")
    assert sandbox.api_requests == 0


def test_an_identifier_that_is_not_a_str_is_named_by_its_position(
    sandbox: Sandbox, client: ApiClient, audience: str
) -> None:
    def source() -> Iterator[object]:
        yield from emails(1_005)
        yield 12345
        yield from emails(10, start=2_000)

    with pytest.raises(ApiTypeError) as raised:
        audiences.upload(client, audience, source(), chunk_size=1_000)  # type: ignore[arg-type]
    assert raised.value.path_to_item == ["identifiers", 1_005]
    assert "int" in str(raised.value) and "@" not in str(raised.value) and "12345" not in str(raised.value)
    # The chunk before was sent (and finished); the one holding the bad item was not.
    assert chunk_indexes(sandbox, audience, 1_000) == [0]


# -- memory -----------------------------------------------------------------------------------------------------

_SANDBOX_PROCESS = textwrap.dedent(
    """
    import sys
    from criteo_api_marketingsolutions_v2020_10.sandbox import Sandbox
    with Sandbox(max_recorded=0) as sandbox:
        print(sandbox.url, sandbox.issue_token(), flush=True)
        sys.stdin.read()
    """
)


@pytest.fixture
def sandbox_process() -> Iterator[Tuple[str, str]]:
    """A sandbox in a process of its own, so that its memory does not count: its URL and a token."""
    process = subprocess.Popen(
        [sys.executable, "-c", _SANDBOX_PROCESS], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        url, token = process.stdout.readline().split()
        yield url, token
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=10)


def upload_peak(api_client: ApiClient, audience: str, count: int, chunk_size: int) -> int:
    """The most memory Python held at once during an upload of ``count`` identifiers read from a generator."""
    tracemalloc.start()
    try:
        report = audiences.upload(api_client, audience, emails(count), chunk_size=chunk_size, max_workers=4)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.ok and report.chunks_accepted == count // chunk_size, report.summary()
    assert report.nb_valid_identifiers == count
    return peak


def list_size(count: int) -> int:
    """What holding ``count`` test identifiers in a list takes."""
    tracemalloc.start()
    try:
        everything = list(emails(count))
        size = tracemalloc.get_traced_memory()[0]
        del everything
    finally:
        tracemalloc.stop()
    return size


def test_memory_stays_bounded_by_the_chunks_in_flight(
    sandbox_process: Tuple[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    # The sandbox runs in another process, so only the upload's own memory is traced. Five times the
    # input must take about the same peak (four chunks in flight and one being read, whatever the
    # input's length), far below what a list of the input would take. The DEBUG records the test
    # session keeps hold their arguments (requests, bodies included), so they are off here.
    caplog.set_level(logging.INFO, logger="criteo_api_marketingsolutions_v2020_10")
    url, token = sandbox_process
    chunk_size = 2_000
    with ApiClient(Configuration(host=url, access_token=token)) as api_client:
        audience = new_audience(api_client)
        audiences.upload(api_client, audience, emails(10), chunk_size=chunk_size)  # connections and imports warm
        small = upload_peak(api_client, audience, 10 * chunk_size, chunk_size)
        large = upload_peak(api_client, audience, 50 * chunk_size, chunk_size)
    assert large < 1.6 * small, (small, large)
    assert large < list_size(50 * chunk_size) / 4, large


def test_report_repr_shows_no_identifier(client: ApiClient, audience: str) -> None:
    report = audiences.upload(client, audience, ["bad-one", "alice@example.com"])
    assert report.sample_invalid_identifiers == ("bad-one",)
    assert "bad-one" not in repr(report) and "alice" not in repr(report) and "bad-one" not in report.summary()
