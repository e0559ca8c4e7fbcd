"""JwtModel, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.model_utils import Field, ModelNormal


class JwtModel(ModelNormal):
    """An access token, its type and its lifetime in seconds.

    Attributes:
        access_token (str): The bearer token to send in ``Authorization`` (masked in repr).
        token_type (str): Always ``Bearer``.
        expires_in (int): Lifetime of the token in seconds (int32).
    """

    _fields = (
        Field("access_token", "access_token", "str", secret=True, description="The bearer token to send in ``Authorization`` (masked in repr)."),
        Field("token_type", "token_type", "str", description="Always ``Bearer``."),
        Field("expires_in", "expires_in", "int", format="int32", description="Lifetime of the token in seconds."),
    )
