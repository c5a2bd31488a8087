"""From the words that name a speaker to the entity they mean.

``resolve`` tries named steps in order, most precise first, and reports the one that
decided: ``name`` (the phrase names an entity), ``title_holder`` (a title such as
"Secretary of State for X" resolves to the person introduced with it), ``pronoun`` (the
nearest earlier person of the pronoun's gender), ``role_description`` ("the minister": the
entity introduced with that role) and ``organization`` ("the company": the body last
named). Weak evidence gives no entity: a missing speaker costs less than a wrong one.
"""

import bisect
import re
from dataclasses import dataclass, field

from app.extraction.cues import ANONYMOUS_HEADS, INDEFINITE, PRONOUNS, is_person_role
from app.extraction.gender import PRONOUN_GENDER, Gender, unnamed_role, unnamed_speakers
from app.extraction.mentions import Mention, gender_of, word_pattern
from app.extraction.organizations import ORG_CUES
from app.extraction.people import TITLES
from app.extraction.schemas import ExtractedEntity
from app.extraction.wordsets import alternation

_SPEAKING_TYPES = frozenset({"person", "organization", "country"})
_HEADLESS_TAIL = re.compile(r"(?:\s*[,(][^a-z]*)?")
# A capitalised title joined to a portfolio: "Secretary of State for X", "Minister for Y".
_TITLE_OF = re.compile(rf"\b(?P<title>{alternation(TITLES)})\s+(?:of|for)\s+[A-Z]")
# "The company said" speaks for the body last named; "the government" or "the party" may
# mean one never named, so those resolve only to a body whose name holds the word.
_ORG_HEADS = frozenset(ORG_CUES) - frozenset(
    "party movement militia network outlet publication website channel station "
    "newspaper magazine broadcaster rival giant".split()
)
_RELATIVE = re.compile(r"\b(?:who|whose|whom|which|that)\b")
# Where the phrase's own words end: an apposition or a relative clause follows.
_CORE_END = re.compile(r",|\(|\s[–—-]\s|\s(?:who|whose|whom|which|that)\s")
_PHRASE_PREPOSITIONS = frozenset("of for to with at from by".split())
_MIN_HEAD = 3
_SALIENCE_WINDOW = 1500


@dataclass(frozen=True)
class Salient:
    """Someone a later pronoun may point back to: a sentence subject or a quote's speaker."""

    at: int
    entity: ExtractedEntity


