"""Article table."""

from datetime import UTC, datetime

from sqlalchemy import JSON, Column, DateTime, Index, Text
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


# The sort key of an article with no known date: below every real date, so undated
# articles come last newest-first and first oldest-first on the same (dated_at, id) index,
# keyset cursors stay plain tuples and index-only, and date filters, timelines and
# first/last seen drop them with one range bound (``dated_at > UNDATED``). A NULL key would
# sort first on one backend and last on the other and break tuple comparisons. A day into
# year 1, so that reading it in any time zone stays in year 1 (drivers cannot return year 0).
UNDATED = datetime(1, 1, 2, tzinfo=UTC)


def sort_date(published: datetime | None) -> datetime:
    """The stored sort key: the publication date, never the ingest time."""
    return published if published is not None and published > UNDATED else UNDATED


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
    # ``sort_date(published_at)``: the publication date, or UNDATED (see there).
    dated_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
    created_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True))
    updated_at: datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True))
