"""A worker process for test_shared_processes.py: one application's client, sharing state with its peers.

``python test/shared_worker.py SPEC_JSON`` waits until the start time in the spec (so that all workers
begin together), makes ``calls`` calls (``pause`` seconds apart) and prints one JSON line: the number of
calls that succeeded, the failures by class name, the client's counters and the token requests it made.
"""

from __future__ import annotations

import json
import sys
import time


def main(spec: dict) -> dict:
    from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration
    from criteo_api_marketingsolutions_v2020_10.api.advertiser_api import AdvertiserApi

    configuration = Configuration(host=spec["host"], client_id=spec["client_id"], client_secret=spec["client_secret"])
    configuration.shared_state = spec.get("shared_state")
    limits = spec.get("rate_limits")
    configuration.rate_limits = {name: tuple(group) for name, group in limits.items()} if limits else None
    configuration.call_deadline = spec.get("deadline", 30.0)
    if spec.get("token_refresh_margin") is not None:
        configuration.token_refresh_margin = spec["token_refresh_margin"]
    time.sleep(max(0.0, spec.get("start_at", 0.0) - time.time()))
    ok, failures = 0, {}
    with ApiClient(configuration) as client:
        for _ in range(spec["calls"]):
            try:
                AdvertiserApi(client).api_portfolio_get()
                ok += 1
            except Exception as error:  # counted and reported, never hidden
                failures[type(error).__name__] = failures.get(type(error).__name__, 0) + 1
            time.sleep(spec.get("pause", 0.0))
        manager = client.token_manager
        return {"ok": ok, "failures": failures, "stats": client.stats,
                "token_requests": manager.refresh_count if manager is not None else 0}


if __name__ == "__main__":
    print(json.dumps(main(json.loads(sys.argv[1]))))
