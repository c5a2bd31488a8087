"""The subject of a reporter's sentence: who a sentence with no cue of its own is about.

A subject is a noun phrase followed by its verb: a pronoun ("she"), a name with the words
that describe it ("Republican presidential candidate Ann Lee", "Ann Lee's doctor", "Ann
Lee, the party's chair,") or a described phrase ("The two senators"). An opening phrase
("Early in the campaign,", "Speaking in Ohio,") is not the subject: the subject follows it.
"""

import re

from app.extraction.cues import (
    CUE_WORD,
    LEADING_ADVERBIAL,
    NOT_A_SUBJECT,
    is_person_role,
    modifies_role,
)
from app.extraction.people import ROLE_NOUNS, is_given_name, is_surname
from app.extraction.phrases import bare_word
from app.extraction.wordsets import dictionary_word

# A capitalised word, "O’Brien" included, its possessive "’s" not.
_CAPITALISED = r"[A-Z][\w.-]*(?:[’'](?!s\b)[\w.-]+)*"
_PRONOUN = re.compile(r"(?P<who>[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\s+(?=[a-z])")
_NAME = re.compile(
    rf"(?P<who>(?:(?:{_CAPITALISED}(?:[’']s(?=\s+[A-Z]))?|(?:of|the|and)\b)\s*"
    r"(?:\([^)]{1,20}\)\s*)?){1,8}"
    r"(?<![’']s)(?<![’'])(?<!\s))(?=\s*,|\s+[a-z]|[’']s\b)"
)
# Lower-case words before a name that describe it, ending in a role: "presidential
# candidate", "campaign manager", "dissident".
_DESCRIBED_NAME = re.compile(
    rf"(?P<who>(?:{_CAPITALISED}\s+){{0,3}}(?P<run>(?:[a-z][\w’'-]*\s+){{1,3}})"
    rf"(?:{_CAPITALISED}\s+){{0,3}}{_CAPITALISED}(?:\s*\([^)]{{1,20}}\))?)"
)
# Lower-case after an opening phrase: "As they left, some delegates …".
_DETERMINERS = frozenset(
    "The A An the a an One Some Several Many Most Two Three Another "
    "some several many most two three another".split()
)
_NOT_IN_PHRASE = (
    r"(?!(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|also|then|that|"
    r"which|who|a|an|the|to|of|in|on|for|with|by|at|from)\b)"
)
# "The two Republican presidents …": a described subject, kept up to its likely verb; a
# past form is an adjective only right after the determiner ("The retired surgeon").
_DESCRIBED = re.compile(
    rf"(?P<who>(?:{'|'.join(sorted(_DETERMINERS, key=len, reverse=True))})\s+"
    rf"{_NOT_IN_PHRASE}[\w’'.-]+"
    rf"(?:\s+{_NOT_IN_PHRASE}(?![a-z]+ed\b)[\w’'.-]+){{0,4}})(?=[\s,])"
)
_ADJECTIVE_LED = re.compile(
    rf"(?P<who>[A-Z][a-z]+(?:\s+{_NOT_IN_PHRASE}(?![a-z]+ed\b)[a-z][\w’'-]*){{1,3}})(?=[\s,])"
)
# "Ann Lee’s doctor": after a possessive the next word is a noun, and a role may follow it.
_POSSESSED = re.compile(
    r"[’']s\s+(?P<noun>[a-z][\w-]*)(?:\s+(?P<role>[a-z][\w-]*))?"
    # "Ann Lee's first five callers": a role may come third, after an ordinal and a number.
    r"(?:\s+(?P<third>[a-z][\w-]*))?"
)
# ", the party's chair, said": an apposition closed by a comma before the verb.
_APPOSITION = re.compile(
    # "X, and others …" joins a second subject: no apposition.
    r",\s+(?!(?:and|or|but|nor)\b)(?=(?:the|a|an|who|whose|which|[a-z]+|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*[’']s)\b)"
    # Brackets may sit inside: "X, the head of the Port Authority (PA), said".
    r"(?:[^,;:\"“”()]|\([^,;:\"“”()]{1,20}\)){2,200},"
    r"(?=\s+[a-z])"
)
# "Ann Lee, D-Ore., spoke": a party and state tag between a name and its verb.
_PARTY_TAG = re.compile(r",\s+[A-Z]-[A-Z][\w.]*,(?=\s+[a-z])")
# "Two analysts, Ann Lee and Bo Diaz, found": the names a described phrase stands for.
_ONE_NAME = r"(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*"
_NAMES_APPOSITION = re.compile(rf",\s+{_ONE_NAME}(?:\s+and\s+{_ONE_NAME})?,(?=\s+[a-z])")
_NAMED_COMPLEMENT = re.compile(
    rf"\s+(?:of|on|for|from|at|in|inside|with)\s+(?:the\s+)?(?:{_CAPITALISED}\s+){{0,4}}"
    rf"{_CAPITALISED}"
    r"(?=,?\s+[a-z])"
)
_ROLE_WORDS = re.compile(r"(?:\s+[a-z][a-z-]*){1,2}(?=\s*,|\s+[a-z])")
_VERB_FOLLOWS = re.compile(
    r",?\s+(?!(?:in|on|at|of|for|to|with|from|by|and|or|as|than)\b|(?:later|earlier|ago),)"
    r"(?=[a-z])"
)
_NOT_DESCRIPTIVE = re.compile(
    r"^(?:and|or|but|nor|who|whom|which|that|of|to|in|on|at|for|with|by|from|as|than|is|are|"
    r"was|were|has|have|had|will|would|said|says|told|after|before|under|over|about|into|"
    r"upon|against|among|between|through|during|without|within|[a-z]+ed)$"
)
_OPENER_COMMA = re.compile(r",\s+")
_SUBORDINATE_CLAUSE = re.compile(
    r"\s*(When|As|After|Before|While|If|Because|Since|Although|Though|Once|Until|Whenever)\s"
    r"[^,.;:\"“”]{1,160},\s+"
)
_OPENING_FORM = re.compile(r"[A-Z][a-z]+(?:ing|ly)")
_CONTRACTED = re.compile(r"[’'](?:s|ve|d|re|ll)$")
_MAX_OPENER = 160
_MAX_APPOSITION_WORDS = 35


