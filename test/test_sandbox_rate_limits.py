"""The sandbox's per-client rate limits and counters, over raw urllib3: budgets, headers, 429s, threads, processes."""

from __future__ import annotations

import base64
import json
import math
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Iterator, List, Optional, Tuple
from urllib.parse import urlencode

import pytest
import urllib3

from criteo_api_marketingsolutions_v2020_10.sandbox import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, Sandbox

PORTFOLIO = "/2021-04/advertisers/me"
AUDIENCES = "/2021-04/audiences"
STATISTICS = "/2021-04/statistics/report"
TRANSACTIONS = "/2021-04/transactions/report"
TOKEN = "/oauth2/token"
RATE_HEADERS = ("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset")
SECOND_CLIENT = ("second-app", "second-app-secret")

STATISTICS_DATES = {"startDate": "2021-07-01T00:00:00Z", "endDate": "2021-07-02T00:00:00Z"}
STATISTICS_QUERY = {
    "advertiserIds": "10001",
    "dimensions": ["AdsetId", "Day"],
    "metrics": ["Displays", "Clicks"],
    "currency": "EUR",
    "format": "json",
    **STATISTICS_DATES,
}
TRANSACTIONS_ATTRIBUTES = {"advertiserIds": "10001", "currency": "EUR", "format": "json"}
TRANSACTIONS_QUERY = {
    "data": [{"type": "TransactionsReport", "attributes": {**TRANSACTIONS_ATTRIBUTES, **STATISTICS_DATES}}]
}


@pytest.fixture
def pool() -> Iterator[urllib3.PoolManager]:
    """A urllib3 pool without retries, so that every 429 reaches the test."""
    manager = urllib3.PoolManager(maxsize=8, retries=False, timeout=urllib3.Timeout(connect=2, read=5))
    yield manager
    manager.clear()


def api_get(pool: urllib3.PoolManager, sandbox: Sandbox, token: str, path: str = PORTFOLIO) -> urllib3.BaseHTTPResponse:
    """``GET path`` with ``token``."""
    return pool.request("GET", sandbox.url + path, headers={"Authorization": f"Bearer {token}"})


def api_post(
    pool: urllib3.PoolManager, sandbox: Sandbox, token: str, path: str, body: object
) -> urllib3.BaseHTTPResponse:
    """``POST path`` with ``token`` and ``body`` as JSON."""
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    return pool.request("POST", sandbox.url + path, body=json.dumps(body), headers=headers)


def request_token(pool: urllib3.PoolManager, sandbox: Sandbox, client_id: str, secret: str) -> urllib3.BaseHTTPResponse:
    """A client-credentials token request with the credentials in the form."""
    return pool.request(
        "POST",
        sandbox.url + TOKEN,
        body=urlencode({"client_id": client_id, "client_secret": secret}),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )


def spend(pool: urllib3.PoolManager, sandbox: Sandbox, token: str, calls: int) -> List[urllib3.BaseHTTPResponse]:
    """The answers to ``calls`` portfolio calls."""
    return [api_get(pool, sandbox, token) for _ in range(calls)]


def statuses(pool: urllib3.PoolManager, sandbox: Sandbox, token: str, calls: int) -> List[int]:
    """The statuses of ``calls`` portfolio calls."""
    return [response.status for response in spend(pool, sandbox, token, calls)]


def has_rate_headers(response: urllib3.BaseHTTPResponse) -> bool:
    """Whether any of the three rate-limit headers came with ``response``."""
    return any(name in response.headers for name in RATE_HEADERS)


def remaining(response: urllib3.BaseHTTPResponse) -> int:
    """``x-ratelimit-remaining`` as a number."""
    return int(response.headers["x-ratelimit-remaining"])


def reset_of(response: urllib3.BaseHTTPResponse) -> int:
    """``x-ratelimit-reset``, checked to be integer seconds."""
    value = response.headers["x-ratelimit-reset"]
    assert value.isdigit(), value  # integer seconds, as Criteo sends it
    return int(value)


