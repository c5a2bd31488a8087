"""A cursor is opaque to clients, but anyone can hand-make one: every malformed cursor is a
400 problem naming ``query.cursor``, on both backends, never a 500 nor a page."""

import base64
import json
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import assert_problem, every_item

DATE = {"dt": "2021-12-06T00:00:00+00:00"}
# Keyset listings (a date and an id), and listings paged by offset (relevance, counts).
KEYSET = [("/articles", "articles:newest"), ("/quotes", "quotes:newest")]
OFFSET = [
    ("/search?q=morocco", "articles:relevance"),
    ("/articles?q=morocco", "articles:relevance"),
    ("/articles/1/entities", "article-entities:1"),
]


def encoded(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def cursor(data: Any) -> str:
    return encoded(json.dumps(data, separators=(",", ":")).encode())


def refused(client: TestClient, path: str, value: str) -> None:
    join = "&" if "?" in path else "?"
    response = client.get(f"{path}{join}cursor={value}")
    problem = assert_problem(response, 400, "query.cursor")
    assert "cursor" in problem["detail"]


# Dates nested in a date, in a list, as a number, or with company.
NESTED_DATES = [
    {"dt": DATE},
    {"dt": ["2021-12-06T00:00:00+00:00"]},
    {"dt": 1638748800},
    {"dt": None},
    {"dt": "2021-12-06T00:00:00+00:00", "id": 1},
    {},
    "2021-12-06T00:00:00+00:00",
    [DATE],
]


@pytest.mark.parametrize(("path", "scope"), KEYSET)
@pytest.mark.parametrize("date", NESTED_DATES, ids=repr)
def test_nested_or_mistyped_dates_are_refused(
    client: TestClient, path: str, scope: str, date: Any
) -> None:
    refused(client, path, cursor({"s": scope, "v": [date, 1]}))


def items(client: TestClient, url: str) -> list[Any]:
    body = client.get(url).json()
    found: list[Any] = body["articles"] if url.startswith("/search") else body["items"]
    return found


@pytest.mark.parametrize(("path", "scope"), OFFSET)
@pytest.mark.parametrize("offset", [-1, -(2**63), [1], {"o": 1}, "1", 1.0, True, None])
def test_negative_or_mistyped_offsets_are_refused(
    client: TestClient, path: str, scope: str, offset: Any
) -> None:
    refused(client, path, cursor({"s": scope, "v": [offset]}))


@pytest.mark.parametrize(("path", "scope"), OFFSET)
def test_offset_zero_is_the_first_page(client: TestClient, path: str, scope: str) -> None:
    join = "&" if "?" in path else "?"
    first = items(client, path)
    assert first, path  # else the comparison below proves nothing
    assert items(client, f"{path}{join}cursor={cursor({'s': scope, 'v': [0]})}") == first


def _shapes(scope: str) -> list[str]:
    """Cursors that are not a cursor at all: bad base64, bad JSON, the wrong shape."""
    return [
        "a",  # one base64 character cannot be decoded
        "%25%25%25%25",  # no base64 alphabet at all: decodes to nothing
        encoded(b"not json"),
        encoded(b"\xff\xfe\xfa"),  # not UTF-8
        encoded(b"{"),
        encoded(b"[" * 300),
        cursor([scope, [1]]),
        cursor("x"),
        cursor(None),
        cursor({"v": [1]}),
        cursor({"s": scope}),
        cursor({"s": scope, "v": 1}),
        cursor({"s": scope, "v": {"0": 1}}),
        cursor({"s": scope, "v": []}),
        cursor({"s": "another:listing", "v": [1]}),
        cursor({"s": [scope], "v": [1]}),
    ]


@pytest.mark.parametrize(("path", "scope"), [*KEYSET, *OFFSET])
def test_cursors_that_are_no_cursor_are_refused(client: TestClient, path: str, scope: str) -> None:
    for value in _shapes(scope):
        refused(client, path, value)


def test_every_page_follows_the_last_one(client: TestClient) -> None:
    """An offset cursor resumes exactly where its page ended: no row twice, none skipped."""
    whole = client.get("/articles/1/entities", params={"limit": 100}).json()["items"]
    assert len(whole) > 2
    paged = every_item(client, "/articles/1/entities", {}, limit=2)
    assert [e["slug"] for e in paged] == [e["slug"] for e in whole]
    exact = client.get("/articles/1/entities", params={"limit": len(whole)}).json()
    assert exact["next_cursor"] is None  # a full last page has no page after it


@pytest.mark.parametrize(
    "path", ["/articles/1/quotes", "/quotes", "/articles/1/entities", "/entities"]
)
def test_cursors_are_url_safe_as_they_are(client: TestClient, path: str) -> None:
    """No padding or other character a query string would need to escape."""
    cursor = client.get(path, params={"limit": 1}).json()["next_cursor"]
    assert cursor and re.fullmatch(r"[A-Za-z0-9_-]+", cursor), cursor
