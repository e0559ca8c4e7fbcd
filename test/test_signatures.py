"""What introspection sees: real signatures, resolvable annotations and explicit exports, everywhere."""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import inspect
import pydoc
import typing
from pathlib import Path

import pytest

import criteo_api_marketingsolutions_v2020_10 as sdk
from criteo_api_marketingsolutions_v2020_10 import apis, exceptions, models
from criteo_api_marketingsolutions_v2020_10._typing import AsyncResult, RawResponse
from criteo_api_marketingsolutions_v2020_10.endpoint import Api, Endpoint, Param
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET

PACKAGE_DIR = Path(sdk.__file__).resolve().parent
OPERATIONS = [(name, e.name) for name in apis.__all__ for e in getattr(apis, name).endpoints()]


def _operation(cls: str, method: str) -> tuple:
    api = getattr(apis, cls)
    function = getattr(api, method)
    endpoint = api.__dict__[method]
    assert isinstance(endpoint, Endpoint) and function is endpoint.function
    return function, endpoint


@pytest.mark.parametrize(("cls", "method"), OPERATIONS)
def test_every_operation_has_its_declared_parameters(cls: str, method: str) -> None:
    function, endpoint = _operation(cls, method)
    parameters = inspect.signature(function).parameters
    assert list(parameters) == ["self", *[p.name for p in endpoint.ordered], "options"]
    positional = [p.name for p in endpoint.ordered if p.required]
    keywords = [p.name for p in endpoint.ordered if not p.required]
    assert [n for n in parameters if parameters[n].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD] == ["self", *positional]
    assert [n for n in parameters if parameters[n].kind is inspect.Parameter.KEYWORD_ONLY] == keywords
    assert function.__doc__.startswith(endpoint.summary)
    assert "Keyword Args:" in function.__doc__


@pytest.mark.parametrize(("cls", "method"), OPERATIONS)
def test_every_operation_has_resolvable_hints(cls: str, method: str) -> None:
    function, endpoint = _operation(cls, method)
    hints = typing.get_type_hints(function)
    assert {p.name for p in endpoint.ordered} | {"options", "return"} == set(hints)
    shapes = typing.get_args(hints["return"])
    assert RawResponse in shapes and AsyncResult[typing.Any] in shapes
    if endpoint.return_type and endpoint.return_type[0].isupper():
        assert getattr(models, endpoint.return_type) in shapes


def test_hints_of_enum_parameters_are_literals_and_lists_are_lists() -> None:
    hints = typing.get_type_hints(apis.CampaignApi.get_bids)
    assert hints["bid_type"] == typing.Literal["Unknown", "CPC", "COS", "CPO"]
    assert hints["pending_changes"] is bool
    update = typing.get_type_hints(apis.CampaignApi.update_bids)
    assert update["bid_changes"] == list[models.CampaignBidChangeRequest]
    report = typing.get_type_hints(apis.AnalyticsApi.get_adset_report)
    assert bytes in typing.get_args(report["return"])


@pytest.mark.parametrize("name", models.__all__)
def test_every_model_has_resolvable_field_hints_and_a_constructor_signature(name: str) -> None:
    cls = getattr(models, name)
    hints = typing.get_type_hints(cls)
    signature = inspect.signature(cls)
    for field in cls._fields:
        assert field.name in hints, f"{name}.{field.name} has no annotation"
        if field.required:
            assert signature.parameters[field.name].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
        elif field.read_only:
            assert field.name not in signature.parameters
        else:
            assert signature.parameters[field.name].default is UNSET
    assert list(signature.parameters)[-1] == "options"


def test_field_hints_follow_the_spec() -> None:
    attributes = typing.get_type_hints(models.AudienceAttributes)
    assert attributes["name"] is str and attributes["created"] is dt.datetime
    assert attributes["nb_lines"] == typing.Optional[int]
    assert typing.get_type_hints(models.GetAudiencesResponse)["data"] == list[models.Audience]
    assert typing.get_type_hints(models.Audience)["attributes"] is models.AudienceAttributes
    # a response enum reads as str, a request enum as its Literal
    assert typing.get_type_hints(models.ReadAdSetSchedule)["activation_status"] == typing.Optional[str]
    budget = typing.get_type_hints(models.PatchAdSetBudget)["budget_strategy"]
    assert budget == typing.Optional[typing.Literal["capped", "uncapped"]]
    assert typing.get_type_hints(models.NillableDateTime)["value"] == typing.Optional[dt.datetime]


def test_help_shows_the_real_parameters() -> None:
    operation = pydoc.render_doc(apis.AudienceApi.modify_audience, renderer=pydoc.plaintext)
    assert "modify_audience(self, audience_id: 'str', replace_audience_request: 'ReplaceAudienceRequest'" in operation
    assert "audience_id (str): Id of the audience" in operation
    model = pydoc.render_doc(models.OAuth2Error, renderer=pydoc.plaintext)
    assert "OAuth2Error(error: 'str', *, error_description: 'str' = <unset>, **options" in model


def test_an_unknown_keyword_is_still_an_api_type_error_at_run_time() -> None:
    api = apis.AdvertiserApi(sdk.ApiClient(sdk.Configuration(host="http://127.0.0.1:9")))
    with pytest.raises(exceptions.ApiTypeError, match="unexpected keyword argument 'timeout'"):
        api.api_portfolio_get(timeout=5)


def test_an_endpoint_without_a_def_still_becomes_a_method() -> None:
    declared = Endpoint(
        name="ping",
        method="GET",
        path="/ping/{id}",
        operation_id="Ping",
        params=(Param("id", "id", "path", "int", required=True), Param("tags", "tags", "query", "[str]")),
        responses={200: "[JwtModel]"},
    )

    class PingApi(Api):
        ping = declared

    signature = inspect.signature(PingApi.ping)
    assert str(signature) == "(self, id: 'int', *, tags: 'list[str]' = <unset>, **options) -> 'list[JwtModel]'"
    assert PingApi.__dict__["ping"] is declared and PingApi.endpoints() == [declared]


def test_a_def_whose_parameters_differ_from_the_declaration_is_refused() -> None:
    declared = Endpoint(name="ping", method="GET", path="/ping", operation_id="Ping", params=(Param("id", "id", "query", "int"),))

    def ping(self: object, *, other: int = UNSET, **options: object) -> None: ...

    with pytest.raises(ValueError, match="not the declared"):
        declared.bind(ping)


# --------------------------------------------------------------------------- exports


def _literal_all(path: Path) -> list:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__all__" for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{path} has no __all__")


def _reexports(path: Path) -> set:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found |= {alias.name for alias in node.names if alias.asname == alias.name}
    return found


@pytest.mark.parametrize("package", ["", "api", "apis", "model", "models"])
def test_every_package_has_a_literal_all_of_explicit_reexports(package: str) -> None:
    path = PACKAGE_DIR / package / "__init__.py"
    names = _literal_all(path)
    assert names and len(names) == len(set(names))
    assert set(names) - {"__version__"} == _reexports(path)
    module = importlib.import_module(f"{sdk.__name__}.{package}".rstrip("."))
    for name in names:
        assert getattr(module, name) is not None


def test_module_packages_import_their_modules_on_first_access() -> None:
    from criteo_api_marketingsolutions_v2020_10 import api, model

    assert api.o_auth_api.OAuthApi is apis.OAuthApi
    assert model.jwt_model.JwtModel is models.JwtModel
    assert "audience_api" in dir(api)
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        _ = api.nope
