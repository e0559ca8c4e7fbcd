"""Clients, access tokens and the token endpoint (RFC 6749 client credentials, RFC 6750 bearer tokens)."""

from __future__ import annotations

import base64
import binascii
import enum
import hmac
import secrets
import threading
import time
from typing import Dict, List, Optional, Tuple
from urllib.parse import parse_qsl, unquote_plus

from criteo_api_marketingsolutions_v2020_10.sandbox.responses import (
    Response,
    json_response,
    new_trace_id,
    oauth_error_response,
)

TOKEN_PATH = "/oauth2/token"

#: The client every sandbox knows from the start. These are public demo
#: values, not secrets: they only ever work against a sandbox.
DEMO_CLIENT_ID = "sandbox-demo-client"
DEMO_CLIENT_SECRET = "sandbox-demo-secret"

#: Seconds a token lives, as on the real service.
DEFAULT_TOKEN_LIFETIME = 900

_FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"
_SUPPORTED_GRANT = "client_credentials"
# Expired tokens are forgotten this long after expiry (until then they are
# reported as expired rather than unknown); pruning runs every so many issues.
_FORGET_EXPIRED_AFTER = 600.0
_PRUNE_EVERY = 4096


class TokenState(enum.Enum):
    """What the sandbox thinks of the bearer token of a request."""

    VALID = "valid"
    MISSING = "missing"
    UNKNOWN = "unknown"
    EXPIRED = "expired"
    REVOKED = "revoked"


_TOKEN_PROBLEMS = {
    TokenState.MISSING: ("authorization-token-invalid", "No bearer token was sent in the Authorization header."),
    TokenState.UNKNOWN: ("authorization-token-invalid", "The access token is not valid."),
    TokenState.EXPIRED: ("authorization-token-expired", "The access token has expired; request a new one."),
    TokenState.REVOKED: ("authorization-token-invalid", "The access token was revoked; request a new one."),
}


class TokenAuthority:
    """Registered clients and the tokens issued to them; safe to use from many threads."""

    def __init__(self, token_lifetime: float = DEFAULT_TOKEN_LIFETIME) -> None:
        self._lock = threading.Lock()
        self._clients: Dict[str, str] = {DEMO_CLIENT_ID: DEMO_CLIENT_SECRET}
        # token -> (serial number, monotonic expiry time, the client it was issued to)
        self._tokens: Dict[str, Tuple[int, float, str]] = {}
        self._serial = 0
        self._revoked_below = 0  # tokens with a smaller serial number are revoked
        self.token_lifetime = token_lifetime

    # -- clients and tokens -------------------------------------------------

    def register_client(self, client_id: str, client_secret: str) -> None:
        """Accept ``client_id``/``client_secret`` at the token endpoint (replaces an earlier secret)."""
        if not client_id or not client_secret:
            raise ValueError("client_id and client_secret must not be empty")
        with self._lock:
            self._clients[client_id] = client_secret

    def issue(self, lifetime: Optional[float] = None, client_id: str = DEMO_CLIENT_ID) -> Tuple[str, int]:
        """Mint a token for the registered ``client_id``; returns it with the ``expires_in`` to announce."""
        seconds = self.token_lifetime if lifetime is None else lifetime
        token = secrets.token_urlsafe(32)
        with self._lock:
            if client_id not in self._clients:
                raise ValueError(f"no client {client_id!r} is registered; call register_client() first")
            self._serial += 1
            self._tokens[token] = (self._serial, time.monotonic() + seconds, client_id)
            if self._serial % _PRUNE_EVERY == 0:
                self._forget_long_expired()
        return token, max(0, int(seconds))

    def revoke_all(self) -> None:
        """Make every token issued so far invalid; later tokens are unaffected."""
        with self._lock:
            self._revoked_below = self._serial + 1

    def check(self, token: Optional[str]) -> TokenState:
        """Classify ``token``: valid, or why not."""
        return self.identify(token)[0]

    def identify(self, token: Optional[str]) -> Tuple[TokenState, str]:
        """Classify ``token``, with the client it was issued to (``""`` unless it is valid)."""
        if not token:
            return TokenState.MISSING, ""
        with self._lock:
            entry = self._tokens.get(token)
            revoked_below = self._revoked_below
        if entry is None:
            return TokenState.UNKNOWN, ""
        serial, expires_at, client_id = entry
        if serial < revoked_below:
            return TokenState.REVOKED, ""
        if time.monotonic() >= expires_at:
            return TokenState.EXPIRED, ""
        return TokenState.VALID, client_id

    def check_authorization(self, header: Optional[str]) -> TokenState:
        """Classify the token of an ``Authorization: Bearer ...`` header (scheme case-insensitive)."""
        return self.identify_authorization(header)[0]

    def identify_authorization(self, header: Optional[str]) -> Tuple[TokenState, str]:
        """Classify the token of an ``Authorization: Bearer ...`` header, with the client it belongs to."""
        if not header:
            return TokenState.MISSING, ""
        scheme, _, token = header.strip().partition(" ")
        if scheme.lower() != "bearer":
            return TokenState.MISSING, ""
        return self.identify(token.strip())

    def _forget_long_expired(self) -> None:
        horizon = time.monotonic() - _FORGET_EXPIRED_AFTER
        for token in [t for t, (_, expiry, _) in self._tokens.items() if expiry < horizon]:
            del self._tokens[token]

    def _authenticate(self, client_id: str, client_secret: str) -> bool:
        with self._lock:
            expected = self._clients.get(client_id)
        # Compare even for unknown clients, so timing tells nothing.
        return hmac.compare_digest((expected or "\0").encode(), client_secret.encode()) and expected is not None

    # -- the token endpoint --------------------------------------------------

    def token_endpoint(self, content_type: Optional[str], body: bytes, authorization: Optional[str]) -> Response:
        """Answer ``POST /oauth2/token`` as RFC 6749 sections 4.4 and 5 describe."""
        try:
            params = _form_parameters(content_type, body)
            client_id, client_secret, basic = _client_credentials(authorization, params)
        except _TokenRefusal as refusal:
            return refusal.response
        if not self._authenticate(client_id, client_secret):
            if basic:  # RFC 6749 section 5.2: header authentication failures get a 401 challenge
                response = oauth_error_response("invalid_client", "Client authentication failed.", 401)
                response.headers["WWW-Authenticate"] = 'Basic realm="criteo-sandbox"'
                return response
            return oauth_error_response("invalid_client", "Client authentication failed.")
        grant_type = params.get("grant_type", _SUPPORTED_GRANT)
        if grant_type != _SUPPORTED_GRANT:
            return oauth_error_response(
                "unsupported_grant_type", f"Only the '{_SUPPORTED_GRANT}' grant type is supported."
            )
        token, expires_in = self.issue(client_id=client_id)
        return json_response(
            {"access_token": token, "token_type": "Bearer", "expires_in": expires_in},
            headers={"Cache-Control": "no-store", "Pragma": "no-cache"},
        )


