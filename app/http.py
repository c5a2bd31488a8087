"""Cross-cutting HTTP behaviour as plain ASGI middleware (no per-request task overhead)."""

import hashlib
import logging
import re
from typing import Any

from fastapi import Request
from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import Response
from starlette.routing import Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import UNEXPECTED, InvalidInput, problem_response

logger = logging.getLogger(__name__)

REQUEST_ID_HEADER = "X-Request-ID"
SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


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


async def _tag(start: dict[str, Any], body: bytes, if_none_match: str | None, send: Send) -> None:
    """A whole buffered response out, tagged if it is a 200 that carries no tag of its own."""
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


class AnswerMiddleware:
    """The innermost layer: what every answer of the routes gets, in one pass where three
    layers each wrapped ``send``. As a response leaves, in this order:

    * An unexpected exception is answered with a 500 problem, not re-raised. Starlette's
      ServerErrorMiddleware, which runs a handler registered for ``Exception``, always
      re-raises after answering; uvicorn then closes the connection, so the client's next
      request on that keep-alive connection was reset. The 500 passes through the rest of
      this layer and every layer outside (request id, CORS, security headers).
    * ``OPTIONS`` answers 204 with ``Allow``; a 405 carries ``Allow`` listing every method
      of the path (the router's own lists only the methods of the first route it tried).
      CORS preflights never get here: CORSMiddleware, outside, answers them.
    * Weak ETags on successful GET responses, and 304 when the client's copy is current.
      The tag hashes the uncompressed body, so it is weak: gzip may change the bytes. A
      response without a Content-Length is a stream (an export): it passes through
      untagged, as buffering it would hold the whole export in memory."""

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
        tagged = scope["method"] in ("GET", "HEAD")
        if_none_match = Headers(scope=scope).get("if-none-match") if tagged else None
        started = False
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def answered(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                if message["status"] == 405 and (allowed := allowed_methods(scope)):
                    MutableHeaders(scope=message)["Allow"] = ", ".join(allowed)
                if tagged and not is_stream(message):
                    start.update(message)
                    return
            elif tagged and message["type"] == "http.response.body" and start:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    await _tag(start, b"".join(chunks), if_none_match, send)
                return
            await send(message)

        try:
            await self.app(scope, receive, answered)
        except Exception:
            logger.exception("Unexpected error on %s %s", scope["method"], scope["path"])
            if started:  # half a response is out: only closing the connection can say so
                raise
            await problem_response(Request(scope), 500, UNEXPECTED)(scope, receive, answered)


# JSON needs no content at all; pages that do (the docs) send their own policy.
API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
SECURITY_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    ("Content-Security-Policy", API_POLICY),
)
