"""A lone capitalised word: a name only when the words around it say what it names."""

from __future__ import annotations

import re

from app.extraction import gazetteer as gz
from app.extraction.candidates import Run
from app.extraction.found import Context, Found, common_word, weak
from app.extraction.introductions import aged, kin_before, title_before
from app.extraction.name_tokens import Token
from app.extraction.organizations import (
    JOINED_BEFORE,
    ORG_CUES,
    ORG_FOLLOWERS,
    lone_head,
    org_head,
)
from app.extraction.people import census_given_names, is_given_name, surnames
from app.extraction.spans import dotted_initials
from app.extraction.wordsets import dictionary_word, words

_TOLD = frozenset({"told", "tell", "telling"})
_IN_PLACE = frozenset({"in", "near", "outside"})
_AT_PLACE = frozenset({"at", "from"})
_LANGUAGE_ENDINGS = ("ish", "ese", "ian", "ic")
_PEOPLES = (*_LANGUAGE_ENDINGS, "ine")
_HOLDINGS = words("shares stake stakes interest investment invest invested investing holding")
# Plain reporting verbs only: "continued" or "believes" after a lone word say too little.
_PLACE_OF = re.compile(
    r"\b(?:town|city|village|province|district|region|county|municipality|island|port) of $"
)
# "the Kavandi district", "Mirvale village": a lower-case noun for a kind of place right
# after a word no list knows. Not "coast", "border" or "state": "Velmish coast", "Tarsian
# state" qualify the noun with a region's or a people's word.
PLACE_NOUN_AFTER = re.compile(
    r" (?:village|villages|town|city|district|region|province|river|electorate|county|"
    r"island|valley|municipality|area|suburb|township|governorate|prefecture|settlement|"
    r"mountains|peninsula)\b"
)
# "Acme's Chief Engineer", "Acme's Ana Ruiz": a possessive, then a capitalised word;
# wire copy splits the possessive off its word ("Acme 's Ana Ruiz").
_OWNS_NAME = re.compile(r" ?['’]s [A-Z][a-z]")
# What a news outlet or a firm is right after its name: "X news agency said", "X daily",
# "X analysts", "a X reporter".
OUTLET_AFTER = re.compile(
    r" (?:news agency|newspapers?|daily|dailies|reporters?|correspondents?|analysts?)\b"
)
# A source credited in brackets, closing a paragraph or after a dateline: "(Acme) --".
_CREDIT_AFTER = re.compile(r"\)(?: ?[-–—]| *(?:\n|$))")
_SAID = re.compile(
    r" (?:said|says|announced|announces|confirmed|denied|reported|stated|told|"
    r"warned|claimed|(?:has |had )?learned)\b"
)


def single_word(token: Token, run: Run, ctx: Context) -> Found:
    found = weak([token], ctx)
    if common_word(token, ctx):
        found.common = True
        return found
    kin = kin_before(token.start, ctx) and gz.lookup(token.text) is None
    if kin or title_before(token.start, ctx) or aged(token.start, token.end, ctx):
        # "Mr. Varlesi": the full stop of the honorific starts no sentence; "Velu (26)".
        found.kind, found.weak = "person", False
        return found
    # Evidence from the words around holds at a sentence start too ("Microsoft said").
    found.org_hint = _org_evidence(token, ctx)
    if run.sentence_start or run.heading:
        found.initial = True
        return found
    cue = cue_before(token.start, ctx)
    if cue in ORG_CUES or joined_before(token.start, ctx) or dotted_initials(token, ctx):
        found.kind, found.weak = "organization", False
    elif cue in _IN_PLACE and _unknown_word(token, rare_names=True) and not _owned(token, ctx):
        # "a village in Kamonyi": a word no list knows, where things are, is a place.
        found.kind, found.weak = "place", False
    elif PLACE_NOUN_AFTER.match(ctx.body, token.end) and _unknown_word(token):
        # "the Kavandi district", "at Mirvale village": the noun after says what it is.
        found.kind, found.weak = "place", False
    elif cue in _AT_PLACE and gz.town(token.text) and _unknown_word(token):
        # "landed at Mildura", "flew from Dubbo": a town that no list of words or
        # names knows, where things happen or start. No country code: a town's name
        # is borne by towns in many countries, and a code would tie it to one.
        found.kind, found.weak = "place", False
    elif _of_before(token.start, ctx) and _PLACE_OF.search(
        ctx.body, max(0, token.start - 24), token.start
    ):
        # "the town of Ashcombe", "the province of Lusaka": the noun says what it is.
        found.kind, found.weak = "place", False
    return found