def assert_quota_refusal(response: urllib3.BaseHTTPResponse, path: str, limit: int) -> None:
    """``response`` is Criteo's 429: quota error body, the three headers, remaining 0."""
    assert response.status == 429
    assert response.headers["x-ratelimit-limit"] == str(limit)
    assert response.headers["x-ratelimit-remaining"] == "0"
    assert "Retry-After" not in response.headers  # Criteo announces the reset time only
    error = response.json()["errors"][0]
    assert (error["type"], error["code"], error["instance"]) == ("quota", "too-many-requests", path)


def test_without_limits_every_call_is_served_and_counted(pool, sandbox):
    token = sandbox.issue_token()
    answers = spend(pool, sandbox, token, 300)
    assert {r.status for r in answers} == {200}
    assert not any(has_rate_headers(r) for r in answers)
    assert sandbox.calls_by_client() == {DEMO_CLIENT_ID: 300}
    assert sandbox.rate_limited_by_client() == {}
    assert sandbox.api_requests == 300


def test_calls_without_a_valid_token_or_a_route_count_for_no_client(pool, sandbox):
    sandbox.set_rate_limit(1, 60.0)
    for _ in range(3):
        assert api_get(pool, sandbox, "not-a-token").status == 401
        assert api_get(pool, sandbox, sandbox.issue_token(), "/2021-04/nowhere").status == 404
    assert sandbox.calls_by_client() == {}
    assert sandbox.rate_limited_by_client() == {}
    assert api_get(pool, sandbox, sandbox.issue_token()).status == 200  # the budget was not spent


# --- one client's budget ------------------------------------------------------------


def test_accepted_calls_count_down_to_the_reset_of_one_window(pool, sandbox):
    sandbox.set_rate_limit(5, 1.0)
    token = sandbox.issue_token()
    before = time.time()
    accepted = spend(pool, sandbox, token, 5)
    after = time.time()
    assert [(r.status, r.headers["x-ratelimit-limit"], remaining(r)) for r in accepted] == [
        (200, "5", left) for left in (4, 3, 2, 1, 0)
    ]
    resets = {reset_of(r) for r in accepted}
    assert len(resets) == 1
    assert math.ceil(before + 1.0) <= resets.pop() <= math.ceil(after + 1.0)


def test_the_call_over_the_limit_is_a_quota_error_until_the_announced_reset(pool, sandbox):
    sandbox.set_rate_limit(5, 1.0)
    token = sandbox.issue_token()
    reset = reset_of(spend(pool, sandbox, token, 5)[-1])
    refused = api_get(pool, sandbox, token)
    assert_quota_refusal(refused, PORTFOLIO, 5)
    assert reset_of(refused) == reset >= time.time()
    assert sandbox.calls_by_client() == {DEMO_CLIENT_ID: 5}
    assert sandbox.rate_limited_by_client() == {DEMO_CLIENT_ID: 1}

    time.sleep(max(0.0, reset - time.time()))
    again = api_get(pool, sandbox, token)
    assert (again.status, remaining(again)) == (200, 4)
    assert reset_of(again) > reset


def test_a_refused_call_is_not_processed(pool, sandbox):
    sandbox.set_rate_limit(1, 60.0)
    token = sandbox.issue_token()
    audiences_before = len(sandbox.world.audiences)
    assert api_get(pool, sandbox, token).status == 200
    creation = {"data": {"type": "Audience", "attributes": {"advertiserId": "10001", "name": "Refused"}}}
    refused = api_post(pool, sandbox, token, AUDIENCES, creation)
    assert_quota_refusal(refused, AUDIENCES, 1)
    assert len(sandbox.world.audiences) == audiences_before


