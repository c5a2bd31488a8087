"""Reading a POSTed article body."""

import asyncio

from starlette.requests import Request
from starlette.types import Message

from app.articles.payload import _read_limited


def test_a_content_length_of_non_ascii_digits_is_ignored_not_a_crash() -> None:
    # Headers arrive as Latin-1, where "²" is a digit to str.isdigit() but not to int().
    async def receive() -> Message:
        return {"type": "http.request", "body": b"text", "more_body": False}

    scope = {
        "type": "http",
        "method": "POST",
        "headers": [(b"content-length", "²".encode("latin-1"))],
    }
    body = asyncio.run(_read_limited(Request(scope, receive), limit=100))
    assert body == b"text"
