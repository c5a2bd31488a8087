"""Entity mentions of one body, indexed for the look-ups that resolve a speaker phrase.

``SpeakerIndex`` answers: which entity a phrase names, who a pronoun points back to
(a recent subject or quoted speaker of the right gender), who was introduced with a role
word, who spoke last, and which body was named last. ``resolution.resolve`` orders them.
"""

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from app.extraction.gazetteer import lookup
from app.extraction.gender import Gender, given_name_gender, unnamed_role, unnamed_speakers
from app.extraction.mentions import Mention, gender_of, word_pattern
from app.extraction.people import PERSON_ENDING, ROLE_NOUNS, is_given_name, is_surname
from app.extraction.schemas import ExtractedEntity
from app.extraction.sentences import last_sentence_start
from app.extraction.wordsets import dictionary_word

_SPEAKING_TYPES = frozenset({"person", "organization", "country"})
_HEADLESS_TAIL = re.compile(r"(?:\s*[,(][^a-z]*)?")
_RELATIVE = re.compile(r"\b(?:who|whose|whom|which|that)\b")
_PHRASE_PREPOSITIONS = frozenset("of for to with at from by".split())
_ARTICLES = frozenset("the a an".split())
_SALIENCE_WINDOW = 1500
# How far after a possessive name its possessed noun is read ("’s campaign manager,").
_POSSESSED_REACH = 60
_LINKING = frozenset("of for to with at from by in on and or but that which who as".split())
# How far back the sentence of a mention is looked for.
_SENTENCE_REACH = 300


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
        # "Quillon Messenger" beside "Quillon": a product the entity pass took for a person
        # whose first name is a body the article names; it says nothing.
        bodies = {e.name for e in self.entities if e.type == "organization"}
        self.products = frozenset(
            e.name
            for e in self.entities
            if e.type == "person"
            and len(e.name.split()) > 1
            and e.name.split()[0] in bodies
            and not is_given_name(e.name.split()[0])
        )
        found = [
            Mention(self.body, m.start, m.end, entity)
            for entity in self.entities
            if entity.type in _SPEAKING_TYPES and entity.name not in self.products
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
            lambda m: m.entity.type == "person" and m.possessive and not self._has_person(m),
            lambda m: heads_phrase is not None and m is inside[-1] and m.names_it,
        ):
            for mention in inside:
                if preferred(mention):
                    return mention.entity
        return None

    def _has_person(self, mention: Mention) -> bool:
        """ "Ann Lee's niece, …", "Ann Lee's campaign manager": the possessive names whom
        the speaker belongs to; a person's role after it is the speaker, someone else."""
        words = self.body[mention.end : mention.end + _POSSESSED_REACH].split()[1:4]
        for word in words:
            if not word[:1].islower() or word in _LINKING:
                return False
            noun = word.strip(",.;:")
            if noun in ROLE_NOUNS or PERSON_ENDING.search(noun):
                return True
            if word != noun:
                return False
        return False

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
            # No subject nor speaker: a person merely named, unless someone named only by
            # a role speaks in that sentence or since ("As the party leader declared that
            # X had failed, … he said": the leader, not X).
            candidates = [
                Salient(m.start, m.entity)
                for m in recent
                if not m.after_preposition and not self._role_speaks(m, before)
            ]
        for candidate in sorted(candidates, key=lambda c: c.at, reverse=True):
            if gender is not None and _club_like(candidate.entity.name):
                continue  # "Harbourton United" read as a person: "he" is never the club
            known = self.gender(candidate.entity)
            if known is None and _other_given_name(candidate.entity.name, gender):
                continue  # "his wife Ann … he said": a lone given name of the other gender
            if gender is None or known is None or known == gender:
                # "X spoke. A spokeswoman added: "…," she said": she is the spokeswoman,
                # unless X is known to be a woman too and the role reports nothing ("A
                # spokesman criticised X. He said": the spokesman, whoever X is).
                if gender and unnamed_role(self.body, candidate.at, before, gender, bool(known)):
                    return None
                if self._role_spoke_since(candidate, before):
                    return None
                return candidate.entity
        return None

    def _role_speaks(self, mention: Mention, before: int) -> bool:
        start = last_sentence_start(
            self.body, max(0, mention.start - _SENTENCE_REACH), mention.start
        )
        return next(unnamed_speakers(self.body, start, before, True), None) is not None

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

    def last_speaker(self, before: int, head: str, phrase_at: int) -> ExtractedEntity | None:
        """The person who spoke the latest quote before a position, when nobody else has
        become the subject of a sentence since, nor been named by the description's role
        word ("…," X said. A harbour spokeswoman urged calm. The spokeswoman added: the new one)."""
        first = bisect.bisect_left(self.speakers, before - _SALIENCE_WINDOW, key=_at)
        last = bisect.bisect_left(self.speakers, before, key=_at)
        if last == first:
            return None
        spoke = self.speakers[last - 1]
        if spoke.at < phrase_at and word_pattern(head).search(self.body, spoke.at, phrase_at):
            return None
        lo = bisect.bisect_left(self._starts, spoke.at)
        hi = bisect.bisect_left(self._starts, before)
        others = (
            m
            for m in self.mentions[lo:hi]
            if m.entity.type == "person" and m.entity is not spoke.entity and m.subject
        )
        return None if next(others, None) else spoke.entity

    def described(
        self, head: str, before: int, phrase_at: int | None = None, person: bool = False
    ) -> ExtractedEntity | None:
        """An earlier entity introduced with the role word a description uses; only a
        person when the description is about one (``person``: "the 31-year-old X")."""
        pattern = word_pattern(head)
        hi = bisect.bisect_left(self._starts, before)
        for mention in reversed(self.mentions[:hi]):
            if mention.title_fragment or _opener_object(self.body, mention, phrase_at):
                continue
            if pattern.search(mention.entity.name) and (
                mention.entity.type == "person" or not person
            ):
                return mention.entity
            if mention.entity.type == "person" and mention.introduced_as(head):
                return mention.entity
        return None

    def name_holder(self, name: str, before: int) -> ExtractedEntity | None:
        """The one person named earlier whose name is ``name`` or ends in it ("Lee", or
        "Mr Tolen"'s surname, when the entity pass found no mention there); two such
        people give nobody."""
        hi = bisect.bisect_left(self._starts, before)
        holders = {
            m.entity.name: m.entity
            for m in self.mentions[:hi]
            if m.entity.type == "person"
            and (m.entity.name == name or m.entity.name.endswith(" " + name))
        }
        return next(iter(holders.values())) if len(holders) == 1 else None

    def latest_organization(self, before: int) -> ExtractedEntity | None:
        lo = bisect.bisect_left(self._starts, before - _SALIENCE_WINDOW)
        hi = bisect.bisect_left(self._starts, before)
        for mention in reversed(self.mentions[lo:hi]):
            # "its Xbox consoles": a name that modifies a noun names a thing, not a speaker.
            if mention.entity.type == "organization" and mention.names_it and not mention.modifier:
                return mention.entity
        return None


