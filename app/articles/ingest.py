"""Raw article in, stored article out: the path shared by the API, the CLI and the seed."""

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from itertools import islice

from sqlmodel import Session

from app.articles.models import Article
from app.articles.screen import Skipped, body_reason
from app.articles.sources import Document
from app.articles.writer import (
    AlreadyStored,
    delete_article,
    find_existing,
    store_extraction,
)
from app.config import Settings
from app.errors import AppError, NotFound, PayloadTooLarge, Unprocessable
from app.extraction import ExtractedEntity, ExtractedQuote, Extraction
from app.extraction.knowledge import NOTHING_KNOWN, Knowledge
from app.extraction.pipeline import (
    EXTRACTOR_VERSION,
    ExtractionTooSlow,
    InputFormat,
    analyze,
    extract,
    load_lexicons,
)
from app.observability import metrics
from app.reextraction.apply import apply_batch
from app.writes import write
from app.writes.locks import lock_article
from app.writes.workers import die_with_parent


@dataclass(frozen=True)
class Ingested:
    article: Article
    created: bool
    # Read inside the transaction: after the commit the article may already be deleted.
    article_id: int


@dataclass(frozen=True)
class Limits:
    """What one article may cost: its size in bytes and its extraction time (None: no limit)."""

    max_bytes: int | None = None
    max_seconds: float | None = None
    # Quotes and mentions together. Storing them is the cost the extraction clock does not
    # see: 1.9 MB of '"Yes," he said.' extracted to 118,750 quotes, then took 17 s of
    # inserts while holding the write lock.
    max_items: int | None = None

    @classmethod
    def of(cls, settings: Settings) -> "Limits":
        return cls(
            settings.max_article_bytes, settings.extraction_limit, settings.max_article_items
        )


def parse(
    raw: str, fmt: InputFormat, limits: Limits = Limits(), knowledge: Knowledge = NOTHING_KNOWN
) -> Extraction:
    """One raw article's extraction, reading it with what the archive knows (``knowledge``)."""
    if limits.max_bytes is not None and len(raw.encode()) > limits.max_bytes:
        raise PayloadTooLarge(
            f"The article is over the {limits.max_bytes}-byte limit", field="body"
        )
    try:
        with metrics.timed_extraction():
            extraction = extract(raw, fmt=fmt, max_seconds=limits.max_seconds, knowledge=knowledge)
    except ValueError as exc:  # the extractor's input errors are ValueErrors
        raise Unprocessable(f"Cannot read the article: {exc}", field="body") from exc
    except ExtractionTooSlow as exc:
        raise too_slow(exc) from exc
    check_items(extraction.entities, extraction.quotes, limits)
    return extraction


def check_items(
    entities: list[ExtractedEntity], quotes: list[ExtractedQuote], limits: Limits
) -> None:
    if limits.max_items is None:
        return
    items = len(quotes) + sum(len(entity.mentions) for entity in entities)
    if items > limits.max_items:
        raise Unprocessable(
            f"The article holds {items} quotes and mentions, over the limit of {limits.max_items}",
            field="body",
        )


def too_slow(exc: ExtractionTooSlow) -> Unprocessable:
    # 422, not 503: the same article would take as long again, so a retry cannot help.
    return Unprocessable(
        f"The article took longer than the {exc.seconds:g}-second extraction limit",
        field="body",
    )


def ingest_extraction(session: Session, extraction: Extraction, version: str) -> Ingested:
    """Store one article in its own transaction, or return the copy already stored."""
    if not extraction.body.strip():
        raise Unprocessable("The article has no text", field="body")
    return write(session, _ingest_once, extraction, version)


def _ingest_once(session: Session, extraction: Extraction, version: str) -> Ingested:
    existing = find_existing(session, extraction)
    if existing is None:
        try:
            article = store_extraction(session, extraction, version)
            assert article.id is not None
            return Ingested(article, created=True, article_id=article.id)
        except AlreadyStored as stored:
            existing = stored.article
    assert existing.id is not None
    return Ingested(existing, created=False, article_id=existing.id)


Extracted = Extraction | Skipped | str


# What a worker process extracts with: handed over once, when the process starts, rather
# than pickled with every document.
_worker_knowledge = NOTHING_KNOWN


