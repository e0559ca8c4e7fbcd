"""What the sandbox received for each audience's contact list: counts kept for tests and benchmarks."""

from __future__ import annotations

import dataclasses
import re
import threading
from typing import Dict

#: Paths of the contact-list operations (``PATCH`` and ``DELETE /2021-04/audiences/{id}/contactlist``).
CONTACTLIST_PATH = re.compile(r"^/2021-04/audiences/[^/]+/contactlist$")


@dataclasses.dataclass(frozen=True)
class IdentifierCounts:
    """What one audience's contact list received since the sandbox started (or since the last reset).

    Only requests the sandbox processed count: not those refused (a 400, a
    404, a 413) nor those answered by a scripted fault with a status.

    Attributes:
        requests: contact-list ``PATCH`` requests accepted.
        received: identifiers in those requests, duplicates (within and across requests) included.
        added: identifiers received with the operation ``add``.
        removed: identifiers received with the operation ``remove``.
        invalid: identifiers among those received that were counted invalid.
        clears: ``DELETE .../contactlist`` requests accepted (each empties the list).
    """

    requests: int = 0
    received: int = 0
    added: int = 0
    removed: int = 0
    invalid: int = 0
    clears: int = 0


class IdentifierLedger:
    """The ``IdentifierCounts`` of every audience, updated by the contact-list handlers; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Dict[str, IdentifierCounts] = {}

    def record_amendment(self, audience_id: str, operation: str, received: int, invalid: int) -> None:
        """Count one accepted ``PATCH`` of ``received`` identifiers to ``operation``, ``invalid`` of them invalid."""
        with self._lock:
            counts = self._counts.get(audience_id, IdentifierCounts())
            self._counts[audience_id] = dataclasses.replace(
                counts,
                requests=counts.requests + 1,
                received=counts.received + received,
                added=counts.added + (received if operation == "add" else 0),
                removed=counts.removed + (received if operation == "remove" else 0),
                invalid=counts.invalid + invalid,
            )

    def record_clear(self, audience_id: str) -> None:
        """Count one accepted ``DELETE`` of the contact list."""
        with self._lock:
            counts = self._counts.get(audience_id, IdentifierCounts())
            self._counts[audience_id] = dataclasses.replace(counts, clears=counts.clears + 1)

    def counts(self, audience_id: str) -> IdentifierCounts:
        """The counts of ``audience_id``; all zeros for an audience that received nothing."""
        with self._lock:
            return self._counts.get(audience_id, IdentifierCounts())

    def reset(self) -> None:
        """Forget every count."""
        with self._lock:
            self._counts.clear()
