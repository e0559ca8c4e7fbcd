"""ContactlistAmendment, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class ContactlistAmendment(ModelNormal):
    """A change to the contact list of an audience.

    Attributes:
        type (str): Type of the resource. Required.
        attributes (ContactlistAmendmentAttributes): The identifiers and what to do with them. Required.
    """

    _fields = (
        Field("type", "type", "str", required=True, description="Type of the resource."),
        Field("attributes", "attributes", "ContactlistAmendmentAttributes", required=True, description="The identifiers and what to do with them."),
    )
