"""Quote request and response shapes."""

from typing import Literal

from pydantic import BaseModel, Field

from app.schemas import ArticleRef, DateTimeInput, EntityRef, PublicModel

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
    section: str | None = Field(
        default=None, max_length=100, description="Quotes from articles of this section (desk)"
    )
    kind: QuoteKind | None = Field(default=None, description="direct, partial or indirect")
    published_after: DateTimeInput | None = Field(
        default=None, description="Only quotes from articles published at or after this"
    )
    published_before: DateTimeInput | None = Field(
        default=None, description="Only quotes from articles published before this"
    )
    updated_since: DateTimeInput | None = Field(
        default=None,
        description="Only quotes of articles stored or re-extracted at or after this date/time",
    )


class QuotePublic(PublicModel):
    id: int = Field(examples=[4])
    article_id: int = Field(examples=[1])
    text: str = Field(
        examples=["Until now, there has been some co-operation, it really formalizes it,"]
    )
    start: int = Field(description="Offset of the quoted words in the article body", examples=[774])
    end: int = Field(examples=[843])
    kind: str = Field(examples=["direct"], description="direct, partial or indirect")
    cue: str | None = Field(
        description="The reporting verb as written: said, told, according to…", examples=["said"]
    )
    speaker: EntityRef | None = Field(
        description="The speaking entity, null for unnamed sources", examples=[None]
    )
    speaker_text: str | None = Field(
        description="The words of the article naming the speaker", examples=["the source"]
    )
    confidence: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description=(
            "How sure attribution is of the speaker, 0 to 1 (a quote with no speaker "
            "states how sure it is that none is named); null for quotes stored before "
            "this was recorded"
        ),
        examples=[0.95],
    )
    rule: str | None = Field(
        default=None,
        description=(
            'The attribution step that decided the speaker, e.g. trailing_cue ("…," X '
            'said), leading_cue (X said: "…"), paragraph_continuation, pronoun; null when '
            "no step named one or for quotes stored before this was recorded"
        ),
        examples=["trailing_cue"],
    )


class QuoteDetail(QuotePublic):
    article: ArticleRef
