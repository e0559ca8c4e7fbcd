"""NewAudienceAttributes, the inline ``attributes`` object of NewAudience in the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class NewAudienceAttributes(ModelNormal):
    """The name and owner of a new audience.

    Attributes:
        advertiser_id (str): Id of the advertiser the audience is for.
        name (str): Name of the audience. Required.
        description (str): Free-text description of the audience.
    """

    advertiser_id: Optional[str]
    name: str
    description: Optional[str]

    _fields = (
        Field("advertiser_id", "advertiserId", "str", description="Id of the advertiser the audience is for."),
        Field("name", "name", "str", required=True, description="Name of the audience."),
        Field("description", "description", "str", description="Free-text description of the audience."),
    )

    if TYPE_CHECKING:

        def __init__(self, name: str, *, advertiser_id: str = UNSET, description: str = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field; required ones may also be given by position."""

        @overload
        def get(self, name: Literal["advertiser_id"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["name"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["description"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
