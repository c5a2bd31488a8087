"""The desk an article was published under (business, politics, sport…), from metadata.

Distinct from ``Extraction.sections``, the subheadings inside the body."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lxml loads with the extraction that parses HTML, not with the API
    from lxml.html import HtmlElement

SECTION_MAX_CHARS = 100


def normalize_section(value: object) -> str | None:
    """One spelling per desk: case-folded, single-spaced, cut to the column's length.
    None for anything that is not a non-blank string."""
    if isinstance(value, list):  # JSON-LD and some feeds give a list; the first is the desk
        value = next((item for item in value if isinstance(item, str) and item.strip()), None)
    if not isinstance(value, str):
        return None
    section = " ".join(value.split()).casefold()[:SECTION_MAX_CHARS].strip()
    return section or None


def meta_section(tree: HtmlElement) -> str | None:
    """The publisher's own ``article:section`` (Open Graph) meta, the most precise source."""
    for content in tree.xpath('//head//meta[@property="article:section"]/@content'):
        if section := normalize_section(str(content)):
            return section
    return None
