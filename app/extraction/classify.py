"""Decide what each capitalised run names: country, place, organization, person or nothing.

Each run yields zero or more ``Found`` items. Items marked ``weak`` are kept only
when linking ties them to a confidently found entity (a bare surname, a short form
of an organization's name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from app.extraction import gazetteer as gz
from app.extraction.candidates import Run, Token, split_run
from app.extraction.organizations import (
    ORG_CUES,
    ORG_OPENERS,
    acronym,
    not_an_org,
    org_head,
    place_head,
)
from app.extraction.people import (
    HONORIFICS,
    PORTFOLIOS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLES,
    is_given_name,
)
from app.extraction.schemas import EntityType
from app.extraction.wordsets import FUNCTION_WORDS, words

_ADMIN_HEADS = words("Territory Territories Republic State Region Province County District")
_SPEECH_AFTER = re.compile(r"[,”\"]? ?(?:\w+ly )?(\w+)")
_APPOSITION = re.compile(r", (?:(?:an?|the) )?([^,.;:“”\"()]{3,80})(?=[,.;])")
_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "to", "near", "of", "outside", "across"})
_SYLLABLE_NAME = re.compile(r"^[A-Z][a-z]{1,5}-[a-z]{1,6}$")
_CLAUSE_BREAK = re.compile(r"[.;:!?“”\"(\n]|, ")


@dataclass(slots=True)
class Found:
    kind: EntityType
    start: int
    end: int
    text: str
    code: str | None = None
    canonical: str | None = None
    description: str | None = None
    weak: bool = False
    demonym: bool = False
    initial: bool = False
    common: bool = False


@dataclass(slots=True)
class Context:
    body: str
    lower_words: frozenset[str]


def classify(run: Run, ctx: Context) -> list[Found]:
    pieces = _rejoin(split_run(run, ctx.body), ctx.body)
    if len(pieces) > 1:
        return [f for piece in pieces for f in classify(piece, ctx)]
    cut = _person_tail(run.tokens, ctx)
    if cut:
        head = Run(run.tokens[:cut], run.sentence_start, run.heading)
        tail = run.tokens[cut:]
        desc = ctx.body[run.start : tail[0].start].strip()
        return [*classify(head, ctx), _person(tail, ctx, desc)]
    while len(run.tokens) > 1 and run.tokens[-1].text in TITLES and _spaced(run.tokens, ctx):
        # "the State Department Spokesperson": the body, not the speaker.
        run = Run(run.tokens[:-1], run.sentence_start, run.heading)
    whole = _span(run.tokens, ctx)
    if whole is not None:
        return whole
    found: list[Found] = []
    tokens = list(run.tokens)
    # Leading countries and demonyms qualify what follows: "US Secretary", "Afghan team".
    while len(tokens) > 1 and (lead := _place_token(tokens[0], ctx)) is not None:
        found.append(lead)
        tokens.pop(0)
        rest = _span(tokens, ctx)
        if rest is not None:
            return found + rest
    title_end = _skip_titles(tokens, ctx.body) or _inner_title(tokens)
    if title_end:
        found += _span(tokens[: title_end - 1], ctx) or []
        titled = tokens[title_end:]
        if titled and not _has_head(titled, ctx.body):
            title_desc: str | None = ctx.body[run.tokens[0].start : titled[0].start].strip()
            if all(t.text in HONORIFICS for t in tokens[:title_end]):
                title_desc = None
            if len(titled) == 1 and title_end == 1 and tokens[0].text in HONORIFICS:
                # "Mr Key" is how the article names him; the honorific stays.
                titled = tokens[:2]
            return [*found, _person(titled, ctx, title_desc)]
        tokens = titled or tokens
    return found + _classify_rest(tokens, run, ctx)


def _person_tail(tokens: list[Token], ctx: Context) -> int:
    """'Refugee Council Enver Solomon', 'NASA Bill Ingalls': a body, then a person's name."""
    for i in range(1, len(tokens) - 1):
        tail, before = tokens[i:], tokens[i - 1].text
        if len(tail) > 3 or not is_given_name(tail[0].text) or _has_head(tail, ctx.body):
            continue
        if not all(_spaced(tokens[: j + 1], ctx) for j in range(i, len(tokens))):
            continue
        if org_head(before) or place_head(before) or acronym(before):
            return i
        if gz.lookup(ctx.body[tokens[0].start : tokens[i - 1].end]) is not None:
            return i
    return 0


