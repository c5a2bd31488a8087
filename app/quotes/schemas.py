"""Quote request and response shapes."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from app.schemas import ArticleRef, EntityRef, PublicModel

QuoteKind = Literal["direct", "partial", "indirect"]


class QuoteFilters(BaseModel):
    q: str | None = Field(default=None, max_length=500, description="Full-text query on the words")
    speaker: list[str] = Field(default_factory=list, description="Who said it: slug, name or alias")
    about: list[str] = Field(
        default_factory=list,
        description="An entity mentioned inside the quote: slug, name or alias",
    )
    country: list[str] = Field(
        default_factory=list,
        description="Quotes from articles mentioning this country (code or name)",
    )
    article: str | None = Field(default=None, description="Article id or slug")
    kind: QuoteKind | None = Field(default=None, description="direct, partial or indirect")
    published_after: datetime | None = None
    published_before: datetime | None = None


class QuotePublic(PublicModel):
    id: int
    article_id: int
    text: str
    start: int = Field(description="Offset of the quoted words in the article body")
    end: int
    kind: str
    cue: str | None = Field(description="The reporting verb as written: said, told, according to…")
    speaker: EntityRef | None = Field(description="The speaking entity, null for unnamed sources")
    speaker_text: str | None = Field(description="The words of the article naming the speaker")


class QuoteDetail(QuotePublic):
    article: ArticleRef
