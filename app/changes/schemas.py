"""Change feed shapes."""

from typing import Literal

from pydantic import Field

from app.schemas import PublicModel, UTCDateTime


class ChangePublic(PublicModel):
    id: int = Field(description="Position in the feed; commit order", examples=[42])
    kind: Literal["article", "entity"] = Field(examples=["article"])
    object_id: int = Field(description="The article's or entity's id", examples=[1])
    slug: str | None = Field(
        description="Its slug when the change was made (kept for deletions)",
        examples=["israel-s-defense-minister-benny-gantz-is-on-his-way-to"],
    )
    action: Literal["created", "updated", "deleted", "merged"] = Field(
        description="`updated`: an article re-extracted, or an entity renamed, re-described "
        "or given a new alias; `merged`: re-extraction left the entity without articles and "
        "its names now belong to the entity `into_id` (its slug answers 308 there)",
        examples=["created"],
    )
    into_id: int | None = Field(
        default=None, description="`merged`: the entity it was merged into", examples=[None]
    )
    into_slug: str | None = Field(
        default=None, description="`merged`: that entity's slug", examples=[None]
    )
    changed_at: UTCDateTime = Field(examples=["2026-11-30T11:45:00Z"])


class ChangeFeed(PublicModel):
    items: list[ChangePublic]
    next_cursor: int = Field(
        description="Pass as `since` for what follows; store it to resume after a restart",
        examples=[42],
    )
    more: bool = Field(description="More changes are waiting right now", examples=[False])