def _start_worker(knowledge: Knowledge) -> None:
    global _worker_knowledge
    die_with_parent()
    _worker_knowledge = knowledge


def extract_document(
    document: Document, limits: Limits = Limits(), knowledge: Knowledge | None = None
) -> Extracted:
    """The document's extraction, why it is not an article, or why it cannot be read (a
    plain string pickles safely back from a worker process). Without ``knowledge``, the
    snapshot this worker process was started with."""
    if document.error:
        return document.error
    if document.skip:
        return Skipped(document.skip)
    known = _worker_knowledge if knowledge is None else knowledge
    try:
        extraction = parse(document.raw, document.format, limits, known)
    except AppError as exc:
        return exc.detail
    if reason := body_reason(extraction.body):
        return Skipped(reason)
    if document.section:
        extraction.section = document.section
    return extraction


# Documents handed to the workers at a time: enough to keep them busy, few enough that a
# large folder is never read into memory whole.
WINDOW = 256


def extract_all(
    docs: Iterable[Document],
    jobs: int,
    limits: Limits = Limits(),
    knowledge: Callable[[], Knowledge] = lambda: NOTHING_KNOWN,
) -> Iterator[tuple[Document, Extracted]]:
    """Extractions in input order; with ``jobs`` > 1 they run in worker processes while the
    caller stores the previous ones.

    ``knowledge()`` is asked for the snapshot before each window of documents, once the
    caller has stored the window before; when it hands back a new one, the workers are
    started again with it (each gets it once, not once per document)."""
    pending = iter(docs)
    if jobs <= 1:
        while window := list(islice(pending, WINDOW)):
            known = knowledge()
            yield from ((d, extract_document(d, limits, known)) for d in window)
        return
    # Read before the workers fork, so each starts with the lexicons instead of loading them.
    load_lexicons()
    one = partial(extract_document, limits=limits)
    pool: ProcessPoolExecutor | None = None
    started_with: Knowledge | None = None
    try:
        while window := list(islice(pending, WINDOW)):
            known = knowledge()
            if pool is None or known is not started_with:
                if pool is not None:
                    pool.shutdown()
                pool = ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(known,))
                started_with = known
            yield from zip(window, pool.map(one, window, chunksize=8), strict=True)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def ingest(
    session: Session,
    raw: str,
    fmt: InputFormat,
    limits: Limits = Limits(),
    knowledge: Knowledge = NOTHING_KNOWN,
) -> Ingested:
    try:
        ingested = ingest_extraction(session, parse(raw, fmt, limits, knowledge), EXTRACTOR_VERSION)
    except Exception:  # refused (4xx) or not stored (a lost connection): failed either way
        metrics.count_ingest("failed")
        raise
    metrics.count_ingest("created" if ingested.created else "existing")
    return ingested


def reextract(
    session: Session,
    article_id: int,
    limits: Limits = Limits(),
    knowledge: Knowledge = NOTHING_KNOWN,
) -> Article:
    """Apply the current extractor to a stored article's body, replacing what it found.

    Extraction runs before the write transaction, which then re-reads the article under
    lock: a concurrent delete makes this a 404 rather than a write to a vanished row. The
    write is re-extraction's (``app.reextraction``): entities it leaves without articles
    redirect to their successors."""
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"No article with id or slug '{article_id}'")
    try:
        with metrics.timed_extraction():
            entities, quotes = analyze(
                article.body, max_seconds=limits.max_seconds, knowledge=knowledge
            )
    except ExtractionTooSlow as exc:
        raise too_slow(exc) from exc
    check_items(entities, quotes, limits)
    extraction = Extraction(
        body=article.body,
        sections=article.sections,
        section=article.section,
        entities=entities,
        quotes=quotes,
    )
    if apply_batch(session, {article_id: extraction}, EXTRACTOR_VERSION).vanished:
        raise NotFound(f"No article with id or slug '{article_id}'")
    article = session.get(Article, article_id)
    if article is None:  # deleted since the write committed
        raise NotFound(f"No article with id or slug '{article_id}'")
    return article


def delete(session: Session, article_id: int) -> None:
    """Delete the article if it still exists when its row is locked; a second, concurrent
    delete finds nothing (404) and takes nothing from the entity counts."""
    write(session, _delete, article_id)


def _delete(session: Session, article_id: int) -> None:
    delete_article(session, lock_article(session, article_id))
