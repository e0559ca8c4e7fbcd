"""Packaging facts users rely on: dependencies, typing marker, entry points, lazy import."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

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
