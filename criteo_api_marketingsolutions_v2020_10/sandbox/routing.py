"""Matching a method and path to one of the spec's operations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple
from urllib.parse import unquote

from criteo_api_marketingsolutions_v2020_10.sandbox.contract import QueryParam, check_request
from criteo_api_marketingsolutions_v2020_10.sandbox.recording import Headers
from criteo_api_marketingsolutions_v2020_10.sandbox.responses import ApiError, ErrorStyle, Response
from criteo_api_marketingsolutions_v2020_10.sandbox.schema import Schema, parse_json_body, validate
from criteo_api_marketingsolutions_v2020_10.sandbox.settings import ServiceSettings

_PLACEHOLDER = re.compile(r"\{([^}]+)\}")


@dataclass
class ApiRequest:
    """What a handler gets: the request, with the path parameters of its route and the sandbox's settings."""

    method: str
    path: str
    params: Dict[str, str]
    query: Dict[str, List[str]]
    headers: Headers
    body: bytes
    settings: ServiceSettings = field(default_factory=ServiceSettings)

    def query_value(self, name: str) -> Optional[str]:
        """The (last) value of query parameter ``name``, or ``None``."""
        values = self.query.get(name)
        return values[-1] if values else None

    def json_body(self, schema: Schema) -> Any:
        """The body parsed as JSON and validated against ``schema``; 400 ``ApiError`` otherwise."""
        payload = parse_json_body(self.body)
        validate(payload, schema)
        return payload

    def optional_json_body(self, schema: Schema) -> Any:
        """Like ``json_body``, but an empty body gives ``{}``."""
        if not self.body.strip():
            return {}
        return self.json_body(schema)


Handler = Callable[[Any, ApiRequest], Response]


@dataclass
class Route:
    """One operation: method and path template, its handler and the error model of its endpoint.

    ``content_types`` are the request media types the operation lists (none
    when it takes no body) and ``query`` the query parameters it declares;
    ``serve`` refuses what they do not allow before the handler runs.
    """

    method: str
    template: str
    operation_id: str
    handler: Handler
    style: ErrorStyle
    content_types: Tuple[str, ...] = ()
    query: Tuple[QueryParam, ...] = ()
    pattern: re.Pattern[str] = field(init=False, repr=False)
    param_count: int = field(init=False, repr=False)

    def __post_init__(self) -> None:
        regex = "".join(
            f"(?P<{_group(part)}>[^/]+)" if index % 2 else re.escape(part)
            for index, part in enumerate(_PLACEHOLDER.split(self.template))
        )
        self.pattern = re.compile(f"^{regex}$")
        self.param_count = len(_PLACEHOLDER.findall(self.template))

    def match(self, path: str) -> Optional[Dict[str, str]]:
        """The decoded path parameters when ``path`` fits the template, else ``None``."""
        found = self.pattern.match(path)
        if found is None:
            return None
        names = _PLACEHOLDER.findall(self.template)
        return {name: unquote(found.group(_group(name))) for name in names}

    def serve(self, world: Any, request: ApiRequest) -> Response:
        """Check the media type and query of ``request`` against the spec, then run the handler.

        Raises ``ApiError`` (415 or 400) for what the spec forbids.
        """
        check_request(self.content_types, self.query, request.headers, request.query)
        return self.handler(world, request)


def _group(name: str) -> str:
    # Regex group names cannot contain "-" (as in "audience-id").
    return name.replace("-", "_")


class Router:
    """Finds the route of a request.

    As OpenAPI matches paths, concrete paths win over templated ones: ``GET
    /ad-sets/search`` is the path ``/ad-sets/search`` (which only serves
    POST), not the ad set whose id is ``search``. ``HEAD`` is answered by the
    ``GET`` route (the body is then left out), so ``Allow`` lists ``HEAD``
    wherever it lists ``GET``. Any other method, however spelled, only ever
    gets the allowed methods back.
    """

    def __init__(self, routes: Sequence[Route]) -> None:
        self.routes = list(routes)

    def resolve(self, method: str, path: str) -> Tuple[Optional[Route], Dict[str, str], List[str]]:
        """``(route, path parameters, allowed methods)``; no route and no methods means unknown path."""
        closest = self._closest_matches(path)
        wanted = "GET" if method == "HEAD" else method
        for route, params in closest:
            if route.method == wanted:
                return route, params, []
        return None, {}, allowed_methods(route.method for route, _ in closest)

    def _closest_matches(self, path: str) -> List[Tuple[Route, Dict[str, str]]]:
        """The routes whose template fits ``path`` with the fewest placeholders, with their parameters."""
        matches = [(route, params) for route in self.routes if (params := route.match(path)) is not None]
        fewest = min((route.param_count for route, _ in matches), default=0)
        return [(route, params) for route, params in matches if route.param_count == fewest]


def allowed_methods(methods: Iterable[str]) -> List[str]:
    """The ``Allow`` list of a path served by ``methods``: sorted, with ``HEAD`` beside ``GET``."""
    allowed = set(methods)
    if "GET" in allowed:
        allowed.add("HEAD")
    return sorted(allowed)


def not_found(path: str) -> ApiError:
    """The error for a path no operation serves."""
    return ApiError(404, "not-found", f"No operation is served at {path}.")


def method_not_allowed(method: str, allowed: Sequence[str]) -> ApiError:
    """The error for a known path asked with the wrong method."""
    return ApiError(405, "method-not-allowed", f"{method} is not allowed here; use {', '.join(allowed)}.")
