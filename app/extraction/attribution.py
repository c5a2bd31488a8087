"""Who said a quote, from the words of its own sentence: ``"…," X said``, ``X said: "…"``."""

import re
from dataclasses import dataclass

from app.extraction.agents import (
    PASSIVE_REACH,
    absolute_subject,
    agent_after_quote,
    passive_agent,
    possessor,
)
from app.extraction.cues import (
    CUE,
    CUE_WORD,
    plain_role,
)
from app.extraction.phrases import (
    NOT_SPEAKER_START,
    SPEAKER_START,
    clause_before_name,
    noun_phrase,
    speaker_phrase,
    trim_object,
    trim_subject,
)
from app.extraction.quote_marks import Paragraph, QuoteSpan
from app.extraction.subjects import sentence_subject

_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Rep|Reps|Sen|Sens|Del|Amb|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|St|Jr|Sr|"
    r"Inc|Corp|Co|Ltd|No|vs|Rev|Hon|Atty|Mt|Ft|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|"
    r"U\.S|U\.K|U\.N|D\.C|e\.g|i\.e|a\.m|p\.m)|\b[A-Z])\.$"
)
# A sentence end before a capital or a digit, or a line break. Opening on one character
# class lets the scan jump between those characters; "[.!?…]...|\n" tried a match at
# every position (2% of extraction's instructions on the BBC set, now half that).
_BOUNDARY = re.compile(r"[\n.!?…](?:(?<=\n)|[\"'”’)]*\s+(?=[\"“‘'(]?[A-Z0-9]))")
_CUE_FIRST = re.compile(
    rf"^[\s,;–—-]*(?P<cue>{CUE})\s+(?P<who>(?:{SPEAKER_START}"
    # Only the first word may not open a clause: "said master of ceremonies X".
    rf"|{NOT_SPEAKER_START}(?:[a-z][\w’'-]*\s+){{1,4}}(?=[A-Z])).*)$",
    re.DOTALL,
)
# "…," as X said: the "as" belongs to neither the quote nor the speaker.
_SPEAKER_FIRST = re.compile(
    rf"^[\s,;–—-]*(?:as\s+)?(?P<who>{SPEAKER_START}[^\"“”]{{0,150}}?"
    rf"|{NOT_SPEAKER_START}[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+[A-Z][^\"“”]{{0,120}}?"
    # "…," it says: a document or a statement speaks; "…," officials said: a plain role.
    r"|it|(?:(?:this|these|those|that)\s+)?(?:[a-z][\w-]*\s+){0,2}(?P<role>[a-z][\w-]*))"
    # After a determiner the cue word is a noun: "the report said" is not "the" + "report".
    r"(?<!\bthe)(?<!\ba)(?<!\ban)(?<!\bhis)(?<!\bher)(?<!\bits)(?<!\btheir)"
    rf"\s+(?P<cue>{CUE})\b",
    re.DOTALL,
)
# "…" ― Name: a credit line after a quote.
_DASH_CREDIT = re.compile(r"\s*[―—–]\s*(?P<who>[A-Z][^,;:!?\"“”]{1,80}?)[\s.]*$")
# "…" was the word, X said. — a credit closing the sentence.
_TRAILING_CREDIT = re.compile(
    rf",\s+(?P<who>{SPEAKER_START}[^,\"“”]{{0,80}}?)\s+(?P<cue>{CUE})\b\s*"
    r"(?:[,.!?]|$|(?=(?:after|before|on|in|at|during|when|while|last|this|yesterday|today)\b))"
)
# "…" is so, says X, a professor. — the cue first, closing the sentence.
_TRAILING_CUE_FIRST = re.compile(rf",\s+(?P<cue>{CUE})\s+(?P<who>[A-Z][^\"“”]{{0,250}}?)[\s.!?]*$")
# "…" said X, with no comma after the quote: only a capitalised name may follow.
_BARE_CUE = re.compile(rf"^\s+(?:{CUE})\s+(?:[a-z][\w’'-]*\s+){{0,3}}[A-Z]")
# A determiner or a possessive ("Trump’s claims") makes the next word a noun; "he’s" is
# "he is" or "he has", and the verb that follows may well be a cue.
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|this|that|his|her|its|their|our|my|your)"
    r"|\b(?!(?:he|she|it|that|there|who|what|where)['’])\w+['’]s?)\s+$",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"^\s*[,–—]")
