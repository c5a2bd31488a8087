"""Small shapes shared by several domains."""

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict


def _as_utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything is stored in UTC.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


UTCDateTime = Annotated[datetime, AfterValidator(_as_utc)]


class PublicModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class EntityRef(PublicModel):
    """Enough of an entity to show and link it."""

    id: int
    slug: str
    name: str
    type: str
    country_code: str | None = None


class ArticleRef(PublicModel):
    """Enough of an article to show and link it."""

    id: int
    slug: str
    title: str | None
    published_at: UTCDateTime | None
