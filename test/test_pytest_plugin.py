"""The pytest plugin users get: its fixtures at work in a user's own test files (run by ``pytester``),
and every example of ``docs/Testing.md`` (and the README's testing example) passing as written."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

from criteo_api_marketingsolutions_v2020_10 import ApiClient, apis, models
from criteo_api_marketingsolutions_v2020_10.sandbox import pytest_plugin

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_MODULE = "criteo_api_marketingsolutions_v2020_10.sandbox.pytest_plugin"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.M | re.S)


def _registered_by_entry_point() -> bool:
    points = metadata.entry_points(group="pytest11")
    return any(point.name == "criteo_sandbox" and point.value == PLUGIN_MODULE for point in points)


#: Where the package is installed, pytest loads the plugin by itself; a bare checkout names it.
PLUGIN_ARGS: List[str] = [] if _registered_by_entry_point() else ["-p", PLUGIN_MODULE]


@pytest.fixture(scope="module", autouse=True)
def _every_api_and_model_loaded() -> None:
    # An in-process pytester run unloads the modules it imported. The SDK keeps its model classes once
    # loaded, so a model module imported again in a later run would be a second class of the same name,
    # refused as the wrong type. Loaded here, before any run, every module of the SDK stays.
    for package in (apis, models):
        for name in package.__all__:
            getattr(package, name)


def run_user_tests(pytester: pytest.Pytester, code: str, *plugins: object) -> pytest.RunResult:
    """Run ``code`` as a user's test module, in a project of its own, as the user's pytest would."""
    pytester.makepyfile(test_user=code)
    # Without pytest-asyncio, which warns in a project that does not configure it.
    options = [*PLUGIN_ARGS, "-p", "no:cacheprovider", "-p", "no:asyncio"]
    return pytester.runpytest_inprocess(*options, plugins=list(plugins))


def fenced_blocks(text: str) -> List[Tuple[str, str]]:
    """``(language, code)`` for every fenced block of a Markdown text."""
    return FENCE.findall(text)


def section(text: str, heading: str) -> str:
    """The text under ``## heading`` up to the next heading of that level."""
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else len(text)]


TESTING_PAGE = (ROOT / "docs" / "Testing.md").read_text(encoding="utf-8")
EXAMPLES = [code for language, code in fenced_blocks(TESTING_PAGE) if language == "python"]


# --------------------------------------------------------------------------- registration


def test_the_installed_package_registers_the_plugin(pytestconfig: pytest.Config) -> None:
    if not _registered_by_entry_point():
        pytest.skip("the package is not installed as a distribution (pip install -e .)")
    assert pytestconfig.pluginmanager.get_plugin("criteo_sandbox") is pytest_plugin


