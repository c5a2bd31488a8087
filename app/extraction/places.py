"""Place readings, and the capitals lines that only place names can be read from.

A gazetteer hit is a place when nothing argues against it; a one-word hit that is
also a given name or an ordinary word needs a preposition before it ("in Sale").
Lines in capitals (wire headlines, datelines) carry no case evidence, so they give
only gazetteer names and abbreviations the article also uses in running text.
"""

from __future__ import annotations

import calendar
import re

from app.extraction import gazetteer as gz
from app.extraction.found import Context, Found, common_word, make
from app.extraction.name_tokens import Token
from app.extraction.organizations import ORG_OPENERS, acronym
from app.extraction.people import PORTFOLIOS, TITLES, is_given_name
from app.extraction.wordsets import dictionary_word

# What follows a dateline's place: a date, maybe after a comma or a country's name.
_DATE_AFTER = re.compile(
    r"(?:\s*,)?(?:\s+[A-Z][\w.]*)*\s*,?\s+"
    rf"(?:\d{{4}}-\d\d-\d\d|(?:{'|'.join(calendar.month_abbr[1:])})[a-z]*\.? \d)"
)
# The points of the compass that name part of a place: "Western Ruritania",
# "South-West Ruritania", "North-East England", "Southwest Ruritania".
_POINTS = ("North", "South", "East", "West")
COMPASS = frozenset(
    [
        *_POINTS,
        *(f"{p}ern" for p in _POINTS),
        "Central",
        *(f"{a}-{b}" for a in _POINTS[:2] for b in _POINTS[2:]),
        *(f"{a}{sep}{b.lower()}" for a in _POINTS[:2] for b in _POINTS[2:] for sep in ("-", "")),
    ]
)
# A point of the compass standing for a part of the world: "the West", "the Middle
# East", "the Midwest". "the North" and "the South" are left out: they stand as often for
# one side of a divided country (on gum-news both were annotated as its government).
_REGION = re.compile(r"(?:(?:Middle|Far) )?(?:East|West)|Mid-?[Ww]est")
_REGION_ENDS = ("East", "West", "west")
_AND_NAME = re.compile(r" and [A-Z]")
_TOWARDS = re.compile(r"\b(?:in|into|to|from|across|throughout|towards?) the $")
_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "to", "near", "of", "outside", "across"})


def shouted(tokens: list[Token], ctx: Context) -> list[Found]:
    """A line in capitals gives no case evidence: only gazetteer names, read longest
    first, and abbreviations the article also uses in its running text count."""
    found: list[Found] = []
    first = 0
    while first < len(tokens):
        ends = range(len(tokens), first, -1)
        cut = next((c for c in ends if gz.lookup(span_text(tokens[first:c], ctx))), 0)
        if cut:
            place = gz.lookup(span_text(tokens[first:cut], ctx))
            if place is not None and plausible_place(tokens[first:cut], ctx):
                found.append(place_found(tokens[first:cut], ctx, place))
            first = cut
            continue
        token = tokens[first]
        if acronym(token.text) and _used_in_text(token, ctx):
            found.append(make([token], ctx, "organization"))
        first += 1
    return found


def _used_in_text(token: Token, ctx: Context) -> bool:
    """The same capitals outside the shouted lines: a real abbreviation ("NATO")."""
    return ctx.in_running_text(token.text)


def nested(tokens: list[Token], ctx: Context, leading_only: bool = False) -> list[Found]:
    """Places named inside a longer name are mentions too: 'Lagos Herald',
    'University of Porto', 'Kazan Arena'."""
    found: list[Found] = []
    first = 0
    while first < (1 if leading_only else len(tokens)):
        cut = _longest_place(tokens, first, ctx)
        place = gz.lookup(span_text(tokens[first:cut], ctx)) if cut else None
        if place is not None:
            found.append(place_found(tokens[first:cut], ctx, place))
        first = max(cut, first + 1)
    return found


def _longest_place(tokens: list[Token], first: int, ctx: Context) -> int:
    """End of the longest place name starting at ``first`` inside ``tokens``, or 0."""
    if tokens[first].text in ORG_OPENERS:
        return 0
    # No gazetteer name has more words than the longest one ("the " aside): longer pieces
    # cannot match, and building each of them made a long run quadratic.
    for cut in range(min(len(tokens), first + gz.longest_name_words() + 1), first, -1):
        if first == 0 and cut == len(tokens):
            continue
        piece = tokens[first:cut]
        if gz.lookup(span_text(piece, ctx)) is not None and plausible_place(piece, ctx):
            return cut
    return 0


def span_text(tokens: list[Token], ctx: Context) -> str:
    return ctx.body[tokens[0].start : tokens[-1].end]


