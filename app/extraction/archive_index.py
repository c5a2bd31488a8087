"""The archive's snapshot by the keys the linking steps of ``archive`` look up: the type
votes of every name, the full names short forms belong to, and people by surname."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from app.extraction.gazetteer import fold
from app.extraction.groups import bare_words
from app.extraction.knowledge import KnownEntity
from app.extraction.same_groups import group_index
from app.extraction.schemas import EntityType, ExtractedEntity

# A type the archive holds against this article's reading wins with at least this many
# articles, and more than VOTE_MARGIN times the articles behind this article's reading
# (this article counting as one).
MIN_VOTES = 3
VOTE_MARGIN = 2

__all__ = ["MIN_VOTES", "VOTE_MARGIN", "ArchiveIndex", "key", "unshown"]


@lru_cache(maxsize=1 << 16)
def key(name: str) -> str:
    """Case-, accent- and spacing-blind, as the archive matches names."""
    return " ".join(fold(name).casefold().split())


class ArchiveIndex:
    """The snapshot by the keys the steps look up; built once per ``Knowledge``."""

    def __init__(self, entities: Iterable[KnownEntity]) -> None:
        entities = tuple(entities)
        self.groups = group_index(entities, key)
        self.votes: defaultdict[str, Counter[EntityType]] = defaultdict(Counter)
        self.owners: defaultdict[tuple[EntityType, str], list[KnownEntity]] = defaultdict(list)
        self.surnames: defaultdict[tuple[str, ...], list[KnownEntity]] = defaultdict(list)
        self.named: dict[tuple[EntityType, str], KnownEntity] = {}
        # Articles behind person readings of a full name that no article ever wrote
        # another way: the reading only of the name's shape (see ``unshown``).
        self.unshown: Counter[str] = Counter()
        people = []
        for entity in entities:
            named = self.named.setdefault((entity.type, key(entity.name)), entity)
            if entity.articles > named.articles:
                self.named[(entity.type, key(entity.name))] = entity
            for name in {key(n) for n in (entity.name, *entity.aliases)}:
                self.votes[name][entity.type] += entity.articles
                if entity.type != "person" and name != key(entity.name):
                    self.owners[(entity.type, name)].append(entity)
            if entity.type == "person":
                people.append(entity)
                if unshown(entity):
                    self.unshown[key(entity.name)] += entity.articles
        for person in people:
            self._add_surnames(person)

    def _add_surnames(self, person: KnownEntity) -> None:
        """A full name by every tail ("Persie", "van Persie" for "Robin van Persie"); not
        one most articles read as something else (a club one article took for a man)."""
        bare = [w.casefold() for w in bare_words(person.name)]
        votes = self.votes[key(person.name)]
        if len(bare) < 2 or max(votes.values()) > VOTE_MARGIN * votes["person"]:
            return
        for n in range(1, len(bare)):
            self.surnames[tuple(bare[-n:])].append(person)


def unshown(entity: ExtractedEntity | KnownEntity) -> bool:
    """A full name no article wrote another way (no surname alone, no "Mr"): read as a
    person only because it is shaped like one's name, which a band's or a firm's name is
    too."""
    return entity.type == "person" and not entity.aliases and len(entity.name.split()) > 1
