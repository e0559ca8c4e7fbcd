"""The secret canary: a known client secret and the tokens issued for it must
never appear — raw, percent-encoded or base64 — in any log record, repr or
exception message, whether produced here or anywhere else in the suite.

This module runs last (by name) so that its final check also covers every
SDK exception and log record the rest of the suite produced."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest
from conftest import CANARY_CLIENT_ID, CANARY_SECRET, canary_texts, remember

from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration, exceptions
from criteo_api_marketingsolutions_v2020_10.api.advertiser_api import AdvertiserApi
from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi
from criteo_api_marketingsolutions_v2020_10.sandbox import Fault

ROOT = Path(__file__).resolve().parent.parent
ISSUED_TOKENS: list = []


def forms_of(secret: str) -> set:
    """Every shape a leaked secret could take in text."""
    return {
        secret,
        quote_plus(secret),
        quote(secret, safe=""),
        base64.b64encode(secret.encode()).decode(),
        base64.b64encode(f"{CANARY_CLIENT_ID}:{secret}".encode()).decode(),
        json.dumps(secret)[1:-1],
    }


def assert_clean(texts) -> None:
    needles = set()
    for secret in [CANARY_SECRET, *ISSUED_TOKENS]:
        needles |= forms_of(secret)
    for text in texts:
        for needle in needles:
            assert needle not in text, f"a secret leaked into: {text[:200]!r}"


def test_a_full_managed_session_at_debug_leaks_nothing(sandbox) -> None:
    configuration = Configuration(host=sandbox.url, client_id=CANARY_CLIENT_ID, client_secret=CANARY_SECRET)
    configuration.debug = True
    with ApiClient(configuration, sleep=lambda s: None) as client:
        api = AdvertiserApi(client)
        api.api_portfolio_get()
        ISSUED_TOKENS.append(client.token_manager._token.header.split(" ", 1)[1])
        sandbox.revoke_all_tokens()
        api.api_portfolio_get()  # 401, refresh, retry
        ISSUED_TOKENS.append(client.token_manager._token.header.split(" ", 1)[1])
        jwt = OAuthApi(client).create_token(client_id=CANARY_CLIENT_ID, client_secret=CANARY_SECRET)
        ISSUED_TOKENS.append(jwt.access_token)
        remember(jwt, configuration, client.token_manager._token, configuration.to_debug_report())
        sandbox.script("/oauth2/token", [Fault(status=200, body={"access_token": jwt.access_token, "expires_in": "x"})])
        with pytest.raises(exceptions.MalformedResponseError) as malformed:
            OAuthApi(client).create_token(client_id=CANARY_CLIENT_ID, client_secret=CANARY_SECRET)
        remember(malformed.value)
        with pytest.raises(exceptions.BadRequestException) as refused:
            OAuthApi(client).create_token(client_id=CANARY_CLIENT_ID, client_secret=CANARY_SECRET + "x")
        remember(refused.value)
    configuration.debug = False
    assert len(ISSUED_TOKENS) == 3
    assert_clean(canary_texts())


def test_crieto_log_debug_in_a_fresh_process_leaks_nothing(sandbox) -> None:
    script = textwrap.dedent(
        f"""
        from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration, ApiException
        from criteo_api_marketingsolutions_v2020_10.api.advertiser_api import AdvertiserApi
        from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi
        cfg = Configuration(host={sandbox.url!r}, client_id={CANARY_CLIENT_ID!r}, client_secret={CANARY_SECRET!r})
        with ApiClient(cfg) as client:
            AdvertiserApi(client).api_portfolio_get()
            print(client.token_manager._token.header.split(" ", 1)[1])
            try:
                OAuthApi(client).create_token(client_id={CANARY_CLIENT_ID!r}, client_secret="wrong")
            except ApiException as error:
                print(repr(error))
        """
    )
    env = {**os.environ, "CRITEO_LOG": "debug", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    token = done.stdout.splitlines()[0]
    ISSUED_TOKENS.append(token)
    assert "DEBUG" in done.stderr and "/2021-04/advertisers/me" in done.stderr, "debug logging was not switched on"
    assert_clean([done.stderr, *done.stdout.splitlines()[1:]])


def test_everything_the_suite_produced_is_clean() -> None:
    texts = canary_texts()
    assert texts, "the canary saw nothing: the recorders are not wired"
    assert_clean(texts)
