"""Python SDK for the Criteo Marketing Solutions API, version 2020-10.

Quick start::

    import criteo_api_marketingsolutions_v2020_10 as criteo
    from criteo_api_marketingsolutions_v2020_10.api import o_auth_api

    configuration = criteo.Configuration(host="https://api.criteo.com")
    with criteo.ApiClient(configuration) as api_client:
        token = o_auth_api.OAuthApi(api_client).create_token(
            client_id="...", client_secret="...", grant_type="client_credentials"
        )

Importing the package is cheap: ``ApiClient``, ``Configuration`` and the
exceptions load on first use, API classes come from ``api.<module>`` and
models from ``model.<module>``; ``apis`` and ``models`` gather them all.
"""

from typing import TYPE_CHECKING

from criteo_api_marketingsolutions_v2020_10 import _log
from criteo_api_marketingsolutions_v2020_10._constants import __version__
from criteo_api_marketingsolutions_v2020_10._lazy import lazy_exports

_log.configure_from_env()

_LAZY = {
    "ApiClient": "criteo_api_marketingsolutions_v2020_10.api_client",
    "Configuration": "criteo_api_marketingsolutions_v2020_10.configuration",
    "RequestsTransport": "criteo_api_marketingsolutions_v2020_10.rest",
    "OpenApiException": "criteo_api_marketingsolutions_v2020_10.exceptions",
    "ApiException": "criteo_api_marketingsolutions_v2020_10.exceptions",
    "ApiTypeError": "criteo_api_marketingsolutions_v2020_10.exceptions",
    "ApiValueError": "criteo_api_marketingsolutions_v2020_10.exceptions",
    "ApiKeyError": "criteo_api_marketingsolutions_v2020_10.exceptions",
    "ApiAttributeError": "criteo_api_marketingsolutions_v2020_10.exceptions",
    "BadRequestException": "criteo_api_marketingsolutions_v2020_10.exceptions",
    "UnauthorizedException": "criteo_api_marketingsolutions_v2020_10.exceptions",
    "ForbiddenException": "criteo_api_marketingsolutions_v2020_10.exceptions",
    "NotFoundException": "criteo_api_marketingsolutions_v2020_10.exceptions",
    "ConflictException": "criteo_api_marketingsolutions_v2020_10.exceptions",
    "TooManyRequestsException": "criteo_api_marketingsolutions_v2020_10.exceptions",
    "ServiceException": "criteo_api_marketingsolutions_v2020_10.exceptions",
    "ApiConnectionError": "criteo_api_marketingsolutions_v2020_10.exceptions",
    "ApiTimeoutError": "criteo_api_marketingsolutions_v2020_10.exceptions",
    "MalformedResponseError": "criteo_api_marketingsolutions_v2020_10.exceptions",
    "TokenRefreshError": "criteo_api_marketingsolutions_v2020_10.exceptions",
}

__all__ = ["__version__", *_LAZY]

if TYPE_CHECKING:  # pragma: no cover
    from criteo_api_marketingsolutions_v2020_10.api_client import ApiClient
    from criteo_api_marketingsolutions_v2020_10.configuration import Configuration
    from criteo_api_marketingsolutions_v2020_10.exceptions import (
        ApiAttributeError,
        ApiConnectionError,
        ApiException,
        ApiKeyError,
        ApiTimeoutError,
        ApiTypeError,
        ApiValueError,
        BadRequestException,
        ConflictException,
        ForbiddenException,
        MalformedResponseError,
        NotFoundException,
        OpenApiException,
        ServiceException,
        TokenRefreshError,
        TooManyRequestsException,
        UnauthorizedException,
    )
    from criteo_api_marketingsolutions_v2020_10.rest import RequestsTransport


__getattr__, __dir__ = lazy_exports(globals(), _LAZY)
