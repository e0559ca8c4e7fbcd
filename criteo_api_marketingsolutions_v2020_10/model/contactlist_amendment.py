"""ContactlistAmendment, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.contactlist_amendment_attributes import ContactlistAmendmentAttributes
from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class ContactlistAmendment(ModelNormal):
    """A change to the contact list of an audience.

    Attributes:
        type (str): Type of the resource. Required.
        attributes (ContactlistAmendmentAttributes): The identifiers and what to do with them. Required.
    """

    type: str
    attributes: ContactlistAmendmentAttributes

    _fields = (
        Field("type", "type", "str", required=True, description="Type of the resource."),
        Field("attributes", "attributes", "ContactlistAmendmentAttributes", required=True, description="The identifiers and what to do with them."),
    )

    if TYPE_CHECKING:

        def __init__(self, type: str, attributes: ContactlistAmendmentAttributes, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field; required ones may also be given by position."""

        @overload
        def get(self, name: Literal["type"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["attributes"], default: None = None) -> Optional[ContactlistAmendmentAttributes]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
