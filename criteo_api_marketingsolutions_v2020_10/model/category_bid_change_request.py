"""CategoryBidChangeRequest, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class CategoryBidChangeRequest(ModelNormal):
    """A new bid for one category.

    Attributes:
        category_hashcode (int): Hash code of the category (int32).
        bid_value (float): New bid of the category (double).
    """

    category_hashcode: Optional[int]
    bid_value: Optional[float]

    _fields = (
        Field("category_hashcode", "categoryHashcode", "int", format="int32", description="Hash code of the category."),
        Field("bid_value", "bidValue", "float", format="double", description="New bid of the category."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, category_hashcode: int = UNSET, bid_value: float = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["category_hashcode"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["bid_value"], default: None = None) -> Optional[float]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
