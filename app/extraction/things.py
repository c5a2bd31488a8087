"""Sieve: products and events the article names like bodies.

An acronym or a lone capitalised word reads as a company or body by default; the words
around say when it is a thing instead. A product is what a company owns and what a
product noun follows or stands in apposition to: "<Company>'s X handheld", "its
handheld console, the X". An event is a plural name the words around make a ceremony
or a prize: "the Xs ceremony", "won two Xs", "this year's Xs"; a prize in the singular
too ("the X ceremony", "won an X", "X nominee" of no party); a contest is a league the
words around play in ("qualify for the X League"). Ownership alone proves
nothing (a company owns its units: "<Company>'s X unit"), nor does a product noun alone
(a maker names its products: "the <Company> console"). Such names become ``other``:
linking reports no entity for them.
"""

from __future__ import annotations

import re

from app.extraction.found import Context, Found
from app.extraction.organizations import org_head
from app.extraction.parties import ADJECTIVE_ENDINGS, MEMBER_NOUNS, member_form
from app.extraction.wordsets import FUNCTION_WORDS, alternation

# Nouns for made things that follow a product's name or that it stands in apposition to.
_PRODUCT_NOUNS = (
    "console consoles handheld handhelds handset handsets gadget gadgets device devices "
    "laptop laptops smartphone smartphones chip chips processor processors browser "
    "browsers software"
).split()
_NOUN = alternation(_PRODUCT_NOUNS)
_NOUN_AFTER = re.compile(rf" (?:games |portable |handheld )?(?:{_NOUN})\b")
_IN_APPOSITION = re.compile(rf"\b(?:{_NOUN}), the $")
# Where ``_IN_APPOSITION`` can end (its ``$`` also before a last line break): tested
# first, since the search tries every position of the window before every body's name.
_APPOSITION_ENDS = (", the ", ", the \n")
# "<Company>'s X", "<Company>'s new X": one lower-case word may stand between.
_OWNED = re.compile(r"['’]s (?:[a-z]+ )?$")
_REACH = 40  # characters before a name read for apposition or ownership
# Nouns for what a ceremony or a prize has, right after its plural name.
_EVENT_AFTER = re.compile(
    r" (?:ceremony|ceremonies|nominations|nominee|nominees|shortlist|statuette|statuettes|"
    r"red carpet)\b"
)
# A body is no yearly thing: "this year's Xs", "last year's Xs".
_YEARLY = re.compile(r"\b(?:this|last|next) year['’]s $")
_NUMBERS = "an|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|[0-9]+"
# Won or nominated for, with a count or none: "won two Xs", "nominated for three Xs".
_WORD_AFTER = re.compile(r" ([a-z]+)\b")
_PRIZE_BEFORE = re.compile(
    rf"\b(?:win|wins|won|winning|scooped|collected|nominated for)(?: (?:{_NUMBERS}))? $"
)


def things(found: list[Found], ctx: Context) -> None:
    """Re-type, in place, as ``other`` every use of a name that some use in the article
    marks as a product or an event."""
    readable = [f for f in found if _readable(f)]
    owned = {f.text for f in readable if _owned(f, found, ctx)}
    marked = {
        f.text
        for f in readable
        if (
            ctx.body.endswith(_APPOSITION_ENDS, 0, f.start)
            and _IN_APPOSITION.search(_before(f, ctx))
        )
        or (f.text in owned and _NOUN_AFTER.match(ctx.body, f.end))
        or (_plural(f.text) and _event(f, ctx))
        or _prize(f, ctx)
        or _award_nominee(f, found, ctx)
        or _competition(f, ctx)
    }
    for item in found:
        if item.text in marked and _readable(item):
            item.kind, item.weak, item.code, item.decided_by = "other", False, None, "things"


def _readable(item: Found) -> bool:
    """A body's reading, or a name no pass read yet (linking may make it a body)."""
    return item.kind == "organization" or (item.weak and item.kind == "other")


def _before(item: Found, ctx: Context) -> str:
    return ctx.body[max(0, item.start - _REACH) : item.start]


