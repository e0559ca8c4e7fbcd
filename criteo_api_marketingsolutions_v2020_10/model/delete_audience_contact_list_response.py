"""DeleteAudienceContactListResponse, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class DeleteAudienceContactListResponse(ModelNormal):
    """Response to emptying the contact list of an audience.

    Attributes:
        data (BasicAudienceDefinition): The audience whose contact list was emptied. Required.
        errors ([AudienceError]): Problems that made the request fail. Required.
        warnings ([AudienceWarning]): Problems that did not make the request fail. Required.
    """

    _fields = (
        Field("data", "data", "BasicAudienceDefinition", required=True, description="The audience whose contact list was emptied."),
        Field("errors", "errors", "[AudienceError]", required=True, description="Problems that made the request fail."),
        Field("warnings", "warnings", "[AudienceWarning]", required=True, description="Problems that did not make the request fail."),
    )
