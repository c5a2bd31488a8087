"""Every full-text match in date order, at a cost per page that does not grow with matches.

The full-text indexes yield matches in id order (FTS5 by rowid, RUM by the id it stores, GIN
unordered), not in date order, so a date-ordered listing reads them one of two ways, chosen
by how many there are:

* **sparse** (few matches): every match from the full-text index, sorted by date. The cost
  grows with the matches, but there are at most sqrt(5 × (limit + 1) × rows) of them
  (SQLite, see ``_sqlite_count``) or the walking threshold (PostgreSQL, see
  ``fulltext.walk_newest``).
* **dense**: walk the ``(dated_at, id)`` index (or an entity's link index) in order and
  test each row against the full-text index, one lookup per row. A page costs about
  ``limit`` ÷ (share of rows matching) lookups, which *shrinks* as matches grow.

The size of the answer comes with it: exact up to ``COUNT_CAP`` matches, beyond that an
estimate (SQLite and RUM: the id range the newest ``COUNT_CAP`` matches span, scaled to the
table; GIN: the planner's estimate).
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    and_,
    bindparam,
    column,
    func,
    literal_column,
    select,
    table,
)
from sqlmodel import Session, col

from app.answers import rows
from app.pagination import COUNT_CAP, AnySelect, Total, planned_rows
from app.prepared import Prepared
from app.search.fulltext import id_ordered, newest_first, planned_matches, walk_newest, walk_pays
from app.search.terms import fts5_query


@dataclass(frozen=True)
class Matches:
    total: Total
    dense: bool


def _fts(model: Any) -> tuple[Any, ColumnElement[Any]]:
    name = f"{model.__tablename__}_fts"
    return table(name, column("rowid", Integer)), literal_column(name)


def _tsquery(query: str) -> ColumnElement[Any]:
    return func.websearch_to_tsquery("english", query)


def _sqlite_count(
    session: Session, model: Any, query: str, where: list[ColumnElement[bool]], limit: int
) -> Matches:
    terms = fts5_query(query) or '""'
    if where:
        walked, lowest, found, highest = _filtered_count(session, model, terms, where)
    else:
        counted = rows(session, _newest_counted(model), terms=terms, walked=COUNT_CAP + 1)[0]
        walked, lowest, highest = tuple(counted)
        found, highest = walked, highest or 0
    # Measured at 100k articles: sorting costs ~20 µs a match (its date is read from the
    # article row), a walk ~100 µs a row tested (one FTS5 lookup each), and a page tests
    # about (limit + 1) × rows ÷ matches rows: the walk wins past sqrt(5 × (limit + 1) × rows).
    dense = walked * walked > 5 * (limit + 1) * highest
    total = sqlite_total(walked, lowest, highest, found)
    return Matches(total, dense=dense or walked > COUNT_CAP)


def _newest(model: Any, terms: Any, walked: Any) -> Any:
    fts, ref = _fts(model)
    return (
        select(fts.c.rowid.label("id"))
        .select_from(fts)
        .where(ref.op("MATCH")(terms))
        .order_by(fts.c.rowid.desc())
        .limit(walked)
        .subquery()
    )


def _filtered_count(
    session: Session, model: Any, terms: str, where: list[ColumnElement[bool]]
) -> tuple[int, int | None, int, int]:
    newest = _newest(model, terms, COUNT_CAP + 1)
    # Filters are tested on the walked matches only: a bounded sample when there are more.
    stmt = select(func.count(), func.min(newest.c.id), func.count(col(model.id)))
    stmt = stmt.select_from(newest).outerjoin(model, and_(col(model.id) == newest.c.id, *where))
    walked, lowest, found = session.execute(stmt).one()
    highest = session.execute(select(func.max(col(model.id)))).scalar_one() or 0
    return walked, lowest, found, highest


@lru_cache(maxsize=8)
def _newest_counted(model: Any) -> AnySelect:
    """SQLite, no filter: the newest matches counted (``walked`` at most), the lowest id
    among them and the table's highest, in one statement built once (``terms``)."""
    newest = _newest(model, bindparam("terms"), bindparam("walked"))
    highest = select(func.max(col(model.id))).scalar_subquery()
    return select(func.count(), func.min(newest.c.id), highest).select_from(newest)