def test_error_answers_carry_the_headers_and_spend_the_budget(pool, sandbox):
    sandbox.set_rate_limit(3, 60.0)
    token = sandbox.issue_token()
    forbidden = api_get(pool, sandbox, token, "/2021-04/marketing-solutions/ad-sets/309911")  # outside the portfolio
    invalid = api_post(pool, sandbox, token, STATISTICS, {"format": "nope"})
    assert (forbidden.status, remaining(forbidden)) == (403, 2)
    assert invalid.status == 400
    assert invalid.headers["x-ratelimit-limit"] == "1"  # max(1, 3 * 40 // 250): reports have their own budget
    assert statuses(pool, sandbox, token, 3) == [200, 200, 429]


def test_switching_limits_off_serves_everything_again_without_headers(pool, sandbox):
    sandbox.set_rate_limit(1, 60.0)
    token = sandbox.issue_token()
    assert statuses(pool, sandbox, token, 2) == [200, 429]
    sandbox.set_rate_limit(None)
    answers = spend(pool, sandbox, token, 3)
    assert [(r.status, has_rate_headers(r)) for r in answers] == [(200, False)] * 3
    assert sandbox.rate_limited_by_client() == {DEMO_CLIENT_ID: 1}


@pytest.mark.parametrize(
    ("limit", "window", "reporting_limit", "error"),
    [
        (-1, 60.0, None, ValueError),
        (5, 0.0, None, ValueError),
        (5, float("inf"), None, ValueError),
        (5, 60.0, -2, ValueError),
        (None, 60.0, 3, ValueError),
        ("5", 60.0, None, TypeError),
        (True, 60.0, None, TypeError),
        (5, 60.0, 2.5, TypeError),
    ],
)
def test_invalid_limits_are_refused(sandbox, limit, window, reporting_limit, error):
    with pytest.raises(error):
        sandbox.set_rate_limit(limit, window, reporting_limit=reporting_limit)


# --- groups ---------------------------------------------------------------------------------


def test_reports_have_their_own_budget_shared_by_both_report_operations(pool, sandbox):
    sandbox.set_rate_limit(10, 60.0, reporting_limit=2)
    token = sandbox.issue_token()
    first = api_post(pool, sandbox, token, STATISTICS, STATISTICS_QUERY)
    second = api_post(pool, sandbox, token, TRANSACTIONS, TRANSACTIONS_QUERY)
    assert [first.status, second.status] == [200, 200]
    assert [remaining(first), remaining(second)] == [1, 0]
    assert {first.headers["x-ratelimit-limit"], second.headers["x-ratelimit-limit"]} == {"2"}
    assert_quota_refusal(api_post(pool, sandbox, token, STATISTICS, STATISTICS_QUERY), STATISTICS, 2)
    assert_quota_refusal(api_post(pool, sandbox, token, TRANSACTIONS, TRANSACTIONS_QUERY), TRANSACTIONS, 2)

    other = api_get(pool, sandbox, token)
    assert (other.status, other.headers["x-ratelimit-limit"], remaining(other)) == (200, "10", 9)
    assert sandbox.calls_by_client() == {DEMO_CLIENT_ID: 3}
    assert sandbox.rate_limited_by_client() == {DEMO_CLIENT_ID: 2}


@pytest.mark.parametrize(("limit", "reporting"), [(250, 40), (100, 16), (5, 1)])
def test_the_default_reporting_budget_follows_criteos_proportion(pool, sandbox, limit, reporting):
    sandbox.set_rate_limit(limit)
    token = sandbox.issue_token()
    report = api_post(pool, sandbox, token, STATISTICS, STATISTICS_QUERY)
    other = api_get(pool, sandbox, token)
    assert (report.headers["x-ratelimit-limit"], remaining(report)) == (str(reporting), reporting - 1)
    assert (other.headers["x-ratelimit-limit"], remaining(other)) == (str(limit), limit - 1)
    assert reset_of(report) >= time.time() + 59  # a 60-second window by default


