import json
from datetime import date
from pathlib import Path

import pytest

from app.extraction.cleaning import ExtractionInputError
from app.extraction.pipeline import EXTRACTOR_VERSION, extract

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEED = SHARED / "seeds" / "000_372f268d1c9d2193.txt"
SEED_GOLD = SHARED / "eval" / "gold" / "000_372f268d1c9d2193.gold.json"

ARTICLE = (
    "Ferry service resumes\n\n"
    "2023-04-11\n\n"
    "By Ines Moreau\n\n"
    "The island ferry sailed again on Tuesday after a week of storms.\n\n"
    "“We are glad to be back,” the captain, Luc Berg, said.\n\n"
    "Share this:\n\nClick to share on Twitter (Opens in new window)\n\nRelated posts"
)


def test_version_is_semver() -> None:
    assert [part.isdigit() for part in EXTRACTOR_VERSION.split(".")] == [True] * 3


def test_text_article_end_to_end() -> None:
    result = extract(ARTICLE)
    assert result.title == "Ferry service resumes"
    assert result.published_at == date(2023, 4, 11)
    assert result.byline == "Ines Moreau"
    assert "Share this" not in result.body and "Related posts" not in result.body
    assert result.body.startswith("The island ferry sailed again")
    (quote,) = result.quotes
    assert result.body[quote.start : quote.end] == quote.text == "We are glad to be back,"
    assert quote.speaker_text is not None and "captain" in quote.speaker_text


def test_json_input_fills_source_fields() -> None:
    record = {
        "title": "Ferry service resumes",
        "text": "The ferry sailed again.\n\n“It feels good,” said Luc Berg.",
        "published_at": "2023-04-11T08:30:00Z",
        "url": "https://example.org/ferry",
        "source": "Harbour Herald",
    }
    result = extract(json.dumps(record), fmt="json")
    assert result.title == "Ferry service resumes"
    assert result.source_url == "https://example.org/ferry"
    assert result.source_name == "Harbour Herald"
    assert str(result.published_at).startswith("2023-04-11 08:30")
    assert [q.text for q in result.quotes] == ["It feels good,"]


def test_html_input_goes_through_the_page_extractor() -> None:
    paragraph = "The ferry sailed again on Tuesday after a long week of storms on the coast. " * 3
    html = (
        "<html><head><title>Ferry service resumes</title></head><body><article>"
        f"<h1>Ferry service resumes</h1><p>{paragraph}</p>"
        "<p>“We are glad to be back at sea with our passengers,” said Luc Berg.</p>"
        "</article><footer>Leave a Reply</footer></body></html>"
    )
    result = extract(html, fmt="html")
    assert result.title == "Ferry service resumes"
    assert "Leave a Reply" not in result.body
    assert [q.text for q in result.quotes] == ["We are glad to be back at sea with our passengers,"]


@pytest.mark.parametrize(("raw", "fmt"), [("{oops", "json"), ("plain words", "html")])
def test_malformed_input_raises_a_value_error(raw: str, fmt: str) -> None:
    with pytest.raises(ExtractionInputError):
        extract(raw, fmt=fmt)  # type: ignore[arg-type]


def test_seed_article_against_its_gold() -> None:
    if not SEED.exists() or not SEED_GOLD.exists():
        pytest.skip("shared seed article not available")
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    result = extract(SEED.read_text(encoding="utf-8"))
    assert str(result.published_at) == gold["metadata"]["published_date"]
    assert result.title is None
    assert len(result.sections) == 2
    for junk in gold["metadata"]["boilerplate_absent_from_body"]:
        assert junk not in result.body
    found = {q.text: q for q in result.quotes}
    names = {entity.name for entity in result.entities}
    for wanted in gold["quotes"]:
        if wanted.get("optional"):
            continue
        quote = found[wanted["text"]]
        assert result.body[quote.start : quote.end] == quote.text
        assert quote.speaker_text == wanted.get("speaker_text")
        if wanted["speaker"] is None or wanted["speaker"] in names:
            assert quote.speaker == wanted["speaker"]
