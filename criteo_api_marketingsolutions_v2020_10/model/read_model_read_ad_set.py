"""ReadModelReadAdSet, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.read_ad_set import ReadAdSet
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class ReadModelReadAdSet(ModelNormal):
    """An ad set as the server returns it.

    Attributes:
        id (str): Id of the ad set. Read-only.
        type (str): Type of the resource. Read-only.
        attributes (ReadAdSet): The settings of the ad set.
    """

    id: Optional[str]
    type: Optional[str]
    attributes: Optional[ReadAdSet]

    _fields = (
        Field("id", "id", "str", read_only=True, description="Id of the ad set."),
        Field("type", "type", "str", read_only=True, description="Type of the resource."),
        Field("attributes", "attributes", "ReadAdSet", description="The settings of the ad set."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, attributes: ReadAdSet = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["id"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["type"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["attributes"], default: None = None) -> Optional[ReadAdSet]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
