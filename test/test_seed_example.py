"""The published ``OAuthApi.create_token`` example runs as written, only ``host`` changed."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

from criteo_api_marketingsolutions_v2020_10.sandbox import Sandbox

SEED = Path(__file__).with_name("seed_OAuthApi.md")


def seed_example() -> str:
    match = re.search(r"```python\n(.*?)```", SEED.read_text(encoding="utf-8"), re.S)
    assert match, "the seed page has no python example"
    return match.group(1)


def run_with_host(code: str, host: str) -> str:
    changed = code.replace('host = "https://api.criteo.com"', f'host = "{host}"')
    assert changed.count(host) == 2, "the example should set host twice"
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(changed, str(SEED), "exec"), {"__name__": "__seed__"})
    return output.getvalue()


def test_seed_example_runs_unchanged_and_prints_a_jwt_model() -> None:
    with Sandbox() as sandbox:
        # The example's own placeholder credentials are a registered client here.
        sandbox.register_client("client_id_example", "client_secret_example")
        printed = run_with_host(seed_example(), sandbox.url)
        issued = [r for r in sandbox.requests if r.path == "/oauth2/token"]
    assert "Exception when calling" not in printed
    shown = eval(printed)  # pprint of a model is a dict literal
    assert shown == {"access_token": "***", "expires_in": 900, "token_type": "Bearer"}
    assert len(issued) == 1
    assert issued[0].body == b"client_id=client_id_example&client_secret=client_secret_example&grant_type=client_credentials"


def test_seed_example_reports_a_refused_client_through_api_exception() -> None:
    with Sandbox() as sandbox:
        printed = run_with_host(seed_example(), sandbox.url)
    assert printed.startswith("Exception when calling OAuthApi->create_token: (400)")
    assert "invalid_client" in printed
    assert "client_secret_example" not in printed
