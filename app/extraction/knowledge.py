"""What the archive knows, handed to extraction as a plain value.

Extraction stays a pure function of its inputs: the caller (ingest, re-extraction, a batch
of documents) builds a ``Knowledge`` snapshot and passes it in; nothing here reads a
database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.extraction.schemas import EntityType


@dataclass(frozen=True)
class KnownEntity:
    """One entity of the archive: its canonical name, type, every alias articles tied to
    it, and how many articles name it (the weight of its evidence)."""

    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    country_code: str | None = None
    articles: int = 1


@dataclass(frozen=True)
class Knowledge:
    entities: tuple[KnownEntity, ...] = field(default_factory=tuple)

    def __bool__(self) -> bool:
        return bool(self.entities)


NOTHING_KNOWN = Knowledge()
