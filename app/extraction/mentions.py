"""One entity mention seen from attribution: its grammatical role and what it tells."""

import re
from functools import cache, cached_property

from app.extraction.cues import CUE, CUE_WORD, LEADING_ADVERBIAL, is_person_role
from app.extraction.gender import Gender, given_name_gender, honorific_gender
from app.extraction.people import ROLE_NOUNS, TITLES
from app.extraction.schemas import ExtractedEntity
from app.extraction.wordsets import alternation

# "Ruiz's", and the bare apostrophe of a name ending in s ("Ruiz' lawyer", "Rees' aide"),
# which ``s?\b`` missed: no word boundary falls between an apostrophe and a space.
_POSSESSIVE_AFTER = re.compile(r"['’]s\b|(?<=[sxz])['’](?!\w)")
_PREPOSITIONS = frozenset(
    "of to for with by against about from than on in over like between at into".split()
)
# A sentence's end or a line break: the next sentence starts where the last one ends.
# Opening on one character class lets the scan jump between those characters; a
# pattern opening on "^|" tried a match at every position.
_SENTENCE_BREAK = re.compile(r"[\n.!?](?:(?<=\n)|[\"'”’)]*\s+)")
_WORD = re.compile(r"[\w’'-]+")
# "Tory leader", "Labour spokesman", "Tory MP X": a role noun right after the name makes
# the name a modifier of that noun, and the phrase is about the role, not the name.
_NOT_NOUNS = frozenset(
    "and or but nor who whom whose which that of for at in on with from to by as than is are "
    "was were has have had will would can could may might must shall should do does did also "
    "then still now again never always once himself herself itself themselves".split()
)
_NEXT_WORD = re.compile(r" (?P<word>[A-Za-z][a-z-]*|[A-Z]{2,4})\b")
# "Secretary of State for the Family": a name-like span right after a title and "of"/"for"
# is the rest of the title, not the person who holds it.
_TITLE_BEFORE = re.compile(
    rf"\b(?:{alternation(TITLES)})"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*)*\s+(?:of|for)\s+(?:the\s+)?$"
)
_TITLE_BEFORE_ENDS = ("of", "for", "the")
_SUBJECT_WORDS = 6
# Words that may describe a name after an opening phrase: "presidential nominee".
_DESCRIBING_WORDS = 3
_NAME_THEN_WORD = re.compile(r"[A-Z][\w.’'-]*\s+(?P<word>[a-z][a-z-]+)\b")
# "…, Ann Lee insists it will": a name right before its reporting verb is the subject of
# that verb, however long the clause that opens the sentence ("Lee continued to" is no
# report, and after "when" or "as" the name is a subordinate clause's subject).
_CUE_NEXT = re.compile(
    rf"\s+(?:(?:has|have|had|also|later|now|then|still)\s+)?(?:{CUE})\b(?!\s+to\b)"
)
_SUBORDINATOR = re.compile(
    r"\b(?:when|as|after|before|while|if|because|since|although|though|until|once|whether)\s+$",
    re.IGNORECASE,
)


def _after_opening_phrase(lead: str) -> bool:
    """ "In a statement issued on Tuesday, party leader Ann Lee was": a name right after an
    opening phrase and a few words that describe it opens the main clause."""
    opener = LEADING_ADVERBIAL.match(lead.lstrip())
    if opener is None or not opener.group().rstrip().endswith(","):
        return False
    rest = lead.lstrip()[opener.end() :]
    words = rest.split()
    return (
        len(words) <= _DESCRIBING_WORDS
        and "," not in rest
        and not any(_verb_like(m["word"]) for m in _NAME_THEN_WORD.finditer(rest))
        and all(word.islower() or word[:1].isupper() for word in words)
        and not any(word in _NOT_NOUNS for word in words)
    )


def _verb_like(word: str) -> bool:
    """A past form or a speech verb after a name ("Fox accused", "Brown told"); a role
    noun ("Tory leader") or a linking word is not one."""
    if word in _NOT_NOUNS or word in ROLE_NOUNS or is_person_role(word):
        return False
    return word.endswith("ed") or bool(CUE_WORD.fullmatch(word))


