"""Unknown words listed with places are places: "Perth, Albany, Wirrabool and
Darwin", "Kirkuk, Varzanda".

Small towns, villages and regions in local spellings are missing from every gazetteer
(on the worldwide set, 15 of the 49 places read as unknown single words stood in such
a list). A list is read by its separators alone: commas and a closing "and"/"or"; a
place, then a comma and an unknown word that ends the clause, is a place and its region.
"""

from __future__ import annotations

import re

from app.extraction.found import Context, Found
from app.extraction.wordsets import ordinary_word

_BETWEEN = re.compile(r",? (?:and|or) |, ")
# The longest gap ``_BETWEEN`` matches (", and "): a longer one is tested without the
# pattern, for every pair of names in order.
_LONGEST_BETWEEN = len(", and ")
_CLAUSE_END = re.compile(r"[,.;:)]|\s*$")


def place_lists(found: list[Found], ctx: Context) -> None:
    """Re-type, in place, the unknown single words that a list puts among places."""
    items = sorted((f for f in found if _member(f)), key=lambda f: f.start)
    for group in listed(items, ctx):
        if not any(_place(f) for f in group):
            continue
        coordinated = len(group) > 2 or _closed(group[-1], ctx)
        # Every member a place or a lone word no pass could read: a name the dictionary
        # also lists ("Enfield") stays unread, but does not end the list.
        if coordinated and all(_place(f) or _lone(f) for f in group):
            for item in group:
                if _unknown(item, ctx):
                    item.kind, item.weak, item.decided_by = "place", False, "place_lists"


def listed(items: list[Found], ctx: Context) -> list[list[Found]]:
    """Runs of spans (``items`` in order) that only list separators part."""
    groups: list[list[Found]] = []
    for item in items:
        prev = groups[-1][-1] if groups else None
        if (
            prev is not None
            and item.start - prev.end <= _LONGEST_BETWEEN
            and _BETWEEN.fullmatch(ctx.body, prev.end, item.start)
        ):
            groups[-1].append(item)
        else:
            groups.append([item])
    return [g for g in groups if len(g) > 1]


def _closed(last: Found, ctx: Context) -> bool:
    """'Kirkuk, Varzanda.': two names, the second closing the clause."""
    return _CLAUSE_END.match(ctx.body, last.end) is not None


def _member(item: Found) -> bool:
    return not item.qualified


def _place(item: Found) -> bool:
    return item.kind in ("place", "country") and not item.demonym and not item.weak


def _lone(item: Found) -> bool:
    return item.kind == "other" and item.weak and " " not in item.text


def _unknown(item: Found, ctx: Context) -> bool:
    """A lone word no list knows: no abbreviation ("EU"), no ordinary word even where
    it is a name too ("Western", "Jumper", "T-shirt"), no word a heading capitalised,
    no surname ending a name elsewhere."""
    if not _lone(item) or item.common or item.initial:
        return False
    word = item.text
    if word.isupper() or ordinary_word(word) or any(p.islower() for p in word.split("-")):
        return False
    return word not in ctx.later_words
