"""Exit codes, the one-line failure the commands raise, and how an API error is summed up in one line."""

from __future__ import annotations

from typing import Any, Callable

from criteo_api_marketingsolutions_v2020_10 import _log, _secrets

__all__ = [
    "EXIT_API_ERROR",
    "EXIT_CODES_HELP",
    "EXIT_CONNECTION",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "Failure",
    "first_error",
    "safe_line",
]

EXIT_OK, EXIT_API_ERROR, EXIT_USAGE, EXIT_CONNECTION = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C

#: The epilog of every ``--help``.
EXIT_CODES_HELP = """exit codes:
  0    success
  1    the API refused the request (or an internal error)
  2    usage error: a bad option or value, missing credentials
  3    network problem, timeout, or an answer the SDK cannot read
  130  interrupted (Ctrl-C)
Every failure prints one line on stderr."""


class Failure(Exception):
    """A failure to report as ``error: <message>`` on one line, exiting with ``code``."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def safe_line(text: str) -> str:
    """``text`` fit for stderr: on one line, with bearer tokens, secret fields and known secrets blanked."""
    return _log.one_line(_secrets.scrub_text(_log.redact(text)), 500)


def first_error(error: Any) -> str:
    """``code: title`` of the first error of an API answer (``error: description`` for OAuth), or its reason."""
    data = error.data
    getter = getattr(data, "get", None)
    if getter is None:
        return str(error.reason)
    if getter("error"):  # the token endpoint's OAuth2Error
        return f"{getter('error')}: {getter('error_description') or ''}".rstrip(": ")
    # A list of errors (audiences, ad sets), or one flat error (reports).
    first = next(iter(getter("errors") or ()), data)
    read: Callable[[str], Any] = getattr(first, "get", None) or (lambda name: None)
    parts = [read(name) for name in ("code", "title")]
    return ": ".join(str(part) for part in parts if part) or str(error.reason)
