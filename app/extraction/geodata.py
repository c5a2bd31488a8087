"""The shapes every gazetteer shares: a place, the folded form it is looked up by, and
the ``countryinfo`` records the country and region lists are read from."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Literal

PlaceKind = Literal["country", "place"]


@dataclass(frozen=True, slots=True)
class Place:
    """A country (``kind='country'``) or any other geographic name."""

    name: str
    kind: PlaceKind
    code: str | None = None
    # Countries, capitals, first-level regions and cities of a million: names that
    # win over a same-spelled given name ("Houston", "Florence").
    major: bool = False
    # Of a town too small for the main index (``gazetteer.town``); 0 where not counted.
    population: int = 0


def fold(text: str) -> str:
    """Strip accents and unify apostrophes, so 'Curaçao' and 'Curacao' meet."""
    if text.isascii():
        return text
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def country_records() -> list[dict]:
    from countryinfo import all_countries

    return [dict(c.info()) for c in all_countries()]
