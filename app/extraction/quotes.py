"""Quotations in an article body, their kind and who said them."""

import re
from collections.abc import Callable

from app.extraction.attribution import Attribution, explicit_attribution, subject_attribution
from app.extraction.budget import check
from app.extraction.quote_marks import Paragraph, QuoteSpan, find_spans, paragraphs_of
from app.extraction.schemas import ExtractedEntity, ExtractedQuote, QuoteKind
from app.extraction.speakers import SpeakerIndex, resolve

_HEADING_MAX_WORDS = 10
_SCARE_QUOTE_WORDS = 3
_LINK_LIKE = re.compile(r"[\d/@]")
# Titles of shows, books and films sit after these: 'on "Face the Nation"', 'CNN's "X"'.
_NAMES_A_WORK = re.compile(
    r"(?:\b(?:on|in|of|at|from|about|titled|entitled|told|to)|['’]s)\s*$", re.IGNORECASE
)
_FUNCTION_WORDS = frozenset(
    "a an the and or but of in on at to for with by from as is are was were be it its this "
    "that he she they we i you him her them his their our my your me us".split()
)
_SENTENCE_END = re.compile(r"[.!?…:;,][\"'”’)\]]*$")
_WORD = re.compile(r"\w+")
_DIRECT_MIN_WORDS = 4
_SENTENCE_MARKS = ".!?:;—–-"
_CLOSING_MARKS = "\"'”’)"


def find_quotes(body: str, entities: list[ExtractedEntity]) -> list[ExtractedQuote]:
    """Every quotation in ``body`` with its kind, speaker words, speaker entity and cue."""
    paragraphs = paragraphs_of(body)
    found = find_spans(body, paragraphs)
    # Once per paragraph, not per quote: a long paragraph holds many quotes.
    headings = {i for i in {s.paragraph for s in found} if _in_heading(body, paragraphs[i])}
    spans = [s for s in found if s.paragraph not in headings]
    explicit = [_explicit(body, spans, i, paragraphs) for i in range(len(spans))]
    sources = _sources(body, spans, explicit, paragraphs)
    index = SpeakerIndex(body, entities)
    speakers: dict[int, str | None] = {}
    quotes = []
    for i, span in enumerate(spans):
        check()
        source = sources[i]
        if span.single and source != i:
            continue  # curly singles double as apostrophes: keep only those a cue vouches for
        attribution = explicit[source] if source is not None else None
        if not _worth_keeping(body, span, paragraphs[span.paragraph], attribution is not None):
            continue
        speaker = _speaker(body, spans, explicit, index, speakers, source)
        quotes.append(
            ExtractedQuote(
                text=body[span.start : span.end],
                start=span.start,
                end=span.end,
                speaker=speaker,
                speaker_text=attribution.speaker_text if attribution else None,
                kind=_kind(body, span, paragraphs[span.paragraph], explicit[i]),
                cue=attribution.cue if attribution else None,
            )
        )
    return quotes


def _explicit(
    body: str, spans: list[QuoteSpan], i: int, paragraphs: list[Paragraph]
) -> Attribution | None:
    check()
    return explicit_attribution(body, spans, i, paragraphs)


def _worth_keeping(body: str, span: QuoteSpan, paragraph: Paragraph, attributed: bool) -> bool:
    """Leave out what quotation marks hold besides quotes: titles, handles, links, and
    one-to-three-word scare quotes nobody is said to have said."""
    text = body[span.start : span.end]
    words = _WORD.findall(text)
    if " " not in text and _LINK_LIKE.search(text):
        return False
    if all(word.casefold() in _FUNCTION_WORDS for word in words):
        return False
    if not attributed and len(words) <= _SCARE_QUOTE_WORDS:
        return False
    lead = body[max(paragraph.start, span.open_at - 20) : span.open_at]
    return not (_is_title_case(words) and _NAMES_A_WORK.search(lead))


def _is_title_case(words: list[str]) -> bool:
    content = [word for word in words if word.casefold() not in _FUNCTION_WORDS]
    return bool(content) and all(word[:1].isupper() or word[:1].isdigit() for word in content)


