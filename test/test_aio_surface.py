"""The asyncio client's API classes: generated from the same declarations as the synchronous ones, and never apart.

Each ``aio.api`` module is written by ``python -m codegen`` on the synchronous
module's ``Endpoint`` objects; these tests hold the two surfaces together
(methods, signatures, declarations), check the lazy packages, the generator's
drift detection for the new files, and make real awaited calls to the sandbox.
"""

from __future__ import annotations

import asyncio
import importlib.util
import inspect
import json
import re
import subprocess
import sys
import typing
from pathlib import Path
from types import ModuleType
from typing import Any, Dict, List, Tuple

import pytest

import codegen
from codegen.__main__ import main as codegen_main
from codegen.render_python import GENERATED_NOTE
from criteo_api_marketingsolutions_v2020_10 import ApiClient as SyncApiClient
from criteo_api_marketingsolutions_v2020_10 import Configuration, apis, exceptions, models
from criteo_api_marketingsolutions_v2020_10._operation import operation_docstring
from criteo_api_marketingsolutions_v2020_10.aio import api as aio_api
from criteo_api_marketingsolutions_v2020_10.aio import apis as aio_apis
from criteo_api_marketingsolutions_v2020_10.aio.api_client import Api as AsyncApi
from criteo_api_marketingsolutions_v2020_10.aio.api_client import ApiClient
from criteo_api_marketingsolutions_v2020_10.endpoint import Api as SyncApi
from criteo_api_marketingsolutions_v2020_10.endpoint import Endpoint
from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Sandbox

PACKAGE = "criteo_api_marketingsolutions_v2020_10"
ROOT = codegen.ROOT
OPERATIONS = [(name, e.name) for name in apis.__all__ for e in getattr(apis, name).endpoints()]
PORTFOLIO_PATH = "/2021-04/advertisers/me"

needs_aiohttp = pytest.mark.skipif(
    importlib.util.find_spec("aiohttp") is None, reason="aiohttp (the default asyncio transport) is not installed"
)


def _pair(cls: str, method: str) -> Tuple[Any, Any, Endpoint]:
    """The asynchronous method, the synchronous one, and the synchronous class's declaration."""
    sync_cls = getattr(apis, cls)
    return getattr(getattr(aio_apis, cls), method), getattr(sync_cls, method), sync_cls.__dict__[method]


def _own_parameters(function: Any) -> List[inspect.Parameter]:
    """The signature's parameters but the ``**options`` catch-all, which must come last."""
    parameters = list(inspect.signature(function).parameters.values())
    assert parameters[-1].kind is inspect.Parameter.VAR_KEYWORD and parameters[-1].name == "options"
    return parameters[:-1]


# --------------------------------------------------------------------------- the two surfaces never drift


@pytest.mark.parametrize(("cls", "method"), OPERATIONS)
def test_every_operation_has_the_synchronous_signature_and_declaration(cls: str, method: str) -> None:
    awaited, blocking, declaration = _pair(cls, method)
    assert isinstance(declaration, Endpoint)
    assert awaited.endpoint is declaration
    assert inspect.iscoroutinefunction(awaited) and not inspect.iscoroutinefunction(blocking)
    assert _own_parameters(awaited) == _own_parameters(blocking)
    resolved = typing.get_type_hints(awaited)
    expected = typing.get_type_hints(blocking)
    assert {name: resolved[name] for name in declaration.by_name} == {name: expected[name] for name in declaration.by_name}


@pytest.mark.parametrize(("cls", "method"), OPERATIONS)
def test_every_docstring_is_the_asynchronous_one(cls: str, method: str) -> None:
    awaited, blocking, declaration = _pair(cls, method)
    assert awaited.__doc__ == operation_docstring(declaration, asynchronous=True)
    assert "async_req" not in awaited.__doc__ and "async_req" in blocking.__doc__
    assert "AsyncStreamingResponse" in awaited.__doc__
    assert awaited.__doc__.startswith(declaration.summary)


@pytest.mark.parametrize("cls", apis.__all__)
def test_no_class_has_a_method_the_other_lacks(cls: str) -> None:
    awaited, blocking = getattr(aio_apis, cls), getattr(apis, cls)
    assert issubclass(awaited, AsyncApi) and not issubclass(awaited, SyncApi)
    public = {name for name in vars(awaited) if not name.startswith("_")}
    assert public == {name for name in vars(blocking) if not name.startswith("_")}
    assert [id(e) for e in awaited.endpoints()] == [id(e) for e in blocking.endpoints()]
    assert all(inspect.iscoroutinefunction(vars(awaited)[name]) for name in public)


def test_the_aio_modules_import_the_declarations_and_write_none(files: Dict[str, str]) -> None:
    for api in codegen.build(ROOT).apis:
        text = files[f"{PACKAGE}/aio/api/{api.module}.py"]
        assert f"from {PACKAGE}.api.{api.module} import" in text
        assert "Endpoint(" not in text and "Param(" not in text
        assert "async_req" not in text
        assert text.count("async def ") == 5 * len(api.operations)  # four overloads and the method


# --------------------------------------------------------------------------- packages


