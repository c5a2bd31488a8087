"""From the words that name a speaker to the entity they mean.

``resolve`` tries named steps in order, most precise first, and reports the one that
decided: ``name`` (the phrase names an entity), ``surname`` ("Mr X" when one person named
earlier has that last name), ``pronoun`` (the nearest earlier person of the pronoun's
gender), ``title_holder`` (a title such as "Secretary of State for X" resolves to the
person introduced with it), ``role_description`` ("the minister": the entity introduced
with that role), ``organization`` ("the company": the body last named) and
``salient_role``. Weak evidence gives no entity: a missing speaker costs less than a wrong
one. The look-ups themselves live on ``speakers.SpeakerIndex``.
"""

import re

from app.extraction.cues import (
    ANONYMOUS_HEADS,
    INDEFINITE,
    POSSESSIVE_PRONOUNS,
    PRONOUNS,
    is_person_role,
)
from app.extraction.described_speakers import organization_kind, party_members, recent_person
from app.extraction.gender import PRONOUN_GENDER
from app.extraction.organizations import ORG_CUES
from app.extraction.people import HONORIFICS, PERSON_ENDING, ROLE_NOUNS, TITLES
from app.extraction.schemas import ExtractedEntity
from app.extraction.speakers import SpeakerIndex
from app.extraction.wordsets import alternation

Resolved = tuple[ExtractedEntity | None, str | None]

# A capitalised title joined to a portfolio: "Secretary of State for X", "Minister for Y".
_TITLE_OF = re.compile(rf"\b(?P<title>{alternation(TITLES)})\s+(?:of|for)\s+[A-Z]")
# "The company said" speaks for the body last named; "the government" or "the party" may
# mean one never named, so those resolve only to a body whose name holds the word.
_ORG_HEADS = frozenset(ORG_CUES) - frozenset(
    "party movement militia network outlet publication website channel station "
    "newspaper magazine broadcaster rival giant".split()
)
# Where the phrase's own words end: an apposition or a relative clause follows.
_CORE_END = re.compile(r",|\(|\s[–—-]\s|\s(?:who|whose|whom|which|that)\s")
_MIN_HEAD = 3
# "Mr Tolen": a title and one capitalised word, a surname to look up among earlier names.
_SURNAME = re.compile(r"(?P<title>[A-Z][\w.]*)\s+(?P<surname>[A-Z][\w’'-]+)")
_SURNAME_TITLES = HONORIFICS | TITLES
_NOT_NAMES = PRONOUNS | frozenset(PRONOUN_GENDER)
_BARE_NAME = re.compile(r"[A-Z][a-z][\w’'-]*(?:\s+[A-Z][a-z][\w’'-]*){0,2}")
# "his family physician": the role ends the first few lower-case words; only a listed
# role or a person's ending counts ("fondness" ends in "-ess" too).
_POSSESSED_REACH = 5
_POSSESSED_ROLES = ROLE_NOUNS | {title.casefold() for title in TITLES}
# "the 31-year-old X": an age describes a person, never a body whose name holds the word.
_AGE = re.compile(r"\b\d+-year-old\b")


def resolve(index: SpeakerIndex, text: str, start: int, quote_at: int) -> Resolved:
    """The entity meant by the speaker phrase ``text`` at ``start``, and the step that
    decided it (None when no step could)."""
    named = index.named_in(start, start + len(text))
    if named is not None:
        return named, "name"
    if _BARE_NAME.fullmatch(text) and text.casefold() not in _NOT_NAMES:
        # "…," Lee said where the entity pass found no mention of "Lee": the one person
        # named earlier with that name, so a pronoun after it sees who spoke.
        found = index.name_holder(text, start)
        if found is not None:
            return found, "name"
    surname = _SURNAME.fullmatch(text.strip())
    if surname is not None and surname["title"] in _SURNAME_TITLES:
        found = index.name_holder(surname["surname"], start)
        return (found, "surname") if found else (None, None)
    plain = text.replace("’", "'")
    words = plain.split()
    if not words:
        return None, None
    first = words[0].casefold()
    if _relative_of_pronoun(first, text):
        return None, None
    if first in PRONOUN_GENDER:
        found = index.salient_person(quote_at, PRONOUN_GENDER[first])
        if found is not None and found.type == "person":
            index.learnt.setdefault(found.name, PRONOUN_GENDER[first])
        return found, "pronoun" if found else None
    title = _TITLE_OF.search(text)
    if title is not None:
        found = index.described(title["title"].casefold(), quote_at)
        return (found, "title_holder") if found else (None, None)
    core = _CORE_END.split(plain, maxsplit=1)[0].split()
    head = _head(core or words)
    if first in PRONOUNS or head in ANONYMOUS_HEADS or INDEFINITE.match(text):
        return None, None
    party = party_members(index, " ".join(core), quote_at)
    if party is not None:
        return party, "party_members"
    if first != "the" or len(head) < _MIN_HEAD or not head.isalpha():
        return None, None
    described = index.described(head, quote_at, start, _AGE.search(text) is not None)
    if described is not None:
        return described, "role_description"
    if len(core) == 2:
        kind = organization_kind(index, head, quote_at)
        if kind is not None:
            return kind, "organization_kind"
    if head in _ORG_HEADS and len(words) == 2:
        found = index.latest_organization(quote_at)
        return found, "organization" if found else None
    # A role no earlier mention was introduced with ("the retired judge said") describes
    # the person who spoke last, if nobody else has been the subject since; the latest
    # person merely named is as often someone else ("Home Secretary X warned …; the prime
    # minister conceded"), and a missing speaker costs less than a wrong one.
    if is_person_role(head):
        found = index.last_speaker(quote_at, head, start)
        if found is not None:
            return found, "salient_role"
        found = recent_person(index, head, (start, start + len(text)), quote_at)
        return found, "recent_person" if found else None
    return None, None


def _relative_of_pronoun(first: str, text: str) -> bool:
    """ "His brother Amal", "her lawyer": a person the pronoun's referent has, not them."""
    if first not in POSSESSIVE_PRONOUNS:
        return False
    head = ""
    for word in text.split()[1:_POSSESSED_REACH]:
        if not word.islower():
            break  # a name follows the role: "his brother Amal"
        head = word.strip(",.;:")
        if word != head:
            break  # an apposition follows: "her lawyer, Ann Lee"
    return head in _POSSESSED_ROLES or PERSON_ENDING.search(head) is not None


_POSTMODIFIER = frozenset("of at with from for who familiar close in on to".split())


def _head(words: list[str]) -> str:
    """The noun a phrase is about: "source" in "a source familiar with the talks".

    A tail starts at a linking word after a lowercase noun; after a capitalised word the
    link is part of a name ("the University of X professor").
    """
    for position in range(1, len(words)):
        if words[position] in _POSTMODIFIER and words[position - 1][:1].islower():
            words = words[:position]
            break
    return words[-1].strip(".,;:").casefold()
