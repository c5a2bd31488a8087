"""A listing filtered by one entity alone, in date order: statements built once.

``/articles?country=…`` (or one person, organization or entity) with nothing else walks
the entity's ``(entity_id, dated_at, article_id)`` index and reads the page's articles, as
``app.articles.listing`` does for any filter; here its four forms (newest or oldest first,
first page or after a cursor) are built once per process with the values as parameters.
Built per request, the statement cost more than running it (in-process, 100k articles).
"""

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Row, bindparam, select, tuple_
from sqlmodel import Session

from app.articles.queries import AE, SUMMARY_COLUMNS, A
from app.pagination import AnySelect, Keyset, PageRequest


@lru_cache(maxsize=4)
def _statement(descending: bool, after: bool) -> AnySelect:
    dated, ident = AE.dated_at, AE.article_id
    walked = select(ident, dated).where(AE.entity_id == bindparam("entity_id"))
    if after:
        at = tuple_(
            bindparam("after_dated", type_=dated.type), bindparam("after_id", type_=ident.type)
        )
        walked = walked.where(
            tuple_(dated, ident) < at if descending else tuple_(dated, ident) > at
        )
    order = (dated.desc(), ident.desc()) if descending else (dated.asc(), ident.asc())
    ids = walked.order_by(*order).limit(bindparam("limit")).subquery()
    outer = (ids.c.dated_at, ids.c.article_id)
    return (
        select(*SUMMARY_COLUMNS)
        .join(ids, ids.c.article_id == A.id)
        .order_by(*(key.desc() if descending else key.asc() for key in outer))
    )


def entity_page(
    session: Session, entity_id: int, keyset: Keyset, page: PageRequest
) -> tuple[Sequence[Row[Any]], str | None]:
    """The page of ``SUMMARY_COLUMNS`` rows of articles mentioning ``entity_id``, in the
    order of ``keyset`` (``dated_at``, ``id``; both one way), and the next cursor."""
    after = keyset.after(page)
    params: dict[str, Any] = {"entity_id": entity_id, "limit": page.limit + 1}
    if after is not None:
        params |= {"after_dated": after[0], "after_id": after[1]}
    stmt = _statement(keyset.keys[0].descending, after is not None)
    found = session.execute(stmt, params).all()
    return keyset.page(found, page, lambda row: (row.dated_at, row.id))
