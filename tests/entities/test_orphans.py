"""An entity left with no article is gone from every list and answers 404; counts stay
exact through deletes and re-adds."""

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlmodel import Session, col

from app.entities.models import ArticleEntity, Entity
from tests.conftest import ArticleFactory

HEADERS = {"X-API-Key": "test-key"}


def _recount(session: Session, slug: str) -> tuple[int, int]:
    entity = session.execute(select(Entity).where(col(Entity.slug) == slug)).scalar_one()
    linked = session.execute(
        select(func.count()).where(col(ArticleEntity.entity_id) == entity.id)
    ).scalar_one()
    return entity.article_count, linked


def _visible(client: TestClient, slug: str) -> dict[str, bool]:
    listed = client.get("/entities", params={"q": "Orla Finch", "limit": 100}).json()
    return {
        "profile": client.get(f"/entities/{slug}").status_code == 200,
        "articles": client.get(f"/entities/{slug}/articles").status_code == 200,
        "timeline": client.get(f"/entities/{slug}/timeline").status_code == 200,
        "listed": slug in [e["slug"] for e in listed["items"]],
        "filter": bool(client.get("/articles", params={"person": slug}).json()["items"]),
    }


def test_an_entity_without_articles_is_gone_until_one_names_it_again(
    client: TestClient, session: Session, make_article: ArticleFactory
) -> None:
    first = make_article("Orla Finch spoke.", people=("Orla Finch",), published_at="2022-05-01")
    second = make_article("Orla Finch left.", people=("Orla Finch",))
    slug = "orla-finch"
    assert all(_visible(client, slug).values())
    assert client.get(f"/entities/{slug}").json()["counts"]["articles"] == 2
    assert _recount(session, slug) == (2, 2)

    assert client.delete(f"/articles/{first.id}", headers=HEADERS).status_code == 204
    assert client.get(f"/entities/{slug}").json()["counts"]["articles"] == 1
    assert _recount(session, slug) == (1, 1)
    assert client.delete(f"/articles/{second.id}", headers=HEADERS).status_code == 204
    assert _recount(session, slug) == (0, 0)
    assert not any(_visible(client, slug).values())
    gone = client.get(f"/entities/{slug}")
    assert gone.status_code == 404
    assert gone.headers["content-type"] == "application/problem+json"
    total = client.get("/entities", params={"q": "Orla Finch"}).json()["total"]
    assert total == 0

    make_article("Orla Finch returned.", people=("Orla Finch",), published_at="2023-01-01")
    assert all(_visible(client, slug).values())
    profile = client.get(f"/entities/{slug}").json()
    assert profile["counts"]["articles"] == 1
    assert profile["first_seen"].startswith("2023-01-01")
    assert _recount(session, slug) == (1, 1)