# What may stand between a role word and the mention it introduces: names ("Finance
# minister Ana Ruiz"), or the words of an apposition ("X, the country's minister").
# Compiled once: a pair of patterns compiled for every role word took 1.3 ms a word.
_NAMES_TO_END = re.compile(r"(?:\s+[A-Z][\w.’'-]*)*[\s,]*")
_APPOSITION_OPENS = re.compile(r"\s*(?:(,)\s+|\()")
_APPOSITION_WORD = re.compile(r"[\w.’'-]+\s+")
# Words of an apposition before its role word: after a comma, after a bracket.
_APPOSITION_REACH = {True: 6, False: 4}


@cache
def word_pattern(word: str) -> re.Pattern[str]:
    """The word on its own, in any case."""
    return re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)


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
        begins = [m.end() for m in _SENTENCE_BREAK.finditer(preceding)]
        lead = preceding[begins[-1] :] if begins else preceding
        if self.after_preposition:
            return False
        if len(_WORD.findall(lead)) >= _SUBJECT_WORDS:
            if _CUE_NEXT.match(self.body, self.end) and not _SUBORDINATOR.search(lead):
                return True
            return _after_opening_phrase(lead)
        # "Dr Fox accused Mr Blair": a name and its verb before this one make it the object.
        return not any(_verb_like(m["word"]) for m in _NAME_THEN_WORD.finditer(lead))

    @cached_property
    def modifier(self) -> bool:
        found = _NEXT_WORD.match(self.body, self.end)
        if found is None:
            return False
        word = found["word"]
        if word in ROLE_NOUNS:
            return True  # "Kim spokesman Ana Ruiz", "Peter Kim aide": the role is the head
        if len(self.entity.name.split()) > 1:
            return False  # a full name ("Peter Kim spoke") is a person, not a label
        if word.isupper():
            return word in TITLES
        if not word.islower() or word in _NOT_NOUNS or CUE_WORD.fullmatch(word):
            return False
        # A past form is the name's verb ("Blair derided"); any other word names a thing
        # the name describes ("Tory plans", "Labour leader").
        return word in ROLE_NOUNS or is_person_role(word) or not word.endswith("ed")

    @cached_property
    def title_fragment(self) -> bool:
        start = max(0, self.start - 80)
        # A match ends in "of", "for" or "the" and spaces: tested first, since the search
        # tries every position of the window.
        if not self.body[start : self.start].rstrip().endswith(_TITLE_BEFORE_ENDS):
            return False
        return bool(_TITLE_BEFORE.search(self.body, start, self.start))

    @cached_property
    def names_it(self) -> bool:
        """A demonym ("Palestinian officials") describes; only the name itself can speak."""
        surface = self.body[self.start : self.end]
        return surface == self.entity.name or surface in self.entity.aliases

    def introduced_as(self, role: str) -> bool:
        """The role word introduces this mention: right before it ("Finance minister X",
        "the minister, X") or in its apposition ("X, the country's minister,")."""
        word = word_pattern(role)
        for found in word.finditer(self.body, max(0, self.start - 60), self.start):
            if _NAMES_TO_END.fullmatch(self.body, found.end(), self.start):
                return True
        return self._apposition_holds(word)

    def _apposition_holds(self, word: re.Pattern[str]) -> bool:
        """The role word opens one of the apposition's first words."""
        end = self.end + 80
        opens = _APPOSITION_OPENS.match(self.body, self.end, end)
        if opens is None:
            return False
        at = opens.end()
        for _ in range(_APPOSITION_REACH[opens[1] is not None] + 1):
            if word.match(self.body, at, end):
                return True
            next_word = _APPOSITION_WORD.match(self.body, at, end)
            if next_word is None:
                return False
            at = next_word.end()
        return False

    def honorific(self) -> Gender | None:
        """From "Mrs " before the mention, or opening it ("Mr Brown")."""
        found = honorific_gender(self.body[max(0, self.start - 12) : self.start])
        words = self.body[self.start : self.end].split()
        if found is None and len(words) > 1:
            found = honorific_gender(words[0] + " ")
        return found


def gender_of(entity: ExtractedEntity, mentions: list[Mention]) -> Gender | None:
    """An honorific before any mention decides; otherwise the given name does."""
    for mention in mentions:
        found = mention.honorific()
        if found is not None:
            return found
    if entity.type != "person" or len(entity.name.split()) < 2:
        # A lone word may be a surname or a misread party name: no given name to read.
        return None
    return given_name_gender(entity.name)
