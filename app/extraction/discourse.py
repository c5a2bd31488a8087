"""Attribution by the shape of the story, for quotes whose own sentence names nobody.

Each step has one job and a name, tried in this order (most precise first):

- ``quote_continued``: a quote left open at a paragraph's end goes on in the next one;
  every part has the speaker the quote's own cue names.
- ``same_paragraph``: a later quote of the paragraph continues the quote before it, unless
  it sits in a later sentence whose subject is a person (``own_subject``: "…," Ana said. He
  cited it as "…": he spoke).
- ``alternation``: a quote-only paragraph right after a question answers it, so it is the
  last speaker before the one who asked (interviews and features alternate).
- ``paragraph_continuation``: a paragraph that opens with a quote continues the speaker
  of the paragraph before.

Continuation never crosses a change of subject: when a sentence between the two quotes
is about another person ("…," said Ann. Bo disagreed. "…"), the speaker is left null.
"""

import re
from dataclasses import dataclass

from app.extraction.attribution import subject_attribution
from app.extraction.gender import unnamed_speakers
from app.extraction.quote_marks import Paragraph, QuoteSpan
from app.extraction.schemas import ExtractedEntity
from app.extraction.sentences import first_sentence_end
from app.extraction.speaker_words import Attribution
from app.extraction.speakers import SpeakerIndex

# A verb right after a quote that opens a paragraph: the quote is the sentence's subject.
_QUOTE_AS_SUBJECT = re.compile(r"\s+(?:is|was|are|were|has|had|have|became|remains)\b")
# Subjects that name a person by themselves: a later sentence about one speaks for them.
_PERSONAL_SUBJECTS = frozenset("he she they we i".split())


@dataclass(frozen=True)
class Source:
    """The quote whose cue names the speaker (``index``) and the step that chose it."""

    index: int
    rule: str


@dataclass
class Story:
    """What the discourse steps read: the quotes so far and who said them."""

    body: str
    spans: list[QuoteSpan]
    paragraphs: list[Paragraph]
    index: SpeakerIndex
    sources: list[Source | None]
    speakers: list[ExtractedEntity | None]
    # Where each attribution's speaker words lie: naming the speaker is no change of subject.
    named_at: list[tuple[int, int]]


def discourse_source(story: Story, i: int, group_source: int | None) -> Source | None:
    """The first discourse step that can attribute quote ``i``."""
    if group_source is not None:
        return Source(group_source, "quote_continued")
    if i == 0 or story.spans[i - 1].single:
        return None
    span, previous = story.spans[i], story.spans[i - 1]
    before = story.sources[i - 1]
    if previous.paragraph == span.paragraph:
        return _continued(story, i, "same_paragraph")
    opens = span.open_at == story.paragraphs[span.paragraph].start
    if not opens or previous.paragraph != span.paragraph - 1:
        return None
    if _QUOTE_AS_SUBJECT.match(story.body, span.close_at):
        return None  # ""Tide Lines" was written by …": the quote is what the sentence is about
    answered = _alternation(story, i)
    if answered is not None:
        return answered
    return _continued(story, i, "paragraph_continuation") if before else None


def _continued(story: Story, i: int, rule: str) -> Source | None:
    before = story.sources[i - 1]
    if before is None or _speaker_changed(story, i):
        return None
    return Source(before.index, rule)


def _speaker_changed(story: Story, i: int) -> bool:
    """Someone other than the last speaker is the subject of a sentence in between."""
    previous, span = story.spans[i - 1], story.spans[i]
    last = story.speakers[i - 1]
    between = first_sentence_end(story.body, previous.close_at, span.open_at)
    # "The spokesman said …" in between: a speaker named only by a role is someone else
    # unless the article introduced the last speaker with that role.
    role = next(unnamed_speakers(story.body, between, span.open_at), None)
    if role is not None and story.index.described(role[0], span.open_at) is not last:
        return True
    return any(
        mention.entity.type == "person"
        and mention.entity is not last
        and mention.subject
        and not mention.possessive
        and not any(start <= mention.start < end for start, end in story.named_at)
        # Only sentences after the one that attributes the previous quote.
        for mention in story.index.within(between, span.open_at)
    )


def _alternation(story: Story, i: int) -> Source | None:
    """A quote-only paragraph answering a question answers it as the earlier speaker."""
    previous = story.spans[i - 1]
    question = story.body[previous.start : previous.end].rstrip("\"'”’ ")
    asker = story.speakers[i - 1]
    if not question.endswith("?") or asker is None:
        return None
    for j in range(i - 2, -1, -1):
        source = story.sources[j]
        if story.spans[j].paragraph < previous.paragraph - 3:
            return None
        if source is not None and story.speakers[j] not in (None, asker):
            return Source(source.index, "alternation")
    return None


def own_subject(story: Story, i: int) -> Attribution | None:
    """ "…," Ana said. Then she called the plan "…": a quote inside a later sentence of the
    paragraph whose subject is a person is that person's, not the earlier quote's speaker."""
    previous, span = story.spans[i - 1], story.spans[i]
    # From the quote's last word: a quote that ends its sentence ends it inside the marks.
    if (
        first_sentence_end(story.body, max(previous.start, previous.end - 1), span.open_at)
        >= span.open_at
    ):
        return None  # the same sentence as the quote before: its subject is the reporter's
    found = subject_attribution(story.body, story.spans, i, story.paragraphs)
    if found is None:
        return None
    if found.speaker_text.casefold() in _PERSONAL_SUBJECTS:
        return found
    start = found.speaker_start
    named = story.index.named_in(start, start + len(found.speaker_text))
    return found if named is not None and named.type == "person" else None
