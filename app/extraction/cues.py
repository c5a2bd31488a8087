"""The reporting-verb lexicon and the small word lists attribution leans on."""

import re

from app.extraction.people import ROLE_NOUNS
from app.extraction.wordsets import alternation

# Verbs that introduce speech or writing. Regular ones are inflected below.
_REGULAR = (
    "add acknowledge admit agree announce answer argue ask assert boast call caution "
    "charge chant claim comment complain concede conclude confirm contend counter declare "
    "decry demand deny describe dismiss echo emphasise emphasize estimate exclaim explain "
    "insist joke label lament maintain mention muse note observe plead pledge post predict "
    "proclaim promise quip reason recall reckon recount remark repeat reply report respond "
    "reveal scoff shout signal snap state stress suggest testify threaten tweet urge vow "
    "warn wonder yell accuse brand criticize criticise dub hail mock praise slam blast "
    "characterize characterise term question assure exhort demur retort interject concur "
    "continue fume bark elaborate remember reiterate react"
).split()
_IRREGULAR = (
    "say says said saying tell tells told telling write writes wrote writing written "
    "put puts putting insisted read reads pressed"
).split()
_PHRASAL = (
    "point out",
    "points out",
    "pointed out",
    "went on",
    "goes on",
    # A retort: a verb of shooting, firing, hitting or writing, and "back".
    *(f"{verb} back" for verb in "shot shoots fired fires hit hits wrote writes".split()),
)


def _inflect(verb: str) -> list[str]:
    if verb.endswith("e"):
        stem = verb[:-1]
        return [verb, verb + "s", verb + "d", stem + "ing"]
    if verb.endswith("y") and verb[-2] not in "aeiou":
        stem = verb[:-1]
        return [verb, stem + "ies", stem + "ied", verb + "ing"]
    # One stressed short syllable doubles its consonant ("qu" is one): quip → quipped,
    # admit → admitted.
    stressed = re.fullmatch(r"(?:qu|[^aeiou])*[aeiou][bdgmnpt]", verb) or verb.endswith("mit")
    doubled = verb + verb[-1] if stressed else verb
    ending = "es" if verb.endswith(("sh", "ch", "s", "x")) else "s"
    return [verb, verb + ending, doubled + "ed", doubled + "ing"]


# Every one-word form of a reporting verb, for a look-up where a regex would scan.
CUE_FORMS = frozenset({form for verb in _REGULAR for form in _inflect(verb)} | set(_IRREGULAR))


def _cue_alternation() -> str:
    return "|".join([r"[Aa]ccording\s+to", alternation(CUE_FORMS | set(_PHRASAL))])


CUE = _cue_alternation()
# "two-term", "self-described": a cue word inside a hyphenated word is no verb.
CUE_WORD = re.compile(rf"(?<![\w-])(?:{CUE})(?![\w-])")

# A determiner or a possessive ("Lee’s claims") makes the next word a noun; "he’s" is
# "he is" or "he has", and the verb that follows may well be a cue.
DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|this|that|his|her|its|their|our|my|your)"
    r"|\b(?!(?:he|she|it|that|there|who|what|where)['’])\w+['’]s?)\s+$",
    re.IGNORECASE,
)

PRONOUNS = frozenset("he she they i we it him her them".split())
# Words that open a subordinate clause: "When Ann Lee asked, …" — a cue inside such a
# clause is not the main clause's, whose subject is the sentence's own.
SUBORDINATORS = frozenset(
    "when whenever after before while if because since although though once until".split()
)
POSSESSIVE_PRONOUNS = frozenset("his her their its".split())
# Pronouns that point back to one person.
PERSONAL_PRONOUNS = frozenset("he she him his her".split())

# Role nouns for people: "the professor", "the spokeswoman", "the nominee".
_PERSON_SUFFIX = re.compile(r"(?:er|or|ist|ian|man|woman|person|ent|ant|ee|ief|ess|crat)$")
_PERSON_NOUNS = frozenset(
    "expert official aide general candidate diplomat envoy judge coach star veteran chair athlete "
    "head boss governor mayor senator lawmaker captain colonel sergeant".split()
)
_NOT_PERSON = frozenset(
    "letter paper order number chapter center centre border matter power water report "
    "statement document agreement government department parliament tower member committee".split()
)


def is_person_role(noun: str) -> bool:
    if noun in _NOT_PERSON:
        return False
    return noun in _PERSON_NOUNS or bool(_PERSON_SUFFIX.search(noun))


