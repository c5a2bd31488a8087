"""NDJSON and CSV exports of the lists, on both backends."""

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlmodel import Session

from app.config import Settings
from app.db import get_session, make_engine
from app.export.formats import asks_for_export
from app.main import create_app
from app.migrate import upgrade
from app.ratelimit import route_class
from app.seed import load_seed
from tests.conftest import ArticleFactory, assert_problem, every_item

SPEAKER = "Ada Quill"
NDJSON = "application/x-ndjson"


def _quoted_articles(make_article: ArticleFactory, count: int) -> None:
    """``count`` articles, each quoting SPEAKER once; texts carry commas, quotes, newlines."""
    for n in range(count):
        said = f'Point {n}, with "quotes" and a\nline break'
        body = f"{SPEAKER} spoke in Peru today. {said} was the claim of day {n}."
        make_article(
            body,
            published_at=f"2024-01-{n + 1:02d}T10:00:00Z",
            people=(SPEAKER,),
            countries=(("Peru", "PE"),),
            quotes={said: SPEAKER},
        )


def _ndjson(text: str) -> list[dict[str, Any]]:
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def test_ndjson_quotes_by_speaker_are_the_paged_list(
    client: TestClient, make_article: ArticleFactory
) -> None:
    _quoted_articles(make_article, 5)
    paged = every_item(client, "/quotes", {"speaker": SPEAKER}, limit=2)
    response = client.get("/quotes", params={"speaker": SPEAKER}, headers={"Accept": NDJSON})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(NDJSON)
    assert "etag" not in response.headers  # streamed, never buffered to be hashed
    exported = _ndjson(response.text)
    assert len(exported) == len(paged) == 5
    assert exported == paged


def test_csv_parses_back_to_the_list(client: TestClient, make_article: ArticleFactory) -> None:
    _quoted_articles(make_article, 3)
    paged = every_item(client, "/quotes", {"speaker": SPEAKER}, limit=2)
    response = client.get("/quotes", params={"speaker": SPEAKER, "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text, newline="")))
    assert [row["text"] for row in rows] == [item["text"] for item in paged]
    assert [int(row["id"]) for row in rows] == [item["id"] for item in paged]
    assert {row["speaker.name"] for row in rows} == {SPEAKER}
    assert [row["article.id"] for row in rows] == [str(item["article"]["id"]) for item in paged]


def test_csv_of_an_empty_list_is_its_header(client: TestClient) -> None:
    response = client.get(
        "/quotes", params={"speaker": "nobody-at-all"}, headers={"Accept": "text/csv"}
    )
    assert response.status_code == 200
    (header,) = list(csv.reader(io.StringIO(response.text)))
    assert header[:3] == ["id", "article_id", "text"]
    assert "speaker.slug" in header


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/articles", {"country": "PE"}),
        ("/articles", {"speaker": SPEAKER, "sort": "oldest"}),
        ("/entities", {"type": "person"}),
        ("/mentions", {"entity": SPEAKER}),
        ("/quotes", {"country": "PE", "published_after": "2024-01-02"}),
    ],
)
def test_every_list_exports_what_it_pages(
    client: TestClient, make_article: ArticleFactory, path: str, params: dict[str, Any]
) -> None:
    _quoted_articles(make_article, 4)
    paged = every_item(client, path, params, limit=2)
    assert paged
    exported = _ndjson(client.get(path, params={**params, "format": "ndjson"}).text)
    assert exported == paged


def test_json_stays_the_default(client: TestClient) -> None:
    for headers, params in [
        ({"Accept": "*/*"}, {}),
        ({"Accept": "application/json, text/csv;q=0.5"}, {}),
        ({"Accept": "text/csv"}, {"format": "json"}),
    ]:
        response = client.get("/quotes", params=params, headers=headers)
        assert response.headers["content-type"] == "application/json"
        assert "items" in response.json()


def test_bad_filters_are_problems_before_any_stream(client: TestClient) -> None:
    assert_problem(client.get("/quotes", params={"article": "99999", "format": "csv"}), 404)
    assert_problem(client.get("/articles", params={"format": "xml"}), 422, "query.format")
    response = client.get("/articles", params={"sort": "relevance"}, headers={"Accept": NDJSON})
    assert_problem(response, 400, "sort")


