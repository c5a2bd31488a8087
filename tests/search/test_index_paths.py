"""PostgreSQL answers full-text queries alike through a RUM index (matches in id order) and
through GIN (unordered): every listing, total, facet and highlight, page by page."""

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session

from app.articles.models import Article
from app.config import Settings
from app.search import fulltext, service
from app.search.fulltext import FULLTEXT_INDEX, article_candidates, id_ordered, newest_order
from tests.conftest import ArticleFactory, every_item

HARBOUR_PEOPLE = ("Odile Ferncastle", "Bram Ostley")
QUERIES = [
    "harbour",
    "harbours",  # stemmed: the same lexeme as "harbour"
    "harbour storm",
    '"harbour will reopen"',
    '"reopen the harbour"',
    "harbour -storm",
    "gale OR ferries",
    "Ferncastle",
]
FILTERS: list[dict[str, Any]] = [
    {},
    {"country": "MA"},
    {"person": HARBOUR_PEOPLE[1]},
    {"section": "business"},
    {"published_after": "2024-03-05"},
]
SORTS = ("relevance", "newest", "oldest")

# RUM and GIN are PostgreSQL indexes.
pytestmark = pytest.mark.parametrize("settings", ["postgresql"], indirect=True)


@pytest.fixture
def corpus(settings: Settings, make_article: ArticleFactory) -> None:
    bodies = [
        "In {c}, {p} said the harbour will reopen after the storm.",
        "Crews plan to reopen the harbour in {c} once the gale passes, {p} said.",
        "The harbours of {c} stay shut; ferries wait while {p} counts the cost.",
        "{p} toured the harbour in {c}. \u201cThe harbour will reopen,\u201d said {p}.",
        "A storm closed roads in {c}, and {p} stayed at home.",
        "Ferries resumed in {c} after {p} inspected the harbour walls.",
    ]
    for n in range(18):
        person = HARBOUR_PEOPLE[n % 2]
        country = ("Morocco", "MA") if n % 3 else ("Portugal", "PT")
        body = bodies[n % len(bodies)].format(p=person, c=country[0]) + f" Filed as note {n}."
        quote = "The harbour will reopen" if "\u201c" in body else None
        make_article(
            body,
            title=f"Coast report {n}",
            # Every third day repeats, so date order needs the id to break ties.
            published_at=f"2024-03-{1 + n % 9:02d}",
            people=(person,),
            countries=(country,),
            quotes={quote: person} if quote else None,
            section="business" if n % 4 == 0 else "world",
        )


def _rum_installed(session: Session) -> bool:
    found = session.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'rum'")).first()
    return found is not None


@pytest.fixture
def using(session: Session) -> Iterator[Any]:
    def use(index: str) -> None:
        if index == "rum" and not _rum_installed(session):
            pytest.skip("the rum extension is not installed: GIN only")
        session.info[FULLTEXT_INDEX] = index

    yield use
    session.info.pop(FULLTEXT_INDEX, None)


def _answers(client: TestClient) -> list[Any]:
    found: list[Any] = []
    for query in QUERIES:
        for filters in FILTERS:
            for sort in SORTS:
                params = {"q": query, "sort": sort, **filters}
                first = client.get("/articles", params={**params, "limit": 3}).json()
                ids = [a["id"] for a in every_item(client, "/articles", params, limit=3)]
                found.append((params, ids, first["total"], first["total_is_estimate"]))
            search = client.get("/search", params={"q": query, "limit": 4, **filters}).json()
            found.append((query, filters, search))
        quotes = every_item(client, "/quotes", {"q": query}, limit=1)
        found.append((query, [q["id"] for q in quotes]))
    return found


@pytest.mark.usefixtures("corpus")
def test_rum_and_gin_answer_alike(
    client: TestClient, using: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ranking and facets then read fewer matches than there are: which ones is the index's
    # order (the newest), not merely the set.
    monkeypatch.setattr(fulltext, "CANDIDATES", 5)
    using("rum")
    rum = _answers(client)
    using("gin")
    gin = _answers(client)
    assert rum == gin
    # The corpus reaches every kind of answer: many pages, phrases that differ, no match.
    listings = [entry for entry in rum if len(entry) == 4]
    assert max(len(ids) for _, ids, *_ in listings) == 15
    assert {len(ids) for p, ids, *_ in listings if p["sort"] == "relevance"} >= {5, 0}
    phrases = {p["q"]: ids for p, ids, *_ in listings if p["q"].startswith('"') and len(p) == 2}
    assert phrases['"harbour will reopen"'] != phrases['"reopen the harbour"']
    assert any(not ids for _, ids, *_ in listings)


@pytest.mark.usefixtures("corpus")
def test_rum_index_is_found_and_yields_id_order(session: Session) -> None:
    if not _rum_installed(session):
        pytest.skip("the rum extension is not installed: GIN only")
    assert id_ordered(session, "article") and id_ordered(session, "quote")
    session.execute(text("SET LOCAL enable_seqscan = off"))
    stmt = article_candidates(session, "harbour", [], scored=False)
    compiled = stmt.compile(session.get_bind(), compile_kwargs={"render_postcompile": True})
    explain = session.connection().exec_driver_sql(f"EXPLAIN {compiled}", compiled.params)
    plan = "\n".join(explain.scalars())
    # Read in order from the index: no sort of the matches.
    assert "Index Scan using ix_article_search_vector_rum" in plan
    assert "Order By: (id <=| 2147483647)" in plan
    assert "Sort" not in plan


@pytest.mark.usefixtures("corpus")
@pytest.mark.parametrize("index", ["rum", "gin"])
def test_facets_and_highlights_are_bounded(
    client: TestClient, using: Any, monkeypatch: pytest.MonkeyPatch, index: str
) -> None:
    """Facets count the newest ``CANDIDATES`` matches, highlights cover the page alone."""
    using(index)
    monkeypatch.setattr(fulltext, "CANDIDATES", 4)
    found = client.get("/search", params={"q": "harbour", "limit": 3}).json()
    assert found["total"] == 15
    assert sum(f["count"] for f in found["facets"]["countries"]) == 4
    assert sum(f["count"] for f in found["facets"]["sections"]) == 4
    assert [a["highlight"] is not None for a in found["articles"]] == [True] * 3


def _sql(stmt: Any, session: Session) -> str:
    """The statement's SQL, its parameters' names aside."""
    return re.sub(r"%\(\w+\)s", "%s", str(stmt.compile(session.get_bind())))


@pytest.mark.parametrize("walk", [True, False])
@pytest.mark.parametrize("index", ["rum", "gin"])
def test_prepared_facets_are_the_statements_a_filtered_search_builds(
    session: Session, using: Any, monkeypatch: pytest.MonkeyPatch, index: str, walk: bool
) -> None:
    """A query alone reads its facets through statements built once per order of the
    newest matches: the same SQL as the statements built for each request."""
    using(index)
    monkeypatch.setattr(fulltext, "walk_pays", lambda *_args, **_kwargs: walk)
    built = service._facet_statements(article_candidates(session, "harbour", [], scored=False))
    order = newest_order(session, Article, "harbour")
    assert order == ("walk" if walk else index)
    prepared = service._prepared_postgres_facets(order)
    assert [_sql(p.statement, session) for p in prepared] == [_sql(s, session) for s in built]