def test_loading_the_plugin_imports_no_client() -> None:
    # pytest loads the plugin in every run of every project that has the SDK installed.
    probe = (
        f"import sys, {PLUGIN_MODULE}; "
        "print(sorted(n for n in sys.modules if n.endswith(('.api_client', '.configuration', '.apis', '.models'))))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"


# --------------------------------------------------------------------------- the fixtures in a user's tests

USER_TESTS = """
import pytest
from criteo_api_marketingsolutions_v2020_10.apis import AdvertiserApi, AudienceApi
from criteo_api_marketingsolutions_v2020_10.models import NewAudience, NewAudienceAttributes, NewAudienceRequest


def audience_names(client):
    return {audience.attributes.name for audience in AudienceApi(client).get_audiences(advertiser_id="10001").data}


def test_first(criteo_client, criteo_sandbox, criteo_configuration, seen):
    seen.append(("test", criteo_client, criteo_sandbox))
    assert criteo_client.configuration is criteo_configuration
    assert criteo_configuration.host == criteo_sandbox.url
    request = NewAudienceRequest(data=NewAudience(
        type="Audience", attributes=NewAudienceAttributes(advertiser_id="10001", name="Made by the first test")))
    AudienceApi(criteo_client).create_audience(request)
    assert "Made by the first test" in audience_names(criteo_client)
    assert criteo_sandbox.token_requests == 1


def test_second(criteo_client, criteo_sandbox, seen):
    seen.append(("test", criteo_client, criteo_sandbox))
    assert "Made by the first test" not in audience_names(criteo_client)
    assert "Cart abandoners" in audience_names(criteo_client)
    assert criteo_sandbox.token_requests == 1
    assert criteo_sandbox.api_requests == 2


def test_failing(criteo_client, criteo_sandbox, seen):
    seen.append(("test", criteo_client, criteo_sandbox))
    assert AdvertiserApi(criteo_client).api_portfolio_get().data
    pytest.fail("on purpose: a failing test still gets its client closed")
"""


class Recorder:
    """A plugin for the inner run: its ``seen`` fixture and the spied ``ApiClient.close`` log one list of events."""

    def __init__(self) -> None:
        self.events: List[Tuple[str, Any, Any]] = []

    @pytest.fixture
    def seen(self) -> List[Tuple[str, Any, Any]]:
        """The events list, for the inner tests to add to."""
        return self.events


def test_each_test_gets_a_client_on_a_fresh_sandbox_closed_after_it(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = Recorder()
    original_close = ApiClient.close

    def close(client: ApiClient) -> None:
        recorder.events.append(("close", client, None))
        original_close(client)

    monkeypatch.setattr(ApiClient, "close", close)
    result = run_user_tests(pytester, USER_TESTS, recorder)

    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*on purpose: a failing test still gets its client closed*"])
    kinds = [kind for kind, _, _ in recorder.events]
    assert kinds == ["test", "close"] * 3, kinds
    used = recorder.events[0::2]
    closed = [client for _, client, _ in recorder.events[1::2]]
    assert [client for _, client, _ in used] == closed  # each test's own client, closed before the next test
    assert len(set(map(id, closed))) == 3
    sandboxes = [sandbox for _, _, sandbox in used]
    assert len(set(map(id, sandboxes))) == 3
    assert [sandbox.running for sandbox in sandboxes] == [False] * 3


def test_the_configuration_fixture_can_be_changed_before_the_first_call(pytester: pytest.Pytester) -> None:
    code = """
from criteo_api_marketingsolutions_v2020_10.apis import AdvertiserApi
from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, Fault


def test_tweaked(criteo_configuration, criteo_client, criteo_sandbox):
    assert criteo_configuration.client_id == DEMO_CLIENT_ID
    assert criteo_configuration.rate_limits is None
    criteo_configuration.retries = 0
    criteo_sandbox.script("/2021-04/advertisers/me", [Fault(status=503)])
    try:
        AdvertiserApi(criteo_client).api_portfolio_get()
    except Exception as error:
        assert getattr(error, "status", None) == 503
    else:
        raise AssertionError("the 503 should have been raised, retries being off")
    assert criteo_sandbox.api_requests == 1
"""
    run_user_tests(pytester, code).assert_outcomes(passed=1)


def test_the_session_sandbox_is_one_for_every_test(pytester: pytest.Pytester) -> None:
    code = """
urls = set()


def test_one(criteo_sandbox_session):
    urls.add(criteo_sandbox_session.url)
    criteo_sandbox_session.issue_token()


def test_two(criteo_sandbox_session, criteo_sandbox):
    urls.add(criteo_sandbox_session.url)
    assert len(urls) == 1
    assert criteo_sandbox.url not in urls
"""
    run_user_tests(pytester, code).assert_outcomes(passed=2)


# --------------------------------------------------------------------------- docs/Testing.md and the README


def test_every_block_of_the_testing_page_is_python() -> None:
    # So that the test below runs them all: a block in another language would go unchecked.
    languages = [language for language, _ in fenced_blocks(TESTING_PAGE)]
    assert languages and set(languages) == {"python"}, languages


def _expected_outcomes(code: str) -> Dict[str, int]:
    """Each ``def test_`` passes, once per value of a one-line ``parametrize`` list above it."""
    tests = re.findall(r"^(@pytest\.mark\.parametrize\([^\n]*\[(.*)\]\)\n)?def test_", code, re.M)
    return {"passed": sum(len(values.split(",")) if values else 1 for _, values in tests)}


@pytest.mark.parametrize("code", EXAMPLES, ids=[f"example{n}" for n in range(1, len(EXAMPLES) + 1)])
def test_every_example_of_the_testing_page_passes(pytester: pytest.Pytester, code: str) -> None:
    result = run_user_tests(pytester, code)
    result.assert_outcomes(**_expected_outcomes(code))


def test_the_readme_testing_example_passes(pytester: pytest.Pytester) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (code,) = [code for language, code in fenced_blocks(section(readme, "Testing your code")) if language == "python"]
    run_user_tests(pytester, code).assert_outcomes(passed=1)