def _spaced(tokens: list[Token], ctx: Context) -> bool:
    return ctx.body[tokens[-2].end : tokens[-1].start] == " "


def _rejoin(pieces: list[Run], body: str) -> list[Run]:
    """Undo a split where the connector belongs to the name ('University of X')."""
    out: list[Run] = []
    chained = False
    for piece in pieces:
        prev = out[-1] if out else None
        # Once a name has taken one connector it takes the rest:
        # "Centre for Control of Iodine Deficiency Disorders".
        if prev is not None and (chained or _joins(prev.tokens[-1], piece.tokens[0], body)):
            prev.tokens.extend(piece.tokens)
            chained = True
        else:
            out.append(piece)
            chained = False
    return out


def _joins(before: Token, after: Token, body: str) -> bool:
    if before.text in TITLES:
        return after.text in PORTFOLIOS
    if org_head(before.text) or before.text in ORG_OPENERS:
        return True
    # Sites take "of" ("Museum of Flight"); "on" after a site is a date or an event.
    return place_head(before.text) and body[before.end : after.start].startswith((" of ", " for "))


def _inner_title(tokens: list[Token]) -> int:
    """'NASA Administrator Charles Bolden': a title inside the run, a name after it."""
    for i in range(len(tokens) - 2, 0, -1):
        if tokens[i].text in TITLES and len(tokens) - i - 1 <= 3:
            return i + 1
    return 0


def join_possessive_names(runs: list[Run], ctx: Context) -> list[Run]:
    """Re-join "Korean People's Army": a possessive inside an organization's name."""
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
    if all(t.text in TITLES or t.text in PORTFOLIOS for t in tokens):
        return []
    if run.heading and not _span(tokens, ctx):
        if len(tokens) == 1:
            return [_weak(tokens, ctx)]
        return [_person(tokens, ctx)] if _named_person(tokens) else []
    if len(tokens) == 1:
        return [_single(tokens[0], run, ctx)]
    if run.sentence_start and _common_word(tokens[0], ctx):
        rest = tokens[1:]
        return _span(rest, ctx) or _classify_rest(rest, Run(rest), ctx)
    if gz.is_region_adjective(ctx.body[tokens[0].start : tokens[-1].end]):
        return []
    if _cue_before(tokens[0].start, ctx) in ORG_CUES:
        return [_make(tokens, ctx, "organization")]
    if _looks_personal(tokens, ctx):
        return [_person(tokens, ctx)]
    return [*_nested(tokens, ctx, leading_only=True), _make(tokens, ctx, "other")]


def _span(tokens: list[Token], ctx: Context) -> list[Found] | None:
    """Whole-span readings that need no context: gazetteer names, organizations, sites."""
    if not tokens:
        return None
    text = ctx.body[tokens[0].start : tokens[-1].end]
    place = gz.lookup(text)
    if place is not None and _plausible_place(tokens, ctx):
        inner = [f for f in _nested(tokens, ctx, leading_only=True) if f.kind == "country"]
        return [*inner, _place(tokens, ctx, place)]
    if len(tokens) == 1:
        return _single_span(tokens[0], ctx)
    last = _head_word(tokens, ctx.body)
    if _has_head(tokens, ctx.body) or (
        place_head(last) and _connector_after(tokens, ctx.body) == " for "
    ):
        return [*_nested(tokens, ctx), _make(tokens, ctx, "organization")]
    if place_head(last):
        prefix = gz.lookup(ctx.body[tokens[0].start : tokens[-2].end])
        if prefix is not None and prefix.kind == "country" and last in _ADMIN_HEADS:
            return [_place(tokens[:-1], ctx, prefix)]
        inner = _nested(tokens, ctx)
        site = _make(tokens, ctx, "place")
        # A site takes the country of the place it is named after ("Guantanamo Bay").
        site.code = next((f.code for f in inner if f.code), None)
        return [*inner, site]
    return None


