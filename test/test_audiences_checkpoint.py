"""Resuming uploads from their checkpoint: after a killed process, after Ctrl+C, and with damaged files."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Set

import pytest
from test_audiences_upload import (
    amendments,
    chunk_indexes,
    client_on,
    contactlist_path,
    email,
    emails,
    new_audience,
    number_of,
)

from criteo_api_marketingsolutions_v2020_10 import ApiClient, audiences
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError
from criteo_api_marketingsolutions_v2020_10.sandbox import Fault, Sandbox


@pytest.fixture
def client(sandbox: Sandbox, transport_name: str) -> Iterator[ApiClient]:
    """A client on the sandbox, over each transport in turn."""
    with client_on(sandbox, transport_name, []) as api_client:
        yield api_client


@pytest.fixture
def audience(client: ApiClient) -> str:
    """A fresh audience of the sandbox."""
    return new_audience(client)


def complete_lines(path: Path) -> List[Dict[str, Any]]:
    """The complete lines of a checkpoint file, parsed (a torn last line is left out, as the upload does)."""
    content = path.read_bytes()
    return [json.loads(line) for line in content[: content.rfind(b"\n") + 1].splitlines()]


def recorded_indexes(path: Path) -> Set[int]:
    """The chunks a checkpoint file records as accepted."""
    return {line["index"] for line in complete_lines(path)[1:]}


def wait_until(condition: Callable[[], bool], timeout: float = 15.0) -> None:
    """Poll ``condition`` until it holds; fail the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


#: The User-Agent of the process killed mid-upload, which tells its requests from the rerun's.
KILLED_AGENT = "upload-to-be-killed"

_UPLOAD_PROCESS = textwrap.dedent(
    f"""
    import sys
    from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration, audiences
    url, token, audience, checkpoint, count, chunk_size = sys.argv[1:]
    identifiers = (f"user{{n}}@example.com" for n in range(int(count)))
    with ApiClient(Configuration(host=url, access_token=token)) as client:
        client.user_agent = "{KILLED_AGENT}"
        audiences.upload(client, audience, identifiers, chunk_size=int(chunk_size), max_workers=2, checkpoint=checkpoint)
    """
)


def chunks_sent_by(sandbox: Sandbox, audience: str, chunk_size: int, killed: bool) -> List[int]:
    """The chunks received from the killed process (``killed``) or from the rerun."""
    path = contactlist_path(audience)
    return [
        number_of(r.json()["data"]["attributes"]["identifiers"][0]) // chunk_size
        for r in sandbox.requests
        if r.method == "PATCH" and r.path == path and (r.headers.get("User-Agent") == KILLED_AGENT) == killed
    ]


def run_and_kill(sandbox: Sandbox, audience: str, checkpoint: Path, count: int, chunk_size: int) -> Set[int]:
    """Upload in another process, kill it (SIGKILL on POSIX: no cleanup of any kind) once its checkpoint records
    three chunks; the chunks it recorded."""
    path = contactlist_path(audience)
    sandbox.script(path, [Fault(delay=0.3, count=100)])  # slow answers, so the kill lands mid-run
    arguments = [sandbox.url, sandbox.issue_token(), audience, str(checkpoint), str(count), str(chunk_size)]
    process = subprocess.Popen([sys.executable, "-c", _UPLOAD_PROCESS, *arguments])
    try:
        wait_until(lambda: checkpoint.exists() and len(recorded_indexes(checkpoint)) >= 3)
    finally:
        process.kill()
        process.wait(timeout=10)
    sandbox.clear_script(path)
    assert process.returncode != 0
    return recorded_indexes(checkpoint)


