"""A quote inside a relative clause: "Ann Lee, who has called the plan "…", left early".

The relative clause's subject is "who", and "who" stands for the name before it, not for
the sentence's own subject. The words that name the speaker are the name and "who"
(polnear-train: 4 speakers made right, none lost, once a clause a cue, a linking verb, a
dash or a sentence end closes is left to the main clause).
"""

import re

from app.extraction.cues import CUE_WORD, SUBORDINATORS
from app.extraction.sentences import last_sentence_start
from app.extraction.speaker_words import Attribution
from app.extraction.wordsets import alternation

# A capitalised name, an optional comma and "who" with a verb of its own after it (not
# "whom", not "who she called": there the pronoun after "who" is the clause's subject).
_NAME_WHO = re.compile(
    r"(?P<name>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*),?\s+(?P<who>who)\s+"
    r"(?!(?:he|she|they|I|we|you)\b)(?=[a-z])"
)
# Inside the relative clause up to the quote: a comma or another subject closes or
# leaves it ("Ann Lee, who won, called it "…"" is the main clause's).
_CLAUSE_LEFT = re.compile(
    r",(?!\s*[\"“]?$)|[.!?;―—–]|\s-\s|\b(?:who|which|that|he|she|they|I|we)\b"
)
# "who is listed as": the passive's subject is the one described, not who described them.
_PASSIVE = re.compile(r"(?:is|are|was|were|been|being)\s+(?:\w+\s+)?\w+ed\b")
# A cue further on than the relative clause's first few words is the main clause's:
# "Ann Lee, who chairs the board said: "…""; a cue of an opening clause ("when asked")
# is the relative clause's own.
_CUE_REACH = 3
# A linking verb after the relative clause's first words is the main clause's.
_MAIN_VERB = re.compile(r"^\S+\s.*\b(?:is|are|was|were)\b")
_OPENING = re.compile(rf"\b(?:{alternation(SUBORDINATORS)})\s+$")


def relative_speaker(body: str, start: int, quote_at: int) -> Attribution | None:
    """The name and "who" when the quote at ``quote_at`` sits in a relative clause of
    the sentence that starts at or after ``start``."""
    start = last_sentence_start(body, start, quote_at)
    last = None
    for match in _NAME_WHO.finditer(body, start, quote_at):
        last = match
    if last is None or CUE_WORD.match(last["name"].lower()):
        return None  # "Said Ann Lee, who …": an inverted credit, not a name
    clause = body[last.end() : quote_at].rstrip(" :")
    if _CLAUSE_LEFT.search(clause) or _PASSIVE.match(clause):
        return None
    if any(_main_cue(clause, cue) for cue in CUE_WORD.finditer(clause)):
        return None
    if _MAIN_VERB.search(clause):
        return None  # "Ann Lee, who died in May is "…"": the clause closed without a comma
    text = body[last.start("name") : last.end("who")]
    return Attribution(text, last.start("name"), None, "relative_clause")


def _main_cue(clause: str, cue: re.Match[str]) -> bool:
    lead = clause[: cue.start()]
    return len(lead.split()) >= _CUE_REACH and _OPENING.search(lead) is None
