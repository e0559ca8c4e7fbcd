"""Every default the SDK relies on, in one place, each with the reason for its value."""

import os

PACKAGE_NAME = "criteo_api_marketingsolutions_v2020_10"
__version__ = "1.0.0"
API_VERSION = "2020-10"
DEFAULT_HOST = "https://api.criteo.com"  #: the spec's only server (production)
#: Sent as ``User-Agent`` so server logs tell this SDK and its version apart.
DEFAULT_USER_AGENT = f"criteo-api-marketingsolutions-python/{__version__}/{API_VERSION}"

DEFAULT_CONNECT_TIMEOUT = 10.0  #: s: enough for a slow network; a black-holed host does not hang a job
DEFAULT_READ_TIMEOUT = 120.0  #: s of silence while waiting for bytes: generous, reports can take a while to build
DEFAULT_CALL_DEADLINE = 300.0  #: s for a whole call with retries: a stalled server cannot hold a caller forever
#: Largest typed (JSON) body read into memory; a larger one raises ``MalformedResponseError`` rather than being
#: read without limit (stream big reports with ``_preload_content=False``).
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
MAX_BODY_IN_EXCEPTION = 4096  #: of an unexpected body kept by an exception: a 50 MB page cannot bloat logs
#: Connections kept per host: enough for typical batch jobs' thread pools without unbounded sockets.
DEFAULT_CONNECTION_POOL_MAXSIZE = (os.cpu_count() or 1) * 5

DEFAULT_MAX_RETRIES = 4  #: after the first attempt, for transient failures: with the backoff below, about 8 s
DEFAULT_BACKOFF_FACTOR = 0.5  #: s, exponential: delays of 0.5, 1, 2, 4 s before jitter
DEFAULT_BACKOFF_JITTER = 0.25  #: s of random jitter, so that many clients do not retry in step
DEFAULT_BACKOFF_MAX = 30.0  #: s: no backoff or server-requested wait is longer
RETRYABLE_STATUSES = frozenset({429, 502, 503, 504})  #: "try again later", not "your request is wrong"
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})  #: repeatable safely (RFC 9110 9.2.2)

TOKEN_REFRESH_MARGIN = 60.0  #: s before expiry a managed token is refreshed: no call carries a dead token
TOKEN_REFRESH_MARGIN_RATIO = 0.5  #: cap on the margin as a share of the lifetime: full for 900 s tokens, less for 2 s
TOKEN_MIN_REUSE_SECONDS = 1.0  #: s a token is reused at least, even if announced as 0 s: bounds refreshes in time
#: A token is refreshed after this at most: Criteo's live 15 minutes, so a far larger ``expires_in`` is a server
#: error, not a reason to keep a token for years.
TOKEN_MAX_REUSE_SECONDS = 24 * 3600.0

#: Environment variables read by ``Configuration.from_env``, the CLI and the logging set-up.
ENV_CLIENT_ID = "CRITEO_CLIENT_ID"
ENV_CLIENT_SECRET = "CRITEO_CLIENT_SECRET"
ENV_API_HOST = "CRITEO_API_HOST"
ENV_LOG = "CRITEO_LOG"
