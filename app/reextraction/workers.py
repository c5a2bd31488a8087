"""Extraction of stored bodies, in worker processes while the caller writes.

Each worker receives the knowledge snapshot once, when it starts, rather than with every
article: the snapshot of a large archive is far bigger than a body.
"""

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial

from app.articles.ingest import Limits, check_items, too_slow
from app.errors import AppError
from app.extraction import ExtractedEntity, ExtractedQuote
from app.extraction.knowledge import NOTHING_KNOWN, Knowledge
from app.extraction.pipeline import ExtractionTooSlow, analyze
from app.reextraction.selection import Stored
from app.writes.workers import die_with_parent


@dataclass(frozen=True)
class Found:
    """What the current extractor finds in one stored body."""

    entities: list[ExtractedEntity]
    quotes: list[ExtractedQuote]


# Found, or why the body could not be extracted (a string pickles safely back).
Outcome = Found | str

_knowledge: Knowledge = NOTHING_KNOWN  # a worker's copy, set once by ``_start``


def _start(knowledge: Knowledge) -> None:
    global _knowledge
    die_with_parent()
    _knowledge = knowledge


def extract_body(body: str, limits: Limits, knowledge: Knowledge | None = None) -> Outcome:
    try:
        entities, quotes = analyze(
            body, max_seconds=limits.max_seconds, knowledge=knowledge or _knowledge
        )
        check_items(entities, quotes, limits)
    except ExtractionTooSlow as exc:
        return too_slow(exc).detail
    except AppError as exc:
        return exc.detail
    except ValueError as exc:  # the extractor's input errors are ValueErrors
        return f"cannot read the article: {exc}"
    return Found(entities, quotes)


def extract_batches(
    batches: Iterable[list[Stored]], jobs: int, limits: Limits, knowledge: Knowledge
) -> Iterator[list[tuple[Stored, Outcome]]]:
    """Each batch with its extractions, in order; with ``jobs`` > 1 the workers extract the
    next batch while the caller writes this one."""
    if jobs <= 1:
        for batch in batches:
            yield [(stored, extract_body(stored.body, limits, knowledge)) for stored in batch]
        return
    one = partial(extract_body, limits=limits)
    with ProcessPoolExecutor(jobs, initializer=_start, initargs=(knowledge,)) as pool:
        pending: tuple[list[Stored], Iterator[Outcome]] | None = None
        for batch in batches:
            # Submitted now, collected after the previous batch is handed over.
            started = (batch, pool.map(one, [stored.body for stored in batch], chunksize=4))
            if pending is not None:
                yield list(zip(pending[0], pending[1], strict=True))
            pending = started
        if pending is not None:
            yield list(zip(pending[0], pending[1], strict=True))
