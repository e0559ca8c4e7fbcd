"""pytest fixtures serving a Criteo API sandbox.

Registered as the ``criteo_sandbox`` pytest plugin once the package is
installed; otherwise enable it with
``pytest_plugins = ["criteo_api_marketingsolutions_v2020_10.sandbox.pytest_plugin"]``.
"""

from __future__ import annotations

from typing import Iterator

import pytest

from criteo_api_marketingsolutions_v2020_10.sandbox.server import Sandbox


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
