"""Full-text candidates: the planned walk to the newest matches, the indexes that serve it,
scores, filters and prefixes, on both backends."""

import math
from datetime import datetime

import pytest
from sqlalchemy import String, func, literal, select, text
from sqlalchemy.dialects import postgresql
from sqlmodel import Session, col

from app.articles.models import Article
from app.db import MAX_BIG_ID, MAX_ID
from app.quotes.models import Quote
from app.search import fulltext
from app.search.fulltext import (
    FULLTEXT_INDEX,
    article_candidates,
    prefix_match,
    walk_newest,
    walk_pays,
)
from tests.conftest import ArticleFactory

ESTIMATES = {True: (1e6, 1.0), False: (1.0, 1e6)}


@pytest.mark.parametrize("settings", ["postgresql"], indirect=True)
def test_both_ways_to_the_newest_matches_agree(
    session: Session, make_article: ArticleFactory
) -> None:
    """PostgreSQL finds the newest matches by walking ids backwards or through the GIN
    index, as the planner's estimate says (SQLite has one way): both give the same rows in
    the same order. The estimate is set here, so each way surely runs."""
    for day in range(1, 6):
        make_article(f"Morocco signed trade deal number {day} on the {day}th.")
    plans, rows = {}, {}
    for walk, estimate in ESTIMATES.items():
        session.info[("planned_matches", "article", "Morocco")] = estimate
        assert walk_newest(session, "article", "Morocco") is walk
        stmt = article_candidates(session, "Morocco", [])
        plans[walk] = str(stmt.compile(dialect=session.get_bind().dialect))
        rows[walk] = session.execute(stmt).all()
    assert plans[True] != plans[False]  # two different orders: the primary key, and id + 0
    assert rows[True] == rows[False]
    ids = [row.id for row in rows[True]]
    assert len(ids) == 6 and ids == sorted(ids, reverse=True)


@pytest.mark.parametrize("settings", ["postgresql"], indirect=True)
def test_planned_matches_are_the_planners_counts_an_empty_table_one_row(
    session: Session, make_article: ArticleFactory
) -> None:
    """The walk's break-even is matches² against ratio × rows: an empty table (reltuples 0,
    or -1 before its first ANALYZE) counts as one row, the least a bar can be."""
    session.execute(text("TRUNCATE article CASCADE"))  # the seed article; rolled back after
    session.execute(text("ANALYZE article"))
    assert fulltext.planned_matches(session, "article", "Morocco")[1] == 1.0
    for day in range(1, 4):
        make_article(f"Morocco signed trade deal number {day} on the {day}th.")
    session.execute(text("ANALYZE article"))
    matches, rows = fulltext.planned_matches(session, "article", "Morocco trade")
    assert rows == 3.0 and 1.0 <= matches <= 3.0


def test_the_walk_pays_only_past_break_even() -> None:
    assert walk_pays(700.0, 70.0) is False  # 700² is 7,000 × 70 exactly: a tie is no gain
    assert walk_pays(701.0, 70.0) is True
    assert walk_pays(8367.0, 10_000.0) is True  # 8,367² is short of 7,001 × 10,000
    assert walk_pays(520.0, 104.0, ratio=2600) is False
    assert walk_pays(521.0, 104.0, ratio=2600) is True


@pytest.mark.parametrize(("index", "ratio"), [("rum", 2600.0), ("gin", 7000.0)])
def test_the_walk_is_judged_against_the_index_that_serves(
    monkeypatch: pytest.MonkeyPatch, index: str, ratio: float
) -> None:
    """RUM reads its matches cheaper than GIN sorts them, so the walk must win by less:
    it pays once matches² exceeds 2,600 × rows against RUM, 7,000 × rows against GIN."""
    session = Session(info={FULLTEXT_INDEX: index})
    assert fulltext.id_ordered(session, "article") is (index == "rum")
    # (matches, rows): a tie, one match past it, and 2,000 of 1,000 rows (4,000 × rows);
    # at 10,000 rows, the first whole number of matches past the bar, short of a bar one
    # higher (5,100² is 2,601 × 10,000 exactly against RUM).
    first_past = float(math.isqrt(int(ratio) * 10_000) + 1)
    cases = [
        ((ratio, ratio), False),
        ((ratio + 1, ratio), True),
        ((2000.0, 1000.0), index == "rum"),
        ((first_past, 10_000.0), True),
    ]
    for estimate, walks in cases:
        monkeypatch.setattr(fulltext, "planned_matches", lambda *_, e=estimate: e)
        assert walk_newest(session, "article", "Morocco") is walks, estimate


def test_candidates_are_the_newest_thousand_matches_at_most(session: Session) -> None:
    for scored in (True, False):
        stmt = article_candidates(session, "Morocco", [], scored=scored)
        assert stmt._limit == fulltext.CANDIDATES == 1000