def sentence_subject(body: str, start: int, end: int) -> tuple[str, int] | None:
    """The subject of the sentence that starts at ``start`` and where its words begin."""
    while start < end and body[start].isspace():
        start += 1  # a sentence read from a quote's closing mark starts with a space
    start = _skip_adverbials(body, start, end)
    found = _subject_at(body, start, end)
    if found is not None:
        return found
    # "Early in his campaign, Ann Lee attacked …": the subject follows the opening phrase.
    for comma in _OPENER_COMMA.finditer(body, start, min(end, start + _MAX_OPENER)):
        found = _subject_at(body, comma.end(), end)
        if found is not None:
            return found
    return None


def _skip_adverbials(body: str, start: int, end: int) -> int:
    # "When a pupil asked X about it, the minister began": the main clause's subject.
    subordinate = _SUBORDINATE_CLAUSE.match(body, start, end)
    # "As the band sang, "…"", "As she put it, "…"": an "as" clause the quote follows
    # at once is the one about it.
    if subordinate is not None and (subordinate.end() < end or subordinate[1] != "As"):
        start = subordinate.end()
    lead = LEADING_ADVERBIAL.match(body, start, end)
    while lead is not None and lead.end() > start:
        start = lead.end()
        lead = LEADING_ADVERBIAL.match(body, start, end)
    return start


def _subject_at(body: str, at: int, end: int) -> tuple[str, int] | None:
    pronoun = _PRONOUN.match(body, at, end)
    if pronoun is not None:
        return pronoun["who"], at
    who_end = _phrase_end(body, at, end)
    if who_end is None:
        return None
    who = body[at:who_end].rstrip(" ,")
    cue = next(
        (c for c in CUE_WORD.finditer(who) if not modifies_role(who, c.end(), len(who))), None
    )
    who = who[: cue.start()].rstrip(" ,") if cue else who
    words = who.split()
    if not words:
        return None
    first = words[1] if words[0] in _DETERMINERS and len(words) > 1 else words[0]
    if first in NOT_A_SUBJECT or (first[:1].islower() and words[0] not in _DETERMINERS):
        return None
    if _opener(first):
        return None
    return None if bare_word(who) else (who, at)


def _opener(word: str) -> bool:
    """ "Acknowledging that …, X", "Typically, X", "It’s been …": an opening participle, an
    adverb or a contracted pronoun is no subject (a name such as "Manning" may be one)."""
    if _CONTRACTED.split(word)[0] in NOT_A_SUBJECT:
        return True
    return (
        _OPENING_FORM.fullmatch(word) is not None
        and any(dictionary_word(stem) for stem in _stems(word))
        and not is_given_name(word)
        and not is_surname(word)
    )


