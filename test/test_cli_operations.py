"""Every operation through ``criteo-marketing <api> <operation>``, against the sandbox, checked against the SDK.

Each command runs in-process on a module-wide sandbox whose world is reset before the command and again
before the same call is made through the SDK, so that both see the same seeded state.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import pytest

from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration
from criteo_api_marketingsolutions_v2020_10.apis import (
    AdvertiserApi,
    AnalyticsApi,
    AudienceApi,
    CampaignApi,
    CategoryApi,
    OAuthApi,
)
from criteo_api_marketingsolutions_v2020_10.cli import EXIT_USAGE, main
from criteo_api_marketingsolutions_v2020_10.cli._names import api_command, operation_command
from criteo_api_marketingsolutions_v2020_10.model_utils import sanitize_for_serialization
from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Fault, Sandbox

ROOT = Path(__file__).resolve().parent.parent
PROG = "criteo-marketing"

STATISTICS = {
    "dimensions": ["AdsetId", "Day"], "metrics": ["Clicks", "Displays"], "currency": "EUR", "format": "csv",
    "startDate": "2021-03-01T00:00:00+00:00", "endDate": "2021-03-03T00:00:00+00:00", "advertiserIds": "10001",
}
TRANSACTIONS = {
    "data": [{"type": "TransactionsReport", "attributes": {
        "currency": "EUR", "format": "csv", "advertiserIds": "10001",
        "startDate": "2021-03-01T00:00:00+00:00", "endDate": "2021-03-03T00:00:00+00:00",
    }}],
}
NEW_AUDIENCE = {"data": {"type": "Audience", "attributes": {"advertiserId": "10001", "name": "Summer readers"}}}
RENAME = {"data": {"type": "Audience", "attributes": {"name": "Renamed", "description": "From the shell"}}}
AMENDMENT = {"data": {"type": "ContactlistAmendment", "attributes": {
    "operation": "add", "identifierType": "email", "identifiers": ["a@example.com", "b@example.com"],
}}}
PATCH = {"data": [{"id": "300111", "type": "AdSet", "attributes": {
    "name": "Renamed", "bidding": {"bidAmount": {"value": 1.25}},
}}]}
SEARCH = {"filters": {"campaignIds": ["200011"]}}
START = {"data": [{"id": "300112", "type": "AdSet"}]}
STOP = {"data": [{"id": "300111", "type": "AdSet"}]}
BIDS = [{"campaignId": 200011, "bidValue": 0.99}]
CATEGORIES = [{"catalogId": 50001, "categories": [{"categoryHashCode": 810001004, "enabled": True}]}]

SdkCall = Callable[[ApiClient], Any]
#: command -> (its options, the same call through the SDK).
CASES: Dict[str, Tuple[List[str], SdkCall]] = {
    "advertiser api-portfolio-get": ([], lambda c: AdvertiserApi(c).api_portfolio_get()),
    "advertiser get-categories": (
        ["--advertiser-id", "10001", "--enabled-only", "true"],
        lambda c: AdvertiserApi(c).get_categories(10001, enabled_only=True),
    ),
    "advertiser get-category": (
        ["--advertiser-id", "10001", "--category-hash-code", "810001001"],
        lambda c: AdvertiserApi(c).get_category(10001, 810001001),
    ),
    "analytics get-adset-report": (
        ["--body", json.dumps(STATISTICS)],
        lambda c: AnalyticsApi(c).get_adset_report(statistics_report_query_message=STATISTICS),
    ),
    "analytics get-transactions-report": (
        ["--body", json.dumps(TRANSACTIONS)],
        lambda c: AnalyticsApi(c).get_transactions_report(transactions_report_query_data_message=TRANSACTIONS),
    ),
    "audience create-audience": (["--body", json.dumps(NEW_AUDIENCE)], lambda c: AudienceApi(c).create_audience(NEW_AUDIENCE)),
    "audience delete-identifiers": (["--audience-id", "70003"], lambda c: AudienceApi(c).delete_identifiers("70003")),
    "audience get-audiences": (["--advertiser-id", "10001"], lambda c: AudienceApi(c).get_audiences(advertiser_id="10001")),
    "audience modify-audience": (
        ["--audience-id", "70002", "--body", json.dumps(RENAME)], lambda c: AudienceApi(c).modify_audience("70002", RENAME),
    ),
    "audience modify-audience-users": (
        ["--audience-id", "70001", "--body", json.dumps(AMENDMENT)],
        lambda c: AudienceApi(c).modify_audience_users("70001", AMENDMENT),
    ),
    "audience remove-audience": (["--audience-id", "70004"], lambda c: AudienceApi(c).remove_audience("70004")),
    "campaign get-ad-set": (["--ad-set-id", "300111"], lambda c: CampaignApi(c).get_ad_set("300111")),
    "campaign get-bids": (
        ["--campaign-ids", "200011,200012", "--campaign-status", "Running", "--bid-type", "CPC"],
        lambda c: CampaignApi(c).get_bids(campaign_ids="200011,200012", campaign_status="Running", bid_type="CPC"),
    ),
    "campaign get-categories": (
        ["--campaign-id", "200011", "--enabled-only", "false"],
        lambda c: CampaignApi(c).get_categories(200011, enabled_only=False),
    ),
    "campaign get-category": (
        ["--campaign-id", "200011", "--category-hash-code", "810001002"],
        lambda c: CampaignApi(c).get_category(200011, 810001002),
    ),
    "campaign patch-ad-sets": (["--body", json.dumps(PATCH)], lambda c: CampaignApi(c).patch_ad_sets(requests_patch_ad_set=PATCH)),
    "campaign search-ad-sets": (["--body", json.dumps(SEARCH)], lambda c: CampaignApi(c).search_ad_sets(request_ad_set_search=SEARCH)),
    "campaign start-ad-sets": (["--body", json.dumps(START)], lambda c: CampaignApi(c).start_ad_sets(requests_ad_set_id=START)),
    "campaign stop-ad-sets": (["--body", json.dumps(STOP)], lambda c: CampaignApi(c).stop_ad_sets(requests_ad_set_id=STOP)),
    "campaign update-bids": (["--body", json.dumps(BIDS)], lambda c: CampaignApi(c).update_bids(BIDS)),
    "category get-categories": (
        ["--advertiser-ids", "10001", "--enabled-only", "true"],
        lambda c: CategoryApi(c).get_categories(advertiser_ids="10001", enabled_only=True),
    ),
    "category update-categories": (["--body", json.dumps(CATEGORIES)], lambda c: CategoryApi(c).update_categories(CATEGORIES)),
    "oauth create-token": (
        [], lambda c: OAuthApi(c).create_token(client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET),
    ),
}
REPORTS = {"analytics get-adset-report", "analytics get-transactions-report"}


@pytest.fixture(scope="module")
def world() -> Any:
    """One sandbox for the module; tests reset its world before each call they compare."""
    with Sandbox() as sandbox:
        yield sandbox


@pytest.fixture(scope="module")
def sdk(world: Sandbox) -> Any:
    configuration = Configuration(host=world.url, client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET)
    with ApiClient(configuration) as client:
        yield client


@pytest.fixture(autouse=True)
def _no_credentials_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CRITEO_CLIENT_ID", "CRITEO_CLIENT_SECRET", "CRITEO_API_HOST"):
        monkeypatch.delenv(name, raising=False)


def connect(world: Sandbox) -> List[str]:
    return ["--host", world.url, "--client-id", DEMO_CLIENT_ID, "--client-secret", DEMO_CLIENT_SECRET]


def run_cli(world: Sandbox, words: List[str]) -> int:
    return main([*words, *connect(world)], prog=PROG)


def test_the_cases_cover_every_operation_of_the_sdk() -> None:
    declared = {
        f"{api_command(api.__name__)} {operation_command(endpoint.name)}"
        for api in (AdvertiserApi, AnalyticsApi, AudienceApi, CampaignApi, CategoryApi, OAuthApi)
        for endpoint in api.endpoints()
    }
    assert len(declared) == 23
    assert set(CASES) == declared


@pytest.mark.parametrize("command", sorted(CASES))
def test_every_operation_prints_what_the_sdk_returns(command: str, world: Sandbox, sdk: ApiClient, capsysbinary) -> None:
    options, call = CASES[command]
    world.reset_world()
    layout = [] if command in REPORTS else ["--compact"]
    code = run_cli(world, [*command.split(), *options, *layout])
    out, err = capsysbinary.readouterr()
    assert (code, err) == (0, b"")
    world.reset_world()
    expected = call(sdk)
    if command in REPORTS:
        assert out == expected and out.count(b"\n") > 2  # the report's bytes, as they came
        return
    assert out.count(b"\n") == 1  # --compact: one line
    printed = json.loads(out)
    if command == "oauth create-token":  # a new token each time: the same shape, a token that differs
        wire = sanitize_for_serialization(expected)
        assert set(printed) == set(wire) and printed["token_type"] == wire["token_type"] == "Bearer"
        assert printed["access_token"] and printed["access_token"] != wire["access_token"]
        return
    assert printed == sanitize_for_serialization(expected)


def test_changes_made_from_the_command_line_persist(world: Sandbox, capsys) -> None:
    world.reset_world()
    assert run_cli(world, ["audience", "modify-audience", "--audience-id", "70002", "--body", json.dumps(RENAME)]) == 0
    capsys.readouterr()
    assert run_cli(world, ["audience", "get-audiences", "--advertiser-id", "10001", "--compact"]) == 0
    names = {a["id"]: a["attributes"]["name"] for a in json.loads(capsys.readouterr().out)["data"]}
    assert names["70002"] == "Renamed" and names["70001"] == "Cart abandoners"


def test_an_answer_without_a_body_prints_nothing(world: Sandbox, capsys) -> None:
    world.script("/2021-04/audiences/70004", [Fault(status=204)])
    assert run_cli(world, ["audience", "remove-audience", "--audience-id", "70004"]) == 0
    assert capsys.readouterr() == ("", "")
    assert world.pending_faults("/2021-04/audiences/70004") == 0


# ---------------------------------------------------------------- --body


def test_body_from_a_file_and_from_stdin(world: Sandbox, tmp_path: Path, monkeypatch, capsys) -> None:
    source = tmp_path / "rename.json"
    source.write_text(json.dumps(RENAME, indent=2), encoding="utf-8")
    world.reset_world()
    assert run_cli(world, ["audience", "modify-audience", "--audience-id", "70002", "--body", f"@{source}"]) == 0
    from_file = json.loads(capsys.readouterr().out)
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(RENAME)))
    world.reset_world()
    assert run_cli(world, ["audience", "modify-audience", "--audience-id", "70002", "--body", "@-"]) == 0
    assert json.loads(capsys.readouterr().out) == from_file
    assert from_file["data"]["attributes"]["name"] == "Renamed"


def usage_error(world: Sandbox, capsys, words: List[str]) -> str:
    """Run a command that must be refused as a usage error; its last line, after the command's usage."""
    before = world.api_requests
    assert run_cli(world, words) == EXIT_USAGE
    out, err = capsys.readouterr()
    lines = err.splitlines()
    command = " ".join(words[:2])
    assert out == "" and lines[0].startswith(f"usage: {PROG} {command} ") and "Traceback" not in err
    assert world.api_requests == before  # refused before anything was sent
    return lines[-1]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('{"data": {"type": "Audience",}}', "argument --body: not valid JSON at line 1, column 30: Expecting property name"),
        ('{"data": NaN}', "argument --body: not valid JSON: NaN is not a JSON number"),
        ('[]', "argument --body: at the top level: expected a JSON object (NewAudienceRequest), got an array of 0 items"),
        (
            '{"data": {"type": "Audience", "attributes": {"advertiserId": 10001, "name": "x"}}}',
            "argument --body: at data.attributes.advertiserId: expected str, got a number",
        ),
        (
            '{"data": {"type": "Audience", "attributes": {"advertiserID": "10001", "name": "x"}}}',
            "argument --body: at data.attributes.advertiserID: not a field of NewAudienceAttributes "
            "(fields: advertiserId, name, description)",
        ),
    ],
)
def test_bad_bodies_are_usage_errors_naming_where(world: Sandbox, capsys, body: str, message: str) -> None:
    last = usage_error(world, capsys, ["audience", "create-audience", "--body", body])
    assert last.startswith(f"{PROG} audience create-audience: error: {message}")


