"""ContactlistAmendmentRequest, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model.contactlist_amendment import ContactlistAmendment
from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class ContactlistAmendmentRequest(ModelNormal):
    """Request body to change the contact list of an audience.

    Attributes:
        data (ContactlistAmendment): The change to make. Required.
    """

    data: ContactlistAmendment

    _fields = (
        Field("data", "data", "ContactlistAmendment", required=True, description="The change to make."),
    )

    if TYPE_CHECKING:

        def __init__(self, data: ContactlistAmendment, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field; required ones may also be given by position."""

        @overload
        def get(self, name: Literal["data"], default: None = None) -> Optional[ContactlistAmendment]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
