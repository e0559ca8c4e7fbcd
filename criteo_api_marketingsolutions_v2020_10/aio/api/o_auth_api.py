"""OAuthApi, awaited: operations tagged OAuth in the Criteo Marketing Solutions API 2020-10, on the asyncio client.

The operations are declared once, in ``criteo_api_marketingsolutions_v2020_10.api.o_auth_api``.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Union, overload

from criteo_api_marketingsolutions_v2020_10._typing import CallOptions, WithHttpInfo
from criteo_api_marketingsolutions_v2020_10.aio.api_client import Api, ApiClient, bind
from criteo_api_marketingsolutions_v2020_10.api.o_auth_api import _CREATE_TOKEN  # pyright: ignore[reportPrivateUsage]
from criteo_api_marketingsolutions_v2020_10.model.jwt_model import JwtModel
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10.aio._streaming import AsyncStreamingResponse

__all__ = ["OAuthApi", "ApiClient"]


class OAuthApi(Api):
    """Operations tagged OAuth, awaited.

    Methods:
        create_token: POST /oauth2/token
    """

    @overload
    async def create_token(self, *, client_id: str = ..., client_secret: str = ..., grant_type: str = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> JwtModel: ...
    @overload
    async def create_token(self, *, client_id: str = ..., client_secret: str = ..., grant_type: str = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[JwtModel]: ...
    @overload
    async def create_token(self, *, client_id: str = ..., client_secret: str = ..., grant_type: str = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def create_token(self, *, client_id: str = ..., client_secret: str = ..., grant_type: str = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[JwtModel, WithHttpInfo[JwtModel], AsyncStreamingResponse]: ...
    @bind(_CREATE_TOKEN)
    async def create_token(self, *, client_id: str = UNSET, client_secret: str = UNSET, grant_type: str = UNSET, **options: Any) -> Any:
        """Creates a token when the supplied client credentials are valid."""
        return await self.api_client.invoke(_CREATE_TOKEN, (client_id, client_secret, grant_type), options)
