"""Per-client rate limits by route class, and optional keys for reading, as ASGI middleware.

It sits outside the response cache, so a cached answer is counted and key-checked like any
other. Counts live in ``limits`` storage: in memory for one process, Redis for several
processes or nodes sharing one count. Headers follow draft-ietf-httpapi-ratelimit-headers
(``RateLimit-Policy`` and ``RateLimit``, structured-field lists) with ``Retry-After`` on 429.
"""

import hashlib
import logging
import math
import secrets
import time
from dataclasses import dataclass

from limits import RateLimitItem, parse_many
from limits.aio.storage import Storage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.config import Settings
from app.errors import AppError, TooManyRequests, Unauthorized, problem_response
from app.export.formats import asks_for_export

log = logging.getLogger(__name__)

KEY_HEADER = "x-api-key"
UNLIMITED = ("/health", "/ready", "/metrics", "/docs", "/redoc", "/openapi.json", "/web/")
EXPORT_PREFIXES = ("/export", "/changes")
READ_METHODS = frozenset({"GET", "HEAD"})


def route_class(method: str, path: str, exporting: bool = False) -> str | None:
    """``reads``, ``search``, ``export`` or ``writes``; None for what is never limited
    (liveness probes, documentation, the web pages and their assets, CORS preflight; the
    API requests the pages make are limited as any other). ``exporting``: a list asked for
    as NDJSON or CSV, the whole list rather than a page."""
    if method == "OPTIONS" or path == "/" or path.startswith(UNLIMITED):
        return None
    if method not in READ_METHODS:
        return "writes"
    if path == "/search" or path.startswith("/search/"):
        return "search"
    if exporting or path.startswith(EXPORT_PREFIXES):
        return "export"
    return "reads"


@dataclass(frozen=True)
class Policy:
    name: str
    item: RateLimitItem

    @property
    def header(self) -> str:
        return f'"{self.name}";q={self.item.amount};w={self.item.get_expiry()}'


def policies(route: str, spec: str) -> list[Policy]:
    items = parse_many(spec)
    if len(items) == 1:
        return [Policy(route, items[0])]
    return [Policy(f"{route}-{item.get_expiry()}s", item) for item in items]


def open_storage(uri: str) -> Storage:
    """Async storage for a ``memory://`` or ``redis://`` URI (the ``async+`` prefix implied);
    Redis through redis-py's asyncio client."""
    uri = uri if uri.startswith("async+") else f"async+{uri}"
    options = {"implementation": "redispy"} if "redis" in uri.split("://")[0] else {}
    storage = storage_from_string(uri, **options)
    if not isinstance(storage, Storage):  # never: the async+ scheme picks async storage
        raise TypeError(f"{uri} is not an asynchronous storage")
    return storage


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    headers: dict[str, str]


def _partition(key: str | None, client: tuple[str, int] | None) -> str:
    """Whom a count belongs to: a known API key (hashed: the store never holds keys), or
    the client's address."""
    if key is not None:
        return "key:" + hashlib.sha256(key.encode()).hexdigest()[:24]
    return "addr:" + (client[0] if client else "unknown")


class RateLimiter:
    """Counts requests per route class and client; one instance per process."""

    def __init__(self, settings: Settings) -> None:
        self.policies = {
            route: policies(route, getattr(settings, f"rate_limit_{route}"))
            for route in ("reads", "search", "export", "writes")
        }
        self.limiter = MovingWindowRateLimiter(open_storage(settings.rate_limit_storage))

    async def hit(self, route: str, who: str) -> Verdict:
        """Count one request; the first exhausted limit denies it (later ones not counted)."""
        found = self.policies[route]
        allowed = True
        for policy in found:
            if not await self.limiter.hit(policy.item, route, who):
                allowed = False
                break
        now = time.time()
        state = []
        for policy in found:
            stats = await self.limiter.get_window_stats(policy.item, route, who)
            state.append((stats.remaining, max(0, math.ceil(stats.reset_time - now)), policy))
        # The draft asks for the policy closest to exhaustion when several apply.
        remaining, reset, policy = min(state, key=lambda s: (s[0], -s[1]))
        headers = {
            "RateLimit-Policy": ", ".join(p.header for p in found),
            "RateLimit": f'"{policy.name}";r={remaining};t={reset}',
        }
        if not allowed:
            headers["Retry-After"] = str(max(1, reset))
        return Verdict(allowed, headers)


class AccessMiddleware:
    """Read keys (when configured) and rate limits (when enabled), before anything else
    of the application runs."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.keys = [k.get_secret_value().encode() for k in settings.read_keys]
        self.write_key = settings.api_key.get_secret_value().encode() if settings.api_key else None
        self.limiter = RateLimiter(settings) if settings.rate_limited else None

    def _known(self, given: str | None) -> bool:
        if not given:
            return False
        # compare_digest against every key: the time taken does not tell which one is near.
        candidates = [*self.keys, *([self.write_key] if self.write_key else [])]
        found = [secrets.compare_digest(given.encode(), key) for key in candidates]
        return any(found)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        route = (
            route_class(scope["method"], scope["path"], asks_for_export(scope))
            if scope["type"] == "http"
            else None
        )
        if route is None:
            await self.app(scope, receive, send)
            return
        given = Headers(scope=scope).get(KEY_HEADER)
        known = self._known(given)
        if route != "writes" and self.keys and not known:
            error = Unauthorized("Reading needs a valid X-API-Key header", field="header.x-api-key")
            await _refuse(scope, receive, send, error, {"WWW-Authenticate": "X-API-Key"})
            return
        if self.limiter is None:
            await self.app(scope, receive, send)
            return
        verdict = await self._verdict(
            route, _partition(given if known else None, scope.get("client"))
        )
        if verdict is not None and not verdict.allowed:
            detail = f"Over the {route} rate limit; retry in {verdict.headers['Retry-After']} s"
            await _refuse(scope, receive, send, TooManyRequests(detail), verdict.headers)
            return
        await self.app(scope, receive, _with_headers(send, verdict.headers if verdict else {}))

    async def _verdict(self, route: str, who: str) -> Verdict | None:
        assert self.limiter is not None
        try:
            return await self.limiter.hit(route, who)
        except Exception:  # any storage failure, whatever the backend
            # An unreachable counter store must not take the API down with it: serve
            # unlimited and say so in the log.
            log.warning("rate-limit storage unavailable; request not counted", exc_info=True)
            return None


async def _refuse(
    scope: Scope, receive: Receive, send: Send, error: AppError, headers: dict[str, str]
) -> None:
    request = Request(scope)
    response = problem_response(
        request, error.status, error.detail, field=error.field, headers=headers
    )
    await response(scope, receive, send)


def _with_headers(send: Send, headers: dict[str, str]) -> Send:
    if not headers:
        return send

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            target = MutableHeaders(scope=message)
            for name, value in headers.items():
                target[name] = value
        await send(message)

    return sending
