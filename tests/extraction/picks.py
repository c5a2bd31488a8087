"""One item of an extraction result picked out, for the extraction tests."""

from app.extraction.schemas import ExtractedEntity, ExtractedQuote


def quote(quotes: list[ExtractedQuote], start: str) -> ExtractedQuote:
    """The one quote that opens with ``start``."""
    found = [q for q in quotes if q.text.startswith(start)]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


def by_name(entities: list[ExtractedEntity]) -> dict[str, ExtractedEntity]:
    return {e.name: e for e in entities}
