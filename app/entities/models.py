"""Entities, their aliases, their mentions, and the article-entity link."""

from datetime import datetime

from sqlalchemy import DateTime, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.db import BIG_ID

ENTITY_TYPES = ("person", "country", "place", "organization", "other")


class EntityBase(SQLModel):
    name: str = Field(max_length=300)
    type: str = Field(max_length=20, index=True)
    country_code: str | None = Field(default=None, max_length=2, index=True)
    description: str | None = Field(default=None, max_length=500)


class Entity(EntityBase, table=True):
    __table_args__ = (
        UniqueConstraint("type", "key", name="uq_entity_type_key"),
        Index("ix_entity_article_count_id", "article_count", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=120, unique=True)
    # Identity across articles: normalised name (or ISO code for countries) within a type.
    key: str = Field(max_length=300)
    # Kept by the write path so "most covered first" is an index scan, not a count.
    article_count: int = 0
    mention_count: int = 0


class EntityAlias(SQLModel, table=True):
    __tablename__ = "entity_alias"
    __table_args__ = (UniqueConstraint("entity_id", "normalized", name="uq_alias_entity_norm"),)

    id: int | None = Field(default=None, primary_key=True)
    entity_id: int = Field(foreign_key="entity.id", ondelete="CASCADE", index=True)
    name: str = Field(max_length=300)
    normalized: str = Field(max_length=300, index=True)


class ArticleEntity(SQLModel, table=True):
    """Which entities an article mentions and how often; one row per pair."""

    __tablename__ = "article_entity"
    __table_args__ = (
        Index("ix_article_entity_entity_dated", "entity_id", "dated_at", "article_id"),
    )

    article_id: int = Field(foreign_key="article.id", ondelete="CASCADE", primary_key=True)
    entity_id: int = Field(foreign_key="entity.id", ondelete="CASCADE", primary_key=True)
    mention_count: int = 1
    # Copy of the article's date so per-entity article lists page on one index.
    dated_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)


class Mention(SQLModel, table=True):
    __table_args__ = (
        Index("ix_mention_article_start", "article_id", "start"),
        Index("ix_mention_entity_article", "entity_id", "article_id"),
    )

    id: int | None = Field(default=None, primary_key=True, sa_type=BIG_ID)
    article_id: int = Field(foreign_key="article.id", ondelete="CASCADE")
    entity_id: int = Field(foreign_key="entity.id", ondelete="CASCADE")
    start: int
    end: int
    text: str = Field(max_length=300)


class EntityRedirect(SQLModel, table=True):
    """Where an entity that re-extraction left without articles went: the entity its names
    now belong to (its old slug answers 308 there), or none (410 Gone)."""

    __tablename__ = "entity_redirect"

    entity_id: int = Field(foreign_key="entity.id", ondelete="CASCADE", primary_key=True)
    # Always a live successor when written; chains are flattened as successors move on.
    target_id: int | None = Field(
        default=None, foreign_key="entity.id", ondelete="SET NULL", index=True
    )
    redirected_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
