"""The change feed and ``updated_since``, on both backends."""

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session

from tests.conftest import ArticleFactory, assert_problem

KEY = {"X-API-Key": "test-key"}
BODY = "Ines Varga flew to Chile. We will build it here, Ines Varga said on Monday."


def committed(session: Session) -> None:
    """PostgreSQL appends to the log at commit time; a test's transaction is rolled back
    instead of committed, so fire its pending log triggers now, as a commit would."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET CONSTRAINTS ALL IMMEDIATE"))
        session.commit()


def drain(client: TestClient, since: int, limit: int = 100) -> tuple[list[dict[str, Any]], int]:
    items: list[dict[str, Any]] = []
    while True:
        feed = client.get("/changes", params={"since": since, "limit": limit}).json()
        items += feed["items"]
        assert feed["next_cursor"] >= since
        since = feed["next_cursor"]
        if not feed["more"]:
            return items, since


def test_the_seed_is_in_the_feed_from_the_start(client: TestClient) -> None:
    items, _ = drain(client, 0)
    articles = [c for c in items if c["kind"] == "article"]
    assert articles and articles[0]["action"] == "created"
    assert {"benny-gantz", "morocco"} <= {c["slug"] for c in items if c["kind"] == "entity"}
    assert [c["id"] for c in items] == sorted({c["id"] for c in items})


def test_create_reextract_delete_in_order_with_a_tombstone(
    client: TestClient, session: Session, make_article: ArticleFactory
) -> None:
    _, cursor = drain(client, 0)
    article = make_article(BODY, people=("Ines Varga",), countries=(("Chile", "CL"),))
    slug = article.slug
    committed(session)
    assert client.post(f"/articles/{article.id}/reextract", headers=KEY).status_code == 200
    committed(session)
    assert client.delete(f"/articles/{article.id}", headers=KEY).status_code == 204
    committed(session)
    items, _ = drain(client, cursor, limit=1)
    mine = [
        (c["action"], c["slug"])
        for c in items
        if c["object_id"] == article.id and c["kind"] == "article"
    ]
    assert mine == [("created", slug), ("updated", slug), ("deleted", slug)]
    person = [c for c in items if c["kind"] == "entity" and c["slug"] == "ines-varga"]
    assert person[0]["action"] == "created"
    assert [c["id"] for c in items] == sorted(c["id"] for c in items)


def test_entity_counts_alone_are_no_change(
    client: TestClient, session: Session, make_article: ArticleFactory
) -> None:
    make_article(BODY, people=("Ines Varga",))
    committed(session)
    _, cursor = drain(client, 0)
    make_article("Ines Varga again, briefly.", people=("Ines Varga",))
    committed(session)
    items, _ = drain(client, cursor)
    assert [(c["kind"], c["action"]) for c in items] == [("article", "created")]


def test_the_end_of_the_feed_keeps_its_cursor(client: TestClient) -> None:
    _, cursor = drain(client, 0)
    feed = client.get("/changes", params={"since": cursor}).json()
    assert feed == {"items": [], "next_cursor": cursor, "more": False}
    assert_problem(client.get("/changes", params={"since": -1}), 422, "query.since")
    assert_problem(client.get("/changes", params={"limit": 0}), 422, "query.limit")


def test_updated_since_on_the_lists(
    client: TestClient, session: Session, make_article: ArticleFactory
) -> None:
    now = datetime.now(UTC)
    # SQLite's clock in the triggers has millisecond precision.
    since = now.replace(microsecond=now.microsecond // 1000 * 1000)
    article = make_article(
        BODY,
        people=("Ines Varga",),
        countries=(("Chile", "CL"),),
        quotes={"We will build it here,": "Ines Varga"},
    )
    committed(session)
    stamp = since.isoformat()
    articles = client.get("/articles", params={"updated_since": stamp}).json()["items"]
    assert [a["id"] for a in articles] == [article.id]
    quotes = client.get("/quotes", params={"updated_since": stamp}).json()["items"]
    assert [q["article"]["id"] for q in quotes] == [article.id]
    entities = client.get("/entities", params={"updated_since": stamp}).json()["items"]
    assert {e["slug"] for e in entities} == {"ines-varga", "chile"}
    later = (now + timedelta(minutes=1)).isoformat()
    for path in ("/articles", "/quotes", "/entities"):
        assert client.get(path, params={"updated_since": later}).json()["items"] == []
    searched = client.get("/search", params={"q": "Chile", "updated_since": stamp}).json()
    assert [a["id"] for a in searched["articles"]] == [article.id]
    assert [c["slug"] for c in searched["facets"]["countries"]] == ["chile"]
    none = client.get("/search", params={"q": "Chile", "updated_since": later}).json()
    assert none["articles"] == [] and none["facets"]["countries"] == []
    assert_problem(
        client.get("/articles", params={"updated_since": "soon"}), 422, "query.updated_since"
    )