def _in_heading(body: str, paragraph: Paragraph) -> bool:
    text = body[paragraph.start : paragraph.end]
    return len(text.split()) <= _HEADING_MAX_WORDS and not _SENTENCE_END.search(text)


def _sources(
    body: str,
    spans: list[QuoteSpan],
    explicit: list[Attribution | None],
    paragraphs: list[Paragraph],
) -> list[int | None]:
    """For each quote, the quote whose own attribution it carries (itself when it has one)."""
    sources: list[int | None] = [i if found else None for i, found in enumerate(explicit)]
    first_in_group: dict[int, int] = {}
    for i, span in enumerate(spans):
        if explicit[i] is not None:
            first_in_group.setdefault(span.group, i)
    for i, span in enumerate(spans):
        check()
        if sources[i] is None:
            sources[i] = first_in_group.get(span.group)
        if sources[i] is None and i > 0:
            sources[i] = _follow_on(body, spans, sources, paragraphs, i)
        if sources[i] is None and not span.single:
            explicit[i] = subject_attribution(body, spans, i, paragraphs)
            sources[i] = i if explicit[i] is not None else None
    return sources


def _follow_on(
    body: str,
    spans: list[QuoteSpan],
    sources: list[int | None],
    paragraphs: list[Paragraph],
    i: int,
) -> int | None:
    """A quote without a cue continues the previous quote of its paragraph, or of the one
    before when it opens its own paragraph."""
    span, previous = spans[i], spans[i - 1]
    if previous.single:
        return None
    if previous.paragraph == span.paragraph:
        return sources[i - 1]
    opens_paragraph = span.open_at == paragraphs[span.paragraph].start
    if opens_paragraph and previous.paragraph == span.paragraph - 1:
        return sources[i - 1]
    return None


def _speaker(
    body: str,
    spans: list[QuoteSpan],
    explicit: list[Attribution | None],
    index: SpeakerIndex,
    speakers: dict[int, str | None],
    source: int | None,
) -> str | None:
    """Resolve each attribution once, in reading order, so pronouns see earlier speakers."""
    if source is None:
        return None
    if source not in speakers:
        attribution = explicit[source]
        assert attribution is not None
        entity = resolve(
            index, attribution.speaker_text, attribution.speaker_start, spans[source].open_at
        )
        speakers[source] = entity.name if entity else None
        if entity is not None and entity.type == "person":
            index.remember_speaker(spans[source].end, entity)
    return speakers[source]


def _kind(body: str, span: QuoteSpan, paragraph: Paragraph, own: Attribution | None) -> QuoteKind:
    """Direct when the quote is a sentence or clause of its own, or the clause a trailing
    "X said" reports; partial when it runs on from the reporter's words ("said it was "…"")."""
    # The lead is read backwards from the mark, never copied: a paragraph may be megabytes.
    lead_end = _skip_back(body, paragraph.start, span.open_at, str.isspace)
    text = body[span.start : span.end]
    words = len(_WORD.findall(text))
    if _opens_sentence(body, paragraph.start, lead_end) and (
        text[:1].isupper() or words >= _DIRECT_MIN_WORDS
    ):
        return "direct"
    if words < _DIRECT_MIN_WORDS:
        return "partial"
    if (lead_end > paragraph.start and body[lead_end - 1] == ",") or (
        own is not None and own.trailing
    ):
        return "direct"
    return "partial"


def _skip_back(body: str, start: int, at: int, skip: Callable[[str], bool]) -> int:
    while at > start and skip(body[at - 1]):
        at -= 1
    return at


def _opens_sentence(body: str, start: int, lead_end: int) -> bool:
    """The lead (``start:lead_end``, trailing spaces gone) is empty or ends a sentence or
    clause, closing marks aside."""
    if lead_end == start:
        return True
    mark = _skip_back(body, start, lead_end, _CLOSING_MARKS.__contains__)
    return mark > start and body[mark - 1] in _SENTENCE_MARKS
