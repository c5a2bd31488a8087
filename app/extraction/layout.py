"""Speakers named by the layout of a story rather than by a sentence around the quote.

- ``speaker_label``: a transcript or round-up label, ``Name: "…"``.
- ``inverted_cue``: the verb first, ``Said Name, "…"``, also after an opening clause
  (``Because of it, explained Name, "…"``: polnear-train +2, none lost).
- ``credit_paragraph``: a quote paragraph followed by a credit line, ``— Name``.
- ``reported_before``: a paragraph that opens with a quote, after a paragraph without one
  whose last sentence reports someone's words ("…, a port official said.\n\n"…""), is theirs.
- ``paragraph_subject``: a paragraph that is only a quote, after a paragraph without one
  that ends on what someone did or said ("X praised the plan.\n\n"…""), is that person's.
"""

import re

from app.extraction.cues import CUE_WORD
from app.extraction.leads import before_quote, subject_of
from app.extraction.phrases import noun_phrase
from app.extraction.quote_marks import Paragraph, QuoteSpan
from app.extraction.sentences import last_sentence_start
from app.extraction.speaker_words import Attribution

_LABEL = re.compile(r"(?:^|\s[-–—]\s+)(?P<who>[A-Z][\w.’' -]{1,60}?(?:\s*\([^)]{1,20}\))?)\s*:\s*$")
# Any reporting verb may open the sentence ("Continued X:", "Stated X,").
# ", explained Name, "…"": the verb first after an opening clause as well.
_INVERTED = re.compile(
    r"(?:(?:^|[.!?][\"'”’]?\s+)(?P<cue>[A-Z][a-z]+)|,\s+(?P<inner>[a-z]+))\s+"
    r"(?P<who>[A-Z][^,:;\"“”]{1,60}?)\s*[,:]\s*$"
)
# The length of a paragraph that is only an inverted cue: the verb, a name and its title.
_INVERTED_REACH = 80
_CREDIT_LINE = re.compile(r"\s*[-–—―]\s*(?P<who>[A-Z][^,.;:\n]{1,60})")
_MAX_LABEL_WORDS = 8
# A credit line names and places the speaker ("— Ana Ruiz, tweeting after the vote").
_MAX_CREDIT_WORDS = 12


def layout_attribution(
    body: str, spans: list[QuoteSpan], i: int, paragraphs: list[Paragraph]
) -> Attribution | None:
    span = spans[i]
    paragraph = paragraphs[span.paragraph]
    lead_start: int | None = (
        spans[i - 1].close_at if i and spans[i - 1].paragraph == span.paragraph else None
    )
    lead = body[lead_start or paragraph.start : span.open_at]
    offset = (lead_start or paragraph.start) if lead_start is None else lead_start
    label = _LABEL.search(lead) if lead_start is None else None
    if label is not None and _short_noun_phrase(label["who"]):
        return Attribution(label["who"].strip(), offset + label.start("who"), None, "speaker_label")
    inverted = _inverted(lead, offset)
    if inverted is None and lead_start is None and span.paragraph > 0 and not lead.strip():
        # "Continued X:" as a paragraph of its own introduces the quote paragraph after it.
        previous = paragraphs[span.paragraph - 1]
        text = body[previous.start : previous.end].rstrip()
        if len(text) <= _INVERTED_REACH and text.endswith(":"):
            inverted = _inverted(text, previous.start)
    return inverted or _credit_paragraph(body, span, paragraphs)


def _inverted(lead: str, offset: int) -> Attribution | None:
    """``Said Name, "…"``: a reporting verb opens the sentence, its speaker follows."""
    found = _INVERTED.search(lead)
    cue = found["cue"] or found["inner"] if found is not None else ""
    if found is None or not CUE_WORD.fullmatch(cue.lower()):
        return None
    if not _short_noun_phrase(found["who"]):
        return None
    who, at = found["who"].strip(), offset + found.start("who")
    return Attribution(who, at, cue, "inverted_cue")


def _credit_paragraph(
    body: str, span: QuoteSpan, paragraphs: list[Paragraph]
) -> Attribution | None:
    """A quote that ends its paragraph, credited on the next line: ``— Name, tweeting``."""
    paragraph = paragraphs[span.paragraph]
    if span.paragraph + 1 >= len(paragraphs) or body[span.close_at : paragraph.end].strip(" .,"):
        return None
    credit = paragraphs[span.paragraph + 1]
    if len(body[credit.start : credit.end].split()) > _MAX_CREDIT_WORDS:
        return None
    match = _CREDIT_LINE.match(body, credit.start, credit.end)
    if match is None or not _short_noun_phrase(match["who"]):
        return None
    return Attribution(match["who"].strip(), match.start("who"), None, "credit_paragraph", True)


def _short_noun_phrase(who: str) -> bool:
    return len(who.split()) <= _MAX_LABEL_WORDS and noun_phrase(who)


def paragraph_subject(
    body: str, spans: list[QuoteSpan], i: int, paragraphs: list[Paragraph]
) -> Attribution | None:
    span = spans[i]
    paragraph = paragraphs[span.paragraph]
    if span.paragraph == 0 or span.open_at != paragraph.start:
        return None
    previous = paragraphs[span.paragraph - 1]
    quoted_before = i > 0 and spans[i - 1].paragraph == span.paragraph - 1
    found = None
    if not quoted_before and not body[span.close_at : paragraph.end].strip(" .,"):
        # A paragraph that is only the quote, after one with no quote: its last subject.
        found = subject_of(
            body, last_sentence_start(body, previous.start, previous.end), previous.end
        )
    if found is not None and found.speaker_text.split()[0] not in ("The", "A", "An"):
        found.rule = "paragraph_subject"  # only a name or a pronoun carries over a break
        return found
    # After the paragraph's last quote, if any: a sentence reporting speech may close it.
    return _reported_before(
        body, spans[i - 1].close_at if quoted_before else previous.start, previous.end
    )


def _reported_before(body: str, start: int, end: int) -> Attribution | None:
    """ "…, a port official said.\n\n"…"": a paragraph that reports someone's words ends, and
    the quote that opens the next one goes on in their own words."""
    found = before_quote(body, start, end)
    if found is None or found.rule not in ("leading_cue", "outer_source"):
        return None
    found.rule = "reported_before"
    return found
