"""Command line: ``criteo-marketing`` (or ``python -m criteo_api_marketingsolutions_v2020_10``).

Every operation of the API is a command, ``criteo-marketing <api> <operation> [--param value]...
[--body JSON | --body @file.json]``, read at run time from the generated API classes; the tool commands are
``token``, ``report``, ``upload``, ``sandbox`` and ``operations``. ``docs/CommandLine.md`` describes them.

Every failure prints one line on stderr and exits 1 when the API refused the request, 2 for bad usage or
missing credentials, 3 when the server could not be reached or answered nonsense, 130 on Ctrl-C.
"""

from __future__ import annotations

import os
import sys
from typing import Optional, Sequence

from criteo_api_marketingsolutions_v2020_10.cli._errors import (
    EXIT_API_ERROR,
    EXIT_CONNECTION,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    Failure,
    safe_line,
)
from criteo_api_marketingsolutions_v2020_10.cli._names import PROGRAM
from criteo_api_marketingsolutions_v2020_10.cli._parser import build_parser, parse, program_name

__all__ = ["EXIT_API_ERROR", "EXIT_CONNECTION", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "PROGRAM", "main"]


def _exit_status(code: object) -> int:
    """The status of a ``SystemExit`` (argparse's: 0 after ``--help``, 2 after a usage error)."""
    if code is None:
        return EXIT_OK
    return code if isinstance(code, int) else EXIT_API_ERROR


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's last flush to a closed pipe stays quiet."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (captured): nothing goes to a pipe at exit
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, descriptor)
    finally:
        os.close(devnull)


def main(argv: Optional[Sequence[str]] = None, *, prog: Optional[str] = None) -> int:
    """Run the command line on ``argv`` (``sys.argv[1:]`` by default); returns the exit code.

    ``prog`` is the name usage messages give the program; by default the one it was invoked by.
    """
    words = list(sys.argv[1:] if argv is None else argv)
    try:
        parser = build_parser(prog or program_name(sys.argv[0]), words)
        args = parse(parser, words)
        return int(args.handler(args))
    except SystemExit as stop:
        return _exit_status(stop.code)
    except Failure as failure:
        print(f"error: {failure}", file=sys.stderr)
        return failure.code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (``| head``): nothing more to say to it
        _silence_stdout()
        return EXIT_API_ERROR
    except Exception as error:  # anything unforeseen still ends in one line, scrubbed of secrets
        print(f"error: internal error: {type(error).__name__}: {safe_line(str(error))}", file=sys.stderr)
        return EXIT_API_ERROR