def prepared_match(
    model: Any, ident: Any, *, dense: bool, dialect: str = "sqlite"
) -> ColumnElement[bool]:
    """``match_test`` (``dense``) or ``every_match`` with the query as the parameter
    ``terms`` (FTS5 syntax on SQLite, the user's text on PostgreSQL), for statements built
    once. On PostgreSQL both test the row's own vector (``ident`` is the key)."""
    if dialect != "sqlite":
        tsquery = func.websearch_to_tsquery("english", bindparam("terms", type_=String))
        return literal_column(f"{model.__tablename__}.search_vector").op("@@")(tsquery)
    fts, ref = _fts(model)
    matching = select(fts.c.rowid).where(ref.op("MATCH")(bindparam("terms")))
    if dense:
        return matching.where(fts.c.rowid == ident).exists()
    return ident.in_(matching)


def sqlite_total(walked: int, lowest: int | None, highest: int, found: int) -> Total:
    """The size of the answer from the newest ``COUNT_CAP`` + 1 matches (``walked``, the
    lowest id among them, ``found`` of them passing the filters): exact when they are all
    the matches, else scaled from the id range they span to the table's."""
    if walked <= COUNT_CAP:
        return Total(int(found))
    assert lowest is not None
    matching = walked * highest / (highest - lowest + 1)
    return Total(round(matching * found / walked), estimate=True)


def _rum_count(
    session: Session, model: Any, query: str, where: list[ColumnElement[bool]]
) -> Matches:
    """Counted from the newest ``COUNT_CAP`` + 1 matches, read in id order from the index
    and beyond that scaled as on SQLite rather than guessed by the planner."""
    params: dict[str, Any] = {"rum_walked": COUNT_CAP + 1}
    if where:
        stmt = rum_counted(model, _tsquery(query), where)
        walked, lowest, top = session.connection().execute(stmt, params).one()
    else:
        (walked, lowest, top), *_ = rows(session, _prepared_rum_count(model), rum_q=query, **params)
    return rum_matches(walked, lowest, top)


def rum_matches(walked: int, lowest: int | None, top: int | None) -> Matches:
    """The size of the answer from ``rum_counted``'s row."""
    top = top or 0
    if walked <= COUNT_CAP:
        return Matches(Total(int(walked)), dense=walk_pays(walked, top))
    assert lowest is not None
    matching = walked * top / (top - lowest + 1)
    return Matches(Total(round(matching), estimate=True), dense=walk_pays(matching, top))


def rum_counted(model: Any, tsquery: Any, where: list[ColumnElement[bool]]) -> AnySelect:
    """How many of the newest ``rum_walked`` matches there are, the lowest id among them and
    the table's highest id."""
    vector: ColumnElement[Any] = literal_column(f"{model.__tablename__}.search_vector")
    newest = (
        select(col(model.id).label("id"))
        .where(vector.op("@@")(tsquery), *where)
        .order_by(newest_first(model))
        .limit(bindparam("rum_walked", type_=Integer))
        .subquery()
    )
    highest = select(func.max(col(model.id))).scalar_subquery().label("highest")
    counted = (func.count().label("walked"), func.min(newest.c.id).label("lowest"), highest)
    return select(*counted).select_from(newest)


@lru_cache(maxsize=4)
def _prepared_rum_count(model: Any) -> Prepared:
    """A query alone: ``rum_counted`` built once (``rum_q``, ``rum_walked``). Built per
    request, it cost a PostgreSQL search 23.7M instructions in the application, 19.8M
    once prepared (callgrind, 10k articles); run on the driver's cursor, less again."""
    tsquery = func.websearch_to_tsquery("english", bindparam("rum_q", type_=String))
    return Prepared(rum_counted(model, tsquery, []))


