"""Every API class of the SDK, by name.

    from criteo_api_marketingsolutions_v2020_10.apis import AudienceApi

Each module is imported on first access, so importing this package costs
nothing until a name is used; ``from ... import *`` imports them all.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

import importlib
from typing import TYPE_CHECKING, Any, List

_MODULES = {
    "AdvertiserApi": "criteo_api_marketingsolutions_v2020_10.api.advertiser_api",
    "AnalyticsApi": "criteo_api_marketingsolutions_v2020_10.api.analytics_api",
    "AudienceApi": "criteo_api_marketingsolutions_v2020_10.api.audience_api",
    "CampaignApi": "criteo_api_marketingsolutions_v2020_10.api.campaign_api",
    "CategoryApi": "criteo_api_marketingsolutions_v2020_10.api.category_api",
    "OAuthApi": "criteo_api_marketingsolutions_v2020_10.api.o_auth_api",
}

__all__ = [
    "AdvertiserApi",
    "AnalyticsApi",
    "AudienceApi",
    "CampaignApi",
    "CategoryApi",
    "OAuthApi",
]

if TYPE_CHECKING:  # pragma: no cover
    from criteo_api_marketingsolutions_v2020_10.api.advertiser_api import AdvertiserApi
    from criteo_api_marketingsolutions_v2020_10.api.analytics_api import AnalyticsApi
    from criteo_api_marketingsolutions_v2020_10.api.audience_api import AudienceApi
    from criteo_api_marketingsolutions_v2020_10.api.campaign_api import CampaignApi
    from criteo_api_marketingsolutions_v2020_10.api.category_api import CategoryApi
    from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import OAuthApi


def __getattr__(name: str) -> Any:
    module_name = _MODULES.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> List[str]:
    return sorted(set(globals()) | set(_MODULES))
