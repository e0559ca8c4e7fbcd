"""Logging: one logger per module under the package logger, which has only a ``NullHandler``.

``CRITEO_LOG=debug`` (or ``info``...) sends this package's records to stderr. Secrets are kept out of
records where they are made; ``RedactingFilter`` is a second net on this package's handlers and loggers.
urllib3's loggers get a ``KnownSecretsFilter``, which blanks only the values ``_secrets`` knows.
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
# Bearer tokens, basic credentials, form and JSON secrets; ``re`` compiles (and caches) them on first use.
_PATTERNS = (
    r"(?i)(bearer\s+)[A-Za-z0-9\-._~+/]+=*",
    r"(?i)(basic\s+)[A-Za-z0-9+/]+=*",
    r"(?i)((?:client_secret|password|access_token|refresh_token)=)[^&\s]+",
    r'(?i)("(?:client_secret|password|access_token|refresh_token)"\s*:\s*")[^"]*',
)
_LEVELS: Dict[str, int] = {n: getattr(logging, n) for n in ("DEBUG", "INFO", "WARNING", "WARN", "ERROR", "CRITICAL")}
#: urllib3's loggers: each gets a filter, as filters do not see the records propagated from children.
URLLIB3_LOGGERS: Tuple[str, ...] = (
    "urllib3", "urllib3.connectionpool", "urllib3.connection", "urllib3.response", "urllib3.poolmanager",
    "urllib3.util.retry",
)
_env_handler: Optional[logging.Handler] = None


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
    return f"{parts} (+{len(shown) - limit} more)" if len(shown) > limit else f"{parts}"


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
        record.msg, record.args = cleaned, None
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
    """Put the filters on urllib3's loggers and on every logger of this package created so far (idempotent)."""
    for name in URLLIB3_LOGGERS:
        _attach(logging.getLogger(name), KnownSecretsFilter)
    _attach(package_logger, RedactingFilter)
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if name.startswith(PACKAGE_NAME + ".") and isinstance(logger, logging.Logger):
            _attach(logger, RedactingFilter)


def make_handler(handler: logging.Handler, fmt: Optional[str] = None) -> logging.Handler:
    """Give ``handler`` this package's format and the redacting filter."""
    handler.setFormatter(logging.Formatter(fmt or DEFAULT_LOG_FORMAT))
    handler.addFilter(RedactingFilter())
    return handler


def configure_from_env(environ: Optional[Mapping[str, str]] = None) -> None:
    """Honour ``CRITEO_LOG=debug|info|warning``: log this package to stderr at that level."""
    global _env_handler
    level = _LEVELS.get((environ if environ is not None else os.environ).get(ENV_LOG, "").strip().upper())
    if level is None:
        return
    package_logger.setLevel(level)
    if _env_handler is None:
        _env_handler = make_handler(logging.StreamHandler())
        package_logger.addHandler(_env_handler)
    protect_loggers()


protect_loggers()
# Loggers created later (every module of the package) get their filter when the first secret is learnt.
_secrets.on_new_value(protect_loggers)
