"""Entity request and response shapes."""

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from app.schemas import DateTimeInput, EntityRef, PublicModel, UTCDateTime

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
    updated_since: DateTimeInput | None = Field(
        default=None,
        description="Only entities created or changed at or after this date/time (see /changes)",
    )


class EntityPublic(EntityRef):
    description: str | None = Field(examples=["Israel’s defense minister"])
    article_count: int = Field(examples=[1])
    mention_count: int = Field(examples=[4])


class EntityCounts(BaseModel):
    articles: int = Field(examples=[1])
    mentions: int = Field(examples=[4])
    quotes_said: int = Field(examples=[1], description="Quotes it is the speaker of")
    quotes_about: int = Field(examples=[0], description="Quotes that mention it")


class EntityDetail(EntityRef):
    description: str | None = Field(examples=["Israel’s defense minister"])
    aliases: list[str] = Field(examples=[["Gantz"]])
    counts: EntityCounts
    first_seen: UTCDateTime | None = Field(examples=["2021-12-06T00:00:00Z"])
    last_seen: UTCDateTime | None = Field(examples=["2021-12-06T00:00:00Z"])


class RelatedEntity(EntityRef):
    shared_articles: int = Field(description="Articles mentioning both entities", examples=[1])


class TimelineBucket(PublicModel):
    period: date = Field(
        description="First day of the day, ISO week or month", examples=["2021-12-01"]
    )
    articles: int = Field(examples=[1])
    mentions: int = Field(examples=[4])
