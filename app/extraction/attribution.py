"""Who said a quote, from the words of its own sentence: ``"…," X said``, ``X said: "…"``.

The words after the quote are read by ``credits``, the words before it by ``leads``.
"""

import re

from app.extraction.agents import PASSIVE_REACH, agent_after_quote
from app.extraction.clause_pronouns import clause_pronoun
from app.extraction.credits import (
    after_quote,
    bare_credit,
    credits_own_words,
    dash_credit,
    sentence_credit,
)
from app.extraction.cues import CUE_WORD
from app.extraction.leads import before_quote, subject_of
from app.extraction.nested import cited_source
from app.extraction.quote_marks import Paragraph, QuoteSpan
from app.extraction.relative_speakers import relative_speaker
from app.extraction.sentences import first_sentence_end, last_sentence_start
from app.extraction.speaker_words import Attribution

_CLOSERS = '”"'
# Marks that end a quote's clause.
_CLAUSE_MARKS = tuple(",.?!…—-")
# How far around a quote a passive cue and its "by" agent are looked for.
_AGENT_REACH = 200
_PASSIVE_AUXILIARY = re.compile(r"\b(?:is|are|was|were|be|been|being)\s")
# A clause that opens the sentence and has not closed before the quote.
# "After saying …", "When asked …": a participle's subject is the main clause's.
_OPEN_SUBORDINATE = re.compile(
    r"\s*(?:When|After|As|Before|While|If|Although|Though|Since|Once|Until)\s"
    r"(?![a-z]+(?:ing|ed)\b)[^,;:.]*"
)
_CLAUSE_JOIN = re.compile(r"(?:,|;|\s[-–—])\s+(?:but|and|while|whereas|yet)\s+")
_SENTENCE_CLOSED = re.compile(r"(?:^|[.!?…][\"'”’)]*)\s*$")
# "Pointing to the budget, he said", "… as the quays fill up, she said": a pronoun after the
# last comma is the whole subject; the words before it are the reporter's clause.
_CLAUSE_THEN_PRONOUN = re.compile(r"[,;]\s+(?P<pronoun>he|she|they|we|I)$", re.IGNORECASE)


def explicit_attribution(
    body: str, spans: list[QuoteSpan], i: int, paragraphs: list[Paragraph]
) -> Attribution | None:
    """The speaker named in the quote's own sentence, if any: a noun phrase, never a clause."""
    found = _own_sentence(body, spans, i, paragraphs)
    cited = cited_source(body, found, spans[i].close_at, paragraphs[spans[i].paragraph].end)
    if cited is not None:
        return cited
    if found is not None:
        pronoun = _CLAUSE_THEN_PRONOUN.search(found.speaker_text)
        if pronoun is not None:
            found.speaker_start += pronoun.start("pronoun")
            found.speaker_text = pronoun["pronoun"]
        found = _quote_clause(body, found, spans[i].open_at)
    return found


def _quote_clause(body: str, found: Attribution, quote_at: int) -> Attribution:
    """The subject of the quote's own clause where it is not the sentence's: "who" after a
    name, else a pronoun (see ``relative_speakers``, ``clause_pronouns``)."""
    if found.rule in ("leading_cue", "sentence_subject") and not found.trailing:
        relative = relative_speaker(body, found.speaker_start, quote_at)
        if relative is not None and relative.speaker_start >= found.speaker_start:
            relative.cue = found.cue
            return relative
    return clause_pronoun(body, found, quote_at)


def _own_sentence(
    body: str, spans: list[QuoteSpan], i: int, paragraphs: list[Paragraph]
) -> Attribution | None:
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
        found = before_quote(body, before_start, span.open_at)
        if found is None:
            found = bare_credit(after_quote(body, span.close_at, after_end, True), body, after_end)
            if found is not None and credits_own_words(found):
                found = None
    else:
        found = _mid_sentence(body, span, before_start, after_end, quote_ends_clause)
    if found is None and not text.endswith("."):
        found = _shared_credit(body, spans, i, paragraph)
    if found is None and span.open_at == paragraph.start and span.paragraph > 0:
        found = _introduced(body, paragraphs[span.paragraph - 1])
    if found is None:
        found = _credit_line(body, spans, i, paragraph)
    return found


