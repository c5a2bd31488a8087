"""Search across articles, quotes and entities, on both backends."""

import pytest
from fastapi.testclient import TestClient

from app.articles.models import Article
from tests.conftest import ArticleFactory, next_link
from tests.search.client import NO_RESULTS, article_slugs, facet, search, slugs

SEED_ORGANIZATIONS = [
    "polisario-front",
    "nso-group",
    "amnesty-international",
    "forbidden-stories",
    "ratio-petroleum",
]
RECALIBRATION = (
    "there are too many other interests at stake, too many other benefits to be gained by "
    "recalibration"
)


def test_pegasus_finds_the_seed_article(client: TestClient, seed_article: Article) -> None:
    body = search(client, "Pegasus")
    [hit] = body["articles"]
    assert hit["id"] == seed_article.id
    assert hit["slug"] == seed_article.slug
    assert "<mark>Pegasus</mark>" in hit["highlight"]
    assert hit["score"] > 0
    assert body["next_cursor"] is None
    assert body["quotes"] == []
    assert slugs(body["entities"]) == ["pegasus"]
    # Every seed entity is in the one matching article: ties go to the first stored.
    assert facet(body, "persons") == [
        ("benny-gantz", 1),
        ("donald-trump", 1),
        ("brahim-ghali", 1),
        ("bruce-maddy-weitzman", 1),
        ("antony-blinken", 1),
    ]
    assert facet(body, "countries") == [
        ("israel", 1),
        ("morocco", 1),
        ("algeria", 1),
        ("western-sahara", 1),
        ("united-states", 1),
    ]
    assert facet(body, "organizations") == [(slug, 1) for slug in SEED_ORGANIZATIONS]
    assert body["facets"]["persons"][3] == {
        "slug": "bruce-maddy-weitzman",
        "name": "Bruce Maddy-Weitzman",
        "count": 1,
    }


def test_facets_count_matching_articles_only(
    client: TestClient, make_article: ArticleFactory, seed_article: Article
) -> None:
    other = make_article(
        "Pegasus spyware was found on phones in Israel, Ned Price said.",
        published_at="2022-01-20",
        people=("Ned Price",),
        countries=(("Israel", "IL"),),
    )
    # Mentions Ned Price and Morocco again, but not Pegasus.
    make_article(
        "Ned Price spoke about Morocco.",
        people=("Ned Price",),
        countries=(("Morocco", "MA"),),
    )
    body = search(client, "pegasus")
    assert sorted(slugs(body["articles"])) == sorted([seed_article.slug, other.slug])
    scores = [hit["score"] for hit in body["articles"]]
    assert scores == sorted(scores, reverse=True)
    assert all("<mark>Pegasus</mark>" in hit["highlight"] for hit in body["articles"])
    assert facet(body, "persons") == [
        ("ned-price", 2),
        ("benny-gantz", 1),
        ("donald-trump", 1),
        ("brahim-ghali", 1),
        ("bruce-maddy-weitzman", 1),
    ]
    assert facet(body, "countries") == [
        ("israel", 2),
        ("morocco", 1),
        ("algeria", 1),
        ("western-sahara", 1),
        ("united-states", 1),
    ]
    assert facet(body, "organizations") == [(slug, 1) for slug in SEED_ORGANIZATIONS]


def test_search_finds_quotes_and_entities(client: TestClient, seed_article: Article) -> None:
    body = search(client, "recalibration")
    assert [q["text"] for q in body["quotes"]] == [RECALIBRATION]
    assert body["quotes"][0]["speaker"]["slug"] == "bruce-maddy-weitzman"
    assert body["quotes"][0]["article"]["id"] == seed_article.id
    assert slugs(body["articles"]) == [seed_article.slug]
    assert body["entities"] == []

    body = search(client, "Maddy")
    assert slugs(body["entities"]) == ["bruce-maddy-weitzman"]
    assert slugs(body["articles"]) == [seed_article.slug]
    assert body["quotes"] == []

    body = search(client, "Tel Aviv")
    assert slugs(body["entities"]) == ["tel-aviv-university", "tel-aviv"]


def test_no_match(client: TestClient) -> None:
    assert search(client, "zeppelin") == {"query": "zeppelin", **NO_RESULTS}


@pytest.fixture
def quokka_articles(make_article: ArticleFactory) -> list[Article]:
    """Three articles about quokkas, most relevant first, and one without."""
    most = make_article(
        "The quokka count rose. Every quokka was tagged. Quokka numbers are up.",
        title="Quokka census",
        published_at="2020-01-01",
    )
    middle = make_article(
        "A quokka was seen near the ferry; another quokka followed it to the water.",
        published_at="2021-01-01",
    )
    least = make_article(
        "Visitors to the island photographed seals, dolphins, ospreys, lizards, a single "
        "quokka, and many other creatures along the coast during a long summer afternoon.",
        published_at="2022-01-01",
    )
    make_article("Nothing about marsupials here.", published_at="2023-01-01")
    return [most, middle, least]


def test_relevance_order(client: TestClient, quokka_articles: list[Article]) -> None:
    expected = [a.slug for a in quokka_articles]
    body = search(client, "quokka")
    assert slugs(body["articles"]) == expected
    scores = [hit["score"] for hit in body["articles"]]
    assert scores[0] > scores[1] > scores[2] > 0
    assert "<mark>quokka</mark>" in body["articles"][2]["highlight"]

    # /articles with q ranks by relevance too; sort=newest overrides.
    assert article_slugs(client, "quokka") == expected
    newest = client.get("/articles", params={"q": "quokka", "sort": "newest"}).json()
    assert slugs(newest["items"]) == expected[::-1]


def test_relevance_pages(client: TestClient, quokka_articles: list[Article]) -> None:
    seen: list[str] = []
    url = "/search?q=quokka&limit=1"
    while True:
        response = client.get(url)
        assert response.status_code == 200
        body = response.json()
        assert len(body["articles"]) == 1
        seen += slugs(body["articles"])
        if body["next_cursor"] is None:
            assert "Link" not in response.headers
            break
        assert f"cursor={body['next_cursor']}" in response.headers["Link"]
        url = next_link(response)
    assert seen == [a.slug for a in quokka_articles]


def test_stemming(client: TestClient, make_article: ArticleFactory, seed_article: Article) -> None:
    noun = make_article("Sudan and Chad discussed the normalization of trade.")
    verb = make_article("Chad normalized relations with Sudan.")
    expected = sorted([seed_article.slug, noun.slug, verb.slug])
    for q in ("normalized", "normalization", "normalizing", "NORMALIZES"):
        assert sorted(article_slugs(client, q)) == expected, q
        assert sorted(slugs(search(client, q)["articles"])) == expected, q
        quotes = client.get("/quotes", params={"q": q}).json()["items"]
        assert [item["text"] for item in quotes] == ["creeping normalization with Israel"], q
    [hit] = [h for h in search(client, "normalized")["articles"] if h["slug"] == noun.slug]
    assert "<mark>normalization</mark>" in hit["highlight"]
