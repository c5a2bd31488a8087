"""What introduces a person in the words around a name: a title, a role or kin before
it; after it a speech verb, an apposition naming a role, or "who"."""

from __future__ import annotations

import re

from app.extraction.found import Context
from app.extraction.people import (
    HONORIFICS,
    KIN_NOUNS,
    KIN_ROLES,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLES,
    is_given_name,
)

_SPEECH_AFTER = re.compile(r"[,”\"]? ?(?:\w+ly )?(\w+)")
_APPOSITION = re.compile(r", (?:(?:an?|the) )?([^,.;:“”\"()]{3,80})(?=[,.;])")
_NOT_PERSONAL_OPENERS = frozenset({"its", "which", "that", "where", "when", "who", "whose"})
_WHO = re.compile(r" ?, who\b")
# An age right after a name ("Velu Rell, 34,", "Velu (26)"), or before it ("20-year-old
# Velu"). ", 7,500" is a number, not an age.
_AGE_AFTER = re.compile(r" ?, ?\d{1,2} ?,(?!\d)| \(\d{1,2}\)")
# After an article the word past the age is most often a people's word or a club: "the
# 25-year-old Dane" (30 of the 39 capitalised words after "the N-year-old" in the BBC set).
_AGE_BEFORE = re.compile(r"(?<![Tt]he )(?<![Aa] )(?<![Aa]n )\b\d{1,3}-year-old $")
# Where ``_AGE_BEFORE`` can end (its ``$`` also before a last line break): tested first,
# since the search tries every position of the window before nearly every lone name.
_AGE_BEFORE_ENDS = ("-year-old ", "-year-old \n")
_DETERMINED = re.compile(r"(?:^|(?<=\s))(?:[Tt]he|[Aa]n?) $")


def person_evidence(start: int, end: int, ctx: Context) -> bool:
    """A title, a role or an age before the span, or after it an age, a speech verb, an
    apposition naming a role, or "who": what people are introduced with, and works are
    not. A lone given name an article ("the", "a") opens is a noun, whatever follows:
    "the Scot admitted"."""
    if _determined(start, ctx) and is_given_name(ctx.body[start:end]):
        return False
    if speech_follows(end, ctx) or _role_before(start, ctx) or title_before(start, ctx):
        return True
    if aged(start, end, ctx) or kin_before(start, ctx, of=True):
        return True
    return apposition(end, ctx) is not None or _WHO.match(ctx.body, end) is not None


def aged(start: int, end: int, ctx: Context) -> bool:
    """Only people are given an age: 'namely Velu (26), Orvi (23)', '20-year-old Velu'.
    Lone given names so listed were left unread (4 people on worldwide-dev, 2 on
    conllpp-dev)."""
    if _AGE_AFTER.match(ctx.body, end):
        return True
    if not ctx.body.endswith(_AGE_BEFORE_ENDS, 0, start):
        return False
    return _AGE_BEFORE.search(ctx.body, max(0, start - 16), start) is not None


_FAMILY = KIN_NOUNS | KIN_ROLES


def kin_before(start: int, ctx: Context, of: bool = False) -> bool:
    """'his daughter Velu', 'her son, Orvi': a lone name after a kin noun is a person's,
    though no name list knows it (on worldwide-dev one such daughter was read as a body;
    roles say less: "rival Acme", "partner Acme" are bodies)."""
    before = ctx.body[max(0, start - 30) : start].rstrip().removesuffix(",").split()
    if of and len(before) > 1 and before[-1] == "of":
        before.pop()  # "the son of Velu Rell": a full name (a lone word there may be a noun)
    return bool(before) and before[-1] in _FAMILY


def _determined(start: int, ctx: Context) -> bool:
    return _DETERMINED.search(ctx.body[max(0, start - 5) : start]) is not None


def _role_before(start: int, ctx: Context) -> bool:
    before = ctx.body[max(0, start - 30) : start].rstrip().removesuffix(",").split()
    return bool(before) and (before[-1].lower() in ROLE_NOUNS or before[-1] in KIN_NOUNS)


def title_before(start: int, ctx: Context) -> bool:
    before = ctx.body[max(0, start - 20) : start].split()
    return bool(before) and (before[-1] in TITLES or before[-1] in HONORIFICS)


def speech_follows(end: int, ctx: Context) -> bool:
    m = _SPEECH_AFTER.match(ctx.body, end)
    return m is not None and m[1] in SPEECH_VERBS


def apposition(end: int, ctx: Context) -> str | None:
    m = _APPOSITION.match(ctx.body, end)
    if m is None or not any(w.lower() in ROLE_NOUNS for w in m[1].split()):
        return None
    # ", its closest rival," describes a thing; ", which ..." opens a clause.
    if m[1].split()[0].lower() in _NOT_PERSONAL_OPENERS:
        return None
    return m[1].strip()
