"""PortfolioMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class PortfolioMessage(ModelNormal):
    """The fields of a portfolio entry.

    Attributes:
        advertiser_name (str): Name of the advertiser.
    """

    advertiser_name: Optional[str]

    _fields = (
        Field("advertiser_name", "advertiserName", "str", description="Name of the advertiser."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, advertiser_name: str = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["advertiser_name"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
