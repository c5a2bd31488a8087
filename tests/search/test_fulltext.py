"""``fts5_query``: any user text becomes a query FTS5 accepts, or None. No database server."""

import importlib.util
import math
import re
import sqlite3
import string
from collections.abc import Iterator
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import String, func, literal, select, text
from sqlalchemy.dialects import postgresql
from sqlmodel import Session, col

from app.articles.models import Article
from app.config import PROJECT_ROOT
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
from app.search.terms import fts5_query, query_words, searchable
from tests.conftest import ArticleFactory

WORDS = r"\w+(?: \w+)*"
# One or more double-quoted phrases of words, optionally joined by OR.
TERM = rf'"{WORDS}"'
AND_GROUP = rf"{TERM}(?: {TERM})*"
GROUP = rf"{AND_GROUP}|\({AND_GROUP}\)(?: NOT {TERM})+"
# One group of AND-ed quoted terms (with exclusions NOT-ed after it), or several joined by
# OR, each in parentheses unless it is a single term.
WELL_FORMED = re.compile(rf"{GROUP}|(?:{TERM}|\((?:{GROUP})\))(?: OR (?:{TERM}|\((?:{GROUP})\)))+")


def _tokenizer() -> str:
    """The tokenizer the migration gives the real FTS5 tables."""
    path = PROJECT_ROOT / "migrations" / "versions" / "0002_full_text_search.py"
    spec = importlib.util.spec_from_file_location("fts_migration", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    tokenizer: str = module.SQLITE_TOKENIZER
    return tokenizer


@pytest.fixture(scope="module")
def fts() -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(":memory:")
    connection.execute(
        f"CREATE VIRTUAL TABLE doc USING fts5(title, body, tokenize='{_tokenizer()}')"
    )
    connection.execute(
        "INSERT INTO doc (title, body) VALUES (?, ?)",
        ("Pegasus", "Morocco normalized ties with Israel, the NSO said."),
    )
    yield connection
    connection.close()


def matches(fts: sqlite3.Connection, query: str) -> list[int]:
    return [row[0] for row in fts.execute("SELECT rowid FROM doc WHERE doc MATCH ?", (query,))]


TOKENS = re.compile(r'(-?)"([^"]*)"|(\S+)')


def included_text(text: str) -> str:
    """The input less its -excluded tokens: a "phrase", or a run of non-space characters."""
    kept = []
    for minus, phrase, bare in TOKENS.findall(text):
        if not minus and not (bare.startswith("-") and len(bare) > 1):
            kept.append(phrase or bare)
    return " ".join(kept)


def check(fts: sqlite3.Connection, text: str) -> str | None:
    """The properties every input must have; returns the query."""
    query = fts5_query(text)
    # -word and -"phrase" exclude; only what remains can make a query.
    remaining = included_text(text)
    assert (query is None) == (re.search(r"\w", remaining) is None)
    assert searchable(text) == (query is not None)
    if query is not None:
        assert WELL_FORMED.fullmatch(query), query
        # Nothing invented: every word of the query is a word of the input.
        assert set(re.findall(r"\w+", query)) - {"OR", "NOT"} <= set(re.findall(r"\w+", text))
        matches(fts, query)  # FTS5 parses it
    return query


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pegasus", '"Pegasus"'),
        ("Pegasus spyware", '"Pegasus" "spyware"'),
        ('"interests at stake"', '"interests at stake"'),
        ('"unterminated phrase', '"unterminated" "phrase"'),
        ("Pegasus OR Morocco", '"Pegasus" OR "Morocco"'),
        ("OR Pegasus", '"OR" "Pegasus"'),
        ("Pegasus OR", '"Pegasus"'),
        ("Pegasus or Morocco", '"Pegasus" "or" "Morocco"'),
        ("Pegasus AND Morocco", '"Pegasus" "AND" "Morocco"'),
        ("NOT Pegasus", '"NOT" "Pegasus"'),
        ("NEAR(Pegasus Morocco)", '"NEAR Pegasus" "Morocco"'),
        ("body:Pegasus", '"body Pegasus"'),
        ("-Pegasus", None),  # nothing left to look for
        ("Pegasus -spyware", '("Pegasus") NOT "spyware"'),
        ("Pegasus -a", '("Pegasus") NOT "a"'),  # a one-letter word is excluded too
        ("Pegasus -spyware -Morocco", '("Pegasus") NOT "spyware" NOT "Morocco"'),
        ('a OR b -"c d"', '"a" OR (("b") NOT "c d")'),
        ("a b OR c", '("a" "b") OR "c"'),
        ("Pega*", '"Pega"'),
        ("e-mail", '"e mail"'),
        ("'; DROP TABLE doc; --", '"DROP" "TABLE" "doc"'),
        ("Pégasus 🐎", '"Pégasus"'),
        ("", None),
        ("   ", None),
        ('"', None),
        ('""', None),
        ("*", None),
        ("( ) - : ^", None),
        ("😀", None),
        ("OR", '"OR"'),
    ],
)
def test_examples(fts: sqlite3.Connection, text: str, expected: str | None) -> None:
    assert check(fts, text) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("pegasus", True),
        ("PEGASUS", True),
        ("normalization", True),  # porter stemming: "normalized" is in the body
        ("Israel Morocco", True),
        ("Israel Algeria", False),
        ("Israel OR Algeria", True),
        ('"ties with Israel"', True),
        ('"Israel with ties"', False),
        ("NSO:", True),
        ("title:Morocco", False),  # a column filter would find it; here it is two words
    ],
)
def test_queries_find_what_they_say(fts: sqlite3.Connection, text: str, found: bool) -> None:
    query = check(fts, text)
    assert query is not None
    assert matches(fts, query) == ([1] if found else [])


