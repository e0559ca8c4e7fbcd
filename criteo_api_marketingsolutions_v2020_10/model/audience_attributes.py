"""AudienceAttributes, the inline ``attributes`` object of Audience in the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class AudienceAttributes(ModelNormal):
    """The fields of an audience.

    Attributes:
        advertiser_id (str): Id of the advertiser that owns the audience (int32).
        name (str): Name of the audience. Required.
        description (str): Free-text description of the audience. Required.
        created (datetime): When the audience was created. Required.
        updated (datetime): When the audience was last changed. Required.
        nb_lines (int): Number of identifiers in the audience.
        nb_lines_email (int): Number of e-mail identifiers in the audience.
        nb_matches_email (int): Number of e-mail identifiers matched to users.
    """

    advertiser_id: Optional[str]
    name: str
    description: str
    created: datetime
    updated: datetime
    nb_lines: Optional[int]
    nb_lines_email: Optional[int]
    nb_matches_email: Optional[int]

    _fields = (
        Field("advertiser_id", "advertiserId", "str", format="int32", description="Id of the advertiser that owns the audience."),
        Field("name", "name", "str", required=True, description="Name of the audience."),
        Field("description", "description", "str", required=True, description="Free-text description of the audience."),
        Field("created", "created", "datetime", required=True, format="date-time", description="When the audience was created."),
        Field("updated", "updated", "datetime", required=True, format="date-time", description="When the audience was last changed."),
        Field("nb_lines", "nbLines", "int", description="Number of identifiers in the audience."),
        Field("nb_lines_email", "nbLinesEmail", "int", description="Number of e-mail identifiers in the audience."),
        Field("nb_matches_email", "nbMatchesEmail", "int", description="Number of e-mail identifiers matched to users."),
    )

    if TYPE_CHECKING:

        def __init__(self, name: str, description: str, created: datetime, updated: datetime, *, advertiser_id: str = UNSET, nb_lines: int = UNSET, nb_lines_email: int = UNSET, nb_matches_email: int = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field; required ones may also be given by position."""

        @overload
        def get(self, name: Literal["advertiser_id"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["name"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["description"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["created"], default: None = None) -> Optional[datetime]: ...

        @overload
        def get(self, name: Literal["updated"], default: None = None) -> Optional[datetime]: ...

        @overload
        def get(self, name: Literal["nb_lines"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["nb_lines_email"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: Literal["nb_matches_email"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
