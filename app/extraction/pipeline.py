"""Raw article in, ``Extraction`` out."""

import importlib
import importlib.util
from collections.abc import Callable
from functools import cache

from app.extraction.cleaning import InputFormat, clean
from app.extraction.quotes import find_quotes
from app.extraction.schemas import ExtractedEntity, Extraction

EXTRACTOR_VERSION = "1.0.0"

__all__ = ["EXTRACTOR_VERSION", "InputFormat", "extract"]

EntityFinder = Callable[[str], list[ExtractedEntity]]


def extract(raw: str, *, fmt: InputFormat = "text") -> Extraction:
    """Turn one raw article into the extraction contract.

    Raises ``ExtractionInputError`` (a ``ValueError``) when ``raw`` is not valid ``fmt``.
    """
    article = clean(raw, fmt)
    finder = _entity_finder()
    entities = finder(article.body) if finder is not None else []
    return Extraction(
        title=article.title,
        published_at=article.published_at,
        byline=article.byline,
        source_name=article.source_name,
        source_url=article.source_url,
        sections=article.sections,
        body=article.body,
        entities=entities,
        quotes=find_quotes(article.body, entities),
    )


@cache
def _entity_finder() -> EntityFinder | None:
    """Entity extraction lives in its own module; without it, quotes go unattributed to entities."""
    name = "app.extraction.entities"
    if importlib.util.find_spec(name) is None:
        return None
    finder: EntityFinder = importlib.import_module(name).find_entities
    return finder
