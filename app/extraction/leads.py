"""Cues before a quote: ``X said: "…"``, ``X said that "…"``, ``according to X, "…"``."""

import re

from app.extraction.agents import absolute_subject, passive_agent, possessor
from app.extraction.cues import CUE_WORD, DETERMINER_BEFORE, SUBORDINATORS, modifies_role
from app.extraction.nested import outer_source
from app.extraction.phrases import (
    is_speaker,
    noun_phrase,
    speaker_phrase,
    trim_object,
    trim_subject,
)
from app.extraction.sentences import last_sentence_start
from app.extraction.speaker_words import Attribution
from app.extraction.subjects import sentence_subject
from app.extraction.wordsets import alternation

# An initial's full stop is no sentence end: "according to the firm's founder Ann B. Lee".
_NP_AFTER = re.compile(r"\s*(?P<who>(?:[^,.;:]|(?<=\b[A-Z])\.(?=\s+[A-Z])){1,120})")
# How far back a determiner or a possessive ("Ann Lee-Brown’s") before a cue can start.
_DETERMINER_REACH = 40
# Verbs whose passive subject is the one judged, not the judge: "X is accused of "…"",
# and the one spoken of or to: "X was said to be "…"", "X was told: "…"".
_JUDGING = re.compile(
    r"(?:accus|call|describ|label|brand|dub|prais|critici|slam|blast|hail|mock|term|"
    r"characteri|charg|deni|dismiss|ask|said|told)"
)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|got|gets)\s+(?:\w+ly\s+)?$")
_PARTICIPLE_LINK = re.compile(r"\b(?:by|while|after|before|when|in)$")
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\b")
# Marks that end one clause and open the next: a dash or a semicolon (a comma may part a
# name from its apposition, "Sen. Ann Lee, R-Ky.", or a place from its state).
_CLAUSE_BREAK = re.compile(r"[;―—–]\s*|\s-\s")
_MAX_CLAUSE_SPEAKER_WORDS = 6
# "…, which he added was "…"", "whom she described as": a subject pronoun after a relative
# word right before the nearest cue is that cue's own subject, not the sentence's (3 made
# right on polnear-train, 1 lost; after "what", "as" or a comma it lost more than it won).
_PRONOUN_AT_CUE = re.compile(
    r"\b(?:which|whom)\s+(?P<pronoun>he|she|they|we|I)"
    r"(?:\s+(?:also|later|then|once|again|has|had|have|would|will|\w+ly))*\s+$"
)
# "… because, as the Courier put it, "…"": the clause names who put the words that follow.
_AS_PUT_IT = re.compile(
    r"\b[Aa]s\s+(?P<who>[^,;:\"“”]{1,60}?)\s+(?:put|puts|says|said|wrote|writes)\s+it,?\s*$"
)
# "who" and at most two words (an auxiliary, an adverb) before a cue.
_WHO_BEFORE_CUE = re.compile(r"\bwho(?:\s+[a-z]+){0,2}\s*$")
# ", but", "; and": a new clause of the reporter's, with a subject of its own.
_COORDINATED_CLAUSE = re.compile(r"[,;]\s+(?:but|and|while|whereas|yet)\s+")
# A sentence that opens with a subordinate clause ("When …", capitalised).
_SUBORDINATE = re.compile(rf"\s*(?:{alternation(w.capitalize() for w in SUBORDINATORS)})\b")


