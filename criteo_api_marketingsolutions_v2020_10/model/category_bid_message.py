"""CategoryBidMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.bid_message import BidMessage
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class CategoryBidMessage(ModelNormal):
    """The bid of one category.

    Attributes:
        category_hashcode (int): Hash code of the category (int32).
        category_name (str): Name of the category.
        category_bid (BidMessage): The bid of the category.
    """

    category_hashcode: Optional[int]
    category_name: Optional[str]
    category_bid: Optional[BidMessage]

    _fields = (
        Field("category_hashcode", "categoryHashcode", "int", format="int32", description="Hash code of the category."),
        Field("category_name", "categoryName", "str", description="Name of the category."),
        Field("category_bid", "categoryBid", "BidMessage", description="The bid of the category."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, category_hashcode: int = UNSET, category_name: str = UNSET, category_bid: BidMessage = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["category_hashcode"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["category_name"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["category_bid"], default: None = None) -> Optional[BidMessage]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
