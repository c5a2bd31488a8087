"""Sieve: products and events the article names like bodies.

An acronym or a lone capitalised word reads as a company or body by default; the words
around say when it is a thing instead. A product is what a company owns and what a
product noun follows or stands in apposition to: "<Company>'s X handheld", "its
handheld console, the X". An event is a plural name the words around make a ceremony
or a prize: "the Xs ceremony", "won two Xs", "this year's Xs". Ownership alone proves
nothing (a company owns its units: "<Company>'s X unit"), nor does a product noun alone
(a maker names its products: "the <Company> console"). Such names become ``other``:
linking reports no entity for them.
"""

from __future__ import annotations

import re

from app.extraction.found import Context, Found
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
