"""Structural facts that keep the hot paths fast (timings live in benchmarks/, not here)."""

from __future__ import annotations

import json

import pytest

from criteo_api_marketingsolutions_v2020_10 import ApiClient
from criteo_api_marketingsolutions_v2020_10.api.advertiser_api import AdvertiserApi
from criteo_api_marketingsolutions_v2020_10.api_client import Param
from criteo_api_marketingsolutions_v2020_10.model_utils import Field
from criteo_api_marketingsolutions_v2020_10.models import GetAudiencesResponse


def audiences_json(count: int) -> bytes:
    items = [
        {
            "id": str(70000 + i), "type": "Audience",
            "attributes": {
                "advertiserId": "10001", "name": f"Audience {i}", "created": "2021-01-01T00:00:00Z",
                "updated": "2021-02-01T12:30:00+01:00", "nbLines": i, "nbLinesEmail": i, "nbMatchesEmail": i,
            },
        }
        for i in range(count)
    ]
    return json.dumps({"data": items, "errors": [], "warnings": []}).encode()


def test_models_are_built_from_json_without_revalidation(monkeypatch) -> None:
    def forbidden(*args, **kwargs):
        raise AssertionError("Field.check must not run while loading a response")

    monkeypatch.setattr(Field, "check", forbidden)
    response = GetAudiencesResponse._from_json(json.loads(audiences_json(50)))
    assert len(response.data) == 50
    assert response.data[49].attributes.nb_lines == 49


def test_a_warm_managed_call_takes_no_lock_and_builds_no_header(managed_client: ApiClient, sandbox) -> None:
    api = AdvertiserApi(managed_client)
    api.api_portfolio_get()
    manager = managed_client.token_manager
    cached = manager._token

    class NoLock:
        def __enter__(self):
            raise AssertionError("a warm token must be read without a lock")

        def __exit__(self, *exc):
            return False

    real_lock, manager._lock = manager._lock, NoLock()
    try:
        for _ in range(5):
            api.api_portfolio_get()
    finally:
        manager._lock = real_lock
    assert manager._token is cached
    assert sandbox.requests[-1].headers["Authorization"] == cached.header


def test_plain_string_arguments_skip_the_type_machinery(monkeypatch) -> None:
    param = Param("client_id", "client_id", "form", "str", non_empty=True)
    monkeypatch.setattr(Param, "spec", property(lambda self: pytest.fail("type machinery used")))
    assert param.check("abc", "op", True) == "abc"
