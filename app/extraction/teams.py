"""Sieve: clubs and companies named after their towns ("Portsmouth beat Leeds 2-0").

Sports pages name clubs by their town or county, so a place reading gives way to
an organization when the words around the name are those of a match: a score right
after it, a verb of beating before or after it, or a squad role after it. One name
keeps one reading in an article, so the club's other mentions follow.
"""

from __future__ import annotations

import re

from app.extraction.found import Context, Found
from app.extraction.gazetteer import lookup
from app.extraction.organizations import ORG_FOLLOWERS
from app.extraction.wordsets import dictionary_word, words

# A score after the name: "Wigan 42 Bradford 36", "Surrey 429-7 ,", "Kent 4 2 1".
# A capital after the score only when the line goes on with another score, so a
# version or a number inside a name ("Explorer 9 Countdown") is no result.
_SCORE_AFTER = re.compile(
    r" \d{1,3}(?:-\d{1,3})?(?![\w-])"
    r"(?=[ ,;.)]*(?:$|\n|\d|\(|and |for |v |[A-Z][^\n]*? \d{1,3}(?:-\d{1,3})?(?![\w-])))"
)
# Verbs of a result, written right after the winner or right before the loser.
_RESULT_VERBS = words(
    "beat beats defeated defeat thrashed routed edged hammered trounced overcame drew draw"
)
_VERSUS = words("v vs vs. versus")
# Squad roles after the name: "Portsmouth manager", "Leeds striker".
_SQUAD_ROLES = words(
    "manager boss striker midfielder defender goalkeeper keeper winger forward coach "
    "skipper captain fans supporters squad players player chairman bowler batsman"
)
_WORD = re.compile(r"\w+(?:\.(?=\w))?")  # "vs." keeps its dot, "manager." does not
_REPORTS = words("said says announced confirmed denied reported")


def teams(found: list[Found], ctx: Context) -> None:
    """Re-type, in place, every place or unread name that the article uses as a club."""
    # A word of a person's name is that person ("Federer beat Hewitt 6-3").
    people = {w for f in found if f.kind == "person" for w in f.text.split()}
    clubs = {
        f.text for f in found if _candidate(f) and f.text not in people and _match_context(f, ctx)
    }
    for item in found:
        if item.text in clubs and _candidate(item):
            item.kind, item.code, item.weak, item.common = "organization", None, False, False
            item.decided_by = "teams"


def _candidate(item: Found) -> bool:
    if item.demonym or item.qualified:
        return False
    if item.kind == "place":
        return True
    # "Total 23", "Extras 12": table labels are ordinary words, clubs are names.
    return item.kind == "other" and not dictionary_word(item.text)


def _acts_as_body(item: Found, ctx: Context) -> bool:
    """'Toyota said', 'Toyota shares': a town too small to speak for its country is a
    company or body named after it when it reports or is owned."""
    place = lookup(item.text) if item.kind == "place" and " " not in item.text else None
    if place is None or place.major:
        return False
    after = (
        _WORD.match(ctx.body, item.end + 1) if ctx.body[item.end : item.end + 1] == " " else None
    )
    return after is not None and (after[0] in _REPORTS or after[0] in ORG_FOLLOWERS)


def _match_context(item: Found, ctx: Context) -> bool:
    body = ctx.body
    if _acts_as_body(item, ctx):
        return True
    if (item.kind == "place" or " " not in item.text) and _SCORE_AFTER.match(body, item.end):
        return True
    after = _WORD.match(body, item.end + 1) if body[item.end : item.end + 1] == " " else None
    before = body[max(0, item.start - 12) : item.start].split()
    if after is not None and (
        after[0] in _RESULT_VERBS or after[0] in _SQUAD_ROLES or after[0] in _VERSUS
    ):
        return True
    return bool(before) and (before[-1] in _RESULT_VERBS or before[-1] in _VERSUS)
