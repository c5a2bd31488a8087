"""Titles that end a capitalised run after a body's name: 'the Harbour Board Chairman'."""

from __future__ import annotations

from app.extraction.found import Context, spaced
from app.extraction.name_tokens import Token
from app.extraction.organizations import org_head, place_head, portfolio_of_body
from app.extraction.people import POSTNOMINALS, TITLES, surname_title
from app.extraction.wordsets import dictionary_word


def trailing_title(tokens: list[Token], ctx: Context) -> bool:
    if len(tokens) < 2 or not spaced(tokens, ctx):
        return False
    word = tokens[-1].text
    if surname_title([t.text for t in tokens]):
        return False  # "Ann Major": the surname of a given name
    if portfolio_of_body(tokens, ctx.body):
        return False  # "Ministry of Rural Health": the portfolio ends the body's name
    return word in TITLES or word in POSTNOMINALS


def title_modifier(tokens: list[Token], ctx: Context) -> bool:
    """'the Arvel Union High Commissioner', 'the ORV Special Envoy': a plain word before
    a trimmed title qualifies the title, not the body's name before it; left on, it
    hid the body (unread "Arvel Union High") on the three annotated news sets."""
    if len(tokens) < 2 or not spaced(tokens, ctx):
        return False
    word = tokens[-1].text
    return dictionary_word(word) and not (org_head(word) or place_head(word))
