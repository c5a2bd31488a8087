"""Where quotations sit in a body: the stretches between quotation marks.

Typographers and scrapers disagree about marks: straight and curly doubles, doubled
apostrophes, closing marks typed where an opening one belongs, and the news convention of
leaving a quote open at a paragraph's end when the next paragraph carries on the quote.
"""

import bisect
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from app.extraction.budget import check

Role = Literal["open", "close", "either"]

# A doubled apostrophe or a double mark. Written to open on a character class (a lone
# apostrophe must be followed by another), which the regex engine scans for directly:
# the plain alternation ''|["“”„«»] tried a match at every position, 30% slower.
_DOUBLE_MARK = re.compile(r"['\"“”„«»](?:(?<=')'|(?<!'))")
# A curly single quote opens after a space and closes before a non-letter; an apostrophe
# inside a word ("don’t") therefore never closes one.
_SINGLE_QUOTE = re.compile(r"(?<![\w’'])‘(?=\w)([^‘’\"“”\n]{1,300}?[\w.,!?…])’(?!\w)")
_OPEN_ONLY = "“„«"
_CLOSING_SLIP = ",.!?…"
_CLOSE_ONLY = "”»"
_LEFT_EDGE = "([{—–-/"
_RIGHT_EDGE = ".,;:!?)]}—–-…"
_PARAGRAPH_BREAK = re.compile(r"\n\n")


@dataclass
class QuoteSpan:
    """Quoted words ``start:end`` (marks excluded) and the marks' outer edges."""

    start: int
    end: int
    open_at: int
    close_at: int
    paragraph: int
    closed: bool
    single: bool = False
    group: int = -1


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int


def paragraphs_of(body: str) -> list[Paragraph]:
    """Paragraph bounds of a body whose paragraphs are separated by one blank line."""
    bounds: list[Paragraph] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(body):
        bounds.append(Paragraph(len(bounds), start, match.start()))
        start = match.end()
    bounds.append(Paragraph(len(bounds), start, len(body)))
    return bounds


def find_spans(body: str, paragraphs: list[Paragraph]) -> list[QuoteSpan]:
    """Every quoted stretch, in order; a quote left open continues into the next paragraph."""
    spans: list[QuoteSpan] = []
    carried = False
    for paragraph in paragraphs:
        check()
        found = _double_spans(body, paragraph)
        continues = bool(found) and carried and found[0].open_at == paragraph.start
        carried = bool(found) and not found[-1].closed and found[-1].close_at == paragraph.end
        singles = _single_spans(body, paragraph, found)
        for span in sorted(found + singles, key=lambda span: span.start):
            continued = continues and span is found[0]
            span.group = spans[-1].group if continued else (spans[-1].group + 1 if spans else 0)
            spans.append(span)
    return spans


def _role(body: str, at: int, mark: str, paragraph: Paragraph) -> Role:
    before = _seen(body[at - 1]) if at > paragraph.start else " "
    after_at = at + len(mark)
    after = _seen(body[after_at]) if after_at < paragraph.end else " "
    if mark in _OPEN_ONLY:
        # "It rained,“ said X", 'called it “vile“ in a post': an opening mark typed where
        # the closing one belongs, after the quote's last word or stop and before a space.
        slip = before in _CLOSING_SLIP or before.isalnum()
        return "close" if slip and after.isspace() else "open"
    left_open = before.isspace() or before in _LEFT_EDGE
    if mark in _CLOSE_ONLY:
        # A closing mark that opens a paragraph closes nothing: '” … and then we left,”
        # she said' opens a quote that starts with an ellipsis.
        opens = after.isalnum() or at == paragraph.start
        return "open" if left_open and opens else "close"
    right_open = after.isspace() or after in _RIGHT_EDGE
    if left_open and not right_open:
        return "open"
    if right_open and not left_open:
        return "close"
    return "either"


def _seen(char: str) -> str:
    """A formatting character (a direction mark pasted from a post) shows nothing: it
    reads as a space beside a quotation mark."""
    return " " if char > "\u2000" and unicodedata.category(char) == "Cf" else char


def _style(mark: str) -> str:
    return "straight" if mark in ('"', "''") else "typeset"


def _double_spans(body: str, paragraph: Paragraph) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    opened: re.Match[str] | None = None
    nested = 0
    for match in _DOUBLE_MARK.finditer(body, paragraph.start, paragraph.end):
        role = _role(body, match.start(), match.group(), paragraph)
        if opened is None:
            if role != "close":
                opened, nested = match, 0
            continue
        if _style(match.group()) != _style(opened.group()):
            # Marks of the other style inside a quote quote someone else; a lone closing
            # one is a typing slip that ends the quote ("no evidence" typed “no evidence").
            if role == "open" or (role == "either" and not nested):
                nested += 1
                continue
            if nested:
                nested -= 1
                continue
        closed = role != "open"
        end = match.end() if closed else match.start()
        _add_span(spans, body, paragraph, opened, match.start(), end, closed=closed)
        opened = None if closed else match
    if opened is not None:
        _add_span(spans, body, paragraph, opened, paragraph.end, paragraph.end, closed=False)
    return spans


def _add_span(
    spans: list[QuoteSpan],
    body: str,
    paragraph: Paragraph,
    opening: re.Match[str],
    end: int,
    close_at: int,
    *,
    closed: bool,
) -> None:
    start, end = _trimmed(body, opening.end(), end)
    if end <= start or not any(c.isalnum() for c in body[start:end]):
        return
    spans.append(QuoteSpan(start, end, opening.start(), close_at, paragraph.index, closed))


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def _single_spans(body: str, paragraph: Paragraph, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """Curly single quotes that stand outside every double-quoted stretch."""
    if body.find("‘", paragraph.start, paragraph.end) < 0:
        return []
    # Double-quoted stretches come in order and never overlap: only the last one opening
    # before a single quote can hold it (a scan of all of them was quadratic).
    opens = [d.open_at for d in doubles]
    return [
        QuoteSpan(
            match.start(1),
            match.end(1),
            match.start(),
            match.end(),
            paragraph.index,
            closed=True,
            single=True,
        )
        for match in _SINGLE_QUOTE.finditer(body, paragraph.start, paragraph.end)
        if not _inside(doubles, opens, match.start())
    ]


def _inside(doubles: list[QuoteSpan], opens: list[int], at: int) -> bool:
    last = bisect.bisect_right(opens, at) - 1
    return last >= 0 and at < doubles[last].close_at