def test_bad_json_in_a_file_names_the_file_and_the_line(world: Sandbox, tmp_path: Path, capsys) -> None:
    source = tmp_path / "bids.json"
    source.write_text('[\n  {"campaignId": 200011,\n   "bidValue": }\n]\n', encoding="utf-8")
    last = usage_error(world, capsys, ["campaign", "update-bids", "--body", f"@{source}"])
    assert last == f"{PROG} campaign update-bids: error: argument --body: not valid JSON in {source} at line 3, column 16: Expecting value"


def test_a_wrong_item_of_a_list_body_is_named_by_its_index(world: Sandbox, capsys) -> None:
    body = json.dumps([{"campaignId": 200011, "bidValue": 0.5}, {"campaignId": "200012", "bidValue": 0.5}])
    last = usage_error(world, capsys, ["campaign", "update-bids", "--body", body])
    assert last.endswith("argument --body: at [1].campaignId: expected int, got a string of 6 characters")


def test_a_value_outside_an_enum_of_the_body_is_refused(world: Sandbox, capsys) -> None:
    amendment = json.loads(json.dumps(AMENDMENT))
    amendment["data"]["attributes"]["operation"] = "merge"
    words = ["audience", "modify-audience-users", "--audience-id", "70001", "--body", json.dumps(amendment)]
    last = usage_error(world, capsys, words)
    assert last.endswith("argument --body: at data.attributes.operation: 'merge' is not one of 'add', 'remove'")


