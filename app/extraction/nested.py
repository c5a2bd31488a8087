"""Nested sources: words the article has from someone who reports someone else's.

``cited_source``: ``"…," Ann Lee said, according to the Courier.`` The article did not
hear Ann Lee; it reports what the Courier reported, and the Courier is the source it
names for the words (on polnear-train the reference names the cited report in every
such credit: 16 speakers made right, none lost). A sentence holding a quote that ends
on ``, according to X.`` or ``, reported X.`` cites X the same way (8 more, none lost,
once a quote that ends its own sentence is left out).

``outer_source``: ``Ann Lee said that Bo Tam had called it "…"``: the quote sits in
what the outer cue reports, and the outer speaker is the source (polnear-train: 9 made
right, none lost, once opening clauses and new clauses are left out). Direct speech the
inner cue opens with a colon stays the inner speaker's ("X's book claims that Bo Tam told
her: "…"": Bo Tam's words), though the reference gives one such quote to the outer.
"""

import re

from app.extraction.cues import SUBORDINATORS
from app.extraction.phrases import (
    is_speaker,
    noun_phrase,
    speaker_phrase,
    trim_object,
    trim_subject,
)
from app.extraction.sentences import first_sentence_end
from app.extraction.speaker_words import Attribution
from app.extraction.wordsets import alternation

# ", according to X" after the credit, before its sentence ends; the comma is often left
# out ("said in a statement according to X": polnear-train +1, none lost).
_ACCORDING_AFTER = re.compile(r",?\s+(?P<cue>according\s+to)\s+(?P<who>[^,.;:!?\"“”]{1,120})")
# ", according to X." or ", reported X." closing the sentence of a quote no credit follows.
_CLOSING_REPORT = re.compile(
    r",\s+(?P<cue>according\s+to|per|report(?:s|ed))\s+(?P<who>[^,.;:!?\"“”]{1,120})[.!?]?\s*$"
)

# A name right after the closing mark: the quote is part of it, a nickname.
_NAME_AFTER = re.compile(r" [A-Z]")
# A full stop inside the closing marks ends the quote's sentence there.
_ENDS_INSIDE = re.compile(r"[.!?…][\"'”’]+$")


def cited_source(
    body: str, found: Attribution | None, close_at: int, end: int
) -> Attribution | None:
    """The report the quote's sentence cites: ``, according to X`` after a trailing credit,
    or ``, according to X.`` / ``, reported X.`` closing a sentence the quote sits in
    (``close_at``: where the quote's marks close)."""
    if found is not None and found.trailing:
        if not found.speaker_text:
            return None
        at = found.speaker_start + len(found.speaker_text)
        match = _ACCORDING_AFTER.search(body, at, first_sentence_end(body, at, end))
    else:
        if _ENDS_INSIDE.search(body, max(0, close_at - 4), close_at):
            return None  # "… “on time.” Ann Lee flew on, according to X": a new sentence
        if _NAME_AFTER.match(body, close_at):
            return None  # '"Salty" Ann Lee': a nickname the report does not say
        sentence_end = first_sentence_end(body, close_at, end)
        match = _CLOSING_REPORT.search(body, close_at, sentence_end)
    if match is None:
        return None
    who = trim_object(match["who"])
    if not who or not noun_phrase(who):
        return None
    return Attribution(who, match.start("who"), match["cue"], "cited_source", trailing=True)


# Between an outer cue and the inner one: a new clause of the reporter's ("…, and", "; ",
# "but") gives the inner cue a sentence of its own, no report of the outer speaker's.
_CLAUSE_JOIN = re.compile(
    r"[;:]|,\s+(?:and|but|while|whereas|yet|although|though|to\s+which)\b"
    r"|\s(?:but|while|whereas|although|though)\s"
)
# "When Ann Lee noted that …, Bo Tam said": the outer cue sits in a clause that opens the
# sentence, and the main clause has a subject of its own; "Voters who agree that …" is no
# subject of the sentence either.
_NOT_MAIN = re.compile(
    rf"\b(?:{alternation(SUBORDINATORS | {'as', 'who', 'which', 'whom', 'whose'})})\b",
    re.IGNORECASE,
)
# What the outer cue reports opens with "that", after a few words of time, place or
# audience at most ("said on Monday that", "told the jury that").
_THAT_CLAUSE = re.compile(r"(?:\s+[^,;:\"“”]{0,60}?)?\s+that\s")
# The inner cue introduces the quote after a colon, as a sentence of direct speech.
_DIRECT_SPEECH = re.compile(r"(?:\s+[^,;:\"“”]{0,60}?)?\s*:\s*")
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$")


def outer_source(
    body: str, start: int, cues: list[re.Match[str]], end: int
) -> tuple[str, int, str] | None:
    """ "Ann Lee said that Bo Tam had called it "…"": a cue inside what an earlier cue of
    the sentence reports; the outer cue's subject, the sentence's own, is the source the
    article has the words from (``end``: where the quote opens). Its speaker words, where
    they start, and its cue."""
    if len(cues) < 2:
        return None
    outer, inner = cues[0], cues[-1]
    lead = _outer_subject(body, start, outer)
    if lead is None:
        return None
    that = _THAT_CLAUSE.match(body, outer.end(), inner.start())
    if that is None or _CLAUSE_JOIN.search(body, that.end(), inner.start()):
        return None
    if _DIRECT_SPEECH.fullmatch(body, inner.end(), end):
        return None  # "… that Bo Tam told her: "…"": the inner speaker's own sentence
    return lead, body.index(lead, start), outer.group()


def _outer_subject(body: str, start: int, outer: re.Match[str]) -> str | None:
    """The words before the outer cue when they are the sentence's own subject: a noun
    phrase, not in an opening clause, not passive, not a participle's object."""
    if outer.group().lower().startswith("according"):
        return None
    lead = trim_subject(body[start : outer.start()])
    if not lead or not is_speaker(lead) or speaker_phrase(lead) != lead:
        return None
    if lead.split()[0].endswith("ing"):
        return None  # "Addressing claims that …, Ann Lee said": "claims" is a noun
    if _NOT_MAIN.search(body, start, outer.start()):
        return None
    if _PASSIVE_BEFORE.search(body, start, outer.start()):
        return None  # "Ann Lee was told that …": the subject heard the words
    return lead
