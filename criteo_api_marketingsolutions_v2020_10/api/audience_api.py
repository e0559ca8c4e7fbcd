"""AudienceApi: operations tagged Audience in the Criteo Marketing Solutions API 2020-10.

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

__all__ = ["AudienceApi", "ApiClient"]

_CREATE_AUDIENCE = Endpoint(
    name="create_audience",
    method="POST",
    path="/2021-04/audiences",
    operation_id="createAudience",
    tag="Audience",
    summary="Creates an empty audience for an advertiser",
    params=(
        Param("new_audience_request", "new_audience_request", "body", "NewAudienceRequest", required=True, description="The audience to create"),
    ),
    content_types=("application/json",),
    accept=("application/json",),
    responses={200: "NewAudienceResponse", 403: "ErrorCodeResponse"},
    auth=("Authorization",),
)

_DELETE_IDENTIFIERS = Endpoint(
    name="delete_identifiers",
    method="DELETE",
    path="/2021-04/audiences/{audience-id}/contactlist",
    operation_id="deleteIdentifiers",
    tag="Audience",
    summary="Removes every identifier from the contact list of an audience",
    params=(
        Param("audience_id", "audience-id", "path", "str", required=True, format="int32", description="Id of the audience"),
    ),
    content_types=(),
    accept=("application/json",),
    responses={200: "DeleteAudienceContactListResponse", 403: "ErrorCodeResponse"},
    auth=("Authorization",),
)

_GET_AUDIENCES = Endpoint(
    name="get_audiences",
    method="GET",
    path="/2021-04/audiences",
    operation_id="getAudiences",
    tag="Audience",
    summary="Lists the audiences of the advertisers the application can access",
    params=(
        Param("advertiser_id", "advertiser-id", "query", "str", format="int32", description="Only the audiences of this advertiser"),
    ),
    content_types=(),
    accept=("application/json",),
    responses={200: "GetAudiencesResponse", 403: "ErrorCodeResponse"},
    auth=("Authorization",),
)

_MODIFY_AUDIENCE = Endpoint(
    name="modify_audience",
    method="PATCH",
    path="/2021-04/audiences/{audience-id}",
    operation_id="modifyAudience",
    tag="Audience",
    summary="Renames an audience",
    params=(
        Param("audience_id", "audience-id", "path", "str", required=True, format="int32", description="Id of the audience"),
        Param("replace_audience_request", "replace_audience_request", "body", "ReplaceAudienceRequest", required=True, description="The new name of the audience"),
    ),
    content_types=("application/json",),
    accept=("application/json",),
    responses={200: "ReplaceAudienceResponse", 403: "ErrorCodeResponse"},
    auth=("Authorization",),
)

_MODIFY_AUDIENCE_USERS = Endpoint(
    name="modify_audience_users",
    method="PATCH",
    path="/2021-04/audiences/{audience-id}/contactlist",
    operation_id="modifyAudienceUsers",
    tag="Audience",
    summary="Adds identifiers to, or removes them from, the contact list of an audience",
    params=(
        Param("audience_id", "audience-id", "path", "str", required=True, format="int32", description="Id of the audience"),
        Param("contactlist_amendment_request", "contactlist_amendment_request", "body", "ContactlistAmendmentRequest", required=True, description="The identifiers to add or remove"),
    ),
    content_types=("application/json",),
    accept=("application/json",),
    responses={200: "ModifyAudienceResponse", 403: "ErrorCodeResponse", 404: "ErrorCodeResponse"},
    auth=("Authorization",),
)

_REMOVE_AUDIENCE = Endpoint(
    name="remove_audience",
    method="DELETE",
    path="/2021-04/audiences/{audience-id}",
    operation_id="removeAudience",
    tag="Audience",
    summary="Deletes an audience",
    params=(
        Param("audience_id", "audience-id", "path", "str", required=True, format="int32", description="Id of the audience"),
    ),
    content_types=(),
    accept=("application/json",),
    responses={200: "DeleteAudienceResponse", 403: "ErrorCodeResponse"},
    auth=("Authorization",),
)


class AudienceApi(Api):
    """Operations tagged Audience.

    Methods:
        create_audience: POST /2021-04/audiences
        delete_identifiers: DELETE /2021-04/audiences/{audience-id}/contactlist
        get_audiences: GET /2021-04/audiences
        modify_audience: PATCH /2021-04/audiences/{audience-id}
        modify_audience_users: PATCH /2021-04/audiences/{audience-id}/contactlist
        remove_audience: DELETE /2021-04/audiences/{audience-id}
    """

    @overload
    def create_audience(self, new_audience_request: NewAudienceRequest, *, async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> NewAudienceResponse: ...
    @overload
    def create_audience(self, new_audience_request: NewAudienceRequest, *, async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[NewAudienceResponse]: ...
    @overload
    def create_audience(self, new_audience_request: NewAudienceRequest, *, async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def create_audience(self, new_audience_request: NewAudienceRequest, *, async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[NewAudienceResponse]: ...
    @overload
    def create_audience(self, new_audience_request: NewAudienceRequest, *, async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[NewAudienceResponse]]: ...
    @overload
    def create_audience(self, new_audience_request: NewAudienceRequest, *, async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def create_audience(self, new_audience_request: NewAudienceRequest, *, async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[NewAudienceResponse]: ...
    @_CREATE_AUDIENCE.bind
    def create_audience(self, new_audience_request: NewAudienceRequest, **options: Any) -> AnyResult[NewAudienceResponse]:
        """Creates an empty audience for an advertiser."""
        result: AnyResult[NewAudienceResponse] = self.api_client.invoke(_CREATE_AUDIENCE, (new_audience_request,), options)
        return result

    @overload
    def delete_identifiers(self, audience_id: str, *, async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> DeleteAudienceContactListResponse: ...
    @overload
    def delete_identifiers(self, audience_id: str, *, async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[DeleteAudienceContactListResponse]: ...
    @overload
    def delete_identifiers(self, audience_id: str, *, async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def delete_identifiers(self, audience_id: str, *, async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[DeleteAudienceContactListResponse]: ...
    @overload
    def delete_identifiers(self, audience_id: str, *, async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[DeleteAudienceContactListResponse]]: ...
    @overload
    def delete_identifiers(self, audience_id: str, *, async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def delete_identifiers(self, audience_id: str, *, async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[DeleteAudienceContactListResponse]: ...
    @_DELETE_IDENTIFIERS.bind
    def delete_identifiers(self, audience_id: str, **options: Any) -> AnyResult[DeleteAudienceContactListResponse]:
        """Removes every identifier from the contact list of an audience."""
        result: AnyResult[DeleteAudienceContactListResponse] = self.api_client.invoke(_DELETE_IDENTIFIERS, (audience_id,), options)
        return result

    @overload
    def get_audiences(self, *, advertiser_id: str = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> GetAudiencesResponse: ...
    @overload
    def get_audiences(self, *, advertiser_id: str = ..., async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[GetAudiencesResponse]: ...
    @overload
    def get_audiences(self, *, advertiser_id: str = ..., async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def get_audiences(self, *, advertiser_id: str = ..., async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[GetAudiencesResponse]: ...
    @overload
    def get_audiences(self, *, advertiser_id: str = ..., async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[GetAudiencesResponse]]: ...
    @overload
    def get_audiences(self, *, advertiser_id: str = ..., async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def get_audiences(self, *, advertiser_id: str = ..., async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[GetAudiencesResponse]: ...
    @_GET_AUDIENCES.bind
    def get_audiences(self, *, advertiser_id: str = UNSET, **options: Any) -> AnyResult[GetAudiencesResponse]:
        """Lists the audiences of the advertisers the application can access."""
        result: AnyResult[GetAudiencesResponse] = self.api_client.invoke(_GET_AUDIENCES, (advertiser_id,), options)
        return result

    @overload
    def modify_audience(self, audience_id: str, replace_audience_request: ReplaceAudienceRequest, *, async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> ReplaceAudienceResponse: ...
    @overload
    def modify_audience(self, audience_id: str, replace_audience_request: ReplaceAudienceRequest, *, async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[ReplaceAudienceResponse]: ...
    @overload
    def modify_audience(self, audience_id: str, replace_audience_request: ReplaceAudienceRequest, *, async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def modify_audience(self, audience_id: str, replace_audience_request: ReplaceAudienceRequest, *, async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[ReplaceAudienceResponse]: ...
    @overload
    def modify_audience(self, audience_id: str, replace_audience_request: ReplaceAudienceRequest, *, async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[ReplaceAudienceResponse]]: ...
    @overload
    def modify_audience(self, audience_id: str, replace_audience_request: ReplaceAudienceRequest, *, async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def modify_audience(self, audience_id: str, replace_audience_request: ReplaceAudienceRequest, *, async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[ReplaceAudienceResponse]: ...
    @_MODIFY_AUDIENCE.bind
    def modify_audience(self, audience_id: str, replace_audience_request: ReplaceAudienceRequest, **options: Any) -> AnyResult[ReplaceAudienceResponse]:
        """Renames an audience."""
        result: AnyResult[ReplaceAudienceResponse] = self.api_client.invoke(_MODIFY_AUDIENCE, (audience_id, replace_audience_request), options)
        return result

    @overload
    def modify_audience_users(self, audience_id: str, contactlist_amendment_request: ContactlistAmendmentRequest, *, async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> ModifyAudienceResponse: ...
    @overload
    def modify_audience_users(self, audience_id: str, contactlist_amendment_request: ContactlistAmendmentRequest, *, async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[ModifyAudienceResponse]: ...
    @overload
    def modify_audience_users(self, audience_id: str, contactlist_amendment_request: ContactlistAmendmentRequest, *, async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def modify_audience_users(self, audience_id: str, contactlist_amendment_request: ContactlistAmendmentRequest, *, async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[ModifyAudienceResponse]: ...
    @overload
    def modify_audience_users(self, audience_id: str, contactlist_amendment_request: ContactlistAmendmentRequest, *, async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[ModifyAudienceResponse]]: ...
    @overload
    def modify_audience_users(self, audience_id: str, contactlist_amendment_request: ContactlistAmendmentRequest, *, async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def modify_audience_users(self, audience_id: str, contactlist_amendment_request: ContactlistAmendmentRequest, *, async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[ModifyAudienceResponse]: ...
    @_MODIFY_AUDIENCE_USERS.bind
    def modify_audience_users(self, audience_id: str, contactlist_amendment_request: ContactlistAmendmentRequest, **options: Any) -> AnyResult[ModifyAudienceResponse]:
        """Adds identifiers to, or removes them from, the contact list of an audience."""
        result: AnyResult[ModifyAudienceResponse] = self.api_client.invoke(_MODIFY_AUDIENCE_USERS, (audience_id, contactlist_amendment_request), options)
        return result

    @overload
    def remove_audience(self, audience_id: str, *, async_req: Literal[False] = ..., _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> DeleteAudienceResponse: ...
    @overload
    def remove_audience(self, audience_id: str, *, async_req: Literal[False] = ..., _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> WithHttpInfo[DeleteAudienceResponse]: ...
    @overload
    def remove_audience(self, audience_id: str, *, async_req: Literal[False] = ..., _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> RawResponse: ...
    @overload
    def remove_audience(self, audience_id: str, *, async_req: Literal[True], _return_http_data_only: Literal[True] = ..., _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[DeleteAudienceResponse]: ...
    @overload
    def remove_audience(self, audience_id: str, *, async_req: Literal[True], _return_http_data_only: Literal[False], _preload_content: Literal[True] = ..., **options: Unpack[CallOptions]) -> AsyncResult[WithHttpInfo[DeleteAudienceResponse]]: ...
    @overload
    def remove_audience(self, audience_id: str, *, async_req: Literal[True], _return_http_data_only: bool = ..., _preload_content: Literal[False], **options: Unpack[CallOptions]) -> AsyncResult[RawResponse]: ...
    @overload
    def remove_audience(self, audience_id: str, *, async_req: bool = ..., _return_http_data_only: bool = ..., _preload_content: bool = ..., **options: Unpack[CallOptions]) -> AnyResult[DeleteAudienceResponse]: ...
    @_REMOVE_AUDIENCE.bind
    def remove_audience(self, audience_id: str, **options: Any) -> AnyResult[DeleteAudienceResponse]:
        """Deletes an audience."""
        result: AnyResult[DeleteAudienceResponse] = self.api_client.invoke(_REMOVE_AUDIENCE, (audience_id,), options)
        return result