def test_both_packages_export_exactly_the_six_classes_and_modules() -> None:
    assert aio_apis.__all__ == apis.__all__ and len(aio_apis.__all__) == 6
    assert aio_api.__all__ == _sync_modules()
    for name in aio_apis.__all__:
        cls = getattr(aio_apis, name)
        assert cls.__name__ == name and cls.__module__.startswith(f"{PACKAGE}.aio.api.")
        assert getattr(aio_api, cls.__module__.rsplit(".", 1)[1]).__dict__[name] is cls
    with pytest.raises(AttributeError, match="has no attribute 'NopeApi'"):
        _ = aio_apis.NopeApi


def _sync_modules() -> List[str]:
    from criteo_api_marketingsolutions_v2020_10 import api

    return list(api.__all__)


_LAZINESS_PROBE = """
import json, sys
def loaded():
    return sorted(m for m in sys.modules if m.startswith(("{p}.api.", "{p}.aio.api.")))
import {p}.aio
steps = {{"aio": loaded()}}
import {p}.aio.api, {p}.aio.apis
steps["packages"] = loaded()
{p}.aio.apis.AudienceApi
steps["one class"] = loaded()
print(json.dumps(steps))
"""


def test_importing_aio_or_its_packages_imports_no_api_module() -> None:
    probe = _LAZINESS_PROBE.format(p=PACKAGE)
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    steps = json.loads(done.stdout)
    assert steps["aio"] == [] and steps["packages"] == []
    assert steps["one class"] == [f"{PACKAGE}.aio.api.audience_api", f"{PACKAGE}.api.audience_api"]


# --------------------------------------------------------------------------- the generator


@pytest.fixture(scope="module")
def files() -> Dict[str, str]:
    return codegen.generate(ROOT)


def test_the_generator_writes_the_aio_files_deterministically(files: Dict[str, str]) -> None:
    aio_files = sorted(path for path in files if path.startswith(f"{PACKAGE}/aio/"))
    modules = [f"{PACKAGE}/aio/api/{name}.py" for name in ["__init__", *_sync_modules()]]
    assert aio_files == sorted([*modules, f"{PACKAGE}/aio/apis/__init__.py"])
    again = codegen.generate(ROOT)
    assert all(again[path] == files[path] for path in aio_files)
    assert all(GENERATED_NOTE in files[path] for path in aio_files)
    for path in aio_files:
        assert (ROOT / path).read_text(encoding="utf-8") == files[path], f"{path} drifted: run `python -m codegen`"


