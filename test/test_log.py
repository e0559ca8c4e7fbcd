"""Logging: silent by default, opt-in by environment, and redacted."""

from __future__ import annotations

import base64
import logging
import sys
from typing import List
from urllib.parse import quote, quote_plus

import pytest

from criteo_api_marketingsolutions_v2020_10 import _log, _secrets


def test_package_logger_has_only_a_null_handler_by_default() -> None:
    logger = logging.getLogger("criteo_api_marketingsolutions_v2020_10")
    assert any(isinstance(h, logging.NullHandler) for h in logger.handlers)
    for name in ("api_client", "rest", "_auth", "configuration"):
        child = logging.getLogger(f"criteo_api_marketingsolutions_v2020_10.{name}")
        assert child.parent is logger or child.parent.name.startswith("criteo_api_marketingsolutions_v2020_10")


def test_redact_blanks_tokens_and_secret_fields() -> None:
    text = (
        'Authorization: Bearer eyJ.abc-def_ghi Basic dXNlcjpwYXNz '
        'client_secret=s3cr%2Bt&x=1 {"access_token": "tok", "password": "pw"}'
    )
    cleaned = _log.redact(text)
    for secret in ("eyJ.abc-def_ghi", "dXNlcjpwYXNz", "s3cr%2Bt", '"tok"', '"pw"'):
        assert secret not in cleaned
    assert "x=1" in cleaned


def test_redact_headers_masks_credentials_only() -> None:
    headers = {"Authorization": "Bearer t", "Cookie": "c", "Accept": "application/json"}
    assert _log.redact_headers(headers) == {"Authorization": "***", "Cookie": "***", "Accept": "application/json"}


def test_redacting_filter_rewrites_records() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "sent %s", ("client_secret=abc",), None)
    assert _log.RedactingFilter().filter(record)
    assert record.getMessage() == "sent client_secret=***"


def test_criteo_log_env_switches_on_this_package_only(monkeypatch) -> None:
    package = logging.getLogger("criteo_api_marketingsolutions_v2020_10")
    urllib3_level = logging.getLogger("urllib3").level
    previous_level, previous_handler = package.level, _log._env_handler
    try:
        _log.configure_from_env({"CRITEO_LOG": "info"})
        assert package.level == logging.INFO
        assert _log._env_handler in package.handlers
        assert any(isinstance(f, _log.RedactingFilter) for f in _log._env_handler.filters)
        _log.configure_from_env({"CRITEO_LOG": "nonsense"})
        assert package.level == logging.INFO
        assert logging.getLogger("urllib3").level == urllib3_level
    finally:
        if _log._env_handler is not previous_handler:
            package.removeHandler(_log._env_handler)
            _log._env_handler = previous_handler
        package.setLevel(previous_level)


# ---------------------------------------------------------------- known secret values

KNOWN = "log-s3cret+/=&%:£ x7"


@pytest.fixture
def known_secret():
    _secrets.register(KNOWN)
    yield KNOWN
    _secrets.forget(KNOWN)


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: List[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


def test_redacting_filter_blanks_known_values_in_every_shape(known_secret) -> None:
    for shape in (known_secret, quote_plus(known_secret), base64.b64encode(known_secret.encode()).decode()):
        record = logging.LogRecord("x", logging.INFO, __file__, 1, "sent %s and %d", (f"v={shape}", 3), None)
        assert _log.RedactingFilter().filter(record)
        assert record.getMessage() == "sent v=*** and 3"


def test_redacting_filter_cleans_exceptions_and_stack_text(known_secret) -> None:
    try:
        try:
            raise ValueError(f"inner {known_secret}")
        except ValueError as inner:
            raise RuntimeError("outer", {"token": known_secret}) from inner
    except RuntimeError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", None, sys.exc_info())
    record.exc_text = f"Traceback ... {known_secret}"
    record.stack_info = f"Stack ... {known_secret}"
    _log.RedactingFilter().filter(record)
    assert known_secret not in logging.Formatter().format(record)
    assert record.exc_info[1].args == ("outer", {"token": "***"})
    assert record.exc_info[1].__cause__.args == ("inner ***",)


def test_a_broken_format_string_is_left_for_logging_to_report() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "%d items", ("not a number",), None)
    assert _log.KnownSecretsFilter().filter(record)
    assert record.msg == "%d items" and record.args == ("not a number",)


