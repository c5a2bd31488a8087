"""What a company does and how articles list companies: evidence for a lone name.

Companies are often named by words the dictionary also holds (a river's, a fruit's or
a myth's name) or by words no list knows; alone and unintroduced, such a name is read only where the
words around it say it is a firm:
- a firm's deed right after it: "X has launched", "X bought", "X earned $1bn";
- a list after a plural firm noun: "retailers such as X, Y and Z", "firms like X".
"""

from __future__ import annotations

import re

from app.extraction.found import Context, Found
from app.extraction.organizations import ORG_CUES
from app.extraction.parties import plurals
from app.extraction.wordsets import alternation

# Deeds of a company: trading, making and selling. Reporting verbs ("said") are read
# elsewhere; verbs that people do as often ("met", "won", "opened") are left out.
_DEEDS = (
    "launched launches bought buys acquired acquires sold sells earned earns unveiled "
    "unveils released releases hired employs posted invested invests operates owns "
    "shipped ships introduced introduces"
).split()
# No "is" or "was": "X was sold", "X was launched" is what a firm sold or launched.
_AUXILIARIES = r"(?:(?:has|have|had|also|recently|only just|just) )*"
_DEED_AFTER = re.compile(rf" {_AUXILIARIES}(?:{alternation(_DEEDS)})\b")
# "is planning to sell", "plans to buy": a plan to trade, not only to act.
_PLANNED = "launch buy acquire sell release offer introduce unveil open".split()
_PLAN_AFTER = re.compile(
    rf" {_AUXILIARIES}(?:is |was )?(?:plans|planned|planning) to "
    rf"(?:{alternation(_PLANNED)})\b"
)


# "retailers such as", "rival firms like", "companies, including": a plural firm noun
# (the cues that make a lone name a body, plus portals and sites) before a list; not
# "stations", which lists railway stations as often as broadcasters.
_LIST_NOUNS = [
    *(plurals(noun)[0] for noun in ORG_CUES - {"station"}),
    "portals",
    "sites",
    "websites",
    "rivals",
]
_LIST_OPENER = re.compile(
    rf"\b(?:{alternation(_LIST_NOUNS)})"
    r",? (?:such as|like|including) $"
)
# Where ``_LIST_OPENER`` can end (its ``$`` also before a last line break): tested first,
# since the search tries every position of the window, up to eight windows a name.
_OPENER_ENDS = tuple(f"{w} {end}" for w in ("as", "like", "including") for end in ("", "\n"))
# One listed name before another: "X, ", "X and ", "X, and ".
_LISTED = re.compile(r"[a-z]?[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*)*(?:,? and |, )")


def firm_deed_after(item: Found, ctx: Context) -> bool:
    """'X has launched', 'X bought', 'X is planning to sell': a company's deed."""
    return (
        _DEED_AFTER.match(ctx.body, item.end) is not None
        or _PLAN_AFTER.match(ctx.body, item.end) is not None
    )


def listed_as_firms(item: Found, ctx: Context) -> bool:
    """'retailers such as Acme, Globex and X': a name in a list that a plural firm
    noun opens."""
    start = item.start
    for _ in range(8):  # a list of firms is short; its opener is a few names back
        opened = ctx.body.endswith(_OPENER_ENDS, 0, start)
        if opened and _LIST_OPENER.search(ctx.body, max(0, start - 40), start):
            return True
        before = _previous_listed(ctx.body, start)
        if before is None:
            return False
        start = before
    return False


def _previous_listed(body: str, start: int) -> int | None:
    """The start of the listed name right before ``start``, if a list goes on there."""
    window = body[max(0, start - 60) : start]
    for m in _LISTED.finditer(window):
        if m.end() == len(window):
            return start - len(window) + m.start()
    return None
