"""Speakers that a cue's grammar puts somewhere other than right before it.

- The agent of a passive cue: "X was asked by Y, "…"" — Y speaks, X is spoken to.
- The subject of an absolute clause: "…, with Y calling it "…"" — Y speaks, not the
  subject of the sentence the clause hangs from.
- The agent after the quote a passive cue reports: "X was described as "…" by Y" — Y
  said the words, X is what they judge.
- The possessor of a reporting verb used as a noun: "Y's claim that "…"", "his call for
  "…"" — Y speaks, when no verb cue is in the sentence.
"""

import re

from app.extraction.cues import CUE
from app.extraction.phrases import is_speaker, trim_object, trim_subject

_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$")
_BY = re.compile(r"\s+by\s+(?P<who>[^\"“”;:]{1,120})")
_PASSIVE_CUE = re.compile(rf"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?(?P<cue>{CUE})\b")
# What may link a passive cue to its quote: "described as", "called", "labelled a".
_TO_QUOTE = re.compile(r"\s+(?:as\s+)?(?:(?:a|an|the)\s+)?$")
# Further quotes of the same judgement before the agent: "as "…" and "…" by Y".
_MORE_QUOTES = re.compile(r"(?:\s*(?:,|and|or|,\s*and)\s*[\"“][^\"“”]{1,80}[\"”])*")
# How far before its quote a passive cue may stand ("was described by many as").
PASSIVE_REACH = 60
_WITH_BEFORE = re.compile(r"\bwith\s+(?P<who>[^,;:\"“”]{1,80}?)\s+$")
_POSSESSED_SPEECH = re.compile(
    rf"\b(?P<who>(?:[A-Z][\w.-]*\s+){{0,2}}[A-Z][\w.-]*[’']s?|[Hh]is|[Hh]er|[Tt]heir)\s+"
    rf"(?P<cue>{CUE})\b"
)
# What may stand between the speech noun and the quote: "that …", "to …", "for", a colon.
_SPEECH_LINK = re.compile(
    r"(?:\s+(?:\w+\s+)?(?:that|to|for|of|about|on)\b[^,.;:!?\"“”]{0,60}|:)?\s*[\"“‘']?"
)
_SPEECH_REACH = 150


def passive_agent(body: str, start: int, cue: re.Match[str], end: int) -> tuple[str, int] | None:
    """The words after "by" that follow a passive cue, and where they start."""
    if _PASSIVE_BEFORE.search(body, max(start, cue.start() - 30), cue.start()) is None:
        return None
    by = _BY.match(body, cue.end(), end)
    if by is None:
        return None
    who = trim_object(by["who"])
    return (who, by.start("who")) if who and is_speaker(who) else None


def agent_after_quote(
    body: str, start: int, quote: tuple[int, int], end: int
) -> tuple[str, int, str] | None:
    """The agent of a passive cue whose "by" follows the quote (``quote`` = the marks' outer
    edges, ``start:end`` the sentence): "X was described as "…" by Y" → Y, where Y starts,
    and the cue."""
    open_at, close_at = quote
    found = list(_PASSIVE_CUE.finditer(body, max(start, open_at - PASSIVE_REACH), open_at))
    cue = found[-1] if found else None
    if cue is None or not _TO_QUOTE.fullmatch(body, cue.end(), open_at):
        return None
    more = _MORE_QUOTES.match(body, close_at, end)
    by = _BY.match(body, more.end() if more else close_at, end)
    if by is None:
        return None
    who = trim_object(by["who"])
    return (who, by.start("who"), cue["cue"]) if who and is_speaker(who) else None


def absolute_subject(body: str, start: int, cue: re.Match[str]) -> tuple[str, int] | None:
    """The words between "with" and a participle cue, and where they start."""
    if not cue.group().endswith("ing"):
        return None
    found = _WITH_BEFORE.search(body, max(start, cue.start() - 90), cue.start())
    who = trim_subject(found["who"]) if found else ""  # "with X reportedly yelling": X
    if not who or not is_speaker(who):
        return None
    return who, found.start("who") if found else start


def possessor(body: str, start: int, end: int) -> tuple[str, int, str] | None:
    """The possessor of the last speech noun before ``end``, where it starts, and the noun.
    The quote must be what the speech says ("his call for "…"", "X's claim that "…""),
    not how the sentence's subject judges it ("Y denounced X's remarks as "…"")."""
    found = list(_POSSESSED_SPEECH.finditer(body, max(start, end - _SPEECH_REACH), end))
    if not found or not _SPEECH_LINK.fullmatch(body, found[-1].end(), end):
        return None
    return found[-1]["who"], found[-1].start("who"), found[-1]["cue"]
