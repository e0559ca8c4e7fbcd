"""Secrets stay out of every exception, however hostile the server: malformed token
answers, servers that echo the secret or the token, on both transports."""

from __future__ import annotations

import json
import logging
from typing import Any, Iterator, List

import pytest
from conftest import CANARY_CLIENT_ID, CANARY_SECRET, secret_forms

from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration, exceptions
from criteo_api_marketingsolutions_v2020_10.api.advertiser_api import AdvertiserApi
from criteo_api_marketingsolutions_v2020_10.rest import RequestsTransport
from criteo_api_marketingsolutions_v2020_10.sandbox import Fault

TOKEN_PATH = "/oauth2/token"
PORTFOLIO = "/2021-04/advertisers/me"
#: A token the hostile server puts in its broken answers; the SDK never learns it is one.
LEAKED = "leaked-token-Zq9vX2"


def chain(error: BaseException) -> Iterator[BaseException]:
    seen = set()
    pending = [error]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
        pending.extend(a for a in current.args if isinstance(a, BaseException))


def texts(error: BaseException) -> List[str]:
    found = []
    for item in chain(error):
        found += [str(item), repr(item), repr(item.args)]
        for name in ("reason", "body", "headers", "data"):
            value = getattr(item, name, None)
            if value is not None:
                found.append(value.decode("utf-8", "replace") if isinstance(value, bytes) else repr(value))
        found.append(repr(vars(item)) if hasattr(item, "__dict__") else "")
    return found


def assert_clean(error: BaseException, *secrets: str) -> None:
    everything = "\n".join(texts(error))
    for secret in secrets:
        for form in secret_forms(secret):
            assert form not in everything, f"{form!r} leaked"


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: List[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture
def records() -> Iterator[Records]:
    handler = Records()
    loggers = [logging.getLogger(name) for name in ("criteo_api_marketingsolutions_v2020_10", "urllib3")]
    for logger in loggers:
        logger.addHandler(handler)
    previous = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
    yield handler
    for logger, level in zip(loggers, previous):
        logger.removeHandler(handler)
        logger.setLevel(level)


@pytest.fixture(params=["urllib3", "requests"])
def managed(request, sandbox) -> Iterator[ApiClient]:
    configuration = Configuration(host=sandbox.url, client_id=CANARY_CLIENT_ID, client_secret=CANARY_SECRET)
    configuration.retries = 0
    configuration.call_deadline = 2.0
    transport = RequestsTransport(configuration=configuration) if request.param == "requests" else None
    with ApiClient(configuration, transport=transport, sleep=lambda s: None) as client:
        yield client


TOKEN_BODY = json.dumps({"access_token": LEAKED, "token_type": "Bearer", "expires_in": 900}).encode()

HOSTILE_TOKEN_ANSWERS = {
    "no status line": Fault(raw=TOKEN_BODY),
    "cr-only line endings": Fault(raw=b"HTTP/1.1 200 OK\rContent-Type: application/json\rContent-Length: %d\r\r" % len(TOKEN_BODY) + TOKEN_BODY),
    "bad chunk size": Fault(raw=b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n" + LEAKED.encode() + b"\r\n" + TOKEN_BODY + b"\r\n0\r\n\r\n"),
    "token in a list": Fault(status=200, body={"access_token": [LEAKED], "token_type": "Bearer"}),
    "token as an object": Fault(status=200, body={"access_token": {"value": LEAKED}}),
    "undecodable bytes": Fault(status=200, body=b'{"access_token": "' + LEAKED.encode() + b'\xff\xfe"}', content_type="application/json"),
    "secret echoed in a header of an error": Fault(status=500, headers={"X-Debug": "got " + CANARY_SECRET}),
    "unknown token type": Fault(status=200, body={"access_token": LEAKED, "token_type": "Basic " + LEAKED}),
    "html error echoing the token": Fault(status=502, body=f"<p>{LEAKED}</p>", content_type="text/html"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_TOKEN_ANSWERS))
def test_hostile_token_answers_leak_nothing(managed, sandbox, records, case) -> None:
    sandbox.script(TOKEN_PATH, HOSTILE_TOKEN_ANSWERS[case])
    with pytest.raises(exceptions.ApiException) as excinfo:
        AdvertiserApi(managed).api_portfolio_get()
    assert isinstance(excinfo.value, exceptions.TokenRefreshError)
    assert_clean(excinfo.value, CANARY_SECRET, LEAKED)
    for line in records.lines:
        for form in secret_forms(CANARY_SECRET) + secret_forms(LEAKED):
            assert form not in line


def test_a_token_server_echoing_the_secret_leaks_nothing(managed, sandbox, records) -> None:
    sandbox.script(TOKEN_PATH, Fault(status=400, echo=True))
    with pytest.raises(exceptions.TokenRefreshError) as excinfo:
        AdvertiserApi(managed).api_portfolio_get()
    assert_clean(excinfo.value, CANARY_SECRET)
    assert not any(CANARY_SECRET in line for line in records.lines)


def test_an_api_server_echoing_the_token_leaks_nothing(managed, sandbox, records) -> None:
    AdvertiserApi(managed).api_portfolio_get()
    token = managed.token_manager.current().header.split(" ", 1)[1]
    sandbox.script(PORTFOLIO, Fault(status=403, echo=True))
    with pytest.raises(exceptions.ForbiddenException) as excinfo:
        AdvertiserApi(managed).api_portfolio_get()
    assert_clean(excinfo.value, token, CANARY_SECRET)
    assert not any(token in line for line in records.lines)


def test_a_fixed_token_echoed_in_a_401_leaks_nothing(sandbox) -> None:
    token = "fixed-token-" + "k" * 20
    configuration = Configuration(host=sandbox.url, access_token=token)
    with ApiClient(configuration) as client:
        sandbox.script(PORTFOLIO, Fault(status=401, echo=True))
        with pytest.raises(exceptions.UnauthorizedException) as excinfo:
            AdvertiserApi(client).api_portfolio_get()
    assert_clean(excinfo.value, token)


def collect(error: Any) -> List[BaseException]:
    return list(chain(error))


def test_the_chain_walker_finds_causes_and_contexts() -> None:
    inner = ValueError("inner")
    outer = RuntimeError("outer")
    outer.__cause__ = inner
    assert collect(outer) == [outer, inner]


@pytest.mark.parametrize("kind", ["urllib3", "requests"])
def test_a_transport_used_alone_never_quotes_the_credentials_it_sent(sandbox, kind) -> None:
    # No client registered this token: the transport registers what it sent when the request fails, so an
    # answer echoing it in a header is not quoted by the error that renders the headers.
    from urllib3 import Timeout

    from criteo_api_marketingsolutions_v2020_10.rest import RESTClientObject

    token = "alone-token-" + "q" * 24
    head = f"HTTP/1.1 200 OK\r\nX-Echo: Bearer {token}\r\nContent-Length: 5000\r\n\r\n".encode()
    sandbox.script(PORTFOLIO, Fault(raw=head + b"x" * 5000))
    configuration = Configuration(host=sandbox.url)
    transport = RESTClientObject(configuration) if kind == "urllib3" else RequestsTransport(configuration=configuration)
    with pytest.raises(exceptions.MalformedResponseError) as excinfo:
        transport.request("GET", sandbox.url + PORTFOLIO, {"Authorization": f"Bearer {token}"}, None,
                          Timeout(connect=2.0, read=2.0), max_body=1000)
    assert_clean(excinfo.value, token)
