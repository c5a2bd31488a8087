"""Who said a quote, from the words of its own sentence: ``"…," X said``, ``X said: "…"``."""

import re
from dataclasses import dataclass

from app.extraction.cues import (
    AUXILIARY_TAIL,
    CUE,
    CUE_WORD,
    LEADING_ADVERBIAL,
    NOT_A_SUBJECT,
    SPEAKER_END,
)
from app.extraction.quote_marks import Paragraph, QuoteSpan

_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Rep|Reps|Sen|Sens|Del|Amb|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|St|Jr|Sr|"
    r"Inc|Corp|Co|Ltd|No|vs|Rev|Hon|Atty|Mt|Ft|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|"
    r"U\.S|U\.K|U\.N|D\.C|e\.g|i\.e|a\.m|p\.m)|\b[A-Z])\.$"
)
_BOUNDARY = re.compile(r"[.!?…][\"'”’)]*\s+(?=[\"“‘'(]?[A-Z0-9])|\n")
_SPEAKER_START = r"(?:[A-Z]|(?:the|a|an|one|two|some|several|he|she|they|we|i|his|her|their)\b)"
_CUE_FIRST = re.compile(rf"^[\s,;–—-]*(?P<cue>{CUE})\s+(?P<who>{_SPEAKER_START}.*)$", re.DOTALL)
# A speaker may open with a lowercase word when a name follows ("panel Chairman X said"),
# never with a word that starts a new clause.
_NOT_SPEAKER_START = (
    r"(?!(?:and|but|or|nor|because|which|that|while|as|when|if|so|then|to|for|with|in|on|at|"
    r"of|by|from|is|are|was|were|has|have|had|who|where|after|before|until|than|not)\b)"
)
_SPEAKER_FIRST = re.compile(
    rf"^[\s,;–—-]*(?P<who>{_SPEAKER_START}[^\"“”]{{0,150}}?"
    rf"|{_NOT_SPEAKER_START}[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+[A-Z][^\"“”]{{0,120}}?)"
    rf"\s+(?P<cue>{CUE})\b",
    re.DOTALL,
)
# "…" ― Name: a credit line after a quote.
_DASH_CREDIT = re.compile(r"\s*[―—–]\s*(?P<who>[A-Z][^,;:!?\"“”]{1,80}?)[\s.]*$")
# "…" was the word, X said. — a credit closing the sentence.
_TRAILING_CREDIT = re.compile(
    rf",\s+(?P<who>{_SPEAKER_START}[^,\"“”]{{0,80}}?)\s+(?P<cue>{CUE})\b\s*(?:[,.!?]|$)"
)
# A sentence-initial name or pronoun followed by a lowercase word (its verb).
_SUBJECT = re.compile(
    r"(?P<who>(?:he|she|they|we|He|She|They|We)\b"
    r"|(?:(?:[A-Z][\w.’'-]*|of|the|and)\s*(?:\([^)]{1,20}\)\s*)?){1,8}(?<![’']s)(?<![’'])),?\s+(?=[a-z])"
)
_DETERMINERS = ("The", "A", "An")
# "The two Republican presidents …": a described subject, kept up to its likely verb.
_DESCRIBED_SUBJECT = re.compile(
    r"(?P<who>(?:The|A|An)(?:\s+(?!(?:is|are|was|were|has|have|had|will|would|can|could|did|"
    r"does|do|also|then|that|which|who|a|an|the|to|of|in|on|for|with|by|at|from)\b)(?![a-z]+ed\b)[\w’'.-]+){1,5})(?=[\s,])"
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:a|an|the|this|that|his|her|its|their|our|my|your)\s+$", re.IGNORECASE
)
_CLAUSE_END = re.compile(r"^\s*[,–—]")
_QUOTE_END = re.compile(r"[,.?!…—-]$")
_NP_AFTER = re.compile(r"\s*(?P<who>[^,.;:]{1,120})")
_MAX_SPEAKER_WORDS = 25
_LONGEST_DETERMINER = len("their")
_MAX_SPEAKER_FIRST_WORDS = 15


@dataclass
class Attribution:
    speaker_text: str
    speaker_start: int
    cue: str | None
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
    quote_ends_clause = bool(_QUOTE_END.search(body[span.start : span.end].rstrip("’'")))
    found = _after(body, span.close_at, after_end, quote_ends_clause)
    if found is None:
        found = _before(body, before_start, span.open_at)
    if found is None and span.open_at == paragraph.start and span.paragraph > 0:
        found = _introduced(body, paragraphs[span.paragraph - 1])
    return found


def subject_attribution(
    body: str, spans: list[QuoteSpan], i: int, paragraphs: list[Paragraph]
) -> Attribution | None:
    """Words quoted inside a reporter's sentence with no reporting verb ("X slammed the
    plan as a "giveaway"") are the characterisation of the sentence's subject."""
    span = spans[i]
    paragraph = paragraphs[span.paragraph]
    before_start = spans[i - 1].close_at if _same_paragraph(spans, i, i - 1) else paragraph.start
    start = _last_sentence_start(body, before_start, span.open_at)
    lead = LEADING_ADVERBIAL.match(body, start, span.open_at)
    while lead is not None and lead.end() > start:
        start = lead.end()
        lead = LEADING_ADVERBIAL.match(body, start, span.open_at)
    match = _SUBJECT.match(body, start, span.open_at)
    if match is None or match.group("who").split()[0] in _DETERMINERS:
        match = _DESCRIBED_SUBJECT.match(body, start, span.open_at)
    if match is None:
        return None
    who = match.group("who").rstrip(" ,")
    cue = CUE_WORD.search(who)
    who = who[: cue.start()].rstrip() if cue else who
    words = who.split()
    first = words[1] if words[0] in _DETERMINERS and len(words) > 1 else words[0]
    if first in NOT_A_SUBJECT or (first[:1].islower() and words[0] not in _DETERMINERS):
        return None
    return Attribution(who, match.start("who"), None)


