"""RequestAdSetSearch, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.ad_set_search_filter import AdSetSearchFilter
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class RequestAdSetSearch(ModelNormal):
    """Request body to search ad sets.

    Attributes:
        filters (AdSetSearchFilter): Which ad sets to return.
    """

    filters: Optional[AdSetSearchFilter]

    _fields = (
        Field("filters", "filters", "AdSetSearchFilter", description="Which ad sets to return."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, filters: AdSetSearchFilter = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["filters"], default: None = None) -> Optional[AdSetSearchFilter]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