def _single_span(token: Token, ctx: Context) -> list[Found] | None:
    if acronym(token.text):
        kind: EntityType = "other" if not_an_org(token.text) else "organization"
        return [_make([token], ctx, kind)]
    parts = token.text.split("-")
    if len(parts) > 1 and all(gz.demonym(p) or gz.lookup(p) for p in parts):
        return [f for f in (_place_part(token, p, ctx) for p in parts) if f]
    people = gz.demonym(token.text)
    if people is not None:
        return [_place([token], ctx, people, demonym=True)]
    return None


def _head_word(tokens: list[Token], body: str) -> str:
    """The word a name is built on: the last one, or the one before 'of' ('Museum of X')."""
    for a, b in pairwise(tokens):
        if body[a.end : b.start] != " ":
            return a.text
    return tokens[-1].text


def _connector_after(tokens: list[Token], body: str) -> str:
    for a, b in pairwise(tokens):
        if body[a.end : b.start] != " ":
            return body[a.end : b.start]
    return ""


def _has_head(tokens: list[Token], body: str) -> bool:
    if len(tokens) < 2:
        return False
    if org_head(tokens[-1].text):
        return True
    if any(t.text in ORG_OPENERS for t in tokens[:-1]):
        return True
    return bool(_connector_after(tokens, body)) and org_head(_head_word(tokens, body))


def _nested(tokens: list[Token], ctx: Context, leading_only: bool = False) -> list[Found]:
    """Places named inside a longer name are mentions too: 'Toronto Star',
    'University of Sheffield', 'Nizhny Novgorod Stadium'."""
    found: list[Found] = []
    for first in range(1 if leading_only else len(tokens)):
        for cut in range(len(tokens), first, -1):
            if first == 0 and cut == len(tokens):
                continue
            place = gz.lookup(ctx.body[tokens[first].start : tokens[cut - 1].end])
            opener = tokens[first].text in ORG_OPENERS
            if place is not None and not opener and _plausible_place(tokens[first:cut], ctx):
                found.append(_place(tokens[first:cut], ctx, place))
                break
    return found


def _plausible_place(tokens: list[Token], ctx: Context) -> bool:
    """A one-word place that is also a given name or a common word needs a preposition."""
    word = tokens[0].text
    place = gz.lookup(word)
    if len(tokens) > 1 or (place is not None and place.major):
        return True
    if not is_given_name(word) and not _common_word(tokens[0], ctx):
        return True
    before = ctx.body[max(0, tokens[0].start - 8) : tokens[0].start].split()
    return bool(before) and before[-1] in _PLACE_PREPOSITIONS


def _single(token: Token, run: Run, ctx: Context) -> Found:
    found = _weak([token], ctx)
    if _common_word(token, ctx):
        found.common = True
        return found
    if run.sentence_start or run.heading:
        found.initial = True
        return found
    if _cue_before(token.start, ctx) in ORG_CUES:
        found.kind, found.weak = "organization", False
    elif _speech_follows(token.end, ctx) or _title_before(token.start, ctx):
        found.kind = "person"
    return found


def _cue_before(start: int, ctx: Context) -> str:
    """The lower-cased word right before a span: 'organization' in 'organization X'."""
    line = ctx.body[max(0, start - 30) : start].rsplit("\n", 1)[-1].split()
    return line[-1] if line and line[-1].islower() else ""


def _looks_personal(tokens: list[Token], ctx: Context) -> bool:
    if len(tokens) > 4 or any(t.text in FUNCTION_WORDS for t in tokens):
        return False
    if tokens[-1].text in TITLES or tokens[-1].text.lower() in ROLE_NOUNS:
        return False
    if tokens[-1].text.lower() in ctx.lower_words:
        # "Campbell Soup", "Pace Galleries": the last word is an ordinary noun here.
        return False
    if any(gz.demonym(t.text) or _is_country(t.text) for t in tokens[1:]):
        return False
    if _named_person(tokens):
        return True
    start, end = tokens[0].start, tokens[-1].end
    return (
        _speech_follows(end, ctx) or _role_before(start, ctx) or _apposition(end, ctx) is not None
    )