def _of_before(start: int, ctx: Context) -> bool:
    """Where ``_PLACE_OF`` can end (its ``$`` also before a last line break): tested first,
    since the search tries every position of the window."""
    return ctx.body.endswith((" of ", " of \n"), max(0, start - 24), start)


def _unknown_word(token: Token, rare_names: bool = False) -> bool:
    word = token.text
    if not word[1:].islower() or dictionary_word(word):
        return False
    if is_given_name(word) and not (rare_names and _rare_name(word)):
        return False
    # "in English", "in Swahili": languages and peoples, not places.
    if gz.demonym(word) or word.endswith(_LANGUAGE_ENDINGS):
        return False
    return not (word.endswith("s") and dictionary_word(word[:-1]))


def _rare_name(word: str) -> bool:
    """A first name of the broad dictionary that neither census list (first names,
    surnames) holds: after "in" such a word named a place each time on the dev sets
    (regions and villages, 4 documents), never a person."""
    return word not in census_given_names() and word not in surnames()


def _owned(token: Token, ctx: Context) -> bool:
    """'shares in Yukos', 'a stake in Acme': what one holds a part in is a company."""
    before = ctx.body[max(0, token.start - 24) : token.start].split()
    return len(before) >= 2 and before[-2].lower() in _HOLDINGS


def _org_evidence(token: Token, ctx: Context) -> bool:
    """A lone name that is no given name and speaks, or is told something, is a body:
    people are introduced by their full names, and a later surname links to them."""
    if lone_head(token, ctx.body):
        return True
    # "Velmish president", "Tarsilian officials": a people's adjective has them too.
    if _word_after(token.end, ctx) in ORG_FOLLOWERS and not token.text.endswith(_PEOPLES):
        return True
    if not _adjective(token) and (OUTLET_AFTER.match(ctx.body, token.end) or _credited(token, ctx)):
        return True
    if is_given_name(token.text):
        return False
    if token.text in ctx.later_words:
        # It ends a longer name elsewhere ("Amneh Jafari"): a surname, whatever it says.
        return False
    before = ctx.body[max(0, token.start - 14) : token.start].split()
    said = _SAID.match(ctx.body, token.end)
    if said is not None or (bool(before) and before[-1] in _TOLD):
        return True
    return _source_cited(token, ctx) or _owns_a_name(token, ctx)


def _adjective(token: Token) -> bool:
    """'the Velmish news agency', '(X-Velby)': a people's adjective or a party's letter
    and a state describe the outlet or the senator, they are not its name."""
    return gz.demonym(token.text) is not None or token.text[1:2] == "-"


def _credited(token: Token, ctx: Context) -> bool:
    """'BEIJING, July 1 (Acme) --', '... the statement said. (Acme)': a lone word in
    brackets that close a paragraph or open the story credits the outlet that wrote it."""
    opened = token.start > 0 and ctx.body[token.start - 1] == "("
    return opened and _CREDIT_AFTER.match(ctx.body, token.end) is not None


def _source_cited(token: Token, ctx: Context) -> bool:
    """'according to Acme': a lone word cited as a source, no one's given name nor
    the end of a longer name, is a news outlet or a body."""
    return ctx.body.endswith("according to ", 0, token.start)


def _owns_a_name(token: Token, ctx: Context) -> bool:
    """'Acme's Chief Engineer', 'Acme's Ana Ruiz': a lone word whose possessive holds a
    title or a named person is the body they belong to; a person is named in full first.
    An ordinary word owns the name of a programme or an office ("Children's Commissioner"),
    unless it is a noun that heads bodies' names ("Coalition's Deputy Leader"): a party
    or an alliance that goes by its head noun alone."""
    if dictionary_word(token.text) and not org_head(token.text):
        return False
    return _OWNS_NAME.match(ctx.body, token.end) is not None


def _word_after(end: int, ctx: Context) -> str:
    words = ctx.body[end : end + 30].split(maxsplit=1)
    return words[0].strip(",.;:") if words else ""


def joined_before(start: int, ctx: Context) -> bool:
    """'has joined Acme', 'joined the Acme Guard': what one joins is a body. Every match
    holds "join": looked for first, since the search tries every position of the window."""
    if ctx.body.find("join", max(0, start - 16), start) == -1:
        return False
    return JOINED_BEFORE.search(ctx.body, max(0, start - 16), start) is not None


def cue_before(start: int, ctx: Context) -> str:
    """The lower-cased word right before a span: 'organization' in 'organization X'."""
    line = ctx.body[max(0, start - 30) : start].rsplit("\n", 1)[-1].split()
    return line[-1] if line and line[-1].islower() else ""
