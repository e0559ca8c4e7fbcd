"""ContactlistAmendmentAttributes, the inline ``attributes`` object of ContactlistAmendment in the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class ContactlistAmendmentAttributes(ModelNormal):
    """The identifiers to add or remove, and their kind.

    Attributes:
        operation (str): Add the identifiers or remove them. Required.
        identifier_type (str): Kind of identifiers sent.
        identifiers (list[str]): The identifiers: e-mail addresses, mobile advertising ids. Required.
        gum_caller_id (int): Caller id that goes with ``gum`` identifiers.
        internal_identifiers (bool): Whether the identifiers are Criteo's own.
    """

    operation: Literal["add", "remove"]
    identifier_type: Optional[Literal["email", "madid", "identityLink", "gum"]]
    identifiers: list[str]
    gum_caller_id: Optional[int]
    internal_identifiers: Optional[bool]

    _fields = (
        Field("operation", "operation", "str", required=True, enum=("add", "remove"), description="Add the identifiers or remove them."),
        Field("identifier_type", "identifierType", "str", enum=("email", "madid", "identityLink", "gum"), description="Kind of identifiers sent."),
        Field("identifiers", "identifiers", "[str]", required=True, description="The identifiers: e-mail addresses, mobile advertising ids..."),
        Field("gum_caller_id", "gumCallerId", "int", description="Caller id that goes with ``gum`` identifiers."),
        Field("internal_identifiers", "internalIdentifiers", "bool", description="Whether the identifiers are Criteo's own."),
    )

    if TYPE_CHECKING:

        def __init__(self, operation: Literal["add", "remove"], identifiers: list[str], *, identifier_type: Literal["email", "madid", "identityLink", "gum"] = UNSET, gum_caller_id: int = UNSET, internal_identifiers: bool = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field; required ones may also be given by position."""

        @overload
        def get(self, name: Literal["operation"], default: None = None) -> Optional[Literal["add", "remove"]]: ...

        @overload
        def get(self, name: Literal["identifier_type"], default: None = None) -> Optional[Literal["email", "madid", "identityLink", "gum"]]: ...

        @overload
        def get(self, name: Literal["identifiers"], default: None = None) -> Optional[list[str]]: ...

        @overload
        def get(self, name: Literal["gum_caller_id"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["internal_identifiers"], default: None = None) -> Optional[bool]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
