"""One batch of re-extractions written in one short write transaction.

The batch takes its locks in the order every writer takes them (``app.writes.locks``): its
article rows by id, then the keys of entities it creates, then every entity row it touches,
old and new, by id. So it never waits in a circle with an ingest, a delete or another
re-extraction, and readers on SQLite WAL keep reading the last commit throughout.
"""

from dataclasses import dataclass, field

from sqlalchemy import tuple_, update
from sqlmodel import Session, col, select

from app.articles.models import Article
from app.articles.writer import check_offsets, links_of
from app.entities.identity import entity_key, resolve_entities
from app.entities.models import Entity
from app.extraction import ExtractedEntity, Extraction
from app.reextraction import compare, redirects
from app.reextraction.store import Changed, rewrite_batch
from app.writes import write
from app.writes.locks import lock_articles


@dataclass
class Applied:
    """What one batch did. Article ids per outcome; entity counts."""

    changed: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    # Deleted after the batch was read: nothing to do.
    vanished: list[int] = field(default_factory=list)
    created: int = 0
    merged: int = 0
    # Entities left without articles and without a successor.
    gone: list[int] = field(default_factory=list)


def apply_batch(session: Session, found: dict[int, Extraction], version: str) -> Applied:
    """Store each article's new extraction (bodies unchanged) in one write transaction;
    articles whose stored knowledge already matches only record ``version``."""
    for extraction in found.values():
        check_offsets(extraction)
    return write(session, _apply, found, version)


def _apply(session: Session, found: dict[int, Extraction], version: str) -> Applied:
    articles = lock_articles(session, found)
    applied = Applied()
    stored = compare.of_stored(session, articles)
    changed: list[tuple[Article, Extraction]] = []
    for article in articles:
        assert article.id is not None
        extraction = found[article.id]
        if stored[article.id] == compare.of_extraction(extraction):
            applied.unchanged.append(article.id)
        else:
            changed.append((article, extraction))
            applied.changed.append(article.id)
    present = {a.id for a in articles}
    applied.vanished = [article_id for article_id in found if article_id not in present]
    _record_version(session, applied.unchanged, version)
    if changed:
        _rewrite(session, changed, version, applied)
    return applied


def _record_version(session: Session, article_ids: list[int], version: str) -> None:
    """The extractor that read them, for articles it reads as before (``updated`` in the
    change feed only where the version was another)."""
    if article_ids:
        session.execute(
            update(Article)
            .where(
                col(Article.id).in_(article_ids),
                col(Article.extractor_version).is_distinct_from(version),
            )
            .values(extractor_version=version)
        )


def _rewrite(
    session: Session, changed: list[tuple[Article, Extraction]], version: str, applied: Applied
) -> None:
    links = links_of(session, [a.id for a, _ in changed if a.id is not None])
    entities = [entity for _, extraction in changed for entity in extraction.entities]
    applied.created = len(_new_identities(session, entities))
    old = {entity_id for counts in links.values() for entity_id in counts}
    with session.no_autoflush:
        ids = resolve_entities(session, entities, lock_also=old)
    resolved: list[Changed] = []
    at = 0
    for article, extraction in changed:
        resolved.append((article, extraction, ids[at : at + len(extraction.entities)]))
        at += len(extraction.entities)
    rewrite_batch(session, resolved, links, version)
    applied.merged, applied.gone = redirects.settle(session, old - set(ids))


def _new_identities(session: Session, entities: list[ExtractedEntity]) -> set[tuple[str, str]]:
    wanted: set[tuple[str, str]] = {(e.type, entity_key(e)) for e in entities}
    if not wanted:
        return set()
    known = session.execute(
        select(col(Entity.type), col(Entity.key)).where(
            tuple_(col(Entity.type), col(Entity.key)).in_(wanted)
        )
    ).all()
    return wanted - {(type_, key) for type_, key in known}
