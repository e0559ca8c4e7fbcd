"""OAuth2Error, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class OAuth2Error(ModelNormal):
    """The body of a refused token request (RFC 6749 section 5.2).

    Attributes:
        error (str): Error code such as ``invalid_client`` or ``invalid_grant``. Required.
        error_description (str): Human-readable explanation.
    """

    error: str
    error_description: Optional[str]

    _fields = (
        Field("error", "error", "str", required=True, description="Error code such as ``invalid_client`` or ``invalid_grant``."),
        Field("error_description", "error_description", "str", description="Human-readable explanation."),
    )

    if TYPE_CHECKING:

        def __init__(self, error: str, *, error_description: str = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field; required ones may also be given by position."""

        @overload
        def get(self, name: Literal["error"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["error_description"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
