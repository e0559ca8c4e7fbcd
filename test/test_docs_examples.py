"""The example on every ``docs/*Api.md`` page runs as written, only host and credentials swapped.

Offline, each example runs against a stand-in transport that answers with
empty but well-typed bodies: this proves the example's arguments are accepted
and produce the request its page documents. Against the sandbox, each example
runs for real and must not print "Exception when calling".
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

from criteo_api_marketingsolutions_v2020_10 import apis, rest
from criteo_api_marketingsolutions_v2020_10.api_client import Endpoint

DOCS = Path(__file__).resolve().parent.parent / "docs"
HOST = "https://api.criteo.com"
SECTION = re.compile(r"^# \*\*(\w+)\*\*$.*?^```python\n(.*?)^```$", re.M | re.S)


def examples() -> List[Tuple[str, str, str]]:
    """``(api class, method, code)`` for every operation section of every API page."""
    found = []
    for page in sorted(DOCS.glob("*Api.md")):
        for method, code in SECTION.findall(page.read_text(encoding="utf-8")):
            found.append((page.stem, method, code))
    return found


EXAMPLES = examples()
IDS = [f"{cls}.{method}" for cls, method, _ in EXAMPLES]


def endpoint(cls: str, method: str) -> Endpoint:
    value = getattr(apis, cls).__dict__[method]
    assert isinstance(value, Endpoint)
    return value


def run(code: str, host: str, client_id: str, client_secret: str) -> str:
    """Execute an example with its placeholders replaced; return what it printed."""
    assert HOST in code and "YOUR_CLIENT_ID" in code and "YOUR_CLIENT_SECRET" in code
    code = code.replace(HOST, host).replace("YOUR_CLIENT_ID", client_id).replace("YOUR_CLIENT_SECRET", client_secret)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "<docs example>", "exec"), {"__name__": "__docs_example__"})
    return printed.getvalue()


def test_every_operation_has_exactly_one_example() -> None:
    documented = sorted((cls, method) for cls, method, _ in EXAMPLES)
    declared = sorted((name, e.name) for name in apis.__all__ for e in getattr(apis, name).endpoints())
    assert documented == declared


def _empty_body(type_name: Any) -> bytes:
    if type_name == "bytes":
        return b"AdsetId,Day,Clicks\n"
    return b"[]" if str(type_name).startswith("[") else b"{}"


@pytest.mark.parametrize(("cls", "method", "code"), EXAMPLES, ids=IDS)
def test_example_sends_the_documented_request(
    cls: str, method: str, code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = endpoint(cls, method)
    sent: List[Dict[str, Any]] = []

    def answer(self: Any, method: str, url: str, headers: Dict[str, str], body: Any, timeout: Any, *_: Any, **__: Any) -> Any:
        sent.append({"method": method, "url": url, "body": body})
        if url.endswith("/oauth2/token"):
            data = json.dumps({"access_token": "stand-in", "token_type": "Bearer", "expires_in": 900}).encode()
        else:
            data = _empty_body(target.return_type)
        return rest.RESTResponse(200, "OK", {"Content-Type": "application/json"}, data)

    monkeypatch.setattr(rest.RESTClientObject, "request", answer)
    printed = run(code, "http://example.invalid", "an-id", "a-secret")
    assert "Exception when calling" not in printed
    call = sent[-1]
    pattern = re.escape(target.path)
    pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", pattern)
    assert call["method"] == target.method
    assert re.fullmatch(r"http://example\.invalid" + pattern + r"(\?.*)?", call["url"]), call["url"]
    if target.body_param is not None:
        assert call["body"], "the example should send a request body"
    if not target.token_request:
        assert sent[0]["url"].endswith("/oauth2/token"), "the client should fetch its own token first"


def sandbox_module() -> Any:
    """The sandbox package, or a skip while it is not there."""
    module = pytest.importorskip("criteo_api_marketingsolutions_v2020_10.sandbox")
    if not hasattr(module, "Sandbox"):
        pytest.skip("the sandbox package does not provide Sandbox yet")
    return module


@pytest.mark.parametrize(("cls", "method", "code"), EXAMPLES, ids=IDS)
def test_example_runs_against_the_sandbox(cls: str, method: str, code: str) -> None:
    sandbox = sandbox_module()
    with sandbox.Sandbox() as sb:
        printed = run(code, sb.url, sandbox.DEMO_CLIENT_ID, sandbox.DEMO_CLIENT_SECRET)
    assert "Exception when calling" not in printed, printed
    assert printed.strip(), "the example should print the response"
