"""The command line's help at each level, its usage errors, exit codes, one-line failures and ``--verbose``."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import List

import pytest

from criteo_api_marketingsolutions_v2020_10 import _secrets
from criteo_api_marketingsolutions_v2020_10.apis import AudienceApi, CampaignApi
from criteo_api_marketingsolutions_v2020_10.cli import (
    EXIT_API_ERROR,
    EXIT_CONNECTION,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    main,
)
from criteo_api_marketingsolutions_v2020_10.cli._names import api_command, operation_command
from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Sandbox

ROOT = Path(__file__).resolve().parent.parent
PROG = "criteo-marketing"
MODULE_PROG = "python -m criteo_api_marketingsolutions_v2020_10"


@pytest.fixture(autouse=True)
def _no_credentials_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CRITEO_CLIENT_ID", "CRITEO_CLIENT_SECRET", "CRITEO_API_HOST"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def world():
    with Sandbox() as sandbox:
        yield sandbox


def connect(world: Sandbox) -> List[str]:
    return ["--host", world.url, "--client-id", DEMO_CLIENT_ID, "--client-secret", DEMO_CLIENT_SECRET]


def flat(text: str) -> str:
    """Help text with its line wrapping undone."""
    return " ".join(text.split())


# ---------------------------------------------------------------- help


def test_top_level_help_lists_the_apis_and_the_tool_commands(capsys) -> None:
    assert main(["--help"], prog=PROG) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: {PROG} [-h] [--version] COMMAND ...")
    listed = {line.split()[0] for line in out.splitlines() if line.startswith("    ")}
    apis = {"advertiser", "analytics", "audience", "campaign", "category", "oauth"}
    assert apis | {"token", "report", "upload", "sandbox", "operations"} <= listed
    assert "exit codes:" in out and "130  interrupted (Ctrl-C)" in out


def test_api_help_lists_its_operations_with_their_summaries(capsys) -> None:
    assert main(["audience", "--help"], prog=PROG) == 0
    out = flat(capsys.readouterr().out)
    assert out.startswith(f"usage: {PROG} audience [-h] OPERATION ...")
    for endpoint in AudienceApi.endpoints():
        assert f"{operation_command(endpoint.name)} {endpoint.summary}" in out
    assert "exit codes:" in out


def test_operation_help_shows_the_request_and_every_parameter(capsys) -> None:
    assert main(["campaign", "get-bids", "--help"], prog=PROG) == 0
    out = flat(capsys.readouterr().out)
    endpoint = CampaignApi.__dict__["get_bids"]
    assert out.startswith(f"usage: {PROG} campaign get-bids [-h]")
    assert f"{endpoint.summary}. GET /legacy/marketing/v1/campaigns/bids" in out
    assert "--bid-type {Unknown,CPC,COS,CPO} Only bids of this type (str, optional; query parameter bidType)" in out
    assert "--pending-changes {true,false} Filter on whether a bid change is still pending (bool, optional;" in out
    for option in ("--host", "--client-id", "--client-secret", "--timeout", "--sandbox", "--verbose", "--compact"):
        assert option in out


def test_operation_help_marks_required_parameters_and_the_body(capsys) -> None:
    assert main(["audience", "modify-audience", "--help"], prog=PROG) == 0
    out = flat(capsys.readouterr().out)
    assert f"usage: {PROG} audience modify-audience [-h] --audience-id TEXT --body JSON|@FILE|@-" in out
    assert "PATCH /2021-04/audiences/{audience-id}" in out and "Renames an audience." in out
    assert "--audience-id TEXT Id of the audience (str, required; path parameter audience-id)" in out
    assert "--body JSON|@FILE|@- The new name of the audience (ReplaceAudienceRequest as JSON, required)" in out


# ---------------------------------------------------------------- usage errors, by the program's real name


def run_program(*words: str, module: bool = False) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRITEO_")}
    if module:
        command = [sys.executable, "-m", "criteo_api_marketingsolutions_v2020_10", *words]
    else:
        command = [str(Path(sys.executable).with_name("criteo-marketing")), *words]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.skipif(not Path(sys.executable).with_name("criteo-marketing").exists(), reason="console script not installed")
def test_the_console_script_names_itself_and_shows_the_subcommand_usage() -> None:
    done = run_program("token", "--bogus")
    assert done.returncode == EXIT_USAGE and done.stdout == ""
    assert done.stderr.startswith(f"usage: {PROG} token [-h] [--json]")
    assert done.stderr.splitlines()[-1] == f"{PROG} token: error: unrecognized arguments: --bogus"
    nested = run_program("advertiser", "get-categories", "--advertiser-id", "abc")
    assert nested.returncode == EXIT_USAGE and nested.stderr.startswith(f"usage: {PROG} advertiser get-categories [-h]")
    assert nested.stderr.splitlines()[-1] == (
        f"{PROG} advertiser get-categories: error: argument --advertiser-id: expected an integer, got 'abc'"
    )


def test_under_python_m_the_module_is_named_and_version_works() -> None:
    done = run_program("audience", "get-audiences", "--bogus", module=True)
    assert done.returncode == EXIT_USAGE and "Traceback" not in done.stderr
    assert flat(done.stderr).startswith(f"usage: {MODULE_PROG} audience get-audiences [-h]")
    assert done.stderr.splitlines()[-1] == f"{MODULE_PROG} audience get-audiences: error: unrecognized arguments: --bogus"
    version = run_program("--version", module=True)
    assert version.returncode == 0 and version.stdout.startswith(f"{MODULE_PROG} 1.")


def test_an_unknown_operation_names_the_choices(capsys) -> None:
    assert main(["audience", "get-audience"], prog=PROG) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith(f"usage: {PROG} audience [-h] OPERATION ...")
    assert f"{PROG} audience: error: argument OPERATION: invalid choice: 'get-audience'" in err


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["advertiser", "get-categories", "--advertiser-id", "abc"], "argument --advertiser-id: expected an integer, got 'abc'"),
        (["advertiser", "get-categories", "--advertiser-id", "1", "--enabled-only", "yes"], "argument --enabled-only: expected true or false, got 'yes'"),
        (["campaign", "get-bids", "--bid-type", "CPM"], "argument --bid-type: invalid choice: 'CPM' (choose from 'Unknown', 'CPC', 'COS', 'CPO')"),
        (["campaign", "get-category", "--campaign-id", "200011"], "the following arguments are required: --category-hash-code"),
        (["audience", "get-audiences", "--timeout", "0"], "argument --timeout: expected a positive number of seconds, got '0'"),
    ],
)
def test_bad_values_are_refused_with_the_operation_usage(world: Sandbox, capsys, words: List[str], message: str) -> None:
    before = world.api_requests
    assert main([*words, *connect(world)], prog=PROG) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith(f"usage: {PROG} {words[0]} {words[1]} [-h]")
    assert err.splitlines()[-1] == f"{PROG} {words[0]} {words[1]}: error: {message}"
    assert world.api_requests == before


def test_a_value_the_sdk_refuses_is_one_usage_line(world: Sandbox, capsys) -> None:
    # A byte that is not UTF-8 on the command line arrives as a lone surrogate, which the SDK cannot send.
    code = main(["oauth", "create-token", "--grant-type", "client\udcffcredentials", *connect(world)], prog=PROG)
    err = capsys.readouterr().err
    assert code == EXIT_USAGE
    assert err == "error: invalid input: create_token(): 'grant_type' cannot be encoded as UTF-8 at ['grant_type']\n"


# ---------------------------------------------------------------- exit codes and one-line failures


def test_a_refusal_of_the_sandbox_world_exits_1_with_status_code_and_title(world: Sandbox, capsys) -> None:
    body = {"data": {"type": "ContactlistAmendment", "attributes": {"operation": "add", "identifiers": ["a@example.com"]}}}
    words = ["audience", "modify-audience-users", "--audience-id", "79999", "--body", json.dumps(body)]
    assert main([*words, *connect(world)], prog=PROG) == EXIT_API_ERROR
    out, err = capsys.readouterr()
    assert out == "" and err == "error: audience modify-audience-users refused (404): audience-not-found: Audience not found\n"


def test_a_forbidden_audience_exits_1_on_one_line(world: Sandbox, capsys) -> None:
    assert main(["audience", "remove-audience", "--audience-id", "70099", *connect(world)], prog=PROG) == EXIT_API_ERROR
    err = capsys.readouterr().err
    assert err.startswith("error: audience remove-audience refused (403): insufficient-advertisers-permissions: ")
    assert err.count("\n") == 1 and "Traceback" not in err


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_closed_port_exits_3_on_one_line(capsys) -> None:
    host = f"http://127.0.0.1:{closed_port()}"
    words = ["campaign", "get-ad-set", "--ad-set-id", "300111", "--host", host, "--client-id", "a", "--client-secret", "b"]
    assert main([*words, "--timeout", "2"], prog=PROG) == EXIT_CONNECTION
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(f"error: cannot call campaign get-ad-set from {host}: ")
    assert err.count("\n") == 1


def test_missing_credentials_exit_2_on_one_line(capsys) -> None:
    assert main(["advertiser", "api-portfolio-get", "--host", "http://127.0.0.1:9"], prog=PROG) == EXIT_USAGE
    assert capsys.readouterr().err == (
        "error: missing credentials: pass --client-id/--client-secret or set CRITEO_CLIENT_ID and CRITEO_CLIENT_SECRET\n"
    )


def test_the_environment_gives_credentials_and_host(world: Sandbox, capsys, monkeypatch) -> None:
    monkeypatch.setenv("CRITEO_CLIENT_ID", DEMO_CLIENT_ID)
    monkeypatch.setenv("CRITEO_CLIENT_SECRET", DEMO_CLIENT_SECRET)
    monkeypatch.setenv("CRITEO_API_HOST", world.url)
    assert main(["campaign", "get-ad-set", "--ad-set-id", "300111"], prog=PROG) == 0
    assert json.loads(capsys.readouterr().out)["data"]["id"] == "300111"


def test_an_unexpected_error_is_one_line_without_secrets(world: Sandbox, capsys, monkeypatch) -> None:
    token = world.issue_token()
    _secrets.register(token)

    def broken(value, pretty):
        raise RuntimeError(f"cannot print: Authorization: Bearer {token}\nclient_secret={DEMO_CLIENT_SECRET}")

    monkeypatch.setattr("criteo_api_marketingsolutions_v2020_10.cli._operations.emit_json", broken)
    assert main(["campaign", "get-ad-set", "--ad-set-id", "300111", *connect(world)], prog=PROG) == EXIT_API_ERROR
    err = capsys.readouterr().err
    assert err.startswith("error: internal error: RuntimeError: cannot print: Authorization: Bearer ***")
    assert err.count("\n") == 1 and token not in err and DEMO_CLIENT_SECRET not in err


def test_ctrl_c_while_reading_the_body_exits_130_quietly(world: Sandbox, capsys, monkeypatch) -> None:
    class Interrupted:
        def read(self) -> str:
            raise KeyboardInterrupt

    monkeypatch.setattr(sys, "stdin", Interrupted())
    code = main(["campaign", "update-bids", "--body", "@-", *connect(world)], prog=PROG)
    assert code == EXIT_INTERRUPTED and capsys.readouterr() == ("", "")


def test_a_closed_pipe_on_stdout_ends_quietly(world: Sandbox, capsys, monkeypatch) -> None:
    class ClosedPipe:
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["operations"], prog=PROG) == EXIT_API_ERROR
    assert capsys.readouterr().err == ""


# ---------------------------------------------------------------- --verbose


def tokens_sent(world: Sandbox) -> List[str]:
    """The bearer tokens the sandbox received."""
    headers = [r.headers.get("Authorization", "") for r in world.requests]
    return [header.split()[1] for header in headers if header.startswith("Bearer ")]


def request_lines(err: str) -> List[str]:
    """The debug lines announcing a GET, with its headers."""
    return [line for line in err.splitlines() if " DEBUG " in line and "<Request GET " in line and "headers=" in line]


def test_verbose_writes_redacted_debug_lines_on_stderr(world: Sandbox, capsys) -> None:
    world.reset_counters()
    words = ["audience", "get-audiences", "--advertiser-id", "10002", *connect(world)]
    assert main(words, prog=PROG) == 0
    assert capsys.readouterr().err == ""  # nothing without --verbose
    assert main([*words, "--verbose"], prog=PROG) == 0
    out, err = capsys.readouterr()
    assert [a["id"] for a in json.loads(out)["data"]] == ["70003"]
    (line,) = request_lines(err)
    assert "/2021-04/audiences" in line
    assert "'Authorization': '***'" in line
    tokens = tokens_sent(world)
    assert len(tokens) == 2
    for secret in (*tokens, DEMO_CLIENT_SECRET):
        assert secret not in err


def test_verbose_token_creation_never_logs_the_secret_or_the_token(world: Sandbox, capsys) -> None:
    assert main(["oauth", "create-token", "--verbose", *connect(world)], prog=PROG) == 0
    out, err = capsys.readouterr()
    token = json.loads(out)["access_token"]
    assert "POST" in err and "/oauth2/token" in err
    assert token not in err and DEMO_CLIENT_SECRET not in err


def test_every_api_command_takes_the_common_options(capsys) -> None:
    for api in (AudienceApi, CampaignApi):
        for endpoint in api.endpoints():
            command = [api_command(api.__name__), operation_command(endpoint.name)]
            assert main([*command, "--help"], prog=PROG) == 0
            out = capsys.readouterr().out
            for option in ("--host", "--client-id", "--client-secret", "--timeout", "--sandbox", "--verbose"):
                assert f"  {option}" in out, (command, option)
