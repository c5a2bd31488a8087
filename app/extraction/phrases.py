"""Speaker phrases: the noun phrase at a cue that names who spoke, never a clause."""

import re

from app.extraction.cues import (
    ANONYMOUS_HEADS,
    AUXILIARY_TAIL,
    AUXILIARY_WORD,
    LEADING_ADVERBIAL,
    NOT_A_SUBJECT,
    PRONOUNS,
    SPEAKER_END,
)
from app.extraction.people import ROLE_NOUNS
from app.extraction.wordsets import FUNCTION_WORDS

# "…," my father said: first-person possessives open a speaker in columns and memoirs.
SPEAKER_START = (
    r"(?:[A-Z]|(?:the|a|an|one|two|some|several|he|she|they|we|i|his|her|their|my|our|your)\b"
    # An age or a date may open a described name: "17-year-old X", "9/11 widow X".
    r"|(?=\d\w*[-/][\w/-]*\s+(?:(?!of\b)[a-z][\w’'-]*\s+){0,3}[A-Z]))"
)

# A speaker may open with a lowercase word when a name follows ("panel Chairman X said",
# "said former governor X"), never with a word that starts a new clause.
NOT_SPEAKER_START = (
    r"(?!(?:and|but|or|nor|because|which|that|while|as|when|if|so|then|to|for|with|in|on|at|"
    r"of|by|from|is|are|was|were|has|have|had|who|where|after|before|until|than|not|it|this|"
    r"there)\b)"
)

_MODIFIED_NAME = re.compile(rf"{NOT_SPEAKER_START}(?:[a-z][\w’'-]*\s+){{1,3}}[A-Z]")

_CONTRACTED_PRONOUN = re.compile(r"(?P<pronoun>[Hh]e|[Ss]he|I|[Ww]e|[Tt]hey)['’](?:s|ve|d|re)\b")

# "Bush thought for a moment and said": a name or pronoun, never "The X" (a noun may follow).
_COORDINATED = re.compile(
    r"^(?P<np>[Hh]e|[Ss]he|I|(?!(?:The|A|An)\b)(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]*)\s+[a-z]"
    r"[^,;:]*\s(?:and|then)$"
)

ENDS_OPEN = re.compile(r"\b(?:of|the|a|an|and|or|in|on|at|for|with|from|to|by)$", re.IGNORECASE)

_MAX_SPEAKER_WORDS = 25

# "On the eve of her third term as mayor, Ann Lee warned": a preposition and lower-case
# words with no name and no subject pronoun are an opening phrase that ran into a cue word
# used as a noun ("term"); the subject comes after it.
_OPENING_PHRASE = re.compile(
    # Not "At least half of voters", "About four in 10", "For someone who": amounts and
    # people.
    r"(?:On|In|Within|During|After|Before|Since|Until|Despite|Amid|Following|Throughout|"
    r"Upon|Through|Ahead|Beyond)"
    r"(?:\s+(?!(?:he|she|they|we|I|it)\b)[a-z0-9][\w’'-]*)+"
)

# ", who …" / ", a lawyer, …": an apposition may hold a verb; the phrase's own head may not.
_APPOSITION = re.compile(r",|\(|\s[–—-]\s")
# "One official who relayed the talks": a relative clause may hold a verb as well.
_RELATIVE = re.compile(r"\s(?:who|whose|whom)\s")
_MAX_RELATIVE_WORDS = 8

# "…, who said": the relative pronoun speaks for the phrase before it.
_RELATIVE_END = re.compile(r",?\s*\bwho$")
_ANTECEDENT_START = re.compile(
    r",?\s+(?:and|but|that|of|from|by|with|for|to|about|on|in|at)\s+|,\s+|\s+[–—-]\s+"
)
_SUBJECT_PRONOUNS = frozenset("he she they we i it".split())
# A pronoun and its verb: the pronoun is the subject the cue at the end of the clause shares.
_PRONOUN_CLAUSE = re.compile(r"(?P<pronoun>[Hh]e|[Ss]he|I|[Ww]e|[Tt]hey)\s+[a-z]")

