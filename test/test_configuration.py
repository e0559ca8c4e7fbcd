"""Configuration: every setting is read, secrets stay hidden, defaults are shared safely."""

from __future__ import annotations

import copy
import logging

import pytest
import urllib3

from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration
from criteo_api_marketingsolutions_v2020_10.exceptions import ApiKeyError, ApiValueError
from criteo_api_marketingsolutions_v2020_10.rest import RESTClientObject

SECRET = "cfg-secret-value"


def test_default_host_and_server_settings() -> None:
    cfg = Configuration()
    assert cfg.host == "https://api.criteo.com"
    assert cfg.server_index == 0
    assert cfg.get_host_settings()[0]["url"] == "https://api.criteo.com"
    assert cfg.get_host_from_settings(0) == "https://api.criteo.com"
    with pytest.raises(ApiValueError, match="Invalid server index"):
        cfg.get_host_from_settings(3)
    servers = [{"url": "https://{region}.example.test", "variables": {"region": {"default_value": "eu", "enum_values": ["eu", "us"]}}}]
    assert cfg.get_host_from_settings(0, {"region": "us"}, servers) == "https://us.example.test"
    assert cfg.get_host_from_settings(0, None, servers) == "https://eu.example.test"
    with pytest.raises(ApiValueError, match="region"):
        cfg.get_host_from_settings(0, {"region": "mars"}, servers)
    with pytest.raises(ApiKeyError):
        cfg.get_host_from_settings(0, {"zone": "x"}, servers)


def test_explicit_host_wins_over_server_index() -> None:
    cfg = Configuration(host="http://127.0.0.1:9")
    assert cfg.server_index is None and cfg.host == "http://127.0.0.1:9"
    cfg = Configuration()
    cfg.host = "http://localhost:1"
    assert cfg.host == "http://localhost:1"


def test_host_wins_over_server_index_in_the_constructor_and_the_setter() -> None:
    given = Configuration(host="http://127.0.0.1:9", server_index=0)
    assert given.host == "http://127.0.0.1:9" and given.server_index is None
    assigned = Configuration(server_index=0)
    assert assigned.host == "https://api.criteo.com" and assigned.server_index == 0
    assigned.host = "http://127.0.0.1:9"
    assert assigned.host == "http://127.0.0.1:9" and assigned.server_index is None
    assigned.server_index = 0  # assigning the index later selects that server again
    assert assigned.host == "https://api.criteo.com"
    assert Configuration.from_env({"CRITEO_API_HOST": "http://127.0.0.1:5"}, server_index=0).host == "http://127.0.0.1:5"
    with pytest.raises(ApiValueError, match="Invalid server index"):
        _ = Configuration(server_index=1).host
    with pytest.raises(ApiValueError, match="Invalid server index"):
        Configuration().get_host_from_settings(True)  # type: ignore[arg-type]


def test_calls_go_to_the_given_host_even_with_a_server_index(sandbox) -> None:
    from criteo_api_marketingsolutions_v2020_10.api.advertiser_api import AdvertiserApi
    from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

    cfg = Configuration(host=sandbox.url, server_index=0, client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET)
    # Should a call go to the production server instead, it meets a proxy where nothing listens.
    cfg.proxy, cfg.no_proxy, cfg.retries = "http://127.0.0.1:9", "127.0.0.1", 0
    with ApiClient(cfg) as client:
        AdvertiserApi(client).api_portfolio_get()
        AdvertiserApi(client).api_portfolio_get()
    assert sandbox.token_requests == 1 and sandbox.api_requests == 2


def test_credentials_under_both_names() -> None:
    cfg = Configuration(username="id", password=SECRET)
    assert cfg.client_id == "id" and cfg.client_secret == SECRET and cfg.has_client_credentials
    cfg = Configuration(client_id="id", client_secret=SECRET)
    assert cfg.username == "id" and cfg.password == SECRET
    with pytest.raises(ApiValueError, match="same credential"):
        Configuration(client_id="a", username="b")
    assert not Configuration(access_token="t").has_client_credentials


