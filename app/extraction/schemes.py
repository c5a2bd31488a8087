"""Programmes, projects and initiatives: names of undertakings, not of bodies.

"Lunar Lander Program", "Clean Water Program", "Road and Rail Initiative": on three
sets of annotated news no name headed by one of these words was annotated a body, and
seven were read as one. A programme that acts as a body ("the World Food Programme
said", "Acme Project officials") is still one.
"""

from __future__ import annotations

from itertools import pairwise

from app.extraction.found import Context
from app.extraction.introductions import speech_follows
from app.extraction.name_tokens import Token
from app.extraction.personal import org_follows
from app.extraction.wordsets import words

SCHEME_HEADS = words("Program Programme Programs Programmes Project Projects Initiative")


def scheme_name(tokens: list[Token], ctx: Context) -> bool:
    """A name headed by a programme word that neither speaks nor has officials."""
    # Most runs hold no programme word: tested before the head is looked for.
    if len(tokens) < 2 or all(t.text not in SCHEME_HEADS for t in tokens[1:]):
        return False
    if _head(tokens, ctx) not in SCHEME_HEADS:
        return False
    end = tokens[-1].end
    if speech_follows(end, ctx) or org_follows(end, ctx):
        return False
    return not ctx.body.endswith("according to ", 0, tokens[0].start)


def _head(tokens: list[Token], ctx: Context) -> str:
    """The word before the first connector ("Project for X"), past the words joined by
    "and" ("Road and Rail Initiative"); else the last word."""
    for a, b in pairwise(tokens):
        if ctx.body[a.end : b.start] not in (" ", " and "):
            return a.text
    return tokens[-1].text
