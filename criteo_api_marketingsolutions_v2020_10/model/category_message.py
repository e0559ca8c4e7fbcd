"""CategoryMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.bid_message import BidMessage
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class CategoryMessage(ModelNormal):
    """A category of a catalog, with its campaign, prices and bid.

    Attributes:
        category_hash_code (int): Hash code of the category (int32).
        category_name (str): Name of the category.
        catalog_id (int): Id of the catalog (int32).
        catalog_name (str): Name of the catalog.
        advertiser_id (int): Id of the advertiser (int32).
        advertiser_name (str): Name of the advertiser.
        campaign_id (int): Id of the campaign (int32).
        campaign_name (str): Name of the campaign.
        average_price (float): Average price of the products of the category (double).
        number_of_products (int): Number of products in the category (int32).
        category_bid (BidMessage): The bid of the category.
        enabled (bool): Whether the category is enabled.
    """

    category_hash_code: Optional[int]
    category_name: Optional[str]
    catalog_id: Optional[int]
    catalog_name: Optional[str]
    advertiser_id: Optional[int]
    advertiser_name: Optional[str]
    campaign_id: Optional[int]
    campaign_name: Optional[str]
    average_price: Optional[float]
    number_of_products: Optional[int]
    category_bid: Optional[BidMessage]
    enabled: Optional[bool]

    _fields = (
        Field("category_hash_code", "categoryHashCode", "int", format="int32", description="Hash code of the category."),
        Field("category_name", "categoryName", "str", description="Name of the category."),
        Field("catalog_id", "catalogId", "int", format="int32", description="Id of the catalog."),
        Field("catalog_name", "catalogName", "str", description="Name of the catalog."),
        Field("advertiser_id", "advertiserId", "int", format="int32", description="Id of the advertiser."),
        Field("advertiser_name", "advertiserName", "str", description="Name of the advertiser."),
        Field("campaign_id", "campaignId", "int", format="int32", description="Id of the campaign."),
        Field("campaign_name", "campaignName", "str", description="Name of the campaign."),
        Field("average_price", "averagePrice", "float", format="double", description="Average price of the products of the category."),
        Field("number_of_products", "numberOfProducts", "int", format="int32", description="Number of products in the category."),
        Field("category_bid", "categoryBid", "BidMessage", description="The bid of the category."),
        Field("enabled", "enabled", "bool", description="Whether the category is enabled."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, category_hash_code: int = UNSET, category_name: str = UNSET, catalog_id: int = UNSET, catalog_name: str = UNSET, advertiser_id: int = UNSET, advertiser_name: str = UNSET, campaign_id: int = UNSET, campaign_name: str = UNSET, average_price: float = UNSET, number_of_products: int = UNSET, category_bid: BidMessage = UNSET, enabled: bool = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["category_hash_code"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["category_name"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["catalog_id"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["catalog_name"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["advertiser_id"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["advertiser_name"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["campaign_id"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["campaign_name"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["average_price"], default: None = None) -> Optional[float]: ...

        @overload
        def get(self, name: Literal["number_of_products"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["category_bid"], default: None = None) -> Optional[BidMessage]: ...

        @overload
        def get(self, name: Literal["enabled"], default: None = None) -> Optional[bool]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