def before_quote(body: str, start: int, end: int) -> Attribution | None:
    """``X said: "…"``, ``X said that "…"``, ``X called it "…"``, ``according to X, "…"``."""
    start = last_sentence_start(body, start, end)
    put_it = _AS_PUT_IT.search(body, max(start, end - 80), end)
    if put_it is not None and is_speaker(put_it["who"]):
        return Attribution(put_it["who"], put_it.start("who"), "put", "leading_cue")
    # After a determiner the word is a noun ("a call for", "his claim"), not a verb.
    found = [
        c
        for c in CUE_WORD.finditer(body, start, end)
        if not _after_determiner(body, start, c) and not modifies_role(body, c.end(), end)
    ]
    # ", explaining why …": a participle has no subject of its own; it shares the sentence's.
    cues = [c for c in found if not _participle(body, start, c)]
    if not cues:
        if not found:
            speech = possessor(body, start, end)
            return Attribution(*speech, "leading_cue") if speech else None
        subject = _participle_subject(body, start, found[-1])
        if subject is not None or _after_comma(body, start, found[-1]):
            return subject
        # "On May 2 they ended it by saying": no subject opens the sentence; the words
        # before the participle are read as before any cue.
        cues = found[-1:]
    # The cue nearest the quote governs it; an earlier one only when the words before the
    # nearest hold no speaker at all.
    cue = cues[-1]
    absolute = absolute_subject(body, start, cue)
    if absolute is not None:
        return Attribution(absolute[0], absolute[1], cue.group(), "leading_cue")
    outer = outer_source(body, start, cues, end)
    if outer is not None:
        return Attribution(*outer, "outer_source")
    pronoun = _PRONOUN_AT_CUE.search(body, max(start, cue.start() - 40), cue.start())
    if pronoun is not None:
        return Attribution(pronoun["pronoun"], pronoun.start("pronoun"), cue.group(), "leading_cue")
    local = _clause_speaker(body, start, cue) or _joined_clause_speaker(body, cues)
    if local is not None:
        return Attribution(local[0], local[1], cue.group(), "leading_cue")
    if not cue.group().lower().startswith("according"):
        spoken = (
            c for c in reversed(cues) if speaker_phrase(trim_subject(body[start : c.start()]))
        )
        cue = next(spoken, cue)
    if cue.group().lower().startswith("according"):
        match = _NP_AFTER.match(body, cue.end(), end)
        if match is None:
            return None
        who = trim_object(match.group("who"))
        if not who or not noun_phrase(who):
            return None
        return Attribution(who, match.start("who"), cue.group(), "according_to")
    agent = passive_agent(body, start, cue, end)
    if agent is not None:
        return Attribution(agent[0], agent[1], cue.group(), "leading_cue")
    if _passive_judged(body, start, cue):
        # "X is accused of "…"", "X was asked: "…?"": the subject is not who said it.
        return None
    if _in_subordinate_clause(body, start, cue, end):
        return None  # "When a pupil asked X about it, X began: "…"": the cue is not the quote's
    credited = _inverted_credit_relative(body, start, cues, cue)
    if credited is not None:
        return Attribution(credited[0], credited[1], cue.group(), "leading_cue")
    speaker = speaker_phrase(trim_subject(body[start : cue.start()]))
    if speaker is None:
        # "…," said X, explaining …: an inverted cue opens the sentence; the participle
        # is the quote's speaker's and continuation will find them.
        participles = [c for c in found if c.start() > cue.start()]
        if not participles or not body[start : cue.start()].strip(" ,;–—-\n"):
            return None
        return _participle_subject(body, start, participles[-1])
    return Attribution(speaker, body.index(speaker, start), cue.group(), "leading_cue")


def subject_of(body: str, start: int, end: int) -> Attribution | None:
    """The subject of the sentence that starts at ``start`` (see ``subjects``), unless a
    passive cue after it makes the subject the one judged or asked: "X was accused of
    "…"" and "X was asked, "…?"" quote someone the sentence does not name, and the
    attribution names nobody (empty words; the quote is still someone's words)."""
    found = sentence_subject(body, start, end)
    if found is None:
        return None
    after = found[1] + len(found[0])
    if any(_passive_judged(body, after, c) for c in CUE_WORD.finditer(body, after, end)):
        return Attribution("", after, None, "sentence_subject")
    return Attribution(found[0], found[1], None, "sentence_subject")


def _passive_judged(body: str, start: int, cue: re.Match[str]) -> bool:
    """A judging or asking cue in the passive: its subject is not who said the words.
    "Is labeling" is the progressive: its subject is the judge."""
    word = cue.group()
    return (
        bool(_JUDGING.match(word))
        and not word.endswith("ing")
        and bool(_PASSIVE.search(body, start, cue.start()))
    )


