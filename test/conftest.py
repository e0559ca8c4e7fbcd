"""Shared fixtures: a real sandbox on 127.0.0.1, clients bound to it, a fake clock,
and the secret canary that every test feeds."""

from __future__ import annotations

import base64
import json
import logging
import threading
from typing import Any, Iterator, List
from urllib.parse import quote, quote_plus

import pytest

from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration
from criteo_api_marketingsolutions_v2020_10.exceptions import OpenApiException
from criteo_api_marketingsolutions_v2020_10.rest import RequestsTransport
from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Sandbox

#: Secrets that must never appear in a log record, repr or exception message.
#: They include characters that change under percent- and base64-encoding.
CANARY_SECRET = "canary-s3cret+/=&%:£€ x"
CANARY_CLIENT_ID = "canary-client"


class FakeClock:
    """A monotonic clock and sleep that tests move by hand; sleeping advances time."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.sleeps: List[float] = []
        self._lock = threading.Lock()

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.now += seconds

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.now += seconds


class _RecordEverything(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.messages: List[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(self.format(record))


_canary_handler = _RecordEverything()
#: Texts produced during the run (reprs, exception messages) checked at the end.
produced_texts: List[str] = []


def secret_forms(secret: str) -> List[str]:
    """The ways a secret can show up in text: raw, percent-encoded, base64 (also inside Basic), JSON-escaped."""
    raw = secret.encode("utf-8")
    return [
        secret,
        quote(secret, safe=""),
        quote_plus(secret),
        base64.b64encode(raw).decode(),
        base64.urlsafe_b64encode(raw).decode().rstrip("="),
        base64.b64encode(b"client-id:" + raw).decode(),
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
    ]


def remember(*objects: object) -> None:
    """Feed objects' str and repr to the canary check."""
    for obj in objects:
        produced_texts.append(str(obj))
        produced_texts.append(repr(obj))


@pytest.fixture(scope="session", autouse=True)
def _package_logs_at_debug() -> Iterator[None]:
    # Every test runs with the package logging at DEBUG into a recorder, so
    # that the canary check sees the most verbose output the SDK can produce.
    package_logger = logging.getLogger("criteo_api_marketingsolutions_v2020_10")
    urllib3_logger = logging.getLogger("urllib3")
    previous = package_logger.level
    package_logger.setLevel(logging.DEBUG)
    package_logger.addHandler(_canary_handler)
    urllib3_logger.addHandler(_canary_handler)
    yield
    package_logger.removeHandler(_canary_handler)
    urllib3_logger.removeHandler(_canary_handler)
    package_logger.setLevel(previous)


@pytest.fixture(autouse=True)
def _ungoverned_unless_asked(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    # The suite calls local sandboxes thousands of times a minute, far above Criteo's limits, which
    # the rate governor (on by default) would enforce. Configurations made in tests start without
    # limits, unless the test is marked ``governed``; test_rate_pipeline.py covers the governor.
    if request.node.get_closest_marker("governed") is None:
        monkeypatch.setattr("criteo_api_marketingsolutions_v2020_10.configuration.DEFAULT_RATE_LIMITS", None)


#: Every SDK exception created during the run, to be rendered by the canary check.
created_exceptions: List[BaseException] = []
_original_init = OpenApiException.__init__


def _recording_init(self: OpenApiException, *args: object) -> None:
    created_exceptions.append(self)
    _original_init(self, *args)


OpenApiException.__init__ = _recording_init  # type: ignore[method-assign]


def canary_texts() -> List[str]:
    """Everything the canary checks: log records, remembered texts, every SDK exception."""
    rendered = []
    for error in created_exceptions:
        rendered.append(str(error))
        rendered.append(repr(error))
        body = getattr(error, "body", None)
        if body:
            rendered.append(body.decode("utf-8", "replace"))
    return [*_canary_handler.messages, *produced_texts, *rendered]


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """A fresh sandbox with the demo client and the canary client registered."""
    with Sandbox() as sb:
        sb.register_client(CANARY_CLIENT_ID, CANARY_SECRET)
        yield sb


@pytest.fixture
def configuration(sandbox: Sandbox) -> Configuration:
    """A configuration pointing at the sandbox, without credentials."""
    return Configuration(host=sandbox.url)


@pytest.fixture
def managed_configuration(sandbox: Sandbox) -> Configuration:
    """A configuration pointing at the sandbox with the demo client credentials."""
    return Configuration(host=sandbox.url, client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET)


@pytest.fixture
def clock() -> FakeClock:
    """A fake monotonic clock whose sleep advances it."""
    return FakeClock()


@pytest.fixture
def api_client(configuration: Configuration, clock: FakeClock) -> Iterator[ApiClient]:
    """A client on the sandbox whose retries sleep on the fake clock."""
    with ApiClient(configuration, sleep=clock.sleep) as client:
        yield client


@pytest.fixture
def managed_client(managed_configuration: Configuration) -> Iterator[ApiClient]:
    """A client on the sandbox that manages its own tokens (real clock, no real sleeping)."""
    with ApiClient(managed_configuration, sleep=lambda seconds: None) as client:
        yield client


#: The call deadline of the ``fixed`` and ``managed`` clients, in seconds.
DEADLINE = 1.0


@pytest.fixture(params=["urllib3", "requests"])
def transport_name(request: pytest.FixtureRequest) -> str:
    """Each transport in turn: the test runs once over urllib3, once over requests."""
    return str(request.param)


def make_client(configuration: Configuration, transport_name: str, **kwargs: Any) -> ApiClient:
    """A client on the named transport."""
    if transport_name == "requests":
        kwargs["transport"] = RequestsTransport(configuration=configuration)
    return ApiClient(configuration, **kwargs)


@pytest.fixture
def fixed(sandbox, transport_name) -> Iterator[ApiClient]:
    """A client with a fixed token, a short deadline and no real sleeping."""
    configuration = Configuration(host=sandbox.url, access_token=sandbox.issue_token())
    configuration.call_deadline = DEADLINE
    with make_client(configuration, transport_name, sleep=lambda s: None) as client:
        yield client


@pytest.fixture
def managed(sandbox, transport_name) -> Iterator[ApiClient]:
    """A client with the demo client credentials, a short deadline and no real sleeping."""
    configuration = Configuration(host=sandbox.url, client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET)
    configuration.call_deadline = DEADLINE
    with make_client(configuration, transport_name, sleep=lambda s: None) as client:
        yield client