# Where an apposition after the speaker's name stops: a comma before a time, a place or
# another reporting verb ("said Ana Ruiz, a lawyer, on Monday, adding …").
_APPOSITION_END = re.compile(
    r",\s+(?:on|in|at|during|last|this|earlier|later|yesterday|today|tonight|after|before|"
    r"when|while|according|adding|saying|noting|explaining|arguing|telling|writing|citing|"
    r"referring|pointing|calling|urging|warning|asking)\b",
    re.IGNORECASE,
)
_HARD_END = re.compile(r"[;:(]\s|\s[–—-]\s")
_RELATIVE_START = re.compile(r",\s+(?:who|whose|whom|which)\b")

_CLAUSE_BREAK = re.compile(
    r",\s+|\s+[–—-]\s+|\s+(?:and|but|or|that|when|while|as|because|after|before|if|so|"
    r"where|who|which|whom|than)\s+"
)

_JOINED_CLAUSE = re.compile(r"[,;]\s+(?:and|but|yet)\s+(?:then\s+)?")

_CLAUSE_WORD = re.compile(
    r"\b(?:that|is|are|was|were|has|have|had|will|would|should|can|could|must|did|does|"
    r"continues|continued|remains|remained|became|becomes|seems|seemed|said|says|told|tells|"
    r"wrote|writes|added|adds|asked|explained|argued|claimed|insisted|warned)\b"
    r"|\b(?:[a-z]+ed|[a-z]+ing)\s+(?:the|a|an|to|that|it|its|his|her|their|our|this)\b"
)


def plausible_subject(who: str) -> bool:
    """Short, and opening with a name, a determiner or a pronoun, or with a few lowercase
    modifiers before a name ("former governor X"); never an opening phrase alone."""
    return (
        bool(who)
        and len(who.split()) <= _MAX_SPEAKER_WORDS
        and bool(re.match(SPEAKER_START, who) or _MODIFIED_NAME.match(who))
        and not _OPENING_PHRASE.fullmatch(who)
    )


def speaker_phrase(who: str) -> str | None:
    """The noun phrase that speaks in the words before a cue: all of them when they are
    one, else the phrase right before the cue ("As far as X is sure, the senator said",
    "a woman asked for a photo and Clinton said"), else the sentence's own subject
    ("Senator X is choosing not to call it")."""
    contracted = _CONTRACTED_PRONOUN.match(who)
    if contracted is not None:
        return contracted["pronoun"]  # "He’s called it": he
    relative = _RELATIVE_END.search(who)
    if relative is not None:
        return _antecedent(who, relative.start())
    joined = list(_JOINED_CLAUSE.finditer(who))
    if joined:
        # "The talks stalled this week, and the minister said": the clause after the
        # conjunction holds the speaker, the one before it is the reporter's.
        tail = trim_subject(who[joined[-1].end() :])
        if is_speaker(tail) and re.match(SPEAKER_START, tail):
            return tail
    if is_speaker(who):
        return who
    coordinated = _COORDINATED.match(who)
    if coordinated is not None and is_speaker(coordinated["np"]):
        return coordinated["np"]  # "Bush thought for a moment and said": Bush said
    for match in _CLAUSE_BREAK.finditer(who):
        tail = trim_subject(who[match.end() :])
        # "X was injured and manager Ana Ruiz said": a role word before a name opens a
        # phrase as surely as a capital does.
        if is_speaker(tail) and (re.match(SPEAKER_START, tail) or _MODIFIED_NAME.match(tail)):
            return tail
    verb = _CLAUSE_WORD.search(who)
    head = trim_subject(who[: verb.start()]) if verb else ""
    if is_speaker(head) and not _CLAUSE_BREAK.search(head) and not ENDS_OPEN.search(head):
        return head
    return _pronoun_subject(who)


def _antecedent(who: str, relative_at: int) -> str | None:
    """ "a memoir by a former spy who wrote": the phrase the relative pronoun stands for,
    kept with it, from the nearest break or preposition that leaves a speaker."""
    before = who[:relative_at]
    breaks = list(_ANTECEDENT_START.finditer(before))
    starts = [0, *(match.end() for match in breaks)]
    for k in range(len(starts) - 1, -1, -1):
        tail = trim_subject(before[starts[k] :])
        if "," in tail or not is_speaker(tail):
            continue  # a comma inside ends an apposition, and a clause follows it
        at = who.index(tail, starts[k])
        # "Ann Lee, a native of Ohio who": a name before the apposition heads it.
        if k > 0 and breaks[k - 1].group().strip() == ",":
            named = trim_subject(before[starts[k - 1] : breaks[k - 1].start()])
            if is_speaker(named) and named[:1].isupper():
                at = who.index(named, starts[k - 1])
        return who[at:]
    return None


