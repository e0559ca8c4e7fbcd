"""AdSetFrequencyCapping, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class AdSetFrequencyCapping(ModelNormal):
    """How often one user may see the ads of an ad set.

    Attributes:
        frequency (str): The period the impression cap applies to.
        maximum_impressions (int): Most impressions one user may see within the period (int32).
    """

    frequency: Optional[str]
    maximum_impressions: Optional[int]

    _fields = (
        Field("frequency", "frequency", "str", enum=("hourly", "daily", "lifetime", "advanced"), description="The period the impression cap applies to."),
        Field("maximum_impressions", "maximumImpressions", "int", format="int32", description="Most impressions one user may see within the period."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, frequency: Literal["hourly", "daily", "lifetime", "advanced"] = UNSET, maximum_impressions: int = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["frequency"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["maximum_impressions"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
