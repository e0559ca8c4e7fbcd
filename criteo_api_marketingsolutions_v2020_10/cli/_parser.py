"""The top-level parser: the tool commands, then one command per API, named after the program as invoked."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Optional, Sequence

from criteo_api_marketingsolutions_v2020_10 import _constants
from criteo_api_marketingsolutions_v2020_10.cli._errors import EXIT_CODES_HELP
from criteo_api_marketingsolutions_v2020_10.cli._names import PROGRAM
from criteo_api_marketingsolutions_v2020_10.cli._operations import add_api_commands
from criteo_api_marketingsolutions_v2020_10.cli._tools import add_tool_commands

__all__ = ["build_parser", "parse", "program_name"]

_DESCRIPTION = f"""Criteo Marketing Solutions API {_constants.API_VERSION} from the command line.

Every operation of the API is a command: {{prog}} API OPERATION [--param value]... [--body JSON|@FILE|@-],
for example `{{prog}} audience get-audiences --advertiser-id 10001`. `{{prog}} operations` lists them all,
`{{prog}} API --help` the operations of one API, `{{prog}} API OPERATION --help` the parameters of one."""


def program_name(argv0: str) -> str:
    """The program's name as it was invoked: the script's file name, or ``python -m <package>`` under ``-m``."""
    name = os.path.basename(argv0)
    if name in ("__main__.py", "__main__"):
        # Under -m, argv[0] is the path of the package's __main__.py; the module's spec has the package.
        spec = getattr(sys.modules.get("__main__"), "__spec__", None)
        module = str(getattr(spec, "name", "") or "")
        if module:
            return f"python -m {module.removesuffix('.__main__')}"
    return name or PROGRAM


def _selected_command(argv: Sequence[str]) -> Optional[str]:
    """The command word of ``argv``: the top level takes no option with a value, so it is the first word."""
    return next((word for word in argv if not word.startswith("-")), None)


def build_parser(prog: str, argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser for ``argv``: the operations of the API it names are declared, the other APIs only listed."""
    parser = argparse.ArgumentParser(
        prog=prog, description=_DESCRIPTION.replace("{prog}", prog), epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_constants.__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    commands.required = True
    add_tool_commands(commands)
    add_api_commands(commands, _selected_command(argv))
    return parser


def parse(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace:
    """``parser.parse_args(argv)``, except that words no command knows are refused with the usage of the command
    they were given to (argparse leaves them to the top level, whose usage says nothing about that command)."""
    args, extras = parser.parse_known_args(argv)
    if extras:
        chosen: argparse.ArgumentParser = getattr(args, "command_parser", None) or parser
        chosen.error(f"unrecognized arguments: {' '.join(extras)}")
    return args
