"""From the words that name a speaker to the entity they mean."""

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from app.extraction.cues import (
    ANONYMOUS_HEADS,
    INDEFINITE,
    PERSONAL_PRONOUNS,
    PRONOUNS,
    is_person_role,
)
from app.extraction.schemas import ExtractedEntity

_SPEAKING_TYPES = frozenset({"person", "organization", "country"})
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
_PREPOSITIONS = frozenset(
    "of to for with by against about from than on in over like between at into".split()
)
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)]*\s+|\n)")
_WORD = re.compile(r"[\w’'-]+")
_HEADLESS_TAIL = re.compile(r"(?:\s*[,(][^a-z]*)?")
_SUBJECT_WORDS = 6
_MIN_HEAD = 3
_SALIENCE_WINDOW = 1500


class Mention:
    """One mention; its grammatical role is worked out only if a look-up needs it."""

    def __init__(self, body: str, start: int, end: int, entity: ExtractedEntity) -> None:
        self.body = body
        self.start = start
        self.end = end
        self.entity = entity

    @cached_property
    def possessive(self) -> bool:
        return bool(_POSSESSIVE_AFTER.match(self.body, self.end, self.end + 3))

    @cached_property
    def after_preposition(self) -> bool:
        preceding = self.body[max(0, self.start - 20) : self.start].split()
        return bool(preceding) and preceding[-1].casefold() in _PREPOSITIONS

    @cached_property
    def subject(self) -> bool:
        """Near the start of its sentence and not inside a prepositional phrase."""
        preceding = self.body[max(0, self.start - 120) : self.start]
        begins = [m.end() for m in _SENTENCE_START.finditer(preceding)]
        lead = preceding[begins[-1] :] if begins else preceding
        return len(_WORD.findall(lead)) < _SUBJECT_WORDS and not self.after_preposition


@dataclass(frozen=True)
class Salient:
    """Someone a later pronoun may point back to: a sentence subject or a quote's speaker."""

    at: int
    entity: ExtractedEntity


class SpeakerIndex:
    """Entity mentions of one body, ordered by position, for speaker look-ups."""

    def __init__(self, body: str, entities: list[ExtractedEntity]) -> None:
        self.body = body
        found = [
            Mention(body, m.start, m.end, entity)
            for entity in entities
            if entity.type in _SPEAKING_TYPES
            for m in entity.mentions
            if body[m.start : m.end] == m.text
        ]
        self.mentions = sorted(found, key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self.speakers: list[Salient] = []
        # Latest position among speakers[:k + 1], so a look-back stops once none can win.
        self._latest: list[int] = []

    def remember_speaker(self, at: int, entity: ExtractedEntity) -> None:
        self.speakers.append(Salient(at, entity))
        self._latest.append(max(at, self._latest[-1]) if self._latest else at)

    def within(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def named_in(self, start: int, end: int) -> ExtractedEntity | None:
        """The entity a speaker phrase names: a person first, then an organization or country
        that heads the phrase ("the ministry" yes, "the ministry's spokesman" no)."""
        inside = self.within(start, end)
        heads_phrase = _HEADLESS_TAIL.fullmatch(self.body, inside[-1].end, end) if inside else None
        for preferred in (
            lambda m: m.entity.type == "person" and not m.possessive,
            lambda m: m.entity.type == "person",
            lambda m: heads_phrase is not None and m is inside[-1] and _names_it(m),
        ):
            for mention in inside:
                if preferred(mention):
                    return mention.entity
        return None

    def salient_person(self, before: int) -> ExtractedEntity | None:
        """The latest subject or quoted speaker before a position: what "he" refers to."""
        best: Salient | None = None
        lo = bisect.bisect_left(self._starts, before - _SALIENCE_WINDOW)
        hi = bisect.bisect_left(self._starts, before)
        for mention in reversed(self.mentions[lo:hi]):
            if mention.entity.type == "person" and mention.subject and not mention.possessive:
                best = Salient(mention.start, mention.entity)
                break
        for k in range(len(self.speakers) - 1, -1, -1):
            if best is not None and self._latest[k] <= best.at:
                break  # none earlier in the list is later than the subject: stop scanning
            spoken = self.speakers[k]
            if spoken.at < before and (best is None or spoken.at > best.at):
                best = spoken
                break
        if best is None:
            for mention in reversed(self.mentions[lo:hi]):
                if mention.entity.type == "person" and not mention.after_preposition:
                    return mention.entity
        return best.entity if best else None

    def _around(self, mention: Mention, limit: int) -> str:
        """Words introducing a mention ("the professor X", "X, a lawyer,") in its paragraph."""
        start = max(0, mention.start - 60)
        end = min(limit, mention.end + 80)
        start = max(start, self.body.rfind("\n\n", start, mention.start) + 1)
        cut = self.body.find("\n\n", mention.end, end)
        return self.body[start : cut if cut >= 0 else end]

    def described(self, head: str, before: int) -> ExtractedEntity | None:
        """An earlier entity introduced with the role word a description uses."""
        pattern = re.compile(rf"\b{re.escape(head)}\b", re.IGNORECASE)
        hi = bisect.bisect_left(self._starts, before)
        for mention in reversed(self.mentions[:hi]):
            if pattern.search(mention.entity.name):
                return mention.entity
            if mention.entity.type == "person" and pattern.search(self._around(mention, before)):
                return mention.entity
        return None


def _names_it(mention: Mention) -> bool:
    """A demonym ("Palestinian officials") describes; only the name itself can speak."""
    surface = mention.body[mention.start : mention.end]
    return surface == mention.entity.name or surface in mention.entity.aliases


def resolve(index: SpeakerIndex, text: str, start: int, quote_at: int) -> ExtractedEntity | None:
    """The entity meant by the speaker phrase ``text`` found at ``start`` in the body."""
    named = index.named_in(start, start + len(text))
    if named is not None:
        return named
    words = text.replace("’", "'").split()
    if not words:
        return None
    first = words[0].casefold()
    if first in PERSONAL_PRONOUNS:
        return index.salient_person(quote_at)
    head = _head(words)
    if first in PRONOUNS or head in ANONYMOUS_HEADS or INDEFINITE.match(text):
        return None
    if first != "the":
        return None
    if len(head) < _MIN_HEAD or not head.isalpha():
        return None
    described = index.described(head, quote_at)
    if described is None and is_person_role(head):
        return index.salient_person(quote_at)
    return described


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
