"""AdSetSearchFilter, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class AdSetSearchFilter(ModelNormal):
    """The ids an ad set search filters on; a list left out does not filter.

    Attributes:
        ad_set_ids (list[str]): Ids of the ad sets to return.
        advertiser_ids (list[str]): Only ad sets of these advertisers.
        campaign_ids (list[str]): Only ad sets of these campaigns.
    """

    ad_set_ids: Optional[list[str]]
    advertiser_ids: Optional[list[str]]
    campaign_ids: Optional[list[str]]

    _fields = (
        Field("ad_set_ids", "adSetIds", "[str]", description="Ids of the ad sets to return."),
        Field("advertiser_ids", "advertiserIds", "[str]", description="Only ad sets of these advertisers."),
        Field("campaign_ids", "campaignIds", "[str]", description="Only ad sets of these campaigns."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, ad_set_ids: list[str] = UNSET, advertiser_ids: list[str] = UNSET, campaign_ids: list[str] = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["ad_set_ids"], default: None = None) -> Optional[list[str]]: ...

        @overload
        def get(self, name: Literal["advertiser_ids"], default: None = None) -> Optional[list[str]]: ...

        @overload
        def get(self, name: Literal["campaign_ids"], default: None = None) -> Optional[list[str]]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
