"""WriteModelPatchAdSet, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.patch_ad_set import PatchAdSet
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class WriteModelPatchAdSet(ModelNormal):
    """An ad set and the changes to make to it.

    Attributes:
        id (str): Id of the ad set.
        type (str): Type of the resource.
        attributes (PatchAdSet): The changes to make.
    """

    id: Optional[str]
    type: Optional[str]
    attributes: Optional[PatchAdSet]

    _fields = (
        Field("id", "id", "str", description="Id of the ad set."),
        Field("type", "type", "str", description="Type of the resource."),
        Field("attributes", "attributes", "PatchAdSet", description="The changes to make."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, id: str = UNSET, type: str = UNSET, attributes: PatchAdSet = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["id"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["type"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["attributes"], default: None = None) -> Optional[PatchAdSet]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
