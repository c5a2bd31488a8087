"""Cross-cutting HTTP behaviour as plain ASGI middleware (no per-request task overhead)."""

import hashlib
import logging
import re
import uuid
from typing import Any

from fastapi import Request
from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import Response
from starlette.routing import Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import UNEXPECTED, InvalidInput, problem_response

logger = logging.getLogger(__name__)

REQUEST_ID_HEADER = "X-Request-ID"
_SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class RequestIdMiddleware:
    """Tags each request with an id (the caller's, if sane) and echoes it in the response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = Headers(scope=scope).get(REQUEST_ID_HEADER, "")
        request_id = given if _SAFE_ID.match(given) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        await self.app(scope, receive, send_with_id)


def is_stream(start: Message) -> bool:
    """A response start without a length: the body follows in chunks of unknown total."""
    return not any(name.lower() == b"content-length" for name, _ in start.get("headers", []))


class HeadMiddleware:
    """HEAD answers exactly as GET would (status, ETag, Content-Length, Link…) without the
    body: everything below, the response cache included, sees a GET."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def etag_matches(if_none_match: str, etag: str) -> bool:
    # Weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored.
    candidates = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in candidates or etag.removeprefix("W/") in candidates


async def send_not_modified(start: dict[str, Any], headers: MutableHeaders, send: Send) -> None:
    """304 for a response the client already holds: its headers, less those of the body."""
    for name in ("content-length", "content-type", "content-encoding"):
        if name in headers:
            del headers[name]
    await send({**start, "status": 304, "headers": headers.raw})
    await send({"type": "http.response.body", "body": b""})


class ETagMiddleware:
    """Weak ETags on successful GET responses, and 304 when the client's copy is current.

    The tag hashes the uncompressed body, so it is weak: gzip may change the bytes. A
    response without a Content-Length is a stream (an export): it passes through untagged,
    as buffering it would hold the whole export in memory."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        if_none_match = Headers(scope=scope).get("if-none-match")
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def buffered(message: Message) -> None:
            if message["type"] == "http.response.start":
                if is_stream(message):
                    await send(message)
                    return
                start.update(message)
                return
            if message["type"] != "http.response.body" or not start:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            await self._finish(start, b"".join(chunks), if_none_match, send)

        await self.app(scope, receive, buffered)

    @staticmethod
    async def _finish(
        start: dict[str, Any], body: bytes, if_none_match: str | None, send: Send
    ) -> None:
        headers = MutableHeaders(raw=start["headers"])
        if start["status"] == 200 and "etag" not in headers:
            etag = 'W/"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'
            headers["ETag"] = etag
            headers.setdefault("Cache-Control", "no-cache")
            if if_none_match and etag_matches(if_none_match, etag):
                await send_not_modified(start, headers, send)
                return
        await send({**start, "headers": headers.raw})
        await send({"type": "http.response.body", "body": body})


async def reject_nul_bytes(request: Request) -> None:
    """PostgreSQL text cannot hold NUL; refuse it up front, naming the offending input."""
    for name, value in request.query_params.multi_items():
        if "\x00" in value or "\x00" in name:
            raise InvalidInput(
                "Text parameters cannot contain NUL characters", field=f"query.{name}"
            )
    for name, value in request.path_params.items():
        if isinstance(value, str) and "\x00" in value:
            raise InvalidInput(
                "Path parameters cannot contain NUL characters", field=f"path.{name}"
            )


class UnexpectedErrorMiddleware:
    """Answers an unexpected exception with a 500 problem and does not re-raise it.

    Starlette's ServerErrorMiddleware, which runs a handler registered for ``Exception``,
    always re-raises after answering; uvicorn then closes the connection, so the client's
    next request on that keep-alive connection was reset. Inside the other middleware, the
    500 also gets the request id, CORS and security headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except Exception:
            logger.exception("Unexpected error on %s %s", scope["method"], scope["path"])
            if started:  # half a response is out: only closing the connection can say so
                raise
            await problem_response(Request(scope), 500, UNEXPECTED)(scope, receive, send)


# Canonical order for the Allow header; OPTIONS is answered here for every route.
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
STATIC_METHODS = frozenset({"GET", "HEAD"})


def allowed_methods(scope: Scope) -> list[str]:
    """The methods some route of the app serves at this path, read from the routes
    themselves so the list follows them; empty if no route has the path."""
    routes = scope["app"].router.routes
    allowed = []
    for method in METHODS:
        probe = {**scope, "method": method}
        for route in routes:
            if route.matches(probe)[0] == Match.FULL:
                # A mount matches any method; its static files serve only GET and HEAD.
                if not isinstance(route, Mount) or method in STATIC_METHODS:
                    allowed.append(method)
                break
    if "GET" in allowed and "HEAD" not in allowed:  # HeadMiddleware answers HEAD as GET
        allowed.insert(allowed.index("GET") + 1, "HEAD")
    return [*allowed, "OPTIONS"] if allowed else []


class AllowMiddleware:
    """``OPTIONS`` answers 204 with ``Allow``; a 405 carries ``Allow`` listing every method
    of the path (the router's own lists only the methods of the first route it tried).
    CORS preflights never get here: CORSMiddleware, outside, answers them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] == "OPTIONS" and (allowed := allowed_methods(scope)):
            headers = {"Allow": ", ".join(allowed)}
            await Response(status_code=204, headers=headers)(scope, receive, send)
            return

        async def with_allow(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 405:
                allowed = allowed_methods(scope)
                if allowed:
                    MutableHeaders(scope=message)["Allow"] = ", ".join(allowed)
            await send(message)

        await self.app(scope, receive, with_allow)


# JSON needs no content at all; pages that do (the docs) send their own policy.
API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
SECURITY_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    ("Content-Security-Policy", API_POLICY),
)


class SecurityHeadersMiddleware:
    """Hardening headers on every response, errors included; a response that sets one of
    them (the docs pages' Content-Security-Policy) keeps its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS:
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, secured)