@pytest.fixture
def chunked_client(settings: Settings, session: Session) -> Iterator[TestClient]:
    app = create_app(settings.model_copy(update={"export_chunk_size": 2}))
    app.dependency_overrides[get_session] = lambda: session
    with TestClient(app) as client:
        yield client


def test_exports_read_in_keyset_chunks(
    chunked_client: TestClient, session: Session, make_article: ArticleFactory
) -> None:
    _quoted_articles(make_article, 5)
    statements: list[str] = []
    counts: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        # The page reads: ordered as the list is (a count, if any, has no order).
        if "ORDER BY quote.dated_at DESC" in statement:
            statements.append(statement)
        elif "count(" in statement.lower():
            counts.append(statement)

    connection = session.connection()
    event.listen(connection, "before_cursor_execute", record)
    try:
        response = chunked_client.get("/quotes", params={"speaker": SPEAKER, "format": "ndjson"})
    finally:
        event.remove(connection, "before_cursor_execute", record)
    assert len(_ndjson(response.text)) == 5
    # Chunks of 2, 2 and 1: three bounded reads, each after the last row of the one before.
    assert len(statements) == 3
    assert all("LIMIT" in s for s in statements)
    assert sum("(quote.dated_at, quote.id) <" in s for s in statements) == 2
    # An export serves no total, so no chunk counts the listing.
    assert counts == []


def test_export_starts_at_a_given_cursor(client: TestClient, make_article: ArticleFactory) -> None:
    _quoted_articles(make_article, 4)
    first = client.get("/quotes", params={"speaker": SPEAKER, "limit": 1}).json()
    rest = client.get(
        "/quotes", params={"speaker": SPEAKER, "cursor": first["next_cursor"], "format": "ndjson"}
    )
    assert [q["id"] for q in _ndjson(rest.text)] == [
        q["id"] for q in every_item(client, "/quotes", {"speaker": SPEAKER}, limit=2)[1:]
    ]


def test_openapi_documents_the_export_types(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/articles", "/quotes", "/entities", "/mentions"):
        content = paths[path]["get"]["responses"]["200"]["content"]
        assert {"application/json", NDJSON, "text/csv"} <= set(content)
        assert json.loads(content[NDJSON]["example"])["id"]
        assert content["text/csv"]["example"].startswith("id,")
        names = {p["name"] for p in paths[path]["get"]["parameters"]}
        assert "format" in names


def test_exports_bypass_the_response_cache(scratch_url: str) -> None:
    upgrade(scratch_url)
    settings = Settings(database_url=scratch_url, response_cache_mb=8)
    engine = make_engine(settings)
    load_seed(engine, settings.seed_dir)
    engine.dispose()
    with TestClient(create_app(settings)) as client:
        seen: list[str] = []
        app_engine = client.app.state.engine  # type: ignore[attr-defined]
        event.listen(app_engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
        page = client.get("/quotes", params={"limit": 5})
        assert client.get("/quotes", params={"limit": 5}).json() == page.json()
        cached_reads = len(seen)
        first = client.get("/quotes", params={"format": "ndjson"})
        second = client.get("/quotes", params={"format": "ndjson"})
        assert first.text == second.text
        assert len(_ndjson(first.text)) > len(page.json()["items"])
        # Each export read the database; a cached copy would have run no query.
        assert len(seen) > cached_reads + 1
        assert "etag" not in second.headers


@pytest.mark.parametrize(
    ("query", "accept", "expected"),
    [
        (b"format=ndjson", "", "export"),
        (b"speaker=x", "text/csv", "export"),
        (b"format=json", "text/csv", "reads"),
        (b"", "application/json", "reads"),
    ],
)
def test_exports_count_against_the_export_rate_limit(
    query: bytes, accept: str, expected: str
) -> None:
    scope = {"type": "http", "query_string": query, "headers": [(b"accept", accept.encode())]}
    assert route_class("GET", "/quotes", asks_for_export(scope)) == expected