def plausible_place(tokens: list[Token], ctx: Context) -> bool:
    """A one-word place that is also a given name or a common word needs a preposition."""
    word = tokens[0].text
    place = gz.lookup(word)
    if len(tokens) > 1 or (place is not None and place.major):
        return True
    # An ordinary word that is also a town ("Sale", "Reading", "Enterprise") needs the
    # same evidence as a given name: "in Sale", not "Sale won".
    ordinary = common_word(tokens[0], ctx) or dictionary_word(word)
    if not is_given_name(word) and not ordinary:
        return True
    before = ctx.body[max(0, tokens[0].start - 8) : tokens[0].start].split()
    return (bool(before) and before[-1] in _PLACE_PREPOSITIONS) or dateline(tokens, ctx)


def dateline(tokens: list[Token], ctx: Context) -> bool:
    """'GENEVA 1996-08-30', 'Lima, May 3': the name opening a line before a date is
    where the story was filed, whatever else the word may be."""
    start = tokens[0].start
    if start and ctx.body[start - 1] != "\n":
        return False
    return _DATE_AFTER.match(ctx.body, tokens[-1].end) is not None


def compass_place(tokens: list[Token], ctx: Context) -> Found | None:
    """'Western Ruritania', 'South West Ruritania': up to two compass words before a place
    name part of that place, in its country."""
    points = 0
    while points < min(2, len(tokens) - 1) and tokens[points].text in COMPASS:
        points += 1
    rest = tokens[points:]
    if not points or len(rest) > 3:
        return None
    place = gz.lookup(span_text(rest, ctx))
    # A region (no country code: "South East Arvania") is the region though a given
    # name spells it too; a town needs the evidence a lone town needs ("West Velby").
    if place is None or not (place.code is None or plausible_place(rest, ctx)):
        return None
    found = make(tokens, ctx, "place")
    found.code = place.code
    return found


def place_token(token: Token, ctx: Context) -> Found | None:
    place = gz.lookup(token.text)
    if place is not None and place.kind == "country":
        return place_found([token], ctx, place)
    people = gz.demonym(token.text)
    return place_found([token], ctx, people, demonym=True) if people else None


def place_part(token: Token, part: str, ctx: Context) -> Found | None:
    offset = token.start + token.text.index(part)
    piece = Token(part, offset, offset + len(part))
    return place_token(piece, ctx)


def place_found(tokens: list[Token], ctx: Context, place: gz.Place, demonym: bool = False) -> Found:
    found = make(tokens, ctx, place.kind)
    found.code, found.demonym = place.code, demonym
    found.canonical = place.name if place.kind == "country" else None
    return found


def compass_region(tokens: list[Token], ctx: Context) -> Found | None:
    """'the West', 'the Far East', 'Middle East', 'the Midwest': a part of the world named
    by a point of the compass. A lone point needs its article and a preposition of place
    ("went to the West"): "West" alone is a surname as often ("West said"), and "their
    rivals, the West" names the powers more than the region."""
    # Every region ends with one of these: tested first, since nearly every run gets here.
    if len(tokens) > 2 or not ctx.body.endswith(_REGION_ENDS, 0, tokens[-1].end):
        return None
    if not _REGION.fullmatch(ctx.body, tokens[0].start, tokens[-1].end):
        return None
    lone = len(tokens) == 1 and tokens[0].text in _POINTS
    if lone and not _TOWARDS.search(ctx.body, max(0, tokens[0].start - 16), tokens[0].start):
        return None
    return make(tokens, ctx, "place")


def country_body(lead: Found, word: Token, ctx: Context) -> Found | None:
    """'Velmar Charity', 'Velmar Life', 'Velmar Ishin': a country's name, then one
    capitalised word that no pass reads alone, is a body named after the country, not the
    country and a word. The word must be no name of its own (no place, people, title or
    given name after a given name's country: "Chad Varo") and must either be no English
    word or the pair must recur: once, "Velmar Tourism" may be the start of a longer name.
    """
    text = word.text
    if lead.kind != "country" or lead.demonym or is_given_name(lead.text):
        return None
    if ctx.body[lead.end : word.start] != " " or text in TITLES or text in PORTFOLIOS:
        return None
    if len(text) < 3 or not text[1:].islower() or gz.lookup(text) or gz.demonym(text):
        return None
    if _AND_NAME.match(ctx.body, word.end):
        return None  # "Velmar Space and Rocket Centre": part of a longer name, split at "and"
    whole = ctx.body[lead.start : word.end]
    plain = dictionary_word(text) or is_given_name(text)
    if plain and ctx.body.count(whole) < 2:
        return None
    return Found("organization", lead.start, word.end, whole)