def test_the_limit_keeps_the_newest_matches(
    session: Session, make_article: ArticleFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The limit keeps the newest matches: FTS5 and a plain scan would yield the oldest."""
    ids = [make_article(f"The quokka census, part {n}.").id for n in range(3)]
    monkeypatch.setattr(fulltext, "CANDIDATES", 2)
    found = session.execute(article_candidates(session, "quokka", [])).scalars().all()
    assert found == [ids[2], ids[1]]


@pytest.mark.parametrize("settings", ["postgresql"], indirect=True)
def test_id_ordered_says_whether_the_table_has_its_rum_index(session: Session) -> None:
    for table_name in ("article", "quote"):
        found = session.execute(
            select(func.count())
            .select_from(text("pg_indexes"))
            .where(text("indexname = :name"))
            .params(name=f"ix_{table_name}_search_vector_rum")
        ).scalar_one()
        assert fulltext.id_ordered(session, table_name) is (found == 1)


@pytest.mark.parametrize("settings", ["postgresql"], indirect=True)
def test_each_table_is_judged_by_its_own_index(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One table may have its RUM index and another not (an index dropped, a migration
    half applied): each table's walk is judged against its own. Only the index's name is
    looked up, so a plain index under that name stands in for RUM wherever it is missing."""
    monkeypatch.setattr(fulltext, "_RUM_TABLES", {})
    for table_name in ("article", "quote"):
        session.execute(text(f"DROP INDEX IF EXISTS ix_{table_name}_search_vector_rum"))
    session.execute(text("CREATE INDEX ix_article_search_vector_rum ON article (id)"))
    # Past the bar against RUM (5,100² > 2,600 × 10,000), short of it against GIN.
    monkeypatch.setattr(fulltext, "planned_matches", lambda *_: (5100.0, 10_000.0))
    assert fulltext.id_ordered(session, "article") is True
    assert fulltext.id_ordered(session, "quote") is False
    assert walk_newest(session, "article", "Morocco") is True
    assert walk_newest(session, "quote", "Morocco") is False


def test_rum_distance_is_from_the_largest_id_the_column_holds() -> None:
    """Ids above the constant would have a negative distance, listed as if oldest."""
    for model, top in ((Article, MAX_ID), (Quote, MAX_BIG_ID)):
        order = fulltext.newest_first(model).compile(dialect=postgresql.dialect())
        assert str(order).endswith(f"<=| {top}")


@pytest.mark.parametrize("settings", ["sqlite"], indirect=True)  # PostgreSQL: weighted vectors
def test_a_match_in_the_title_outranks_matches_in_the_body(
    session: Session, make_article: ArticleFactory
) -> None:
    """A title match counts ten times a body match: one in the title beats three in a
    short body, which BM25 over unweighted columns ranks first."""
    body = make_article("The quokka quokka quokka census began.", title="Council news")
    title = make_article("The council met and the budget was read out.", title="Quokka census")
    scores = {
        row.id: row.score for row in session.execute(article_candidates(session, "quokka", []))
    }
    assert scores[title.id] > scores[body.id]


@pytest.mark.parametrize("settings", ["postgresql"], indirect=True)
def test_scores_ignore_length_and_stay_below_one(
    session: Session, make_article: ArticleFactory
) -> None:
    """PostgreSQL ranks by matches alone (a long article is no less relevant for its
    length), scaled as rank / (rank + 1) into [0, 1) however often the words occur."""
    short = make_article("The quokka census began.", title="Census")
    filler = " The council met and the budget was read out in full." * 40
    long = make_article("The quokka census began." + filler, title="Census")
    many = make_article("Quokka quokka quokka. " * 30, title="Quokka quokka quokka")
    scored = session.execute(article_candidates(session, "quokka", []))
    scores = {row.id: row.score for row in scored}
    assert scores[short.id] == scores[long.id]
    assert 0 < scores[many.id] < 1


def test_filters_narrow_the_candidates(session: Session, make_article: ArticleFactory) -> None:
    """Filters on the article's own columns apply to the matches, before the limit."""
    old = make_article("The quokka census began.", published_at="2021-03-01T09:00:00Z")
    new = make_article("The quokka census ended.", published_at="2024-03-01T09:00:00Z")
    recent = [col(Article.published_at) >= datetime(2023, 1, 1)]
    found = session.execute(article_candidates(session, "quokka", recent)).scalars().all()
    assert new.id in found and old.id not in found


def test_date_ordered_candidates_are_not_scored(session: Session) -> None:
    scored = article_candidates(session, "Morocco", [])
    unscored = article_candidates(session, "Morocco", [], scored=False)
    assert list(scored.selected_columns.keys()) == ["id", "score"]
    assert list(unscored.selected_columns.keys()) == ["id"]


PREFIX_VALUES = ["abc", "ab%c", "ab_c", "abxc", "a\\bc", "a\\\\bc", "a*c", "a?c", "a[b]c", "aBc"]


@pytest.mark.parametrize("prefix", ["ab", "ab%", "ab_", "a\\", "a\\b", "a*", "a?", "a[", "aB", ""])
def test_prefix_match_takes_the_prefix_literally(session: Session, prefix: str) -> None:
    dialect = session.get_bind().dialect.name
    found = [
        v
        for v in PREFIX_VALUES
        if session.execute(select(prefix_match(dialect, literal(v, String), prefix))).scalar()
    ]
    assert found == [v for v in PREFIX_VALUES if v.startswith(prefix)]


@pytest.mark.parametrize("settings", ["postgresql"], indirect=True)
def test_queries_are_read_as_english_whatever_the_servers_default(
    session: Session, make_article: ArticleFactory
) -> None:
    """The stored vectors are English-stemmed: a query parsed with the server's default
    configuration ("simple" here) would miss "ferries" when asked for "ferry"."""
    article = make_article("The ferries resumed sailing across the strait.")
    session.execute(text("SET LOCAL default_text_search_config = 'pg_catalog.simple'"))
    found = session.execute(article_candidates(session, "ferry", [])).all()
    assert article.id in [row.id for row in found]


@pytest.mark.parametrize("settings", ["postgresql"], indirect=True)
def test_highlights_are_read_as_english_whatever_the_servers_default(
    session: Session, make_article: ArticleFactory
) -> None:
    """The query and the body are both read as English: with the server's "simple"
    configuration, "ferry" would mark nothing in "ferries"."""
    article = make_article("The ferries resumed sailing across the strait.")
    assert article.id is not None
    session.execute(text("SET LOCAL default_text_search_config = 'pg_catalog.simple'"))
    marked = fulltext.article_highlights(session, "ferry", [article.id])[article.id]
    assert "<mark>ferries</mark>" in marked
