"""Command line: ``python -m criteo_api_marketingsolutions_v2020_10 {token,report,upload,sandbox}``.

``token`` prints an access token (the whole response as JSON with ``--json``). ``report`` streams a
statistics or transactions report to a file with a progress bar; ``upload`` sends a file of identifiers
(one per line) to an audience's contact list in chunks, with a progress bar, and prints the upload
report. Credentials come from flags or ``CRITEO_CLIENT_ID``/``CRITEO_CLIENT_SECRET``, the host from
``--host`` or ``CRITEO_API_HOST``; ``--sandbox`` runs against an embedded sandbox with its demo client.
``sandbox`` serves the sandbox until interrupted.

Failures print one line on stderr and exit 1 when the API refused the request, 2 for bad usage or missing
credentials, 3 when the server could not be reached or answered nonsense.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import sys
from typing import Any, Callable, Dict, Generator, Iterator, Optional, Sequence, Tuple

from criteo_api_marketingsolutions_v2020_10 import _constants

EXIT_OK, EXIT_API_ERROR, EXIT_USAGE, EXIT_CONNECTION = 0, 1, 2, 3
PROG = "python -m criteo_api_marketingsolutions_v2020_10"


def _connection_options() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--client-id", help=f"OAuth client id (default: ${_constants.ENV_CLIENT_ID})")
    options.add_argument("--client-secret", help=f"OAuth client secret (default: ${_constants.ENV_CLIENT_SECRET})")
    default_host = f"${_constants.ENV_API_HOST} or {_constants.DEFAULT_HOST}"
    options.add_argument("--host", help=f"API base URL (default: {default_host})")
    options.add_argument("--sandbox", action="store_true", help="run against an embedded sandbox (no network)")
    options.add_argument("--timeout", type=float, default=30.0, help="seconds before giving up waiting (default: 30)")
    return options


def _add_report(commands: Any, common: argparse.ArgumentParser) -> None:
    report = commands.add_parser("report", parents=[common], help="download a report to a file")
    report.add_argument("--kind", choices=("statistics", "transactions"), default="statistics")
    report.add_argument("--start", required=True, type=dt.date.fromisoformat, help="first day, YYYY-MM-DD")
    report.add_argument("--end", required=True, type=dt.date.fromisoformat, help="last day, YYYY-MM-DD")
    report.add_argument("--format", default="csv", choices=("csv", "json", "xml", "excel"))
    report.add_argument("--currency", default="EUR", help="ISO 4217 code (default: EUR)")
    report.add_argument("--dimensions", default="AdsetId,Day", help="statistics: comma-separated (AdsetId,Day)")
    report.add_argument("--metrics", default="Displays,Clicks,AdvertiserCost", help="statistics: comma-separated")
    report.add_argument("--advertiser-ids", help="comma-separated advertiser ids (default: the whole portfolio)")
    report.add_argument("--event-type", help="transactions: only this event type")
    report.add_argument("--output", required=True, help="file to write (replaced only once the report is whole)")
    report.add_argument("--no-progress", action="store_true", help="no progress bar")


def _add_upload(commands: Any, common: argparse.ArgumentParser) -> None:
    upload = commands.add_parser("upload", parents=[common], help="send a file of identifiers to a contact list")
    upload.add_argument("--audience-id", required=True, help="the audience whose contact list changes")
    upload.add_argument("--file", required=True, help="identifiers, one per line ('-' for stdin)")
    upload.add_argument("--identifier-type", default="email", help="email, madid, identityLink or gum")
    upload.add_argument("--operation", default="add", choices=("add", "remove"))
    upload.add_argument("--gum-caller-id", type=int, help="the GUM caller id, for identifier type gum")
    upload.add_argument("--chunk-size", type=int, default=50_000, help="identifiers per request (default: 50000)")
    upload.add_argument("--workers", type=int, default=4, help="requests in flight (default: 4)")
    upload.add_argument("--checkpoint", help="file recording accepted chunks, so that a rerun resumes")
    upload.add_argument("--normalize-emails", action="store_true", help="trim and lower-case e-mail addresses")
    upload.add_argument("--no-progress", action="store_true", help="no progress bar")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Criteo Marketing Solutions API 2020-10 tools.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_constants.__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    common = _connection_options()
    token = commands.add_parser("token", parents=[common], help="get an access token (client credentials)")
    token.add_argument("--json", action="store_true", help="print the whole token response as JSON")
    _add_report(commands, common)
    _add_upload(commands, common)
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
        raise _Failure(f"missing credentials: pass --client-id/--client-secret or set {env}", EXIT_USAGE)
    yield args.host or os.environ.get(_constants.ENV_API_HOST) or _constants.DEFAULT_HOST, client_id, client_secret


def _first_error(error: Any) -> str:
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


def _run(args: argparse.Namespace, what: str, work: Callable[[Any], Any], refused: str = "request") -> Any:
    """Call ``work(api_client)`` against the target; map every failure to one line and an exit code.

    ``what`` says what could not be done ("cannot {what} from host"), ``refused`` what the API refused.
    """
    from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration, exceptions

    with _target(args) as (host, client_id, client_secret):
        configuration = Configuration(host=host, client_id=client_id, client_secret=client_secret)
        configuration.call_deadline = args.timeout
        configuration.request_timeout = args.timeout
        try:
            with ApiClient(configuration) as api_client:
                return work(api_client)
        except (exceptions.ApiConnectionError, exceptions.MalformedResponseError) as error:
            raise _Failure(f"cannot {what} from {host}: {error.reason}", EXIT_CONNECTION) from None
        except exceptions.ApiException as error:
            raise _Failure(f"{refused} refused ({error.status}): {_first_error(error)}", EXIT_API_ERROR) from None
        except exceptions.OpenApiException as error:
            raise _Failure(f"invalid input: {error}", EXIT_USAGE) from None
        except OSError as error:
            raise _Failure(f"cannot {what}: {error.strerror or error}", EXIT_USAGE) from None


def _token(args: argparse.Namespace) -> int:
    from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi

    def fetch(api_client: Any) -> Any:
        cfg = api_client.configuration
        return OAuthApi(api_client).create_token(
            client_id=cfg.client_id, client_secret=cfg.client_secret, grant_type="client_credentials",
            _request_timeout=args.timeout,
        )

    jwt = _run(args, "get a token", fetch, refused="token request")
    print(json.dumps(jwt.to_dict(), sort_keys=True) if args.json else jwt.access_token)
    return EXIT_OK


def _report_query(args: argparse.Namespace) -> Any:
    start = dt.datetime.combine(args.start, dt.time())
    end = dt.datetime.combine(args.end, dt.time())
    common: Dict[str, Any] = {"currency": args.currency, "format": args.format, "start_date": start, "end_date": end}
    if args.advertiser_ids:
        common["advertiser_ids"] = args.advertiser_ids
    if args.kind == "transactions":
        from criteo_api_marketingsolutions_v2020_10.model.transactions_report_query_message import (
            TransactionsReportQueryMessage,
        )

        if args.event_type:
            common["event_type"] = args.event_type
        return TransactionsReportQueryMessage(**common)
    from criteo_api_marketingsolutions_v2020_10.model.statistics_report_query_message import (
        StatisticsReportQueryMessage,
    )

    split = [name.strip() for name in args.dimensions.split(",") if name.strip()]
    metrics = [name.strip() for name in args.metrics.split(",") if name.strip()]
    return StatisticsReportQueryMessage(dimensions=split, metrics=metrics, **common)


def _report(args: argparse.Namespace) -> int:
    from criteo_api_marketingsolutions_v2020_10 import reports

    def fetch(api_client: Any) -> Any:
        return reports.download(api_client, _report_query(args), args.output, progress=not args.no_progress)

    result = _run(args, "download the report", fetch, refused="report request")
    summary = {"path": str(result.path), "bytes": result.bytes_written, "format": result.format}
    summary["sha256"] = result.sha256
    print(json.dumps(summary, sort_keys=True))
    return EXIT_OK


@contextlib.contextmanager
def _identifiers(path: str) -> Generator[Iterator[str], None, None]:
    """The lines of ``path`` (or stdin), without their line ends and skipping blank ones."""
    source = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115 - closed below
    try:
        yield (line.rstrip("\r\n") for line in source if line.strip())
    finally:
        if source is not sys.stdin:
            source.close()


def _upload(args: argparse.Namespace) -> int:
    from criteo_api_marketingsolutions_v2020_10 import audiences

    def send(api_client: Any) -> Any:
        with _identifiers(args.file) as identifiers:
            return audiences.upload(
                api_client, args.audience_id, identifiers, identifier_type=args.identifier_type,
                operation=args.operation, gum_caller_id=args.gum_caller_id, chunk_size=args.chunk_size,
                max_workers=args.workers, progress=not args.no_progress, checkpoint=args.checkpoint,
                normalize_emails=args.normalize_emails,
            )

    report = _run(args, "upload the identifiers", send, refused="upload")
    print(report.summary())
    return EXIT_OK if report.ok else EXIT_API_ERROR


def _sandbox(args: argparse.Namespace) -> int:
    from criteo_api_marketingsolutions_v2020_10.sandbox import serve

    try:
        serve(args.host, args.port)
    except (OSError, OverflowError) as error:
        reason = getattr(error, "strerror", None) or error
        raise _Failure(f"cannot serve on {args.host}:{args.port}: {reason}", EXIT_USAGE) from None
    return EXIT_OK


_COMMANDS = {"token": _token, "report": _report, "upload": _upload, "sandbox": _sandbox}


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(list(argv) if argv is not None else None)
    try:
        return _COMMANDS[args.command](args)
    except _Failure as failure:
        print(f"error: {failure}", file=sys.stderr)
        return failure.code
    except KeyboardInterrupt:
        return 130
