"""The desk an article ran under, read from JSON and HTML metadata."""

import json

import pytest
from lxml.html import fromstring

from app.extraction.cleaning import clean
from app.extraction.pipeline import extract
from app.extraction.section import SECTION_MAX_CHARS, meta_section, normalize_section

PARAGRAPHS = (
    "<p>The council of Valdoria approved a new pier on Monday after a long debate.</p>"
    "<p>Work on the pier is due to start in the spring and to last two years.</p>"
)


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("Sport", "sport"),
        ("  World \n News ", "world news"),
        (["", "Business", "Tech"], "business"),
        ("", None),
        ("   ", None),
        (42, None),
        (None, None),
        ("x" * 300, "x" * SECTION_MAX_CHARS),
    ],
)
def test_normalize_section(given: object, stored: str | None) -> None:
    assert normalize_section(given) == stored


def test_json_section_key() -> None:
    record = {"text": "The pier opened. Crowds came.", "section": "Politics"}
    assert extract(json.dumps(record), fmt="json").section == "politics"
    assert clean(json.dumps({"text": "A pier opened today."}), "json").section is None


def test_html_article_section_meta_wins_over_category_links() -> None:
    page = (
        '<html><head><meta property="article:section" content="Business"></head><body>'
        '<a href="/category/markets/">Markets</a><article>'
        f"{PARAGRAPHS}</article></body></html>"
    )
    assert meta_section(fromstring(page)) == "business"
    assert clean(page, "html").section == "business"


def test_html_without_meta_falls_back_to_trafilatura_categories() -> None:
    page = (
        '<html><head><meta name="subject" content="Science"></head><body><article>'
        f"{PARAGRAPHS}</article></body></html>"
    )
    assert clean(page, "html").section == "science"
    bare = f"<html><head></head><body><article>{PARAGRAPHS}</article></body></html>"
    assert clean(bare, "html").section is None


def test_text_has_no_section() -> None:
    assert extract("The pier opened on Monday. Crowds came to see it.").section is None
