"""Full-text matching, ranking and highlighting on each backend.

SQLite uses FTS5 external-content tables kept in step by triggers; PostgreSQL uses
generated ``tsvector`` columns with RUM indexes that yield matches newest id first where
the ``rum`` extension is installed (migration 0011), else GIN indexes. Any user string is
safe: on SQLite it is rebuilt into quoted FTS5 terms, on PostgreSQL
``websearch_to_tsquery`` never fails to parse.
"""

import re
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Integer,
    bindparam,
    column,
    func,
    literal_column,
    select,
    table,
    text,
)
from sqlmodel import Session, col

from app.answers import connection
from app.articles.models import Article
from app.db import MAX_BIG_ID, MAX_ID
from app.pagination import AnySelect
from app.prepared import execute
from app.search.highlight import highlight
from app.search.terms import fts5_query, query_words

# ``session.info`` key naming the PostgreSQL index to read matches through, "rum" or "gin",
# whatever the table has: both answer alike (tests/search/test_index_paths.py).
FULLTEXT_INDEX = "fulltext_index"
_RUM_TABLES: dict[tuple[str, str], bool] = {}


def id_ordered(session: Session, table_name: str) -> bool:
    """PostgreSQL: ``table_name``'s matches come from a RUM index, newest id first; looked
    up once per database in a process (a restart picks up a migration that adds it)."""
    forced = session.info.get(FULLTEXT_INDEX)
    if forced is not None:
        return bool(forced == "rum")
    bind = session.get_bind()
    key = (bind.engine.url.render_as_string(), table_name)
    if key not in _RUM_TABLES:
        name = f"ix_{table_name}_search_vector_rum"
        found = session.execute(text("SELECT to_regclass(:name)"), {"name": name}).scalar()
        _RUM_TABLES[key] = found is not None
    return _RUM_TABLES[key]


def newest_first(model: Any) -> ColumnElement[Any]:
    """RUM's order for ids descending: the distance below the largest id the column holds,
    a constant, so the index yields the order itself."""
    key = model.__table__.c.id
    top = MAX_BIG_ID if isinstance(key.type, BigInteger) else MAX_ID
    order: ColumnElement[Any] = col(model.id).op("<=|")(literal_column(str(top)))
    return order


# Ranking and facets look at this many matches, the most recently added first: every match
# of all but the commonest terms, and a bounded cost however large the archive grows.
CANDIDATES = 1000


def planned_matches(session: Session, table_name: str, query: str) -> tuple[float, float]:
    """PostgreSQL: the planner's estimate of matching rows, and of rows in the table."""
    key = ("planned_matches", table_name, query)
    if key not in session.info:
        # On the driver's cursor (``app.prepared``): through ``Connection.execute`` each of
        # a search's two or three planning statements took ~100k instructions more.
        sql = _PLANNED.format(table_name)
        found, _ = execute(connection(session), sql, {"q": query})
        plan = found[0][0]
        rows = _table_rows(session, table_name, query)
        session.info[key] = (float(plan[0]["Plan"]["Plan Rows"]), max(rows, 1.0))
    matches, rows = session.info[key]
    return matches, rows


# The tables searched in full text: ``/search`` plans a query on both, so their sizes are
# read together, one round trip instead of two.
FULLTEXT_TABLES = ("article", "quote")
# Both in the driver's (psycopg's) parameter style.
_PLANNED = (
    "EXPLAIN (FORMAT JSON) SELECT 1 FROM {} "
    "WHERE search_vector @@ websearch_to_tsquery('english', %(q)s)"
)
_TABLE_ROWS = (
    "SELECT name, (SELECT reltuples FROM pg_class WHERE oid = CAST(name AS regclass)) "
    "FROM unnest(CAST(%(names)s AS text[])) AS name"
)


def _table_rows(session: Session, table_name: str, query: str) -> float:
    """PostgreSQL: the planner's count of ``table_name``'s rows, read with the other
    tables' once per query planned in a session, as the estimate of matches is."""
    known: dict[str, float] = session.info.setdefault(("table_rows", query), {})
    if table_name not in known:
        names = sorted({table_name, *FULLTEXT_TABLES})
        found, _ = execute(connection(session), _TABLE_ROWS, {"names": names})
        known.update((name, float(rows)) for name, rows in found)
    return known[table_name]


def walk_newest(session: Session, table_name: str, query: str) -> bool:
    """PostgreSQL: find the newest matches by walking ids backwards (True) or through the
    full-text index (False), judged from the planner's own estimate of matches.

    The planner costs the walk's ``@@`` test as a cheap operator, but each test de-TOASTs a
    whole ``tsvector``, so it walks for every word: 4.4 s at 1M articles for a word in 20 of
    them. Walking costs about 1,000 / (share of rows matching) tests at ~7 µs; GIN costs
    about one heap fetch (~1 µs) per match and a sort: the walk wins once matches exceed
    sqrt(7,000 × rows). RUM sorts its matches by id inside the index, ~2.7 µs a match (98k
    in 260 ms at 100k articles), with no heap fetch: the walk wins past sqrt(2,600 × rows).
    A rare word taken for a common one still walks; one taken for a rare word costs RUM
    its matches, ten times less than GIN (12k matches: 470 ms with GIN, 46 ms with RUM)."""
    matches, rows = planned_matches(session, table_name, query)
    return walk_pays(matches, rows, 2600 if id_ordered(session, table_name) else 7000)


