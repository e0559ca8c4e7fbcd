"""``criteo-marketing <api> <operation>``: every operation of the SDK as a command, and ``operations``.

Nothing here lists an operation: the commands are read from the generated API classes (``Api.endpoints()``,
whose ``Endpoint`` and ``Param`` declarations the SDK itself runs on). Only the API named on the command line
is imported, so that ``--help`` and the other commands stay quick.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, Dict, List, NamedTuple, Optional, Tuple

from criteo_api_marketingsolutions_v2020_10.cli._errors import EXIT_CODES_HELP, EXIT_OK, EXIT_USAGE, Failure
from criteo_api_marketingsolutions_v2020_10.cli._names import api_command, operation_command, option_flag
from criteo_api_marketingsolutions_v2020_10.cli._output import (
    add_layout_options,
    emit_json,
    emit_summary,
    progress_bar_wanted,
    wants_pretty,
)
from criteo_api_marketingsolutions_v2020_10.cli._params import add_body_option, add_parameter_option, parameter_dest
from criteo_api_marketingsolutions_v2020_10.cli._session import add_connection_options, run

if TYPE_CHECKING:
    from criteo_api_marketingsolutions_v2020_10.endpoint import Endpoint, Param

__all__ = ["Operation", "add_api_commands", "api_class_names", "api_classes", "list_operations", "operation_rows"]

#: Parameters that are also connection options: the operation gets the credentials the client uses.
_CREDENTIAL_PARAMETERS = ("client_id", "client_secret")


class Operation(NamedTuple):
    """An operation chosen on the command line: its API class and its declaration."""

    api_class: Any
    endpoint: Endpoint

    @property
    def command(self) -> str:
        """``audience get-audiences``."""
        return f"{api_command(self.api_class.__name__)} {operation_command(self.endpoint.name)}"


def api_class_names() -> List[str]:
    """The SDK's API classes by name, without importing them."""
    from criteo_api_marketingsolutions_v2020_10 import apis

    return list(apis.__all__)


def _api_class(name: str) -> Any:
    from criteo_api_marketingsolutions_v2020_10 import apis

    return getattr(apis, name)


def api_classes() -> List[Any]:
    """Every API class of the SDK (imports them all)."""
    return [_api_class(name) for name in api_class_names()]


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=32)


def add_api_commands(commands: Any, selected: Optional[str]) -> None:
    """One command per API class; only ``selected`` (the command given, if any) gets its operations."""
    for class_name in api_class_names():
        command = api_command(class_name)
        parser = commands.add_parser(
            command, help=f"the operations of {class_name}", epilog=EXIT_CODES_HELP, formatter_class=_formatter,
            description=f"The operations of {class_name}: {command} OPERATION [--param value]...",
        )
        if command == selected:
            _add_operations(parser, _api_class(class_name))


def _add_operations(parser: argparse.ArgumentParser, api_class: Any) -> None:
    operations = parser.add_subparsers(dest="operation_command", metavar="OPERATION", title="operations")
    operations.required = True
    for endpoint in api_class.endpoints():
        _add_operation(operations, Operation(api_class, endpoint))


def _credential_parameters(endpoint: Endpoint) -> List[Param]:
    return [p for p in endpoint.params if p.name in _CREDENTIAL_PARAMETERS and p.location != "body"]


def _python_arguments(endpoint: Endpoint) -> str:
    """``audience_id, replace_audience_request`` for the required parameters, ``name=...`` for the others."""
    return ", ".join(p.name if p.required else f"{p.name}=..." for p in endpoint.ordered)


def _description(operation: Operation) -> str:
    endpoint = operation.endpoint
    lines = [f"{endpoint.summary or endpoint.name}.", "", f"{endpoint.method} {endpoint.path}"]
    lines.append(f"Python: {operation.api_class.__name__}(api_client).{endpoint.name}({_python_arguments(endpoint)})")
    shared = _credential_parameters(endpoint)
    if shared:
        names = ", ".join(p.name for p in shared)
        flags = ", ".join(option_flag(p.name) for p in shared)
        lines += ["", f"{names}: the credentials the command uses ({flags}, the environment or --sandbox)."]
    if endpoint.return_type == "bytes":
        lines += ["", "The report goes to --output FILE (then one JSON line describes it), or else to stdout."]
    return "\n".join(lines).replace("%", "%%")


