"""ContactlistAmendmentAttributes, the inline ``attributes`` object of ContactlistAmendment in the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class ContactlistAmendmentAttributes(ModelNormal):
    """The identifiers to add or remove, and their kind.

    Attributes:
        operation (str): Add the identifiers or remove them. Required.
        identifier_type (str): Kind of identifiers sent.
        identifiers ([str]): The identifiers: e-mail addresses, mobile advertising ids. Required.
        gum_caller_id (int): Caller id that goes with ``gum`` identifiers.
        internal_identifiers (bool): Whether the identifiers are Criteo's own.
    """

    _fields = (
        Field("operation", "operation", "str", required=True, enum=("add", "remove"), description="Add the identifiers or remove them."),
        Field("identifier_type", "identifierType", "str", enum=("email", "madid", "identityLink", "gum"), description="Kind of identifiers sent."),
        Field("identifiers", "identifiers", "[str]", required=True, description="The identifiers: e-mail addresses, mobile advertising ids..."),
        Field("gum_caller_id", "gumCallerId", "int", description="Caller id that goes with ``gum`` identifiers."),
        Field("internal_identifiers", "internalIdentifiers", "bool", description="Whether the identifiers are Criteo's own."),
    )
