"""OAuthApi: operations tagged OAuth in the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from criteo_api_marketingsolutions_v2020_10.api_client import Api, ApiClient, Endpoint, Param

__all__ = ["OAuthApi", "ApiClient"]


class OAuthApi(Api):
    """Operations tagged OAuth.

    Methods:
        create_token: POST /oauth2/token
    """

    create_token = Endpoint(
        name="create_token",
        method="POST",
        path="/oauth2/token",
        operation_id="CreateToken",
        tag="OAuth",
        summary="Creates a token when the supplied client credentials are valid",
        params=(
            Param("client_id", "client_id", "form", "str", non_empty=True, description="API Client-Id or Username"),
            Param("client_secret", "client_secret", "form", "str", secret=True, non_empty=True, format="password", description="API Client secret or password"),
            Param("grant_type", "grant_type", "form", "str", default="client_credentials", description="Other grant types are not available"),
        ),
        content_types=("application/x-www-form-urlencoded",),
        accept=("text/plain", "application/json", "text/json"),
        responses={200: "JwtModel", 400: "OAuth2Error"},
        auth=("Authorization",),
        token_request=True,
    )
