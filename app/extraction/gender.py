"""Grammatical gender of people, for matching "he" and "she" to the person meant.

Evidence, most reliable first: an honorific written before a mention ("Mrs", "Sir"), the
given name (``gender-guesser``'s first-name dictionary, the list ``people.py`` reads), and
a gendered pronoun already tied to the person earlier in the article. The dictionary is
read directly (its first column is the gender), which costs a tenth of building
``gender_guesser.Detector``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Literal

from app.extraction.cues import CUE, CUE_FORMS
from app.extraction.people import ROLE_NOUNS

Gender = Literal["male", "female"]

_HONORIFIC = re.compile(
    r"\b(?P<word>Mr|Mrs|Ms|Miss|Sir|Lord|Lady|Dame|Madam|Mme|Mister|King|Queen|Prince|"
    r"Princess|Duke|Duchess|Baroness|Baron|Countess|Count|Congressman|Congresswoman|"
    r"Chairman|Chairwoman|Spokesman|Spokeswoman|Sister|Brother|Father|Mother)\.?\s+$"
)
_FEMALE_HONORIFICS = frozenset(
    "Mrs Ms Miss Lady Dame Madam Mme Queen Princess Duchess Baroness Countess "
    "Congresswoman Chairwoman Spokeswoman Sister Mother".split()
)
PRONOUN_GENDER: dict[str, Gender] = {
    "he": "male",
    "him": "male",
    "his": "male",
    "she": "female",
    "her": "female",
}


def honorific_gender(before: str) -> Gender | None:
    """The gender an honorific right before a name gives: "Mrs " → female."""
    match = _HONORIFIC.search(before)
    if match is None:
        return None
    return "female" if match["word"] in _FEMALE_HONORIFICS else "male"


# The dictionary's first column: "M"/"F" male/female, "1M"/"?M" (and F) mostly so, "?"
# either; "=" lines give equivalent spellings and say nothing of gender.
_CODES: dict[str, Gender] = {
    "M": "male",
    "1M": "male",
    "?M": "male",
    "F": "female",
    "1F": "female",
    "?F": "female",
}


@cache
def _genders() -> dict[str, Gender | None]:
    """Given name (case-folded) → gender; read once, as ``people.given_names`` reads it."""
    import gender_guesser

    path = resources.files(gender_guesser) / "data" / "nam_dict.txt"
    found: dict[str, Gender | None] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line[:1] in "#=" or len(line) < 4:
            continue
        gender = _CODES.get(line[:2].strip())
        for name in line[3:29].strip().split("+"):
            key = name.casefold()
            # A name listed as both male and female is either.
            found[key] = gender if found.get(key, gender) == gender else None
    return found


@cache
def given_name_gender(name: str) -> Gender | None:
    """Male or female when the first-name dictionary is sure or mostly sure."""
    first = name.split()[0].strip(".,") if name.split() else ""
    if len(first) < 2 or not first[0].isupper():
        return None
    return _genders().get(first.casefold())


# "a spokeswoman", "the chairman": a compound in -woman or -man names someone of that
# gender; the shortest prefix first, so "spokeswoman" ends in "woman", not "man".
# Only as the subject of a sentence ("A spokeswoman for the firm added"), never a word of
# a quote or an object ("an honest woman").
_GENDERED_ROLE = re.compile(
    r"(?:(?<=[.!?]\s)|(?<=[.!?][\"”’]\s)|(?<=\n))(?:A|An|The|One|Another)\s+"
    # Names may modify the role: "A Green Party spokesman".
    r"(?:[A-Za-z-]+\s+){0,3}?[a-z]*?(?P<wo>wo)?m[ae]n\b"
)
# The role is the subject of a reporting verb ("A spokesman for the firm criticised …").
_SPEAKS = re.compile(
    rf"(?:\s+(?:for|of|at|from|with|in)\s+[^,.;:\"“”]{{1,50}}?)?\s+(?:also\s+)?(?:{CUE})\b"
)
_NAMES_FOLLOW = re.compile(r",?\s+(?:[A-Z][\w’'-]*\s+)*[A-Z]")
_NAMED_BEFORE = re.compile(r"[A-Z][\w’'-]*,\s+$")


def unnamed_role(body: str, start: int, end: int, gender: Gender, speaking: bool = False) -> bool:
    """A person of ``gender`` is described by a role and never named between ``start`` and
    ``end`` ("A spokeswoman for the firm added"): a later pronoun of that gender means
    them, not anyone named before. A role that introduces a name ("the chairman, Ann
    Lee", "Ann Lee, the chairwoman,") is that person's. ``speaking``: only a role that is
    the subject of a reporting verb counts."""
    for found in _GENDERED_ROLE.finditer(body, start, end):
        if ("female" if found["wo"] else "male") != gender:
            continue
        if speaking and not _SPEAKS.match(body, found.end(), end):
            continue
        if _NAMES_FOLLOW.match(body, found.end(), end):
            continue
        if _NAMED_BEFORE.search(body, max(start, found.start() - 40), found.start()):
            continue
        return True
    return False


# "The first minister said …", "In reply, the party's spokesman added …": a person named
# only by a role speaks at the start of a sentence or after an opening phrase. The words
# after the determiner are read as a list: a regex holding every cue form, tried at every
# position, cost a millisecond a window.
_DETERMINED = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+((?:[\w’'-]+\s+){0,6}[\w’'-]+)")
_OPENS_CLAUSE = re.compile(r"(?:[.!?][\"”’]?\s|\n|,\s)$")
# "As the party leader declared …": a subordinate clause's subject also speaks.
_SUBORDINATOR_BEFORE = re.compile(r"\b(?:[Aa]s|[Ww]hen|[Ww]hile|[Aa]fter|[Bb]efore|[Ii]f)\s$")
_ADVERBS = frozenset("also later then".split())
_MAX_ROLE_WORDS = 5

# Role endings that verbs, adverbs and adjectives do not share ("-er", "-ent" do: "together").
_ROLE_ENDING = re.compile(r"(?:man|woman|person|ist|ian)$")


def unnamed_speakers(
    body: str, start: int, end: int, subordinate: bool = False
) -> Iterator[tuple[str, int]]:
    """The role word of each person who speaks between ``start`` and ``end`` named only by
    that role ("the first minister said"), and where the role phrase starts. A role that
    introduces a name ("the chairman Ann Lee said") has a name, not a role, before its cue.
    ``subordinate``: the subject of a clause opened by "as", "when" … counts too."""
    for found in _DETERMINED.finditer(body, start, end):
        at = found.start()
        if (
            at > start
            and not _OPENS_CLAUSE.search(body, max(0, at - 3), at)
            and not (subordinate and _SUBORDINATOR_BEFORE.search(body, max(0, at - 7), at))
        ):
            continue
        head = _role_before_cue(found[1].split())
        if head is not None:
            yield head, at


def _role_before_cue(words: list[str]) -> str | None:
    """The lower-case role noun right before the first reporting verb ("secretary" in
    "foreign secretary later said"), if the verb comes within a few words."""
    for k in range(1, min(len(words), _MAX_ROLE_WORDS + 2)):
        if words[k] not in CUE_FORMS or words[k].endswith("ing"):
            continue
        h = k - 1 if words[k - 1] not in _ADVERBS or k < 2 else k - 2
        head = words[h]
        if head.isalpha() and head.islower() and (head in ROLE_NOUNS or _ROLE_ENDING.search(head)):
            return head
        return None
    return None
