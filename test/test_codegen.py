"""The generator: committed output is what it writes, reference modules are reproduced, naming rules hold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import codegen
import codegen.spec
from codegen import annotations
from codegen.__main__ import differences, main
from codegen.examples import ExampleError, example_script
from codegen.naming import api_class_name, inline_model_name, method_name, to_pascal, to_snake
from codegen.render_docs import replace_sections
from codegen.spec import load_api
from codegen.texts import Texts
from criteo_api_marketingsolutions_v2020_10 import model_utils

ROOT = codegen.ROOT
PACKAGE = "criteo_api_marketingsolutions_v2020_10"


@pytest.fixture(scope="module")
def texts() -> Texts:
    return Texts.load()


@pytest.fixture(scope="module")
def files(texts: Texts) -> dict:
    return codegen.generate(ROOT, texts)


@pytest.fixture(scope="module")
def spec() -> codegen.ApiSpec:
    return codegen.build(ROOT)


# --------------------------------------------------------------------------- drift


def test_regenerating_into_a_fresh_root_gives_the_committed_files(tmp_path: Path) -> None:
    assert main(["--out", str(tmp_path)]) == 0
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert written, "the generator wrote nothing"
    drift = []
    for relative in written:
        committed = ROOT / relative
        if not committed.is_file():
            drift.append(f"not committed: {relative}")
        elif committed.read_bytes() != (tmp_path / relative).read_bytes():
            drift.append(f"differs: {relative}")
    assert not drift, "generated files drifted from the committed ones (run `python -m codegen`):\n" + "\n".join(drift)


def test_nothing_stale_or_missing_in_the_repository(files: dict) -> None:
    assert differences(ROOT, files) == []


def test_check_mode_passes_on_the_repository_and_fails_on_a_changed_copy(tmp_path: Path) -> None:
    ok = subprocess.run([sys.executable, "-m", "codegen", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert main(["--out", str(tmp_path)]) == 0
    target = tmp_path / PACKAGE / "model" / "jwt_model.py"
    target.write_text(target.read_text() + "# edited by hand\n")
    (tmp_path / PACKAGE / "model" / "leftover_model.py").write_text('"""Nothing."""\n')
    (tmp_path / "docs" / "AudienceApi.md").unlink()
    bad = subprocess.run(
        [sys.executable, "-m", "codegen", "--check", "--out", str(tmp_path)], cwd=ROOT, capture_output=True, text=True
    )
    assert bad.returncode == 1
    assert f"changed: {PACKAGE}/model/jwt_model.py" in bad.stdout
    assert f"stale: {PACKAGE}/model/leftover_model.py" in bad.stdout
    assert "missing: docs/AudienceApi.md" in bad.stdout


def test_generation_is_deterministic(texts: Texts, files: dict) -> None:
    assert codegen.generate(ROOT, Texts.load()) == files
    assert all(text.endswith("\n") for text in files.values())


# --------------------------------------------------------------------------- reference modules

JWT_MODEL = '''"""JwtModel, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class JwtModel(ModelNormal):
    """An access token, its type and its lifetime in seconds.

    Attributes:
        access_token (str): The bearer token to send in ``Authorization`` (masked in repr).
        token_type (str): Always ``Bearer``.
        expires_in (int): Lifetime of the token in seconds (int32).
    """

    access_token: Optional[str]
    token_type: Optional[str]
    expires_in: Optional[int]

    _fields = (
        Field("access_token", "access_token", "str", secret=True, description="The bearer token to send in ``Authorization`` (masked in repr)."),
        Field("token_type", "token_type", "str", description="Always ``Bearer``."),
        Field("expires_in", "expires_in", "int", format="int32", description="Lifetime of the token in seconds."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, access_token: str = UNSET, token_type: str = UNSET, expires_in: int = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["access_token"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["token_type"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["expires_in"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
'''

O_AUTH2_ERROR = '''"""OAuth2Error, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class OAuth2Error(ModelNormal):
    """The body of a refused token request (RFC 6749 section 5.2).

    Attributes:
        error (str): Error code such as ``invalid_client`` or ``invalid_grant``. Required.
        error_description (str): Human-readable explanation.
    """

    error: str
    error_description: Optional[str]

    _fields = (
        Field("error", "error", "str", required=True, description="Error code such as ``invalid_client`` or ``invalid_grant``."),
        Field("error_description", "error_description", "str", description="Human-readable explanation."),
    )

    if TYPE_CHECKING:

        def __init__(self, error: str, *, error_description: str = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field; required ones may also be given by position."""

        @overload
        def get(self, name: Literal["error"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["error_description"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
'''

O_AUTH_API = '''"""OAuthApi: operations tagged OAuth in the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, overload

from criteo_api_marketingsolutions_v2020_10._typing import (
    AnyResult,
    AsyncResult,
    CallOptions,
    RawResponse,
    WithHttpInfo,
)
from criteo_api_marketingsolutions_v2020_10.api_client import Api, ApiClient, Endpoint, Param
from criteo_api_marketingsolutions_v2020_10.model.jwt_model import JwtModel
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["OAuthApi", "ApiClient"]

_CREATE_TOKEN = Endpoint(
    name="create_token",
    method="POST",
    path="/oauth2/token",
    operation_id="CreateToken",
    tag="OAuth",
    summary="Creates a token when the supplied client credentials are valid",
    params=(
        Param("client_id", "client_id", "form", "str", non_empty=True, description="API Client-Id or Username"),
        Param("client_secret", "client_secret", "form", "str", secret=True, non_empty=True, format="password", description="API Client secret or password"),
        Param("grant_type", "grant_type", "form", "str", default="client_credentials", description="Other grant types are not available"),
    ),
    content_types=("application/x-www-form-urlencoded",),
    accept=("text/plain", "application/json", "text/json"),
    responses={200: "JwtModel", 400: "OAuth2Error"},
    auth=("Authorization",),
    token_request=True,
)


class OAuthApi(Api):
    """Operations tagged OAuth.

    Methods:
        create_token: POST /oauth2/token
    """

    @overload
    def create_token(self, *, client_id: str = ..., client_secret: str = ..., grant_type: str = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> JwtModel: ...
    @overload
    def create_token(self, *, client_id: str = ..., client_secret: str = ..., grant_type: str = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[JwtModel]: ...
    @overload
    def create_token(self, *, client_id: str = ..., client_secret: str = ..., grant_type: str = ..., async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def create_token(self, *, client_id: str = ..., client_secret: str = ..., grant_type: str = ..., async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[JwtModel]: ...
    @overload
    def create_token(self, *, client_id: str = ..., client_secret: str = ..., grant_type: str = ..., async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[JwtModel]]: ...
    @overload
    def create_token(self, *, client_id: str = ..., client_secret: str = ..., grant_type: str = ..., async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def create_token(self, *, client_id: str = ..., client_secret: str = ..., grant_type: str = ..., async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[JwtModel]: ...
    @_CREATE_TOKEN.bind
    def create_token(self, *, client_id: str = UNSET, client_secret: str = UNSET, grant_type: str = UNSET, **options: Any) -> AnyResult[JwtModel]:
        """Creates a token when the supplied client credentials are valid."""
        result: AnyResult[JwtModel] = self.api_client.invoke(_CREATE_TOKEN, (client_id, client_secret, grant_type), options)
        return result
'''


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        (f"{PACKAGE}/model/jwt_model.py", JWT_MODEL),
        (f"{PACKAGE}/model/o_auth2_error.py", O_AUTH2_ERROR),
        (f"{PACKAGE}/api/o_auth_api.py", O_AUTH_API),
    ],
)
def test_hand_written_reference_modules_are_reproduced_byte_for_byte(files: dict, relative: str, expected: str) -> None:
    assert files[relative] == expected


# --------------------------------------------------------------------------- naming


@pytest.mark.parametrize(
    ("name", "snake"),
    [
        ("OAuth2Error", "o_auth2_error"),
        ("OAuthApi", "o_auth_api"),
        ("AdvertiserApi", "advertiser_api"),
        ("JwtModel", "jwt_model"),
        ("advertiserId", "advertiser_id"),
        ("audience-id", "audience_id"),
        ("adSetId", "ad_set_id"),
        ("CampaignBidChangeResponseMessageWithDetails", "campaign_bid_change_response_message_with_details"),
        ("ReadModelReadAdSet", "read_model_read_ad_set"),
        ("nbLinesEmail", "nb_lines_email"),
        ("traceId", "trace_id"),
        ("error_description", "error_description"),
    ],
)
def test_to_snake(name: str, snake: str) -> None:
    assert to_snake(name) == snake
    assert model_utils.to_snake(name) == snake


def test_generator_and_engine_agree_on_every_module_name(spec: codegen.ApiSpec) -> None:
    names = [m.name for m in spec.models] + [a.class_name for a in spec.apis]
    names += [p.wire for m in spec.models for p in m.properties]
    assert [to_snake(n) for n in names] == [model_utils.to_snake(n) for n in names]


def test_generator_and_engine_agree_on_every_annotation(spec: codegen.ApiSpec) -> None:
    typed = [(p.type, p.enum) for m in spec.models for p in m.properties]
    typed += [(p.type, p.enum) for a in spec.apis for o in a.operations for p in o.params]
    typed += [(t, None) for t in ("object", "{str: [int]}", "date", "bytes")]
    for type_string, enum in typed:
        assert annotations.annotation(type_string, enum) == model_utils.python_annotation(type_string, enum)
    assert annotations.annotation("[str]", ("a", "b")) == 'list[Literal["a", "b"]]'
    assert annotations.annotation("{str: ReadAdSet}") == "dict[str, ReadAdSet]"


def test_models_a_response_can_hold_are_lenient_and_the_others_strict(spec: codegen.ApiSpec) -> None:
    lenient = annotations.response_models(spec)
    assert {"ReadAdSetSchedule", "ProblemDetails", "JwtModel", "OAuth2Error", "CategoryUpdatesPerCatalog"} <= lenient
    assert not {"PatchAdSetBudget", "NewAudienceAttributes", "StatisticsReportQueryMessage"} & lenient
    budget = next(p for p in spec.model("PatchAdSetBudget").properties if p.name == "budget_strategy")
    schedule = next(p for p in spec.model("ReadAdSetSchedule").properties if p.name == "activation_status")
    assert annotations.field_annotation(budget, lenient=False) == 'Optional[Literal["capped", "uncapped"]]'
    assert annotations.field_annotation(schedule, lenient=True) == "Optional[str]"
    assert annotations.init_parameter(schedule) == 'activation_status: Literal["on", "off"] = UNSET'


def test_only_the_values_of_nillable_wrappers_are_nullable(spec: codegen.ApiSpec) -> None:
    nullable = sorted(f"{m.name}.{p.name}" for m in spec.models for p in m.properties if p.nullable)
    assert nullable == ["NillableAdSetTargetingRule.value", "NillableDateTime.value", "NillableDecimal.value"]


def test_no_field_hides_a_model_attribute_or_a_type_name(spec: codegen.ApiSpec) -> None:
    taken = set(dir(model_utils.ModelNormal)) | annotations.RESERVED_FIELD_NAMES
    clashes = [f"{m.name}.{p.name}" for m in spec.models for p in m.properties if p.name in taken]
    assert clashes == []
    bad = codegen.spec.Model("Bad", "bad", "", [codegen.spec.Property("datetime", "datetime", "str")])
    with pytest.raises(ValueError, match="would hide a type name"):
        annotations.check_field_names(bad)


@pytest.mark.parametrize(
    ("operation_id", "method"),
    [
        ("CreateToken", "create_token"),
        ("getAudiences", "get_audiences"),
        ("modifyAudienceUsers", "modify_audience_users"),
        ("ApiPortfolioGet", "api_portfolio_get"),
        ("GetAdsetReport", "get_adset_report"),
        ("Advertisers_GetCategories", "get_categories"),
        ("Campaigns_GetBids", "get_bids"),
        ("Categories_UpdateCategories", "update_categories"),
    ],
)
def test_method_names_drop_the_prefix_and_go_snake(operation_id: str, method: str) -> None:
    assert method_name(operation_id) == method


def test_class_and_inline_model_names() -> None:
    assert api_class_name("OAuth") == "OAuthApi"
    assert api_class_name("Campaign") == "CampaignApi"
    assert to_pascal("geoLocation") == "GeoLocation"
    assert to_pascal("zip-codes") == "ZipCodes"
    assert inline_model_name("Audience", "attributes") == "AudienceAttributes"


def test_api_classes_and_methods(spec: codegen.ApiSpec) -> None:
    methods = {api.class_name: [op.name for op in api.operations] for api in spec.apis}
    assert methods == {
        "AdvertiserApi": ["api_portfolio_get", "get_categories", "get_category"],
        "AnalyticsApi": ["get_adset_report", "get_transactions_report"],
        "AudienceApi": [
            "create_audience", "delete_identifiers", "get_audiences",
            "modify_audience", "modify_audience_users", "remove_audience",
        ],
        "CampaignApi": [
            "get_ad_set", "get_bids", "get_categories", "get_category", "patch_ad_sets",
            "search_ad_sets", "start_ad_sets", "stop_ad_sets", "update_bids",
        ],
        "CategoryApi": ["get_categories", "update_categories"],
        "OAuthApi": ["create_token"],
    }
    assert {api.class_name: api.module for api in spec.apis}["OAuthApi"] == "o_auth_api"


def test_inline_objects_become_models_named_after_parent_and_property(spec: codegen.ApiSpec) -> None:
    inline = {m.name: m.parent for m in spec.models if m.parent}
    assert inline == {
        "AudienceAttributes": "Audience.attributes",
        "ContactlistAmendmentAttributes": "ContactlistAmendment.attributes",
        "ContactlistOperationAttributes": "ContactlistOperation.attributes",
        "NewAudienceAttributes": "NewAudience.attributes",
    }
    assert len(spec.models) == 74 + len(inline)
    audience = spec.model("Audience")
    assert {p.wire: p.type for p in audience.properties}["attributes"] == "AudienceAttributes"


def test_body_parameter_names(spec: codegen.ApiSpec) -> None:
    bodies = {
        op.operation_id: (op.body.name, op.body.type, op.body.required)
        for api in spec.apis
        for op in api.operations
        if op.body is not None
    }
    assert bodies == {
        "createAudience": ("new_audience_request", "NewAudienceRequest", True),
        "modifyAudienceUsers": ("contactlist_amendment_request", "ContactlistAmendmentRequest", True),
        "modifyAudience": ("replace_audience_request", "ReplaceAudienceRequest", True),
        "SearchAdSets": ("request_ad_set_search", "RequestAdSetSearch", False),
        "PatchAdSets": ("requests_patch_ad_set", "RequestsPatchAdSet", False),
        "StartAdSets": ("requests_ad_set_id", "RequestsAdSetId", False),
        "StopAdSets": ("requests_ad_set_id", "RequestsAdSetId", False),
        "GetAdsetReport": ("statistics_report_query_message", "StatisticsReportQueryMessage", False),
        "GetTransactionsReport": ("transactions_report_query_data_message", "TransactionsReportQueryDataMessage", False),
        "Campaigns_UpdateBids": ("bid_changes", "[CampaignBidChangeRequest]", True),
        "Categories_UpdateCategories": ("categories_per_catalog", "[CategoryUpdatesPerCatalog]", True),
    }


def _one_body_spec(tmp_path: Path, extension: dict) -> codegen.ApiSpec:
    """A one-operation spec whose JSON body is a list of ``Change``, with ``extension`` merged into the operation."""
    document = {
        "openapi": "3.0.1",
        "paths": {
            "/changes": {
                "put": {
                    "tags": ["Change"],
                    "operationId": "Changes_Put",
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Change"}}
                            }
                        }
                    },
                    "responses": {"200": {"description": "OK"}},
                    **extension,
                }
            }
        },
        "components": {"schemas": {"Change": {"type": "object", "properties": {"id": {"type": "string"}}}}},
    }
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return load_api(path, Texts({}, {}))


def test_request_body_name_extension_names_the_python_parameter(tmp_path: Path) -> None:
    named = _one_body_spec(tmp_path, {"x-codegen-request-body-name": "bidChanges"}).apis[0].operations[0].body
    unnamed = _one_body_spec(tmp_path, {}).apis[0].operations[0].body
    assert named is not None and unnamed is not None
    assert (named.name, named.wire, named.type) == ("bid_changes", "bid_changes", "[Change]")
    assert unnamed.name == "change"


def test_renamed_body_parameters_reach_the_endpoint_and_the_docs(files: dict) -> None:
    campaign_api = files[f"{PACKAGE}/api/campaign_api.py"]
    category_api = files[f"{PACKAGE}/api/category_api.py"]
    assert 'Param("bid_changes", "bid_changes", "body", "[CampaignBidChangeRequest]"' in campaign_api
    assert 'Param("categories_per_catalog", "categories_per_catalog", "body", "[CategoryUpdatesPerCatalog]"' in category_api
    assert "update_bids(bid_changes)" in files["docs/CampaignApi.md"]
    assert "update_categories(categories_per_catalog)" in files["docs/CategoryApi.md"]
    assert "campaign_bid_change_request =" not in files["docs/CampaignApi.md"]


def test_required_parameters_come_first(spec: codegen.ApiSpec) -> None:
    for api in spec.apis:
        for op in api.operations:
            flags = [p.required for p in op.params]
            assert flags == sorted(flags, reverse=True), op.operation_id


# --------------------------------------------------------------------------- hand-written text


def test_every_operation_model_and_field_has_a_description(spec: codegen.ApiSpec) -> None:
    missing = [f"{api.class_name}.{op.name}" for api in spec.apis for op in api.operations if not op.summary]
    missing += [f"{op.operation_id}.{p.wire}" for api in spec.apis for op in api.operations for p in op.params if not p.description]
    missing += [m.name for m in spec.models if not m.description]
    missing += [f"{m.name}.{p.wire}" for m in spec.models for p in m.properties if not p.description]
    assert missing == []


def test_no_description_entry_is_left_unused() -> None:
    texts = Texts.load()
    codegen.generate(ROOT, texts)
    assert texts.unused() == set()


def test_every_operation_has_an_example_entry(spec: codegen.ApiSpec, texts: Texts) -> None:
    ids = {op.operation_id for api in spec.apis for op in api.operations}
    assert set(texts.examples["operations"]) == ids


def test_examples_are_checked_against_the_spec(spec: codegen.ApiSpec) -> None:
    api = next(a for a in spec.apis if a.class_name == "AudienceApi")
    op = next(o for o in api.operations if o.name == "create_audience")
    with pytest.raises(ExampleError, match="needs"):
        example_script(spec, api, op, {})
    with pytest.raises(ExampleError, match="no field"):
        example_script(spec, api, op, {"new_audience_request": {"data": {"type": "Audience", "bogus": 1}}})
    with pytest.raises(ExampleError, match="not a str"):
        example_script(spec, api, op, {"new_audience_request": {"data": {"type": 3, "attributes": {"name": "x"}}}})


# --------------------------------------------------------------------------- README markers


def test_readme_sections_replace_only_the_text_between_markers() -> None:
    text = "intro\n<!-- BEGIN GENERATED: models -->\nold\n<!-- END GENERATED: models -->\noutro\n"
    assert replace_sections(text, {"models": "new", "endpoints": "x"}) == (
        "intro\n<!-- BEGIN GENERATED: models -->\nnew\n<!-- END GENERATED: models -->\noutro\n"
    )
    assert replace_sections("no markers here\n", {"models": "new"}) is None


def test_readme_is_left_alone_without_markers(tmp_path: Path) -> None:
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec" / "marketingsolutions_2020-10.json").write_bytes(
        (ROOT / "spec" / "marketingsolutions_2020-10.json").read_bytes()
    )
    (tmp_path / "README.md").write_text("# A README without markers\n")
    assert "README.md" not in codegen.generate(tmp_path)
