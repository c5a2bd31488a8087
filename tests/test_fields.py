"""``fields=`` trims articles, quotes and entities, in lists and alone; unknown names are a
400 naming them; OpenAPI lists the names each endpoint takes."""

import pytest
from fastapi.testclient import TestClient

from app.articles.models import Article
from tests.conftest import assert_problem

PAGE_KEYS = {"items", "next_cursor", "total", "total_is_estimate", "ranked_among"}
SEED_PERSON = "benny-gantz"


def _first_quote(client: TestClient) -> int:
    quote_id: int = client.get("/quotes").json()["items"][0]["id"]
    return quote_id


@pytest.mark.parametrize(
    ("path", "fields", "expected"),
    [
        ("/articles", "title,published_at", {"id", "title", "published_at"}),
        ("/articles", " lede , top_entities ", {"id", "lede", "top_entities"}),
        ("/quotes", "text", {"id", "text"}),
        ("/entities", "name,article_count", {"id", "name", "article_count"}),
        (f"/entities/{SEED_PERSON}/articles", "slug", {"id", "slug"}),
        (f"/entities/{SEED_PERSON}/quotes", "speaker,article", {"id", "speaker", "article"}),
    ],
)
def test_lists_return_the_fields_asked_for(
    client: TestClient, path: str, fields: str, expected: set[str]
) -> None:
    full = client.get(path).json()
    body = client.get(path, params={"fields": fields}).json()
    assert set(body) == PAGE_KEYS
    assert body["total"] == full["total"] > 0
    assert [set(item) for item in body["items"]] == [expected] * len(full["items"])
    assert body["items"] == [{k: item[k] for k in expected} for item in full["items"]]


def test_details_return_the_fields_asked_for(client: TestClient, seed_article: Article) -> None:
    quote_id = _first_quote(client)
    for path, fields, expected in (
        (f"/articles/{seed_article.id}", "body,created_at", {"id", "body", "created_at"}),
        (f"/articles/{seed_article.slug}", "entities", {"id", "entities"}),
        (f"/quotes/{quote_id}", "text,kind", {"id", "text", "kind"}),
        (f"/entities/{SEED_PERSON}", "counts,first_seen", {"id", "counts", "first_seen"}),
    ):
        full = client.get(path).json()
        body = client.get(path, params={"fields": fields}).json()
        assert body == {k: full[k] for k in expected}, path
        assert "ETag" in client.get(path, params={"fields": fields}).headers


@pytest.mark.parametrize(
    ("path", "fields", "named"),
    [
        ("/articles", "title,bogus", "bogus"),
        ("/articles", "body", "body"),  # the detail's, not a summary's
        ("/articles/1", "lede", "lede"),
        ("/quotes", "Text", "Text"),
        ("/entities", "counts", "counts"),
        (f"/entities/{SEED_PERSON}", "article_count", "article_count"),
        (f"/entities/{SEED_PERSON}/articles", "__class__", "__class__"),
    ],
)
def test_an_unknown_field_is_a_400_naming_it(
    client: TestClient, path: str, fields: str, named: str
) -> None:
    problem = assert_problem(client.get(path, params={"fields": fields}), 400, "query.fields")
    assert f"'{named}'" in problem["detail"]


def test_openapi_lists_the_fields_each_endpoint_takes(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path, names in (
        ("/articles", ("lede", "top_entities", "created_at")),
        ("/articles/{ref}", ("body", "entities", "quotes")),
        ("/quotes", ("text", "speaker")),
        ("/quotes/{quote_id}", ("article",)),
        ("/entities", ("article_count",)),
        ("/entities/{slug}", ("counts", "first_seen")),
        ("/entities/{slug}/articles", ("lede",)),
        ("/entities/{slug}/quotes", ("speaker_text",)),
    ):
        params = {p["name"]: p for p in paths[path]["get"]["parameters"]}
        description = params["fields"]["description"]
        assert all(f"`{name}`" in description for name in names), path
