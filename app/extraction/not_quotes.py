"""Quoted words that nobody is said to have said: the marks hold a name or a title.

Ordered, named sieve steps, each given a quoted stretch and the paragraph around it;
``not_speech`` names the first that matches. They run after the older tests of
``quotes._worth_keeping`` (links, lone letters, short unattributed terms, titles after
"on" or a kind of work).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from app.extraction.people import is_given_name
from app.extraction.quote_marks import Paragraph, QuoteSpan
from app.extraction.wordsets import FUNCTION_WORDS, alternation
from app.extraction.works import WORK_MODIFIED

QUOTE_FUNCTION_WORDS = frozenset(
    "a an the and or but of in on at to for with by from as is are was were be it its this "
    "that he she they we i you him her them his their our my your me us".split()
)
# The kind of work a title comes before: 'the “Tide Lines” reboot', '“Tide Lines” star
# Ana Ruiz'. On polnear-train 7 spans, 6 not gold quotes; the seventh, a film before
# "sequel", its annotators took for the words of the sentence's speaker.
_KINDS_AFTER = [*WORK_MODIFIED.split(), "reboot", "episode", "episodes", "podcast", "theme"]
_KIND_AFTER = re.compile(rf"[,.]?\s+(?:{alternation(_KINDS_AFTER)})\b")
# '“Harbour lights go out,” by Ana Ruiz': a headline credited to its writer.
_CREDITED = re.compile(r"\s+by\s+(?:the\s+)?[A-Z]")
# The given name before a nickname, and the capitalised word that opens the rest of it.
_NAME_BEFORE = re.compile(r"(?<![\w.'’-])([A-Z][\w'’-]*)\s+$")
_NAME_AFTER = re.compile(r"\s+([A-Z][\w'’-]*)")
_LOOK_BACK = 40


@dataclass(frozen=True)
class Quoted:
    """A quoted stretch, the paragraph it sits in, its words (as ``quotes.quote_words``
    finds them) and whether a cue or the story around it names a speaker."""

    body: str
    span: QuoteSpan
    paragraph: Paragraph
    words: list[str]
    attributed: bool

    @property
    def text(self) -> str:
        return self.body[self.span.start : self.span.end]


def is_title_case(words: list[str]) -> bool:
    """Every word but the small ones starts with a capital or a digit. The "s" a
    possessive splits off ("Harbour’s Bitter Tide") is no word of its own."""
    content = [
        word for word in words if word.casefold() not in QUOTE_FUNCTION_WORDS and word != "s"
    ]
    return bool(content) and all(word[:1].isupper() or word[:1].isdigit() for word in content)


def nickname(q: Quoted) -> bool:
    """One capitalised word between a given name and a surname (Ana “Nan” Ruiz) is what
    she is called, not what she said: 3 spans on the polnear sets and 2 in 2,225 BBC
    articles, none a quote. The given name comes from the name list: capitals that name
    no one ('the Harbour “Reckless” Award') hold no nickname."""
    text = q.text
    if len(q.words) != 1 or not text[:1].isupper() or not text[-1:].isalnum():
        return False
    look_from = max(q.paragraph.start, q.span.open_at - _LOOK_BACK)
    before = _NAME_BEFORE.search(q.body, look_from, q.span.open_at)
    if before is None or not is_given_name(before[1]):
        return False
    after = _NAME_AFTER.match(q.body, q.span.close_at, q.paragraph.end)
    return after is not None and after[1] not in FUNCTION_WORDS


def titled_by_its_kind(q: Quoted) -> bool:
    """Title-case words right before the kind of work they name ('the “Tide Lines”
    reboot'); ``quotes`` already reads the kind before a title."""
    kind = _KIND_AFTER.match(q.body, q.span.close_at, q.paragraph.end)
    return kind is not None and is_title_case(q.words)


def credited_headline(q: Quoted) -> bool:
    """A quoted stretch closed by a comma and credited "by" someone, with no cue for a
    speaker, is an article's headline in a list of reading ('—“Harbour lights go out,”
    by Ana Ruiz: …'): 11 spans on polnear-train, none a gold quote."""
    if q.attributed or not q.text.endswith(","):
        return False
    return _CREDITED.match(q.body, q.span.close_at, q.paragraph.end) is not None


# In order; each step has one job.
STEPS: tuple[tuple[str, Callable[[Quoted], bool]], ...] = (
    ("nickname", nickname),
    ("titled_by_its_kind", titled_by_its_kind),
    ("credited_headline", credited_headline),
)


def not_speech(quoted: Quoted) -> str | None:
    """The name of the first step that finds a name or a title in the marks, if any."""
    for name, step in STEPS:
        if step(quoted):
            return name
    return None
