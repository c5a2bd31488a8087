"""Pure text-to-structure extraction: no database, no I/O beyond what the caller passes in."""

from app.extraction.pipeline import EXTRACTOR_VERSION, InputFormat, extract
from app.extraction.schemas import (
    ExtractedEntity,
    ExtractedMention,
    ExtractedQuote,
    Extraction,
)

__all__ = [
    "EXTRACTOR_VERSION",
    "ExtractedEntity",
    "ExtractedMention",
    "ExtractedQuote",
    "Extraction",
    "InputFormat",
    "extract",
]
