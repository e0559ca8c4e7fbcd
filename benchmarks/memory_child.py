"""Child process of figure 7: make token calls through one side, print the peak RSS in KiB.

``python -m benchmarks.memory_child SIDE PORT CALLS FORM_BODY USER_AGENT`` with
SIDE ``sdk``, ``raw`` or ``idle`` (no call, the interpreter's own peak). It
imports nothing but its side, so the figure compares the SDK with urllib3
rather than with the benchmark harness.
"""

import resource
import sys


def main(side: str, port: int, calls: int, form: str, user_agent: str) -> None:
    fields = dict(pair.split("=", 1) for pair in form.split("&"))
    if side == "sdk":
        from criteo_api_marketingsolutions_v2020_10 import ApiClient, Configuration
        from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi

        with ApiClient(Configuration(host=f"http://127.0.0.1:{port}")) as client:
            api = OAuthApi(client)
            for _ in range(calls):
                api.create_token(**fields)
    elif side == "raw":
        import json

        import urllib3

        headers = {
            "User-Agent": user_agent,
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
        }
        pool = urllib3.HTTPConnectionPool("127.0.0.1", port, maxsize=1)
        for _ in range(calls):
            json.loads(pool.urlopen("POST", "/oauth2/token", body=form.encode(), headers=headers).data)
        pool.close()
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


if __name__ == "__main__":
    if len(sys.argv) != 6 or sys.argv[1] not in ("sdk", "raw", "idle"):
        sys.exit("usage: python -m benchmarks.memory_child sdk|raw|idle PORT CALLS FORM_BODY USER_AGENT")
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5])
