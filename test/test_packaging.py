"""Packaging facts users rely on: dependencies, typing marker, entry points, lazy import."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

import criteo_api_marketingsolutions_v2020_10 as sdk

ROOT = Path(__file__).resolve().parent.parent
DIST = "criteo-api-marketingsolutions-v2020-10"


def installed() -> metadata.Distribution:
    try:
        return metadata.distribution(DIST)
    except metadata.PackageNotFoundError:
        pytest.skip("the package is not installed (pip install -e .)")


def test_py_typed_ships_with_the_package() -> None:
    assert (Path(sdk.__file__).parent / "py.typed").is_file()
    setup = (ROOT / "setup.py").read_text()
    assert '"py.typed"' in setup


def test_install_requires_only_urllib3_and_dateutil() -> None:
    requirements = [r.split(";")[0] for r in installed().requires or [] if "extra ==" not in r]
    names = sorted(r.split("<")[0].split(">")[0].split("=")[0].strip().lower() for r in requirements)
    assert names == ["python-dateutil", "urllib3"]
    assert installed().metadata["Requires-Python"] == ">=3.10"


def test_entry_points_register_the_cli_and_the_pytest_plugin() -> None:
    points = {(ep.group, ep.name): ep.value for ep in installed().entry_points}
    assert points[("pytest11", "criteo_sandbox")] == "criteo_api_marketingsolutions_v2020_10.sandbox.pytest_plugin"
    assert points[("console_scripts", "criteo-marketing")] == "criteo_api_marketingsolutions_v2020_10.cli:main"


def test_version_is_one_value() -> None:
    assert installed().version == sdk.__version__


def test_importing_the_package_loads_no_api_or_model_module() -> None:
    code = (
        "import sys, criteo_api_marketingsolutions_v2020_10 as m; "
        "loaded = [n for n in sys.modules if n.startswith('criteo_api_marketingsolutions_v2020_10.')]; "
        "print(sorted(loaded))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    loaded = eval(done.stdout)
    assert not [n for n in loaded if ".api." in n or ".model." in n or n.endswith((".apis", ".models"))]
    assert "criteo_api_marketingsolutions_v2020_10.api_client" not in loaded


def _declared_requirements() -> Dict[str, List[str]]:
    """``install_requires`` and ``extras_require`` as written in setup.py (read, not run)."""
    tree = ast.parse((ROOT / "setup.py").read_text())
    call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "setup")
    found = {kw.arg: ast.literal_eval(kw.value) for kw in call.keywords if kw.arg in ("install_requires", "extras_require")}
    return {"": found["install_requires"], **found["extras_require"]}


def _floor(requirement: str) -> Tuple[str, str]:
    match = re.fullmatch(r"([A-Za-z0-9_.-]+)>=([0-9][0-9A-Za-z.]*)(?:,<[0-9A-Za-z.]+)?", requirement.replace(" ", ""))
    assert match, f"{requirement!r} declares no floor (name>=version)"
    return match.group(1).lower(), match.group(2)


def _pins(path: Path) -> Dict[str, str]:
    lines = [line.split("#")[0].strip() for line in path.read_text().splitlines()]
    pairs = [line.split("==") for line in lines if line]
    assert all(len(pair) == 2 for pair in pairs), f"{path.name} holds only name==version lines"
    return {name.strip().lower(): version.strip() for name, version in pairs}


def test_lowest_version_constraints_pin_exactly_the_declared_floors() -> None:
    declared = _declared_requirements()
    floors = dict(_floor(r) for group in declared.values() for r in group)
    assert set(floors) == {
        "urllib3", "python-dateutil", "requests", "tqdm", "openpyxl", "pandas", "polars", "redis", "cryptography",
        "aiohttp", "httpx",
    }
    # pandas needs a newer python-dateutil than the SDK's floor: the lowest environment goes without it.
    del floors["pandas"]
    assert _pins(ROOT / "constraints-lowest.txt") == floors


def test_requirements_txt_repeats_install_requires() -> None:
    lines = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines() if line.strip()]
    assert lines == _declared_requirements()[""]


def test_ci_runs_the_suite_with_the_lowest_versions() -> None:
    script = (ROOT / ".ci" / "run").read_text()
    assert "-c constraints-lowest.txt" in script
    assert script.index("-c constraints-lowest.txt") < script.rindex("pytest")
