"""Contact lists at scale: the identifier and body limits (and their settings), and the identifier counts."""

from __future__ import annotations

import json
import threading
from typing import Any, Dict, Iterator, List

import pytest
import urllib3
from test_sandbox_scale import MiB, auth, read_head, read_to_end, send_raw

from criteo_api_marketingsolutions_v2020_10.sandbox import Fault, IdentifierCounts


@pytest.fixture(scope="module")
def pool() -> Iterator[urllib3.PoolManager]:
    manager = urllib3.PoolManager(retries=False, timeout=urllib3.Timeout(connect=5, read=30))
    yield manager
    manager.clear()


# --------------------------------------------------------------------------- contact lists


def contactlist_body(identifiers: List[str], operation: str = "add", kind: str = "email") -> bytes:
    attributes = {"operation": operation, "identifierType": kind, "identifiers": identifiers}
    return json.dumps({"data": {"type": "ContactlistAmendment", "attributes": attributes}}).encode()


def patch_contacts(pool, sandbox, audience: str, body: bytes) -> urllib3.BaseHTTPResponse:
    return pool.request(
        "PATCH", f"{sandbox.url}/2021-04/audiences/{audience}/contactlist", body=body, headers=auth(sandbox)
    )


def emails(count: int, start: int = 0) -> List[str]:
    return [f"person.{n:07d}@example.org" for n in range(start, start + count)]


def assert_criteo_error(payload: Dict[str, Any], code: str, instance: str) -> Dict[str, Any]:
    assert payload["warnings"] == []
    (error,) = payload["errors"]
    assert set(error) == {"traceId", "type", "code", "instance", "title", "detail"}
    assert (error["type"], error["code"], error["instance"]) == ("validation", code, instance)
    assert error["title"] and error["detail"]
    return error


def test_more_identifiers_than_the_limit_is_a_400(sandbox, pool):
    path = "/2021-04/audiences/70001/contactlist"
    at_limit = contactlist_body(emails(50_000))
    assert len(at_limit) > 1024 * 1024  # over the limit of other paths: the contact list has its own
    assert patch_contacts(pool, sandbox, "70001", at_limit).status == 200
    response = patch_contacts(pool, sandbox, "70001", contactlist_body(emails(50_001)))
    assert response.status == 400
    error = assert_criteo_error(json.loads(response.data), "too-many-identifiers", path)
    assert "50000" in error["detail"]
    sandbox.max_identifiers_per_request = 3
    assert sandbox.max_identifiers_per_request == 3
    assert patch_contacts(pool, sandbox, "70001", contactlist_body(emails(4))).status == 400
    assert patch_contacts(pool, sandbox, "70001", contactlist_body(emails(3))).status == 200
    sandbox.max_identifiers_per_request = 50_000
    assert sandbox.identifier_counts("70001").requests == 2  # the refused ones did not count


def test_a_contactlist_body_over_its_limit_is_a_413_and_closes_the_connection(sandbox, pool):
    assert sandbox.max_contactlist_body == 16 * MiB
    big = contactlist_body(emails(60_000))  # about 1.8 MB: fine for the contact list...
    assert 1.5 * MiB < len(big) < 16 * MiB
    assert patch_contacts(pool, sandbox, "70002", big).status == 400  # ...refused for its count, not its size
    response = pool.request("POST", sandbox.url + "/2021-04/audiences", body=big, headers=auth(sandbox))
    assert response.status == 413  # elsewhere the 1 MiB limit holds
    sandbox.max_contactlist_body = 100_000
    try:
        body = contactlist_body(emails(5000))
        assert len(body) > 100_000
        connection = send_raw(sandbox, "/2021-04/audiences/70002/contactlist", body, method="PATCH")
        with connection:
            status, headers, rest = read_head(connection)
            payload = json.loads(read_to_end(connection, rest))  # read to the end: the server closes
        assert (status, headers["connection"]) == (413, "close")
        assert_criteo_error(payload, "payload-too-large", "/2021-04/audiences/70002/contactlist")
        chunked = pool.request(
            "PATCH",
            f"{sandbox.url}/2021-04/audiences/70002/contactlist",
            body=iter([body[:60_000], body[60_000:]]),
            headers=auth(sandbox),
            chunked=True,
        )
        assert chunked.status == 413
        assert patch_contacts(pool, sandbox, "70002", contactlist_body(emails(100))).status == 200
    finally:
        sandbox.max_contactlist_body = 16 * MiB
    assert sandbox.identifier_counts("70002") == IdentifierCounts(requests=1, received=100, added=100)


