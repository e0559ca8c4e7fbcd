"""GetPortfolioResponse, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.criteo_api_data_of_portfolio_message import (
    CriteoApiDataOfPortfolioMessage,
)
from criteo_api_marketingsolutions_v2020_10.model.criteo_api_error import CriteoApiError
from criteo_api_marketingsolutions_v2020_10.model.criteo_api_warning import CriteoApiWarning
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class GetPortfolioResponse(ModelNormal):
    """The advertisers the application can access, with errors and warnings.

    Attributes:
        data (list[CriteoApiDataOfPortfolioMessage]): The advertisers.
        errors (list[CriteoApiError]): Problems that made the request fail.
        warnings (list[CriteoApiWarning]): Problems that did not make the request fail.
    """

    data: Optional[list[CriteoApiDataOfPortfolioMessage]]
    errors: Optional[list[CriteoApiError]]
    warnings: Optional[list[CriteoApiWarning]]

    _fields = (
        Field("data", "data", "[CriteoApiDataOfPortfolioMessage]", description="The advertisers."),
        Field("errors", "errors", "[CriteoApiError]", description="Problems that made the request fail."),
        Field("warnings", "warnings", "[CriteoApiWarning]", description="Problems that did not make the request fail."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, data: list[CriteoApiDataOfPortfolioMessage] = UNSET, errors: list[CriteoApiError] = UNSET, warnings: list[CriteoApiWarning] = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["data"], default: None = None) -> Optional[list[CriteoApiDataOfPortfolioMessage]]: ...

        @overload
        def get(self, name: Literal["errors"], default: None = None) -> Optional[list[CriteoApiError]]: ...

        @overload
        def get(self, name: Literal["warnings"], default: None = None) -> Optional[list[CriteoApiWarning]]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
