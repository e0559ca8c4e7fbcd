"""Logging: silent by default, opt-in by environment, and redacted."""

from __future__ import annotations

import logging

from criteo_api_marketingsolutions_v2020_10 import _log


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