@settings(max_examples=500)
@given(st.text())
def test_any_text_is_a_valid_query_or_none(fts: sqlite3.Connection, text: str) -> None:
    check(fts, text)


FRAGMENTS = st.sampled_from(
    [
        '"',
        "'",
        "*",
        "(",
        ")",
        "-",
        "+",
        ":",
        "^",
        "{",
        "}",
        "[",
        "]",
        ",",
        ".",
        ";",
        "\\",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "NEAR(",
        "NEAR/3",
        "title:",
        "body:",
        "{title}:",
        "rowid",
        "Pegasus",
        "é",
        "ß",
        "İ",
        "ǅ",
        "٣",
        "²",
        "_",
        "😀",
        "\u200b",
        "\u0301",
        "\x00",
        "\t",
    ]
)
HOSTILE = st.lists(st.one_of(FRAGMENTS, st.just(" ")), max_size=30).map("".join)


@settings(max_examples=500)
@given(HOSTILE)
def test_fts5_syntax_is_never_passed_through(fts: sqlite3.Connection, text: str) -> None:
    check(fts, text)


# Letters, digits and punctuation: characters FTS5's tokenizer also treats as word or
# separator, so the input itself, stored as a document, must match its own query.
PLAIN = st.text(
    alphabet=string.ascii_letters + string.digits + "éüñ" + " \t\"()*-:.,;!?'_^{}[]",
    max_size=60,
)


@settings(max_examples=300)
@given(PLAIN)
def test_a_text_matches_its_own_query(text: str) -> None:
    query = fts5_query(text)
    if query is None or not re.search(r"[^\W_]", text) or "NOT" in query:
        return  # no word, only underscores (FTS5 sees no token either), or an exclusion
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute(f"CREATE VIRTUAL TABLE doc USING fts5(body, tokenize='{_tokenizer()}')")
        connection.execute("INSERT INTO doc (body) VALUES (?)", (text,))
        assert matches(connection, query) == [1], (text, query)
    finally:
        connection.close()


# The planner's estimate (matches, rows in the table) that makes each way the cheaper one.
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


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Pegasus spyware", ["Pegasus", "spyware"]),
        ('"ties with Israel" Morocco', ["ties", "with", "Israel", "Morocco"]),
        ("Pegasus -spyware -a", ["Pegasus"]),  # a one-letter word is excluded too
        ('Pegasus -"NSO group"', ["Pegasus"]),
        ("Pegasus - spyware", ["Pegasus", "spyware"]),  # a lone dash excludes nothing
        ("Pegasus OR Morocco", ["Pegasus", "Morocco"]),
        ("e-mail body:NSO", ["e", "mail", "body", "NSO"]),
        ("", []),
    ],
)
def test_query_words_are_the_words_looked_for(text: str, words: list[str]) -> None:
    assert query_words(text) == words


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