# Marks that end a quote's clause.
_CLAUSE_MARKS = tuple(",.?!…—-")
_NP_AFTER = re.compile(r"\s*(?P<who>[^,.;:]{1,120})")
_MAX_SPEAKER_FIRST_WORDS = 15
# How far around a quote a passive cue and its "by" agent are looked for.
_AGENT_REACH = 200
_PASSIVE_AUXILIARY = re.compile(r"\b(?:is|are|was|were|be|been|being)\s")
# How far back a determiner or a possessive ("Ann Lee-Brown’s") before a cue can start.
_DETERMINER_REACH = 40
# Verbs whose passive subject is the one judged, not the judge: "X is accused of "…"".
_JUDGING = re.compile(
    r"(?:accus|call|describ|label|brand|dub|prais|critici|slam|blast|hail|mock|term|"
    r"characteri|charg|deni|dismiss)"
)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|got|gets)\s+(?:\w+ly\s+)?$")
# What may follow a bare credit's cue: when, where, how — never what was said.
_CIRCUMSTANCE = re.compile(
    r"(?:on|in|at|during|last|this|earlier|later|yesterday|today|tonight|afterward|after|"
    r"before|when|while|to|of|from|\w+ly)\b",
    re.IGNORECASE,
)
# A sentence that opens with a subordinate clause: its cue is not the main clause's.
_SUBORDINATE = re.compile(
    r"\s*(?:When|After|Before|While|If|Because|Since|Although|Though|Once|Until|Whenever)\b"
)
# A credit with no comma before it is one plain phrase ("Ana Ruiz", "the paper's editor
# Ana Ruiz"): a comma or a linking word means the words after the quote go on its sentence.
_LINKED = re.compile(r"[,;(]|\b(?:by|and|or|but|as|that|which|who|whose|with|to|of|for)\b")
_SENTENCE_CLOSED = re.compile(r"(?:^|[.!?…][\"'”’)]*)\s*$")


@dataclass
class Attribution:
    speaker_text: str
    speaker_start: int
    cue: str | None
    # The attribution step that found these words (see ``quotes.LOCATING_STEPS``).
    rule: str
    # Named after the quote ("…," X said): the quote is then the clause being reported.
    trailing: bool = False


def explicit_attribution(
    body: str, spans: list[QuoteSpan], i: int, paragraphs: list[Paragraph]
) -> Attribution | None:
    """The speaker named in the quote's own sentence, if any."""
    span = spans[i]
    paragraph = paragraphs[span.paragraph]
    after_end = spans[i + 1].open_at if _same_paragraph(spans, i, i + 1) else paragraph.end
    before_start = spans[i - 1].close_at if _same_paragraph(spans, i, i - 1) else paragraph.start
    agent = _agent_after(body, span, paragraph)
    if agent is not None:
        return agent
    text = body[span.start : span.end].rstrip("’'")
    quote_ends_clause = _ends_clause(text)
    if text.endswith("."):
        # The quote closes its sentence ("… called it “arbitrary.” Ann Lee warned that …"):
        # the sentence it belongs to is the one before it, and words after it are a new
        # sentence that may only be a bare credit ("Ann Lee said.").
        found = _before(body, before_start, span.open_at)
        if found is None:
            found = _bare_credit(_after(body, span.close_at, after_end, True), body, after_end)
            if found is not None and _credits_own_words(found):
                found = None
    else:
        found = _after(body, span.close_at, after_end, quote_ends_clause)
        if found is None:
            found = _before(body, before_start, span.open_at)
    if found is None and span.open_at == paragraph.start and span.paragraph > 0:
        found = _introduced(body, paragraphs[span.paragraph - 1])
    return found


def _agent_after(body: str, span: QuoteSpan, paragraph: Paragraph) -> Attribution | None:
    """``X was described as "…" by Y``: the agent after the quote said it, not X."""
    if not _PASSIVE_AUXILIARY.search(
        body, max(paragraph.start, span.open_at - PASSIVE_REACH), span.open_at
    ):
        return None  # most quotes: no passive cue before them, no sentence bounds needed
    # Bounded windows: a scan from the paragraph's start for every quote was quadratic.
    start = last_sentence_start(
        body, max(paragraph.start, span.open_at - _AGENT_REACH), span.open_at
    )
    end = first_sentence_end(body, span.close_at, min(paragraph.end, span.close_at + _AGENT_REACH))
    found = agent_after_quote(body, start, (span.open_at, span.close_at), end)
    return Attribution(found[0], found[1], found[2], "passive_agent") if found else None


def _ends_clause(text: str) -> bool:
    """A mark ends the text, or comes right before a last line break (what the pattern
    ``[,.?!…—-]$`` finds, without searching the whole quote for its marks)."""
    return text.endswith(_CLAUSE_MARKS) or (
        text.endswith("\n") and text[:-1].endswith(_CLAUSE_MARKS)
    )