def test_resume_after_the_process_was_killed(sandbox: Sandbox, client: ApiClient, audience: str, tmp_path: Path) -> None:
    checkpoint = tmp_path / "upload.checkpoint"
    count, chunk_size, workers = 12_000, 1_000, 2
    chunks_total = count // chunk_size
    recorded = run_and_kill(sandbox, audience, checkpoint, count, chunk_size)
    assert 3 <= len(recorded) < chunks_total

    report = audiences.upload(client, audience, emails(count), chunk_size=chunk_size, checkpoint=checkpoint)

    # Nothing recorded is sent again, and everything else is sent once.
    resent = chunks_sent_by(sandbox, audience, chunk_size, killed=False)
    assert sorted(resent) == sorted(set(range(chunks_total)) - recorded)
    assert (report.ok, report.chunks_skipped, report.chunks_accepted) == (True, len(recorded), len(resent))
    # The earlier run's counts come from the checkpoint, which now records every chunk.
    assert (report.nb_valid_identifiers, recorded_indexes(checkpoint)) == (count, set(range(chunks_total)))
    # The requests the process had sent are processed even after its death: wait until all are.
    wait_until(lambda: sandbox.identifier_counts(audience).requests == len(amendments(sandbox, audience)))
    before_kill = chunks_sent_by(sandbox, audience, chunk_size, killed=True)
    # The chunks it had in flight may have been accepted without being recorded: those were sent again.
    accepted_unrecorded = set(before_kill) - recorded
    assert recorded <= set(before_kill) and len(accepted_unrecorded) <= workers
    assert len(before_kill) == len(set(before_kill))
    # So every identifier arrived exactly once, plus once more for each chunk accepted-but-unrecorded.
    assert sandbox.identifier_counts(audience).received == count + chunk_size * len(accepted_unrecorded)
    assert sandbox.contact_list(audience) == set(emails(count))


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT cannot be sent to another process there")
def test_a_real_ctrl_c_waits_for_the_requests_in_flight(sandbox: Sandbox, tmp_path: Path) -> None:
    with client_on(sandbox, "urllib3", []) as api_client:  # the upload itself runs in the other process
        audience = new_audience(api_client)
    checkpoint = tmp_path / "upload.checkpoint"
    path = contactlist_path(audience)
    sandbox.script(path, [Fault(delay=0.3, count=100)])
    arguments = [sandbox.url, sandbox.issue_token(), audience, str(checkpoint), "12000", "1000"]
    process = subprocess.Popen([sys.executable, "-c", _UPLOAD_PROCESS, *arguments], stderr=subprocess.PIPE, text=True)
    try:
        wait_until(lambda: checkpoint.exists() and len(recorded_indexes(checkpoint)) >= 2)
        process.send_signal(signal.SIGINT)
        _, errors = process.communicate(timeout=15)
    finally:
        process.kill()
    assert process.returncode != 0 and "KeyboardInterrupt" in errors
    # By the time the process ended, every request it had sent was answered and each accepted chunk recorded.
    sent = chunks_sent_by(sandbox, audience, 1_000, killed=True)
    assert sorted(sent) == sorted(recorded_indexes(checkpoint)) and len(sent) < 12
    assert sandbox.identifier_counts(audience).requests == len(sent)


def test_ctrl_c_leaves_a_consistent_checkpoint(sandbox: Sandbox, client: ApiClient, audience: str, tmp_path: Path) -> None:
    checkpoint = tmp_path / "upload.checkpoint"
    count, chunk_size, workers = 10_000, 500, 4
    sandbox.script(contactlist_path(audience), [Fault(delay=0.05, count=100)])
    calls: List[int] = []

    def interrupt_on_the_third_chunk(done: int, total: Any) -> None:
        calls.append(done)
        if len(calls) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        audiences.upload(
            client, audience, emails(count), chunk_size=chunk_size, max_workers=workers, checkpoint=checkpoint,
            progress=interrupt_on_the_third_chunk,
        )
    assert len(calls) == 3
    recorded = recorded_indexes(checkpoint)
    sent = chunk_indexes(sandbox, audience, chunk_size)
    # The requests in flight ended before upload raised, each accepted one is recorded, and none started after.
    assert sorted(sent) == sorted(recorded)
    assert 3 <= len(recorded) <= 3 + workers
    assert sandbox.identifier_counts(audience).requests == len(recorded)

    sandbox.clear_script(contactlist_path(audience))
    report = audiences.upload(client, audience, emails(count), chunk_size=chunk_size, checkpoint=checkpoint)
    assert report.ok and report.chunks_skipped == len(recorded)
    assert report.chunks_accepted == count // chunk_size - len(recorded)
    assert sandbox.identifier_counts(audience).received == count  # each identifier exactly once
    assert sandbox.contact_list(audience) == set(emails(count))


