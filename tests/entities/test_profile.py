"""An entity's profile, articles, quotes and related entities, on both backends."""

from fastapi.testclient import TestClient

from app.articles.models import Article
from tests.conftest import EMPTY_PAGE, ArticleFactory, assert_problem, linked_items
from tests.entities.seed import (
    MADDY,
    MADDY_QUOTES,
    NED_PRICE_QUOTE,
    QUOTES_ABOUT_ISRAEL,
    SEED_DATE,
    SEED_ENTITIES,
    slugs,
    texts,
)

# --- GET /entities/{slug} -----------------------------------------------------------------


def test_profile_of_a_seed_person(client: TestClient) -> None:
    response = client.get(f"/entities/{MADDY}")
    assert response.status_code == 200
    body = response.json()
    assert body == {
        "id": body["id"],
        "slug": MADDY,
        "name": "Bruce Maddy-Weitzman",
        "type": "person",
        "country_code": None,
        "description": None,
        "aliases": ["Maddy-Weitzman"],
        "counts": {"articles": 1, "mentions": 2, "quotes_said": 4, "quotes_about": 0},
        "first_seen": SEED_DATE,
        "last_seen": SEED_DATE,
    }


def test_profile_of_a_seed_country(client: TestClient) -> None:
    body = client.get("/entities/united-states").json()
    assert body["country_code"] == "US"
    assert sorted(body["aliases"]) == sorted(["US", "United States of America", "USA"])
    assert body["counts"] == {"articles": 1, "mentions": 3, "quotes_said": 0, "quotes_about": 0}
    israel = client.get("/entities/israel").json()
    assert israel["counts"] == {"articles": 1, "mentions": 14, "quotes_said": 0, "quotes_about": 4}


def test_profile_follows_new_articles(client: TestClient, make_article: ArticleFactory) -> None:
    make_article(
        'Bruce Maddy-Weitzman said "ties are warm" on Monday.',
        published_at="2022-03-01",
        people=("Bruce Maddy-Weitzman",),
        quotes={"ties are warm": "Bruce Maddy-Weitzman"},
    )
    make_article(
        "In 2020 Bruce Maddy-Weitzman wrote a book.",
        published_at="2020-05-17T10:30:00+02:00",
        people=("Bruce Maddy-Weitzman",),
    )
    body = client.get(f"/entities/{MADDY}").json()
    assert body["counts"] == {"articles": 3, "mentions": 4, "quotes_said": 5, "quotes_about": 0}
    assert body["first_seen"] == "2020-05-17T08:30:00Z"
    assert body["last_seen"] == "2022-03-01T00:00:00Z"


def test_unknown_entity_is_a_404_problem(client: TestClient) -> None:
    for path in ("", "/articles", "/quotes", "/related", "/timeline"):
        response = client.get(f"/entities/no-such-entity{path}")
        problem = assert_problem(response, 404)
        assert problem["detail"] == "No entity with slug 'no-such-entity'"
        assert problem["instance"] == f"/entities/no-such-entity{path}"


# --- GET /entities/{slug}/articles --------------------------------------------------------


def test_articles_of_an_entity_newest_first(
    client: TestClient, make_article: ArticleFactory, seed_article: Article
) -> None:
    later = make_article(
        "Morocco hosted a summit.", published_at="2022-01-10", countries=(("Morocco", "MA"),)
    )
    earlier = make_article(
        "Morocco signed a deal.", published_at="2021-01-10", countries=(("Morocco", "MA"),)
    )
    make_article("Algeria only.", published_at="2023-01-10", countries=(("Algeria", "DZ"),))
    expected = [later.slug, seed_article.slug, earlier.slug]
    assert slugs(client.get("/entities/morocco/articles")) == expected

    first = client.get("/entities/morocco/articles", params={"limit": 2})
    assert slugs(first) == expected[:2]
    cursor = first.json()["next_cursor"]
    second = client.get("/entities/morocco/articles", params={"limit": 2, "cursor": cursor})
    assert slugs(second) == expected[2:]
    assert second.json()["next_cursor"] is None

    [item] = client.get(f"/entities/{MADDY}/articles").json()["items"]
    assert item["id"] == seed_article.id
    assert item["published_at"] == SEED_DATE
    assert item["top_entities"][0]["slug"] == "morocco"


# --- GET /entities/{slug}/quotes ----------------------------------------------------------