def _named_person(tokens: list[Token]) -> bool:
    """A given name first, or romanised syllables ('Kwok Ka-ki'): a name by its shape."""
    if len(tokens) > 4 or any(t.text in FUNCTION_WORDS or t.text in TITLES for t in tokens):
        return False
    return is_given_name(tokens[0].text) or any(_SYLLABLE_NAME.match(t.text) for t in tokens)


def _is_country(word: str) -> bool:
    place = gz.lookup(word)
    return place is not None and place.kind == "country"


def _is_title(word: str) -> bool:
    return word in TITLES or word in HONORIFICS or word.lower() in ROLE_NOUNS


def _skip_titles(tokens: list[Token], body: str) -> int:
    i = 0
    while i < len(tokens) and _is_title(tokens[i].text):
        i += 1
        # "Secretary of State": the word after a connector belongs to the title.
        while i < len(tokens) and body[tokens[i - 1].end : tokens[i].start] != " ":
            i += 1
    return i


def _person(tokens: list[Token], ctx: Context, description: str | None = None) -> Found:
    if description:
        words = description.split()
        while words and words[0] in FUNCTION_WORDS:
            words = words[1:]
        description = " ".join(words) or None
    found = _make(tokens, ctx, "person")
    found.description = _apposition(found.end, ctx) or description or _role_phrase(found.start, ctx)
    return found


def _role_phrase(start: int, ctx: Context) -> str | None:
    """'Israel's defense minister, Benny Gantz' -> "Israel's defense minister"."""
    before = ctx.body[max(0, start - 100) : start].rstrip().removesuffix(",")
    clause = _CLAUSE_BREAK.split(before)[-1].strip()
    words = clause.split()
    if not words or words[-1].lower() not in ROLE_NOUNS:
        return None
    while words and (words[0].lower() in {"a", "an", "the"} or words[0] in FUNCTION_WORDS):
        words = words[1:]
    return " ".join(words[-8:]) or None


def _role_before(start: int, ctx: Context) -> bool:
    before = ctx.body[max(0, start - 30) : start].rstrip().removesuffix(",").split()
    return bool(before) and before[-1].lower() in ROLE_NOUNS


def _title_before(start: int, ctx: Context) -> bool:
    before = ctx.body[max(0, start - 20) : start].split()
    return bool(before) and (before[-1] in TITLES or before[-1] in HONORIFICS)


def _speech_follows(end: int, ctx: Context) -> bool:
    m = _SPEECH_AFTER.match(ctx.body, end)
    return m is not None and m[1] in SPEECH_VERBS


def _apposition(end: int, ctx: Context) -> str | None:
    m = _APPOSITION.match(ctx.body, end)
    if m is None or not any(w.lower() in ROLE_NOUNS for w in m[1].split()):
        return None
    return m[1].strip()


def _common_word(token: Token, ctx: Context) -> bool:
    """Capitalised here, but written in lower case elsewhere in the same article."""
    word = token.text
    if is_given_name(word) or gz.demonym(word) or "-" in word:
        return word in FUNCTION_WORDS
    return word in FUNCTION_WORDS or word.lower() in ctx.lower_words


def _place_token(token: Token, ctx: Context) -> Found | None:
    place = gz.lookup(token.text)
    if place is not None and place.kind == "country":
        return _place([token], ctx, place)
    people = gz.demonym(token.text)
    return _place([token], ctx, people, demonym=True) if people else None


def _place_part(token: Token, part: str, ctx: Context) -> Found | None:
    offset = token.start + token.text.index(part)
    piece = Token(part, offset, offset + len(part))
    return _place_token(piece, ctx)


def _place(tokens: list[Token], ctx: Context, place: gz.Place, demonym: bool = False) -> Found:
    found = _make(tokens, ctx, place.kind)
    found.code, found.demonym = place.code, demonym
    found.canonical = place.name if place.kind == "country" else None
    return found


def _weak(tokens: list[Token], ctx: Context) -> Found:
    found = _make(tokens, ctx, "other")
    found.weak = True
    return found


def _make(tokens: list[Token], ctx: Context, kind: EntityType) -> Found:
    start, end = tokens[0].start, tokens[-1].end
    return Found(kind, start, end, ctx.body[start:end])
