"""The sandbox of figures 9 to 11, run in its own process so that its CPU is not the client's.

``python -m benchmarks.scale_server [--report-bytes N] [--chunked]`` starts a
``Sandbox`` on a free port of 127.0.0.1, makes both report operations answer
with a synthetic CSV report of at least N bytes (when given), prints one JSON
line ``{"url": ..., "token": ...}`` and serves until its standard input closes.
The token goes only to the parent, through the pipe; it is never logged.

While serving, it answers one-word commands read from standard input, one
JSON line each:

- ``count``: ``{"api_requests": n}``, the API requests received since the last ``reset``;
- ``reset``: puts the seeded world back (empties the contact lists filled by an upload)
  and zeroes the counters, answering ``{"reset": true}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import List, Optional

from criteo_api_marketingsolutions_v2020_10.sandbox import Sandbox

#: Requests kept by the sandbox's log: its bodies (up to 16 MiB each) are not needed here.
_RECORDED = 8
_DESCRIPTION = "Serve a sandbox for the benchmarks at scale until standard input closes."


def _answer(sandbox: Sandbox, command: str) -> Optional[dict[str, object]]:
    if command == "count":
        return {"api_requests": sandbox.api_requests}
    if command == "reset":
        sandbox.reset_world()
        sandbox.reset_counters()
        return {"reset": True}
    return None


def main(argv: Optional[List[str]] = None) -> None:
    """Serve until standard input closes."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale_server", description=_DESCRIPTION)
    parser.add_argument("--report-bytes", type=int, default=0, help="synthetic report size, in bytes (0: none)")
    parser.add_argument("--chunked", action="store_true", help="send the report chunked, without Content-Length")
    arguments = parser.parse_args(argv)
    with Sandbox(max_recorded=_RECORDED) as sandbox:
        if arguments.report_bytes:
            sandbox.set_report_size(size=arguments.report_bytes, seed=0, chunked=arguments.chunked)
        # A token that outlives the longest run: none of the figures should be timing a token request.
        print(json.dumps({"url": sandbox.url, "token": sandbox.issue_token(lifetime=3600)}), flush=True)
        for line in sys.stdin:
            reply = _answer(sandbox, line.strip())
            print(json.dumps(reply if reply is not None else {"error": f"unknown command {line.strip()!r}"}),
                  flush=True)


if __name__ == "__main__":
    main()
