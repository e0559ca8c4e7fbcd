"""What the commands print: results as JSON with the API's field names, and one-line summaries.

A result is indented (2 spaces) when stdout is a terminal and on one line otherwise, so that pipes and
``jq`` get one record a line; ``--pretty`` and ``--compact`` choose either way explicitly.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from typing import Any, Optional

from criteo_api_marketingsolutions_v2020_10.model_utils import sanitize_for_serialization

__all__ = ["add_layout_options", "emit_json", "emit_summary", "progress_bar_wanted", "wants_pretty"]


def add_layout_options(group: Any) -> None:
    """``--pretty`` and ``--compact``, which exclude each other."""
    layout = group.add_mutually_exclusive_group()
    layout.add_argument(
        "--pretty", dest="pretty", action="store_const", const=True, default=None,
        help="indent the JSON result (the default when stdout is a terminal)",
    )
    layout.add_argument(
        "--compact", dest="pretty", action="store_const", const=False,
        help="the JSON result on one line (the default when stdout is not a terminal)",
    )


def wants_pretty(args: argparse.Namespace) -> bool:
    """Whether to indent: as asked, else when stdout is a terminal."""
    asked: Optional[bool] = getattr(args, "pretty", None)
    if asked is not None:
        return asked
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty is not None and isatty())


def emit_json(value: Any, pretty: bool) -> None:
    """Print ``value`` (models, lists, dates...) as JSON with wire names: indented, or on one line."""
    data = sanitize_for_serialization(value)
    if pretty:
        text = json.dumps(data, indent=2, ensure_ascii=False)
    else:
        text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    print(text, flush=True)


def emit_summary(result: Any) -> None:
    """One JSON line describing a downloaded report: path, bytes, format and SHA-256."""
    summary = {"path": str(result.path), "bytes": result.bytes_written, "format": result.format}
    summary["sha256"] = result.sha256
    print(json.dumps(summary, sort_keys=True), flush=True)


def progress_bar_wanted(no_progress: bool) -> bool:
    """A progress bar unless ``--no-progress``, and only when ``tqdm`` is installed (it is optional)."""
    return not no_progress and importlib.util.find_spec("tqdm") is not None
