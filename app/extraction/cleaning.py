"""From a raw article (scraped text, a JSON record or an HTML page) to clean metadata and body.

The body is the article's paragraphs joined by blank lines; every later offset indexes into it.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import trafilatura

from app.extraction.boilerplate import is_junk, strip_boilerplate
from app.extraction.dates import looks_like_date_line, parse_date, parse_date_line
from app.extraction.schemas import InputFormat
from app.extraction.section import meta_section, normalize_section
from app.text import web_url


class ExtractionInputError(ValueError):
    """The raw input cannot be read as the format it claims to be."""


@dataclass
class CleanedArticle:
    body: str
    title: str | None = None
    published_at: date | datetime | None = None
    byline: str | None = None
    sections: list[str] = field(default_factory=list)
    source_name: str | None = None
    source_url: str | None = None
    section: str | None = None  # the desk (business, sport…), not a subheading


_NAME_WORD = r"(?:[A-Z][\w'’.-]*|(?:de|van|von|der|da|di|le|la|bin|al|el)(?=\s))"
_BYLINE = re.compile(
    rf"^(?:written\s+)?by\s*:?\s+(?P<who>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}"
    rf"(?:\s*(?:,|and|&)\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})*"
    r"|[a-z][\w .-]{0,30})\s*(?:[,|–—-]\s*[^.]{0,60})?$",
    re.IGNORECASE,
)
_PLACEHOLDER_AUTHOR = re.compile(
    r"^(?:the\s+)?(?:admin(?:istrator)?|staff(?:\s+(?:writer|reporter))?|editor(?:ial)?s?"
    r"|(?:news|web|city|online)?\s*desk|newsroom|webmaster|guest|author|team|wire"
    r"|reporter|correspondent|contributor|unknown|anonymous|user|editorial\s+(?:staff|team|board))"
    r"(?:\s+\w+)?$",
    re.IGNORECASE,
)
_STRONG_END = re.compile(r"[.!?;,:]$")
_CLOSING_MARKS = "\"'”’)]"
_OPENING_MARKS = "\"'“‘(["
_SENTENCE_CLOSED = re.compile(r"[.!?…:][\"'”’)\]]*$")
_TITLE_MAX_WORDS = 25
_SECTION_MAX_WORDS = 10
_SECTION_MAX_CHARS = 80
_HEADER_ZONE = 4
_TAIL_ZONE = 6


def clean(raw: str, fmt: InputFormat = "text") -> CleanedArticle:
    """Clean one raw article given as plain text, a JSON object or an HTML page."""
    if fmt == "json":
        return _clean_json(raw)
    if fmt == "html":
        return _clean_html(raw)
    return clean_text(raw)


def clean_text(
    text: str,
    *,
    title: str | None = None,
    published_at: date | datetime | None = None,
    byline: str | None = None,
) -> CleanedArticle:
    """Clean scraped plain text; metadata already known from a richer source wins."""
    paragraphs = split_paragraphs(text)
    found_byline, paragraphs = _take_bylines(paragraphs)
    paragraphs = strip_boilerplate(paragraphs)
    found_title, found_date, paragraphs = _take_header(paragraphs, known_title=title)
    return CleanedArticle(
        body="\n\n".join(paragraphs),
        title=title or found_title,
        published_at=published_at or found_date,
        byline=byline or found_byline,
        sections=find_sections(paragraphs),
    )


def split_paragraphs(text: str) -> list[str]:
    """Every non-blank line is a paragraph: scrapers keep one paragraph per line."""
    lines = (_single_spaced(line) for line in text.lstrip("\ufeff").splitlines())
    return [line for line in lines if line]


def _single_spaced(line: str) -> str:
    """``" ".join(line.split())``. Most lines are spaced so already (the space is the one
    printable whitespace character) and are kept without splitting them into words."""
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line
    return " ".join(line.split())


def find_sections(paragraphs: list[str]) -> list[str]:
    """Subheadings: short unpunctuated lines standing between body paragraphs."""
    sections = []
    for index in range(1, len(paragraphs) - 1):
        before, after = paragraphs[index - 1], paragraphs[index + 1]
        # The heading's own test first: it rules out most paragraphs by their length,
        # before the paragraph above is searched whole.
        if not _is_heading(paragraphs[index]):
            continue
        # A line broken mid-sentence by the scraper is not a heading: the text around a
        # heading ends a sentence before it and starts one after it.
        if _SENTENCE_CLOSED.search(before) and _starts_sentence(after):
            sections.append(paragraphs[index])
    return sections


def _starts_sentence(paragraph: str) -> bool:
    first = paragraph.lstrip(_OPENING_MARKS)[:1]
    return first.isupper() or first.isdigit()


def _is_heading(paragraph: str) -> bool:
    if len(paragraph) > _SECTION_MAX_CHARS:
        return False
    bare = paragraph.rstrip(_CLOSING_MARKS)
    if not bare or _STRONG_END.search(bare):
        return False
    if len(paragraph.split()) > _SECTION_MAX_WORDS or looks_like_date_line(paragraph):
        return False
    return paragraph.lstrip(_OPENING_MARKS)[:1].isupper()


def _take_bylines(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """Remove byline lines near the top or the bottom; keep the first real author."""
    author: str | None = None
    kept: list[str] = []
    tail_from = len(paragraphs) - _TAIL_ZONE
    for index, paragraph in enumerate(paragraphs):
        match = _BYLINE.match(paragraph) if len(paragraph) <= _SECTION_MAX_CHARS else None
        if match is None or _HEADER_ZONE <= index < tail_from:
            kept.append(paragraph)
            continue
        who = match.group("who").strip()
        if author is None and not _PLACEHOLDER_AUTHOR.match(who) and who[:1].isupper():
            author = who
    return author, kept


def _take_header(
    paragraphs: list[str], *, known_title: str | None
) -> tuple[str | None, date | datetime | None, list[str]]:
    """Peel the title and date line off the top of the article."""
    title: str | None = None
    published: date | datetime | None = None
    index = 0
    while index < min(len(paragraphs) - 1, _HEADER_ZONE):
        paragraph = paragraphs[index]
        if published is None and (found := parse_date_line(paragraph)) is not None:
            published = found
        elif (title is None and _same_title(paragraph, known_title)) or (
            title is None and known_title is None and index == 0 and _is_title(paragraph)
        ):
            title = paragraph
        else:
            break
        index += 1
    return title, published, paragraphs[index:]


def _same_title(paragraph: str, known_title: str | None) -> bool:
    return (
        known_title is not None and paragraph.casefold() == " ".join(known_title.split()).casefold()
    )


def _is_title(paragraph: str) -> bool:
    words = paragraph.split()
    if len(words) > _TITLE_MAX_WORDS or is_junk(paragraph):
        return False
    bare = paragraph.rstrip(_CLOSING_MARKS)
    if not bare.endswith((".", ",", ";", ":")) or bare.endswith("..."):
        return True
    # Headlines in title case may still end in a full stop.
    capitalised = sum(1 for word in words if word[:1].isupper())
    return bare.endswith(".") and capitalised >= 0.6 * len(words)


def _clean_json(raw: str) -> CleanedArticle:
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ExtractionInputError(f"input is not valid JSON: {error}") from error
    if not isinstance(record, dict):
        raise ExtractionInputError("JSON input must be an object")
    text = _first_str(record, "text", "body", "content")
    if text is None:
        raise ExtractionInputError("JSON input needs a 'text' (or 'body') string")
    published = _first_str(record, "published_at", "date", "published")
    cleaned = clean_text(
        text,
        title=_first_str(record, "title", "headline"),
        published_at=parse_date(published) if published else None,
        byline=_real_author(_first_str(record, "byline", "author")),
    )
    cleaned.source_url = web_url(_first_str(record, "url", "source_url", "link"))
    cleaned.source_name = _source_name(record.get("source")) or _first_str(record, "source_name")
    cleaned.section = normalize_section(record.get("section") or record.get("category"))
    return cleaned


def _clean_html(raw: str) -> CleanedArticle:
    if "<" not in raw or ">" not in raw:
        raise ExtractionInputError("input is not an HTML document")
    tree = trafilatura.load_html(raw)
    # Sieve, most precise first: the publisher's article:section meta (read before
    # trafilatura prunes the tree), then trafilatura's categories (links, subject meta).
    section = None if tree is None else meta_section(tree)
    try:
        document = trafilatura.bare_extraction(
            raw if tree is None else tree,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
        )
    except (ValueError, TypeError) as error:
        raise ExtractionInputError(f"HTML could not be parsed: {error}") from error
    text = getattr(document, "text", None)
    if not isinstance(text, str) or not text.strip():
        raise ExtractionInputError("no article text found in the HTML page")
    section = section or normalize_section(getattr(document, "categories", None))
    date_text = getattr(document, "date", None)
    cleaned = clean_text(
        text,
        title=getattr(document, "title", None),
        published_at=parse_date(date_text) if date_text else None,
        byline=_real_author(getattr(document, "author", None)),
    )
    cleaned.source_url = web_url(getattr(document, "url", None))
    cleaned.source_name = getattr(document, "sitename", None)
    cleaned.section = section
    return cleaned


def _first_str(record: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _source_name(source: object) -> str | None:
    if isinstance(source, str) and source.strip():
        return source.strip()
    if isinstance(source, dict):
        return _first_str(source, "name", "title")
    return None


def _real_author(author: str | None) -> str | None:
    if author is None or _PLACEHOLDER_AUTHOR.match(author.strip()):
        return None
    return author.strip()
