"""The command line: token for shell use, JSON output, the sandbox, and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from criteo_api_marketingsolutions_v2020_10.cli import EXIT_API_ERROR, EXIT_CONNECTION, EXIT_USAGE, main
from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _no_credentials_in_env(monkeypatch) -> None:
    for name in ("CRITEO_CLIENT_ID", "CRITEO_CLIENT_SECRET", "CRITEO_API_HOST"):
        monkeypatch.delenv(name, raising=False)


def test_token_with_flags_prints_only_the_token(sandbox, capsys) -> None:
    code = main(["token", "--host", sandbox.url, "--client-id", DEMO_CLIENT_ID, "--client-secret", DEMO_CLIENT_SECRET])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    token = out.strip()
    assert len(out.splitlines()) == 1 and len(token) > 20
    assert sandbox.token_requests == 1


def test_token_from_environment_as_json(sandbox, capsys, monkeypatch) -> None:
    monkeypatch.setenv("CRITEO_CLIENT_ID", DEMO_CLIENT_ID)
    monkeypatch.setenv("CRITEO_CLIENT_SECRET", DEMO_CLIENT_SECRET)
    monkeypatch.setenv("CRITEO_API_HOST", sandbox.url)
    assert main(["token", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["token_type"] == "Bearer" and payload["expires_in"] == 900 and payload["access_token"]


def test_token_sandbox_needs_nothing(capsys) -> None:
    assert main(["token", "--sandbox"]) == 0
    assert len(capsys.readouterr().out.strip()) > 20


def test_missing_credentials_is_a_usage_error(capsys) -> None:
    assert main(["token", "--host", "http://127.0.0.1:9"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("error: missing credentials") and err.count("\n") == 1


def test_refused_credentials_give_one_line_and_exit_1(sandbox, capsys) -> None:
    code = main(["token", "--host", sandbox.url, "--client-id", DEMO_CLIENT_ID, "--client-secret", "not-the-secret"])
    err = capsys.readouterr().err
    assert code == EXIT_API_ERROR
    assert err == "error: token request refused (400): invalid_client: " + err.split("invalid_client: ", 1)[1]
    assert "not-the-secret" not in err and err.count("\n") == 1


def test_unreachable_host_gives_one_line_and_exit_3(capsys) -> None:
    code = main(["token", "--host", "http://127.0.0.1:9", "--client-id", "a", "--client-secret", "b", "--timeout", "2"])
    err = capsys.readouterr().err
    assert code == EXIT_CONNECTION and err.startswith("error: cannot get a token") and err.count("\n") == 1


def test_module_entry_point_never_prints_a_traceback() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRITEO_")}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-m", "criteo_api_marketingsolutions_v2020_10", "token", "--host", "http://127.0.0.1:9",
         "--client-id", "a", "--client-secret", "b", "--timeout", "1"],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert done.returncode == EXIT_CONNECTION
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    ok = subprocess.run(
        [sys.executable, "-m", "criteo_api_marketingsolutions_v2020_10", "token", "--sandbox", "--json"],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["token_type"] == "Bearer"


def test_sandbox_command_serves_until_interrupted() -> None:
    import signal
    import time

    import urllib3

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "criteo_api_marketingsolutions_v2020_10", "sandbox", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        url = None
        deadline = time.monotonic() + 20
        while url is None and time.monotonic() < deadline:
            line = process.stdout.readline()
            for word in line.split():
                if word.startswith("http://127.0.0.1:"):
                    url = word.rstrip(".,")
        assert url, "the sandbox did not print its URL"
        answer = urllib3.request(
            "POST", url + "/oauth2/token",
            body=f"client_id={DEMO_CLIENT_ID}&client_secret={DEMO_CLIENT_SECRET}".encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert answer.status == 200
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(10)
    assert process.returncode in (0, 130)
    assert "Traceback" not in process.stderr.read()


def test_report_downloads_to_a_file_and_prints_what_it_wrote(tmp_path, capsys) -> None:
    target = tmp_path / "adsets.json"
    code = main(["report", "--sandbox", "--start", "2021-03-01", "--end", "2021-03-10", "--format", "json",
                 "--output", str(target)])
    out, err = capsys.readouterr()
    assert code == 0
    summary = json.loads(out)
    assert summary["path"] == str(target) and summary["bytes"] == target.stat().st_size > 0
    assert json.loads(target.read_bytes())["Columns"] == ["AdsetId", "Day", "Displays", "Clicks", "AdvertiserCost"]
    assert "adsets.json" in err  # the progress bar


def test_a_transactions_report_from_the_command_line(tmp_path, capsys) -> None:
    target = tmp_path / "t.csv"
    code = main(["report", "--sandbox", "--kind", "transactions", "--start", "2021-03-01", "--end", "2021-03-10",
                 "--output", str(target), "--no-progress"])
    assert code == 0 and capsys.readouterr().err == ""
    assert target.read_text().startswith("TransactionId,TransactionDate")


def test_a_refused_report_gives_the_first_error_on_one_line(tmp_path, capsys) -> None:
    code = main(["report", "--sandbox", "--start", "2021-03-01", "--end", "2021-03-10", "--metrics", "Bogus",
                 "--output", str(tmp_path / "r.csv"), "--no-progress"])
    err = capsys.readouterr().err
    assert code == EXIT_API_ERROR
    assert err == "error: report request refused (400): invalid-metric: Unknown metric\n"
    assert not (tmp_path / "r.csv").exists()


@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_a_port_out_of_range_is_one_line_and_a_usage_error(capsys, port) -> None:
    assert main(["sandbox", "--port", port], prog="criteo-marketing") == EXIT_USAGE
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"error: cannot serve on port {port}: a port is a number from 0 to 65535\n"


def test_a_port_already_taken_is_one_line(capsys) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["sandbox", "--port", str(port)]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith(f"error: cannot serve on 127.0.0.1:{port}: ") and err.count("\n") == 1


def test_upload_sends_a_file_of_identifiers_and_prints_the_report(sandbox, tmp_path, capsys) -> None:
    from criteo_api_marketingsolutions_v2020_10.sandbox.seed import _AUDIENCES

    audience_id = _AUDIENCES[0][0]
    emails = [f"person{n}@example.com" for n in range(250)] + ["not-an-email"]
    source = tmp_path / "emails.txt"
    source.write_text("\n".join(emails) + "\n\n")
    code = main(["upload", "--host", sandbox.url, "--client-id", DEMO_CLIENT_ID, "--client-secret", DEMO_CLIENT_SECRET,
                 "--audience-id", audience_id, "--file", str(source), "--chunk-size", "100",
                 "--checkpoint", str(tmp_path / "emails.checkpoint")])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "251" in out and "person1@example.com" not in out + err  # counts, never identifiers
    counts = sandbox.identifier_counts(audience_id)
    assert counts.requests == 3 and counts.received == 251 and counts.invalid == 1
    assert "person249@example.com" in sandbox.contact_list(audience_id)
    assert (tmp_path / "emails.checkpoint").exists()


def test_upload_to_an_unknown_audience_exits_1_with_the_report(sandbox, tmp_path, capsys) -> None:
    source = tmp_path / "emails.txt"
    source.write_text("a@example.com\n")
    code = main(["upload", "--host", sandbox.url, "--client-id", DEMO_CLIENT_ID, "--client-secret", DEMO_CLIENT_SECRET,
                 "--audience-id", "999999", "--file", str(source), "--no-progress"])
    out, _ = capsys.readouterr()
    assert code == EXIT_API_ERROR and "INCOMPLETE" in out
