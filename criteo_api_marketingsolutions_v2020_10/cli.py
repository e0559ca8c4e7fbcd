"""Command line: ``python -m criteo_api_marketingsolutions_v2020_10 {token,sandbox}``.

``token`` prints an access token (the whole response as JSON with ``--json``), with credentials from flags or
``CRITEO_CLIENT_ID``/``CRITEO_CLIENT_SECRET`` and the host from ``--host`` or ``CRITEO_API_HOST``; ``--sandbox``
runs it against an embedded sandbox with its demo client. ``sandbox`` serves the sandbox until interrupted.
Failures print one line on stderr and exit 1 when the API refused the request, 2 for bad usage or missing
credentials, 3 when the server could not be reached or answered nonsense.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from typing import Generator, Optional, Sequence, Tuple

from criteo_api_marketingsolutions_v2020_10 import _constants

EXIT_OK, EXIT_API_ERROR, EXIT_USAGE, EXIT_CONNECTION = 0, 1, 2, 3
PROG = "python -m criteo_api_marketingsolutions_v2020_10"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Criteo Marketing Solutions API 2020-10 tools.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_constants.__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    token = commands.add_parser("token", help="get an access token (client credentials)")
    token.add_argument("--client-id", help=f"OAuth client id (default: ${_constants.ENV_CLIENT_ID})")
    token.add_argument("--client-secret", help=f"OAuth client secret (default: ${_constants.ENV_CLIENT_SECRET})")
    default_host = f"${_constants.ENV_API_HOST} or {_constants.DEFAULT_HOST}"
    token.add_argument("--host", help=f"API base URL (default: {default_host})")
    token.add_argument("--json", action="store_true", help="print the whole token response as JSON")
    token.add_argument("--sandbox", action="store_true", help="run against an embedded sandbox (no network)")
    token.add_argument("--timeout", type=float, default=30.0, help="seconds before giving up (default: 30)")
    sandbox = commands.add_parser("sandbox", help="serve the local sandbox until interrupted")
    sandbox.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    sandbox.add_argument("--port", type=int, default=8080, help="port to bind, 0 for any (default: 8080)")
    return parser


class _Failure(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


@contextlib.contextmanager
def _target(args: argparse.Namespace) -> Generator[Tuple[str, str, str], None, None]:
    """Yield (host, client_id, client_secret) for the token command."""
    client_id = args.client_id or os.environ.get(_constants.ENV_CLIENT_ID)
    client_secret = args.client_secret or os.environ.get(_constants.ENV_CLIENT_SECRET)
    if args.sandbox:
        from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Sandbox

        with Sandbox() as sandbox:
            yield sandbox.url, client_id or DEMO_CLIENT_ID, client_secret or DEMO_CLIENT_SECRET
        return
    if not client_id or not client_secret:
        env = f"{_constants.ENV_CLIENT_ID} and {_constants.ENV_CLIENT_SECRET}"
        raise _Failure(f"missing credentials: pass --client-id/--client-secret or set {env}", EXIT_USAGE)
    yield args.host or os.environ.get(_constants.ENV_API_HOST) or _constants.DEFAULT_HOST, client_id, client_secret


def _token(args: argparse.Namespace) -> int:
    from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration, exceptions
    from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi

    with _target(args) as (host, client_id, client_secret):
        configuration = Configuration(host=host)
        configuration.call_deadline = args.timeout
        try:
            with ApiClient(configuration) as api_client:
                jwt = OAuthApi(api_client).create_token(
                    client_id=client_id, client_secret=client_secret, grant_type="client_credentials",
                    _request_timeout=args.timeout,
                )
        except (exceptions.ApiConnectionError, exceptions.MalformedResponseError) as error:
            raise _Failure(f"cannot get a token from {host}: {error.reason}", EXIT_CONNECTION) from None
        except exceptions.ApiException as error:
            detail = error.reason
            if error.data is not None:
                detail = f"{error.data.get('error')}: {error.data.get('error_description', '')}".rstrip(": ")
            raise _Failure(f"token request refused ({error.status}): {detail}", EXIT_API_ERROR) from None
        except exceptions.OpenApiException as error:
            raise _Failure(f"invalid input: {error}", EXIT_USAGE) from None
    print(json.dumps(jwt.to_dict(), sort_keys=True) if args.json else jwt.access_token)
    return EXIT_OK


def _sandbox(args: argparse.Namespace) -> int:
    from criteo_api_marketingsolutions_v2020_10.sandbox import serve

    try:
        serve(args.host, args.port)
    except OSError as error:
        raise _Failure(f"cannot serve on {args.host}:{args.port}: {error.strerror or error}", EXIT_USAGE) from None
    return EXIT_OK


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(list(argv) if argv is not None else None)
    try:
        return {"token": _token, "sandbox": _sandbox}[args.command](args)
    except _Failure as failure:
        print(f"error: {failure}", file=sys.stderr)
        return failure.code
    except KeyboardInterrupt:
        return 130
