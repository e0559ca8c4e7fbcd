"""BidMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class BidMessage(ModelNormal):
    """A bid: amount, currency, type and whether a change is pending.

    Attributes:
        bid_value (float): Amount of the bid (double).
        bid_currency (str): Currency of the bid (ISO 4217 code).
        bid_type (str): What the bid pays for.
        bid_is_pending (bool): Whether a change of the bid is waiting to take effect.
    """

    bid_value: Optional[float]
    bid_currency: Optional[str]
    bid_type: Optional[str]
    bid_is_pending: Optional[bool]

    _fields = (
        Field("bid_value", "bidValue", "float", format="double", description="Amount of the bid."),
        Field("bid_currency", "bidCurrency", "str", description="Currency of the bid (ISO 4217 code)."),
        Field("bid_type", "bidType", "str", enum=("Unknown", "CPC", "COS", "CPO"), description="What the bid pays for."),
        Field("bid_is_pending", "bidIsPending", "bool", description="Whether a change of the bid is waiting to take effect."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, bid_value: float = UNSET, bid_currency: str = UNSET, bid_type: Literal["Unknown", "CPC", "COS", "CPO"] = UNSET, bid_is_pending: bool = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["bid_value"], default: None = None) -> Optional[float]: ...

        @overload
        def get(self, name: Literal["bid_currency"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["bid_type"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["bid_is_pending"], default: None = None) -> Optional[bool]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
