"""Every default the SDK relies on, in one place, each with the reason for its value."""

from __future__ import annotations

import os

PACKAGE_NAME = "criteo_api_marketingsolutions_v2020_10"
__version__ = "1.0.0"
API_VERSION = "2020-10"

#: Production host; the spec names it as the only server.
DEFAULT_HOST = "https://api.criteo.com"

#: Sent as ``User-Agent`` so server logs tell this SDK and its version apart.
DEFAULT_USER_AGENT = f"criteo-api-marketingsolutions-python/{__version__}/{API_VERSION}"

#: Seconds to establish a TCP/TLS connection: long enough for a slow network,
#: short enough that a black-holed host does not hang a job.
DEFAULT_CONNECT_TIMEOUT = 10.0

#: Seconds of silence tolerated while waiting for response bytes. Report
#: generation can take a while server-side, hence a generous value.
DEFAULT_READ_TIMEOUT = 120.0

#: Upper bound, in seconds, for a whole call including retries and backoff,
#: so a trickling or stalled server cannot hold a caller forever.
DEFAULT_CALL_DEADLINE = 300.0

#: Largest response body read into memory for a typed (JSON) response. A
#: larger body is refused with ``MalformedResponseError`` rather than read
#: without limit; stream big reports with ``_preload_content=False`` instead.
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024

#: How much of an unexpected body an exception keeps, so that a 50 MB HTML
#: error page cannot bloat logs and tracebacks.
MAX_BODY_IN_EXCEPTION = 4096

#: Connections kept per host: enough for the default thread pools of typical
#: batch jobs without opening unbounded sockets.
DEFAULT_CONNECTION_POOL_MAXSIZE = (os.cpu_count() or 1) * 5

#: Retries after the first attempt for transient failures (connection errors,
#: 429, 502, 503, 504). Four retries with the backoff below span roughly 8 s.
DEFAULT_MAX_RETRIES = 4

#: Exponential backoff base in seconds: delays of 0.5, 1, 2, 4 s before jitter.
DEFAULT_BACKOFF_FACTOR = 0.5

#: Random jitter added to each backoff so that many clients do not retry in step.
DEFAULT_BACKOFF_JITTER = 0.25

#: No single backoff or server-requested wait is longer than this.
DEFAULT_BACKOFF_MAX = 30.0

#: Statuses that mean "try again later" rather than "your request is wrong".
RETRYABLE_STATUSES = frozenset({429, 502, 503, 504})

#: Methods that can be repeated without changing the outcome (RFC 9110 9.2.2).
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})

#: Refresh a managed token this many seconds before the server says it
#: expires, so a call started just before expiry never carries a dead token.
TOKEN_REFRESH_MARGIN = 60.0

#: The refresh margin never exceeds this share of a token's lifetime; with
#: Criteo's 900 s tokens the full margin applies, with a 2 s token it shrinks.
TOKEN_REFRESH_MARGIN_RATIO = 0.5

#: However short a lifetime the server announces (0, negative, 1 s), a token
#: is reused at least this long, which bounds refreshes in time, not in calls.
TOKEN_MIN_REUSE_SECONDS = 1.0

#: However long a lifetime the server announces, a token is refreshed after
#: at most this long: Criteo's tokens live 15 minutes, so a far larger
#: ``expires_in`` is an error of the server's, not a reason to keep a token for years.
TOKEN_MAX_REUSE_SECONDS = 24 * 3600.0

#: Environment variables read by ``Configuration.from_env`` and the CLI.
ENV_CLIENT_ID = "CRITEO_CLIENT_ID"
ENV_CLIENT_SECRET = "CRITEO_CLIENT_SECRET"
ENV_API_HOST = "CRITEO_API_HOST"
ENV_LOG = "CRITEO_LOG"
