"""Entities re-extraction merged or removed keep answering at their old slug: 308 to the
successor (every sub-resource, query kept), 410 without one; the feed says ``merged``."""

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.articles.writer import store_extraction
from tests.changes.test_feed import committed, drain
from tests.conftest import assert_problem
from tests.reextraction.stories import FULL_SLUG, NOUN_SLUG, SURNAME_SLUG, stale

KEY = {"X-API-Key": "test-key"}


def _reextracted(client: TestClient, session: Session) -> int:
    article = store_extraction(session, stale(), "0.9")
    session.commit()
    assert article.id is not None
    assert client.get(f"/entities/{SURNAME_SLUG}").status_code == 200
    committed(session)
    answer = client.post(f"/articles/{article.id}/reextract", headers=KEY)
    assert answer.status_code == 200, answer.text
    committed(session)
    return article.id


def test_a_merged_entity_redirects_every_route_to_its_successor(
    client: TestClient, session: Session
) -> None:
    _reextracted(client, session)
    for path, query in (
        ("", ""),
        ("/articles", "limit=5"),
        ("/quotes", "role=speaker&limit=2"),
        ("/related", ""),
        ("/timeline", "interval=week"),
    ):
        url = f"/entities/{SURNAME_SLUG}{path}" + (f"?{query}" if query else "")
        moved = client.get(url, follow_redirects=False)
        assert moved.status_code == 308, moved.text
        assert moved.headers["location"] == url.replace(SURNAME_SLUG, FULL_SLUG)
        assert client.head(url, follow_redirects=False).status_code == 308
        assert client.get(url).status_code == 200  # followed
    followed = client.get(f"/entities/{SURNAME_SLUG}/quotes", params={"role": "speaker"})
    assert [q["speaker"]["slug"] for q in followed.json()["items"]] == [FULL_SLUG]


def test_a_removed_entity_without_successor_is_gone(client: TestClient, session: Session) -> None:
    _reextracted(client, session)
    for path in ("", "/articles", "/quotes", "/related", "/timeline"):
        problem = assert_problem(client.get(f"/entities/{NOUN_SLUG}{path}"), 410)
        assert NOUN_SLUG in problem["detail"]
    assert_problem(client.get("/entities/never-was"), 404)


def test_the_feed_reports_the_merge_with_both_ends(client: TestClient, session: Session) -> None:
    _, cursor = drain(client, 0)
    _reextracted(client, session)
    items, _ = drain(client, cursor)
    merged = [c for c in items if c["action"] == "merged"]
    assert [(c["slug"], c["into_slug"]) for c in merged] == [(SURNAME_SLUG, FULL_SLUG)]
    full = client.get(f"/entities/{FULL_SLUG}").json()
    gone = [c for c in items if c["slug"] == SURNAME_SLUG and c["action"] == "created"]
    assert merged[0]["into_id"] == full["id"]
    assert merged[0]["object_id"] == gone[0]["object_id"] != full["id"]
    assert all(c["into_id"] is None for c in items if c["action"] != "merged")


def test_the_openapi_documents_308_and_410_on_entity_routes(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/entities/{slug}", "/entities/{slug}/quotes", "/entities/{slug}/timeline"):
        responses = paths[path]["get"]["responses"]
        assert "Location" in responses["308"]["headers"]
        assert "application/problem+json" in responses["410"]["content"]


def test_filters_by_a_merged_name_find_the_successor(client: TestClient, session: Session) -> None:
    """The merged entity's name is its successor's alias now, so filters naming it (by the
    name, or the slug spelled the same) find the successor's articles."""
    article_id = _reextracted(client, session)
    for path, key in (("/articles", "person"), ("/quotes", "speaker"), ("/mentions", "entity")):
        items = client.get(path, params={key: SURNAME_SLUG}).json()["items"]
        assert items, path
        assert all(
            (i.get("article_id") or i.get("article", {}).get("id") or i.get("id")) == article_id
            for i in items
        ), items
    assert client.get("/articles", params={"organization": NOUN_SLUG}).json()["items"] == []
