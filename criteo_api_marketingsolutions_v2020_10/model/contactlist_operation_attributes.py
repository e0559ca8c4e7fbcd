"""ContactlistOperationAttributes, the inline ``attributes`` object of ContactlistOperation in the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class ContactlistOperationAttributes(ModelNormal):
    """The details of a recorded contact list change.

    Attributes:
        contact_list_id (str): Id of the contact list (int32).
        operation (str): The change made (``add`` or ``remove``). Required.
        request_date (datetime): When the change was requested.
        identifier_type (str): Kind of identifiers sent.
        nb_valid_identifiers (int): Number of identifiers accepted.
        nb_invalid_identifiers (int): Number of identifiers refused.
        sample_invalid_identifiers ([str]): Some of the refused identifiers.
    """

    _fields = (
        Field("contact_list_id", "contactListId", "str", format="int32", description="Id of the contact list."),
        Field("operation", "operation", "str", required=True, description="The change made (``add`` or ``remove``)."),
        Field("request_date", "requestDate", "datetime", format="date-time", description="When the change was requested."),
        Field("identifier_type", "identifierType", "str", description="Kind of identifiers sent."),
        Field("nb_valid_identifiers", "nbValidIdentifiers", "int", description="Number of identifiers accepted."),
        Field("nb_invalid_identifiers", "nbInvalidIdentifiers", "int", description="Number of identifiers refused."),
        Field("sample_invalid_identifiers", "sampleInvalidIdentifiers", "[str]", description="Some of the refused identifiers."),
    )
