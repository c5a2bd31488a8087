"""Small shapes shared by several domains."""

from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field


def as_utc(value: datetime) -> datetime:
    """Naive datetimes are taken as UTC (SQLite hands them back naive; all is stored in UTC).

    Raises ``ValueError`` for an aware time whose UTC instant falls outside years 1-9999
    (``9999-12-31T23:59:59-14:00`` is in year 10000 UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("the date is outside years 1-9999 in UTC") from exc


def _not_a_number(value: Any) -> Any:
    # Pydantic reads numbers (and numeric strings) as Unix timestamps; a date filter or a
    # publication date given as 0.5 is a mistake, not the epoch.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError("a date must be an ISO-8601 string, not a number")
    if isinstance(value, str):
        try:
            float(value)
        except ValueError:
            return value
        raise ValueError("a date must be an ISO-8601 string, not a number")
    return value


UTCDateTime = Annotated[datetime, AfterValidator(as_utc)]
# A date-time from the client: ISO-8601 only, and representable in UTC.
DateTimeInput = Annotated[datetime, BeforeValidator(_not_a_number), AfterValidator(as_utc)]


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
