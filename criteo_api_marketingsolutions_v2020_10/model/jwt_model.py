"""JwtModel, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class JwtModel(ModelNormal):
    """An access token, its type and its lifetime in seconds.

    Attributes:
        access_token (str): The bearer token to send in ``Authorization`` (masked in repr).
        token_type (str): Always ``Bearer``.
        expires_in (int): Lifetime of the token in seconds (int32).
    """

    access_token: Optional[str]
    token_type: Optional[str]
    expires_in: Optional[int]

    _fields = (
        Field("access_token", "access_token", "str", secret=True, description="The bearer token to send in ``Authorization`` (masked in repr)."),
        Field("token_type", "token_type", "str", description="Always ``Bearer``."),
        Field("expires_in", "expires_in", "int", format="int32", description="Lifetime of the token in seconds."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, access_token: str = UNSET, token_type: str = UNSET, expires_in: int = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["access_token"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["token_type"], default: None = None) -> Optional[str]: ...

        @overload
        def get(self, name: Literal["expires_in"], default: None = None) -> Optional[int]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
