"""The sandbox itself: lifecycle, tokens, recorded requests, rate limits, scripted faults and the normal answers.

The HTTP plumbing lives in ``handler`` (reading and dispatching requests),
``wire`` (writing answers, bounded waits), ``hostile`` (misbehaving answers)
and ``fault_answers`` (the bodies faults answer with).
"""

from __future__ import annotations

import threading
from typing import Any, Dict, Iterable, List, Optional, Union

from criteo_api_marketingsolutions_v2020_10.sandbox.api import api_router
from criteo_api_marketingsolutions_v2020_10.sandbox.auth import (
    DEFAULT_TOKEN_LIFETIME,
    DEMO_CLIENT_ID,
    TOKEN_PATH,
    TokenAuthority,
    TokenState,
    unauthorized_response,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.contact_lists import IdentifierCounts
from criteo_api_marketingsolutions_v2020_10.sandbox.fault_answers import (
    RATE_LIMIT_PER_MINUTE,
    fault_response,
    rate_limited_response,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.faults import Fault, FaultLike, FaultScript
from criteo_api_marketingsolutions_v2020_10.sandbox.handler import KEEP_ALIVE_TIMEOUT, RequestHandler, SandboxServer
from criteo_api_marketingsolutions_v2020_10.sandbox.rate_limits import REPORTING_PATHS, RateLimiter, RateLimits
from criteo_api_marketingsolutions_v2020_10.sandbox.recording import (
    DEFAULT_MAX_RECORDED,
    Headers,
    RecordedRequest,
    RequestLog,
)
from criteo_api_marketingsolutions_v2020_10.sandbox.responses import ApiError, ErrorStyle, Response, error_response
from criteo_api_marketingsolutions_v2020_10.sandbox.routing import ApiRequest, Route, method_not_allowed, not_found
from criteo_api_marketingsolutions_v2020_10.sandbox.settings import MAX_BODY_BYTES, ServiceSettings
from criteo_api_marketingsolutions_v2020_10.sandbox.synthetic import ReportSize
from criteo_api_marketingsolutions_v2020_10.sandbox.wire import STALL_LIMIT
from criteo_api_marketingsolutions_v2020_10.sandbox.world import World

__all__ = [
    "Sandbox",
    "Fault",
    "RecordedRequest",
    "MAX_BODY_BYTES",
    "STALL_LIMIT",
    "KEEP_ALIVE_TIMEOUT",
    "RATE_LIMIT_PER_MINUTE",
    "RequestHandler",
    "SandboxServer",
]


class Sandbox:
    """A local fake of the Criteo Marketing Solutions API, served over HTTP on a background thread.

    Use it as a context manager (or call ``start()`` and ``stop()``)::

        with Sandbox() as sandbox:
            token = sandbox.issue_token()
            ...  # point a client at sandbox.url

    Args:
        host: interface to listen on.
        port: TCP port; ``0`` picks a free one.
        token_lifetime: seconds a token issued by the token endpoint lives.
        max_recorded: most requests kept in ``requests`` (oldest dropped first);
            ``None`` keeps them all.
        stall_limit: the longest a fault keeps a response waiting (stalls,
            trickles, endless interim responses, open headers), in seconds;
            also settable later as ``sandbox.stall_limit``.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        token_lifetime: float = DEFAULT_TOKEN_LIFETIME,
        *,
        max_recorded: Optional[int] = DEFAULT_MAX_RECORDED,
        stall_limit: float = STALL_LIMIT,
    ) -> None:
        self.host = host
        self.port = port
        #: Seconds after which a waiting fault gives up and closes the connection.
        self.stall_limit = stall_limit
        #: The seeded data, changed by the API calls; see ``docs/Sandbox.md`` for its ids.
        self.world = World()
        self._authority = TokenAuthority(token_lifetime)
        self._log = RequestLog(max_recorded)
        self._faults = FaultScript()
        self._limiter = RateLimiter()
        self._router = api_router()
        self._server: Optional[SandboxServer] = None
        self._thread: Optional[threading.Thread] = None
        self._stopping = threading.Event()
        self._settings = ServiceSettings(stopping=self._stopping)

    # -- lifecycle -----------------------------------------------------------

    def start(self) -> Sandbox:
        """Bind and serve in a background thread; returns ``self``."""
        if self._server is not None:
            raise RuntimeError("the sandbox is already running")
        self._stopping = self._settings.stopping = threading.Event()
        server = SandboxServer((self.host, self.port), self)
        self.port = server.server_address[1]
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"criteo-sandbox-{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and drop every open connection; quick even when a fault is stalling a response."""
        server, thread = self._server, self._thread
        if server is None:
            return
        self._stopping.set()  # wakes up delays, stalls and trickles
        server.shutdown()
        server.close_connections()
        server.server_close()
        if thread is not None:
            thread.join(timeout=1.0)
        self._server = self._thread = None

    @property
    def running(self) -> bool:
        """Whether the sandbox is serving."""
        return self._server is not None

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc_info: Any) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """Base URL of the running sandbox, e.g. ``http://127.0.0.1:54321`` (no trailing slash)."""
        if self._server is None:
            raise RuntimeError("the sandbox is not running; call start() or use it in a with block")
        host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(self.host, self.host)
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    # -- clients and tokens ----------------------------------------------------

    def register_client(self, client_id: str, client_secret: str) -> None:
        """Let another client obtain tokens (the demo client is always registered)."""
        self._authority.register_client(client_id, client_secret)

    @property
    def token_lifetime(self) -> float:
        """Seconds tokens issued from now on live (announced as ``expires_in``)."""
        return self._authority.token_lifetime

    @token_lifetime.setter
    def token_lifetime(self, seconds: float) -> None:
        self._authority.token_lifetime = seconds

    def issue_token(self, lifetime: Optional[float] = None, *, client_id: str = DEMO_CLIENT_ID) -> str:
        """Mint a valid access token for ``client_id`` directly, without a token request (not counted).

        The client must be registered (``ValueError`` otherwise); its calls
        with the token count, and are rate limited, under its id.
        """
        return self._authority.issue(lifetime, client_id)[0]

    def revoke_all_tokens(self) -> None:
        """Make every token issued so far answer 401; new tokens work."""
        self._authority.revoke_all()

    # -- what the sandbox saw ------------------------------------------------------

    @property
    def requests(self) -> List[RecordedRequest]:
        """The requests received so far (a copy), oldest first."""
        return self._log.snapshot()

    @property
    def token_requests(self) -> int:
        """Requests received at ``/oauth2/token``."""
        return self._log.token_requests

    @property
    def api_requests(self) -> int:
        """Requests received anywhere else."""
        return self._log.api_requests

    @property
    def unauthorized_responses(self) -> int:
        """401 responses sent."""
        return self._log.unauthorized_responses

    def calls_by_client(self) -> Dict[str, int]:
        """API calls served by a route, by the client id of their token (rate-limit refusals not included)."""
        return self._log.calls_by_client()

    def token_requests_by_client(self) -> Dict[str, int]:
        """Requests to ``/oauth2/token``, granted or not, by the client id they named (``""`` when none)."""
        return self._log.token_requests_by_client()

    def rate_limited_by_client(self) -> Dict[str, int]:
        """Calls refused with a 429 for being over the rate limit, by client id (scripted 429s not included)."""
        return self._log.rate_limited_by_client()

    def reset_counters(self) -> None:
        """Forget the recorded requests and zero the counters (by client and ``identifier_counts`` included)."""
        self._log.reset()
        self._settings.identifier_ledger.reset()

    # -- contact lists ------------------------------------------------------------------

    @property
    def max_identifiers_per_request(self) -> int:
        """Most identifiers one contact-list change may carry (50,000); more is a 400 ``too-many-identifiers``."""
        return self._settings.max_identifiers_per_request

    @max_identifiers_per_request.setter
    def max_identifiers_per_request(self, count: int) -> None:
        self._settings.max_identifiers_per_request = count

    @property
    def max_contactlist_body(self) -> int:
        """Largest contact-list request body, in bytes (16 MiB); larger is a 413. Other paths take 1 MiB."""
        return self._settings.max_contactlist_body

    @max_contactlist_body.setter
    def max_contactlist_body(self, size: int) -> None:
        self._settings.max_contactlist_body = size

    def identifier_counts(self, audience_id: str) -> IdentifierCounts:
        """What the contact list of ``audience_id`` received in the requests the sandbox processed."""
        return self._settings.identifier_ledger.counts(str(audience_id))

    def contact_list(self, audience_id: str, identifier_type: str = "email") -> frozenset[str]:
        """The identifiers of ``identifier_type`` now in the contact list (normalised: e-mails lower case)."""
        with self.world.lock:
            audience = self.world.audiences.get(str(audience_id))
            return frozenset(audience.identifiers.get(identifier_type, ())) if audience else frozenset()

    # -- reports ----------------------------------------------------------------------------

    def set_report_size(
        self, rows: Optional[int] = None, *, size: Optional[int] = None, seed: int = 0, chunked: bool = True
    ) -> None:
        """Answer report queries with synthetic reports of ``rows`` rows, or of at least ``size`` bytes.

        Queries are checked as usual (same 400 and 403 answers); a valid one
        gets a report with its columns and deterministic values drawn from
        ``seed``, generated while it is sent, in any format and any size.
        ``chunked`` sends it with ``Transfer-Encoding: chunked``; otherwise
        with its exact ``Content-Length``. Without ``rows`` or ``size``,
        reports come from the world again; with both, ``ValueError``.
        """
        if rows is None and size is None:
            self._settings.report_size = None
            return
        self._settings.report_size = ReportSize(rows, size, seed, chunked)

    # -- rate limits ---------------------------------------------------------------------

    def set_rate_limit(
        self, limit: Optional[int], window: float = 60.0, *, reporting_limit: Optional[int] = None
    ) -> None:
        """Allow each client id ``limit`` API calls per ``window`` seconds (``None``: unlimited, the default).

        The two report operations have their own budget of ``reporting_limit``
        calls per window (by default ``max(1, limit * 40 // 250)``, Criteo's
        proportion); the token endpoint is not limited. A client's window
        opens at its first call in the group and lasts ``window`` seconds.
        Answers carry ``x-ratelimit-limit``, ``x-ratelimit-remaining`` and
        ``x-ratelimit-reset``; a call over the budget gets a 429 quota error
        and is not served. Every client starts afresh at each call of this method.
        """
        self._limiter.configure(RateLimits.of(limit, window, reporting_limit))

    # -- faults and data --------------------------------------------------------------

    def script(self, path: str, faults: Union[FaultLike, Iterable[FaultLike]]) -> None:
        """Serve ``faults`` to the next requests to ``path`` (any method), in order.

        ``path`` is matched exactly, without query string; ``"*"`` applies to
        every path that has no faults of its own queued. Bare status codes are
        accepted: ``[503, 503]`` means two ``Fault(status=503)``. Normal
        service resumes once the faults are used up.
        """
        self._faults.add(path, faults)

    def clear_script(self, path: Optional[str] = None) -> None:
        """Drop the faults still queued for ``path``, or for every path."""
        self._faults.clear(path)

    def pending_faults(self, path: str) -> int:
        """How many requests to ``path`` (``"*"`` for the catch-all queue) will still get a fault."""
        return self._faults.pending(path)

    def reset_world(self) -> None:
        """Undo every change made through the API: back to the seed (``identifier_counts`` zeroed too)."""
        self.world.reset()
        self._settings.identifier_ledger.reset()

    # -- answering ---------------------------------------------------------------------

    def _respond(self, method: str, path: str, query: Dict[str, List[str]], headers: Headers, body: bytes) -> Response:
        """The normal answer to a request."""
        if path == TOKEN_PATH:
            if method != "POST":
                return _with_allow(
                    error_response(ErrorStyle.CRITEO, method_not_allowed(method, ["POST"]), path), ["POST"]
                )
            return self._authority.token_endpoint(headers.get("Content-Type"), body, headers.get("Authorization"))
        route, params, allowed = self._router.resolve(method, path)
        if route is None:
            if allowed:
                return _with_allow(
                    error_response(ErrorStyle.CRITEO, method_not_allowed(method, allowed), path), allowed
                )
            return error_response(ErrorStyle.CRITEO, not_found(path), path)
        state, client_id = self._authority.identify_authorization(headers.get("Authorization"))
        if state is not TokenState.VALID:
            return unauthorized_response(state, path)
        admission = self._limiter.admit(client_id, route.template in REPORTING_PATHS)
        if admission is not None and not admission.accepted:
            self._log.count_rate_limited(client_id)
            return rate_limited_response(path, admission.headers())
        self._log.count_call(client_id)
        response = self._serve_route(route, ApiRequest(method, path, params, query, headers, body, self._settings))
        if admission is not None:
            response.headers.update(admission.headers())
        return response

    def _serve_route(self, route: Route, request: ApiRequest) -> Response:
        """The answer of ``route``, its errors in the style of its endpoint."""
        try:
            return route.serve(self.world, request)
        except ApiError as error:
            return error_response(route.style, error, request.path)
        except Exception:  # a bug in a handler must not take the connection down
            failure = ApiError(500, "internal-error", "The sandbox failed to answer.", type="availability")
            return error_response(route.style, failure, request.path)

    def _fault_response(self, fault: Fault, path: str) -> Response:
        """The answer a fault with a status gives, with a body in the style of the endpoint when it has none."""
        return fault_response(fault, path)


def _with_allow(response: Response, allowed: List[str]) -> Response:
    response.headers["Allow"] = ", ".join(allowed)
    return response
