"""Packaging facts users rely on: metadata, license, dependencies and their tested floors, entry points,
lazy import, a README that renders on PyPI, and (given built distributions) what the wheel and the
sdist hold."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from email.message import Message
from email.parser import Parser
from importlib import metadata
from pathlib import Path
from typing import Any, Dict, List, Set, Tuple

import pytest

import criteo_api_marketingsolutions_v2020_10 as sdk

try:
    import tomllib
except ImportError:  # Python 3.10: tomli, which mypy (a test requirement) brings there
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parent.parent
DIST = "criteo-api-marketingsolutions-v2020-10"
PACKAGE = "criteo_api_marketingsolutions_v2020_10"
HOME = "https://github.com/criteo-sdk/criteo-api-marketingsolutions-v2020-10"
BLOB = HOME + "/blob/main/"
#: SHA-256 of the Apache License 2.0 as published (https://www.apache.org/licenses/LICENSE-2.0.txt).
APACHE_2_SHA256 = "cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30"
#: A directory holding the built wheel and sdist (.ci/run sets it after `python -m build`).
DIST_DIR_VARIABLE = "CRITEO_SDK_DIST"
PYPROJECT: Dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT: Dict[str, Any] = PYPROJECT["project"]


def installed() -> metadata.Distribution:
    """The installed distribution's metadata, or a skip where the package is not installed."""
    try:
        return metadata.distribution(DIST)
    except metadata.PackageNotFoundError:
        pytest.skip("the package is not installed (pip install -e .)")


# --------------------------------------------------------------------------- declared metadata


def test_py_typed_ships_with_the_package() -> None:
    assert (Path(sdk.__file__).parent / "py.typed").is_file()
    assert PYPROJECT["tool"]["setuptools"]["package-data"][PACKAGE] == ["py.typed"]


def test_every_subpackage_is_found_by_pattern() -> None:
    # A subpackage added later (a cli/ package, say) is packaged without editing pyproject.toml.
    assert PYPROJECT["tool"]["setuptools"]["packages"]["find"] == {"include": [f"{PACKAGE}*"]}


def test_install_requires_only_urllib3_and_dateutil() -> None:
    requirements = [r.split(";")[0] for r in installed().requires or [] if "extra ==" not in r]
    names = sorted(r.split("<")[0].split(">")[0].split("=")[0].strip().lower() for r in requirements)
    assert names == ["python-dateutil", "urllib3"]
    assert installed().metadata["Requires-Python"] == ">=3.10"


def test_entry_points_register_the_cli_and_the_pytest_plugin() -> None:
    points = {(ep.group, ep.name): ep.value for ep in installed().entry_points}
    assert points[("pytest11", "criteo_sandbox")] == f"{PACKAGE}.sandbox.pytest_plugin"
    assert points[("console_scripts", "criteo-marketing")] == f"{PACKAGE}.cli:main"


def test_version_is_one_value() -> None:
    assert PROJECT["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": f"{PACKAGE}._constants.__version__"}
    assert installed().version == sdk.__version__


def test_license_is_the_apache_2_text_declared_the_pep_639_way() -> None:
    text = (ROOT / "LICENSE").read_bytes()
    assert hashlib.sha256(text).hexdigest() == APACHE_2_SHA256, "LICENSE is not the Apache License 2.0 verbatim"
    assert PROJECT["license"] == "Apache-2.0"
    assert PROJECT["license-files"] == ["LICENSE"]
    assert not [c for c in PROJECT["classifiers"] if c.startswith("License ::")]
    requires = PYPROJECT["build-system"]["requires"]
    floors = [re.fullmatch(r"setuptools>=(\d+)", r) for r in requires]
    assert any(match and int(match.group(1)) >= 77 for match in floors), requires


def test_project_urls_lead_to_the_repository() -> None:
    assert PROJECT["urls"] == {
        "Source": HOME,
        "Documentation": BLOB + "README.md",
        "Changelog": BLOB + "CHANGELOG.md",
        "Issues": HOME + "/issues",
    }


def test_the_changelog_has_the_current_release() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(sdk.__version__)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.M)
    assert "### Added" in changelog


