"""Decide what each capitalised run names: country, place, organization, person or nothing.

Each run yields zero or more ``Found`` items. Items marked ``weak`` are kept only
when linking ties them to a confidently found entity (a bare surname, a short form
of an organization's name).
"""

from __future__ import annotations

import re

from app.extraction import gazetteer as gz
from app.extraction.candidates import Run, Token, split_run
from app.extraction.found import Context, Found, common_word, make, spaced, weak
from app.extraction.organizations import (
    ORG_CUES,
    ORG_FOLLOWERS,
    ORG_OPENERS,
    PLACE_OPENERS,
    acronym,
    connector_after,
    has_head,
    head_word,
    not_an_org,
    org_head,
    place_head,
)
from app.extraction.people import (
    HONORIFICS,
    PORTFOLIOS,
    POSTNOMINALS,
    TITLES,
    is_given_name,
    is_surname,
    surname_title,
)
from app.extraction.personal import (
    inner_title,
    is_title_word,
    looks_personal,
    named_person,
    org_follows,
    person,
    person_tail,
    skip_titles,
    title_before,
)
from app.extraction.places import (
    nested,
    place_found,
    place_part,
    place_token,
    plausible_place,
    shouted,
)
from app.extraction.schemas import EntityType
from app.extraction.wordsets import FUNCTION_WORDS, dictionary_word, words

_ADMIN_HEADS = words("Territory Territories Republic State Region Province County District")
_TOLD = frozenset({"told", "tell", "telling"})
_IN_PLACE = frozenset({"in", "near", "outside"})
_LANGUAGE_ENDINGS = ("ish", "ese", "ian", "ic")
_HOLDINGS = words("shares stake stakes interest investment invest invested investing holding")
# Plain reporting verbs only: "continued" or "believes" after a lone word say too little.
_SAID = re.compile(r" (?:said|says|announced|confirmed|denied|reported|stated)\b")


def classify(run: Run, ctx: Context) -> list[Found]:
    if ctx.in_shouted_line(run.start):
        return shouted(run.tokens, ctx)
    pieces = _rejoin(split_run(run, ctx.body), ctx.body)
    if len(pieces) > 1:
        return [f for piece in pieces for f in classify(piece, ctx)]
    cut = person_tail(run.tokens, ctx)
    if cut:
        head = Run(run.tokens[:cut], run.sentence_start, run.heading)
        tail = run.tokens[cut:]
        desc = ctx.body[run.start : tail[0].start].strip()
        return [*classify(head, ctx), person(tail, ctx, desc)]
    while _trailing_title(run.tokens, ctx):
        # "the Trade Office Spokesperson": the body, not the speaker.
        run = Run(run.tokens[:-1], run.sentence_start, run.heading)
    whole = _span(run.tokens, ctx)
    if whole is not None:
        return whole
    found: list[Found] = []
    tokens = list(run.tokens)
    if _opening_adjective(run, ctx):
        tokens.pop(0)  # "Controversial Australian Anthony Hill"
    # Leading countries and demonyms qualify what follows: "French Minister", "Chilean team".
    while len(tokens) > 1 and (lead := place_token(tokens[0], ctx)) is not None:
        found.append(lead)
        tokens.pop(0)
        rest = _span(tokens, ctx)
        if rest is not None:
            return found + rest
    title_end = skip_titles(tokens, ctx.body) or inner_title(tokens, ctx.body)
    if title_end:
        found += _span(tokens[: title_end - 1], ctx) or []
        titled = tokens[title_end:]
        if not titled:
            return found  # "Secretary of State for the Family": a title names no one
        # "General Election": a title before an ordinary word that is no one's name is
        # an adjective before a noun, not a title before a name.
        if all(_ordinary(t, ctx) for t in titled):
            return found
        if not has_head(titled, ctx.body):
            title_desc: str | None = ctx.body[run.tokens[0].start : titled[0].start].strip()
            if all(t.text in HONORIFICS for t in tokens[:title_end]):
                title_desc = None
            return [*found, person(titled, ctx, title_desc)]
        tokens = titled or tokens
    return found + _classify_rest(tokens, run, ctx)


def _ordinary(token: Token, ctx: Context) -> bool:
    word = token.text
    if is_given_name(word) or is_surname(word):
        return False
    return common_word(token, ctx) or dictionary_word(word)


def _trailing_title(tokens: list[Token], ctx: Context) -> bool:
    if len(tokens) < 2 or not spaced(tokens, ctx):
        return False
    word = tokens[-1].text
    if surname_title([t.text for t in tokens]):
        return False  # "John Major": the surname of a given name
    return word in TITLES or word in POSTNOMINALS


