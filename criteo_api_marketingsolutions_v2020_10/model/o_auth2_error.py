"""OAuth2Error, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class OAuth2Error(ModelNormal):
    """The body of a refused token request (RFC 6749 section 5.2).

    Attributes:
        error (str): Error code such as ``invalid_client`` or ``invalid_grant``. Required.
        error_description (str): Human-readable explanation.
    """

    _fields = (
        Field("error", "error", "str", required=True, description="Error code such as ``invalid_client`` or ``invalid_grant``."),
        Field("error_description", "error_description", "str", description="Human-readable explanation."),
    )