def _clause_speaker(body: str, start: int, cue: re.Match[str]) -> tuple[str, int] | None:
    """A short name phrase after the last clause mark before the cue speaks ("When X
    objected ― as he often does ― Bo insisted"): the cue's own clause has a subject of
    its own. Not after "according to", whose source is the quote's."""
    lead = body[start : cue.start()]
    if cue.group().lower().startswith("according") or _ACCORDING.search(lead):
        return None
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(lead)]
    if not breaks:
        return None
    words = trim_subject(lead[breaks[-1] :])
    speaker = speaker_phrase(words) if words[:1].isupper() else None
    if speaker is None or len(speaker.split()) > _MAX_CLAUSE_SPEAKER_WORDS:
        return None
    return speaker, body.index(speaker, start + breaks[-1])


def _joined_clause_speaker(body: str, cues: list[re.Match[str]]) -> tuple[str, int] | None:
    """ "Bo said …, but his lawyer, Ann Lee, told reporters … and added: "…"": after a
    clause that has a cue of its own, a joined clause with a subject of its own governs the
    quote its cues lead to; the sentence's first subject does not."""
    if len(cues) < 2:
        return None
    joins = list(_COORDINATED_CLAUSE.finditer(body, cues[0].end(), cues[-1].start()))
    if not joins:
        return None
    at = joins[-1].end()
    for cue in cues:
        if cue.start() > at:
            speaker = speaker_phrase(trim_subject(body[at : cue.start()]))
            if speaker is None:
                continue
            speaker_at = body.index(speaker, at)
            # The phrase is the cue's subject only when nothing but a comma parts them.
            if body[speaker_at + len(speaker) : cue.start()].strip(" ,"):
                return None
            return speaker, speaker_at
    return None


def _inverted_credit_relative(
    body: str, start: int, cues: list[re.Match[str]], cue: re.Match[str]
) -> tuple[str, int] | None:
    """ "“…,” said Ann Lee, a port lawyer, who added that … “…”": the "who" after an
    inverted credit is its speaker, not the last noun before it."""
    first = cues[0]
    if first is cue or body[start : first.start()].strip(" ,;:\n"):
        return None
    words = body[first.end() : cue.start()]
    who = _WHO_BEFORE_CUE.search(words)
    if who is None:
        return None
    speaker = speaker_phrase(trim_subject(words.split(",")[0]))
    if speaker is None:
        return None
    # The words run on to "who": the credit's apposition is part of what names them.
    at = body.index(speaker, first.end())
    return body[at : first.end() + who.start() + len("who")], at


def _in_subordinate_clause(body: str, start: int, cue: re.Match[str], end: int) -> bool:
    """The sentence opens with "When …" and the cue comes before the comma that ends
    that clause, the quote after it."""
    after = body[cue.end() : end]
    return (
        _SUBORDINATE.match(body, start, cue.start()) is not None
        and "," not in body[start : cue.start()]
        and "," in after
        # "When someone shouted, "…"": the quote right after the clause is its cue's.
        and bool(after[after.rindex(",") + 1 :].strip())
    )


def _participle(body: str, start: int, cue: re.Match[str]) -> bool:
    """ ", saying", "ended by saying": a participle after a comma or a preposition."""
    if not cue.group().endswith("ing"):
        return False
    lead = body[start : cue.start()].rstrip()
    return lead.endswith(",") or _PARTICIPLE_LINK.search(lead) is not None


def _after_comma(body: str, start: int, cue: re.Match[str]) -> bool:
    return body[start : cue.start()].rstrip().endswith(",")


def _participle_subject(body: str, start: int, cue: re.Match[str]) -> Attribution | None:
    """ "Ana Ruiz spoke for an hour, saying: …": the subject of the sentence speaks."""
    found = subject_of(body, start, cue.start())
    if found is None:
        return None
    return Attribution(found.speaker_text, found.speaker_start, cue.group(), "leading_cue")


def _after_determiner(body: str, start: int, cue: re.Match[str]) -> bool:
    """``DETERMINER_BEFORE`` on the words just before the cue. Searched from the sentence
    start for every cue, long sentences took quadratic time; a match ends in the spaces
    before the cue, so it starts at most one determiner's length before them."""
    words_end = cue.start()
    while words_end > start and body[words_end - 1].isspace():
        words_end -= 1
    at = max(start, words_end - _DETERMINER_REACH)
    return bool(DETERMINER_BEFORE.search(body, at, cue.start()))
