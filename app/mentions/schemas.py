"""Mention request and response shapes."""

from pydantic import BaseModel, Field

from app.entities.schemas import EntityTypeParam
from app.schemas import DateTimeInput, EntityRef, PublicModel


class MentionFilters(BaseModel):
    entity: list[str] = Field(
        default_factory=list,
        description="The entity mentioned: slug, name or alias; repeat for any of several",
    )
    type: EntityTypeParam | None = Field(default=None, description="Type of the entity")
    article: str | None = Field(default=None, description="Article id or slug")
    published_after: DateTimeInput | None = Field(
        default=None, description="Only mentions in articles published at or after this"
    )
    published_before: DateTimeInput | None = Field(
        default=None, description="Only mentions in articles published before this"
    )


class MentionRow(PublicModel):
    id: int = Field(examples=[7])
    article_id: int = Field(examples=[1])
    start: int = Field(description="Offset of the first character in the body", examples=[27])
    end: int = Field(description="Offset just past the last character", examples=[38])
    text: str = Field(examples=["Benny Gantz"])
    entity: EntityRef
