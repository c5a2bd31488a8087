"""Grammatical gender of people, for matching "he" and "she" to the person meant.

Evidence, most reliable first: an honorific written before a mention ("Mrs", "Sir"), the
given name (``gender-guesser``'s first-name dictionary, the list ``people.py`` reads), and
a gendered pronoun already tied to the person earlier in the article.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

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


@cache
def _detector() -> object:
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


@cache
def given_name_gender(name: str) -> Gender | None:
    """Male or female when the first-name dictionary is sure or mostly sure."""
    first = name.split()[0].strip(".,") if name.split() else ""
    if len(first) < 2 or not first[0].isupper():
        return None
    found: str = _detector().get_gender(first)  # type: ignore[attr-defined]
    if found in ("male", "mostly_male"):
        return "male"
    if found in ("female", "mostly_female"):
        return "female"
    return None
