"""The whole archive in date order (``/articles``, no filter): statements built once, and
its size counted once per change of the database.

Deep pages of the unfiltered listing are a tenth of a typical read mix. Built per request,
the page's statement cost more than running it; counting every article cost ~1 ms per
100,000 articles on each page (SQLite reads the smallest index whole).
"""

from collections.abc import Sequence
from functools import lru_cache

from sqlalchemy import ColumnElement, bindparam, func, literal_column, select
from sqlmodel import Session

from app.answers import Record, connection, rows
from app.articles.built import TOPS
from app.articles.queries import A_TABLE, SUMMARY_COLUMNS, A
from app.db import CHANGES_AT_BEGIN
from app.pagination import Keyset, PageRequest, SortKey
from app.prepared import Prepared, execute

KEYSETS = {
    descending: Keyset(
        "articles:newest" if descending else "articles:oldest",
        [SortKey(A.dated_at, descending), SortKey(A.id, descending)],
    )
    for descending in (True, False)
}
_COUNTED = "broadsheet_article_count"
_COUNT = select(func.count()).select_from(A_TABLE)


# PostgreSQL: the snapshot a statement read (autocommit: each statement takes its own). Two
# statements that read equal snapshots saw the same committed rows.
_SNAPSHOT: ColumnElement[str] = literal_column("CAST(pg_current_snapshot() AS text)")


@lru_cache(maxsize=8)
def _statement(descending: bool, after: bool, snapshot: bool = False) -> Prepared:
    snapshotted = (*SUMMARY_COLUMNS, _SNAPSHOT.label("snapshot"), TOPS)
    columns = snapshotted if snapshot else SUMMARY_COLUMNS
    return Prepared(KEYSETS[descending].prepared(select(*columns), after=after))


def page_of_all(
    session: Session, descending: bool, page: PageRequest
) -> tuple[Sequence[Record], str | None]:
    """A page of ``SUMMARY_COLUMNS`` rows of every article, newest or oldest first; on
    PostgreSQL each row also carries the ``snapshot`` it was read at and its ``TOPS``."""
    keyset = KEYSETS[descending]
    params = keyset.params(page)
    postgresql = session.get_bind().dialect.name == "postgresql"
    found = rows(session, _statement(descending, bool(page.cursor), postgresql), **params)
    return keyset.page(found, page, lambda row: (row.dated_at, row.id))


_CAPPED = Prepared(
    select(func.count(), _SNAPSHOT).select_from(select(A.id).limit(bindparam("cap")).subquery())
)
# PostgreSQL: the last exact count of articles per database, with the snapshot it read.
_COUNTED_AT: dict[str, tuple[str, int]] = {}


def postgres_count(session: Session, found: Sequence[Record], cap: int) -> int:
    """PostgreSQL: how many articles there are, up to ``cap``, counted again only when the
    snapshot of the page ``found`` (of ``page_of_all``) differs from the last count's.

    Deep pages of the whole listing are a tenth of the mixed workload, and counting up to
    ``COUNT_CAP`` read that many index entries on each: 0.6 ms of server CPU a page at 10k
    articles. Equal snapshots see the same rows, so the count stands; any commit in the
    cluster since moves the snapshot. Only statements that are their own transactions
    (``app.db.read``) qualify: a transaction's own writes do not move its snapshot."""
    held = connection(session)
    alone = bool(getattr(held.connection.dbapi_connection, "autocommit", False))
    key = held.engine.url.render_as_string()
    known = _COUNTED_AT.get(key)
    if alone and found and known is not None and known[0] == found[0].snapshot:
        return known[1]
    count, snapshot = rows(session, _CAPPED, cap=cap)[0]
    if alone and count < cap:  # a capped count is no count: past it the planner estimates
        _COUNTED_AT[key] = (snapshot, count)
    return int(count)


def article_count(session: Session) -> int:
    """SQLite: how many articles there are, counted again only after a change.

    The count is kept with the database connection (its ``info`` lasts as long as it
    does) beside the connection's count of rows it changed and ``data_version``, which
    moves when another connection commits: both unchanged, so are the rows. Only a
    transaction that has written nothing keeps a count: one it wrote could roll back."""
    connection = session.connection()
    changes = connection.connection.dbapi_connection.total_changes  # type: ignore[union-attr]
    version = (changes, execute(connection, "PRAGMA data_version", ())[0][0][0])
    known = connection.info.get(_COUNTED)
    if known is not None and known[0] == version:
        return int(known[1])
    count = int(connection.execute(_COUNT).scalar_one())
    if connection.info.get(CHANGES_AT_BEGIN) == changes:
        connection.info[_COUNTED] = (version, count)
    return count