def test_importing_the_package_loads_no_api_or_model_module() -> None:
    code = (
        f"import sys, {PACKAGE} as m; "
        f"loaded = [n for n in sys.modules if n.startswith('{PACKAGE}.')]; "
        "print(sorted(loaded))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    loaded = eval(done.stdout)
    assert not [n for n in loaded if ".api." in n or ".model." in n or n.endswith((".apis", ".models"))]
    assert f"{PACKAGE}.api_client" not in loaded


def test_the_package_under_test_is_the_installed_one() -> None:
    # CI sets the variable where the suite runs from an unpacked sdist against the installed wheel.
    if os.environ.get("CRITEO_SDK_EXPECT_INSTALLED") != "1":
        pytest.skip("CRITEO_SDK_EXPECT_INSTALLED=1 is not set: any copy of the package may be tested")
    location = Path(sdk.__file__).resolve()
    site_packages = Path(sysconfig.get_paths()["purelib"]).resolve()
    assert location.is_relative_to(site_packages), location
    assert not location.is_relative_to(ROOT / PACKAGE), location  # not the copy beside the tests


# --------------------------------------------------------------------------- dependency floors


def _declared_requirements() -> Dict[str, List[str]]:
    """``dependencies`` (under ``""``) and each extra's, as written in pyproject.toml."""
    return {"": PROJECT["dependencies"], **PROJECT["optional-dependencies"]}


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


def test_ci_tests_the_built_wheel_at_the_floors_from_the_unpacked_sdist() -> None:
    script = (ROOT / ".ci" / "run").read_text()
    assert "python -m build" in script and "twine check --strict" in script
    assert "python3 -m pip install -e '.[requests]' -r test-requirements.txt --quiet && python3 -m pytest" in script
    lowest = script[script.index('echo "== tests again') :]
    install = next(line for line in lowest.splitlines() if "pip install" in line and "constraints-lowest.txt" in line)
    assert "-c " in install and "wheel" in install and " -e " not in install, install
    assert "CRITEO_SDK_EXPECT_INSTALLED=1" in lowest and "PYTHONSAFEPATH=1" in lowest
    assert lowest.index('cd "$sdist"') < lowest.rindex("pytest")


# --------------------------------------------------------------------------- the README, as PyPI renders it

FENCED = re.compile(r"^```.*?^```$", re.M | re.S)
INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
HTML_LINK = re.compile(r"\b(?:href|src)=[\"']([^\"']+)[\"']")
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.M)
HTML_ANCHOR = re.compile(r"<a\s+(?:name|id)=[\"']([^\"']+)[\"']")


def _prose(markdown: str) -> str:
    """The text outside code: no fenced blocks, no inline code spans."""
    return re.sub(r"`[^`\n]*`", "", FENCED.sub("", markdown))


def links(markdown: str) -> List[str]:
    """Every link and image target of a Markdown text: inline, by reference, or in HTML."""
    prose = _prose(markdown)
    return [m for pattern in (INLINE_LINK, REFERENCE_LINK, HTML_LINK) for m in pattern.findall(prose)]


def anchors(markdown: str) -> Set[str]:
    """The fragment ids GitHub and PyPI give a Markdown text's headings (and its explicit HTML anchors)."""
    found: Set[str] = set(HTML_ANCHOR.findall(markdown))
    seen: Dict[str, int] = {}
    for heading in HEADING.findall(FENCED.sub("", markdown)):
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", re.sub(r"<[^>]+>", "", heading)).strip().lower()
        slug = re.sub(r"[^\w\- ]", "", text).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        found.add(slug if count == 0 else f"{slug}-{count}")
    return found


README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_starts_with_the_two_set_up_commands() -> None:
    assert README.splitlines()[:4] == [
        "```sh",
        "python3 -m pip install . && python3 -m criteo_api_marketingsolutions_v2020_10 token --sandbox",
        "python3 -m pip install -e '.[requests]' -r test-requirements.txt && python3 -m pytest",
        "```",
    ]


def test_anchor_slugs_follow_github() -> None:
    assert anchors("# Retries, timeouts and rate limits\n## `py.typed` & **more**\n## Quick start\n## Quick start\n") == {
        "retries-timeouts-and-rate-limits", "pytyped--more", "quick-start", "quick-start-1",
    }
    assert links("[a](https://x.test/a) ![i](img.png \"t\") `[no](code.md)`\n[r]: ref.md\n<a href=\"h.md\">h</a>") == [
        "https://x.test/a", "img.png", "ref.md", "h.md",
    ]


def test_every_readme_link_is_absolute_or_an_anchor_of_the_readme() -> None:
    found = links(README)
    assert len(found) > 100, "the link scan found too little: is the README's form still understood?"
    own = anchors(README)
    relative = [link for link in found if not link.startswith(("https://", "http://", "#"))]
    assert not relative, f"PyPI cannot resolve relative links: {relative}"
    missing = [link for link in found if link.startswith("#") and link[1:] not in own]
    assert not missing, f"no such heading in the README: {missing}"


