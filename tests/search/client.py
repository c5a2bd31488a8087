"""Asking /search and /articles?q= from the search tests, and the empty answer."""

from typing import Any

from fastapi.testclient import TestClient

NO_RESULTS = {
    "articles": [],
    "next_cursor": None,
    "total": 0,
    "total_is_estimate": False,
    "ranked_among": None,
    "quotes": [],
    "entities": [],
    "facets": {"persons": [], "countries": [], "organizations": [], "sections": []},
}


def slugs(items: list[dict[str, Any]]) -> list[str]:
    return [item["slug"] for item in items]


def search(client: TestClient, q: str, **params: Any) -> dict[str, Any]:
    response = client.get("/search", params={"q": q, **params})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert body["query"] == q
    return body


def article_slugs(client: TestClient, q: str) -> list[str]:
    response = client.get("/articles", params={"q": q, "limit": 100})
    assert response.status_code == 200, response.text
    return slugs(response.json()["items"])


def facet(body: dict[str, Any], name: str) -> list[tuple[str, int]]:
    return [(f["slug"], f["count"]) for f in body["facets"][name]]
