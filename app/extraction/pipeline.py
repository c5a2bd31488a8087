"""Raw article in, ``Extraction`` out."""

from typing import Literal

from app.extraction.schemas import Extraction

EXTRACTOR_VERSION = "0.0.0"

InputFormat = Literal["text", "json", "html"]


def extract(raw: str, *, fmt: InputFormat = "text") -> Extraction:
    """Turn one raw article into the extraction contract."""
    return Extraction(body=raw.strip())