def _credit_line(
    body: str, spans: list[QuoteSpan], i: int, paragraph: Paragraph
) -> Attribution | None:
    """ "“… what he calls “hell” than …” ― Ann Lee": a paragraph that opens with a quote
    and ends in a credit line is all that person's words, the parts a quote inside the
    quote splits off included (they went to the paragraph before's speaker)."""
    first = i
    while _same_paragraph(spans, i, first - 1):
        first -= 1
    if spans[first].open_at != paragraph.start:
        return None
    closing = max(body.rfind(mark, spans[i].close_at, paragraph.end) for mark in _CLOSERS)
    if closing < 0:
        return None
    return dash_credit(body, closing + 1, paragraph.end)


def _mid_sentence(
    body: str, span: QuoteSpan, before_start: int, after_end: int, ends_clause: bool
) -> Attribution | None:
    """A quote that does not close its sentence: a credit after it, else a cue before it.
    "When someone in the crowd shouted, "…," Ann Lee joked": a quote inside the clause
    that opens the sentence is that clause's cue's, not the main clause's; when the cue
    right before the quote has no speaker phrase, nobody is named. Inside a sentence, a
    subject before the quote goes before a credit with no mark after it."""
    start = last_sentence_start(body, before_start, span.open_at)
    lead = body[start : span.open_at].rstrip(" ,:")
    cue = CUE_WORD.search(lead) if _OPEN_SUBORDINATE.fullmatch(lead) else None
    inside = bool(lead.strip())
    found = None
    if cue is None:
        found = after_quote(body, span.close_at, after_end, ends_clause, inside)
    if found is None:
        found = before_quote(body, before_start, span.open_at)
    if found is None and cue is None and inside:
        # No subject before it: words after the quote may still be a comma-less credit.
        found = after_quote(body, span.close_at, after_end, ends_clause)
    if found is None and cue is not None and cue.end() == len(lead):
        found = Attribution("", start + cue.start(), cue.group(), "leading_cue")
    return found


def _shared_credit(
    body: str, spans: list[QuoteSpan], i: int, paragraph: Paragraph
) -> Attribution | None:
    """ "will carry "…" and bring "…" they need, Ann Lee said.": a credit closing the
    sentence after a later quote of it credits every quote of the sentence."""
    end = first_sentence_end(body, spans[i].close_at, paragraph.end)
    last = i
    while _same_paragraph(spans, i, last + 1) and spans[last + 1].close_at <= end:
        last += 1
    if last == i:
        return None
    found = sentence_credit(body, spans[last].close_at, end)
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
    start = last_sentence_start(body, before_start, span.open_at)
    # "X signed the order, while Ann Lee proposed "…"": the quote's own clause has a
    # subject of its own.
    joins = list(_CLAUSE_JOIN.finditer(body, start, span.open_at))
    found = None
    if joins:
        found = subject_of(body, joins[-1].end(), span.open_at)
        if found is not None and found.speaker_start != joins[-1].end():
            found = None
    found = found or subject_of(body, start, span.open_at)
    cited = cited_source(body, found, span.close_at, paragraph.end) if found else None
    if cited is None and found is not None:
        found = _quote_clause(body, found, span.open_at)
    return cited or found


def _same_paragraph(spans: list[QuoteSpan], i: int, j: int) -> bool:
    return 0 <= j < len(spans) and spans[j].paragraph == spans[i].paragraph


def _introduced(body: str, previous: Paragraph) -> Attribution | None:
    """A paragraph ending in a colon introduces the quote that follows it."""
    text = body[previous.start : previous.end].rstrip()
    if not text.endswith(":"):
        return None
    found = before_quote(body, previous.start, previous.start + len(text) - 1)
    if found is not None:
        found.rule = "colon_introduction"
    return found
