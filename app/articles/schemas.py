"""Article request and response shapes."""

from typing import Annotated, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, field_validator

from app.quotes.schemas import QuotePublic
from app.schemas import (
    ARTICLE_SLUG,
    PUBLISHED,
    DateTimeInput,
    EntityRef,
    PublicModel,
    UTCDateTime,
)
from app.text import web_url

ArticleSort = Literal["newest", "oldest", "relevance"]

LEDE = (
    "Israel’s defense minister, Benny Gantz, is on his way to Morocco to “formalize” "
    "security cooperation between the two countries."
)

ENTITY_FILTER_HELP = "slug, name or alias; repeat the parameter to require several"


class ArticleFilters(BaseModel):
    q: str | None = Field(
        default=None,
        max_length=500,
        description='Full-text query: words, "phrases", OR, -word. Sorted by date, every '
        "match is listed; by relevance, the 1,000 most recently added are ranked",
    )
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
    section: str | None = Field(
        default=None,
        max_length=100,
        description="The desk it ran under (business, sport…; any case); see GET /sections",
    )
    published_after: DateTimeInput | None = Field(
        default=None, description="Only articles published at or after this date/time"
    )
    published_before: DateTimeInput | None = Field(
        default=None, description="Only articles published before this date/time"
    )
    updated_since: DateTimeInput | None = Field(
        default=None,
        description="Only articles created or changed at or after this date/time (see /changes)",
    )
    sort: ArticleSort | None = Field(
        default=None,
        description="Order: newest (default; undated articles last), oldest (undated first), "
        "or relevance (the default with `q`)",
    )


class MentionPublic(PublicModel):
    start: int = Field(description="Offset of the first character in `body`", examples=[27])
    end: int = Field(description="Offset just past the last character in `body`", examples=[38])
    text: str = Field(examples=["Benny Gantz"])


class ArticleEntityPublic(EntityRef):
    mention_count: int = Field(examples=[4])
    mentions: list[MentionPublic]


class ArticleTopEntity(EntityRef):
    mention_count: int = Field(examples=[4])


class ArticleFields(PublicModel):
    """What every article shape says about the article itself."""

    id: int = Field(examples=[1])
    slug: str = Field(examples=[ARTICLE_SLUG])
    title: str | None = Field(examples=[None])
    published_at: UTCDateTime | None = Field(
        description="Publication date as found in the article; null when none was found",
        examples=[PUBLISHED],
    )
    created_at: UTCDateTime = Field(
        description="When Broadsheet stored it (the ingest time), not a publication date",
        examples=["2026-11-30T09:15:02Z"],
    )
    byline: str | None = Field(examples=[None])
    source_name: str | None = Field(examples=[None])
    source_url: str | None = Field(examples=[None])
    section: str | None = Field(
        default=None, description="The desk it ran under: business, sport…", examples=["world"]
    )
    word_count: int = Field(examples=[627])


class ArticleSummary(ArticleFields):
    lede: str = Field(description="The opening of the article", examples=[LEDE])
    highlight: str | None = Field(
        default=None,
        description="With `q`: a fragment with matches wrapped in <mark>…</mark>",
        examples=["…One Israeli product, the NSO’s <mark>Pegasus</mark> spyware, has already…"],
    )
    top_entities: list[ArticleTopEntity]


class ArticleDetail(ArticleFields):
    sections: list[str] = Field(
        examples=[["Timing ‘not accidental’", "‘Benefits of Recalibration’"]]
    )
    body: str = Field(
        description="Cleaned text; paragraphs separated by blank lines", examples=[LEDE]
    )
    extractor_version: str | None = Field(examples=["1.8.0"])
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
    published_at: DateTimeInput | None = Field(
        default=None, description="ISO-8601 date or date-time"
    )
    url: str | None = Field(default=None, max_length=2000, description="Where it was published")
    source: str | None = Field(default=None, max_length=200, description="Publication name")
    section: str | None = Field(
        default=None, max_length=100, description="The desk it ran under: business, sport…"
    )

    @field_validator("text", "title", "url", "source", "section")
    @classmethod
    def _no_nul(cls, value: str | None) -> str | None:
        if value is not None and "\x00" in value:
            raise ValueError("cannot contain NUL characters")
        return value

    @field_validator("url")
    @classmethod
    def _web_url(cls, value: str | None) -> str | None:
        if value is not None and web_url(value) is None:
            raise ValueError("must be an absolute http:// or https:// URL")
        return value
