"""Country response shapes: a view of country entities keyed by ISO code."""

from pydantic import Field

from app.entities.schemas import EntityCounts, EntityPublic
from app.schemas import PublicModel, UTCDateTime


class CountryPublic(PublicModel):
    code: str = Field(description="ISO 3166-1 alpha-2", examples=["MA"])
    name: str = Field(examples=["Morocco"])
    slug: str = Field(examples=["morocco"])
    article_count: int = Field(examples=[1])


class CountryDetail(CountryPublic):
    aliases: list[str] = Field(examples=[["Kingdom of Morocco"]])
    counts: EntityCounts
    first_seen: UTCDateTime | None
    last_seen: UTCDateTime | None
    places: list[EntityPublic] = Field(description="Places in this country, most covered first")
