"""Speakers named by what they are, not what they are called; three sieve steps that
``resolution.resolve`` tries after the name, role and title look-ups find nobody.

``organization_kind``: "the club, which …, said" is the one body named earlier as a club
("football club X", "X Club"); two such bodies give nobody. ``party_members``: "the
Tories" is the party the article names by that member form ("Tory", "Tory Party").
``recent_person``: "…," said the veteran striker: the one person the narration right
before the quote is about. A wrong speaker costs more than a missing one, so each step
names someone only when exactly one entity fits.
"""

import re
from collections.abc import Iterable

from app.extraction.gender import unnamed_speakers
from app.extraction.mentions import Mention, word_pattern
from app.extraction.organizations import ORG_CUES
from app.extraction.parties import member_form, plurals
from app.extraction.schemas import ExtractedEntity
from app.extraction.sentences import last_sentence_start
from app.extraction.speakers import SpeakerIndex
from app.extraction.wordsets import words

# Bodies of state speak as "the ministry said" as often as firms as "the company said".
ORG_KINDS = ORG_CUES | words("ministry department council government authority court")
# "The Tories", "Tories": one capitalised plural, the whole subject.
_PLURAL_MEMBERS = re.compile(r"(?:[Tt]he\s+)?(?P<form>[A-Z][a-z]+s)")
_QUOTE_MARKS = re.compile(r"[\"“”]")
_PARAGRAPH_BREAK = "\n"
_SENTENCE_REACH = 300
_AGENT_BEFORE = re.compile(r"\bby\s+$")
# "the actress", "the spokeswoman": a role that says its holder's gender.
_FEMALE_ROLE = re.compile(r"(?:woman|ess)$")
_MALE_ROLE = re.compile(r"(?<!wo)man$")


def organization_kind(index: SpeakerIndex, head: str, before: int) -> ExtractedEntity | None:
    """The one organization named before ``before`` whose name holds the kind word or
    that the kind word introduced ("German football club X", "X, the club")."""
    if head not in ORG_KINDS:
        return None
    pattern = word_pattern(head)
    return _the_one(
        m
        for m in index.within(0, before)
        if m.entity.type == "organization"
        and (pattern.search(m.entity.name) is not None or m.introduced_as(head))
    )


def party_members(index: SpeakerIndex, text: str, before: int) -> ExtractedEntity | None:
    """ "The Tories said": the one organization named earlier whose name is the singular
    of that plural ("Tory"), the plural itself, or a name its members go by ("Tory Party")."""
    found = _PLURAL_MEMBERS.fullmatch(text.strip())
    if found is None:
        return None
    form = found["form"]
    return _the_one(
        m
        for m in index.within(0, before)
        if m.entity.type == "organization" and _goes_by(m.entity, form)
    )


def _the_one(mentions: Iterable[Mention]) -> ExtractedEntity | None:
    """The entity of these mentions when they all name one; two entities give nobody."""
    fits = {id(m.entity): m.entity for m in mentions}
    return next(iter(fits.values())) if len(fits) == 1 else None


def _goes_by(entity: ExtractedEntity, form: str) -> bool:
    for name in (entity.name, *entity.aliases):
        if name == form or form in plurals(name) or member_form(form, name):
            return True
    return False


def recent_person(
    index: SpeakerIndex, head: str, phrase: tuple[int, int], quote_at: int
) -> ExtractedEntity | None:
    """ "Ann Lee agreed it had been a hard year. "…," said the veteran striker": a
    description after the quote is the latest person who is a sentence's subject in the
    quote's paragraph or the one before, when no quote stands between them, nobody else
    is named since, no one named by a role speaks since, and the role's gender does not
    rule that person out. A name inside the description ("the senior X adviser") says
    whose the role is: someone else."""
    if phrase[0] < quote_at or index.within(*phrase):
        return None
    if _AGENT_BEFORE.search(index.body, max(0, phrase[0] - 4), phrase[0]):
        return None  # "X was called "…" by the judge": the subject is who was spoken of
    recent = [
        m
        for m in index.within(_previous_paragraph_start(index.body, quote_at), quote_at)
        if m.entity.type == "person" and not m.possessive and not m.title_fragment
    ]
    latest = _only_subject(index.body, recent)
    if latest is None:
        return None
    if _QUOTE_MARKS.search(index.body, latest.end, quote_at):
        return None  # the narration before the quote is someone's words
    # "X resigned. A party spokesman said …. "…," the spokesman added": the role spoke.
    if word_pattern(head).search(index.body, latest.end, quote_at) or next(
        unnamed_speakers(index.body, latest.end, quote_at), None
    ):
        return None
    gender = _role_gender(head)
    known = index.gender(latest.entity)
    if gender is not None and known is not None and known != gender:
        return None
    return latest.entity


def _only_subject(body: str, recent: list[Mention]) -> Mention | None:
    """Everyone named in the latest sentence naming a person and since is one person,
    the subject of a sentence: the last such mention."""
    if not recent:
        return None
    start = last_sentence_start(body, max(0, recent[-1].start - _SENTENCE_REACH), recent[-1].start)
    since = [m for m in recent if m.start >= start]
    subjects = [m for m in since if m.subject and not m.modifier]
    if not subjects or any(m.entity is not since[0].entity for m in since):
        return None
    return subjects[-1]


def _role_gender(head: str) -> str | None:
    if _FEMALE_ROLE.search(head):
        return "female"
    return "male" if _MALE_ROLE.search(head) else None


def _previous_paragraph_start(body: str, at: int) -> int:
    """Where the paragraph before the one holding ``at`` begins (blank lines skipped)."""
    own = body.rfind(_PARAGRAPH_BREAK, 0, at)
    if own < 0:
        return 0
    end = len(body[:own].rstrip())
    return body.rfind(_PARAGRAPH_BREAK, 0, end) + 1
