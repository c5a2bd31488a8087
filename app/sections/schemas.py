"""Section response shapes."""

from pydantic import Field

from app.schemas import PublicModel


class SectionCount(PublicModel):
    name: str = Field(description="Pass as `section` to filter articles", examples=["world"])
    article_count: int = Field(examples=[1])
