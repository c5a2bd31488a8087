"""The one quote of a result that opens with given words, for the attribution tests."""

from app.extraction.schemas import ExtractedQuote


def quote(quotes: list[ExtractedQuote], start: str) -> ExtractedQuote:
    found = [q for q in quotes if q.text.startswith(start)]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]
