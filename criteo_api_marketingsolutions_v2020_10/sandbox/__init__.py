"""A local fake of the Criteo Marketing Solutions API, for tests, demos and benchmarks.

It serves the token endpoint and every operation of the spec from a seeded,
in-memory world, over real HTTP on 127.0.0.1, with scripted faults (errors,
rate limits, resets, stalls, slow bodies), Criteo's per-client rate limits on
demand, and a record of every request, with counts by client::

    from criteo_api_marketingsolutions_v2020_10.sandbox import Sandbox, Fault

    with Sandbox() as sandbox:
        sandbox.script("/2021-04/advertisers/me", [Fault(status=503)])
        ...  # point a client at sandbox.url with the demo credentials

Only the standard library is used. ``docs/Sandbox.md`` describes the API,
the seeded ids and the pytest fixtures.
"""

from criteo_api_marketingsolutions_v2020_10.sandbox.auth import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, TOKEN_PATH
from criteo_api_marketingsolutions_v2020_10.sandbox.contact_lists import IdentifierCounts
from criteo_api_marketingsolutions_v2020_10.sandbox.faults import Fault
from criteo_api_marketingsolutions_v2020_10.sandbox.foreground import serve
from criteo_api_marketingsolutions_v2020_10.sandbox.recording import RecordedRequest
from criteo_api_marketingsolutions_v2020_10.sandbox.server import Sandbox
from criteo_api_marketingsolutions_v2020_10.sandbox.world import World

__all__ = [
    "DEMO_CLIENT_ID",
    "DEMO_CLIENT_SECRET",
    "TOKEN_PATH",
    "Fault",
    "IdentifierCounts",
    "RecordedRequest",
    "Sandbox",
    "World",
    "serve",
]