def _opening_adjective(run: Run, ctx: Context) -> bool:
    """An ordinary word opening a sentence before a people's name describes what follows."""
    tokens = run.tokens
    if not run.sentence_start or len(tokens) < 3 or is_given_name(tokens[0].text):
        return False
    ordinary = common_word(tokens[0], ctx) or dictionary_word(tokens[0].text)
    return ordinary and place_token(tokens[1], ctx) is not None


def _rejoin(pieces: list[Run], body: str) -> list[Run]:
    """Undo a split where the connector belongs to the name ('University of X')."""
    out: list[Run] = []
    chained = False
    for piece in pieces:
        prev = out[-1] if out else None
        # Once a name has taken one connector it takes the rest:
        # "Institute for Research on Coastal Erosion".
        if prev is not None and (chained or _joins(prev.tokens[-1], piece.tokens[0], body)):
            prev.tokens.extend(piece.tokens)
            chained = True
        else:
            out.append(piece)
            chained = False
    return out


def _joins(before: Token, after: Token, body: str) -> bool:
    if body[before.end : after.start] in (" & ", " and "):
        return True  # only names joined on purpose keep an "and" inside the run
    if before.text in TITLES:
        return after.text in PORTFOLIOS
    if (is_title_word(after.text) and after.text not in PORTFOLIOS) or after.text in HONORIFICS:
        return False  # "Cabinet of Prime Minister Taro Aso": a body, then a person
    if org_head(before.text) or before.text in ORG_OPENERS:
        return True
    # Sites take "of" ("Museum of Glass"); "on" after a site is a date or an event.
    return place_head(before.text) and body[before.end : after.start].startswith((" of ", " for "))


def join_possessive_names(runs: list[Run], ctx: Context) -> list[Run]:
    """Re-join "Farmers' People's Union": a possessive inside an organization's name."""
    out: list[Run] = []
    for run in runs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.possessive
            and ctx.body[prev.end : run.start] in ("'s ", "’s ")
            and org_head(run.tokens[-1].text)
            and gz.lookup(ctx.body[prev.start : prev.end]) is None
            and not is_given_name(prev.tokens[0].text)
        ):
            last = prev.tokens[-1]
            prev.tokens[-1] = Token(
                last.text + ctx.body[last.end : last.end + 2], last.start, last.end + 2
            )
            prev.tokens.extend(run.tokens)
            continue
        out.append(run)
    return out


def _classify_rest(tokens: list[Token], run: Run, ctx: Context) -> list[Found]:
    if not tokens:
        return []
    # A bare title or portfolio ("Minister", "Defence") names no one; a portfolio that
    # also heads party names ("Labour") is left to the evidence around it.
    if all(t.text in TITLES or (t.text in PORTFOLIOS and not org_head(t.text)) for t in tokens):
        return []
    if run.heading and not _span(tokens, ctx):
        if len(tokens) == 1:
            return [weak(tokens, ctx)]
        return [person(tokens, ctx)] if named_person(tokens) else []
    if len(tokens) == 1:
        return [_single(tokens[0], run, ctx)]
    if run.sentence_start and common_word(tokens[0], ctx):
        rest = tokens[1:]
        return _span(rest, ctx) or _classify_rest(rest, Run(rest), ctx)
    if gz.is_region_adjective(ctx.body[tokens[0].start : tokens[-1].end]):
        return []
    if _cue_before(tokens[0].start, ctx) in ORG_CUES:
        return [make(tokens, ctx, "organization")]
    if org_follows(tokens[-1].end, ctx) and not named_person(tokens):
        return [make(tokens, ctx, "organization")]  # "Lib Dem leader", "Sinn Fein MPs"
    if looks_personal(tokens, ctx):
        return [person(tokens, ctx)]
    return [make(tokens, ctx, "other")]


