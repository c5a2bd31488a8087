"""The statements built once (a search by relevance alone, a listing by one entity alone)
answer every page exactly as the general listing path does."""

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

import app.articles.listing
import app.quotes.service
import app.search.matches
import app.search.service
from app.articles import driven
from app.articles.writer import store_extraction
from app.extraction import ExtractedEntity, ExtractedMention, Extraction
from tests.conftest import ArticleFactory

PERSON = "Odile Varnasse"


@pytest.fixture
def corpus(make_article: ArticleFactory) -> None:
    """Eleven articles with equal dates among them (the id breaks ties), one undated; a
    word in the title of some, twice in the body of others; PERSON in every other one."""
    for n in range(11):
        day = None if n == 5 else str(date(2021, 3, 1) + timedelta(days=n % 4))
        people = (PERSON,) if n % 2 == 0 else ()
        body = f"{PERSON if people else 'Nobody'} spoke of the lagoon, item {n}."
        make_article(
            body + (" The lagoon rose." if n % 3 == 0 else ""),
            title=f"Lagoon {n}" if n % 4 == 0 else f"Report {n}",
            published_at=day,
            people=people,
        )


def pages(client: TestClient, path: str, **params: Any) -> Iterator[dict[str, Any]]:
    """Every page of a listing, two items a time, following next_cursor."""
    query: dict[str, Any] = {**params, "limit": 2}
    while True:
        body = client.get(path, params=query).raise_for_status().json()
        yield body
        if not body["next_cursor"]:
            return
        query["cursor"] = body["next_cursor"]


