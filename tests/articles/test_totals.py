"""Whole answers: date-ordered listings reach the last match, every list says how large it
is, and relevance ranking says when it ranked only part of the matches."""

from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

import app.search.matches
from app.pagination import Page
from tests.conftest import ArticleFactory

PERSON = "Ivo Brandt"


@pytest.fixture
def harvests(make_article: ArticleFactory) -> dict[int, tuple[str, int]]:
    """Twelve articles about a harvest (dates out of id order, two undated; every third
    mentions PERSON) and three about something else. Maps id to (sort date, id)."""
    found = {}
    for n in range(15):
        day = None if n in (4, 9) else str(date(2020, 1, 1) + timedelta(days=(n * 7) % 15))
        word = "harvest" if n < 12 else "drought"
        people = (PERSON,) if n % 3 == 0 else ()
        article = make_article(
            f"{PERSON if people else 'Nobody'} wrote of the {word} number {n}.",
            published_at=day,
            people=people,
            quotes={f"the {word} number {n}": PERSON if people else None},
        )
        assert article.id is not None
        if word == "harvest":
            found[article.id] = (day or "", article.id)
    return found


def walk(client: TestClient, path: str, **params: Any) -> tuple[list[int], list[dict[str, Any]]]:
    """Every item id, following next_cursor two at a time, and each page's body."""
    ids: list[int] = []
    pages: list[dict[str, Any]] = []
    query: dict[str, Any] = {**params, "limit": 2}
    while True:
        body = client.get(path, params=query).raise_for_status().json()
        pages.append(body)
        ids += [item.get("id", 0) for item in body["items"]]
        if not body["next_cursor"]:
            return ids, pages
        query["cursor"] = body["next_cursor"]


@pytest.fixture(params=["sparse", "dense"])
def regime(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways of reading matches in date order: sorting all of few matches, or walking
    the date index and testing each row (forced here by a tiny counting cap)."""
    if request.param == "dense":
        monkeypatch.setattr(app.search.matches, "COUNT_CAP", 3)
        monkeypatch.setattr(app.search.matches, "walk_newest", lambda *_: True)
    return str(request.param)


def test_date_order_with_a_query_reaches_every_match(
    client: TestClient, harvests: dict[int, tuple[str, int]], regime: str
) -> None:
    newest = [i for _, i in sorted(harvests.values(), reverse=True)]
    undated = [i for i in sorted(harvests, reverse=True) if not harvests[i][0]]
    assert newest[-2:] == undated  # undated last, newest first
    ids, pages = walk(client, "/articles", q="harvest", sort="newest")
    assert ids == newest
    oldest, _ = walk(client, "/articles", q="harvest", sort="oldest")
    assert oldest == [i for _, i in sorted(harvests.values())]
    first = pages[0]
    assert first["ranked_among"] is None
    if regime == "sparse":
        assert (first["total"], first["total_is_estimate"]) == (12, False)
    else:
        assert first["total_is_estimate"] is True and first["total"] > 0


def test_date_order_with_a_query_and_an_entity(
    client: TestClient, harvests: dict[int, tuple[str, int]], regime: str
) -> None:
    mentioned = client.get("/articles", params={"person": PERSON, "limit": 100}).json()
    with_person = {a["id"] for a in mentioned["items"]}
    expected = [i for _, i in sorted(harvests.values(), reverse=True) if i in with_person]
    assert len(expected) == 4
    ranked, _ = walk(client, "/articles", q="harvest", person=PERSON)
    assert sorted(ranked) == sorted(expected)
    ids, pages = walk(client, "/articles", q="harvest", person=PERSON, sort="newest")
    assert ids == expected
    if regime == "sparse":
        assert pages[0]["total"] == 4
    quotes, _ = walk(client, "/quotes", q="harvest", speaker=PERSON)
    assert len(quotes) == 4


def test_quotes_with_a_query_reach_every_match(
    client: TestClient, harvests: dict[int, tuple[str, int]], regime: str
) -> None:
    ids, pages = walk(client, "/quotes", q="harvest")
    assert len(ids) == len(set(ids)) == 12
    if regime == "sparse":
        assert (pages[0]["total"], pages[0]["total_is_estimate"]) == (12, False)


def test_relevance_says_it_ranked_part_of_the_matches(
    client: TestClient, harvests: dict[int, tuple[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.articles.listing
    import app.search.fulltext

    for module in (app.search.fulltext, app.articles.listing):
        monkeypatch.setattr(module, "CANDIDATES", 5)
    ids, pages = walk(client, "/articles", q="harvest")
    assert len(ids) == 5
    assert {(p["total"], p["ranked_among"]) for p in pages} == {(12, 5)}
    search = client.get("/search", params={"q": "harvest"}).json()
    assert (search["total"], search["ranked_among"]) == (12, 5)
    assert client.get("/articles", params={"q": "drought"}).json()["ranked_among"] is None


def test_every_list_counts_its_whole_answer(
    client: TestClient, harvests: dict[int, tuple[str, int]]
) -> None:
    slug = client.get("/entities", params={"q": PERSON}).json()["items"][0]["slug"]
    article_id = next(iter(harvests))
    for path, params in (
        ("/articles", {}),
        ("/articles", {"person": PERSON}),
        ("/articles", {"person": PERSON, "published_after": "2020-01-05"}),
        ("/articles", {"q": "harvest OR drought", "sort": "oldest"}),
        ("/articles", {"q": "harvest", "published_before": "2020-01-08"}),
        ("/quotes", {}),
        ("/quotes", {"q": "number"}),
        ("/entities", {}),
        ("/entities", {"type": "person"}),
        (f"/entities/{slug}/articles", {}),
        (f"/entities/{slug}/quotes", {}),
        (f"/entities/{slug}/timeline", {"interval": "day"}),
        (f"/articles/{article_id}/quotes", {}),
        (f"/articles/{article_id}/entities", {}),
        ("/countries", {}),
    ):
        _, pages = walk(client, path, **params)
        reached = sum(len(p["items"]) for p in pages)
        assert {(p["total"], p["total_is_estimate"]) for p in pages} == {(reached, False)}, path
    assert walk(client, "/articles")[1][0]["total"] == 16  # with the seed article


def test_past_the_counting_cap_sqlite_counts_and_postgresql_estimates(
    client: TestClient, harvests: dict[int, tuple[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.pagination

    monkeypatch.setattr(app.pagination, "COUNT_CAP", 3)
    body = client.get("/articles", params={"published_after": "2019-01-01"}).json()
    sqlite = client.app.state.settings.is_sqlite  # type: ignore[attr-defined]
    if sqlite:
        assert (body["total"], body["total_is_estimate"]) == (14, False)
    else:
        assert body["total_is_estimate"] is True and body["total"] >= 4


def test_total_is_documented() -> None:
    fields = Page[int].model_json_schema()["properties"]
    assert {"total", "total_is_estimate", "ranked_among"} <= set(fields)
    assert "estimate" in fields["total_is_estimate"]["description"]
