"""Whole-span readings that need no context: gazetteer names, organizations, sites."""

from __future__ import annotations

import re
from functools import cache

from app.extraction import gazetteer as gz
from app.extraction.found import Context, Found, make
from app.extraction.name_tokens import Token
from app.extraction.organizations import (
    PLACE_OPENERS,
    acronym,
    connector_after,
    has_head,
    head_word,
    legal_tail,
    not_an_org,
    org_head,
    place_head,
)
from app.extraction.places import nested, place_found, place_part, plausible_place
from app.extraction.schemas import EntityType
from app.extraction.wordsets import FUNCTION_WORDS, words

# A currency's letters before its sign or an amount: "ZK$500", "QX 1.2 billion".
_MONEY_AFTER = re.compile(r"\$|\s?\d[\d,]*(?:\.\d+)?\s(?:million|billion|trillion|bn|mn)\b")
_CARDINAL = words("North South East West")
# What a reserve of land is kept for: "Wildlife Reserve", "Forest Reserve".
_NATURE = words("Forest Wildlife Biosphere Nature Natural Game Marine Biological Ecological Bird")
_KEPT_LAND = words("Reserve Refuge Sanctuary")
_ADMIN_HEADS = words("Territory Territories Republic State Region Province County District")
_DOTTED = re.compile(r"(?:[A-Z]\.){2,4}")


def span_reading(tokens: list[Token], ctx: Context) -> list[Found] | None:
    """The one reading the words give by themselves, or None."""
    if not tokens:
        return None
    text = ctx.body[tokens[0].start : tokens[-1].end]
    place = gz.lookup(text)
    if place is not None and plausible_place(tokens, ctx):
        return [place_found(tokens, ctx, place)]
    if len(tokens) == 1:
        return _single_span(tokens[0], ctx)
    cut = legal_tail(tokens, ctx.body)
    if cut:
        # "Acme Corp of Ohio": the company, then where it is registered.
        return [make(tokens[:cut], ctx, "organization"), *(span_reading(tokens[cut:], ctx) or [])]
    last = head_word(tokens, ctx.body)
    if _river_bank(tokens):
        # "Acmean North Bank": the leading people are read by the passes after this one.
        sides = all(t.text in _CARDINAL for t in tokens[:-1])
        return [make(tokens, ctx, "place")] if sides else None
    if _nature_reserve(tokens):
        return [make(tokens, ctx, "place")]
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
        # No mention inside a longer name: "Bank of Ruritania" names no country.
        site = make(tokens, ctx, "place")
        # A site takes the country of the place it is named after ("Kotor Bay").
        site.code = next((f.code for f in nested(tokens, ctx) if f.code), None)
        return [site]
    return None


def _river_bank(tokens: list[Token]) -> bool:
    """'North Bank', 'East Bank': a bank that a cardinal point places is land by a river,
    not a lender ("Acme Bank", "Northern Bank" are lenders)."""
    return len(tokens) > 1 and tokens[-1].text == "Bank" and tokens[-2].text in _CARDINAL


def _nature_reserve(tokens: list[Token]) -> bool:
    """'Dunmore Wildlife Reserve', 'Lake Vellar Biosphere Reserve', 'Tarro Wildlife
    Refuge', 'Kesso Bird Sanctuary': land kept for nature, not a reserve bank ("the Acme
    Reserve")."""
    return len(tokens) > 1 and tokens[-1].text in _KEPT_LAND and tokens[-2].text in _NATURE


def _single_span(token: Token, ctx: Context) -> list[Found] | None:
    if dotted_initials(token, ctx):
        return [make([token], ctx, "organization")]
    # A word in capitals that the article also writes normally is being shouted
    # ("NEVER", a transcript's "SMITH"), not abbreviated.
    plain = token.text.title()
    if acronym(token.text) and not (
        token.text.lower() in ctx.lower_words or plain in FUNCTION_WORDS or ctx.occurs(plain)
    ):
        money = not_an_org(token.text) or _MONEY_AFTER.match(ctx.body, token.end) is not None
        kind: EntityType = "other" if money else "organization"
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


def dotted_initials(token: Token, ctx: Context) -> bool:
    """'R.T.A.': capitals each with its full stop abbreviate a name; one no gazetteer
    knows, and no country's or US state's code ("N.H.", "A.D."), a body's (on conllpp-dev
    3 such lone words left unread were bodies). Read with the span alone, since the full
    stops, not a sentence's start or a title after them, make the capitals: "U.N.
    officials said", "U.N. Ambassador Ann Reed" (title case leaves them as they are, so
    the test for a shouted word cannot tell). In brackets they may spell out a person's
    given names ("Ann Beth Cole (A.B.) Smith"), so they are left alone there."""
    word = token.text
    # Only a word ending in a full stop can match: tested first, for every lone word.
    if not word.endswith(".") or _DOTTED.fullmatch(word) is None or gz.lookup(word) is not None:
        return False
    if ctx.body[max(0, token.start - 2) : token.start].strip() == "(":
        return False
    if ctx.body[token.end : token.end + 2].strip().startswith(":"):
        return False  # "R.T. : Acme Corp": the label of a form's field, then its value
    return word.replace(".", "") not in _place_codes()


@cache
def _place_codes() -> frozenset[str]:
    import pycountry

    states = {s.code.split("-")[1] for s in pycountry.subdivisions if s.country_code == "US"}
    return frozenset(states | {c.alpha_2 for c in pycountry.countries})
