"""Contact lists at scale: add or remove millions of identifiers, in parallel chunks, resumable after a crash.

::

    from criteo_api_marketingsolutions_v2020_10 import audiences

    with open("emails.txt", encoding="utf-8") as lines:
        report = audiences.upload(
            api_client, "70100", (line.rstrip("\\r\\n") for line in lines),
            checkpoint="emails.txt.checkpoint", progress=True,
        )
    print(report.summary())
    if not report.ok:
        ...  # report.failed, report.stopped_because; rerun with the same checkpoint to send what is missing

    audiences.remove_all(api_client, "70100")  # empty the contact list

``docs/Audiences.md`` describes chunking, retries, the checkpoint file and the report.
"""

from __future__ import annotations

from criteo_api_marketingsolutions_v2020_10.audiences._progress import ProgressArgument, ProgressCallback
from criteo_api_marketingsolutions_v2020_10.audiences._report import SAMPLE_SIZE, FailedChunk, UploadReport
from criteo_api_marketingsolutions_v2020_10.audiences._settings import IdentifierType, Operation
from criteo_api_marketingsolutions_v2020_10.audiences._upload import remove_all, upload

__all__ = [
    "upload",
    "remove_all",
    "UploadReport",
    "FailedChunk",
    "SAMPLE_SIZE",
    "IdentifierType",
    "Operation",
    "ProgressArgument",
    "ProgressCallback",
]
