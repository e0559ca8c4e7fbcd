"""Logging: one logger per module under the package logger, silent by default.

The package logger has a ``NullHandler`` and no other handler, so importing
the SDK or building a ``Configuration`` sets no level and adds no handler
anywhere: nothing is printed that was not before. Set
``CRITEO_LOG=debug`` (or ``info``) to get this package's records on stderr
without changing code. Secrets are kept out of records where they are made
(headers pass through ``redact_headers``; token bodies are never logged), and
``RedactingFilter`` is a second net on every handler this package installs
and on the package's loggers (``get_logger``; ``protect_loggers`` puts it on
those made with ``logging.getLogger`` too, whenever a new secret value is
registered).

urllib3 logs URLs and errors of the connections the SDK makes. Its loggers
get a ``KnownSecretsFilter``, which replaces only the secret values the SDK
knows (``_secrets``) and changes nothing else: no level, no handler, no
record dropped.
"""

from __future__ import annotations

import logging
import os
import re
from typing import Callable, Dict, Mapping, Optional, Tuple

from criteo_api_marketingsolutions_v2020_10 import _secrets
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


def redact_headers(headers: Mapping[str, str]) -> Dict[str, str]:
    """A copy of ``headers`` safe to log: credential headers become ``***``."""
    return {k: ("***" if k.lower() in _SENSITIVE_HEADERS else v) for k, v in headers.items()}


def one_line(text: str, limit: int = 300) -> str:
    """``text`` on one line (unprintable characters become spaces), at most ``limit`` characters."""
    flat = text if text.isprintable() else "".join(ch if ch.isprintable() else " " for ch in text)
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def render_headers(headers: Mapping[str, str], limit: int = 40) -> str:
    """Headers for a message: credentials masked, tokens redacted, each value and the count shortened."""
    try:
        shown = redact_headers(headers)
    except Exception:  # not a mapping after all
        return "(unreadable)"
    parts = {one_line(str(k), 80): one_line(redact(str(v)), 200) for k, v in list(shown.items())[:limit]}
    more = f" (+{len(shown) - limit} more)" if len(shown) > limit else ""
    return f"{parts}{more}"


#: urllib3's loggers. A logger's filters see only the records logged on that
#: logger itself, not those propagated from its children: each gets one.
URLLIB3_LOGGERS: Tuple[str, ...] = (
    "urllib3",
    "urllib3.connectionpool",
    "urllib3.connection",
    "urllib3.response",
    "urllib3.poolmanager",
    "urllib3.util.retry",
)


def _redact_all(text: str) -> str:
    return _secrets.scrub_text(redact(text))


def _rewrite(record: logging.LogRecord, clean: Callable[[str], str]) -> None:
    """Apply ``clean`` to the record's message, exception and stack text, in place."""
    try:
        message = record.getMessage()
    except Exception:  # a broken format string: logging reports it later, unchanged
        return
    cleaned = clean(message)
    if cleaned != message:
        record.msg = cleaned
        record.args = None
    if record.exc_info and record.exc_info[1] is not None:
        _secrets.scrub_chain(record.exc_info[1])
    if record.exc_text:
        record.exc_text = clean(record.exc_text)
    if record.stack_info:
        record.stack_info = clean(record.stack_info)


class RedactingFilter(logging.Filter):
    """Rewrites each record with ``redact`` and blanks every secret value the SDK knows."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Clean ``record`` in place; never drops it."""
        _rewrite(record, _redact_all)
        return True


class KnownSecretsFilter(logging.Filter):
    """Blanks only the secret values the SDK knows (``_secrets``); everything else is left as logged."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Clean ``record`` in place; never drops it."""
        _rewrite(record, _secrets.scrub_text)
        return True


def _attach(logger: logging.Logger, kind: type) -> None:
    if not any(type(f) is kind for f in logger.filters):
        logger.addFilter(kind())


def get_logger(name: str) -> logging.Logger:
    """``logging.getLogger(name)`` with the redacting filter on it: what the SDK's modules log through."""
    logger = logging.getLogger(name)
    _attach(logger, RedactingFilter)
    return logger


def protect_loggers() -> None:
    """Put the filters on urllib3's loggers and on every logger of this package created so far.

    Idempotent; levels and handlers are left alone.
    """
    for name in URLLIB3_LOGGERS:
        _attach(logging.getLogger(name), KnownSecretsFilter)
    _attach(package_logger, RedactingFilter)
    prefix = PACKAGE_NAME + "."
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if name.startswith(prefix) and isinstance(logger, logging.Logger):
            _attach(logger, RedactingFilter)


def make_handler(handler: logging.Handler, fmt: Optional[str] = None) -> logging.Handler:
    """Give ``handler`` this package's format and the redacting filter."""
    handler.setFormatter(logging.Formatter(fmt or DEFAULT_LOG_FORMAT))
    handler.addFilter(RedactingFilter())
    return handler


_env_handler: Optional[logging.Handler] = None
_LEVELS = {
    "DEBUG": logging.DEBUG,
    "INFO": logging.INFO,
    "WARNING": logging.WARNING,
    "WARN": logging.WARNING,
    "ERROR": logging.ERROR,
    "CRITICAL": logging.CRITICAL,
}


def configure_from_env(environ: Optional[Mapping[str, str]] = None) -> None:
    """Honour ``CRITEO_LOG=debug|info|warning``: log this package to stderr at that level."""
    global _env_handler
    level_name = (environ if environ is not None else os.environ).get(ENV_LOG, "").strip().upper()
    if not level_name:
        return
    level = _LEVELS.get(level_name)
    if level is None:
        return
    package_logger.setLevel(level)
    if _env_handler is None:
        _env_handler = make_handler(logging.StreamHandler())
        package_logger.addHandler(_env_handler)
    protect_loggers()


protect_loggers()
# Loggers created after this import (every module of the package) get their
# filter at the latest when the SDK learns its first secret.
_secrets.on_new_value(protect_loggers)
