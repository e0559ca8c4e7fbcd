"""OAuthApi: operations tagged OAuth in the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, overload

from criteo_api_marketingsolutions_v2020_10._typing import (
    AnyResult,
    AsyncResult,
    CallOptions,
    RawResponse,
    WithHttpInfo,
)
from criteo_api_marketingsolutions_v2020_10.api_client import Api, ApiClient, Endpoint, Param
from criteo_api_marketingsolutions_v2020_10.model.jwt_model import JwtModel
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["OAuthApi", "ApiClient"]

_CREATE_TOKEN = Endpoint(
    name="create_token",
    method="POST",
    path="/oauth2/token",
    operation_id="CreateToken",
    tag="OAuth",
    summary="Creates a token when the supplied client credentials are valid",
    params=(
        Param("client_id", "client_id", "form", "str", non_empty=True, description="API Client-Id or Username"),
        Param("client_secret", "client_secret", "form", "str", secret=True, non_empty=True, format="password", description="API Client secret or password"),
        Param("grant_type", "grant_type", "form", "str", default="client_credentials", description="Other grant types are not available"),
    ),
    content_types=("application/x-www-form-urlencoded",),
    accept=("text/plain", "application/json", "text/json"),
    responses={200: "JwtModel", 400: "OAuth2Error"},
    auth=("Authorization",),
    token_request=True,
)


class OAuthApi(Api):
    """Operations tagged OAuth.

    Methods:
        create_token: POST /oauth2/token
    """

    @overload
    def create_token(self, *, client_id: str = ..., client_secret: str = ..., grant_type: str = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> JwtModel: ...
    @overload
    def create_token(self, *, client_id: str = ..., client_secret: str = ..., grant_type: str = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[JwtModel]: ...
    @overload
    def create_token(self, *, client_id: str = ..., client_secret: str = ..., grant_type: str = ..., async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def create_token(self, *, client_id: str = ..., client_secret: str = ..., grant_type: str = ..., async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[JwtModel]: ...
    @overload
    def create_token(self, *, client_id: str = ..., client_secret: str = ..., grant_type: str = ..., async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[JwtModel]]: ...
    @overload
    def create_token(self, *, client_id: str = ..., client_secret: str = ..., grant_type: str = ..., async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def create_token(self, *, client_id: str = ..., client_secret: str = ..., grant_type: str = ..., async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[JwtModel]: ...
    @_CREATE_TOKEN.bind
    def create_token(self, *, client_id: str = UNSET, client_secret: str = UNSET, grant_type: str = UNSET, **options: Any) -> AnyResult[JwtModel]:
        """Creates a token when the supplied client credentials are valid."""
        result: AnyResult[JwtModel] = self.api_client.invoke(_CREATE_TOKEN, (client_id, client_secret, grant_type), options)
        return result
