"""Quote listing (GET /quotes), on both backends."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.articles.models import Article
from tests.conftest import assert_problem, next_link
from tests.quotes.seed import (
    LATER,
    MADDY,
    NEWEST,
    SEED_QUOTES,
    quotes,
    seed_texts,
    texts,
)


def test_lists_every_seed_quote_newest_first(client: TestClient, seed_article: Article) -> None:
    response = client.get("/quotes", params={"limit": 100})
    assert texts(response) == NEWEST
    assert response.json()["next_cursor"] is None
    items = response.json()["items"]
    for item, (text, speaker, kind, cue, speaker_text) in zip(
        items, SEED_QUOTES[::-1], strict=True
    ):
        assert item["text"] == text
        assert (item["speaker"] or {}).get("slug") == speaker
        assert (item["kind"], item["cue"], item["speaker_text"]) == (kind, cue, speaker_text)
        assert seed_article.body[item["start"] : item["end"]] == text
        assert item["article_id"] == seed_article.id
        assert item["article"]["slug"] == seed_article.slug


def test_newer_articles_come_first(client: TestClient, later_quote: Article) -> None:
    assert quotes(client) == [LATER, *NEWEST]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("recalibration", seed_texts(9)),
        ("formalize", seed_texts(0, 3)),  # "formalizes" shares the stem
        ("Moroccans Israel", seed_texts(6)),
        ('"interests at stake"', seed_texts(9)),
        ("recalibration OR hostile", seed_texts(4, 9)),
        ("spyware", []),  # in the article, in no quote
    ],
)
def test_full_text_query(client: TestClient, q: str, expected: list[str]) -> None:
    assert quotes(client, q=q) == expected


@pytest.mark.parametrize(
    "speaker",
    [
        "bruce-maddy-weitzman",
        "Bruce Maddy-Weitzman",
        "bruce maddy-weitzman",
        "Maddy-Weitzman",
        "MADDY-WEITZMAN",
        "Bruce Maddy-Weitzman’s",
    ],
)
def test_speaker_by_slug_name_or_alias(client: TestClient, speaker: str) -> None:
    assert quotes(client, speaker=speaker) == MADDY


def test_speaker_filter(client: TestClient, later_quote: Article) -> None:
    assert quotes(client, speaker="ned-price") == seed_texts(11)
    assert quotes(client, speaker="Gantz") == seed_texts(1)
    assert quotes(client, speaker="Algeria") == seed_texts(4)
    assert quotes(client, speaker="omar-haddad") == [LATER]
    assert quotes(client, speaker="Donald Trump") == []  # mentioned, never quoted
    assert quotes(client, speaker="nobody-at-all") == []


def test_about_filter(client: TestClient, later_quote: Article) -> None:
    assert quotes(client, about="israel") == seed_texts(2, 6, 8, 10)
    assert quotes(client, about="Morocco") == seed_texts(2, 5, 6, 11)
    assert quotes(client, about="Western Sahara") == seed_texts(11)
    assert quotes(client, about="DZ") == seed_texts(5, 6)  # Algeria, by code
    assert quotes(client, about="bruce-maddy-weitzman") == []
    assert quotes(client, about="France") == []  # outside the quote's span


def test_filters_combine(client: TestClient) -> None:
    assert quotes(client, about="israel", speaker="maddy-weitzman") == seed_texts(6, 10)
    assert quotes(client, about="israel", kind="partial") == seed_texts(8)
    assert quotes(client, q="Israel", speaker="maddy-weitzman") == seed_texts(6, 10)
    params = {"about": ["israel", "algeria"]}
    assert quotes(client, **params) == seed_texts(6)  # each repeated value must match


def test_country_filter(client: TestClient, later_quote: Article) -> None:
    seed = NEWEST
    assert quotes(client, country="MA") == seed
    assert quotes(client, country="ma") == seed
    assert quotes(client, country="Morocco") == seed
    assert quotes(client, country="USA") == seed  # an alias of the United States
    assert quotes(client, country="FR") == [LATER]
    assert quotes(client, country="France") == [LATER]
    assert quotes(client, country="ZZ") == []
    assert quotes(client, country="Rabat") == []  # a place, not a country


def test_article_filter_by_id_or_slug(
    client: TestClient, seed_article: Article, later_quote: Article
) -> None:
    assert quotes(client, article=str(seed_article.id)) == NEWEST
    assert quotes(client, article=seed_article.slug) == NEWEST
    assert quotes(client, article=later_quote.slug) == [LATER]
    assert quotes(client, article=str(later_quote.id), speaker="omar-haddad") == [LATER]
    assert quotes(client, article=seed_article.slug, speaker="omar-haddad") == []


@pytest.mark.parametrize("ref", ["no-such-article", "999999", "99999999999999999999999"])
def test_unknown_article_is_a_404(client: TestClient, ref: str) -> None:
    problem = assert_problem(client.get("/quotes", params={"article": ref}), 404)
    assert problem["detail"] == f"No article with id or slug '{ref}'"


def test_kind_filter(client: TestClient) -> None:
    assert quotes(client, kind="partial") == seed_texts(0, 4, 7, 8)
    assert quotes(client, kind="direct") == seed_texts(1, 2, 3, 5, 6, 9, 10, 11)
    assert quotes(client, kind="indirect") == []
    assert_problem(client.get("/quotes", params={"kind": "hearsay"}), 422, "query.kind")


def test_date_filters(client: TestClient, later_quote: Article) -> None:
    assert quotes(client, published_after="2022-01-01") == [LATER]
    assert quotes(client, published_before="2022-01-01") == NEWEST
    assert quotes(client, published_after="2021-12-06T00:00:00Z") == [LATER, *NEWEST]
    assert quotes(client, published_before="2021-12-06T00:00:00Z") == []  # exclusive
    # 2022-05-01T12:00Z is 08:00 in New York: bounds with an offset are compared in UTC.
    assert quotes(client, published_after="2022-05-01T08:00:00-04:00") == [LATER]
    assert quotes(client, published_after="2022-05-01T08:00:01-04:00") == []
    window = {"published_after": "2021-12-01", "published_before": "2021-12-07"}
    assert quotes(client, **window) == NEWEST
    response = client.get("/quotes", params={"published_after": "soon"})
    assert_problem(response, 422, "query.published_after")


def test_pages_follow_the_cursor_and_link(client: TestClient, later_quote: Article) -> None:
    expected = [LATER, *NEWEST]
    seen: list[str] = []
    url = "/quotes?limit=5"
    pages = 0
    while True:
        response = client.get(url)
        page = texts(response)
        seen += page
        pages += 1
        cursor = response.json()["next_cursor"]
        if cursor is None:
            assert "Link" not in response.headers
            break
        assert len(page) == 5
        assert f"cursor={cursor}" in response.headers["Link"]
        url = next_link(response)
    assert pages == 3
    assert seen == expected

    by_cursor: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 4, "kind": "direct"}
        response = client.get("/quotes", params={**params, "cursor": cursor} if cursor else params)
        by_cursor += texts(response)
        cursor = response.json()["next_cursor"]
        if cursor is None:
            break
    assert by_cursor == [LATER, *seed_texts(1, 2, 3, 5, 6, 9, 10, 11)]


def test_bad_cursor_is_a_400(client: TestClient) -> None:
    entities_cursor = client.get("/entities", params={"limit": 1}).json()["next_cursor"]
    assert_problem(client.get("/quotes", params={"cursor": entities_cursor}), 400, "query.cursor")
    assert_problem(client.get("/quotes", params={"cursor": "%%%"}), 400, "query.cursor")
