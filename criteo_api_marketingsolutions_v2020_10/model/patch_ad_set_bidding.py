"""PatchAdSetBidding, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.nillable_decimal import NillableDecimal
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class PatchAdSetBidding(ModelNormal):
    """Bidding changes of an ad set.

    Attributes:
        bid_amount (NillableDecimal): Amount of the bid.
    """

    bid_amount: Optional[NillableDecimal]

    _fields = (
        Field("bid_amount", "bidAmount", "NillableDecimal", description="Amount of the bid."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, bid_amount: NillableDecimal = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["bid_amount"], default: None = None) -> Optional[NillableDecimal]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