def _postgres_count(
    session: Session, model: Any, query: str, where: list[ColumnElement[bool]]
) -> Matches:
    name = model.__tablename__
    walk = walk_newest(session, name, query)
    if not walk and id_ordered(session, name):
        return _rum_count(session, model, query, where)
    if not where:
        # The estimate ``walk_newest`` judged from is the planner's for these very rows: a
        # second EXPLAIN of the listing's own statement gave the same figure.
        planned = int(planned_matches(session, name, query)[0])
        if walk:
            return Matches(Total(planned, estimate=True), dense=True)
        params = {"gin_q": query, "gin_capped": COUNT_CAP + 1}
        count = int(rows(session, _prepared_gin_count(model), **params)[0][0])
        return _gin_matches(count, lambda: planned)
    vector: ColumnElement[Any] = literal_column(f"{name}.search_vector")
    stmt: AnySelect = select(col(model.id)).where(vector.op("@@")(_tsquery(query)), *where)
    if walk:
        return Matches(Total(planned_rows(session, stmt), estimate=True), dense=True)
    capped = select(func.count()).select_from(stmt.limit(COUNT_CAP + 1).subquery())
    count = int(session.execute(capped).scalar_one())
    return _gin_matches(count, lambda: planned_rows(session, stmt))


def _gin_matches(count: int, planned: Callable[[], int]) -> Matches:
    """Matches read from the GIN index: ``count`` of them up to ``COUNT_CAP`` + 1, beyond
    that the planner's estimate (``planned``, asked only then) if it is larger."""
    if count <= COUNT_CAP:
        return Matches(Total(count), dense=False)
    return Matches(Total(max(planned(), count), estimate=True), dense=False)


@lru_cache(maxsize=4)
def _prepared_gin_count(model: Any) -> Prepared:
    """A query alone through GIN: the matches counted up to ``gin_capped``, built once
    (``gin_q``) rather than per request."""
    vector: ColumnElement[Any] = literal_column(f"{model.__tablename__}.search_vector")
    tsquery = func.websearch_to_tsquery("english", bindparam("gin_q", type_=String))
    matching = select(col(model.id)).where(vector.op("@@")(tsquery))
    capped = matching.limit(bindparam("gin_capped", type_=Integer)).subquery()
    return Prepared(select(func.count()).select_from(capped))


def count_matches(
    session: Session, model: Any, query: str, where: list[ColumnElement[bool]], limit: int
) -> Matches:
    """How many rows of ``model`` match ``query`` and ``where``, and which way to list
    pages of ``limit`` of them."""
    if session.get_bind().dialect.name == "sqlite":
        return _sqlite_count(session, model, query, where, limit)
    return _postgres_count(session, model, query, where)


def match_test(session: Session, model: Any, query: str, ident: Any) -> ColumnElement[bool]:
    """Row ``ident`` of ``model`` matches: one lookup in the full-text index (dense walks)."""
    if session.get_bind().dialect.name == "sqlite":
        fts, ref = _fts(model)
        return (
            select(fts.c.rowid)
            .where(ref.op("MATCH")(fts5_query(query) or '""'), fts.c.rowid == ident)
            .exists()
        )
    name = model.__tablename__
    if ident is col(model.id):
        return literal_column(f"{name}.search_vector").op("@@")(_tsquery(query))
    matched = model.__table__.alias(f"{name}_matched")
    vector: ColumnElement[Any] = literal_column(f"{name}_matched.search_vector")
    return (
        select(matched.c.id).where(matched.c.id == ident, vector.op("@@")(_tsquery(query))).exists()
    )


def every_match(session: Session, model: Any, query: str) -> ColumnElement[bool]:
    """The row is among the matches, all read from the full-text index (sparse listings)."""
    if session.get_bind().dialect.name == "sqlite":
        fts, ref = _fts(model)
        matching = select(fts.c.rowid).where(ref.op("MATCH")(fts5_query(query) or '""'))
        return col(model.id).in_(matching)
    vector: ColumnElement[Any] = literal_column(f"{model.__tablename__}.search_vector")
    return vector.op("@@")(_tsquery(query))


def unindexed(column_: Any) -> ColumnElement[Any]:
    """The same value, in a form no index provides in order: sparse listings sort their
    few matches instead of walking a date index and testing every row on the way."""
    return func.coalesce(column_, column_)
