"""Raw article in, ``Extraction`` out."""

import gc
from functools import cache

from app.extraction.budget import ExtractionTooSlow, time_limit
from app.extraction.cleaning import InputFormat, clean
from app.extraction.entities import find_entities
from app.extraction.gazetteer import longest_name_words
from app.extraction.gender import given_name_gender
from app.extraction.knowledge import NOTHING_KNOWN, Knowledge
from app.extraction.organizations import legal_form
from app.extraction.people import census_given_names, given_names, surnames
from app.extraction.quotes import find_quotes
from app.extraction.schemas import (
    EXTRACTOR_VERSION,
    ExtractedEntity,
    ExtractedQuote,
    Extraction,
)
from app.extraction.wordsets import dictionary_word

__all__ = [
    "EXTRACTOR_VERSION",
    "ExtractionTooSlow",
    "InputFormat",
    "analyze",
    "extract",
    "load_lexicons",
]


def analyze(
    body: str, *, max_seconds: float | None = None, knowledge: Knowledge = NOTHING_KNOWN
) -> tuple[list[ExtractedEntity], list[ExtractedQuote]]:
    """Entities and attributed quotes of an already clean body (offsets index ``body``).

    ``knowledge`` is what the archive already knows (see ``app.extraction.knowledge``).
    Raises ``ExtractionTooSlow`` past ``max_seconds``.
    """
    load_lexicons()
    with time_limit(max_seconds):
        entities = find_entities(body, knowledge)
        return entities, find_quotes(body, entities)


def extract(
    raw: str,
    *,
    fmt: InputFormat = "text",
    max_seconds: float | None = None,
    knowledge: Knowledge = NOTHING_KNOWN,
) -> Extraction:
    """Turn one raw article into the extraction contract.

    Raises ``ExtractionInputError`` (a ``ValueError``) when ``raw`` is not valid ``fmt``, and
    ``ExtractionTooSlow`` when it takes longer than ``max_seconds``.
    """
    load_lexicons()
    with time_limit(max_seconds):
        article = clean(raw, fmt)
        entities, quotes = analyze(article.body, knowledge=knowledge)
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


def load_lexicons() -> None:
    """Gazetteers and name lists load once per process (seconds), before any time limit
    starts: that is no article's cost."""
    longest_name_words()  # builds the gazetteer
    given_names()
    census_given_names()
    surnames()
    dictionary_word("Word")  # loads the English dictionary
    legal_form("Ltd")  # loads the company legal forms
    given_name_gender("Word")  # loads the first-name genders (0.5 s, else on a first pronoun)
    _keep_out_of_collections()


@cache
def _keep_out_of_collections() -> None:
    """The lexicons are millions of objects that live as long as the process: the cyclic
    garbage collector's full passes walked them all again (1.3% of the instructions of
    extracting the BBC set), so everything loaded so far is left out of its passes."""
    gc.freeze()
