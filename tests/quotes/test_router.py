"""Quote endpoints, on both backends."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.articles.models import Article
from tests.conftest import ArticleFactory, assert_problem, next_link

SEED_DATE = "2021-12-06T00:00:00Z"

# The seed article's quotes in article order: (text, speaker slug, kind, cue, speaker_text).
SEED_QUOTES: list[tuple[str, str | None, str, str | None, str | None]] = [
    ("formalize", None, "partial", None, None),
    (
        "sign a memorandum of understanding outlining defense cooperation between the two "
        "countries,",
        "benny-gantz",
        "direct",
        "said",
        "his office",
    ),
    (
        "lay the foundation for all future security cooperation between Israel and Morocco",
        None,
        "direct",
        "says",
        "a source familiar with the visit",
    ),
    (
        "Until now, there has been some co-operation, it really formalizes it,",
        None,
        "direct",
        "said",
        "the source",
    ),
    ("hostile actions", "algeria", "partial", "citing", None),
    (
        "It is possible that in the context of the Moroccan-Algerian tension, the Moroccans "
        "were the ones who were keen on this,",
        "bruce-maddy-weitzman",
        "direct",
        "said",
        "he",
    ),
    (
        "It seems to me that the Moroccans are the ones who are eager to show everyone – their "
        "own public, their Algerian rivals, the West – that they are deepening their "
        "relationship with Israel,",
        "bruce-maddy-weitzman",
        "direct",
        "said",
        "the University of Tel Aviv professor",
    ),
    ("exploration activities", "ratio-petroleum", "partial", "announced", None),
    ("creeping normalization with Israel", None, "partial", None, None),
    (
        "there are too many other interests at stake, too many other benefits to be gained by "
        "recalibration",
        "bruce-maddy-weitzman",
        "direct",
        "according to",
        "Maddy-Weitzman",
    ),
    (
        "Most of the countries in the region just do not want to be held hostage to the issue "
        "anymore, they want to pursue their interests as they define them, and at this point, "
        "of course, Israel has a lot to offer,",
        "bruce-maddy-weitzman",
        "direct",
        "said",
        "he",
    ),
    (
        "noted that we continue to view Morocco’s autonomy plan as serious, credible and "
        "realistic, and one potential approach to satisfying the aspirations of the people of "
        "Western Sahara,",
        "ned-price",
        "direct",
        "said",
        "State Department spokesman Ned Price",
    ),
]
TEXTS = [q[0] for q in SEED_QUOTES]
# One article, one date: newest first means the last stored quote first.
NEWEST = TEXTS[::-1]


def seed_texts(*indexes: int) -> list[str]:
    """Seed quotes at these article positions, in listing order (newest first)."""
    return [TEXTS[i] for i in sorted(indexes, reverse=True)]


MADDY = seed_texts(5, 6, 9, 10)


def texts(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["text"] for item in response.json()["items"]]


def quotes(client: TestClient, **params: Any) -> list[str]:
    return texts(client.get("/quotes", params={"limit": 100, **params}))


@pytest.fixture
def later_quote(make_article: ArticleFactory) -> Article:
    return make_article(
        'Omar Haddad said "the harbour in Marseille will reopen" after talks with France.',
        published_at="2022-05-01T12:00:00Z",
        title="Harbour to reopen",
        people=("Omar Haddad",),
        countries=(("France", "FR"),),
        quotes={"the harbour in Marseille will reopen": "Omar Haddad"},
    )


LATER = "the harbour in Marseille will reopen"


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


# --- GET /quotes/{id} ---------------------------------------------------------------------


def test_one_quote_with_its_article(client: TestClient, seed_article: Article) -> None:
    listed = client.get("/quotes", params={"speaker": "ned-price"}).json()["items"][0]
    response = client.get(f"/quotes/{listed['id']}")
    assert response.status_code == 200
    body = response.json()
    assert body == listed
    assert body == {
        "id": listed["id"],
        "article_id": seed_article.id,
        "text": TEXTS[11],
        "start": 3920,
        "end": 4100,
        "kind": "direct",
        "cue": "said",
        "speaker": {
            "id": body["speaker"]["id"],
            "slug": "ned-price",
            "name": "Ned Price",
            "type": "person",
            "country_code": None,
        },
        "speaker_text": "State Department spokesman Ned Price",
        "confidence": 0.94,
        "rule": "trailing_cue+name",
        "article": {
            "id": seed_article.id,
            "slug": seed_article.slug,
            "title": None,
            "published_at": SEED_DATE,
        },
    }


def test_one_quote_of_a_titled_article_and_no_speaker(
    client: TestClient, later_quote: Article
) -> None:
    listed = client.get("/quotes", params={"q": "creeping"}).json()["items"][0]
    body = client.get(f"/quotes/{listed['id']}").json()
    assert body["speaker"] is None
    assert body["speaker_text"] is None
    [later] = client.get("/quotes", params={"article": later_quote.slug}).json()["items"]
    body = client.get(f"/quotes/{later['id']}").json()
    assert body["article"] == {
        "id": later_quote.id,
        "slug": later_quote.slug,
        "title": "Harbour to reopen",
        "published_at": "2022-05-01T12:00:00Z",
    }
    assert body["speaker"]["slug"] == "omar-haddad"


def test_unknown_quote_is_a_404(client: TestClient) -> None:
    problem = assert_problem(client.get("/quotes/999999"), 404)
    assert problem["detail"] == "No quote with id 999999"
    assert problem["instance"] == "/quotes/999999"


@pytest.mark.parametrize("ref", ["0", "-1", "abc", "99999999999999999999"])
def test_invalid_quote_id_is_a_422(client: TestClient, ref: str) -> None:
    assert_problem(client.get(f"/quotes/{ref}"), 422, "path.quote_id")


def test_quotes_carry_the_attribution_rule_and_confidence(
    client: TestClient, seed_article: Article, later_quote: Article
) -> None:
    items = client.get("/quotes", params={"limit": 100}).json()["items"]
    seed = [item for item in items if item["article_id"] == seed_article.id]
    rules = {item["rule"]: item["confidence"] for item in seed if item["rule"]}
    assert len(rules) >= 3 and all(0 <= confidence <= 1 for confidence in rules.values())
    gantz = next(item for item in seed if (item["speaker"] or {}).get("slug") == "benny-gantz")
    assert (gantz["speaker_text"], gantz["rule"]) == ("his office", "trailing_cue+pronoun")
    # Stored without attribution details (as before they were recorded): null, not invented.
    (later,) = [item for item in items if item["article_id"] == later_quote.id]
    assert (later["confidence"], later["rule"]) == (None, None)
    detail = client.get(f"/quotes/{gantz['id']}").json()
    assert (detail["rule"], detail["confidence"]) == (gantz["rule"], gantz["confidence"])
    article = client.get(f"/articles/{seed_article.id}").json()
    assert {q["rule"] for q in article["quotes"]} == {item["rule"] for item in seed}
