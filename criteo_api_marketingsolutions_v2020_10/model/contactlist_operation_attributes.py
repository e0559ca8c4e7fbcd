"""ContactlistOperationAttributes, the inline ``attributes`` object of ContactlistOperation in the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class ContactlistOperationAttributes(ModelNormal):
    """The details of a recorded contact list change.

    Attributes:
        contact_list_id (str): Id of the contact list (int32).
        operation (str): The change made (``add`` or ``remove``). Required.
        request_date (datetime): When the change was requested.
        identifier_type (str): Kind of identifiers sent.
        nb_valid_identifiers (int): Number of identifiers accepted.
        nb_invalid_identifiers (int): Number of identifiers refused.
        sample_invalid_identifiers (list[str]): Some of the refused identifiers.
    """

    contact_list_id: Optional[str]
    operation: str
    request_date: Optional[datetime]
    identifier_type: Optional[str]
    nb_valid_identifiers: Optional[int]
    nb_invalid_identifiers: Optional[int]
    sample_invalid_identifiers: Optional[list[str]]

    _fields = (
        Field("contact_list_id", "contactListId", "str", format="int32", description="Id of the contact list."),
        Field("operation", "operation", "str", required=True, description="The change made (``add`` or ``remove``)."),
        Field("request_date", "requestDate", "datetime", format="date-time", description="When the change was requested."),
        Field("identifier_type", "identifierType", "str", description="Kind of identifiers sent."),
        Field("nb_valid_identifiers", "nbValidIdentifiers", "int", description="Number of identifiers accepted."),
        Field("nb_invalid_identifiers", "nbInvalidIdentifiers", "int", description="Number of identifiers refused."),
        Field("sample_invalid_identifiers", "sampleInvalidIdentifiers", "[str]", description="Some of the refused identifiers."),
    )

    if TYPE_CHECKING:

        def __init__(self, operation: str, *, contact_list_id: str = UNSET, request_date: datetime = UNSET, identifier_type: str = UNSET, nb_valid_identifiers: int = UNSET, nb_invalid_identifiers: int = UNSET, sample_invalid_identifiers: list[str] = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field; required ones may also be given by position."""

        @overload
        def get(self, name: Literal["contact_list_id"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["operation"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["request_date"], default: None = None) -> Optional[datetime]: ...

        @overload
        def get(self, name: Literal["identifier_type"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["nb_valid_identifiers"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["nb_invalid_identifiers"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["sample_invalid_identifiers"], default: None = None) -> Optional[list[str]]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
