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
    "TokenConnectionError": "criteo_api_marketingsolutions_v2020_10.exceptions",
    "TokenTimeoutError": "criteo_api_marketingsolutions_v2020_10.exceptions",
    "Auth": "criteo_api_marketingsolutions_v2020_10._auth",
    "RateGroup": "criteo_api_marketingsolutions_v2020_10._rate",
    "DEFAULT_RATE_LIMITS": "criteo_api_marketingsolutions_v2020_10._rate",
    "REPORTING_PATHS": "criteo_api_marketingsolutions_v2020_10._rate",
    "RateLimitWaitError": "criteo_api_marketingsolutions_v2020_10._rate",
    "AsyncResult": "criteo_api_marketingsolutions_v2020_10._typing",
    "RawResponse": "criteo_api_marketingsolutions_v2020_10._typing",
    "StreamingResponse": "criteo_api_marketingsolutions_v2020_10._streaming",
    "WithHttpInfo": "criteo_api_marketingsolutions_v2020_10._typing",
}
"""Name -> module, for every name but ``__version__``: each is imported on first access."""

__all__ = [
    "__version__",
    "ApiClient",
    "Configuration",
    "RequestsTransport",
    "AsyncResult",
    "RawResponse",
    "StreamingResponse",
    "WithHttpInfo",
    "OpenApiException",
    "ApiException",
    "ApiTypeError",
    "ApiValueError",
    "ApiKeyError",
    "ApiAttributeError",
    "BadRequestException",
    "UnauthorizedException",
    "ForbiddenException",
    "NotFoundException",
    "ConflictException",
    "TooManyRequestsException",
    "ServiceException",
    "ApiConnectionError",
    "ApiTimeoutError",
    "MalformedResponseError",
    "TokenRefreshError",
    "TokenConnectionError",
    "TokenTimeoutError",
    "RateLimitWaitError",
    "Auth",
    "RateGroup",
    "DEFAULT_RATE_LIMITS",
    "REPORTING_PATHS",
]

if TYPE_CHECKING:  # pragma: no cover
    from criteo_api_marketingsolutions_v2020_10._auth import Auth as Auth
    from criteo_api_marketingsolutions_v2020_10._rate import DEFAULT_RATE_LIMITS as DEFAULT_RATE_LIMITS
    from criteo_api_marketingsolutions_v2020_10._rate import REPORTING_PATHS as REPORTING_PATHS
    from criteo_api_marketingsolutions_v2020_10._rate import RateGroup as RateGroup
    from criteo_api_marketingsolutions_v2020_10._rate import RateLimitWaitError as RateLimitWaitError
    from criteo_api_marketingsolutions_v2020_10._streaming import StreamingResponse as StreamingResponse
    from criteo_api_marketingsolutions_v2020_10._typing import AsyncResult as AsyncResult
    from criteo_api_marketingsolutions_v2020_10._typing import RawResponse as RawResponse
    from criteo_api_marketingsolutions_v2020_10._typing import WithHttpInfo as WithHttpInfo
    from criteo_api_marketingsolutions_v2020_10.api_client import ApiClient as ApiClient
    from criteo_api_marketingsolutions_v2020_10.configuration import Configuration as Configuration
    from criteo_api_marketingsolutions_v2020_10.exceptions import ApiAttributeError as ApiAttributeError
    from criteo_api_marketingsolutions_v2020_10.exceptions import ApiConnectionError as ApiConnectionError
    from criteo_api_marketingsolutions_v2020_10.exceptions import ApiException as ApiException
    from criteo_api_marketingsolutions_v2020_10.exceptions import ApiKeyError as ApiKeyError
    from criteo_api_marketingsolutions_v2020_10.exceptions import ApiTimeoutError as ApiTimeoutError
    from criteo_api_marketingsolutions_v2020_10.exceptions import ApiTypeError as ApiTypeError
    from criteo_api_marketingsolutions_v2020_10.exceptions import ApiValueError as ApiValueError
    from criteo_api_marketingsolutions_v2020_10.exceptions import BadRequestException as BadRequestException
    from criteo_api_marketingsolutions_v2020_10.exceptions import ConflictException as ConflictException
    from criteo_api_marketingsolutions_v2020_10.exceptions import ForbiddenException as ForbiddenException
    from criteo_api_marketingsolutions_v2020_10.exceptions import MalformedResponseError as MalformedResponseError
    from criteo_api_marketingsolutions_v2020_10.exceptions import NotFoundException as NotFoundException
    from criteo_api_marketingsolutions_v2020_10.exceptions import OpenApiException as OpenApiException
    from criteo_api_marketingsolutions_v2020_10.exceptions import ServiceException as ServiceException
    from criteo_api_marketingsolutions_v2020_10.exceptions import TokenConnectionError as TokenConnectionError
    from criteo_api_marketingsolutions_v2020_10.exceptions import TokenRefreshError as TokenRefreshError
    from criteo_api_marketingsolutions_v2020_10.exceptions import TokenTimeoutError as TokenTimeoutError
    from criteo_api_marketingsolutions_v2020_10.exceptions import TooManyRequestsException as TooManyRequestsException
    from criteo_api_marketingsolutions_v2020_10.exceptions import UnauthorizedException as UnauthorizedException
    from criteo_api_marketingsolutions_v2020_10.rest import RequestsTransport as RequestsTransport
else:
    # Module attributes imported on first use (PEP 562), so that importing the
    # package, ``apis`` or ``models`` costs nothing until a name is touched;
    # type checkers see the explicit re-exports above instead.
    __getattr__, __dir__ = lazy_exports(globals(), _LAZY)
