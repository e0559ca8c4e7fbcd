"""The tool commands: ``token``, ``report``, ``upload``, ``sandbox`` and ``operations``.

``token`` prints an access token (the whole response as JSON with ``--json``). ``report`` streams a
statistics or transactions report to a file with a progress bar; ``upload`` sends a file of identifiers
(one per line) to an audience's contact list in chunks, with a progress bar, and prints the upload report.
``sandbox`` serves the sandbox until interrupted; ``operations`` lists every operation.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import sys
from typing import Any, Dict, Generator, Iterator, List

from criteo_api_marketingsolutions_v2020_10.cli._errors import (
    EXIT_API_ERROR,
    EXIT_CODES_HELP,
    EXIT_OK,
    EXIT_USAGE,
    Failure,
)
from criteo_api_marketingsolutions_v2020_10.cli._operations import list_operations
from criteo_api_marketingsolutions_v2020_10.cli._output import emit_summary, progress_bar_wanted
from criteo_api_marketingsolutions_v2020_10.cli._session import add_connection_options, run

__all__ = ["add_tool_commands"]


def _add(commands: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=help_text, description=help_text[:1].upper() + help_text[1:] + ".", epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def _add_token(commands: Any) -> None:
    token = _add(commands, "token", "get an access token (client credentials)")
    token.add_argument("--json", action="store_true", help="print the whole token response as JSON")
    add_connection_options(token)
    token.set_defaults(handler=_token, command_parser=token)


def _add_report(commands: Any) -> None:
    report = _add(commands, "report", "download a report to a file")
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
    add_connection_options(report)
    report.set_defaults(handler=_report, command_parser=report)


def _add_upload(commands: Any) -> None:
    upload = _add(commands, "upload", "send a file of identifiers to a contact list")
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
    add_connection_options(upload)
    upload.set_defaults(handler=_upload, command_parser=upload)


def port_number(text: str) -> int:
    """A TCP port, 0 to 65535 (0: any free port); a one-line ``Failure`` (exit 2) otherwise.

    Checked when the command runs rather than by argparse, so that a bad port is one line like every
    other failure of ``sandbox``, not a usage message.
    """
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise Failure(f"cannot serve on port {text}: a port is a number from 0 to 65535", EXIT_USAGE)
    return port


def add_tool_commands(commands: Any) -> None:
    """Add the tool commands to the top level's ``commands``."""
    _add_token(commands)
    _add_report(commands)
    _add_upload(commands)
    sandbox = _add(commands, "sandbox", "serve the local sandbox until interrupted")
    sandbox.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    sandbox.add_argument("--port", default="8080", help="port to bind, 0 for any (default: 8080)")
    sandbox.set_defaults(handler=_sandbox, command_parser=sandbox)
    listing = _add(commands, "operations", "list every operation: API, operation, HTTP method and path")
    listing.set_defaults(handler=list_operations, command_parser=listing)


def _token(args: argparse.Namespace) -> int:
    from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi

    def fetch(api_client: Any) -> Any:
        cfg = api_client.configuration
        return OAuthApi(api_client).create_token(
            client_id=cfg.client_id, client_secret=cfg.client_secret, grant_type="client_credentials",
            _request_timeout=args.timeout,
        )

    jwt = run(args, "get a token", fetch, refused="token request")
    print(json.dumps(jwt.to_dict(), sort_keys=True) if args.json else jwt.access_token)
    return EXIT_OK


def _split(names: str) -> List[Any]:
    """The names of a comma-separated list (each checked against its enum by the model)."""
    return [name.strip() for name in names.split(",") if name.strip()]


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

    return StatisticsReportQueryMessage(dimensions=_split(args.dimensions), metrics=_split(args.metrics), **common)


def _report(args: argparse.Namespace) -> int:
    from criteo_api_marketingsolutions_v2020_10 import reports

    def fetch(api_client: Any) -> Any:
        progress = progress_bar_wanted(args.no_progress)
        return reports.download(api_client, _report_query(args), args.output, progress=progress)

    emit_summary(run(args, "download the report", fetch, refused="report request"))
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
                max_workers=args.workers, progress=progress_bar_wanted(args.no_progress),
                checkpoint=args.checkpoint, normalize_emails=args.normalize_emails,
            )

    report = run(args, "upload the identifiers", send, refused="upload")
    print(report.summary())
    return EXIT_OK if report.ok else EXIT_API_ERROR


def _sandbox(args: argparse.Namespace) -> int:
    from criteo_api_marketingsolutions_v2020_10.sandbox import serve

    port = port_number(args.port)
    try:
        serve(args.host, port)
    except OSError as error:
        reason = error.strerror or error
        raise Failure(f"cannot serve on {args.host}:{port}: {reason}", EXIT_USAGE) from None
    return EXIT_OK
