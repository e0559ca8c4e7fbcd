"""AudienceApi, awaited: operations tagged Audience in the Criteo Marketing Solutions API 2020-10, on the asyncio client.

The operations are declared once, in ``criteo_api_marketingsolutions_v2020_10.api.audience_api``.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Union, overload

from criteo_api_marketingsolutions_v2020_10._typing import CallOptions, WithHttpInfo
from criteo_api_marketingsolutions_v2020_10.aio.api_client import Api, ApiClient, bind
from criteo_api_marketingsolutions_v2020_10.api.audience_api import (
    _CREATE_AUDIENCE,  # pyright: ignore[reportPrivateUsage]
    _DELETE_IDENTIFIERS,  # pyright: ignore[reportPrivateUsage]
    _GET_AUDIENCES,  # pyright: ignore[reportPrivateUsage]
    _MODIFY_AUDIENCE,  # pyright: ignore[reportPrivateUsage]
    _MODIFY_AUDIENCE_USERS,  # pyright: ignore[reportPrivateUsage]
    _REMOVE_AUDIENCE,  # pyright: ignore[reportPrivateUsage]
)
from criteo_api_marketingsolutions_v2020_10.model.contactlist_amendment_request import ContactlistAmendmentRequest
from criteo_api_marketingsolutions_v2020_10.model.delete_audience_contact_list_response import (
    DeleteAudienceContactListResponse,
)
from criteo_api_marketingsolutions_v2020_10.model.delete_audience_response import DeleteAudienceResponse
from criteo_api_marketingsolutions_v2020_10.model.get_audiences_response import GetAudiencesResponse
from criteo_api_marketingsolutions_v2020_10.model.modify_audience_response import ModifyAudienceResponse
from criteo_api_marketingsolutions_v2020_10.model.new_audience_request import NewAudienceRequest
from criteo_api_marketingsolutions_v2020_10.model.new_audience_response import NewAudienceResponse
from criteo_api_marketingsolutions_v2020_10.model.replace_audience_request import ReplaceAudienceRequest
from criteo_api_marketingsolutions_v2020_10.model.replace_audience_response import ReplaceAudienceResponse
from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10.aio._streaming import AsyncStreamingResponse

__all__ = ["AudienceApi", "ApiClient"]


class AudienceApi(Api):
    """Operations tagged Audience, awaited.

    Methods:
        create_audience: POST /2021-04/audiences
        delete_identifiers: DELETE /2021-04/audiences/{audience-id}/contactlist
        get_audiences: GET /2021-04/audiences
        modify_audience: PATCH /2021-04/audiences/{audience-id}
        modify_audience_users: PATCH /2021-04/audiences/{audience-id}/contactlist
        remove_audience: DELETE /2021-04/audiences/{audience-id}
    """

    @overload
    async def create_audience(self, new_audience_request: NewAudienceRequest, *, _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> NewAudienceResponse: ...
    @overload
    async def create_audience(self, new_audience_request: NewAudienceRequest, *, _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[NewAudienceResponse]: ...
    @overload
    async def create_audience(self, new_audience_request: NewAudienceRequest, *, _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def create_audience(self, new_audience_request: NewAudienceRequest, *, _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[NewAudienceResponse, WithHttpInfo[NewAudienceResponse], AsyncStreamingResponse]: ...
    @bind(_CREATE_AUDIENCE)
    async def create_audience(self, new_audience_request: NewAudienceRequest, **options: Any) -> Any:
        """Creates an empty audience for an advertiser."""
        return await self.api_client.invoke(_CREATE_AUDIENCE, (new_audience_request,), options)

    @overload
    async def delete_identifiers(self, audience_id: str, *, _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> DeleteAudienceContactListResponse: ...
    @overload
    async def delete_identifiers(self, audience_id: str, *, _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[DeleteAudienceContactListResponse]: ...
    @overload
    async def delete_identifiers(self, audience_id: str, *, _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def delete_identifiers(self, audience_id: str, *, _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[DeleteAudienceContactListResponse, WithHttpInfo[DeleteAudienceContactListResponse], AsyncStreamingResponse]: ...
    @bind(_DELETE_IDENTIFIERS)
    async def delete_identifiers(self, audience_id: str, **options: Any) -> Any:
        """Removes every identifier from the contact list of an audience."""
        return await self.api_client.invoke(_DELETE_IDENTIFIERS, (audience_id,), options)

    @overload
    async def get_audiences(self, *, advertiser_id: str = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> GetAudiencesResponse: ...
    @overload
    async def get_audiences(self, *, advertiser_id: str = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[GetAudiencesResponse]: ...
    @overload
    async def get_audiences(self, *, advertiser_id: str = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def get_audiences(self, *, advertiser_id: str = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[GetAudiencesResponse, WithHttpInfo[GetAudiencesResponse], AsyncStreamingResponse]: ...
    @bind(_GET_AUDIENCES)
    async def get_audiences(self, *, advertiser_id: str = UNSET, **options: Any) -> Any:
        """Lists the audiences of the advertisers the application can access."""
        return await self.api_client.invoke(_GET_AUDIENCES, (advertiser_id,), options)

    @overload
    async def modify_audience(self, audience_id: str, replace_audience_request: ReplaceAudienceRequest, *, _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> ReplaceAudienceResponse: ...
    @overload
    async def modify_audience(self, audience_id: str, replace_audience_request: ReplaceAudienceRequest, *, _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[ReplaceAudienceResponse]: ...
    @overload
    async def modify_audience(self, audience_id: str, replace_audience_request: ReplaceAudienceRequest, *, _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def modify_audience(self, audience_id: str, replace_audience_request: ReplaceAudienceRequest, *, _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[ReplaceAudienceResponse, WithHttpInfo[ReplaceAudienceResponse], AsyncStreamingResponse]: ...
    @bind(_MODIFY_AUDIENCE)
    async def modify_audience(self, audience_id: str, replace_audience_request: ReplaceAudienceRequest, **options: Any) -> Any:
        """Renames an audience."""
        return await self.api_client.invoke(_MODIFY_AUDIENCE, (audience_id, replace_audience_request), options)

    @overload
    async def modify_audience_users(self, audience_id: str, contactlist_amendment_request: ContactlistAmendmentRequest, *, _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> ModifyAudienceResponse: ...
    @overload
    async def modify_audience_users(self, audience_id: str, contactlist_amendment_request: ContactlistAmendmentRequest, *, _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[ModifyAudienceResponse]: ...
    @overload
    async def modify_audience_users(self, audience_id: str, contactlist_amendment_request: ContactlistAmendmentRequest, *, _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def modify_audience_users(self, audience_id: str, contactlist_amendment_request: ContactlistAmendmentRequest, *, _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[ModifyAudienceResponse, WithHttpInfo[ModifyAudienceResponse], AsyncStreamingResponse]: ...
    @bind(_MODIFY_AUDIENCE_USERS)
    async def modify_audience_users(self, audience_id: str, contactlist_amendment_request: ContactlistAmendmentRequest, **options: Any) -> Any:
        """Adds identifiers to, or removes them from, the contact list of an audience."""
        return await self.api_client.invoke(_MODIFY_AUDIENCE_USERS, (audience_id, contactlist_amendment_request), options)

    @overload
    async def remove_audience(self, audience_id: str, *, _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> DeleteAudienceResponse: ...
    @overload
    async def remove_audience(self, audience_id: str, *, _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[DeleteAudienceResponse]: ...
    @overload
    async def remove_audience(self, audience_id: str, *, _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncStreamingResponse: ...
    @overload
    async def remove_audience(self, audience_id: str, *, _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> Union[DeleteAudienceResponse, WithHttpInfo[DeleteAudienceResponse], AsyncStreamingResponse]: ...
    @bind(_REMOVE_AUDIENCE)
    async def remove_audience(self, audience_id: str, **options: Any) -> Any:
        """Deletes an audience."""
        return await self.api_client.invoke(_REMOVE_AUDIENCE, (audience_id,), options)