def _owned(item: Found, found: list[Found], ctx: Context) -> bool:
    """'<Company>'s X': a name's possessive right before the name."""
    owned = _OWNED.search(_before(item, ctx))
    if owned is None:
        return False
    at = item.start - len(owned.group())
    return any(f.end == at and f.kind in _OWNERS and f is not item for f in found)


# Who owns a product: a company, or a name no pass read yet (linking may make it one); a
# person's product is one too. "<Country>'s X" is a company of that country.
_OWNERS = ("organization", "person", "other")


def _plural(text: str) -> bool:
    last = text.split()[-1]
    return len(last) > 3 and last.endswith("s") and not last.endswith("ss") and not last.isupper()


def _event(item: Found, ctx: Context) -> bool:
    if _EVENT_AFTER.match(ctx.body, item.end) or _YEARLY.search(_before(item, ctx)):
        return True
    # "won three Xs for", but not "win Xs appeal": a noun after makes the name its modifier.
    after = _WORD_AFTER.match(ctx.body, item.end)
    if after is not None and after.group(1).title() not in FUNCTION_WORDS:
        return False
    return _PRIZE_BEFORE.search(_before(item, ctx)) is not None


# What only a ceremony or a prize has, after its name in the singular too ("the X
# ceremony"); a nominee is a party's too, see ``_award_nominee``.
_PRIZE_AFTER = re.compile(r" (?:ceremony|ceremonies|statuette|statuettes)\b")
# One is won with an indefinite article, which no body takes: "she won an X".
_PRIZE_WON = re.compile(r"\b(?:win|wins|won|winning|scooped|collected) an? $")


def _prize(item: Found, ctx: Context) -> bool:
    if _PRIZE_AFTER.match(ctx.body, item.end):
        return True
    after = _WORD_AFTER.match(ctx.body, item.end)
    noun_after = after is not None and after.group(1).title() not in FUNCTION_WORDS
    return not noun_after and _PRIZE_WON.search(_before(item, ctx)) is not None


# Last words contests and bodies share ("the X League" is played in, or an alliance): a
# contest only where the words around play it.
_PLAYED_HEADS = frozenset({"League", "Premiership"})
_PLAYED_BEFORE = re.compile(
    r"\b(?:qualify|qualified|qualifying|qualification|play|plays|played|playing|compete|"
    r"competing|win|wins|won|winning|knocked out of|out of) (?:for |in |of )?the $"
)
_PLAYED_AFTER = re.compile(
    r" (?:football|rugby|match|matches|game|games|fixture|fixtures|final|finals|semi-final|"
    r"quarter-final|tie|ties|title|clash|win|defeat|draw|debut|qualification|place|spot|"
    r"holders|champions|representatives|knockout|group stage)\b"
)


def _competition(item: Found, ctx: Context) -> bool:
    """A contest named as one: "qualify for the X League", "X League football"."""
    return item.text.split()[-1] in _PLAYED_HEADS and bool(
        _PLAYED_BEFORE.search(_before(item, ctx)) or _PLAYED_AFTER.match(ctx.body, item.end)
    )


_NOMINEE = re.compile(r" nominees?\b")
# What a party's name shows that a prize's never does: other member nouns after it
# ("X candidate", "X senator"), or an adjective's ending ("Republican", "Democratic").
_MEMBER_AFTER = re.compile(rf" (?:{alternation(sorted(MEMBER_NOUNS - {'nominee'}))})\b")


def _award_nominee(item: Found, found: list[Found], ctx: Context) -> bool:
    """'X nominee' of a one-word name no party's: not initials ("GOP"), no body's head
    ("Court"), no adjective, never before another member noun, no member form of
    another name the article uses ("Tory" of "Tories")."""
    text = item.text
    if " " in text or text.isupper() or org_head(text) or text.endswith(ADJECTIVE_ENDINGS):
        return False
    if not _NOMINEE.match(ctx.body, item.end) or _member_after(text, ctx):
        return False
    return not any(member_form(text, f.text) for f in found if f.text != text)


def _member_after(text: str, ctx: Context) -> bool:
    pos = ctx.body.find(text)
    while pos != -1:
        if _MEMBER_AFTER.match(ctx.body, pos + len(text)):
            return True
        pos = ctx.body.find(text, pos + len(text))
    return False
