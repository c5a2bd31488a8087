"""Reading a POSTed article body."""

import asyncio
import codecs
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.requests import Request
from starlette.types import Message

from app.articles.payload import _read_limited, decode_body
from app.articles.sources import documents
from app.errors import Unprocessable
from tests.conftest import assert_problem


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


KEY = {"X-API-Key": "test-key"}
STORY = (
    "The café on Rue Lepic reopened on Monday after a year of repairs.\n\n"
    "“We kept every chair,” said Élodie Marchand, who has run it since 2009."
)
PAGE = (
    "<!doctype html><html><head>{meta}<title>Café reopens</title></head><body><article>"
    "<h1>Café reopens</h1>"
    + "".join(f"<p>{paragraph}</p>" for paragraph in STORY.split("\n\n")) * 3
    + "</article></body></html>"
)


def _post(client: TestClient, body: bytes, content_type: str) -> Any:
    return client.post("/articles", content=body, headers={**KEY, "Content-Type": content_type})


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (
            STORY.replace("“", '"').replace("”", '"').encode("latin-1"),
            "text/plain; charset=ISO-8859-1",
        ),
        (STORY.encode("cp1252"), 'text/plain; charset="windows-1252"'),
        (STORY.encode("utf-16"), "text/plain"),  # a byte order mark says it
        (PAGE.format(meta='<meta charset="windows-1252">').encode("cp1252"), "text/html"),
        (
            PAGE.format(
                meta='<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
            ).encode("cp1252"),
            "text/html",
        ),
        # The header outranks the page's own declaration.
        (
            PAGE.format(meta='<meta charset="shift_jis">').encode("cp1252"),
            "text/html; charset=cp1252",
        ),
        # JSON is UTF-8 whatever the header claims (RFC 8259 defines no charset parameter).
        (
            json.dumps({"text": STORY}, ensure_ascii=False).encode(),
            "application/json; charset=latin-1",
        ),
        (codecs.BOM_UTF8 + json.dumps({"text": STORY}).encode(), "application/json"),
    ],
)
def test_the_declared_charset_is_honoured(
    client: TestClient, body: bytes, content_type: str
) -> None:
    response = _post(client, body, content_type)
    assert response.status_code == 201, response.text
    assert "café on Rue Lepic" in response.json()["body"]
    assert "Élodie Marchand" in response.json()["body"]


@pytest.mark.parametrize("charset", ["no-such-charset", "hex", "rot13", "unicode_escape", ""])
def test_an_unknown_charset_is_415(client: TestClient, charset: str) -> None:
    response = _post(client, STORY.encode(), f"text/plain; charset={charset}")
    if charset:
        assert_problem(response, 415, "header.content-type")
    else:  # an empty parameter declares nothing
        assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (STORY.encode("cp1252"), "text/plain"),  # no charset: UTF-8, which this is not
        (STORY.encode("cp1252"), "text/plain; charset=utf-8"),
        ("café".encode("latin-1"), "text/plain; charset=us-ascii"),
        (json.dumps({"text": "café"}, ensure_ascii=False).encode("latin-1"), "application/json"),
        (PAGE.format(meta="").encode("cp1252"), "text/html"),
        (b"The mayor +2AA- said hello.", "text/plain; charset=utf-7"),  # a lone surrogate
        (codecs.BOM_UTF16_LE + "A".encode("utf-16-le") + b"\x00\xd8", "text/plain"),
    ],
)
def test_undecodable_bytes_are_422_naming_the_body(
    client: TestClient, body: bytes, content_type: str
) -> None:
    problem = assert_problem(_post(client, body, content_type), 422, "body")
    assert "undecodable byte" in problem["detail"] or "surrogate" in problem["detail"]


def test_decode_body_prescans_only_the_head_of_a_page() -> None:
    late = "<html><head></head><body>" + " " * 1100 + '<meta charset="cp1252">é</body></html>'
    with pytest.raises(Unprocessable):
        decode_body(late.encode("cp1252"), "html", "text/html")
    assert decode_body('<meta charset="bogus">é'.encode(), "html", "text/html").endswith("é")
    utf16_claim = '<meta charset="utf-16">é'.encode()
    assert decode_body(utf16_claim, "html", "text/html").endswith("é")


def test_files_are_decoded_by_the_same_rules(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes(
        PAGE.format(meta='<meta charset="windows-1252">').encode("cp1252")
    )
    (tmp_path / "bom.txt").write_bytes(STORY.encode("utf-16"))
    (tmp_path / "latin.txt").write_bytes(STORY.encode("cp1252"))
    (tmp_path / "lines.ndjson").write_bytes(
        codecs.BOM_UTF8 + json.dumps({"text": STORY}, ensure_ascii=False).encode() + b"\n"
    )
    found = {Path(d.name).name: d for d in documents([tmp_path])}
    assert "Élodie" in found["page.html"].raw and found["page.html"].error is None
    assert found["bom.txt"].raw == STORY
    assert "Élodie" in json.loads(found["lines.ndjson:1"].raw)["text"]
    latin = found["latin.txt"]
    assert latin.error is not None and "undecodable byte" in latin.error