def test_every_urllib3_logger_carries_the_known_secrets_filter_and_nothing_else_changes() -> None:
    before = {name: (logging.getLogger(name).level, list(logging.getLogger(name).handlers)) for name in _log.URLLIB3_LOGGERS}
    _log.protect_loggers()
    _log.protect_loggers()  # idempotent
    for name in _log.URLLIB3_LOGGERS:
        logger = logging.getLogger(name)
        assert [type(f) for f in logger.filters].count(_log.KnownSecretsFilter) == 1, name
        assert (logger.level, list(logger.handlers)) == before[name]
        assert not any(isinstance(f, _log.RedactingFilter) for f in logger.filters)


def test_urllib3_records_lose_known_values_only(known_secret) -> None:
    # Only the known value changes: patterns such as "Bearer ..." are urllib3's business.
    child = logging.getLogger("urllib3.connectionpool")
    record = child.makeRecord(child.name, logging.DEBUG, __file__, 1, '"GET /x?k=%s HTTP/1.1" %s Bearer abc', (quote(known_secret, safe=""), 200), None)
    assert child.filter(record)
    assert record.getMessage() == '"GET /x?k=*** HTTP/1.1" 200 Bearer abc'
    plain = child.makeRecord(child.name, logging.DEBUG, __file__, 1, "Starting new HTTP connection (%d): %s", (1, "h"), None)
    assert child.filter(plain) and plain.args == (1, "h")


def test_real_urllib3_debug_lines_reach_a_urllib3_handler_scrubbed(sandbox, known_secret) -> None:
    import urllib3

    handler = _Lines()
    top = logging.getLogger("urllib3")
    previous = top.level
    top.addHandler(handler)
    top.setLevel(logging.DEBUG)
    try:
        with urllib3.PoolManager() as pool:
            pool.request("GET", f"{sandbox.url}/2021-04/advertisers/me?key={quote(known_secret, safe='')}")
    finally:
        top.removeHandler(handler)
        top.setLevel(previous)
    assert any("/2021-04/advertisers/me?key=***" in line for line in handler.lines), handler.lines
    for line in handler.lines:
        assert known_secret not in line and quote(known_secret, safe="") not in line


def test_package_loggers_get_the_redacting_filter(known_secret) -> None:
    logger = _log.get_logger("criteo_api_marketingsolutions_v2020_10.some_module")
    assert _log.get_logger(logger.name) is logger
    assert [type(f) for f in logger.filters].count(_log.RedactingFilter) == 1
    handler = _Lines()
    package = logging.getLogger("criteo_api_marketingsolutions_v2020_10")
    package.addHandler(handler)
    try:
        logger.warning("token %s; form client_secret=abc", known_secret)
    finally:
        package.removeHandler(handler)
    assert handler.lines == ["token ***; form client_secret=***"]
    existing = logging.getLogger("criteo_api_marketingsolutions_v2020_10.made_elsewhere")
    _log.protect_loggers()
    assert any(isinstance(f, _log.RedactingFilter) for f in existing.filters)


def test_render_headers_masks_credentials_and_bounds_the_text() -> None:
    text = _log.render_headers({"Cookie": "c=1", "X-A": "x" * 1000, "X-B": "line\nbreak"})
    assert "c=1" not in text and "x" * 250 not in text and "\n" not in text


def test_loggers_made_later_get_the_filter_when_a_new_secret_arrives() -> None:
    late = logging.getLogger("criteo_api_marketingsolutions_v2020_10.made_after_import")
    assert not late.filters
    value = "brand-new-value-for-loggers"
    _secrets.register(value)
    try:
        assert any(isinstance(f, _log.RedactingFilter) for f in late.filters)
    finally:
        _secrets.forget(value)