def _pronoun_subject(who: str) -> str | None:
    """The pronoun opening the last clause that has one ("he held his fire on X, calling
    him": he), the subject the cue at its end shares."""
    starts = [0, *(match.end() for match in _CLAUSE_BREAK.finditer(who))]
    for start in reversed(starts):
        clause = _PRONOUN_CLAUSE.match(trim_subject(who[start:]))
        if clause is not None:
            return clause["pronoun"]
    return None


def is_speaker(who: str) -> bool:
    return plausible_subject(who) and noun_phrase(who) and not bare_word(who)


def bare_word(who: str) -> bool:
    """ "As", "When", "One": a sentence opener or a phrase left open ("the secretary of")."""
    words = who.split()
    opener = len(words) == 1 and words[0] in NOT_A_SUBJECT | FUNCTION_WORDS
    return (opener and words[0].lower() not in PRONOUNS) or bool(ENDS_OPEN.search(who))


def noun_phrase(who: str) -> bool:
    """A speaker is a noun phrase at its cue, never a clause: "The conflict continues" or
    "X admitted that the budget was" hold a verb of their own outside any apposition."""
    core = _APPOSITION.split(who, maxsplit=1)[0]
    relative = _RELATIVE.search(core)
    if relative is not None and len(core[relative.end() :].split()) <= _MAX_RELATIVE_WORDS:
        core = core[: relative.start()]
    words = core.split()
    if len(words) > 1 and words[0].casefold() in _SUBJECT_PRONOUNS:
        return False  # "she called Sanders …": a pronoun heads no longer phrase, a verb follows
    return not _CLAUSE_WORD.search(core)


def trim_subject(text: str) -> str:
    text = text.strip(" ,;–—-\n")
    while (lead := LEADING_ADVERBIAL.match(text)) is not None and lead.end() > 0:
        text = text[lead.end() :]
    last = text.rsplit(maxsplit=1)[-1:]
    if last and AUXILIARY_WORD.fullmatch(last[0]):
        text = AUXILIARY_TAIL.sub("", text)
    text = text.strip(" ,;–—-")
    return text


def trim_object(text: str) -> str:
    """The speaker words after a cue ("said Ana Ruiz, a lawyer who …"): the name, then its
    apposition or relative clause, which name the speaker too; time and circumstance after
    the name ("on Monday", "in a statement") or after a comma end them."""
    text = text.strip()
    core = _APPOSITION.search(text)
    core_end = core.start() if core else len(text)
    end = SPEAKER_END.search(text)
    if end is not None and end.start() <= core_end:
        return _tidy(text[: end.start()])
    hard = _HARD_END.search(text, core_end)
    end_at = hard.start() if hard else len(text)
    if not _RELATIVE_START.match(text, core_end):
        circumstance = _APPOSITION_END.search(text, core_end, end_at)
        end_at = circumstance.start() if circumstance else end_at
    return _tidy(text[:end_at])


def _tidy(text: str) -> str:
    return text.rstrip(" .,;:–—-\n").strip()


# "The unions want more time, Ann Lee said": words and a comma before the name that
# closes a credit. An apposition before a name holds a role ("Her lawyer, Ann Lee").
_NAME_AFTER_COMMA = re.compile(r"^(?P<lead>[^,]+),\s+(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*$")
_MIN_CLAUSE_WORDS = 3
# The role endings that verbs and adjectives do not share ("-ant", "-ent", "-er" do: "want",
# "recent", "never").
_ROLE_SUFFIX = re.compile(r"(?:man|woman|men|women|person|people|ist|ists|ian|ians)$")


def clause_before_name(who: str) -> bool:
    """The words before ``who``'s closing name are a sentence of the reporter's, not an
    apposition: three or more lower-case words and none that names a role."""
    match = _NAME_AFTER_COMMA.match(who)
    if match is None:
        return False
    lead = [word.strip(".’'") for word in match["lead"].split()]
    if sum(word[:1].islower() for word in lead[1:]) < _MIN_CLAUSE_WORDS:
        return False  # a name and its title ("Rep. Ann Lee, R-Pa.")
    return not any(
        word in ROLE_NOUNS or word in ANONYMOUS_HEADS or _ROLE_SUFFIX.search(word)
        for word in map(str.casefold, lead)
    )
