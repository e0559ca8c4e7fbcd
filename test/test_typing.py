"""Static typing: ``mypy --strict`` and ``pyright --strict`` accept ``test/typing`` and reject each mistake in it.

``test/typing`` is application code written against the SDK: every operation
(``usage_operations.py``, and awaited on the asyncio client in ``usage_aio.py``)
and every kind of model field (``usage_models.py``), with ``assert_type`` on
what the checkers infer, and ``mistakes.py`` and ``mistakes_aio.py``, where
each marked line is an error both checkers must report. The usage code also
runs against the sandbox (here, and in ``test_aio_surface.py`` for the asyncio
one), so that it is real code and not only well-typed.

The checkers come from ``test-requirements.txt``; a test is skipped only when
its checker is not installed at all.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Dict, Iterator, List, Set

import pytest

from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration
from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Sandbox

ROOT = Path(__file__).resolve().parent.parent
TYPING = ROOT / "test" / "typing"
#: Each file of deliberate mistakes, and the fewest marked lines it may have.
MISTAKES = {TYPING / "mistakes.py": 20, TYPING / "mistakes_aio.py": 10}
MYPY_IGNORE = re.compile(r"  # type: ignore\[[\w, -]+\]")
PYRIGHT_IGNORE = re.compile(r"  # pyright: ignore\[[\w, ]+\]")


def _needs(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (it is in test-requirements.txt)")


def _mypy(*paths: str) -> subprocess.CompletedProcess[str]:
    _needs("mypy")
    command = [sys.executable, "-m", "mypy", "--config-file", "pyproject.toml", "--strict", *paths]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def _pyright(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    _needs("pyright")
    command = [sys.executable, "-m", "pyright", "--pythonpath", sys.executable, *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)


def _mistake_lines(mistakes: Path) -> List[int]:
    lines = mistakes.read_text(encoding="utf-8").splitlines()
    return [number for number, line in enumerate(lines, 1) if MYPY_IGNORE.search(line) or PYRIGHT_IGNORE.search(line)]


# --------------------------------------------------------------------------- the suite is clean


@pytest.mark.slow
def test_mypy_strict_accepts_the_typing_suite() -> None:
    done = _mypy("test/typing")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success: no issues found in 5 source files" in done.stdout


@pytest.mark.slow
def test_pyright_strict_accepts_the_typing_suite() -> None:
    done = _pyright("--project", str(ROOT / "pyproject.toml"), "test/typing")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 errors" in done.stdout


def test_the_usage_calls_every_operation_and_asserts_its_result_type() -> None:
    from criteo_api_marketingsolutions_v2020_10 import apis

    text = (TYPING / "usage_operations.py").read_text(encoding="utf-8")
    calls = set(re.findall(r"\b(\w+) = \S*?\.(\w+)\(", text))
    asserted = set(re.findall(r"assert_type\((\w+),", text))
    called = {method for variable, method in calls if variable in asserted}
    missing = [f"{name}.{e.name}" for name in apis.__all__ for e in getattr(apis, name).endpoints() if e.name not in called]
    assert missing == []
    assert len(re.findall(r"assert_type\(", text)) >= 30


# --------------------------------------------------------------------------- each mistake is caught


@pytest.mark.parametrize("mistakes", list(MISTAKES), ids=lambda path: path.name)
def test_every_mistake_carries_one_ignore_for_each_checker(mistakes: Path) -> None:
    lines = mistakes.read_text(encoding="utf-8").splitlines()
    for number in _mistake_lines(mistakes):
        line = lines[number - 1]
        assert len(MYPY_IGNORE.findall(line)) == 1, f"line {number} needs one '# type: ignore[code]'"
        assert len(PYRIGHT_IGNORE.findall(line)) == 1, f"line {number} needs one '# pyright: ignore[rule]'"
    assert len(_mistake_lines(mistakes)) >= MISTAKES[mistakes]


def _without_ignores(mistakes: Path, target: Path) -> None:
    text = mistakes.read_text(encoding="utf-8")
    target.write_text(PYRIGHT_IGNORE.sub("", MYPY_IGNORE.sub("", text)), encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("mistakes", list(MISTAKES), ids=lambda path: path.name)
def test_mypy_reports_every_mistake_once_its_ignores_are_removed(tmp_path: Path, mistakes: Path) -> None:
    bare = tmp_path / "mistakes_bare.py"
    _without_ignores(mistakes, bare)
    done = _mypy(str(bare))
    reported: Set[int] = {int(m.group(1)) for m in re.finditer(r"mistakes_bare\.py:(\d+): error:", done.stdout)}
    assert reported == set(_mistake_lines(mistakes)), done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("mistakes", list(MISTAKES), ids=lambda path: path.name)
def test_pyright_reports_every_mistake_once_its_ignores_are_removed(tmp_path: Path, mistakes: Path) -> None:
    bare = tmp_path / "mistakes_bare.py"
    _without_ignores(mistakes, bare)
    config = {"typeCheckingMode": "strict", "pythonVersion": "3.10", "extraPaths": [str(ROOT)]}
    (tmp_path / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    done = _pyright("--outputjson", str(bare), cwd=tmp_path)
    diagnostics = json.loads(done.stdout)["generalDiagnostics"]
    reported = {d["range"]["start"]["line"] + 1 for d in diagnostics if d["severity"] == "error"}
    assert reported == set(_mistake_lines(mistakes)), done.stdout


# --------------------------------------------------------------------------- the usage code runs


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"typing_suite_{name}", TYPING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def demo_client() -> Iterator[ApiClient]:
    with Sandbox() as sandbox:
        configuration = Configuration(host=sandbox.url, client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET)
        with ApiClient(configuration) as client:
            yield client


def test_the_operations_usage_runs_against_the_sandbox(demo_client: ApiClient) -> None:
    results: Dict[str, object] = _load("usage_operations").call_every_operation(
        demo_client, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
    )
    assert type(results["token"]).__name__ == "JwtModel"
    assert type(results["portfolio"]).__name__ == "GetPortfolioResponse"
    assert isinstance(results["categories"], list) and results["categories"]
    assert isinstance(results["statistics"], bytes) and results["statistics"].startswith(b"AdsetId")
    assert results["status"] == 200
    later = results["later"]
    assert isinstance(later, tuple) and later[1] == 200
    assert type(results["chosen"]).__name__ == "GetPortfolioResponse"


def test_the_models_usage_reads_real_answers(demo_client: ApiClient) -> None:
    facts = _load("usage_models").read_every_kind_of_field(demo_client, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)
    assert facts["advertisers"] == ["Northwind Outdoor", "Bluebell Books", "Cedar Home"]
    assert facts["lifetime"] == 900
    app = facts["app_ad_set"]
    assert isinstance(app, dict) and app["ends"].year == 2030
    bids = facts["bids"]
    assert isinstance(bids, list) and bids and all(isinstance(bid, float) for bid in bids)
