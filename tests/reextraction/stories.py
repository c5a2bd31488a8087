"""Short stories written for these tests, stored as an older extractor read them: the
surname on its own as a person of its own, and an organization read into a common noun.
The current extractor reads the surname as the full name and finds no organization."""

from app.extraction import ExtractedEntity, ExtractedMention, ExtractedQuote, Extraction

FULL, SURNAME, NOUN = "Marek Dovzhenko", "Dovzhenko", "Pier Works"
FULL_SLUG, SURNAME_SLUG, NOUN_SLUG = "marek-dovzhenko", "dovzhenko", "pier-works"


def body(n: int = 0) -> str:
    return (
        f"Harbour plan {n} approved\n\n"
        f"The harbour master {FULL} said on Monday that the pier would be rebuilt by spring.\n\n"
        f'"We have waited ten years for this," {SURNAME} said. Councillors in Norway backed it.'
    )


def _at(text: str, surface: str, after: int = 0) -> ExtractedMention:
    start = text.index(surface, after)
    return ExtractedMention(text=surface, start=start, end=start + len(surface))


def stale(n: int = 0) -> Extraction:
    """Story n as the older extractor stored it."""
    text = body(n)
    full = _at(text, FULL)
    quote_at = text.index('"We')
    quote = text[quote_at + 1 : text.index('"', quote_at + 1)]
    return Extraction(
        title=f"Harbour plan {n} approved",
        body=text,
        entities=[
            ExtractedEntity(name=FULL, type="person", mentions=[full]),
            ExtractedEntity(name=SURNAME, type="person", mentions=[_at(text, SURNAME, full.end)]),
            ExtractedEntity(name=NOUN, type="organization", mentions=[_at(text, "pier")]),
            ExtractedEntity(
                name="Norway", type="country", country_code="NO", mentions=[_at(text, "Norway")]
            ),
        ],
        quotes=[
            ExtractedQuote(
                text=quote,
                start=quote_at + 1,
                end=quote_at + 1 + len(quote),
                speaker=SURNAME,
                speaker_text=SURNAME,
            )
        ],
    )