def test_check_mode_reports_aio_files_that_drift(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert codegen_main(["--out", str(tmp_path)]) == 0
    edited = tmp_path / PACKAGE / "aio" / "api" / "o_auth_api.py"
    edited.write_text(edited.read_text(encoding="utf-8").replace("async def", "def"), encoding="utf-8")
    (tmp_path / PACKAGE / "aio" / "api" / "leftover_api.py").write_text(f'"""{GENERATED_NOTE}"""\n')
    (tmp_path / PACKAGE / "aio" / "api" / "hand_written.py").write_text('"""Kept: not generated."""\n')
    (tmp_path / PACKAGE / "aio" / "apis" / "__init__.py").unlink()
    capsys.readouterr()
    assert codegen_main(["--check", "--out", str(tmp_path)]) == 1
    report = set(capsys.readouterr().out.splitlines())
    assert {
        f"changed: {PACKAGE}/aio/api/o_auth_api.py",
        f"stale: {PACKAGE}/aio/api/leftover_api.py",
        f"missing: {PACKAGE}/aio/apis/__init__.py",
    } <= report
    assert codegen_main(["--out", str(tmp_path)]) == 0
    assert not (tmp_path / PACKAGE / "aio" / "api" / "leftover_api.py").exists()
    assert (tmp_path / PACKAGE / "aio" / "api" / "hand_written.py").exists()
    assert "async def create_token" in edited.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- real calls


def _fixed(sandbox: Sandbox) -> Configuration:
    return Configuration(host=sandbox.url, access_token=sandbox.issue_token())


def _managed(sandbox: Sandbox) -> Configuration:
    return Configuration(host=sandbox.url, client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET)


def _synchronous_portfolio(configuration: Configuration) -> Dict[str, Any]:
    with SyncApiClient(configuration) as client:
        return apis.AdvertiserApi(client).api_portfolio_get().to_dict()


@needs_aiohttp
@pytest.mark.asyncio
async def test_a_fixed_token_call_gives_what_the_synchronous_client_gives(sandbox: Sandbox) -> None:
    configuration = _fixed(sandbox)
    async with ApiClient(configuration) as client:
        portfolio = await aio_apis.AdvertiserApi(client).api_portfolio_get()
    assert isinstance(portfolio, models.GetPortfolioResponse)
    assert [r.path for r in sandbox.requests] == [PORTFOLIO_PATH] and sandbox.token_requests == 0
    assert portfolio.to_dict() == _synchronous_portfolio(configuration)


@needs_aiohttp
@pytest.mark.asyncio
async def test_managed_credentials_fetch_one_token_for_concurrent_calls(sandbox: Sandbox) -> None:
    async with ApiClient(_managed(sandbox)) as client:
        api = aio_apis.AdvertiserApi(client)
        first, second = await asyncio.gather(api.api_portfolio_get(), api.api_portfolio_get())
    assert isinstance(first, models.GetPortfolioResponse) and first.to_dict() == second.to_dict()
    assert [a.attributes.advertiser_name for a in first.data][:1] == ["Northwind Outdoor"]
    assert sandbox.token_requests == 1 and sandbox.api_requests == 2


@needs_aiohttp
@pytest.mark.asyncio
async def test_with_http_info_gives_data_status_and_headers(sandbox: Sandbox) -> None:
    async with ApiClient(_fixed(sandbox)) as client:
        result = await aio_apis.AdvertiserApi(client).get_categories(10001, _return_http_data_only=False)
    assert isinstance(result, tuple) and len(result) == 3
    data, status, headers = result
    assert status == 200 and "json" in headers["content-type"].lower()
    assert data and all(isinstance(c, models.CategoryMessage) and c.advertiser_id == 10001 for c in data)


@needs_aiohttp
@pytest.mark.asyncio
async def test_an_unread_answer_is_an_async_streaming_response(sandbox: Sandbox) -> None:
    from criteo_api_marketingsolutions_v2020_10.aio import AsyncStreamingResponse

    configuration = _fixed(sandbox)
    async with ApiClient(configuration) as client:
        raw = await aio_apis.AdvertiserApi(client).api_portfolio_get(_preload_content=False)
        assert isinstance(raw, AsyncStreamingResponse)
        async with raw:
            body = await raw.read()
    assert raw.status == 200 and raw.closed
    names = [a["attributes"]["advertiserName"] for a in json.loads(body)["data"]]
    assert names == [a["attributes"]["advertiser_name"] for a in _synchronous_portfolio(configuration)["data"]]


@needs_aiohttp
@pytest.mark.asyncio
async def test_a_404_raises_not_found(sandbox: Sandbox) -> None:
    async with ApiClient(_fixed(sandbox)) as client:
        with pytest.raises(exceptions.NotFoundException) as raised:
            await aio_apis.AdvertiserApi(client).get_category(10001, 999999999)
    assert raised.value.status == 404
    assert [r.path for r in sandbox.requests] == ["/legacy/marketing/v1/advertisers/10001/categories/999999999"]


@needs_aiohttp
@pytest.mark.asyncio
async def test_bad_arguments_raise_before_any_request(sandbox: Sandbox) -> None:
    wrong_type: Any = "10001"
    thread_pool_option: Dict[str, Any] = {"async_req": True}
    async with ApiClient(_managed(sandbox)) as client:
        api = aio_apis.AdvertiserApi(client)
        with pytest.raises(exceptions.ApiTypeError, match="advertiser_id"):
            await api.get_categories(wrong_type)
        with pytest.raises(exceptions.ApiTypeError, match="async_req"):
            await api.api_portfolio_get(**thread_pool_option)
        with pytest.raises(exceptions.ApiTypeError, match="unexpected keyword argument 'timeout'"):
            await api.api_portfolio_get(timeout=5)
    assert sandbox.requests == []


def _load_usage() -> ModuleType:
    spec = importlib.util.spec_from_file_location("typing_suite_usage_aio", ROOT / "test" / "typing" / "usage_aio.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def _run_usage(sandbox: Sandbox) -> Dict[str, Any]:
    usage = _load_usage()
    async with ApiClient(_managed(sandbox)) as client:
        results: Dict[str, Any] = await usage.call_every_operation(client, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)
    return results


@needs_aiohttp
@pytest.mark.asyncio
async def test_the_typing_suite_usage_gives_real_answers(sandbox: Sandbox) -> None:
    results = await _run_usage(sandbox)
    assert results["token"].expires_in == 900
    assert type(results["portfolio"]) is models.GetPortfolioResponse
    assert results["chosen"].to_dict() == results["portfolio"].to_dict()
    assert results["statistics"].startswith(b"AdsetId,Day,Clicks")
    assert results["status"] == 200
    assert json.loads(results["streamed"])["data"]
    assert results["removed"].data.id == results["created"].data.id
    assert [bid.campaign_id for bid in results["changed"]] == [200011]


@needs_aiohttp
@pytest.mark.asyncio
async def test_the_typing_suite_usage_calls_every_operation(sandbox: Sandbox) -> None:
    await _run_usage(sandbox)
    called = {(request.method, request.path) for request in sandbox.requests}
    endpoints = [e for name in aio_apis.__all__ for e in getattr(aio_apis, name).endpoints()]
    assert [e.name for e in endpoints if not any(_served(e, method, path) for method, path in called)] == []


def _served(endpoint: Endpoint, method: str, path: str) -> bool:
    """Whether a recorded request is a call of ``endpoint``: its method, and its path template filled in."""
    pattern = "[^/]+".join(re.escape(literal) for literal in re.split(r"\{[^}]+\}", endpoint.path))
    return method == endpoint.method and re.fullmatch(pattern, path) is not None