def _add_operation(operations: Any, operation: Operation) -> None:
    endpoint = operation.endpoint
    parser = operations.add_parser(
        operation_command(endpoint.name), help=endpoint.summary, description=_description(operation),
        epilog=EXIT_CODES_HELP, formatter_class=_formatter,
    )
    parameters = parser.add_argument_group("parameters")
    shared = _credential_parameters(endpoint)
    is_report = endpoint.return_type == "bytes"
    for param in endpoint.ordered:
        if param.location == "body":
            # A report is made from its query: the download cannot start without one.
            add_body_option(parameters, param, required=True if is_report else None)
        elif param not in shared:
            add_parameter_option(parameters, param)
    output = parser.add_argument_group("output")
    if is_report:
        output.add_argument("--output", metavar="FILE", help="write the report to FILE (default: stdout)")
        output.add_argument("--no-progress", action="store_true", help="no progress bar while writing --output")
    else:
        add_layout_options(output)
    add_connection_options(parser)
    parser.set_defaults(handler=run_operation, operation=operation, command_parser=parser)


def _arguments(args: argparse.Namespace, endpoint: Endpoint) -> Dict[str, Any]:
    """The values given on the command line, by Python parameter name (what was not given is left out)."""
    values = {p.name: getattr(args, parameter_dest(p.name), None) for p in endpoint.params}
    return {name: value for name, value in values.items() if value is not None}


def run_operation(args: argparse.Namespace) -> int:
    """Call the chosen operation and print its result (nothing for an answer without a body)."""
    operation: Operation = args.operation
    arguments = _arguments(args, operation.endpoint)
    if operation.endpoint.return_type == "bytes":
        return _run_report(args, operation, arguments)
    shared = _credential_parameters(operation.endpoint)

    def call(api_client: Any) -> Any:
        for param in shared:
            arguments[param.name] = getattr(api_client.configuration, param.name)
        method = getattr(operation.api_class(api_client), operation.endpoint.name)
        return method(**arguments)

    result = run(args, f"call {operation.command}", call, refused=operation.command)
    if result is not None:
        emit_json(result, wants_pretty(args))
    return EXIT_OK


def _run_report(args: argparse.Namespace, operation: Operation, arguments: Dict[str, Any]) -> int:
    from criteo_api_marketingsolutions_v2020_10 import reports

    body = operation.endpoint.body_param
    query: Any = arguments.get(body.name) if body is not None else None
    destination: Optional[str] = args.output

    def fetch(api_client: Any) -> Any:
        if destination is None:
            return _report_to_stdout(api_client, query)
        try:
            return reports.download(api_client, query, destination, progress=progress_bar_wanted(args.no_progress))
        except OSError as error:
            raise Failure(f"cannot write {destination}: {error.strerror or error}", EXIT_USAGE) from None

    result = run(args, f"download the report of {operation.command}", fetch, refused=operation.command)
    if destination is not None:
        emit_summary(result)
    return EXIT_OK


def _report_to_stdout(api_client: Any, query: Any) -> Any:
    from criteo_api_marketingsolutions_v2020_10 import reports

    sys.stdout.flush()  # text printed before must come out before the bytes
    sink = sys.stdout.buffer
    result = reports.download(api_client, query, sink)
    sink.flush()
    return result


def operation_rows() -> List[Tuple[str, str, str, str]]:
    """(API command, operation command, method, path) of every operation, API by API."""
    return [
        (api_command(api_class.__name__), operation_command(endpoint.name), endpoint.method, endpoint.path)
        for api_class in api_classes()
        for endpoint in api_class.endpoints()
    ]


def list_operations(args: argparse.Namespace) -> int:
    """``operations``: one aligned line per operation: API, operation, method, path."""
    rows = operation_rows()
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[3])
    return EXIT_OK
