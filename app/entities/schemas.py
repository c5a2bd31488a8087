"""Entity request and response shapes."""

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from app.schemas import EntityRef, PublicModel, UTCDateTime

EntityTypeParam = Literal["person", "country", "place", "organization", "other"]
Interval = Literal["day", "week", "month"]
QuoteRole = Literal["speaker", "about"]


class EntityFilters(BaseModel):
    q: str | None = Field(
        default=None,
        max_length=200,
        description="Name or alias prefix, case- and accent-insensitive",
    )
    type: EntityTypeParam | None = None
    country: str | None = Field(
        default=None, max_length=100, description="ISO code or name of the country it belongs to"
    )


class EntityPublic(EntityRef):
    description: str | None
    article_count: int
    mention_count: int


class EntityCounts(BaseModel):
    articles: int
    mentions: int
    quotes_said: int
    quotes_about: int


class EntityDetail(EntityRef):
    description: str | None
    aliases: list[str]
    counts: EntityCounts
    first_seen: UTCDateTime | None
    last_seen: UTCDateTime | None


class RelatedEntity(EntityRef):
    shared_articles: int = Field(description="Articles mentioning both entities")


class TimelineBucket(PublicModel):
    period: date = Field(description="First day of the day, ISO week or month")
    articles: int
    mentions: int