def walk_pays(matches: float, rows: float, ratio: float = 7000) -> bool:
    """Walking ids (or dates) and testing each row beats reading every match from the
    index and sorting them (see ``walk_newest``)."""
    return matches * matches > ratio * rows


def _candidates(
    session: Session,
    query: str,
    where: list[ColumnElement[bool]],
    model: Any,
    weights: tuple[float, ...] | None,
) -> AnySelect:
    """Ids of the newest matching rows, with relevance (``score``, higher is better) when
    ``weights`` are given: scoring costs, so callers that order by date skip it."""
    table_name = model.__tablename__
    key = col(model.id)
    if session.get_bind().dialect.name == "sqlite":
        fts = table(f"{table_name}_fts", column("rowid", Integer))
        ref: ColumnElement[Any] = literal_column(f"{table_name}_fts")
        terms: Any = bindparam(f"{table_name}_fts_q", fts5_query(query) or '""')
        columns: list[ColumnElement[Any]] = [fts.c.rowid.label("id")]
        if weights is not None:
            columns.append((-func.bm25(ref, *weights)).label("score"))
        stmt = select(*columns).select_from(fts)
        if where:  # the filters name the base table's columns
            stmt = stmt.join(model, key == fts.c.rowid)
        # FTS5 walks its index in descending rowid order itself: no sort over all matches.
        return (
            stmt.where(ref.op("MATCH")(terms), *where)
            .order_by(fts.c.rowid.desc())
            .limit(CANDIDATES)
        )
    vector: ColumnElement[Any] = literal_column(f"{table_name}.search_vector")
    tsquery = func.websearch_to_tsquery("english", query)
    columns = [key.label("id")]
    if weights is not None:
        columns.append(func.ts_rank_cd(vector, tsquery, 32).label("score"))
    newest = newest_key(model, newest_order(session, model, query))
    return (
        select(*columns).where(vector.op("@@")(tsquery), *where).order_by(newest).limit(CANDIDATES)
    )


def newest_order(session: Session, model: Any, query: str) -> str:
    """PostgreSQL: how the newest matches of ``query`` are found: ``walk`` (ids backwards,
    see ``walk_newest``), ``rum`` (the RUM index, newest first) or ``gin`` (every match
    from the GIN index, then sorted)."""
    if walk_newest(session, model.__tablename__, query):
        return "walk"
    return "rum" if id_ordered(session, model.__tablename__) else "gin"


def newest_key(model: Any, order: str) -> ColumnElement[Any]:
    """The ORDER BY of a ``newest_order``."""
    key = col(model.id)
    if order == "walk":
        return key.desc()
    if order == "rum":
        return newest_first(model)
    # "id + 0" is not the primary key's order, so the planner cannot choose the walk.
    return (key + 0).desc()


# A match in the title counts ten times one in the body.
TITLE_WEIGHTS = (10.0, 1.0)


def article_candidates(
    session: Session, query: str, where: list[ColumnElement[bool]], *, scored: bool = True
) -> AnySelect:
    return _candidates(session, query, where, Article, TITLE_WEIGHTS if scored else None)


# Highlights read at most this much of a body: FTS5's snippet() and ts_headline() on whole
# 100 KB bodies took 10 s for 8 such articles (a common word); a window costs the same
# whatever the article's size. News articles mostly fit in it whole.
HIGHLIGHT_WINDOW = 10_000


def article_highlights(session: Session, query: str, ids: list[int]) -> dict[int, str]:
    """A fragment of each article's body with the matches marked, for one page of ids: read
    from the body's first ``HIGHLIGHT_WINDOW`` characters, in Python on both backends.
    PostgreSQL's ``ts_headline()`` parsed and scored every window again on the server: 27 ms
    of a rare-word page's 31 ms of queries (20 articles, 10k archive)."""
    if not ids:
        return {}
    window = func.substr(col(Article.body), 1, HIGHLIGHT_WINDOW)
    words = query_words(query)
    rows = session.execute(select(col(Article.id), window).where(col(Article.id).in_(ids)))
    return {id_: window_highlight(text, words) for id_, text in rows}


def window_highlight(text: str, words: list[str]) -> str:
    """SQLite: the highlight of a body's first ``HIGHLIGHT_WINDOW`` characters (``text``)."""
    return highlight(text, words, truncated=len(text) >= HIGHLIGHT_WINDOW)


def prefix_match(dialect: str, column: Any, prefix: str) -> ColumnElement[bool]:
    """``column`` starts with ``prefix``, in a form each backend serves from a btree index."""
    return pattern_match(dialect, column, prefix_pattern(dialect, prefix))


def prefix_pattern(dialect: str, prefix: str) -> str:
    """The pattern ``pattern_match`` tests for "starts with ``prefix``"."""
    if dialect == "sqlite":
        return re.sub(r"([*?\[])", r"[\1]", prefix) + "*"
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def pattern_match(dialect: str, column: Any, pattern: Any) -> ColumnElement[bool]:
    """``column`` matches a ``prefix_pattern`` (a value or a bound parameter)."""
    if dialect == "sqlite":
        # GLOB is case-sensitive, so SQLite can range-scan the index; LIKE could not.
        result: ColumnElement[bool] = column.op("GLOB")(pattern)
        return result
    return column.like(pattern, escape="\\")
