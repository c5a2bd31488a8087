"""Raw article in, ``Extraction`` out."""

from app.extraction.cleaning import InputFormat, clean
from app.extraction.entities import find_entities
from app.extraction.quotes import find_quotes
from app.extraction.schemas import ExtractedEntity, ExtractedQuote, Extraction

EXTRACTOR_VERSION = "1.0.0"

__all__ = ["EXTRACTOR_VERSION", "InputFormat", "analyze", "extract"]


def analyze(body: str) -> tuple[list[ExtractedEntity], list[ExtractedQuote]]:
    """Entities and attributed quotes of an already clean body (offsets index ``body``)."""
    entities = find_entities(body)
    return entities, find_quotes(body, entities)


def extract(raw: str, *, fmt: InputFormat = "text") -> Extraction:
    """Turn one raw article into the extraction contract.

    Raises ``ExtractionInputError`` (a ``ValueError``) when ``raw`` is not valid ``fmt``.
    """
    article = clean(raw, fmt)
    entities, quotes = analyze(article.body)
    return Extraction(
        title=article.title,
        published_at=article.published_at,
        byline=article.byline,
        source_name=article.source_name,
        source_url=article.source_url,
        sections=article.sections,
        section=article.section,
        body=article.body,
        entities=entities,
        quotes=quotes,
    )
