"""Reading the change log: ids are commit-ordered, so ``id > cursor`` misses nothing."""

from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session, col

from app.changes.models import Change
from app.changes.schemas import ChangeFeed, ChangePublic
from app.pagination import AnySelect
from app.schemas import as_utc


def feed(session: Session, since: int, limit: int) -> ChangeFeed:
    stmt = select(Change).where(col(Change.id) > since).order_by(col(Change.id)).limit(limit + 1)
    rows = session.execute(stmt).scalars().all()
    items = [ChangePublic.model_validate(row) for row in rows[:limit]]
    cursor = items[-1].id if items else since
    return ChangeFeed(items=items, next_cursor=cursor, more=len(rows) > limit)


def changed_since(kind: str, since: datetime) -> AnySelect:
    """Ids of the ``kind`` objects written at or after ``since``."""
    return select(col(Change.object_id)).where(
        col(Change.kind) == kind, col(Change.changed_at) >= as_utc(since)
    )
