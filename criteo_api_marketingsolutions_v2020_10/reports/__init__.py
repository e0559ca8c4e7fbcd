"""Reports at scale: stream a report to disk, then read it row by row or as a data frame.

::

    from criteo_api_marketingsolutions_v2020_10 import reports

    result = reports.download(api_client, query, "adsets.csv", progress=True)
    for row in reports.rows(result.path):
        ...
    frame = reports.to_dataframe(result.path, engine="pandas")

``download`` streams the answer of ``get_adset_report`` or
``get_transactions_report`` to a file in bounded memory and replaces the
destination only once the whole report arrived. ``rows`` reads CSV, JSON,
XML or Excel in constant memory and types each column. ``docs/Reports.md``
says how each column is typed and how the time limits of a download work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from criteo_api_marketingsolutions_v2020_10._lazy import lazy_exports

if TYPE_CHECKING:
    from criteo_api_marketingsolutions_v2020_10.reports._download import DownloadResult, download
    from criteo_api_marketingsolutions_v2020_10.reports._frames import to_dataframe
    from criteo_api_marketingsolutions_v2020_10.reports._rows import COLUMN_TYPES, rows

__all__ = ["COLUMN_TYPES", "DownloadResult", "download", "rows", "to_dataframe"]

# Each name is imported on first use, so that importing the package stays cheap.
_HOMES = {
    "DownloadResult": f"{__name__}._download",
    "download": f"{__name__}._download",
    "rows": f"{__name__}._rows",
    "COLUMN_TYPES": f"{__name__}._rows",
    "to_dataframe": f"{__name__}._frames",
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(globals(), _HOMES)