def subject_attribution(
    body: str, spans: list[QuoteSpan], i: int, paragraphs: list[Paragraph]
) -> Attribution | None:
    """Words quoted inside a reporter's sentence with no reporting verb ("X slammed the
    plan as a "giveaway"") are the characterisation of the sentence's subject."""
    span = spans[i]
    paragraph = paragraphs[span.paragraph]
    before_start = spans[i - 1].close_at if _same_paragraph(spans, i, i - 1) else paragraph.start
    if _SENTENCE_CLOSED.search(body, before_start, span.open_at):
        return None  # the quote is a sentence of its own, not words inside the reporter's
    return subject_of(body, last_sentence_start(body, before_start, span.open_at), span.open_at)


def subject_of(body: str, start: int, end: int) -> Attribution | None:
    """The subject of the sentence that starts at ``start`` (see ``subjects``)."""
    found = sentence_subject(body, start, end)
    return Attribution(found[0], found[1], None, "sentence_subject") if found else None


def _verb_cue(text: str) -> bool:
    """A reporting verb inside the words, not a noun after a determiner ("the report")."""
    return any(
        not _DETERMINER_BEFORE.search(text, max(0, cue.start() - 12), cue.start())
        for cue in CUE_WORD.finditer(text)
    )


def _same_paragraph(spans: list[QuoteSpan], i: int, j: int) -> bool:
    return 0 <= j < len(spans) and spans[j].paragraph == spans[i].paragraph


def first_sentence_end(body: str, start: int, end: int) -> int:
    for match in _BOUNDARY.finditer(body, start, end):
        if not _ABBREVIATION.search(body, max(start, match.start() - 6), match.start() + 1):
            return match.start() + 1
    return end


def last_sentence_start(body: str, start: int, end: int) -> int:
    found = start
    for match in _BOUNDARY.finditer(body, start, end):
        if not _ABBREVIATION.search(body, max(start, match.start() - 6), match.start() + 1):
            found = match.end()
    return found


def _after(body: str, start: int, end: int, quote_ends_clause: bool) -> Attribution | None:
    """``"…," said X``, ``"…," X said``, ``"…" ― X`` and ``"…" is so, X said.``"""
    end = first_sentence_end(body, start, end)
    window = body[start:end]
    if not window.strip():
        return None
    if quote_ends_clause or _CLAUSE_END.match(window) or _BARE_CUE.match(window):
        found = _right_after(window, start)
        if found is not None:
            return found
    else:
        # "…" Ana Ruiz said.: a credit with the comma left out, when nothing but a time or
        # place follows its cue ("the "…" Ana Ruiz said would pass" is no credit).
        found = _bare_credit(_right_after(window, start), body, end)
        if found is not None and not _LINKED.search(found.speaker_text):
            return found
    match = _DASH_CREDIT.match(window) or _TRAILING_CREDIT.search(window)
    if match is None:
        match = _TRAILING_CUE_FIRST.search(window)
        if match is None:
            return None
        who = trim_object(match["who"])
        if not who or not noun_phrase(who):
            return None
        return Attribution(who, start + match.start("who"), match["cue"], "closing_credit", True)
    cue = match.groupdict().get("cue")
    who = match["who"].strip()
    if not noun_phrase(who):
        return None
    rule = "closing_credit" if cue else "dash_credit"
    return Attribution(who, start + match.start("who"), cue, rule, trailing=True)


def _credits_own_words(found: Attribution) -> bool:
    """ "…" Talks went on, Ann Lee said.: a credit after words of a new sentence reports
    those words; the quote before them keeps the speaker the story gives it."""
    return found.rule == "closing_credit" or clause_before_name(found.speaker_text)


def _bare_credit(found: Attribution | None, body: str, end: int) -> Attribution | None:
    """A credit after a sentence-final quote, kept only when nothing but a time or place
    follows its cue: "Ann Lee said on Monday." yes, "Ann Lee said the plan …" no."""
    if found is None or found.cue is None:
        return found
    who_end = found.speaker_start + len(found.speaker_text)
    cue = re.compile(rf"\b{re.escape(found.cue)}\b").search(body, found.speaker_start - 60, end)
    rest_at = max(who_end, cue.end() if cue else who_end)
    rest = body[rest_at : first_sentence_end(body, rest_at, end)].strip(" ,.!?\n")
    return found if not rest or _CIRCUMSTANCE.match(rest) else None


