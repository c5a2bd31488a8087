"""Times every request, counts it by route template and status, and logs one line for it."""

import logging
import time
from typing import Any
from weakref import WeakKeyDictionary

import fastapi.routing
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.observability import metrics

log = logging.getLogger("app.requests")

METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
# The label for a path no route serves: raw paths would make one series per typo.
UNMATCHED = "unmatched"


def route_template(scope: Scope) -> str:
    """The path template of the route that served the request (``/articles/{ref}``).

    The router records its route in the scope it was handed; a response made before the
    router (from the cache, a refusal, HEAD's copy of the scope) is matched here instead."""
    route = scope.get("route")
    if route is None and (app := scope.get("app")) is not None:
        for candidate in _flat_routes(app):
            # PARTIAL: the path matches but not the method (405); the template is the same.
            # A copy of the scope: FastAPI's matching notes its progress in the scope.
            if candidate.matches(dict(scope))[0] != Match.NONE:
                route = candidate
                break
    path = getattr(route, "path_format", None) or getattr(route, "path", None)
    return path if isinstance(path, str) and path else UNMATCHED


_routes: "WeakKeyDictionary[Any, list[Any]]" = WeakKeyDictionary()


def _flat_routes(app: Any) -> list[Any]:
    """Every route of the app, those of included routers at their full path."""
    if (found := _routes.get(app)) is None:
        # FastAPI keeps included routers whole and flattens them with iter_route_contexts;
        # versions before it copied their routes into the app's list.
        flatten = getattr(fastapi.routing, "iter_route_contexts", list)
        found = _routes[app] = list(flatten(app.routes))
    return found


class ObserveMiddleware:
    """Metrics and the request log line. It sits just inside ``RequestIdMiddleware`` (whose
    id it logs) and outside everything else, so cached answers and refusals count too."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the client gets if no response starts

        async def watched(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, watched)
        finally:
            self._record(scope, status, time.perf_counter() - started)

    @staticmethod
    def _record(scope: Scope, status: int, seconds: float) -> None:
        method = scope["method"] if scope["method"] in METHODS else "other"
        route = route_template(scope)
        metrics.observe_request(method, route, status, seconds)
        if not log.isEnabledFor(logging.INFO):
            return
        request_id = scope.get("state", {}).get("request_id")
        millis = round(seconds * 1000, 1)
        log.info(
            "%s %s %d %.1f ms route=%s id=%s",
            scope["method"],
            scope["path"],
            status,
            millis,
            route,
            request_id,
            extra={
                "request_id": request_id,
                "method": scope["method"],
                "path": scope["path"],
                "route": route,
                "status": status,
                "duration_ms": millis,
            },
        )