def both_ways(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, path: str, **params: Any
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every page through the prebuilt statements (SQLite: the search; both backends: the
    entity listing), then through the general path."""
    calls: list[str] = []
    listing = app.articles.listing
    prebuilt_paths = ((listing, "ranked_page"), (listing, "postgres_ranked_page"))
    for module, name in (*prebuilt_paths, (driven, "entity_page")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _r=real, _n=name: calls.append(_n) or _r(*a))
    prebuilt = list(pages(client, path, **params))
    assert len(calls) == len(prebuilt)  # on both backends
    with monkeypatch.context() as patched:
        patched.setattr(app.articles.listing, "SUMMARY_COLUMNS", ())  # no prebuilt path
        general = list(pages(client, path, **params))
    return prebuilt, general


@pytest.mark.usefixtures("corpus")
@pytest.mark.parametrize("query", ["lagoon", "lagoon OR item", "nothingatall"])
@pytest.mark.parametrize("cap", [None, 3])  # 3: past the counting cap, totals are estimates
def test_search_alone_answers_as_the_general_path(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, query: str, cap: int | None
) -> None:
    if cap is not None:
        monkeypatch.setattr(app.search.matches, "COUNT_CAP", cap)
    prebuilt, general = both_ways(client, monkeypatch, "/articles", q=query)
    assert prebuilt == general
    if query == "lagoon":
        assert sum(len(page["items"]) for page in prebuilt) == 11
        assert all(item["highlight"] for page in prebuilt for item in page["items"])
    search = client.get("/search", params={"q": query}).json()
    assert search["total"] == prebuilt[0]["total"]


@pytest.mark.usefixtures("corpus")
@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_one_entity_alone_answers_as_the_general_path(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, sort: str
) -> None:
    prebuilt, general = both_ways(client, monkeypatch, "/articles", person=PERSON, sort=sort)
    assert prebuilt == general
    ids = [item["id"] for page in prebuilt for item in page["items"]]
    assert len(ids) == len(set(ids)) == prebuilt[0]["total"] == 6


@pytest.fixture
def paired(make_article: ArticleFactory) -> None:
    """Twelve articles, equal dates among them, one undated: PERSON in every other one, a
    country in two of three, another country in every fourth."""
    for n in range(12):
        day = None if n == 7 else str(date(2021, 3, 1) + timedelta(days=n % 3))
        countries = [("Lagonia", "LG")] if n % 3 else []
        countries += [("Marevia", "MV")] if n % 4 == 0 else []
        people = (PERSON,) if n % 2 == 0 else ()
        names = [*people, *(name for name, _ in countries)]
        make_article(
            f"Report {n} from the lagoon: {' and '.join(names) or 'nobody'}.",
            title=f"Report {n}",
            published_at=day,
            people=people,
            countries=tuple(countries),
        )


@pytest.mark.usefixtures("paired")
@pytest.mark.parametrize("sort", ["newest", "oldest"])
@pytest.mark.parametrize("country", ["LG", ["LG", "MV"]])
def test_entities_alone_answer_as_the_general_path(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, sort: str, country: Any
) -> None:
    calls: list[int] = []
    real = driven.entity_count
    monkeypatch.setattr(driven, "entity_count", lambda *a, **kw: calls.append(1) or real(*a, **kw))
    params = {"person": PERSON, "country": country, "sort": sort}
    prebuilt = list(pages(client, "/articles", **params))
    assert len(calls) == len(prebuilt)  # both backends
    with monkeypatch.context() as patched:
        patched.setattr(app.articles.listing, "SUMMARY_COLUMNS", ())  # no prebuilt path
        general = list(pages(client, "/articles", **params))
    assert prebuilt == general
    ids = [item["id"] for page in prebuilt for item in page["items"]]
    # Even n and n % 3 != 0: 2, 4, 8, 10; with Marevia too (n % 4 == 0): 4, 8.
    expected = 2 if isinstance(country, list) else 4
    assert len(ids) == len(set(ids)) == prebuilt[0]["total"] == expected


# Six articles naming persons (digits), countries and organizations (letters): counts
# 6, 5, 4, 4, 2, 2, 1 of each type, so each facet has more candidates than it shows, with
# ties to break at every cut.
ARTICLES = ["0123 46", "0123 5", "01234", "01235", "01", "0"]
KINDS = {"person": "Person{} Quillon", "country": "Country{}land", "organization": "Org{} Guild"}


def _named(body: str, name: str, kind: str) -> ExtractedEntity:
    start = body.index(name)
    mention = ExtractedMention(text=name, start=start, end=start + len(name))
    code = f"Q{name[7]}" if kind == "country" else None
    return ExtractedEntity(name=name, type=kind, country_code=code, mentions=[mention])  # type: ignore[arg-type]


@pytest.fixture
def crowded(session: Session) -> None:
    for number, members in enumerate(ARTICLES):
        names = [(t.format(n), kind) for kind, t in KINDS.items() for n in members if n != " "]
        body = " and ".join(name for name, _ in names) + f" met at the quay, meeting {number}."
        entities = [_named(body, name, kind) for name, kind in names]
        store_extraction(session, Extraction(title=None, body=body, entities=entities), "test")
        session.commit()


@pytest.mark.usefixtures("crowded")
@pytest.mark.parametrize("leading", range(1, 23))
def test_facets_from_the_leading_entities_are_the_facets(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, leading: int
) -> None:
    expected = client.get("/search", params={"q": "quay"}).json()["facets"]
    persons = [(f["name"], f["count"]) for f in expected["persons"]]
    assert persons[-1] == ("Person4 Quillon", 2)  # the tie with Person5 goes to the first
    assert len(expected["countries"]) == len(expected["organizations"]) == 5
    monkeypatch.setattr(app.search.service, "LEADING", leading)
    assert client.get("/search", params={"q": "quay"}).json()["facets"] == expected


@pytest.fixture
def quoted(make_article: ArticleFactory) -> None:
    """Nine quotes about the lagoon on equal dates (the id breaks ties), one undated."""
    for n in range(9):
        said = f"The lagoon will hold, plan {n}"
        make_article(
            f"{PERSON} spoke. \u201c{said}.\u201d",
            published_at=None if n == 4 else f"2021-04-0{1 + n % 3}",
            people=(PERSON,),
            quotes={said: PERSON},
        )


@pytest.mark.usefixtures("quoted")
@pytest.mark.parametrize("cap", [None, 2])  # 2: past the counting cap, the dense walk
def test_quotes_by_words_alone_answer_as_the_general_path(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, cap: int | None
) -> None:
    if cap is not None:
        monkeypatch.setattr(app.search.matches, "COUNT_CAP", cap)
    calls: list[int] = []
    real = app.quotes.service._words_alone
    monkeypatch.setattr(app.quotes.service, "_words_alone", lambda *a: calls.append(1) or real(*a))
    prebuilt = list(pages(client, "/quotes", q="lagoon"))
    assert len(calls) == len(prebuilt)  # on both backends
    with monkeypatch.context() as patched:
        patched.setattr(app.quotes.service, "_alone", lambda *_: False)
        general = list(pages(client, "/quotes", q="lagoon"))
    assert prebuilt == general
    assert sum(len(page["items"]) for page in prebuilt) == 9


@pytest.mark.usefixtures("paired")
def test_entities_alone_past_the_cap_are_counted_as_total_of_counts(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL counts the prebuilt listing up to the cap; past it, ``total_of`` (here
    under its own, larger cap) gives the size."""
    monkeypatch.setattr(app.articles.listing, "COUNT_CAP", 1)
    body = client.get("/articles", params={"person": PERSON, "country": "LG"}).json()
    assert (body["total"], body["total_is_estimate"]) == (4, False)
