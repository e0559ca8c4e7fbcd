"""Where a command sends its calls, with which credentials, and how each failure becomes one line.

Credentials come from ``--client-id``/``--client-secret`` or ``CRITEO_CLIENT_ID``/``CRITEO_CLIENT_SECRET``,
the host from ``--host`` or ``CRITEO_API_HOST``; ``--sandbox`` starts an embedded sandbox and uses its demo
client. ``--verbose`` sends the SDK's debug records to stderr through its redacting handler.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from typing import Any, Callable, Generator, Tuple

from criteo_api_marketingsolutions_v2020_10 import _constants, _log
from criteo_api_marketingsolutions_v2020_10.cli._errors import (
    EXIT_API_ERROR,
    EXIT_CONNECTION,
    EXIT_USAGE,
    Failure,
    first_error,
    safe_line,
)

__all__ = ["add_connection_options", "run", "target"]

DEFAULT_TIMEOUT = 30.0


def add_connection_options(parser: argparse.ArgumentParser) -> None:
    """Add the options of every command that calls the API to ``parser``, as its ``connection`` group."""
    group = parser.add_argument_group("connection")
    group.add_argument("--client-id", help=f"OAuth client id (default: ${_constants.ENV_CLIENT_ID})")
    group.add_argument("--client-secret", help=f"OAuth client secret (default: ${_constants.ENV_CLIENT_SECRET})")
    default_host = f"${_constants.ENV_API_HOST} or {_constants.DEFAULT_HOST}"
    group.add_argument("--host", help=f"API base URL (default: {default_host})")
    group.add_argument("--sandbox", action="store_true", help="run against an embedded sandbox (no network)")
    group.add_argument(
        "--timeout", type=_positive_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
        help="seconds before giving up waiting (default: 30)",
    )
    group.add_argument("--verbose", action="store_true", help="write the SDK's debug log to stderr (redacted)")


def _positive_seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not seconds > 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return seconds


@contextlib.contextmanager
def target(args: argparse.Namespace) -> Generator[Tuple[str, str, str], None, None]:
    """Yield (host, client_id, client_secret) for the commands that call the API."""
    client_id = args.client_id or os.environ.get(_constants.ENV_CLIENT_ID)
    client_secret = args.client_secret or os.environ.get(_constants.ENV_CLIENT_SECRET)
    if args.sandbox:
        from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Sandbox

        with Sandbox() as sandbox:
            yield sandbox.url, client_id or DEMO_CLIENT_ID, client_secret or DEMO_CLIENT_SECRET
        return
    if not client_id or not client_secret:
        env = f"{_constants.ENV_CLIENT_ID} and {_constants.ENV_CLIENT_SECRET}"
        raise Failure(f"missing credentials: pass --client-id/--client-secret or set {env}", EXIT_USAGE)
    yield args.host or os.environ.get(_constants.ENV_API_HOST) or _constants.DEFAULT_HOST, client_id, client_secret


@contextlib.contextmanager
def _debug_log_on_stderr(configuration: Any, enabled: bool) -> Generator[None, None, None]:
    """While ``enabled``: the package logger at DEBUG (``Configuration.debug``) into a redacting stderr handler."""
    if not enabled:
        yield
        return
    # The stream is looked up now, not at import, so that a replaced sys.stderr (tests, wrappers) gets the lines.
    handler = _log.make_handler(logging.StreamHandler(sys.stderr))
    handler.setLevel(logging.DEBUG)
    _log.package_logger.addHandler(handler)
    configuration.debug = True
    try:
        yield
    finally:
        configuration.debug = False
        _log.package_logger.removeHandler(handler)


def run(args: argparse.Namespace, what: str, work: Callable[[Any], Any], refused: str = "request") -> Any:
    """Call ``work(api_client)`` against the target; map every failure to one line and an exit code.

    ``what`` says what could not be done ("cannot {what} from host"), ``refused`` what the API refused.
    """
    from criteo_api_marketingsolutions_v2020_10 import Configuration

    with target(args) as (host, client_id, client_secret):
        configuration = Configuration(host=host, client_id=client_id, client_secret=client_secret)
        configuration.call_deadline = args.timeout
        configuration.request_timeout = args.timeout
        with _debug_log_on_stderr(configuration, bool(getattr(args, "verbose", False))):
            return _call(configuration, host, what, work, refused)


def _call(configuration: Any, host: str, what: str, work: Callable[[Any], Any], refused: str) -> Any:
    from criteo_api_marketingsolutions_v2020_10 import ApiClient, exceptions

    try:
        with ApiClient(configuration) as api_client:
            return work(api_client)
    except (exceptions.ApiConnectionError, exceptions.MalformedResponseError) as error:
        raise Failure(f"cannot {what} from {host}: {safe_line(str(error.reason))}", EXIT_CONNECTION) from None
    except exceptions.ApiException as error:
        summary = safe_line(first_error(error))
        raise Failure(f"{refused} refused ({error.status}): {summary}", EXIT_API_ERROR) from None
    except exceptions.OpenApiException as error:
        raise Failure(f"invalid input: {safe_line(str(error))}", EXIT_USAGE) from None
    except BrokenPipeError:  # stdout's reader went away: not a failure of the call, main ends quietly
        raise
    except OSError as error:
        raise Failure(f"cannot {what}: {safe_line(str(error.strerror or error))}", EXIT_USAGE) from None
