"""Country response shapes: a view of country entities keyed by ISO code."""

from pydantic import Field

from app.entities.schemas import EntityCounts, EntityPublic
from app.schemas import PublicModel, UTCDateTime


class CountryPublic(PublicModel):
    code: str = Field(description="ISO 3166-1 alpha-2")
    name: str
    slug: str
    article_count: int


class CountryDetail(CountryPublic):
    aliases: list[str]
    counts: EntityCounts
    first_seen: UTCDateTime | None
    last_seen: UTCDateTime | None
    places: list[EntityPublic] = Field(description="Places in this country, most covered first")