@lru_cache(maxsize=4096)  # asked for every pronoun of an article about the same few names
def _other_given_name(name: str, gender: Gender | None) -> bool:
    """A one-word person whose word the first-name dictionary gives the other gender: no
    surname read as a given name, since a lone surname is rarely a given name too."""
    return gender is not None and " " not in name and given_name_gender(name) not in (None, gender)


def _club_like(name: str) -> bool:
    """A town and an ordinary word that is no one's name ("Harbourton United",
    "Norbury Rovers"): a club or a firm, whatever type the name was given."""
    words = name.split()
    if len(words) < 2 or is_surname(words[-1]) or is_given_name(words[-1]):
        return False
    last = words[-1]
    ordinary = dictionary_word(last) or (last.endswith("s") and dictionary_word(last[:-1]))
    town = lookup(" ".join(words[:-1]))
    return ordinary and town is not None and town.kind == "place"


def _opener_object(body: str, mention: Mention, phrase_at: int | None) -> bool:
    """ "Speaking to X, the minister said": a name after a preposition that only a comma
    parts from the description ends an opening phrase; the description is the sentence's
    subject, not an apposition of that name ("Rep. X, the congressman who …" is one)."""
    return (
        phrase_at is not None
        and mention.after_preposition
        and not body[mention.end : phrase_at].strip(" ,")
    )


def _complement(body: str, start: int, at: int) -> bool:
    """A preposition, or a preposition and an article, comes right before the name ("a
    document obtained by the Post": the Post did not speak)."""
    before = [word.casefold() for word in body[start:at].split()[-2:]]
    if before and before[-1] in _ARTICLES:
        before.pop()
    return bool(before) and before[-1] in _PHRASE_PREPOSITIONS


def _at(salient: Salient) -> int:
    return salient.at
