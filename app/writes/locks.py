"""Row locks taken in one fixed order, and inserts that yield to a concurrent twin.

Order: the article row (or a batch's rows, by ascending id) first, then the keys of entities
about to be created (advisory locks, sorted), then entity rows by ascending id. Writers
needing the same entities wait for each other in that order instead of deadlocking, and two
writers on the same article run one after the other, the second seeing what the first
committed (a second DELETE finds nothing and answers 404). SQLite serialises writers with
BEGIN IMMEDIATE; there ``FOR UPDATE`` compiles to nothing and the advisory locks are skipped.
"""

import zlib
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Insert, Table, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, SQLModel, col

from app.articles.models import Article
from app.entities.models import Entity
from app.errors import NotFound

# First half of PostgreSQL's two-part advisory lock ids, keeping these apart from any
# other advisory lock.
KEY_SPACE = 0x42530001


def lock_article(session: Session, article_id: int) -> Article:
    """The article, re-read and locked inside the caller's write transaction."""
    stmt = (
        select(Article)
        .where(col(Article.id) == article_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    article = session.execute(stmt).scalar()
    if article is None:
        raise NotFound(f"No article with id or slug '{article_id}'")
    return article


def lock_articles(session: Session, article_ids: Iterable[int]) -> list[Article]:
    """The articles still stored, re-read and locked in ascending id order (a batch of
    them is locked before any entity row, as one article is)."""
    stmt = (
        select(Article)
        .where(col(Article.id).in_(sorted(set(article_ids))))
        .order_by(col(Article.id))
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return list(session.execute(stmt).scalars())


def lock_entities(session: Session, ids: Iterable[int]) -> None:
    """Lock entity rows in ascending id order (counts and descriptions change under it)."""
    wanted = sorted(set(ids))
    if wanted and session.get_bind().dialect.name == "postgresql":
        session.execute(
            select(col(Entity.id))
            .where(col(Entity.id).in_(wanted))
            .order_by(col(Entity.id))
            .with_for_update()
        ).all()


def lock_keys(session: Session, keys: Iterable[str]) -> None:
    """Transaction locks on natural keys about to be inserted (PostgreSQL), taken in one
    global order: two writers creating the same new entities otherwise wait on each other's
    unique-index entries in extraction order, which deadlocked."""
    if session.get_bind().dialect.name != "postgresql":
        return
    ids = sorted({_key_id(key) for key in keys})
    if ids:
        # One statement, the locks taken as the sorted subquery yields them: one statement
        # per key cost a round trip each, hundreds per ingest batch into a new archive.
        session.execute(_LOCK_KEYS, {"space": KEY_SPACE, "ids": ids})


_LOCK_KEYS = text(
    "SELECT count(pg_advisory_xact_lock(:space, k)) "
    "FROM (SELECT k FROM unnest(CAST(:ids AS integer[])) AS t(k) ORDER BY k) AS sorted"
)


def _key_id(key: str) -> int:
    """A stable signed 32-bit id for a key (collisions only make writers wait a little)."""
    value = zlib.crc32(key.encode())
    return value - 2**32 if value >= 2**31 else value


def insert_ignore(session: Session, model: type[SQLModel]) -> Insert:
    """``INSERT … ON CONFLICT DO NOTHING`` for this backend: a row a concurrent writer
    stored first is skipped (after waiting for that writer) rather than raising."""
    table: Any = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing()