def test_the_checkpoint_holds_counts_and_digests_only(client: ApiClient, audience: str, tmp_path: Path) -> None:
    checkpoint = tmp_path / "upload.checkpoint"
    identifiers = [*emails(250), "not-an-email"]
    report = audiences.upload(client, audience, identifiers, chunk_size=100, checkpoint=checkpoint)
    assert report.ok and report.checkpoint == str(checkpoint)
    header, *chunks = complete_lines(checkpoint)
    assert header["job"] == {
        "audience_id": audience, "operation": "add", "identifier_type": "email", "chunk_size": 100,
        "gum_caller_id": None, "normalize_emails": False,
    }
    assert sorted((c["index"], c["size"], c["valid"], c["invalid"]) for c in chunks) == [
        (0, 100, 100, 0), (1, 100, 100, 0), (2, 51, 50, 1),
    ]
    assert all(len(c["sha256"]) == 64 for c in chunks)
    text = checkpoint.read_text()
    assert "@" not in text and "user" not in text and "not-an-email" not in text


def test_a_finished_job_sends_nothing_again(sandbox: Sandbox, client: ApiClient, audience: str, tmp_path: Path) -> None:
    checkpoint = tmp_path / "upload.checkpoint"
    first = audiences.upload(client, audience, emails(500), chunk_size=100, checkpoint=checkpoint)
    again = audiences.upload(client, audience, emails(500), chunk_size=100, checkpoint=checkpoint)
    assert len(amendments(sandbox, audience)) == 5
    assert again.ok and again.chunks_skipped == 5 and again.chunks_sent == 0 and again.identifiers_skipped == 500
    assert again.nb_valid_identifiers == first.nb_valid_identifiers == 500


def test_a_chunk_whose_content_changed_is_sent_again(
    sandbox: Sandbox, client: ApiClient, audience: str, tmp_path: Path
) -> None:
    checkpoint = tmp_path / "upload.checkpoint"
    audiences.upload(client, audience, emails(500), chunk_size=100, checkpoint=checkpoint)
    changed = [email(n) if n != 250 else "someone.else@example.com" for n in range(500)]
    report = audiences.upload(client, audience, changed, chunk_size=100, checkpoint=checkpoint)
    assert chunk_indexes(sandbox, audience, 100)[5:] == [2]
    assert report.chunks_skipped == 4 and report.chunks_accepted == 1
    # The new content is recorded: a third run sends nothing.
    audiences.upload(client, audience, changed, chunk_size=100, checkpoint=checkpoint)
    assert len(amendments(sandbox, audience)) == 6


def test_a_longer_input_sends_only_the_new_chunks(
    sandbox: Sandbox, client: ApiClient, audience: str, tmp_path: Path
) -> None:
    checkpoint = tmp_path / "upload.checkpoint"
    audiences.upload(client, audience, emails(300), chunk_size=100, checkpoint=checkpoint)
    report = audiences.upload(client, audience, emails(450), chunk_size=100, checkpoint=checkpoint)
    assert sorted(chunk_indexes(sandbox, audience, 100)[3:]) == [3, 4]
    assert (report.chunks_skipped, report.chunks_accepted, report.identifiers_sent) == (3, 2, 150)


@pytest.mark.parametrize(
    ("changed", "field"),
    [
        ({"chunk_size": 200}, "chunk_size is 100 there, 200 here"),
        ({"operation": "remove"}, "operation is 'add' there, 'remove' here"),
        ({"normalize_emails": True}, "normalize_emails is False there, True here"),
        ({"identifier_type": "gum", "gum_caller_id": 7}, "identifier_type is 'email' there, 'gum' here"),
    ],
)
def test_a_checkpoint_of_another_job_is_refused(
    sandbox: Sandbox, client: ApiClient, audience: str, tmp_path: Path, changed: Dict[str, Any], field: str
) -> None:
    checkpoint = tmp_path / "upload.checkpoint"
    audiences.upload(client, audience, emails(200), chunk_size=100, checkpoint=checkpoint)
    before, content = len(sandbox.requests), checkpoint.read_bytes()
    arguments: Dict[str, Any] = {"chunk_size": 100, "checkpoint": checkpoint, **changed}
    with pytest.raises(ApiValueError, match="belongs to another job") as raised:
        audiences.upload(client, audience, emails(200), **arguments)
    assert field in str(raised.value)
    assert len(sandbox.requests) == before and checkpoint.read_bytes() == content


def test_a_checkpoint_of_another_audience_is_refused(client: ApiClient, audience: str, tmp_path: Path) -> None:
    checkpoint = tmp_path / "upload.checkpoint"
    audiences.upload(client, audience, emails(10), checkpoint=checkpoint)
    other = new_audience(client)
    with pytest.raises(ApiValueError, match=f"audience_id is '{audience}' there, '{other}' here"):
        audiences.upload(client, other, emails(10), checkpoint=checkpoint)


