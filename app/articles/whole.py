"""The whole archive in date order (``/articles``, no filter): statements built once, and
its size counted once per change of the database.

Deep pages of the unfiltered listing are a tenth of a typical read mix. Built per request,
the page's statement cost more than running it; counting every article cost ~1 ms per
100,000 articles on each page (SQLite reads the smallest index whole).
"""

from collections.abc import Sequence
from functools import lru_cache

from sqlalchemy import func, select
from sqlmodel import Session

from app.answers import Record, rows
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


@lru_cache(maxsize=4)
def _statement(descending: bool, after: bool) -> Prepared:
    return Prepared(KEYSETS[descending].prepared(select(*SUMMARY_COLUMNS), after=after))


def page_of_all(
    session: Session, descending: bool, page: PageRequest
) -> tuple[Sequence[Record], str | None]:
    """A page of ``SUMMARY_COLUMNS`` rows of every article, newest or oldest first."""
    keyset = KEYSETS[descending]
    params = keyset.params(page)
    found = rows(session, _statement(descending, bool(page.cursor)), **params)
    return keyset.page(found, page, lambda row: (row.dated_at, row.id))


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
