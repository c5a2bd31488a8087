"""What the archive knows, handed to extraction as a plain value.

Extraction stays a pure function of its inputs: the caller (ingest, re-extraction, a batch
of documents) builds a ``Knowledge`` snapshot and passes it in; nothing here reads a
database.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from app.extraction.schemas import EntityType, Extraction

if TYPE_CHECKING:
    from app.extraction.archive_index import ArchiveIndex

# Names kept per person of those most often named in the same articles: enough to tell
# two people of one surname apart, few enough that a large archive's snapshot stays small.
RELATED_NAMES = 12


@dataclass(frozen=True)
class KnownEntity:
    """One entity of the archive: its canonical name, type, every alias articles tied to
    it, and how many articles name it (the weight of its evidence)."""

    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    country_code: str | None = None
    articles: int = 1
    # For people: the names of the entities most often named in the same articles, most
    # shared first; what tells two people of one surname apart.
    related: tuple[str, ...] = ()
    # For organizations: (role, person) for each person an article introduced under this
    # name ("<name> leader Ana Ruiz"); what tells two names of one party.
    introduced: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Knowledge:
    entities: tuple[KnownEntity, ...] = field(default_factory=tuple)

    def __bool__(self) -> bool:
        return bool(self.entities)

    @cached_property
    def index(self) -> ArchiveIndex:
        """The look-ups extraction makes, built once per snapshot (not per article)."""
        from app.extraction.archive_index import ArchiveIndex

        return ArchiveIndex(self.entities)

    def __getstate__(self) -> dict[str, Any]:
        # Worker processes get the entities and build their own index.
        return {"entities": self.entities}

    @classmethod
    def from_extractions(
        cls, extractions: Iterable[Extraction], *, related: int = RELATED_NAMES
    ) -> Knowledge:
        """What a set of extractions establishes together, as the archive would store it:
        one entity per type and name (per ISO code for countries), with every alias and
        the number of extractions naming it."""
        # Imported here: the snapshot's types are what a serving worker loads of
        # extraction, and the rule pulls in the word lists.
        from app.extraction.same_groups import introductions

        found: dict[tuple[str, str], _Tally] = {}
        together: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for extraction in extractions:
            keys = []
            names: dict[str, tuple[str, str]] = {}
            for entity in extraction.entities:
                code = entity.country_code if entity.type == "country" else None
                key = (entity.type, code or _key(entity.name))
                tally = found.setdefault(key, _Tally(entity.name, entity.type))
                tally.add(entity.name, entity.aliases, entity.country_code)
                keys.append(key)
                if entity.type == "organization":
                    names[entity.name] = key
            for name, role, person in introductions(extraction.body, extraction.entities):
                found[names[name]].introduced.setdefault((role, person), None)
            for key in dict.fromkeys(keys):
                found[key].articles += 1
                if key[0] == "person":
                    together[key].update(found[k].name for k in dict.fromkeys(keys) if k != key)
        return cls(
            tuple(
                tally.known(tuple(n for n, _ in together[key].most_common(related)))
                for key, tally in found.items()
            )
        )


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


@dataclass
class _Tally:
    name: str
    type: EntityType
    aliases: dict[str, None] = field(default_factory=dict)
    country_code: str | None = None
    articles: int = 0
    introduced: dict[tuple[str, str], None] = field(default_factory=dict)

    def add(self, name: str, aliases: Iterable[str], code: str | None) -> None:
        for alias in (name, *aliases):
            self.aliases.setdefault(alias, None)
        self.country_code = self.country_code or code

    def known(self, related: tuple[str, ...]) -> KnownEntity:
        return KnownEntity(
            name=self.name,
            type=self.type,
            aliases=tuple(a for a in self.aliases if a != self.name),
            country_code=self.country_code,
            articles=self.articles,
            related=related,
            introduced=tuple(self.introduced),
        )


NOTHING_KNOWN = Knowledge()
