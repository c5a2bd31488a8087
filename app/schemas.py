"""Small shapes shared by several domains."""

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


def as_utc(value: datetime) -> datetime:
    """Naive datetimes are taken as UTC (SQLite hands them back naive; all is stored in UTC)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


UTCDateTime = Annotated[datetime, AfterValidator(as_utc)]


class PublicModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class EntityRef(PublicModel):
    """Enough of an entity to show and link it."""

    id: int = Field(examples=[1])
    slug: str = Field(examples=["benny-gantz"])
    name: str = Field(examples=["Benny Gantz"])
    type: str = Field(
        examples=["person"], description="person, country, place, organization or other"
    )
    country_code: str | None = Field(
        default=None,
        examples=[None],
        description="ISO 3166-1 alpha-2: the country itself, or the country a place is in",
    )


ARTICLE_SLUG = "israel-s-defense-minister-benny-gantz-is-on-his-way-to"
PUBLISHED = "2021-12-06T00:00:00Z"


class ArticleRef(PublicModel):
    """Enough of an article to show and link it."""

    id: int = Field(examples=[1])
    slug: str = Field(examples=[ARTICLE_SLUG])
    title: str | None = Field(examples=[None])
    published_at: UTCDateTime | None = Field(examples=[PUBLISHED])
