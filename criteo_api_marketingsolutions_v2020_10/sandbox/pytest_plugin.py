"""pytest fixtures serving a Criteo API sandbox, and a client ready to call it.

Registered as the ``criteo_sandbox`` pytest plugin once the package is
installed; otherwise enable it with
``pytest_plugins = ["criteo_api_marketingsolutions_v2020_10.sandbox.pytest_plugin"]``.
``docs/Testing.md`` shows each fixture at work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import pytest

from criteo_api_marketingsolutions_v2020_10.sandbox.auth import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from criteo_api_marketingsolutions_v2020_10.sandbox.server import Sandbox

if TYPE_CHECKING:  # the client is imported when a test asks for it: loading the plugin stays cheap
    from criteo_api_marketingsolutions_v2020_10.api_client import ApiClient
    from criteo_api_marketingsolutions_v2020_10.configuration import Configuration

__all__ = ["criteo_client", "criteo_configuration", "criteo_sandbox", "criteo_sandbox_session"]


@pytest.fixture
def criteo_sandbox() -> Iterator[Sandbox]:
    """A fresh, started sandbox for one test, stopped afterwards."""
    with Sandbox() as sandbox:
        yield sandbox


@pytest.fixture(scope="session")
def criteo_sandbox_session() -> Iterator[Sandbox]:
    """One started sandbox shared by the whole test session.

    Its world, tokens, scripts and counters carry over between tests: call
    ``reset_world()``, ``clear_script()`` and ``reset_counters()`` where a
    test needs a clean slate.
    """
    with Sandbox() as sandbox:
        yield sandbox


@pytest.fixture
def criteo_configuration(criteo_sandbox: Sandbox) -> Configuration:
    """The settings of ``criteo_client``: the test's ``criteo_sandbox`` and the demo credentials.

    A new object for each test, so a test may change it (retries, deadlines,
    rate limits...) before the client's first call. The rate governor starts
    off (``rate_limits = None``): the sandbox enforces no limit unless told
    to (``Sandbox.set_rate_limit``), and spacing calls would only slow tests
    down. Assign ``DEFAULT_RATE_LIMITS`` (from ``._rate``) to test the pacing.
    """
    from criteo_api_marketingsolutions_v2020_10.configuration import Configuration

    configuration = Configuration(host=criteo_sandbox.url, client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET)
    configuration.rate_limits = None
    return configuration


@pytest.fixture
def criteo_client(criteo_configuration: Configuration) -> Iterator[ApiClient]:
    """An ``ApiClient`` on ``criteo_configuration`` that fetches its own token; closed after the test."""
    from criteo_api_marketingsolutions_v2020_10.api_client import ApiClient

    with ApiClient(criteo_configuration) as client:
        yield client