def test_a_torn_last_line_is_ignored(sandbox: Sandbox, client: ApiClient, audience: str, tmp_path: Path) -> None:
    checkpoint = tmp_path / "upload.checkpoint"
    audiences.upload(client, audience, emails(500), chunk_size=100, max_workers=1, checkpoint=checkpoint)
    content = checkpoint.read_bytes()
    checkpoint.write_bytes(content[:-20])  # the crash came while the last chunk's line was being written
    torn = complete_lines(checkpoint)[-1]["index"]
    report = audiences.upload(client, audience, emails(500), chunk_size=100, max_workers=1, checkpoint=checkpoint)
    assert chunk_indexes(sandbox, audience, 100)[5:] == [4] and torn == 3
    assert report.ok and report.chunks_skipped == 4 and report.chunks_accepted == 1
    # The torn piece was cut off before appending: every line of the file reads again.
    assert len(complete_lines(checkpoint)) == 6 and checkpoint.read_bytes().endswith(b"\n")


def test_a_torn_line_after_a_complete_file_changes_nothing(
    sandbox: Sandbox, client: ApiClient, audience: str, tmp_path: Path
) -> None:
    checkpoint = tmp_path / "upload.checkpoint"
    audiences.upload(client, audience, emails(300), chunk_size=100, checkpoint=checkpoint)
    content = checkpoint.read_bytes()
    checkpoint.write_bytes(content + b'{"index": 7, "si')
    report = audiences.upload(client, audience, emails(300), chunk_size=100, checkpoint=checkpoint)
    assert report.chunks_skipped == 3 and len(amendments(sandbox, audience)) == 3
    assert checkpoint.read_bytes() == content


def test_a_torn_header_starts_over(sandbox: Sandbox, client: ApiClient, audience: str, tmp_path: Path) -> None:
    checkpoint = tmp_path / "upload.checkpoint"
    checkpoint.write_bytes(b'{"checkpoint": "criteo-cont')
    report = audiences.upload(client, audience, emails(200), chunk_size=100, checkpoint=checkpoint)
    assert report.ok and report.chunks_accepted == 2
    assert complete_lines(checkpoint)[0]["job"]["audience_id"] == audience


def test_a_damaged_line_in_the_middle_is_refused(client: ApiClient, audience: str, tmp_path: Path) -> None:
    checkpoint = tmp_path / "upload.checkpoint"
    audiences.upload(client, audience, emails(300), chunk_size=100, checkpoint=checkpoint)
    lines = checkpoint.read_bytes().splitlines(keepends=True)
    lines[2] = b'{"index": "two"}\n'
    checkpoint.write_bytes(b"".join(lines))
    with pytest.raises(ApiValueError, match="line 3 of the checkpoint"):
        audiences.upload(client, audience, emails(300), chunk_size=100, checkpoint=checkpoint)


def test_a_file_that_is_not_a_checkpoint_is_refused(
    sandbox: Sandbox, client: ApiClient, audience: str, tmp_path: Path
) -> None:
    checkpoint = tmp_path / "notes.txt"
    checkpoint.write_text("shopping list\n")
    with pytest.raises(ApiValueError, match="not the checkpoint of a contact-list upload"):
        audiences.upload(client, audience, emails(10), checkpoint=checkpoint)
    assert amendments(sandbox, audience) == [] and checkpoint.read_text() == "shopping list\n"


def test_failed_chunks_are_not_recorded(sandbox: Sandbox, client: ApiClient, audience: str, tmp_path: Path) -> None:
    checkpoint = tmp_path / "upload.checkpoint"
    sandbox.script(contactlist_path(audience), [Fault(status=400)])
    first = audiences.upload(client, audience, emails(300), chunk_size=100, max_workers=1, checkpoint=checkpoint)
    assert [f.index for f in first.failed] == [0] and recorded_indexes(checkpoint) == {1, 2}
    second = audiences.upload(client, audience, emails(300), chunk_size=100, max_workers=1, checkpoint=checkpoint)
    assert second.ok and second.chunks_accepted == 1 and second.chunks_skipped == 2
    assert chunk_indexes(sandbox, audience, 100) == [0, 1, 2, 0]