def _right_after(window: str, start: int) -> Attribution | None:
    match = _SPEAKER_FIRST.match(window)
    if match and match["role"] and not plain_role(match["role"]):
        match = None
    if match and len(match.group("who").split()) <= _MAX_SPEAKER_FIRST_WORDS:
        who = trim_subject(match.group("who"))
        if who and not _verb_cue(who) and noun_phrase(who):
            at = start + window.index(who, match.start("who"))
            return Attribution(who, at, match["cue"], "trailing_cue", trailing=True)
    match = _CUE_FIRST.match(window)
    # "…," noting X: a participle's subject is the sentence's, what follows is its object.
    if match and not match["cue"].endswith("ing"):
        who = trim_object(match.group("who"))
        if who and noun_phrase(who):
            at = start + match.start("who")
            return Attribution(who, at, match["cue"], "trailing_cue", trailing=True)
    return None


def _before(body: str, start: int, end: int) -> Attribution | None:
    """``X said: "…"``, ``X said that "…"``, ``X called it "…"``, ``according to X, "…"``."""
    start = last_sentence_start(body, start, end)
    # After a determiner the word is a noun ("a call for", "his claim"), not a verb.
    found = [
        c for c in CUE_WORD.finditer(body, start, end) if not _after_determiner(body, start, c)
    ]
    # ", explaining why …": a participle has no subject of its own; it shares the sentence's.
    cues = [c for c in found if not _participle(body, start, c)]
    if not cues:
        if found:
            return _participle_subject(body, start, found[-1])
        speech = possessor(body, start, end)
        return Attribution(*speech, "leading_cue") if speech else None
    # The cue nearest the quote governs it; an earlier one only when the words before the
    # nearest hold no speaker at all.
    cue = cues[-1]
    absolute = absolute_subject(body, start, cue)
    if absolute is not None:
        return Attribution(absolute[0], absolute[1], cue.group(), "leading_cue")
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
    if _JUDGING.match(cue.group()) and _PASSIVE.search(body, start, cue.start()):
        return None  # "X is accused of "…"": the subject is not who said it
    if _in_subordinate_clause(body, start, cue, end):
        return None  # "When a pupil asked X about it, X began: "…"": the cue is not the quote's
    speaker = speaker_phrase(trim_subject(body[start : cue.start()]))
    if speaker is None:
        # "…," said X, explaining …: an inverted cue opens the sentence; the participle
        # is the quote's speaker's and continuation will find them.
        participles = [c for c in found if c.start() > cue.start()]
        if not participles or not body[start : cue.start()].strip(" ,;–—-\n"):
            return None
        return _participle_subject(body, start, participles[-1])
    return Attribution(speaker, body.index(speaker, start), cue.group(), "leading_cue")


def _in_subordinate_clause(body: str, start: int, cue: re.Match[str], end: int) -> bool:
    """The sentence opens with "When …" and the cue comes before the comma that ends
    that clause, the quote after it."""
    return (
        _SUBORDINATE.match(body, start, cue.start()) is not None
        and "," not in body[start : cue.start()]
        and "," in body[cue.end() : end]
    )


def _participle(body: str, start: int, cue: re.Match[str]) -> bool:
    return cue.group().endswith("ing") and body[start : cue.start()].rstrip().endswith(",")


def _participle_subject(body: str, start: int, cue: re.Match[str]) -> Attribution | None:
    """ "Ana Ruiz spoke for an hour, saying: …": the subject of the sentence speaks."""
    found = subject_of(body, start, cue.start())
    if found is None:
        return None
    return Attribution(found.speaker_text, found.speaker_start, cue.group(), "leading_cue")


def _after_determiner(body: str, start: int, cue: re.Match[str]) -> bool:
    """``_DETERMINER_BEFORE`` on the words just before the cue. Searched from the sentence
    start for every cue, long sentences took quadratic time; a match ends in the spaces
    before the cue, so it starts at most one determiner's length before them."""
    words_end = cue.start()
    while words_end > start and body[words_end - 1].isspace():
        words_end -= 1
    at = max(start, words_end - _DETERMINER_REACH)
    return bool(_DETERMINER_BEFORE.search(body, at, cue.start()))


def _introduced(body: str, previous: Paragraph) -> Attribution | None:
    """A paragraph ending in a colon introduces the quote that follows it."""
    text = body[previous.start : previous.end].rstrip()
    if not text.endswith(":"):
        return None
    found = _before(body, previous.start, previous.start + len(text) - 1)
    if found is not None:
        found.rule = "colon_introduction"
    return found