def test_a_missing_body_file_is_one_usage_line(world: Sandbox, tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nope.json"
    last = usage_error(world, capsys, ["audience", "create-audience", "--body", f"@{missing}"])
    assert last.endswith(f"argument --body: cannot read {missing}: No such file or directory")


def test_a_required_body_is_required(world: Sandbox, capsys) -> None:
    last = usage_error(world, capsys, ["audience", "create-audience"])
    assert last.endswith("error: the following arguments are required: --body")


@pytest.mark.parametrize(
    ("command", "body", "expected"),
    [
        (["analytics", "get-adset-report"], {"format": "csv"},
         "at the top level: StatisticsReportQueryMessage needs dimensions, metrics, currency, startDate, endDate"),
        (["audience", "modify-audience", "--audience-id", "70002"], {"data": {"type": "Audience"}},
         "at data: ReplaceAudience needs attributes"),
    ],
    ids=["top level", "nested"],
)
def test_a_body_without_its_required_fields_is_a_usage_error_naming_them(world: Sandbox, capsys, command, body, expected) -> None:
    last = usage_error(world, capsys, [*command, "--body", json.dumps(body)])
    assert last.endswith(f"error: argument --body: {expected}")


# ---------------------------------------------------------------- reports


def test_report_to_a_file_prints_a_summary_whose_sha256_matches(world: Sandbox, sdk: ApiClient, tmp_path: Path, capsys) -> None:
    target = tmp_path / "adsets.csv"
    world.reset_world()
    code = run_cli(world, ["analytics", "get-adset-report", "--body", json.dumps(STATISTICS), "--output", str(target)])
    out, err = capsys.readouterr()
    assert code == 0
    summary = json.loads(out)
    data = target.read_bytes()
    assert summary == {"path": str(target), "bytes": len(data), "format": "csv", "sha256": hashlib.sha256(data).hexdigest()}
    assert "adsets.csv" in err  # the progress bar, on stderr
    assert data == AnalyticsApi(sdk).get_adset_report(statistics_report_query_message=STATISTICS)


def test_transactions_report_to_a_file_without_progress(world: Sandbox, tmp_path: Path, capsys) -> None:
    target = tmp_path / "t.csv"
    words = ["analytics", "get-transactions-report", "--body", json.dumps(TRANSACTIONS), "--output", str(target)]
    assert run_cli(world, [*words, "--no-progress"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and json.loads(out)["bytes"] == target.stat().st_size
    assert target.read_text().startswith("TransactionId,TransactionDate")


def test_an_unwritable_output_is_one_line(world: Sandbox, tmp_path: Path, capsys) -> None:
    target = tmp_path / "no-such-folder" / "r.csv"
    words = ["analytics", "get-adset-report", "--body", json.dumps(STATISTICS), "--output", str(target)]
    assert run_cli(world, words) == EXIT_USAGE
    out, err = capsys.readouterr()
    assert out == "" and err == f"error: cannot write {target}: No such file or directory\n"


def test_a_report_needs_its_query(world: Sandbox, capsys) -> None:
    last = usage_error(world, capsys, ["analytics", "get-adset-report", "--output", "never-written.csv"])
    assert last.endswith("error: the following arguments are required: --body")
    assert not Path("never-written.csv").exists()


# ---------------------------------------------------------------- layout


def test_pretty_on_a_terminal_one_line_otherwise(world: Sandbox, capsys, monkeypatch) -> None:
    words = ["campaign", "get-ad-set", "--ad-set-id", "300111"]
    assert run_cli(world, words) == 0
    piped = capsys.readouterr().out
    assert piped.count("\n") == 1
    assert run_cli(world, [*words, "--pretty"]) == 0
    pretty = capsys.readouterr().out
    assert pretty.startswith('{\n  "data": {\n    "') and json.loads(pretty) == json.loads(piped)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert run_cli(world, words) == 0
    assert capsys.readouterr().out == pretty
    assert run_cli(world, [*words, "--compact"]) == 0
    assert capsys.readouterr().out == piped


def test_a_real_terminal_gets_indented_json() -> None:
    import pty

    primary, secondary = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRITEO_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "criteo_api_marketingsolutions_v2020_10", "advertiser", "api-portfolio-get", "--sandbox"],
        stdout=secondary, stderr=subprocess.PIPE, env=env,
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the terminal is closed once the program is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    assert process.wait(30) == 0, process.stderr.read() if process.stderr else ""
    text = b"".join(chunks).decode().replace("\r\n", "\n")
    assert text.startswith('{\n  "data": [\n    {\n')
    assert [a["id"] for a in json.loads(text)["data"]] == ["10001", "10002", "10003"]


# ---------------------------------------------------------------- operations


def test_operations_lists_every_declared_operation_aligned(capsys) -> None:
    assert main(["operations"], prog=PROG) == 0
    lines = capsys.readouterr().out.splitlines()
    expected = [
        (api_command(api.__name__), operation_command(e.name), e.method, e.path)
        for api in (AdvertiserApi, AnalyticsApi, AudienceApi, CampaignApi, CategoryApi, OAuthApi)
        for e in api.endpoints()
    ]
    assert [tuple(line.split()) for line in lines] == expected and len(lines) == 23
    starts = {tuple(match.start() for match in re.finditer(r"\S+", line)) for line in lines}
    assert len(starts) == 1  # every column starts at the same place on every line


def test_a_reader_that_goes_away_ends_the_report_quietly(world: Sandbox) -> None:
    world.set_report_size(size=8_000_000)  # far more than a pipe holds
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRITEO_")}
    command = [sys.executable, "-m", "criteo_api_marketingsolutions_v2020_10", "analytics", "get-adset-report",
               "--body", json.dumps(STATISTICS), *connect(world)]
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        assert process.stdout is not None and process.stderr is not None
        assert len(process.stdout.read(1000)) == 1000
        process.stdout.close()  # like `| head -c 1000`
        assert process.wait(30) == 1
        assert process.stderr.read() == b""
    finally:
        world.set_report_size()
