"""ContactlistOperation, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class ContactlistOperation(ModelNormal):
    """A contact list change as the server recorded it.

    Attributes:
        type (str): Type of the resource. Required.
        attributes (ContactlistOperationAttributes): What was changed and how many identifiers were valid. Required.
    """

    _fields = (
        Field("type", "type", "str", required=True, description="Type of the resource."),
        Field("attributes", "attributes", "ContactlistOperationAttributes", required=True, description="What was changed and how many identifiers were valid."),
    )
