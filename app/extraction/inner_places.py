"""Places named inside a longer name: 'Dunmore' in "Dunmore Savings Bank", 'Ostrava' in
"University of Ostrava", 'Kelvara' in "Kelvara Port".

News annotation counts such a place as a mention of its own: on the worldwide and
Wikinews sets, 30 of 218 missed places lay inside a name the extractor had found
whole. Only names that are not places themselves are looked into ("New York" holds
no "York"), and only gazetteer names that pass the same plausibility test as a name
standing alone.
"""

from __future__ import annotations

from app.extraction import gazetteer as gz
from app.extraction.candidates import Token, find_runs
from app.extraction.found import Context, Found
from app.extraction.places import nested
from app.extraction.wordsets import ordinary_word


def inner_places(found: list[Found], ctx: Context) -> None:
    """Add, after each organization or site, the places its name holds."""
    inner: list[Found] = []
    for item in found:
        if _holder(item):
            places = nested(_tokens(item, ctx), ctx)
            inner += [_inner(p) for p in places if _named_alone(p, item)]
    found.extend(inner)


def _holder(item: Found) -> bool:
    """An organization's or a site's name of several words, read whole (not through
    a place owning it: "Norway's Coastal Authority" names Norway on its own). A club
    is named by its town ("Dunmore Rovers"): sports results name the club, not the town."""
    if item.weak or item.qualified or " " not in item.text or item.decided_by == "teams":
        return False
    if item.kind == "organization":
        return True
    # "Western Ruritania" names part of Ruritania, not Ruritania.
    compass = item.decided_by == "compass_place"
    return item.kind == "place" and not compass and gz.lookup(item.text) is None


def _named_alone(place: Found, holder: Found) -> bool:
    """A place word that is also a plain noun ("Lake", "Gulf", "Metro") is the kind of
    site, even where the dictionary lists it as a name too; capitals closing a firm's
    name are its legal form ("Acme Holdings SA")."""
    if " " in place.text:
        return True
    if ordinary_word(place.text) and place.canonical != place.text:
        return False  # a country called by its name stays one ("Canada", "Chad")
    if gz.demonym(place.text) is not None:
        return False  # "Ruritanian Airways": the people's word, not the country
    return not (place.end == holder.end and place.text.isupper())


def _tokens(item: Found, ctx: Context) -> list[Token]:
    """The capitalised words of the name, with their offsets in the body."""
    tokens: list[Token] = []
    for run in find_runs(item.text):
        for t in run.tokens:
            tokens.append(Token(t.text, item.start + t.start, item.start + t.end))
    return tokens


def _inner(place: Found) -> Found:
    place.decided_by = "inner_places"
    return place
