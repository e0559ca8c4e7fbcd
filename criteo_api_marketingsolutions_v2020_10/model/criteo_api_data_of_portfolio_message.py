"""CriteoApiDataOfPortfolioMessage, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.portfolio_message import PortfolioMessage
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class CriteoApiDataOfPortfolioMessage(ModelNormal):
    """One entry of the portfolio: an advertiser the application can access.

    Attributes:
        type (str): Type of the resource.
        id (str): Id of the advertiser.
        attributes (PortfolioMessage): Name of the advertiser.
        meta (dict[str, Any]): Extra information, free-form.
    """

    type: Optional[str]
    id: Optional[str]
    attributes: Optional[PortfolioMessage]
    meta: Optional[dict[str, Any]]

    _fields = (
        Field("type", "type", "str", enum=("campaign", "adset", "ad", "advertiser", "agency", "publisher", "address", "client", "contact", "industry"), description="Type of the resource."),
        Field("id", "id", "str", description="Id of the advertiser."),
        Field("attributes", "attributes", "PortfolioMessage", description="Name of the advertiser."),
        Field("meta", "meta", "object", description="Extra information, free-form."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, type: Literal["campaign", "adset", "ad", "advertiser", "agency", "publisher", "address", "client", "contact", "industry"] = UNSET, id: str = UNSET, attributes: PortfolioMessage = UNSET, meta: dict[str, Any] = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["type"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["id"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["attributes"], default: None = None) -> Optional[PortfolioMessage]: ...

        @overload
        def get(self, name: Literal["meta"], default: None = None) -> Optional[dict[str, Any]]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
