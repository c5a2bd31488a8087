"""Article request and response shapes."""

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, field_validator

from app.quotes.schemas import QuotePublic
from app.schemas import EntityRef, PublicModel, UTCDateTime

ArticleSort = Literal["newest", "oldest", "relevance"]

ENTITY_FILTER_HELP = "slug, name or alias; repeat the parameter to require several"


class ArticleFilters(BaseModel):
    q: str | None = Field(default=None, max_length=500, description="Full-text query")
    person: list[str] = Field(default_factory=list, description=f"Person: {ENTITY_FILTER_HELP}")
    country: list[str] = Field(
        default_factory=list, description=f"Country: ISO 3166-1 alpha-2 code, {ENTITY_FILTER_HELP}"
    )
    organization: list[str] = Field(
        default_factory=list, description=f"Organization: {ENTITY_FILTER_HELP}"
    )
    entity: list[str] = Field(default_factory=list, description=f"Any entity: {ENTITY_FILTER_HELP}")
    speaker: list[str] = Field(
        default_factory=list, description=f"Someone quoted in the article: {ENTITY_FILTER_HELP}"
    )
    published_after: datetime | None = Field(
        default=None, description="Only articles published at or after this date/time"
    )
    published_before: datetime | None = Field(
        default=None, description="Only articles published before this date/time"
    )
    sort: ArticleSort | None = Field(
        default=None, description="Order: newest (default), oldest, or relevance (needs `q`)"
    )


class MentionPublic(PublicModel):
    start: int = Field(description="Offset of the first character in `body`")
    end: int = Field(description="Offset just past the last character in `body`")
    text: str


class ArticleEntityPublic(EntityRef):
    mention_count: int
    mentions: list[MentionPublic]


class ArticleTopEntity(EntityRef):
    mention_count: int


class ArticleSummary(PublicModel):
    id: int
    slug: str
    title: str | None
    published_at: UTCDateTime | None
    byline: str | None
    source_name: str | None
    source_url: str | None
    word_count: int
    lede: str = Field(description="The opening of the article")
    highlight: str | None = Field(
        default=None, description="With `q`: a fragment with matches wrapped in <mark>…</mark>"
    )
    top_entities: list[ArticleTopEntity]


class ArticleDetail(PublicModel):
    id: int
    slug: str
    title: str | None
    published_at: UTCDateTime | None
    byline: str | None
    source_name: str | None
    source_url: str | None
    word_count: int
    sections: list[str]
    body: str
    extractor_version: str | None
    created_at: UTCDateTime
    updated_at: UTCDateTime
    entities: list[ArticleEntityPublic]
    quotes: list[QuotePublic]


ArticleRefParam = Annotated[str, Field(description="Numeric id or slug")]


class ArticleCreate(BaseModel):
    """A new article as JSON; `text` is the raw article as scraped or written."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        min_length=1,
        validation_alias=AliasChoices("text", "body"),
        description="The article text (paragraphs separated by blank lines)",
    )
    title: str | None = Field(default=None, max_length=500)
    published_at: datetime | None = Field(default=None, description="ISO-8601 date or date-time")
    url: str | None = Field(default=None, max_length=2000, description="Where it was published")
    source: str | None = Field(default=None, max_length=200, description="Publication name")

    @field_validator("text", "title", "url", "source")
    @classmethod
    def _no_nul(cls, value: str | None) -> str | None:
        if value is not None and "\x00" in value:
            raise ValueError("cannot contain NUL characters")
        return value