def _same_paragraph(spans: list[QuoteSpan], i: int, j: int) -> bool:
    return 0 <= j < len(spans) and spans[j].paragraph == spans[i].paragraph


def _first_sentence_end(body: str, start: int, end: int) -> int:
    for match in _BOUNDARY.finditer(body, start, end):
        if not _ABBREVIATION.search(body, max(start, match.start() - 6), match.start() + 1):
            return match.start() + 1
    return end


def _last_sentence_start(body: str, start: int, end: int) -> int:
    found = start
    for match in _BOUNDARY.finditer(body, start, end):
        if not _ABBREVIATION.search(body, max(start, match.start() - 6), match.start() + 1):
            found = match.end()
    return found


def _after(body: str, start: int, end: int, quote_ends_clause: bool) -> Attribution | None:
    """``"…," said X``, ``"…," X said``, ``"…" ― X`` and ``"…" is so, X said.``"""
    end = _first_sentence_end(body, start, end)
    window = body[start:end]
    if not window.strip():
        return None
    if quote_ends_clause or _CLAUSE_END.match(window):
        found = _right_after(window, start)
        if found is not None:
            return found
    match = _DASH_CREDIT.match(window) or _TRAILING_CREDIT.search(window)
    if match is None:
        return None
    cue = match.groupdict().get("cue")
    return Attribution(match["who"].strip(), start + match.start("who"), cue, trailing=True)


def _right_after(window: str, start: int) -> Attribution | None:
    match = _SPEAKER_FIRST.match(window)
    if match and len(match.group("who").split()) <= _MAX_SPEAKER_FIRST_WORDS:
        who = _trim_subject(match.group("who"))
        if who and not CUE_WORD.search(who):
            at = start + window.index(who, match.start("who"))
            return Attribution(who, at, match["cue"], trailing=True)
    match = _CUE_FIRST.match(window)
    if match:
        who = _trim_object(match.group("who"))
        if who:
            return Attribution(who, start + match.start("who"), match["cue"], trailing=True)
    return None


def _before(body: str, start: int, end: int) -> Attribution | None:
    """``X said: "…"``, ``X said that "…"``, ``X called it "…"``, ``according to X, "…"``."""
    start = _last_sentence_start(body, start, end)
    # After a determiner the word is a noun ("a call for", "his claim"), not a verb.
    cues = [c for c in CUE_WORD.finditer(body, start, end) if not _after_determiner(body, start, c)]
    if not cues:
        return None
    cue = cues[-1]
    if cue.group().lower().startswith("according"):
        match = _NP_AFTER.match(body, cue.end(), end)
        if match is None:
            return None
        who = _trim_object(match.group("who"))
        return Attribution(who, match.start("who"), cue.group()) if who else None
    who = _trim_subject(body[start : cue.start()])
    if not _plausible_subject(who) and ", " in who:
        # "As far as whether X is sure, the senator said": the subject follows the clause.
        who = _trim_subject(who.rsplit(", ", 1)[1])
    if not _plausible_subject(who):
        return None
    return Attribution(who, body.index(who, start), cue.group())


def _after_determiner(body: str, start: int, cue: re.Match[str]) -> bool:
    """``_DETERMINER_BEFORE`` on the words just before the cue. Searched from the sentence
    start for every cue, long sentences took quadratic time; a match ends in the spaces
    before the cue, so it starts at most one determiner's length before them."""
    words_end = cue.start()
    while words_end > start and body[words_end - 1].isspace():
        words_end -= 1
    at = max(start, words_end - _LONGEST_DETERMINER)
    return bool(_DETERMINER_BEFORE.search(body, at, cue.start()))


def _plausible_subject(who: str) -> bool:
    return (
        bool(who) and len(who.split()) <= _MAX_SPEAKER_WORDS and bool(re.match(_SPEAKER_START, who))
    )


def _introduced(body: str, previous: Paragraph) -> Attribution | None:
    """A paragraph ending in a colon introduces the quote that follows it."""
    text = body[previous.start : previous.end].rstrip()
    if not text.endswith(":"):
        return None
    return _before(body, previous.start, previous.start + len(text) - 1)


def _trim_subject(text: str) -> str:
    text = text.strip(" ,;–—-\n")
    while (lead := LEADING_ADVERBIAL.match(text)) is not None and lead.end() > 0:
        text = text[lead.end() :]
    text = AUXILIARY_TAIL.sub("", text).strip(" ,;–—-")
    return text


def _trim_object(text: str) -> str:
    text = SPEAKER_END.sub("", text.strip())
    return text.rstrip(" .,;:–—-\n").strip()
