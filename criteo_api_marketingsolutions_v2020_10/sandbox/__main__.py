"""``python -m criteo_api_marketingsolutions_v2020_10.sandbox [--host H] [--port P]``: run a sandbox until Ctrl+C."""

from __future__ import annotations

import argparse
from typing import List, Optional

from criteo_api_marketingsolutions_v2020_10.sandbox.foreground import serve


def main(argv: Optional[List[str]] = None) -> None:
    """Parse the command line and serve."""
    parser = argparse.ArgumentParser(
        prog="python -m criteo_api_marketingsolutions_v2020_10.sandbox",
        description="Run a local fake of the Criteo Marketing Solutions API.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="TCP port (default: a free one)")
    arguments = parser.parse_args(argv)
    serve(arguments.host, arguments.port)


if __name__ == "__main__":
    main()
