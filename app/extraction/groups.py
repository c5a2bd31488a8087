"""An entity under construction: the spans linked so far and the name they give it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from app.extraction.found import Found
from app.extraction.gazetteer import fold
from app.extraction.people import HONORIFICS
from app.extraction.schemas import EntityType

_INITIAL = re.compile(r"[A-Z]\.?")


@dataclass(slots=True)
class Group:
    kind: EntityType
    name: str
    code: str | None = None
    items: list[Found] = field(default_factory=list)
    surfaces: set[str] = field(default_factory=set)

    def add(self, item: Found) -> None:
        self.items.append(item)
        self.surfaces.add(fold(item.text))
        named = item.kind in ("person", "organization", "other") and not item.qualified
        if named and _longer(item.text, self.name):
            self.name = item.text


def _longer(candidate: str, current: str) -> bool:
    """The fuller name wins; "Ana Ruiz" over "Ms Ruiz", which names her less."""
    new, old = len(bare_words(candidate)), len(bare_words(current))
    if new != old:
        return new > old
    return current.split()[0] in HONORIFICS and candidate.split()[0] not in HONORIFICS


# Linking asks for the same few names' words tens of times an article (53,000 calls over
# 800 BBC articles); a name's words never change.
@lru_cache(maxsize=65536)
def bare_words(name: str) -> tuple[str, ...]:
    """The words that name someone: no honorific, no middle initial ("George W Bush")."""
    words = name.split()
    words = words[1:] if len(words) > 1 and words[0] in HONORIFICS else words
    inner = [w for w in words[1:-1] if not _INITIAL.fullmatch(w)]
    return (*words[:1], *inner, *words[1:][-1:]) if len(words) > 2 else tuple(words)


def names_of(group: Group) -> set[str]:
    return group.surfaces | {fold(group.name)}
