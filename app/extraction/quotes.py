"""Quotations in an article body, their kind and who said them."""

import re
from collections.abc import Callable

from app.extraction.attribution import explicit_attribution, subject_attribution
from app.extraction.budget import check
from app.extraction.confidence import MIN_CONFIDENCE, decision
from app.extraction.discourse import Source, Story, discourse_source, own_subject
from app.extraction.layout import layout_attribution, paragraph_subject
from app.extraction.not_quotes import QUOTE_FUNCTION_WORDS, Quoted, is_title_case, not_speech
from app.extraction.quote_marks import Paragraph, QuoteSpan, find_spans, paragraphs_of
from app.extraction.resolution import resolve
from app.extraction.schemas import ExtractedEntity, ExtractedQuote, QuoteKind
from app.extraction.speaker_words import Attribution
from app.extraction.speakers import SpeakerIndex
from app.extraction.titles import as_written, in_description, without_marks
from app.extraction.wordsets import alternation
from app.extraction.works import WORK_NOUNS

_HEADING_MAX_WORDS = 10
_SCARE_QUOTE_WORDS = 3
_LINK_LIKE = re.compile(r"[\d/@]")
# A short quote that is a whole exclamation or sentence of its own ("No!", "Not again.").
_UTTERANCE_END = re.compile(r"[.!?…]$")
# Titles of shows, books and films sit after these: 'on "Face the Nation"', 'CNN's "X"'.
_NAMES_A_WORK = re.compile(
    r"(?:\b(?:on|in|of|at|from|about|titled|entitled|told|to)|['’]s)\s*$", re.IGNORECASE
)
# ... and after the kind of work they name: 'the cooking show "X"', 'his diary, "X"'. On
# polnear-train such titles were 24 of 35 spans, the rest titles its annotators took for
# quotes. A slogan is left out of the kinds: a campaign's slogan is words it says.
_WORK_KINDS = [*WORK_NOUNS.split(), "podcast", "program", "programme", "memoir", "column"]
_WORK_KIND_BEFORE = re.compile(rf"\b(?:{alternation(_WORK_KINDS)}),?\s*$")
_SENTENCE_END = re.compile(r"[.!?…:;,][\"'”’)\]]*$")
_WORD = re.compile(r"\w+")
# In ASCII text a word character is a letter, a digit or "_": every other character
# becomes a space, and ``split`` gives the words ``_WORD`` finds.
_NOT_WORD = str.maketrans(
    {chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")}
)
_DIRECT_MIN_WORDS = 4
# What may end the lead of a quote that opens its own sentence or clause, and the closing
# marks that may follow it.
_SENTENCE_MARKS = ".!?:;—–-"
_CLOSING_MARKS = "\"'”’)"


def find_quotes(body: str, entities: list[ExtractedEntity]) -> list[ExtractedQuote]:
    """Every quotation in ``body`` with its kind, speaker words, speaker entity and cue.

    Attribution runs as ordered, named steps: first the quote's own sentence (a cue and
    its noun phrase, see ``attribution``), then the story around it (``discourse``), then
    the subject of a sentence that quotes words without a cue; the speaker words are then
    resolved to an entity (``speakers.resolve``). Each quote records both step names.
    """
    paragraphs = paragraphs_of(body)
    found = find_spans(body, paragraphs)
    # Once per paragraph, not per quote: a long paragraph holds many quotes.
    headings = {i for i in {s.paragraph for s in found} if _in_heading(body, paragraphs[i])}
    spans = [s for s in found if s.paragraph not in headings]
    titles = _described_titles(body, spans, paragraphs)
    spans = [s for s in spans if s not in titles]
    cue_body = without_marks(body, titles)
    explicit = [_own_attribution(cue_body, spans, i, paragraphs) for i in range(len(spans))]
    groups = _group_sources(spans, explicit)
    named_at = [(a.speaker_start, a.speaker_start + len(a.speaker_text)) for a in explicit if a]
    story = Story(cue_body, spans, paragraphs, SpeakerIndex(body, entities), [], [], named_at)
    decided: dict[int, tuple[ExtractedEntity | None, str | None]] = {}
    quotes = []
    for i, span in enumerate(spans):
        check()
        source = _source(story, explicit, groups, i)
        own = explicit[i]
        if own is not None and titles:
            as_written(body, own, titles)
        story.sources.append(source)
        attribution = explicit[source.index] if source else None
        entity, resolved_by = _speaker(story, explicit, decided, source)
        story.speakers.append(entity)
        if span.single and (source is None or source.index != i):
            continue  # curly singles double as apostrophes: keep only those a cue vouches for
        # One word list per quote serves both tests below.
        words = quote_words(body[span.start : span.end])
        paragraph = paragraphs[span.paragraph]
        if not _worth_keeping(body, span, paragraph, attribution is not None, words):
            continue
        rule, confidence = decision(source.rule if source else None, resolved_by)
        quotes.append(
            ExtractedQuote(
                text=body[span.start : span.end],
                start=span.start,
                end=span.end,
                speaker=entity.name if entity and confidence >= MIN_CONFIDENCE else None,
                # Empty words: the sentence says someone it does not name said them.
                speaker_text=(attribution.speaker_text or None) if attribution else None,
                kind=_kind(body, span, paragraph, explicit[i], len(words)),
                cue=attribution.cue if attribution else None,
                confidence=confidence,
                rule=rule,
            )
        )
    return quotes


def _described_titles(
    body: str, spans: list[QuoteSpan], paragraphs: list[Paragraph]
) -> list[QuoteSpan]:
    """Works' titles inside a description: no quotes, and no bound of the words around
    them, whose marks are blanked where a cue is read ("said Ann Lee, author of “Tide
    Lines,” a history …": 7 speakers' words made whole on polnear-train, none lost). A
    title in an opening phrase still bounds that phrase."""
    return [
        s
        for s in spans
        if _names_a_work(body, s, paragraphs[s.paragraph]) and in_description(body, s, paragraphs)
    ]


def _own_attribution(
    body: str, spans: list[QuoteSpan], i: int, paragraphs: list[Paragraph]
) -> Attribution | None:
    """The quote's own sentence first, then the layout around it."""
    check()
    return explicit_attribution(body, spans, i, paragraphs) or layout_attribution(
        body, spans, i, paragraphs
    )


def _group_sources(spans: list[QuoteSpan], explicit: list[Attribution | None]) -> dict[int, int]:
    """For each quote left open across paragraphs, the part whose cue names the speaker."""
    first_in_group: dict[int, int] = {}
    for i, span in enumerate(spans):
        if explicit[i] is not None:
            first_in_group.setdefault(span.group, i)
    return first_in_group


def _source(
    story: Story, explicit: list[Attribution | None], groups: dict[int, int], i: int
) -> Source | None:
    """Own cue first, then the story around the quote, then the sentence's subject."""
    own = explicit[i]
    if own is not None:
        return Source(i, own.rule)
    found = discourse_source(story, i, groups.get(story.spans[i].group))
    if found is not None and found.rule == "same_paragraph":
        explicit[i] = own_subject(story, i)
        found = Source(i, "sentence_subject") if explicit[i] is not None else found
    if found is None and not story.spans[i].single:
        subject = subject_attribution(story.body, story.spans, i, story.paragraphs)
        explicit[i] = subject
        found = Source(i, subject.rule) if subject is not None else None
    if found is None and not story.spans[i].single:
        layout = paragraph_subject(story.body, story.spans, i, story.paragraphs)
        explicit[i] = layout
        found = Source(i, layout.rule) if layout is not None else None
    return found


def _speaker(
    story: Story,
    explicit: list[Attribution | None],
    decided: dict[int, tuple[ExtractedEntity | None, str | None]],
    source: Source | None,
) -> tuple[ExtractedEntity | None, str | None]:
    """Resolve each attribution once, in reading order, so pronouns see earlier speakers."""
    if source is None:
        return None, None
    if source.index not in decided:
        attribution = explicit[source.index]
        assert attribution is not None
        span = story.spans[source.index]
        found = resolve(
            story.index, attribution.speaker_text, attribution.speaker_start, span.open_at
        )
        decided[source.index] = found
        entity = found[0]
        if entity is not None and entity.type == "person":
            story.index.remember_speaker(span.end, entity)
    return decided[source.index]


def quote_words(text: str) -> list[str]:
    """The words of a quote, as ``_WORD`` finds them; an ASCII quote is split instead
    (a third fewer instructions than the pattern on the BBC set's quotes)."""
    return text.translate(_NOT_WORD).split() if text.isascii() else _WORD.findall(text)


def _worth_keeping(
    body: str, span: QuoteSpan, paragraph: Paragraph, attributed: bool, words: list[str]
) -> bool:
    """Leave out what quotation marks hold besides quotes: titles, handles, links, and
    one-to-three-word scare quotes nobody is said to have said (``words`` are the quote's)."""
    text = body[span.start : span.end]
    if " " not in text and _LINK_LIKE.search(text):
        return False
    if all(word.casefold() in QUOTE_FUNCTION_WORDS for word in words):
        return False
    if all(len(word) == 1 for word in words):
        return False  # "X," "Y,": a letter that labels something, not words anyone said
    if (
        not attributed
        and len(words) <= _SCARE_QUOTE_WORDS
        and not _utterance(body, span, paragraph, text)
    ):
        return False
    if _names_a_work(body, span, paragraph, words):
        return False
    return not_speech(Quoted(body, span, paragraph, words, attributed)) is None


def _names_a_work(
    body: str, span: QuoteSpan, paragraph: Paragraph, words: list[str] | None = None
) -> bool:
    """Title-case words right after "on", "of", "’s" or a kind of work name a show, a book
    or a film ('the co-author of “Tide Lines,”'), not words anyone said."""
    if words is None:
        words = quote_words(body[span.start : span.end])
    lead = body[max(paragraph.start, span.open_at - 20) : span.open_at]
    return is_title_case(words) and bool(
        _NAMES_A_WORK.search(lead) or _WORK_KIND_BEFORE.search(lead)
    )


def _utterance(body: str, span: QuoteSpan, paragraph: Paragraph, text: str) -> bool:
    """A short quote that opens its sentence with a capital and closes with its own
    full stop or exclamation ("We did it!" cheered a fan): someone's whole words, not a
    term. Unattributed short quotes were all left out before, these too."""
    lead_end = _skip_back(body, paragraph.start, span.open_at, str.isspace)
    return (
        text[:1].isupper()
        and _UTTERANCE_END.search(text) is not None
        and _opens_sentence(body, paragraph.start, lead_end)
    )


def _in_heading(body: str, paragraph: Paragraph) -> bool:
    text = body[paragraph.start : paragraph.end]
    words = len(text.split(maxsplit=_HEADING_MAX_WORDS))  # a long paragraph is not split whole
    return words <= _HEADING_MAX_WORDS and not _SENTENCE_END.search(text)


def _kind(
    body: str, span: QuoteSpan, paragraph: Paragraph, own: Attribution | None, words: int
) -> QuoteKind:
    """Direct when the quote is a sentence or clause of its own, or the clause a trailing
    "X said" reports; partial when it runs on from the reporter's words ("said it was "…"").
    ``words`` is the quote's word count."""
    # The lead is read backwards from the mark, never copied: a paragraph may be megabytes.
    lead_end = _skip_back(body, paragraph.start, span.open_at, str.isspace)
    text = body[span.start : span.end]
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
