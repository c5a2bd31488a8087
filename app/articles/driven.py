"""A listing filtered by entities alone, in date order: statements built once.

``/articles?country=…`` (or one person, organization or entity) with nothing else walks
the entity's ``(entity_id, dated_at, article_id)`` index and reads the page's articles, as
``app.articles.listing`` does for any filter; here its four forms (newest or oldest first,
first page or after a cursor) are built once per process with the values as parameters.
Built per request, the statement cost more than running it (in-process, 100k articles).
Other entity filters (``?person=…&country=…``) are tested on the walked links, each group
of ids an expanding parameter, and the answer's size counted the same way.
"""

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, func, select, tuple_
from sqlmodel import Session

from app.answers import Record, rows
from app.articles.built import TOPS
from app.articles.queries import AE, AE_TABLE, SUMMARY_COLUMNS, A
from app.pagination import AnySelect, Keyset, PageRequest
from app.prepared import Prepared


def _walked(columns: tuple[Any, ...], groups: int) -> AnySelect:
    """The driving entity's links (``entity_id``) whose article also mentions one entity of
    each group (``group_0``…, expanding), as ``app.entities.service.articles_with`` tests it."""
    walked = select(*columns).where(AE.entity_id == bindparam("entity_id"))
    for n in range(groups):
        # An alias of its own, so the test never correlates with the walk's own table.
        other = AE_TABLE.alias(f"also_{n}")
        named: Any = bindparam(f"group_{n}", expanding=True)
        mentions = select(other.c.article_id).where(
            other.c.article_id == AE.article_id, other.c.entity_id.in_(named)
        )
        walked = walked.where(mentions.exists())
    return walked


@lru_cache(maxsize=32)
def _statement(descending: bool, after: bool, groups: int = 0, tops: bool = False) -> Prepared:
    """The page's statement; with ``tops`` (PostgreSQL) each row carries its ``TOPS``."""
    dated, ident = AE.dated_at, AE.article_id
    walked = _walked((ident, dated), groups)
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
    columns = (*SUMMARY_COLUMNS, TOPS) if tops else SUMMARY_COLUMNS
    return Prepared(
        select(*columns)
        .join(ids, ids.c.article_id == A.id)
        .order_by(*(key.desc() if descending else key.asc() for key in outer))
    )


@lru_cache(maxsize=8)
def _counted(groups: int, capped: bool) -> Prepared:
    walked = _walked((AE.article_id,), groups)
    if capped:
        walked = walked.limit(bindparam("cap"))
    return Prepared(select(func.count()).select_from(walked.subquery()))


def _params(entity_id: int, groups: Sequence[Sequence[int]]) -> dict[str, Any]:
    named = {f"group_{n}": list(ids) for n, ids in enumerate(groups)}
    return {"entity_id": entity_id} | named


def entity_page(
    session: Session,
    entity_id: int,
    keyset: Keyset,
    page: PageRequest,
    groups: Sequence[Sequence[int]] = (),
) -> tuple[Sequence[Record], str | None]:
    """The page of ``SUMMARY_COLUMNS`` rows of articles mentioning ``entity_id`` and one
    entity of each of ``groups``, in the order of ``keyset`` (``dated_at``, ``id``; both
    one way), and the next cursor."""
    after = keyset.after(page)
    params = _params(entity_id, groups) | {"limit": page.limit + 1}
    if after is not None:
        params |= {"after_dated": after[0], "after_id": after[1]}
    postgresql = session.get_bind().dialect.name == "postgresql"
    stmt = _statement(keyset.keys[0].descending, after is not None, len(groups), postgresql)
    found = rows(session, stmt, **params)
    return keyset.page(found, page, lambda row: (row.dated_at, row.id))


def entity_count(
    session: Session, entity_id: int, groups: Sequence[Sequence[int]], cap: int | None = None
) -> int:
    """How many articles mention ``entity_id`` and one entity of each of ``groups``, counted
    up to ``cap`` if given."""
    params = _params(entity_id, groups) | ({} if cap is None else {"cap": cap})
    found = rows(session, _counted(len(groups), cap is not None), **params)
    return int(found[0][0])