def test_quotes_said_by_an_entity(client: TestClient, seed_article: Article) -> None:
    response = client.get(f"/entities/{MADDY}/quotes", params={"role": "speaker"})
    # Same date: the later quote in the article was stored last and comes first.
    assert texts(response) == MADDY_QUOTES[::-1]
    assert texts(client.get(f"/entities/{MADDY}/quotes")) == MADDY_QUOTES[::-1]
    first = response.json()["items"][-1]
    assert first["start"] == 1606
    assert first["end"] == 1725
    assert first["kind"] == "direct"
    assert first["cue"] == "said"
    assert first["speaker_text"] == "he"
    assert first["speaker"]["slug"] == MADDY
    assert first["article"] == {
        "id": seed_article.id,
        "slug": seed_article.slug,
        "title": None,
        "published_at": SEED_DATE,
    }


def test_quotes_said_page_by_cursor(client: TestClient) -> None:
    seen = linked_items(client, f"/entities/{MADDY}/quotes?role=speaker&limit=3")
    assert [item["text"] for item in seen] == MADDY_QUOTES[::-1]


def test_quotes_about_an_entity(client: TestClient, make_article: ArticleFactory) -> None:
    about = client.get("/entities/israel/quotes", params={"role": "about"})
    assert texts(about) == QUOTES_ABOUT_ISRAEL[::-1]
    western_sahara = client.get("/entities/western-sahara/quotes", params={"role": "about"})
    assert texts(western_sahara) == [NED_PRICE_QUOTE]
    assert western_sahara.json()["items"][0]["speaker"]["slug"] == "ned-price"
    # His two mentions sit outside every quote.
    assert texts(client.get(f"/entities/{MADDY}/quotes", params={"role": "about"})) == []

    make_article(
        'Lina Sayed said "Bruce Maddy-Weitzman explained it well" on Friday.',
        published_at="2022-02-04",
        people=("Lina Sayed", "Bruce Maddy-Weitzman"),
        quotes={"Bruce Maddy-Weitzman explained it well": "Lina Sayed"},
    )
    about = client.get(f"/entities/{MADDY}/quotes", params={"role": "about"})
    assert texts(about) == ["Bruce Maddy-Weitzman explained it well"]
    assert about.json()["items"][0]["speaker"]["slug"] == "lina-sayed"
    said = client.get(f"/entities/{MADDY}/quotes", params={"role": "speaker"})
    assert texts(said) == MADDY_QUOTES[::-1]
    assert client.get(f"/entities/{MADDY}").json()["counts"]["quotes_about"] == 1


def test_invalid_role_is_a_422_problem(client: TestClient) -> None:
    response = client.get(f"/entities/{MADDY}/quotes", params={"role": "listener"})
    problem = assert_problem(response, 422, "query.role")
    assert problem["errors"][0]["field"] == "query.role"


# --- GET /entities/{slug}/related ---------------------------------------------------------


def test_related_entities_by_shared_articles(
    client: TestClient, make_article: ArticleFactory
) -> None:
    make_article(
        "Bruce Maddy-Weitzman met Benny Gantz in Morocco.",
        people=("Bruce Maddy-Weitzman", "Benny Gantz"),
        countries=(("Morocco", "MA"),),
    )
    make_article(
        "Bruce Maddy-Weitzman praised Benny Gantz.",
        people=("Bruce Maddy-Weitzman", "Benny Gantz"),
    )
    # Raises Israel's article count without sharing an article with him.
    make_article(
        "Benny Gantz toured Israel.", people=("Benny Gantz",), countries=(("Israel", "IL"),)
    )

    response = client.get(f"/entities/{MADDY}/related", params={"limit": 100})
    items = response.json()["items"]
    assert [(e["slug"], e["shared_articles"]) for e in items[:4]] == [
        ("benny-gantz", 3),
        ("morocco", 2),
        ("israel", 1),  # more articles overall breaks the tie
        ("donald-trump", 1),
    ]
    others = [s for s in SEED_ENTITIES if s not in {MADDY, "benny-gantz", "morocco", "israel"}]
    assert [e["slug"] for e in items[2:]] == ["israel", *others]
    assert all(e["shared_articles"] == 1 for e in items[2:])
    assert items[0] == {
        "id": items[0]["id"],
        "slug": "benny-gantz",
        "name": "Benny Gantz",
        "type": "person",
        "country_code": None,
        "shared_articles": 3,
    }

    paged = [item["slug"] for item in linked_items(client, f"/entities/{MADDY}/related?limit=7")]
    assert paged == [e["slug"] for e in items]
    assert len(paged) == len(SEED_ENTITIES) - 1


def test_an_entity_alone_has_no_related(client: TestClient, make_article: ArticleFactory) -> None:
    make_article("Solo Hermit stayed home.", people=("Solo Hermit",))
    response = client.get("/entities/solo-hermit/related")
    assert response.json() == EMPTY_PAGE
