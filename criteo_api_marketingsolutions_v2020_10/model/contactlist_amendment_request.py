"""ContactlistAmendmentRequest, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class ContactlistAmendmentRequest(ModelNormal):
    """Request body to change the contact list of an audience.

    Attributes:
        data (ContactlistAmendment): The change to make. Required.
    """

    _fields = (
        Field("data", "data", "ContactlistAmendment", required=True, description="The change to make."),
    )
