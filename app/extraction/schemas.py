"""The extraction contract: what a raw article becomes before it is stored.

These models are the boundary between extraction (pure text processing) and storage.
Every offset indexes into ``Extraction.body`` with Python string semantics, so
``body[start:end] == text`` always holds.
"""

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

EntityType = Literal["person", "country", "place", "organization", "other"]
QuoteKind = Literal["direct", "partial", "indirect"]
InputFormat = Literal["text", "json", "html"]
# Stored with every article it reads; `reextract --older-than-version` selects by it.
EXTRACTOR_VERSION = "1.8.0"


class ExtractedMention(BaseModel):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class ExtractedEntity(BaseModel):
    name: str
    type: EntityType
    country_code: str | None = Field(default=None, min_length=2, max_length=2)
    description: str | None = None
    aliases: list[str] = Field(default_factory=list)
    mentions: list[ExtractedMention] = Field(default_factory=list)


class ExtractedQuote(BaseModel):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    speaker: str | None = None
    speaker_text: str | None = None
    kind: QuoteKind = "direct"
    cue: str | None = None
    # How sure attribution is of ``speaker`` (0-1), and the named step that decided it;
    # both null for quotes extracted before attribution recorded them.
    confidence: float | None = Field(default=None, ge=0, le=1)
    rule: str | None = Field(default=None, max_length=40)


class Extraction(BaseModel):
    title: str | None = None
    published_at: date | datetime | None = None
    byline: str | None = None
    source_name: str | None = None
    source_url: str | None = None
    sections: list[str] = Field(default_factory=list)  # subheadings inside the body
    section: str | None = None  # the desk it was published under: business, sport…
    body: str
    entities: list[ExtractedEntity] = Field(default_factory=list)
    quotes: list[ExtractedQuote] = Field(default_factory=list)