def _span(tokens: list[Token], ctx: Context) -> list[Found] | None:
    """Whole-span readings that need no context: gazetteer names, organizations, sites."""
    if not tokens:
        return None
    text = ctx.body[tokens[0].start : tokens[-1].end]
    place = gz.lookup(text)
    if place is not None and plausible_place(tokens, ctx):
        return [place_found(tokens, ctx, place)]
    if len(tokens) == 1:
        return _single_span(tokens[0], ctx)
    last = head_word(tokens, ctx.body)
    # "Smith & Sons", "Baker & Cole": an ampersand joins the partners of a firm.
    if (
        (" & " in text and not any(place_head(t.text) for t in tokens))
        or has_head(tokens, ctx.body)
        or (place_head(last) and connector_after(tokens, ctx.body) == " for ")
    ):
        return [make(tokens, ctx, "organization")]
    if place_head(last) or (len(tokens) == 2 and tokens[0].text in PLACE_OPENERS):
        prefix = gz.lookup(ctx.body[tokens[0].start : tokens[-2].end])
        if prefix is not None and prefix.kind == "country" and last in _ADMIN_HEADS:
            return [place_found(tokens[:-1], ctx, prefix)]
        # No mention inside a longer name: "Bank of America" names no country.
        site = make(tokens, ctx, "place")
        # A site takes the country of the place it is named after ("Kotor Bay").
        site.code = next((f.code for f in nested(tokens, ctx) if f.code), None)
        return [site]
    return None


def _single_span(token: Token, ctx: Context) -> list[Found] | None:
    # A word in capitals that the article also writes normally is being shouted
    # ("NEVER", a transcript's "SMITH"), not abbreviated.
    plain = token.text.title()
    if acronym(token.text) and not (
        token.text.lower() in ctx.lower_words or plain in FUNCTION_WORDS or ctx.occurs(plain)
    ):
        kind: EntityType = "other" if not_an_org(token.text) else "organization"
        return [make([token], ctx, kind)]
    if " " in token.text and org_head(token.text):
        return [make([token], ctx, "organization")]  # "Channel 4"
    parts = token.text.split("-")
    if len(parts) > 1 and all(gz.demonym(p) or gz.lookup(p) for p in parts):
        return [f for f in (place_part(token, p, ctx) for p in parts) if f]
    people = gz.demonym(token.text)
    if people is not None:
        return [place_found([token], ctx, people, demonym=True)]
    return None


def _single(token: Token, run: Run, ctx: Context) -> Found:
    found = weak([token], ctx)
    if common_word(token, ctx):
        found.common = True
        return found
    if title_before(token.start, ctx):
        # "Mr. Toccafondi": the full stop of the honorific starts no sentence.
        found.kind, found.weak = "person", False
        return found
    # Evidence from the words around holds at a sentence start too ("Microsoft said").
    found.org_hint = _org_evidence(token, ctx)
    if run.sentence_start or run.heading:
        found.initial = True
        return found
    cue = _cue_before(token.start, ctx)
    if cue in ORG_CUES:
        found.kind, found.weak = "organization", False
    elif cue in _IN_PLACE and _unknown_word(token) and not _owned(token, ctx):
        # "a village in Kamonyi": a word no list knows, where things are, is a place.
        found.kind, found.weak = "place", False
    return found


def _unknown_word(token: Token) -> bool:
    word = token.text
    if not word[1:].islower() or is_given_name(word) or dictionary_word(word):
        return False
    # "in English", "in Swahili": languages and peoples, not places.
    if gz.demonym(word) or word.endswith(_LANGUAGE_ENDINGS):
        return False
    return not (word.endswith("s") and dictionary_word(word[:-1]))


def _owned(token: Token, ctx: Context) -> bool:
    """'shares in Yukos', 'a stake in Acme': what one holds a part in is a company."""
    before = ctx.body[max(0, token.start - 24) : token.start].split()
    return len(before) >= 2 and before[-2] in _HOLDINGS


def _org_evidence(token: Token, ctx: Context) -> bool:
    """A lone name that is no given name and speaks, or is told something, is a body:
    people are introduced by their full names, and a later surname links to them."""
    if _word_after(token.end, ctx) in ORG_FOLLOWERS:
        return True
    if is_given_name(token.text):
        return False
    if token.text in ctx.later_words:
        # It ends a longer name elsewhere ("Amneh Jafari"): a surname, whatever it says.
        return False
    before = ctx.body[max(0, token.start - 14) : token.start].split()
    said = _SAID.match(ctx.body, token.end)
    return said is not None or (bool(before) and before[-1] in _TOLD)


def _word_after(end: int, ctx: Context) -> str:
    words = ctx.body[end : end + 30].split(maxsplit=1)
    return words[0].strip(",.;:") if words else ""


def _cue_before(start: int, ctx: Context) -> str:
    """The lower-cased word right before a span: 'organization' in 'organization X'."""
    line = ctx.body[max(0, start - 30) : start].rsplit("\n", 1)[-1].split()
    return line[-1] if line and line[-1].islower() else ""
