"""Logging: one logger per module under the package logger, silent by default.

The package logger has a ``NullHandler`` and nothing else, so importing the
SDK or building a ``Configuration`` changes no logging anywhere. Set
``CRITEO_LOG=debug`` (or ``info``) to get this package's records on stderr
without changing code. Secrets are kept out of records where they are made
(headers pass through ``redact_headers``; token bodies are never logged), and
``RedactingFilter`` is a second net on every handler this package installs.
"""

from __future__ import annotations

import logging
import os
import re
from typing import Mapping, Optional

from criteo_api_marketingsolutions_v2020_10._constants import ENV_LOG, PACKAGE_NAME

package_logger = logging.getLogger(PACKAGE_NAME)
package_logger.addHandler(logging.NullHandler())

DEFAULT_LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_SENSITIVE_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})

# A second net for anything that reaches a handler of ours: bearer tokens,
# form-encoded or JSON secrets, and basic credentials.
# Compiled by ``re`` on first use (and cached there), not at import time.
_PATTERNS = (
    r"(?i)(bearer\s+)[A-Za-z0-9\-._~+/]+=*",
    r"(?i)(basic\s+)[A-Za-z0-9+/]+=*",
    r"(?i)((?:client_secret|password|access_token|refresh_token)=)[^&\s]+",
    r'(?i)("(?:client_secret|password|access_token|refresh_token)"\s*:\s*")[^"]*',
)


def redact(text: str) -> str:
    """Blank bearer tokens and secret fields in ``text``."""
    for pattern in _PATTERNS:
        text = re.sub(pattern, r"\1***", text)
    return text


def redact_headers(headers: Mapping[str, str]) -> dict:
    """A copy of ``headers`` safe to log: credential headers become ``***``."""
    return {k: ("***" if k.lower() in _SENSITIVE_HEADERS else v) for k, v in headers.items()}


class RedactingFilter(logging.Filter):
    """Rewrites each record's message with ``redact`` before a handler emits it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        return True


def make_handler(handler: logging.Handler, fmt: Optional[str] = None) -> logging.Handler:
    """Give ``handler`` this package's format and the redacting filter."""
    handler.setFormatter(logging.Formatter(fmt or DEFAULT_LOG_FORMAT))
    handler.addFilter(RedactingFilter())
    return handler


_env_handler: Optional[logging.Handler] = None


def configure_from_env(environ: Optional[Mapping[str, str]] = None) -> None:
    """Honour ``CRITEO_LOG=debug|info|warning``: log this package to stderr at that level."""
    global _env_handler
    level_name = (environ if environ is not None else os.environ).get(ENV_LOG, "").strip().upper()
    if not level_name:
        return
    level = logging.getLevelName(level_name)
    if not isinstance(level, int):
        return
    package_logger.setLevel(level)
    if _env_handler is None:
        _env_handler = make_handler(logging.StreamHandler())
        package_logger.addHandler(_env_handler)