def test_every_readme_link_into_the_repository_names_an_existing_file() -> None:
    broken = []
    for link in links(README):
        if not link.startswith(BLOB):
            continue
        path, _, fragment = link[len(BLOB) :].partition("#")
        target = ROOT / path
        if not target.is_file():
            broken.append(f"{link}: no such file")
        elif fragment and target.suffix == ".md" and fragment not in anchors(target.read_text(encoding="utf-8")):
            broken.append(f"{link}: no such heading")
    assert not broken, "\n".join(broken)


# --------------------------------------------------------------------------- the built wheel and sdist


def built(suffix: str) -> Path:
    """The built file ending with ``suffix`` in ``$CRITEO_SDK_DIST``, or a skip while there is none."""
    folder = os.environ.get(DIST_DIR_VARIABLE)
    if not folder:
        pytest.skip(f"{DIST_DIR_VARIABLE} is not set (python -m build --outdir DIR, then {DIST_DIR_VARIABLE}=DIR)")
    (found,) = sorted(Path(folder).glob(f"*{suffix}"))
    return found


def wheel_files() -> Set[str]:
    """Every path in the built wheel."""
    with zipfile.ZipFile(built(".whl")) as wheel:
        return set(wheel.namelist())


def sdist_files() -> Set[str]:
    """The sdist's paths relative to its top folder (``name-version/``)."""
    with tarfile.open(built(".tar.gz")) as sdist:
        names = [member.name for member in sdist.getmembers() if member.isfile()]
    return {name.split("/", 1)[1] for name in names if "/" in name}


def test_the_wheel_holds_every_subpackage_the_typing_marker_and_the_license() -> None:
    files = wheel_files()
    packages = sorted(p.parent.relative_to(ROOT).as_posix() for p in (ROOT / PACKAGE).rglob("__init__.py"))
    assert len(packages) >= 10 and f"{PACKAGE}/sandbox" in packages
    missing = [package for package in packages if f"{package}/__init__.py" not in files]
    assert not missing, f"subpackages missing from the wheel: {missing}"
    info = f"{PACKAGE}-{sdk.__version__}.dist-info"
    assert {f"{PACKAGE}/py.typed", f"{info}/licenses/LICENSE", f"{info}/METADATA", f"{info}/entry_points.txt"} <= files
    assert not [name for name in files if name.split("/")[0] in ("test", "codegen", "benchmarks", "docs")]


def wheel_metadata() -> Message:
    """The wheel's METADATA, parsed."""
    with zipfile.ZipFile(built(".whl")) as wheel:
        text = wheel.read(f"{PACKAGE}-{sdk.__version__}.dist-info/METADATA").decode("utf-8")
    return Parser().parsestr(text)


def test_the_wheel_metadata_declares_the_license_the_pep_639_way() -> None:
    fields = wheel_metadata()
    assert fields["Metadata-Version"] == "2.4"
    assert fields["License-Expression"] == "Apache-2.0"
    assert fields.get_all("License-File") == ["LICENSE"]
    classifiers = fields.get_all("Classifier") or []
    assert "Typing :: Typed" in classifiers
    assert not [c for c in classifiers if c.startswith("License ::")]


def test_the_wheel_metadata_has_the_version_urls_and_readme() -> None:
    fields = wheel_metadata()
    assert fields["Version"] == sdk.__version__
    assert fields["Requires-Python"] == ">=3.10"
    urls = dict(value.split(", ", 1) for value in fields.get_all("Project-URL") or [])
    assert urls == PROJECT["urls"]
    assert fields["Description-Content-Type"] == "text/markdown"
    assert fields.get_payload().strip() == README.strip()


def test_the_sdist_holds_what_the_test_suite_needs() -> None:
    files = sdist_files()
    needed = {
        "README.md", "CHANGELOG.md", "LICENSE", "pyproject.toml", "requirements.txt", "test-requirements.txt",
        "constraints-lowest.txt", "tox.ini", ".ci/run", "spec/marketingsolutions_2020-10.json",
        "test/conftest.py", "test/compliance_cases.py", "test/seed_OAuthApi.md", "test/typing/mistakes.py",
        "codegen/__init__.py", "codegen/descriptions.json", "benchmarks/__main__.py", "docs/Testing.md",
    }
    assert needed <= files, sorted(needed - files)
    assert not [name for name in files if "__pycache__" in name or name.endswith(".pyc")]


def test_the_sdist_holds_every_tracked_file() -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (an unpacked sdist, say): no list of tracked files to compare with")
    files = sdist_files()
    done = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True, timeout=60)
    tracked = set(done.stdout.splitlines()) - {".gitignore"}
    missing = sorted(path for path in tracked if path not in files and (ROOT / path).is_file())
    assert not missing, f"tracked files missing from the sdist (MANIFEST.in): {missing}"
