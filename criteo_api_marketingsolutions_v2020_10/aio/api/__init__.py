"""Asynchronous API classes, one module per tag (``from .aio.api import o_auth_api``); ``aio.apis`` has them by name.

Each module is imported on first access (``from ... import *`` imports them all).

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from typing import TYPE_CHECKING

from criteo_api_marketingsolutions_v2020_10._lazy import lazy_submodules

__all__ = [
    "advertiser_api",
    "analytics_api",
    "audience_api",
    "campaign_api",
    "category_api",
    "o_auth_api",
]

if TYPE_CHECKING:  # pragma: no cover
    from criteo_api_marketingsolutions_v2020_10.aio.api import advertiser_api as advertiser_api
    from criteo_api_marketingsolutions_v2020_10.aio.api import analytics_api as analytics_api
    from criteo_api_marketingsolutions_v2020_10.aio.api import audience_api as audience_api
    from criteo_api_marketingsolutions_v2020_10.aio.api import campaign_api as campaign_api
    from criteo_api_marketingsolutions_v2020_10.aio.api import category_api as category_api
    from criteo_api_marketingsolutions_v2020_10.aio.api import o_auth_api as o_auth_api
else:  # checkers see the names above; at run time each is imported on first access
    __getattr__, __dir__ = lazy_submodules(globals(), __all__)
