"""ContactlistOperation, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.contactlist_operation_attributes import ContactlistOperationAttributes
from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class ContactlistOperation(ModelNormal):
    """A contact list change as the server recorded it.

    Attributes:
        type (str): Type of the resource. Required.
        attributes (ContactlistOperationAttributes): What was changed and how many identifiers were valid. Required.
    """

    type: str
    attributes: ContactlistOperationAttributes

    _fields = (
        Field("type", "type", "str", required=True, description="Type of the resource."),
        Field("attributes", "attributes", "ContactlistOperationAttributes", required=True, description="What was changed and how many identifiers were valid."),
    )

    if TYPE_CHECKING:

        def __init__(self, type: str, attributes: ContactlistOperationAttributes, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field; required ones may also be given by position."""

        @overload
        def get(self, name: Literal["type"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["attributes"], default: None = None) -> Optional[ContactlistOperationAttributes]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
