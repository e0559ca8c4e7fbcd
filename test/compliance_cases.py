"""Response cases every transport must handle the same way (shared by the
urllib3 suite against the sandbox and the requests suite under ``responses``)."""

from __future__ import annotations

import json
from typing import Any, Dict, NamedTuple, Optional, Type

from criteo_api_marketingsolutions_v2020_10 import exceptions

TOKEN_BODY = {"access_token": "case-token-value", "token_type": "Bearer", "expires_in": 900}


class Case(NamedTuple):
    """One server answer and what the SDK must make of it."""

    id: str
    status: int
    headers: Dict[str, str]
    body: bytes
    error: Optional[Type[Exception]]
    says: str = ""

    def json_headers(self) -> Dict[str, Any]:
        return self.headers


def _json(payload: Any, content_type: str = "application/json; charset=utf-8") -> Dict[str, Any]:
    return {"headers": {"Content-Type": content_type}, "body": json.dumps(payload).encode()}


GOOD_CASES = [
    Case("application/json", 200, **_json(TOKEN_BODY), error=None),
    Case("text/json", 200, **_json(TOKEN_BODY, "text/json"), error=None),
    Case("text/plain", 200, **_json(TOKEN_BODY, "text/plain; charset=utf-8"), error=None),
    Case("vendor+json", 200, **_json(TOKEN_BODY, "application/vnd.criteo.v1+json"), error=None),
    Case(
        "utf-16 charset",
        200,
        {"Content-Type": "application/json; charset=utf-16"},
        json.dumps(TOKEN_BODY).encode("utf-16"),
        error=None,
    ),
    Case("unknown fields kept", 200, **_json({**TOKEN_BODY, "scope": "all", "ext": {"a": 1}}), error=None),
]

BAD_CASES = [
    Case("empty body", 200, {"Content-Type": "application/json"}, b"", exceptions.MalformedResponseError, "an empty body"),
    Case(
        "truncated json", 200, {"Content-Type": "application/json"}, b'{"access_token": "abc", "expi',
        exceptions.MalformedResponseError, "invalid JSON",
    ),
    Case(
        "html page on 200", 200, {"Content-Type": "text/html"}, b"<html><body>Welcome</body></html>",
        exceptions.MalformedResponseError, "Content-Type 'text/html'",
    ),
    Case(
        "json array", 200, **_json([TOKEN_BODY]), error=exceptions.MalformedResponseError, says="a JSON object (JwtModel)"
    ),
    Case(
        "wrong field type", 200, **_json({**TOKEN_BODY, "expires_in": "soon"}),
        error=exceptions.MalformedResponseError, says="expected int at ['expires_in'], got a string of 4 characters",
    ),
    Case(
        "invalid utf-8", 200, {"Content-Type": "application/json; charset=utf-8"}, b'{"token_type": "\xff\xfe"}',
        exceptions.MalformedResponseError, "not valid in that encoding",
    ),
    Case(
        "html 502 page", 502, {"Content-Type": "text/html"}, b"<html>" + b"Bad gateway " * 2000 + b"</html>",
        exceptions.ServiceException, "(502)",
    ),
    Case(
        "400 with OAuth2Error", 400, **_json({"error": "invalid_client", "error_description": "unknown client"}),
        error=exceptions.BadRequestException, says="invalid_client",
    ),
    Case(
        "400 with garbage", 400, {"Content-Type": "application/json"}, b"not json",
        exceptions.BadRequestException, "(400)",
    ),
    Case("401", 401, **_json({"error": "invalid_client"}), error=exceptions.UnauthorizedException, says="(401)"),
    Case("403", 403, **_json({"errors": []}), error=exceptions.ForbiddenException, says="(403)"),
    Case("404", 404, {"Content-Type": "text/plain"}, b"nothing here", exceptions.NotFoundException, "(404)"),
    Case("409", 409, {"Content-Type": "text/plain"}, b"conflict", exceptions.ConflictException, "(409)"),
    Case("500", 500, {"Content-Type": "text/plain"}, b"oops", exceptions.ServiceException, "(500)"),
]
