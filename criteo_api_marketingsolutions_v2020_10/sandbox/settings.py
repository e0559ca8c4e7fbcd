"""The knobs of one sandbox that its operation handlers obey, and the state they share across requests."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Optional

from criteo_api_marketingsolutions_v2020_10.sandbox.contact_lists import CONTACTLIST_PATH, IdentifierLedger
from criteo_api_marketingsolutions_v2020_10.sandbox.synthetic import ReportSize, SyntheticReports

#: Request bodies larger than this are refused with 413 (the contact-list path has its own limit).
MAX_BODY_BYTES = 1024 * 1024
#: Most identifiers accepted in one contact list change, unless the sandbox is told otherwise.
DEFAULT_MAX_IDENTIFIERS_PER_REQUEST = 50_000
#: Largest contact-list request body accepted, unless the sandbox is told otherwise.
DEFAULT_MAX_CONTACTLIST_BODY = 16 * 1024 * 1024


@dataclass
class ServiceSettings:
    """Set through ``Sandbox``; handlers read them from ``ApiRequest.settings``.

    Attributes:
        max_identifiers_per_request: a contact-list change with more identifiers is a 400.
        max_contactlist_body: a contact-list request body larger than this is a 413.
        report_size: when set, report operations answer synthetic reports of this size.
        identifier_ledger: counts of what each contact list received.
        synthetic_reports: tables and sizes of synthetic reports already computed.
        stopping: set while the sandbox stops, so that long computations give up.
    """

    max_identifiers_per_request: int = DEFAULT_MAX_IDENTIFIERS_PER_REQUEST
    max_contactlist_body: int = DEFAULT_MAX_CONTACTLIST_BODY
    report_size: Optional[ReportSize] = None
    identifier_ledger: IdentifierLedger = field(default_factory=IdentifierLedger)
    synthetic_reports: SyntheticReports = field(default_factory=SyntheticReports)
    stopping: threading.Event = field(default_factory=threading.Event)

    def body_limit(self, path: str) -> int:
        """The largest request body accepted at ``path``."""
        return self.max_contactlist_body if CONTACTLIST_PATH.match(path) else MAX_BODY_BYTES
