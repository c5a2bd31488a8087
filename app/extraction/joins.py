"""Runs re-joined where a connector, an "and" or a possessive belongs to the name."""

from __future__ import annotations

from app.extraction import gazetteer as gz
from app.extraction.candidates import Run
from app.extraction.found import Context
from app.extraction.name_tokens import Token
from app.extraction.organizations import ORG_OPENERS, has_head, org_head, place_head
from app.extraction.people import (
    HONORIFICS,
    PORTFOLIOS,
    ROLE_NOUNS,
    TITLES,
    is_given_name,
    surnames,
)
from app.extraction.personal import is_title_word
from app.extraction.wordsets import dictionary_word


def rejoin(pieces: list[Run], body: str) -> list[Run]:
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
    if body[before.end : after.start] in (" & ", " and ", ", "):
        # Only names joined on purpose keep an "and" or a comma inside the run.
        return True
    if before.text in TITLES:
        return after.text in PORTFOLIOS
    if (is_title_word(after.text) and after.text not in PORTFOLIOS) or after.text in HONORIFICS:
        return False  # "Cabinet of Prime Minister Taro Aso": a body, then a person
    if org_head(before.text) or before.text in ORG_OPENERS:
        return True
    # Sites take "of" ("Museum of Glass"); "on" after a site is a date or an event.
    return place_head(before.text) and body[before.end : after.start].startswith((" of ", " for "))


def join_possessive_names(runs: list[Run], ctx: Context) -> list[Run]:
    """Re-join "Farmers' People's Union": a possessive inside an organization's name. A
    body's full name before the possessive ("Ministry of Trade's Audit Bureau") owns a
    second body: two names, not one."""
    out: list[Run] = []
    for run in runs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _owner_gap(prev, run, ctx)
            and org_head(run.tokens[-1].text)
            and gz.lookup(ctx.body[prev.start : prev.end]) is None
            and not is_given_name(prev.tokens[0].text)
            and not has_head(prev.tokens, ctx.body)
        ):
            last = prev.tokens[-1]
            mark = run.start - 1 - last.end  # "'s" or a plural's lone apostrophe
            prev.tokens[-1] = Token(
                last.text + ctx.body[last.end : last.end + mark], last.start, last.end + mark
            )
            prev.tokens.extend(run.tokens)
            continue
        out.append(run)
    return out


def _owner_gap(prev: Run, run: Run, ctx: Context) -> bool:
    """An "'s" or a plural common noun's "Teachers'" between two parts of a name; a
    surname's bare apostrophe ("Harkins' Senate bid") owns no body's name."""
    gap = ctx.body[prev.end : run.start]
    if prev.possessive:
        return gap in ("'s ", "’s ")
    word = prev.tokens[-1].text
    if gap not in ("' ", "’ ") or not word.endswith("s") or word in surnames():
        return False
    return dictionary_word(word[:-1].lower())


_OPEN_QUOTE = (' "', " “", ' " ')
_CLOSE_QUOTE = ('" ', "” ", ' " ')


def join_nicknames(runs: list[Run], ctx: Context) -> list[Run]:
    """'Joaquín "El Chapo" Guzmán': a given name, a short quoted nickname and a surname
    are one person's name; apart, the nickname reads as a name of its own."""
    out: list[Run] = []
    i = 0
    while i < len(runs):
        if i + 2 < len(runs) and _nicknamed(runs[i], runs[i + 1], runs[i + 2], ctx):
            first, nick, last = runs[i : i + 3]
            cut = _name_start(first.tokens)
            if cut:  # "Boxer Felix": the words before the name are no part of it
                out.append(Run(first.tokens[:cut], first.sentence_start, first.heading))
            tokens = [*first.tokens[cut:], *nick.tokens, *last.tokens[:2]]
            out.append(Run(tokens, first.sentence_start and not cut, first.heading, nickname=True))
            if len(last.tokens) > 2:
                out.append(Run(last.tokens[2:]))
            i += 3
            continue
        out.append(runs[i])
        i += 1
    return out


def _name_start(tokens: list[Token]) -> int:
    """Where the name starts in its run: after any title, role or ordinary word."""
    start = len(tokens)
    while start > 0 and _name_word(tokens[start - 1].text):
        start -= 1
    return start


def _name_word(word: str) -> bool:
    if is_given_name(word):
        return True
    titled = word in TITLES or word in HONORIFICS or word.lower() in ROLE_NOUNS
    return not titled and not dictionary_word(word)


def _nicknamed(first: Run, nick: Run, last: Run, ctx: Context) -> bool:
    # The marks first: asked of every three runs in a row, and almost no run opens a quote.
    if len(nick.tokens) > 3 or ctx.body[first.end : nick.start] not in _OPEN_QUOTE:
        return False
    closed = ctx.body[nick.end : last.start] in _CLOSE_QUOTE
    return closed and is_given_name(first.tokens[-1].text)