class _TokenRefusal(Exception):
    """A token request refused before any client is authenticated, with the answer to send."""

    def __init__(self, description: str) -> None:
        super().__init__(description)
        self.response = oauth_error_response("invalid_request", description)


def _form_parameters(content_type: Optional[str], body: bytes) -> Dict[str, str]:
    """The parameters of a token request body, those sent without a value left out."""
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    if media_type != _FORM_CONTENT_TYPE:
        raise _TokenRefusal(f"The request body must be {_FORM_CONTENT_TYPE}.")
    try:
        pairs = parse_qsl(
            body.decode("utf-8"),
            keep_blank_values=True,
            strict_parsing=bool(body),
            errors="strict",
            max_num_fields=32,
        )
    except ValueError:  # includes UnicodeDecodeError
        raise _TokenRefusal("The request body could not be parsed.")
    params: Dict[str, str] = {}
    for name, value in pairs:
        if name in params:
            raise _TokenRefusal(f"The parameter '{name}' is repeated.")
        params[name] = value
    # RFC 6749 section 3.2: parameters sent without a value count as omitted.
    return {name: value for name, value in params.items() if value != ""}


def _client_credentials(authorization: Optional[str], params: Dict[str, str]) -> Tuple[str, str, bool]:
    """``(client id, client secret, whether they came in a Basic header)`` of a token request."""
    try:
        basic = _basic_credentials(authorization)
    except ValueError:
        raise _TokenRefusal("The Authorization header could not be read.")
    if basic is not None and "client_secret" in params:
        raise _TokenRefusal("Use only one client authentication method.")
    client_id, client_secret = basic if basic else (params.get("client_id"), params.get("client_secret"))
    missing: List[str] = [n for n, v in (("client_id", client_id), ("client_secret", client_secret)) if not v]
    if missing:
        raise _TokenRefusal(f"Missing required parameter: {', '.join(missing)}.")
    assert client_id is not None and client_secret is not None
    return client_id, client_secret, basic is not None


def named_client_id(authorization: Optional[str], body: bytes) -> str:
    """The client id a token request names, valid or not: from HTTP Basic, else the form body; ``""`` if none.

    Never raises: it serves counting, so a request too broken to name a
    client is counted under ``""`` rather than refused here.
    """
    try:
        basic = _basic_credentials(authorization)
    except ValueError:
        basic = None
    if basic is not None:
        return basic[0]
    try:
        pairs = parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=32)
    except ValueError:  # more fields than any token request has
        return ""
    return next((value for name, value in pairs if name == "client_id"), "")


def _basic_credentials(header: Optional[str]) -> Optional[Tuple[str, str]]:
    """``(id, secret)`` from an HTTP Basic header, ``None`` without one; ``ValueError`` when unreadable."""
    if not header:
        return None
    scheme, _, encoded = header.strip().partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except binascii.Error as exc:
        raise ValueError("the Basic credentials are not base64") from exc
    client_id, colon, client_secret = decoded.partition(":")
    if not colon:
        raise ValueError("the Basic credentials have no ':'")
    # RFC 6749 section 2.3.1: both parts are form-encoded before Basic encoding.
    return unquote_plus(client_id), unquote_plus(client_secret)


def unauthorized_response(state: TokenState, path: str) -> Response:
    """The 401 the API sends for a missing, unknown, expired or revoked token."""
    code, detail = _TOKEN_PROBLEMS.get(state, _TOKEN_PROBLEMS[TokenState.UNKNOWN])
    item = {
        "traceId": new_trace_id(),
        "type": "authorization",
        "code": code,
        "instance": path,
        "title": "Access token expired" if state is TokenState.EXPIRED else "Access token invalid",
        "detail": detail,
    }
    return json_response({"errors": [item], "warnings": []}, 401, {"WWW-Authenticate": 'Bearer error="invalid_token"'})
