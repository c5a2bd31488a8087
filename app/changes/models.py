"""The change log, written only by database triggers (see migration 0006)."""

from datetime import datetime

from sqlalchemy import DateTime, Index
from sqlmodel import Field, SQLModel

from app.db import BIG_ID

CHANGE_KINDS = ("article", "entity")
CHANGE_ACTIONS = ("created", "updated", "deleted", "merged")


class Change(SQLModel, table=True):
    __table_args__ = (
        Index("ix_change_kind_changed_at", "kind", "changed_at"),
        # Ids are never reused on SQLite either, so a cursor never points at a later row.
        {"sqlite_autoincrement": True},
    )

    # Commit order: on PostgreSQL the triggers append under one lock at commit time;
    # SQLite has a single writer.
    id: int | None = Field(default=None, primary_key=True, sa_type=BIG_ID)
    kind: str = Field(max_length=10)
    object_id: int
    # Kept with deletes, so a tombstone still names what went.
    slug: str | None = Field(default=None, max_length=120)
    action: str = Field(max_length=10)
    # ``merged``: the entity whose names the object's now are (see migration 0009).
    into_id: int | None = Field(default=None)
    into_slug: str | None = Field(default=None, max_length=120)
    changed_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