def test_identifier_counts_follow_what_was_processed(sandbox, pool):
    audience, path = "70003", "/2021-04/audiences/70003/contactlist"
    assert sandbox.identifier_counts(audience) == IdentifierCounts()
    statuses = [
        patch_contacts(pool, sandbox, audience, contactlist_body(identifiers, operation)).status
        for identifiers, operation in (
            (["A@Example.org", "b@example.org", "nope"], "add"),
            (["a@example.org", "c@example.org"], "add"),  # one duplicate of the first request
            (["b@example.org"], "remove"),
        )
    ]
    sandbox.script(path, [Fault(status=503), Fault(status=None, delay=0.01)])
    statuses.append(patch_contacts(pool, sandbox, audience, contactlist_body(["d@example.org"])).status)
    statuses.append(patch_contacts(pool, sandbox, audience, contactlist_body(["e@example.org"])).status)
    statuses.append(patch_contacts(pool, sandbox, "70999", contactlist_body(["f@example.org"])).status)
    assert statuses == [200, 200, 200, 503, 200, 404]  # the 503 was a scripted answer: not processed
    counts = sandbox.identifier_counts(audience)
    assert counts == IdentifierCounts(requests=4, received=7, added=6, removed=1, invalid=1, clears=0)
    members = sandbox.contact_list(audience)
    assert {"a@example.org", "c@example.org", "e@example.org"} <= members
    assert not {"b@example.org", "d@example.org", "A@Example.org", "nope"} & members
    assert (sandbox.identifier_counts("70999"), sandbox.contact_list("70999")) == (IdentifierCounts(), frozenset())


def test_deleting_the_contact_list_empties_it_and_counts_a_clear(sandbox, pool):
    audience, path = "70003", "/2021-04/audiences/70003/contactlist"
    assert (len(sandbox.contact_list(audience)), sandbox.contact_list(audience, "madid")) == (30, frozenset())
    assert len(sandbox.contact_list("70002", "madid")) == 10  # seeded, as UUIDs
    assert pool.request("DELETE", f"{sandbox.url}{path}", headers=auth(sandbox)).status == 200
    assert sandbox.contact_list(audience) == frozenset()
    assert sandbox.identifier_counts(audience) == IdentifierCounts(clears=1)


def test_resetting_counters_or_the_world_zeroes_the_counts(sandbox, pool):
    audience = "70003"
    assert patch_contacts(pool, sandbox, audience, contactlist_body(["g@example.org"])).status == 200
    sandbox.reset_counters()
    assert sandbox.identifier_counts(audience) == IdentifierCounts()
    assert "g@example.org" in sandbox.contact_list(audience)  # the list itself stays
    assert patch_contacts(pool, sandbox, audience, contactlist_body(["h@example.org"])).status == 200
    assert sandbox.identifier_counts(audience) == IdentifierCounts(requests=1, received=1, added=1)
    sandbox.reset_world()
    assert sandbox.identifier_counts(audience) == IdentifierCounts()
    assert len(sandbox.contact_list(audience)) == 30


def test_identifier_counts_are_exact_under_concurrency(sandbox):
    def upload(worker: int) -> None:
        local = urllib3.PoolManager(retries=False, timeout=10)
        for batch in range(10):
            body = contactlist_body([*emails(50, start=(worker * 10 + batch) * 50), "broken"], kind="email")
            assert patch_contacts(local, sandbox, "70004", body).status == 200
        local.clear()

    workers = [threading.Thread(target=upload, args=(n,)) for n in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert sandbox.identifier_counts("70004") == IdentifierCounts(requests=60, received=3060, added=3060, invalid=60)
    assert len(sandbox.contact_list("70004")) == 3000 + 12  # the seeded ones stay
