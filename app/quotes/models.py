"""Quote table."""

from datetime import datetime

from sqlalchemy import Column, DateTime, Index, Text
from sqlmodel import Field, SQLModel

from app.db import BIG_ID

QUOTE_KINDS = ("direct", "partial", "indirect")


class Quote(SQLModel, table=True):
    __table_args__ = (
        Index("ix_quote_article_start", "article_id", "start"),
        Index("ix_quote_speaker_dated", "speaker_id", "dated_at", "id"),
        Index("ix_quote_dated_id", "dated_at", "id"),
    )

    id: int | None = Field(default=None, primary_key=True, sa_type=BIG_ID)
    article_id: int = Field(foreign_key="article.id", ondelete="CASCADE")
    text: str = Field(sa_column=Column(Text, nullable=False))
    start: int
    end: int
    speaker_id: int | None = Field(default=None, foreign_key="entity.id", ondelete="SET NULL")
    speaker_text: str | None = Field(default=None, max_length=300)
    kind: str = Field(max_length=10, index=True)
    cue: str | None = Field(default=None, max_length=40)
    # Attribution's confidence in the speaker and the sieve step that chose it; null for
    # quotes stored before they were recorded (nothing is backfilled).
    confidence: float | None = Field(default=None)
    rule: str | None = Field(default=None, max_length=40)
    # Copy of the article's date so quote lists and date ranges page on one index.
    dated_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