def test_from_env_reads_the_three_variables_and_overrides_win() -> None:
    env = {"CRITEO_CLIENT_ID": "env-id", "CRITEO_CLIENT_SECRET": SECRET, "CRITEO_API_HOST": "http://127.0.0.1:5"}
    cfg = Configuration.from_env(env)
    assert (cfg.client_id, cfg.client_secret, cfg.host) == ("env-id", SECRET, "http://127.0.0.1:5")
    assert Configuration.from_env(env, host="http://other").host == "http://other"
    assert Configuration.from_env({}).client_id is None


def test_auth_settings_from_access_token_or_api_key() -> None:
    assert Configuration().auth_settings() == {}
    bearer = Configuration(access_token="tok").auth_settings()["Authorization"]
    assert bearer == {"type": "oauth2", "in": "header", "key": "Authorization", "value": "Bearer tok"}
    keyed = Configuration(api_key={"Authorization": "abc"}, api_key_prefix={"Authorization": "Bearer"})
    assert keyed.get_api_key_with_prefix("Authorization") == "Bearer abc"
    assert keyed.auth_settings()["Authorization"]["value"] == "Bearer abc"
    calls = []
    keyed.refresh_api_key_hook = lambda c: calls.append(c)
    keyed.get_api_key_with_prefix("Authorization")
    assert calls == [keyed]
    assert Configuration(username="u", password="p").get_basic_auth_token() == "Basic dTpw"


def test_repr_and_debug_report_hide_secrets() -> None:
    cfg = Configuration(client_id="id", client_secret=SECRET, access_token="tok-" + SECRET)
    cfg.api_key = {"Authorization": SECRET}
    assert SECRET not in repr(cfg)
    report = cfg.to_debug_report()
    assert SECRET not in report and "Python Version" in report and "SDK Package Version" in report


def test_default_configuration_is_copied_not_shared() -> None:
    try:
        base = Configuration(host="http://default.test")
        Configuration.set_default(base)
        base.host = "http://changed.test"
        first = Configuration.get_default_copy()
        assert first.host == "http://default.test"
        first.host = "http://mine.test"
        assert Configuration.get_default_copy().host == "http://default.test"
        assert ApiClient().configuration.host == "http://default.test"
    finally:
        Configuration.set_default(None)
    assert Configuration.get_default_copy().host == "https://api.criteo.com"


def test_deepcopy_keeps_loggers_but_copies_settings() -> None:
    cfg = Configuration(api_key={"Authorization": "a"})
    clone = copy.deepcopy(cfg)
    clone.api_key["Authorization"] = "b"
    assert cfg.api_key["Authorization"] == "a"
    assert clone.logger["package_logger"] is cfg.logger["package_logger"]


def test_disabled_client_side_validations_are_checked() -> None:
    Configuration(disabled_client_side_validations="maxLength,pattern")
    with pytest.raises(ApiValueError, match="notAKeyword"):
        Configuration(disabled_client_side_validations="maxLength,notAKeyword")


def test_building_a_configuration_touches_no_logger() -> None:
    watched = [logging.getLogger(name) for name in ("urllib3", "http.client", "criteo_api_marketingsolutions_v2020_10")]
    before = [(lg.level, list(lg.handlers)) for lg in watched]
    import http.client

    debuglevel = http.client.HTTPConnection.debuglevel
    Configuration()
    assert [(lg.level, list(lg.handlers)) for lg in watched] == before
    cfg = Configuration()
    cfg.debug = True
    try:
        assert logging.getLogger("criteo_api_marketingsolutions_v2020_10").level == logging.DEBUG
        assert logging.getLogger("urllib3").level == before[0][0]
        assert http.client.HTTPConnection.debuglevel == debuglevel
    finally:
        cfg.debug = False
    assert [(lg.level, list(lg.handlers)) for lg in watched] == before


def test_logger_file_receives_redacted_records(tmp_path) -> None:
    cfg = Configuration()
    cfg.logger_format = "%(levelname)s %(message)s"
    cfg.logger_file = str(tmp_path / "sdk.log")
    try:
        logging.getLogger("criteo_api_marketingsolutions_v2020_10.test").warning(
            "sending Authorization: Bearer abc.def and client_secret=%s", SECRET
        )
    finally:
        cfg.logger_file = None
    text = (tmp_path / "sdk.log").read_text()
    assert text.startswith("WARNING sending")
    assert "abc.def" not in text and SECRET not in text


