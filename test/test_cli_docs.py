"""docs/Operations.md: generated with the command line's own names, in step with the commands that exist.

Every command of the page is run against the sandbox, with the page's example bodies as files.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

import codegen
from codegen.__main__ import main as codegen_main
from criteo_api_marketingsolutions_v2020_10.cli import main
from criteo_api_marketingsolutions_v2020_10.cli._names import PROGRAM, api_command, operation_command
from criteo_api_marketingsolutions_v2020_10.cli._operations import operation_rows
from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Sandbox

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "Operations.md"
ROW = re.compile(r"^\| \[`(?P<op>[a-z-]+)`\]\([A-Za-z]+\.md#\w+\) \| `(?P<method>[A-Z]+) (?P<path>\S+)` \| `(?P<python>[^`]+)` \| `(?P<cli>[^`]+)` \|$")
SECTION = re.compile(r"^## (?P<api>[a-z-]+): (?P<class_name>\w+Api)$")


def page_rows() -> Dict[Tuple[str, str], Dict[str, str]]:
    """(API command, operation command) -> the row's cells, read from the committed page."""
    rows: Dict[Tuple[str, str], Dict[str, str]] = {}
    api = None
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        section = SECTION.match(line)
        if section:
            api = section["api"]
        row = ROW.match(line)
        if row:
            assert api is not None and (api, row["op"]) not in rows
            rows[(api, row["op"])] = row.groupdict()
    return rows


def page_bodies() -> Dict[str, str]:
    """File name -> JSON text, from the page's *Request bodies*."""
    text = PAGE.read_text(encoding="utf-8").split("## Request bodies", 1)[1]
    return dict(re.findall(r"^### (\S+\.json)\n\n[^\n]*\n\n```json\n(.*?)\n```$", text, flags=re.S | re.M))


def test_the_page_is_what_the_generator_writes() -> None:
    assert codegen.generate(ROOT)["docs/Operations.md"] == PAGE.read_text(encoding="utf-8")


def test_check_mode_fails_when_the_page_drifts(tmp_path: Path, capsys) -> None:
    drifted = tmp_path / "docs" / "Operations.md"
    drifted.parent.mkdir()
    drifted.write_text(PAGE.read_text(encoding="utf-8").replace("get-audiences", "list-audiences"), encoding="utf-8")
    assert codegen_main(["--check", "--out", str(tmp_path)]) == 1
    assert "changed: docs/Operations.md" in capsys.readouterr().out.splitlines()


def test_every_runtime_operation_has_one_row_with_its_request() -> None:
    rows = page_rows()
    runtime = operation_rows()
    assert len(runtime) == 23 and len(rows) == 23
    for api, op, method, path in runtime:
        row = rows[(api, op)]
        assert (row["method"], row["path"]) == (method, path)
        assert row["cli"].startswith(f"{PROGRAM} {api} {op}")


def test_the_generator_and_the_command_line_name_things_alike() -> None:
    spec = codegen.build(ROOT)
    generated = {(api_command(api.class_name), operation_command(op.name)) for api in spec.apis for op in api.operations}
    assert generated == {(api, op) for api, op, _, _ in operation_rows()}
    assert {api_command(api.class_name) for api in spec.apis} == {"advertiser", "analytics", "audience", "campaign", "category", "oauth"}


def test_the_python_calls_name_real_methods_and_parameters() -> None:
    from criteo_api_marketingsolutions_v2020_10 import apis

    for row in page_rows().values():
        call = re.fullmatch(r"(\w+)\(api_client\)\.(\w+)\((.*)\)", row["python"])
        assert call, row["python"]
        endpoint = getattr(apis, call[1]).__dict__[call[2]]
        given = re.findall(r"(?:^|, )(\w+)=", call[3])
        assert set(endpoint.required) <= set(given) <= set(endpoint.by_name)


@pytest.fixture(scope="module")
def world():
    with Sandbox() as sandbox:
        yield sandbox


def page_command(cli: str, folder: Path) -> List[str]:
    """The page's command as words, with its body file in ``folder`` and the sandbox's demo credentials."""
    words = shlex.split(cli.replace("YOUR_CLIENT_ID", DEMO_CLIENT_ID).replace("YOUR_CLIENT_SECRET", DEMO_CLIENT_SECRET))
    assert words[0] == PROGRAM
    return [f"@{folder / word[1:]}" if word.startswith("@") else word for word in words[1:]]


def run_page_command(world: Sandbox, words: List[str], capsysbinary) -> bytes:
    """Run one of the page's commands on ``world``, freshly reset; what it printed, after checking it succeeded."""
    world.reset_world()
    connection = ["--host", world.url]
    if "--client-id" not in words:
        connection += ["--client-id", DEMO_CLIENT_ID, "--client-secret", DEMO_CLIENT_SECRET]
    code = main([*words, *connection], prog=PROGRAM)
    out, err = capsysbinary.readouterr()
    assert (code, err) == (0, b""), (words, err)
    return bytes(out)


def write_bodies(folder: Path) -> Dict[str, str]:
    """The page's example bodies, written to ``folder`` under their names."""
    bodies = page_bodies()
    for name, text in bodies.items():
        (folder / name).write_text(text, encoding="utf-8")
    return bodies


def test_every_command_of_the_page_runs_against_the_sandbox(world: Sandbox, tmp_path: Path, capsysbinary) -> None:
    from criteo_api_marketingsolutions_v2020_10.cli._operations import api_classes

    bodies = write_bodies(tmp_path)
    read: List[str] = []
    for (_, op), row in sorted(page_rows().items()):
        words = page_command(row["cli"], tmp_path)
        read += [Path(word[1:]).name for word in words if word.startswith("@")]
        out = run_page_command(world, words, capsysbinary)
        # A report prints the report itself; every other command its JSON result.
        assert out.count(b"\n") > 1 if op.endswith("-report") else isinstance(json.loads(out), (dict, list))
    assert sorted(read) == sorted(bodies)
    with_body = [e for api in api_classes() for e in api.endpoints() if e.body_param is not None]
    assert len(bodies) == len(with_body) == 11
