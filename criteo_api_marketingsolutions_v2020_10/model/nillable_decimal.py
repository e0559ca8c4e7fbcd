"""NillableDecimal, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class NillableDecimal(ModelNormal):
    """A decimal amount wrapped so that it may be left out.

    Attributes:
        value (float): The amount (double).
    """

    value: Optional[float]

    _fields = (
        Field("value", "value", "float", nullable=True, format="double", description="The amount."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, value: Optional[float] = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["value"], default: None = None) -> Optional[float]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
