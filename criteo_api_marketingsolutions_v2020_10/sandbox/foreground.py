"""Running a sandbox in the foreground, as ``python -m criteo_api_marketingsolutions_v2020_10.sandbox`` does."""

from __future__ import annotations

import sys
import threading
from typing import Optional, TextIO

from criteo_api_marketingsolutions_v2020_10.sandbox.auth import (
    DEFAULT_TOKEN_LIFETIME,
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.server import Sandbox

__all__ = ["serve"]


def serve(
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    token_lifetime: float = DEFAULT_TOKEN_LIFETIME,
    out: Optional[TextIO] = None,
    ready: Optional[threading.Event] = None,
    stop: Optional[threading.Event] = None,
) -> None:
    """Run a sandbox in the foreground until Ctrl+C, printing its URL and the demo credentials.

    ``out`` receives the banner (standard output by default). ``ready`` is set
    once the sandbox listens; setting ``stop`` ends it as Ctrl+C would.
    """
    stream = out if out is not None else sys.stdout
    sandbox = Sandbox(host, port, token_lifetime).start()
    try:
        print(f"Criteo API sandbox listening on {sandbox.url}", file=stream)
        print(f"  client_id:     {DEMO_CLIENT_ID}", file=stream)
        print(f"  client_secret: {DEMO_CLIENT_SECRET}", file=stream)
        print("Press Ctrl+C to stop.", file=stream, flush=True)
        if ready is not None:
            ready.set()
        waiter = stop if stop is not None else threading.Event()
        while not waiter.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
