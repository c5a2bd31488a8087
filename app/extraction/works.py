"""Names shaped like people's that name works, events and bands instead.

"Vera Drake" (a film), "Harry Potter" (books), "Davis Cup" (an event), "Duran Duran"
(a band) read as a given name and a surname. What tells them apart is the words around:
a work is "the film X" or "X star Y", an event ends with its kind of event, and a
person, somewhere in the article, is introduced by a title or a role, or speaks.
"""

from __future__ import annotations

import re

from app.extraction.found import Context, Found
from app.extraction.introductions import person_evidence
from app.extraction.organizations import org_head
from app.extraction.people import HONORIFICS, TITLES, is_given_name
from app.extraction.wordsets import alternation, words

# The kind of event or document a name ends with: "Davis Cup", "Monroe Doctrine".
EVENT_HEADS = words(
    "Cup Open Championship Championships Series Trophy Games Prix Award Awards Prize "
    "Festival Olympics Marathon Classic Day Week Tour Expo Summit Doctrine Act Bill "
    "Treaty Accord Medal Challenge Invitational Masters Derby Stakes Rally Week Weekend"
)
# Nouns for works and bands, right before a name: "the film Vera Drake".
WORK_NOUNS = (
    "film movie novel book album song single band group play musical series show opera "
    "documentary sitcom drama comedy thriller biopic franchise sequel"
)
# Nouns a work's or band's name modifies: "Vera Drake star", "Harry Potter books".
WORK_MODIFIED = (
    "film films movie movies book books novel novels album albums star stars author "
    "creator franchise frontman singer guitarist drummer sequel soundtrack cast series"
)
# What one plays a part in is a work, never a person: "her role in Vera Drake".
_PART_IN = "role roles performance performances starring starred appeared appearance cameo"
_WORK_BEFORE = re.compile(
    rf"\b(?:(?:{alternation(WORK_NOUNS.split())}),?|(?:{alternation(_PART_IN.split())}) in) "
    r"(?:[“\"‘']\s?)?$"
)
# What the words before a match end with, once the marks and spaces after it are gone:
# tested first, since the search tries every position of the window (1.5% of extraction).
_WORK_BEFORE_ENDS = (*WORK_NOUNS.split(), " in")
_WORK_AFTER = re.compile(rf" (?:{alternation(WORK_MODIFIED.split())})\b")
# A band, not a person: "rock band X", "X frontman Y", "X have won", "X, who were".
_BAND_NOUNS = ("band", "bands", "group", "duo", "trio")
_BAND_BEFORE = re.compile(rf"\b(?:{'|'.join(_BAND_NOUNS)})[,:]? $")
_BAND_AFTER = re.compile(
    r"(?:['’]s)? (?:frontman|frontwoman|singer|guitarist|drummer|bassist|keyboardist)\b"
)
# A group's prize is no person's: "X won best British group", "X picked up best band".
_GROUP_PRIZE = re.compile(
    r"(?:,? who)?(?: also| recently)? (?:won|wins|picked up|took|scooped|collected) "
    r"[^.!?]{0,40}?\bbest (?:[A-Za-z-]+ ){0,2}(?:band|group)\b"
)
# A person's name takes a singular verb; but "Ana Ruiz and Prime Minister X were" ends a
# list with it (on three sets of annotated news that turned six people into bodies), so
# a plural verb counts only where no "and" came before in the sentence.
_PLURAL_AFTER = re.compile(r"(?:,? who)? (?:have|were|are)\b")
_SENTENCE_BREAK = re.compile(r"[.!?\n]")
# "Harry Potter and the Prisoner of Azkaban": a title that goes on after "and the".
_AND_THE = re.compile(r" and the ((?:[A-Z][\w'’]*(?: of(?: the)?)? ?)+)")


def unpeople(found: list[Found], ctx: Context) -> None:
    """Mark, in place, what each person-like span's context says: events and repeated
    words are never people; work and person context are weighed by linking."""
    readable: list[tuple[Found, list[str]]] = []  # each span with its words, split once
    for item in found:
        if item.kind not in ("person", "other"):
            continue
        names = item.text.split()
        if item.kind == "person" and (names[-1] in EVENT_HEADS or _repeated(names)):
            item.kind, item.decided_by = "other", "works"
            continue
        if item.kind == "person" and len(names) > 1 and _band_context(item, ctx):
            item.kind, item.decided_by = "organization", "works"
            continue
        item.work_hint = _work_context(item, ctx)
        readable.append((item, names))
    # Person context is weighed only against a work's context, or for a lone given name
    # (linking's two uses): reading it for every span cost 5% of extraction time.
    worded = {w for i, names in readable if i.work_hint for w in names}
    for item, names in readable:
        lone = len(names) == 1 and is_given_name(names[0])
        if lone or not worded.isdisjoint(names):
            item.person_hint = person_evidence(item.start, item.end, ctx)


def _band_context(item: Found, ctx: Context) -> bool:
    """'rock band X', 'X frontman', 'X have won', 'X won best group': the words around
    make a group of people of a person-shaped name."""
    before = ctx.body[max(0, item.start - 12) : item.start]
    if before.rstrip(",: ").endswith(_BAND_NOUNS) and _BAND_BEFORE.search(before):
        return True
    if _BAND_AFTER.match(ctx.body, item.end) or _GROUP_PRIZE.match(ctx.body, item.end):
        return True
    if not _PLURAL_AFTER.match(ctx.body, item.end):
        return False
    sentence = _SENTENCE_BREAK.split(ctx.body[max(0, item.start - 200) : item.start])[-1]
    return " and " not in sentence and "&" not in sentence


def _repeated(names: list[str]) -> bool:
    """'Duran Duran', 'Wagga Wagga': a word said twice is a band's or a town's name."""
    return len(names) == 2 and names[0] == names[1]


def _work_context(item: Found, ctx: Context) -> bool:
    before = ctx.body[max(0, item.start - 24) : item.start]
    ends = before.rstrip().rstrip("“\"‘'").rstrip().rstrip(",").endswith(_WORK_BEFORE_ENDS)
    if (ends and _WORK_BEFORE.search(before)) or _WORK_AFTER.match(ctx.body, item.end):
        return True
    title = _AND_THE.match(ctx.body, item.end)
    return title is not None and _title_goes_on(title[1].split())


def _title_goes_on(words: list[str]) -> bool:
    """ "and the Prisoner of Azkaban" goes on with a title; "and the Tories", "and the
    Conservative Party", "and the Chancellor" name the group or body beside a person."""
    named = [w for w in words if w[:1].isupper()]
    if named[0].endswith("s") or named[-1].endswith("s"):
        return False
    return not any(org_head(w) or w in TITLES or w in HONORIFICS for w in named)