def _stems(word: str) -> tuple[str, ...]:
    """The word and, for a participle, the verbs it may come from (the dictionary lists
    "acknowledge", not "acknowledging")."""
    if not word.endswith("ing"):
        return (word,)
    stem = word[:-3]
    return word, stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem


def _phrase_end(body: str, at: int, end: int) -> int | None:
    """Where the subject phrase at ``at`` ends, its apposition included, when a verb (a
    lower-case word) follows it."""
    described = _DESCRIBED_NAME.match(body, at, end)
    if described is not None and _describes(described["run"]):
        who_end = described.end("who")
    else:
        name = _NAME.match(body, at, end)
        led = _adjective_led(body, at, end, name)
        if led is not None:
            return _appositive_end(body, led, end, named=True) or led
        if name is None or name["who"].split()[0] in _DETERMINERS:
            # "The Florida senator likes …": no name to end the phrase, its words do.
            phrase = _DESCRIBED.match(body, at, end)
            if phrase is None:
                return None
            who_end = _complemented(body, phrase.end("who"), end)
            return _appositive_end(body, who_end, end, named=True) or who_end
        who_end = _role_after(body, _complemented(body, name.end("who"), end), end)
    possessed = _POSSESSED.match(body, who_end, end)
    if possessed is not None:
        role, third = possessed["role"], possessed["third"]
        if third and _role_or_roles(third):
            who_end = possessed.end("third")
        elif role and is_person_role(role):
            who_end = possessed.end("role")
        else:
            who_end = possessed.end("noun")
    appositive = _appositive_end(body, who_end, end, named=False)
    if appositive is not None:
        return appositive
    return who_end if _VERB_FOLLOWS.match(body, who_end, end) else None


def _appositive_end(body: str, at: int, end: int, named: bool) -> int | None:
    """Where an apposition closed by a comma before the verb ends: a description ("X, the
    party's chair, said"), a party tag ("X, D-Ore., spoke") or, after a described phrase, the
    names it describes ("Two analysts, Ann Lee and Bo Diaz, found"); ``named`` allows those."""
    apposition = _APPOSITION.match(body, at, end) or _PARTY_TAG.match(body, at, end)
    if apposition is None and named:
        apposition = _NAMES_APPOSITION.match(body, at, end)
    if apposition is not None and len(apposition.group().split()) <= _MAX_APPOSITION_WORDS:
        return apposition.end() - 1
    return None


def _adjective_led(body: str, at: int, end: int, name: re.Match[str] | None) -> int | None:
    """ "Coastal erosion experts have …": a capitalised ordinary word that opens the
    sentence and lower-case words after it are one phrase, not a one-word name."""
    if name is None or " " in name["who"] or not dictionary_word(name["who"]):
        return None
    if is_given_name(name["who"]) or is_surname(name["who"]):
        return None
    phrase = _ADJECTIVE_LED.match(body, at, end)
    return phrase.end("who") if phrase else None


def _role_or_roles(word: str) -> bool:
    """A person's role, or several ("callers")."""
    return is_person_role(word) or (word.endswith("s") and is_person_role(word[:-1]))


def _role_after(body: str, at: int, end: int) -> int:
    """ "Ann Lee's Norland state director": lower-case words after a name
    that end in a person's role belong to the phrase; the verb comes after them."""
    words = _ROLE_WORDS.match(body, at, end)
    if words is None:
        return at
    last = words.group().split()[-1]
    return words.end() if last in ROLE_NOUNS else at


def _complemented(body: str, at: int, end: int) -> int:
    """ "Republicans on Capitol Hill", "A spokeswoman for the Ways Committee": a named
    complement belongs to the phrase."""
    complement = _NAMED_COMPLEMENT.match(body, at, end)
    return complement.end() if complement else at


def _describes(run: str) -> bool:
    """The lower-case words before a name describe it and end in a role ("campaign
    manager"), none of them a verb or a linking word."""
    words = run.split()
    return (is_person_role(words[-1]) or words[-1] in ROLE_NOUNS) and not any(
        _NOT_DESCRIPTIVE.match(word) or CUE_WORD.fullmatch(word) for word in words
    )
