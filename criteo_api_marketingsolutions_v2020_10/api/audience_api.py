"""AudienceApi: operations tagged Audience in the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.api_client import Api, ApiClient, Endpoint, Param

__all__ = ["AudienceApi", "ApiClient"]


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

    create_audience = Endpoint(
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

    delete_identifiers = Endpoint(
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

    get_audiences = Endpoint(
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

    modify_audience = Endpoint(
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

    modify_audience_users = Endpoint(
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

    remove_audience = Endpoint(
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