_NEXT_WORD = re.compile(r"\s+(?P<word>[a-z]+)\b")


def modifies_role(text: str, cue_end: int, end: int) -> bool:
    """ "the firm's Norland state director": a cue word right before a person's role is a
    noun that modifies it, no verb."""
    role = _NEXT_WORD.match(text, cue_end, end)
    # Only a listed role: a suffix such as "-er" would take "said her" for a role too.
    return role is not None and role["word"] in ROLE_NOUNS


# A speaker phrase is unnamed when it is one of these and names nobody.
ANONYMOUS_HEADS = frozenset(
    "source sources official officials people person insider insiders aide aides "
    "observer observers analyst analysts expert experts critic critics witness witnesses "
    "resident residents diplomat diplomats someone spokesperson".split()
)


def plain_role(noun: str) -> bool:
    """A lower-case head that names people who speak: "prosecutors", "a spokesman"."""
    return noun in ANONYMOUS_HEADS or is_person_role(noun.removesuffix("s"))


INDEFINITE = re.compile(
    r"^(?:a|an|one|some|several|many|two|three|four|few|other|another|senior|multiple|most)\b",
    re.IGNORECASE,
)
# Words between a speaker and the verb that belong to neither ("he also said").
_AUXILIARY = (
    r"(?:has|have|had|was|were|is|are|would|will|could|might|did|does|do|had|"
    r"also|later|then|once|again|previously|recently|repeatedly|since|just|even|first|"
    r"further|often|still|not|never|\w+n[’']t|(?-i:(?!(?:ally|family|assembly|rally|bully|daily|"
    r"weekly|monthly|quarterly|supply|anomaly)\b)[a-z]+ly))"
)
AUXILIARY_TAIL = re.compile(rf"(?:\s+{_AUXILIARY})+$", re.IGNORECASE)
# One such word alone: a tail ends with one, and testing the last word first spares
# searching every space of the phrase for a tail.
AUXILIARY_WORD = re.compile(_AUXILIARY, re.IGNORECASE)
# Openers of a sentence that are not part of its subject ("But", "On Monday,").
LEADING_ADVERBIAL = re.compile(
    r"(?:(?:but|and|so|yet|still|meanwhile|however|later|earlier|then|now|also|instead|"
    r"separately|indeed|again|finally|though|although|while|when|if|as|because|since|"
    r"to\s+which|in\s+response)\b,?\s+"
    # "Typically, she said": an adverb set off by a comma opens the sentence, not its subject.
    r"|[A-Za-z]+ly,\s+"
    r"|(?:on|in|at|during|after|before|speaking|asked|writing|last|this|earlier|with|without|"
    r"amid|despite|following|given|under|for|as|to|ahead|prior|until|unlike|like|across|"
    r"among|amongst|around|by|from|over|through|throughout|within|upon|beyond|toward|towards|"
    r"against|besides|regarding)\b[^,]{0,100},\s+)",
    re.IGNORECASE,
)
# Where a speaker phrase after the verb stops: time and circumstance, not identity.
SPEAKER_END = re.compile(
    r"(?:\s+(?:on\s+(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
    r"nov|dec|\d)\w*|last|this\s+(?:week|month|year|morning|afternoon|evening|weekend|spring|"
    # "this" only before a time: "who may not speak publicly on this issue" is identity.
    r"summer|fall|autumn|winter|season|time|mon|tue|wed|thu|fri|sat|sun)|earlier|yesterday|"
    r"today|tonight|during|while|when|adding|before|"
    r"after|in\s+(?:a|an|his|her|their|the)\s+(?:statement|interview|speech|tweet|post|"
    r"letter|email|news|press|television|radio))\b|[;:(]\s|\s+[–—-]\s).*$",
    re.IGNORECASE,
)

# Capitalised sentence openers that are not names: a subject never starts with them.
NOT_A_SUBJECT = frozenset(
    "After Before For By But And Or So Yet Still If When While Though Although Because Since "
    "As At In On Of To From With Without Into About Over Under Through During Despite "
    "This That These Those There Here It Its What Why How Who Whom Whose Where Which "
    "Whatever Whoever Perhaps Maybe Having Being Contrary Heading Meanwhile However Also "
    "Instead Indeed Then Now Once Check Even Just Only Not No Yes Some Many Most All Every "
    "Each Both Either Neither Such Another Other Last Next First Earlier Later Today "
    "Yesterday Tomorrow Tonight Unlike Like Given Asked According Among Between Amid".split()
)
