"""Pure text-to-structure extraction: no database, no I/O beyond what the caller passes in.

The contract types live here; ``app.extraction.pipeline.extract`` runs the extraction."""

from app.extraction.schemas import (
    ExtractedEntity,
    ExtractedMention,
    ExtractedQuote,
    Extraction,
)

__all__ = ["ExtractedEntity", "ExtractedMention", "ExtractedQuote", "Extraction"]
