"""Article table."""

from datetime import UTC, datetime

from sqlalchemy import JSON, Column, DateTime, Index, Text
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class ArticleBase(SQLModel):
    title: str | None = Field(default=None, max_length=500)
    published_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    byline: str | None = Field(default=None, max_length=300)
    source_name: str | None = Field(default=None, max_length=200)
    source_url: str | None = Field(default=None, max_length=2000, unique=True)


class Article(ArticleBase, table=True):
    __table_args__ = (
        Index("ix_article_dated_at_id", "dated_at", "id"),
        # Equality on the desk, then the listing's own order: a section's newest page is
        # one short range scan, and GET /sections counts from the index alone.
        Index("ix_article_section_dated_at_id", "section", "dated_at", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=120, unique=True)
    body: str = Field(sa_column=Column(Text, nullable=False))
    # Subheadings inside the body; ``section`` is the desk the article ran under.
    sections: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    section: str | None = Field(default=None, max_length=100)
    word_count: int = 0
    content_hash: str = Field(max_length=64, unique=True)
    extractor_version: str | None = Field(default=None, max_length=40)
    # The publication date when known, else the ingest time: a non-null key keeps
    # date ordering and keyset pagination on one index.
    dated_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True))
    updated_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True))
