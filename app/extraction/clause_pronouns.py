"""The pronoun that is the subject of a quote's own clause.

"Ann Lee left early, but she called the plan "…"": the sentence's first subject and the
quote's clause's pronoun mostly mean the same person, and the pronoun is the article's
word for whoever spoke the quote's clause. The words that name the speaker are then the
pronoun, resolved as any pronoun is (polnear-train: 7 speakers made right, 1 lost; with
"they", or after a cue that reports the clause, it lost as many as it won).
"""

import re

from app.extraction.cues import CUE_WORD, SUBORDINATORS
from app.extraction.speaker_words import Attribution
from app.extraction.wordsets import alternation

# A pronoun that opens a new clause of the sentence: after a comma, a coordinator or a
# subordinator, not right after a cue ("Ann Lee said he would …" reports what she said).
_CLAUSE_OPENERS = SUBORDINATORS | {"and", "but", "yet", "as", "where"}
_CLAUSE_PRONOUN = re.compile(
    rf"(?:,|\b(?:{alternation(_CLAUSE_OPENERS)}))\s+(?P<pronoun>he|she)\s+(?=[a-z])"
)
# Words between the pronoun and the quote that give the clause another subject.
_OTHER_SUBJECT = re.compile(r"[,;:]\s+(?:[A-Z]\w+\s+){1,3}\w+\s|\b(?:he|she|they|I|we)\s")
_STEPS = frozenset({"leading_cue", "sentence_subject"})


def clause_pronoun(body: str, found: Attribution, quote_at: int) -> Attribution:
    """``found`` with the pronoun subject of the quote's own clause as its words, when that
    clause opens after the words ``found`` names and has a pronoun for its subject."""
    if found.rule not in _STEPS or found.trailing or not found.speaker_text:
        return found
    after = found.speaker_start + len(found.speaker_text)
    last = None
    for match in _CLAUSE_PRONOUN.finditer(body, after, quote_at):
        last = match
    if last is None or _OTHER_SUBJECT.search(body, last.end(), quote_at):
        return found
    if CUE_WORD.search(body, after, last.start()):
        # "Ann Lee said that … because he …": the pronoun is in what her cue reports.
        return found
    return Attribution(last["pronoun"], last.start("pronoun"), found.cue, found.rule)
