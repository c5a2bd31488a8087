"""Speakers that a cue's grammar puts somewhere other than right before it.

- The agent of a passive cue: "X was asked by Y, "…"" — Y speaks, X is spoken to.
- The subject of an absolute clause: "…, with Y calling it "…"" — Y speaks, not the
  subject of the sentence the clause hangs from.
"""

import re

from app.extraction.phrases import is_speaker, trim_object, trim_subject

_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$")
_BY = re.compile(r"\s+by\s+(?P<who>[^\"“”;:]{1,120})")
_WITH_BEFORE = re.compile(r"\bwith\s+(?P<who>[^,;:\"“”]{1,80}?)\s+$")


def passive_agent(body: str, start: int, cue: re.Match[str], end: int) -> tuple[str, int] | None:
    """The words after "by" that follow a passive cue, and where they start."""
    if _PASSIVE_BEFORE.search(body, max(start, cue.start() - 30), cue.start()) is None:
        return None
    by = _BY.match(body, cue.end(), end)
    if by is None:
        return None
    who = trim_object(by["who"])
    return (who, by.start("who")) if who and is_speaker(who) else None


def absolute_subject(body: str, start: int, cue: re.Match[str]) -> tuple[str, int] | None:
    """The words between "with" and a participle cue, and where they start."""
    if not cue.group().endswith("ing"):
        return None
    found = _WITH_BEFORE.search(body, max(start, cue.start() - 90), cue.start())
    who = trim_subject(found["who"]) if found else ""  # "with X reportedly yelling": X
    if not who or not is_speaker(who):
        return None
    return who, found.start("who") if found else start
