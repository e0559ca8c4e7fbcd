"""Every API class of the asyncio client, by name.

    from criteo_api_marketingsolutions_v2020_10.aio.apis import AudienceApi

Each module is imported on first access, so importing this package costs
nothing until a name is used; ``from ... import *`` imports them all.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from typing import TYPE_CHECKING

from criteo_api_marketingsolutions_v2020_10._lazy import lazy_exports

_MODULES = {
    "AdvertiserApi": "criteo_api_marketingsolutions_v2020_10.aio.api.advertiser_api",
    "AnalyticsApi": "criteo_api_marketingsolutions_v2020_10.aio.api.analytics_api",
    "AudienceApi": "criteo_api_marketingsolutions_v2020_10.aio.api.audience_api",
    "CampaignApi": "criteo_api_marketingsolutions_v2020_10.aio.api.campaign_api",
    "CategoryApi": "criteo_api_marketingsolutions_v2020_10.aio.api.category_api",
    "OAuthApi": "criteo_api_marketingsolutions_v2020_10.aio.api.o_auth_api",
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
    from criteo_api_marketingsolutions_v2020_10.aio.api.advertiser_api import AdvertiserApi as AdvertiserApi
    from criteo_api_marketingsolutions_v2020_10.aio.api.analytics_api import AnalyticsApi as AnalyticsApi
    from criteo_api_marketingsolutions_v2020_10.aio.api.audience_api import AudienceApi as AudienceApi
    from criteo_api_marketingsolutions_v2020_10.aio.api.campaign_api import CampaignApi as CampaignApi
    from criteo_api_marketingsolutions_v2020_10.aio.api.category_api import CategoryApi as CategoryApi
    from criteo_api_marketingsolutions_v2020_10.aio.api.o_auth_api import OAuthApi as OAuthApi
else:  # checkers see the names above; at run time each is imported on first access
    __getattr__, __dir__ = lazy_exports(globals(), _MODULES)