def test_the_token_endpoint_is_not_limited_but_counted_by_client(pool, sandbox):
    sandbox.set_rate_limit(1, 60.0)
    grants = [request_token(pool, sandbox, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET) for _ in range(5)]
    assert [(r.status, has_rate_headers(r)) for r in grants] == [(200, False)] * 5
    basic = base64.b64encode(f"{DEMO_CLIENT_ID}:{DEMO_CLIENT_SECRET}".encode()).decode()
    by_basic = pool.request(
        "POST",
        sandbox.url + TOKEN,
        body="grant_type=client_credentials",
        headers={"Content-Type": "application/x-www-form-urlencoded", "Authorization": f"Basic {basic}"},
    )
    assert by_basic.status == 200
    assert request_token(pool, sandbox, "nobody", "wrong").status in (400, 401)
    anonymous = pool.request("POST", sandbox.url + TOKEN, body=b"", headers={"Content-Type": "text/plain"})
    assert anonymous.status == 400

    assert sandbox.token_requests_by_client() == {DEMO_CLIENT_ID: 6, "nobody": 1, "": 1}
    assert sum(sandbox.token_requests_by_client().values()) == sandbox.token_requests == 8
    token = grants[0].json()["access_token"]
    assert statuses(pool, sandbox, token, 2) == [200, 429]


# --- several clients ----------------------------------------------------------------------


def test_clients_have_separate_budgets_and_counts(pool, sandbox):
    sandbox.register_client(*SECOND_CLIENT)
    sandbox.set_rate_limit(3, 60.0)
    demo = sandbox.issue_token()
    granted = request_token(pool, sandbox, *SECOND_CLIENT)
    second = granted.json()["access_token"]
    assert statuses(pool, sandbox, demo, 4) == [200, 200, 200, 429]
    assert [(r.status, remaining(r)) for r in spend(pool, sandbox, second, 3)] == [(200, 2), (200, 1), (200, 0)]
    minted = sandbox.issue_token(client_id=SECOND_CLIENT[0])  # a minted token belongs to its client too
    assert api_get(pool, sandbox, minted).status == 429

    assert sandbox.calls_by_client() == {DEMO_CLIENT_ID: 3, SECOND_CLIENT[0]: 3}
    assert sandbox.rate_limited_by_client() == {DEMO_CLIENT_ID: 1, SECOND_CLIENT[0]: 1}
    assert sandbox.token_requests_by_client() == {SECOND_CLIENT[0]: 1}
    with pytest.raises(ValueError, match="register_client"):
        sandbox.issue_token(client_id="unregistered")


def test_reset_counters_clears_the_counts_but_not_the_windows(pool, sandbox):
    sandbox.set_rate_limit(1, 60.0)
    token = request_token(pool, sandbox, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET).json()["access_token"]
    assert statuses(pool, sandbox, token, 2) == [200, 429]
    sandbox.reset_counters()
    counts = [sandbox.calls_by_client(), sandbox.rate_limited_by_client(), sandbox.token_requests_by_client()]
    assert (counts, sandbox.token_requests) == ([{}, {}, {}], 0)
    assert api_get(pool, sandbox, token).status == 429  # the client's window goes on
    assert sandbox.rate_limited_by_client() == {DEMO_CLIENT_ID: 1}
    sandbox.set_rate_limit(1, 60.0)  # a new setting starts every client afresh
    assert api_get(pool, sandbox, token).status == 200
    assert sandbox.calls_by_client() == {DEMO_CLIENT_ID: 1}


# --- concurrency ---------------------------------------------------------------------------


Answers = List[Tuple[int, Optional[str]]]


def call_from_threads(sandbox: Sandbox, token: str, threads: int, calls: int) -> Answers:
    """``(status, x-ratelimit-remaining)`` of ``calls`` calls from each of ``threads`` threads started together."""
    answers: Answers = []
    lock = threading.Lock()
    start = threading.Barrier(threads)

    def worker() -> None:
        own = urllib3.HTTPConnectionPool("127.0.0.1", sandbox.port, maxsize=1, retries=False, timeout=5.0)
        start.wait()
        for _ in range(calls):
            response = own.request("GET", PORTFOLIO, headers={"Authorization": f"Bearer {token}"})
            with lock:
                answers.append((response.status, response.headers.get("x-ratelimit-remaining")))
        own.close()

    running = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join(10)
    return answers