@dataclass
class SpeakerIndex:
    """Entity mentions of one body, ordered by position, for speaker look-ups."""

    body: str
    entities: list[ExtractedEntity]
    speakers: list[Salient] = field(default_factory=list)
    # Genders learnt from pronouns already resolved to a person ("she said" → Ana).
    learnt: dict[str, Gender] = field(default_factory=dict)

    def __post_init__(self) -> None:
        found = [
            Mention(self.body, m.start, m.end, entity)
            for entity in self.entities
            if entity.type in _SPEAKING_TYPES
            for m in entity.mentions
            if self.body[m.start : m.end] == m.text
        ]
        self.mentions = sorted(found, key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._genders: dict[str, Gender | None] = {}

    def remember_speaker(self, at: int, entity: ExtractedEntity) -> None:
        # Kept in position order so a look-back reads only the window (a scan of every
        # earlier speaker made a long run of quotes quadratic).
        bisect.insort(self.speakers, Salient(at, entity), key=_at)

    def gender(self, entity: ExtractedEntity) -> Gender | None:
        if entity.name in self.learnt:
            return self.learnt[entity.name]
        if entity.name not in self._genders:
            own = [m for m in self.mentions if m.entity is entity]
            self._genders[entity.name] = gender_of(entity, own)
        return self._genders[entity.name]

    def within(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def named_in(self, start: int, end: int) -> ExtractedEntity | None:
        """The entity a speaker phrase names: a person who heads it first, then an
        organization or country that heads it ("the ministry" yes, "the ministry's
        spokesman" no). "The Tory leader" names no person: the word only modifies."""
        # Names inside a relative clause ("The band - whose LP …") are not its head.
        relative = _RELATIVE.search(self.body, start, end)
        end = relative.start() if relative else end
        # "A lawyer for X", "the wife of X": a name after a preposition of the phrase is
        # not its head.
        inside = [
            m
            for m in self.within(start, end)
            if not m.title_fragment and not _complement(self.body, start, m.start)
        ]
        heads_phrase = _HEADLESS_TAIL.fullmatch(self.body, inside[-1].end, end) if inside else None
        for preferred in (
            lambda m: m.entity.type == "person" and not m.possessive and not m.modifier,
            lambda m: m.entity.type == "person" and m.possessive,
            lambda m: heads_phrase is not None and m is inside[-1] and m.names_it,
        ):
            for mention in inside:
                if preferred(mention):
                    return mention.entity
        return None

    def salient_person(self, before: int, gender: Gender | None) -> ExtractedEntity | None:
        """The latest subject or quoted speaker before a position whose gender fits."""
        lo = bisect.bisect_left(self._starts, before - _SALIENCE_WINDOW)
        hi = bisect.bisect_left(self._starts, before)
        recent = [
            m
            for m in self.mentions[lo:hi]
            if m.entity.type == "person" and not m.modifier and not m.title_fragment
        ]
        candidates = [Salient(m.start, m.entity) for m in recent if m.subject and not m.possessive]
        first = bisect.bisect_left(self.speakers, before - _SALIENCE_WINDOW, key=_at)
        candidates += self.speakers[first : bisect.bisect_left(self.speakers, before, key=_at)]
        if not candidates:
            candidates = [Salient(m.start, m.entity) for m in recent if not m.after_preposition]
        for candidate in sorted(candidates, key=lambda c: c.at, reverse=True):
            known = self.gender(candidate.entity)
            if gender is None or known is None or known == gender:
                # "X spoke. A spokeswoman added: "…," she said": she is the spokeswoman,
                # unless X is known to be a woman too.
                if gender and not known and unnamed_role(self.body, candidate.at, before, gender):
                    return None
                if self._role_spoke_since(candidate, before):
                    return None
                return candidate.entity
        return None

    def _role_spoke_since(self, candidate: Salient, before: int) -> bool:
        """Someone named only by a role spoke after the candidate, and someone else was
        named before that role ("X spoke of Y. The minister said …. "…," he added"): the
        role may be either, so the pronoun may be either."""
        # Only roles after the first other person named can be that person.
        other = next(
            (
                m.start
                for m in self.within(candidate.at, before)
                if m.entity is not candidate.entity and m.entity.type == "person"
            ),
            None,
        )
        return other is not None and any(
            self.described(head, before) is not candidate.entity
            for head, _ in unnamed_speakers(self.body, other, before)
        )

    def last_speaker(self, before: int) -> ExtractedEntity | None:
        """The person who spoke the latest quote before a position, when nobody else has
        become the subject of a sentence since."""
        first = bisect.bisect_left(self.speakers, before - _SALIENCE_WINDOW, key=_at)
        last = bisect.bisect_left(self.speakers, before, key=_at)
        if last == first:
            return None
        spoke = self.speakers[last - 1]
        lo = bisect.bisect_left(self._starts, spoke.at)
        hi = bisect.bisect_left(self._starts, before)
        others = (
            m
            for m in self.mentions[lo:hi]
            if m.entity.type == "person" and m.entity is not spoke.entity and m.subject
        )
        return None if next(others, None) else spoke.entity

    def described(self, head: str, before: int) -> ExtractedEntity | None:
        """An earlier entity introduced with the role word a description uses."""
        pattern = word_pattern(head)
        hi = bisect.bisect_left(self._starts, before)
        for mention in reversed(self.mentions[:hi]):
            if mention.title_fragment:
                continue
            if pattern.search(mention.entity.name):
                return mention.entity
            if mention.entity.type == "person" and mention.introduced_as(head):
                return mention.entity
        return None

    def latest_organization(self, before: int) -> ExtractedEntity | None:
        lo = bisect.bisect_left(self._starts, before - _SALIENCE_WINDOW)
        hi = bisect.bisect_left(self._starts, before)
        for mention in reversed(self.mentions[lo:hi]):
            if mention.entity.type == "organization" and mention.names_it:
                return mention.entity
        return None


Resolved = tuple[ExtractedEntity | None, str | None]


def _complement(body: str, start: int, at: int) -> bool:
    before = body[start:at].split()
    return bool(before) and before[-1].casefold() in _PHRASE_PREPOSITIONS


def _at(salient: Salient) -> int:
    return salient.at


def resolve(index: SpeakerIndex, text: str, start: int, quote_at: int) -> Resolved:
    """The entity meant by the speaker phrase ``text`` at ``start``, and the step that
    decided it (None when no step could)."""
    named = index.named_in(start, start + len(text))
    if named is not None:
        return named, "name"
    words = text.replace("’", "'").split()
    if not words:
        return None, None
    first = words[0].casefold()
    if first in PRONOUN_GENDER:
        found = index.salient_person(quote_at, PRONOUN_GENDER[first])
        if found is not None and found.type == "person":
            index.learnt.setdefault(found.name, PRONOUN_GENDER[first])
        return found, "pronoun" if found else None
    title = _TITLE_OF.search(text)
    if title is not None:
        found = index.described(title["title"].casefold(), quote_at)
        return (found, "title_holder") if found else (None, None)
    head = _head(_CORE_END.split(text.replace("’", "'"), maxsplit=1)[0].split() or words)
    if first in PRONOUNS or head in ANONYMOUS_HEADS or INDEFINITE.match(text):
        return None, None
    if first != "the" or len(head) < _MIN_HEAD or not head.isalpha():
        return None, None
    described = index.described(head, quote_at)
    if described is not None:
        return described, "role_description"
    if head in _ORG_HEADS and len(words) == 2:
        found = index.latest_organization(quote_at)
        return found, "organization" if found else None
    # A role no earlier mention was introduced with ("the retired judge said") describes
    # the person who spoke last, if nobody else has been the subject since; the latest
    # person merely named is as often someone else ("Home Secretary X warned …; the prime
    # minister conceded"), and a missing speaker costs less than a wrong one.
    if is_person_role(head):
        found = index.last_speaker(quote_at)
        return found, "salient_role" if found else None
    return None, None


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