def test_pool_settings_reach_urllib3() -> None:
    cfg = Configuration()
    cfg.connection_pool_maxsize = 7
    cfg.verify_ssl = False
    cfg.assert_hostname = False
    cfg.socket_options = [(6, 1, 1)]
    cfg.cert_file = "/tmp/client.pem"
    cfg.key_file = "/tmp/client.key"
    pool = RESTClientObject(cfg).pool_manager
    kw = pool.connection_pool_kw
    assert kw["maxsize"] == 7 and kw["cert_reqs"] == 0 and kw["assert_hostname"] is False
    assert kw["socket_options"] == [(6, 1, 1)]
    assert kw["cert_file"] == "/tmp/client.pem" and kw["key_file"] == "/tmp/client.key"
    assert urllib3.Retry.from_int(kw["retries"]).total is False  # retries are done above the transport
    cfg.proxy = "http://proxy.test:3128"
    cfg.proxy_headers = {"Proxy-Authorization": "Basic eA=="}
    proxied = RESTClientObject(cfg).pool_manager
    assert isinstance(proxied, urllib3.ProxyManager)
    assert proxied.proxy.host == "proxy.test" and proxied.proxy_headers == {"Proxy-Authorization": "Basic eA=="}
    cfg2 = Configuration(ssl_ca_cert="/tmp/ca.pem")
    assert RESTClientObject(cfg2).pool_manager.connection_pool_kw["ca_certs"] == "/tmp/ca.pem"


def test_no_proxy_hosts_bypass_the_proxy() -> None:
    from criteo_api_marketingsolutions_v2020_10.rest import _bypasses_proxy, _parse_no_proxy

    entries = _parse_no_proxy("localhost, .internal.test,*.corp.test, 127.0.0.1")
    assert _bypasses_proxy("http://localhost:8080", entries)
    assert _bypasses_proxy("https://api.internal.test", entries)
    assert _bypasses_proxy("https://deep.corp.test", entries)
    assert _bypasses_proxy("http://127.0.0.1:9", entries)
    assert not _bypasses_proxy("https://api.criteo.com", entries)
    assert _bypasses_proxy("https://api.criteo.com", _parse_no_proxy("*"))
    assert not _bypasses_proxy("https://api.criteo.com", ())


def test_no_proxy_reaches_a_local_server_directly(sandbox) -> None:
    from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi
    from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

    cfg = Configuration(host=sandbox.url)
    cfg.proxy = "http://127.0.0.1:9"  # nothing listens there: using it would fail
    cfg.no_proxy = "127.0.0.1"
    cfg.retries = 0
    with ApiClient(cfg) as client:
        assert OAuthApi(client).create_token(client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET).token_type == "Bearer"
    cfg.no_proxy = None
    with ApiClient(cfg) as client, pytest.raises(Exception) as excinfo:
        OAuthApi(client).create_token(client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET)
    from criteo_api_marketingsolutions_v2020_10.exceptions import ApiConnectionError

    assert isinstance(excinfo.value, ApiConnectionError)


def test_discard_unknown_keys_drops_members_the_spec_does_not_declare(sandbox) -> None:
    import json

    from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi
    from criteo_api_marketingsolutions_v2020_10.sandbox import Fault

    body = json.dumps({"access_token": "t", "token_type": "Bearer", "expires_in": 900, "scope": "x"})
    for discard, expected in ((False, True), (True, False)):
        sandbox.script("/oauth2/token", [Fault(status=200, headers={"Content-Type": "application/json"}, body=body)])
        cfg = Configuration(host=sandbox.url, discard_unknown_keys=discard)
        with ApiClient(cfg) as client:
            jwt = OAuthApi(client).create_token(client_id="a", client_secret="b")
        assert ("scope" in jwt) is expected
        assert jwt.access_token == "t"