def accepted_and_refused(answers: Answers) -> Tuple[List[int], List[Optional[str]]]:
    """The remaining counts announced by the accepted calls, sorted; those of the refused calls."""
    accepted = sorted(int(left or "-1") for status, left in answers if status == 200)
    return accepted, [left for status, left in answers if status == 429]


def test_threads_get_exactly_the_budget_between_them(sandbox):
    sandbox.set_rate_limit(50, 10.0)
    accepted, refused = accepted_and_refused(call_from_threads(sandbox, sandbox.issue_token(), 8, 20))
    assert accepted == list(range(50))  # each remaining count announced once: no call slipped through
    assert refused == ["0"] * 110
    assert sandbox.calls_by_client() == {DEMO_CLIENT_ID: 50}
    assert sandbox.rate_limited_by_client() == {DEMO_CLIENT_ID: 110}


# Run by each worker process: reads its token on standard input, then prints (status, remaining) per call.
_WORKER = """
import json, sys, urllib3
url, calls = sys.argv[1], int(sys.argv[2])
token = sys.stdin.readline().strip()
pool = urllib3.PoolManager(retries=False, timeout=5.0)
answers = []
for _ in range(calls):
    response = pool.request("GET", url, headers={"Authorization": "Bearer " + token})
    answers.append([response.status, response.headers.get("x-ratelimit-remaining")])
print(json.dumps(answers))
"""


def call_from_processes(sandbox: Sandbox, tokens: List[str], calls: int) -> List[Answers]:
    """The answers of ``calls`` calls made by one process per token, all started before any calls."""
    command = [sys.executable, "-c", _WORKER, sandbox.url + PORTFOLIO, str(calls)]
    workers = [subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for _ in tokens]
    for worker, token in zip(workers, tokens):
        assert worker.stdin is not None
        worker.stdin.write(token + "\n")
        worker.stdin.flush()  # communicate() closes it
    outputs = [worker.communicate(timeout=15)[0] for worker in workers]
    assert [worker.returncode for worker in workers] == [0] * len(workers)
    return [[(status, left) for status, left in json.loads(output)] for output in outputs]


def test_processes_share_one_budget_per_client(sandbox):
    sandbox.register_client(*SECOND_CLIENT)
    sandbox.set_rate_limit(60, 30.0)
    demo, second = sandbox.issue_token(), sandbox.issue_token(client_id=SECOND_CLIENT[0])
    answers = call_from_processes(sandbox, [demo] * 4 + [second] * 2, 25)
    accepted, refused = accepted_and_refused([answer for process in answers[:4] for answer in process])
    assert (accepted, refused) == (list(range(60)), ["0"] * 40)  # 100 calls from 4 processes, 60 served
    assert accepted_and_refused(answers[4] + answers[5]) == (list(range(10, 60)), [])  # a budget of its own
    assert sandbox.calls_by_client() == {DEMO_CLIENT_ID: 60, SECOND_CLIENT[0]: 50}
    assert sandbox.rate_limited_by_client() == {DEMO_CLIENT_ID: 40}


def test_the_documented_example_runs_as_written(capsys):
    page = (Path(__file__).resolve().parent.parent / "docs" / "Sandbox.md").read_text(encoding="utf-8")
    section = page.split("### Rate limits", 1)[1].split("\n### ", 1)[0]
    example = section.split("```python\n", 1)[1].split("```", 1)[0]
    namespace = {"Sandbox": Sandbox}
    exec(compile(example, "<Sandbox.md rate limits>", "exec"), namespace)
    printed = [line.split() for line in capsys.readouterr().out.splitlines()]
    expected = [("200", left) for left in "43210"] + [("429", "0")]
    assert [(status, left) for status, left, _ in printed] == expected
    assert len({reset for _, _, reset in printed}) == 1
