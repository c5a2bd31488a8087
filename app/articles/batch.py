"""Several extracted articles stored in one write transaction: how ``broadsheet ingest``
stores a folder.

One transaction per article cost a commit, an entity lookup, a count update and three
inserts per article, and into an empty archive a slug lookup, an insert and a read back per
new entity: 53 ms an article on the BBC folder, most of it statement overhead. A batch looks
up its duplicates in one query, resolves every entity of its articles at once (new ones in
one insert), writes each kind of row in one statement and moves each entity's counts once.

Locks are taken in the order of every other writer (``app.writes.locks``): the new article
rows, then the keys of the entities it creates, then the entity rows by id. The result per
article is the one ``ingest_extraction`` gives, including for a twin stored by a concurrent
writer or earlier in the same batch.
"""

import threading
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from app.articles.ingest import Ingested
from app.articles.models import Article
from app.articles.writer import (
    AlreadyStored,
    KnowledgeRows,
    article_values,
    check_offsets,
    content_hash,
    insert_article,
    insert_rows,
    knowledge_rows,
    move_counts,
)
from app.entities.identity import resolve_entities
from app.errors import Unprocessable
from app.extraction import Extraction
from app.writes import write

Key = tuple[str, str]  # ("hash", content hash) or ("url", source URL)


@dataclass
class Turn:
    """A batch's place behind the one stored before it, when two are stored side by side.

    It inserts its articles once the batch before has inserted its own, and resolves its
    entities once that batch has ended (committed or failed): article and entity ids,
    slugs and counts come out as they would one batch after the other, while the server
    indexes one batch's article text (most of its work, the RUM index) as the other batch
    writes its entities, mentions and quotes."""

    # The batch before's two events (None: first, or alone), not the batch itself, so a
    # long run does not keep a chain of every batch it stored.
    before_inserted: threading.Event | None = None
    before_ended: threading.Event | None = None
    inserted: threading.Event = field(default_factory=threading.Event)
    ended: threading.Event = field(default_factory=threading.Event)

    def next(self) -> "Turn":
        """The turn of the batch stored after this one."""
        return Turn(self.inserted, self.ended)

    def end(self) -> None:
        self.inserted.set()
        self.ended.set()


def ingest_batch(
    session: Session, extractions: list[Extraction], version: str, turn: Turn | None = None
) -> list[Ingested]:
    """Store the new ones among ``extractions`` in one transaction; for each, in order,
    what ``ingest_extraction`` would return. Raises what storing any one of them would
    (the caller can then store them one at a time to learn which)."""
    for extraction in extractions:
        if not extraction.body.strip():
            raise Unprocessable("The article has no text", field="body")
        check_offsets(extraction)
    return write(session, _store_batch, extractions, version, turn or Turn())


def _keys(extraction: Extraction) -> list[Key]:
    keys = [("hash", content_hash(extraction.body))]
    if extraction.source_url:
        keys.append(("url", extraction.source_url))
    return keys


def _stored(session: Session, keyed: list[list[Key]]) -> dict[Key, Article]:
    """Articles already stored under any of these hashes or URLs, by key."""
    hashes = {value for keys in keyed for kind, value in keys if kind == "hash"}
    urls = {value for keys in keyed for kind, value in keys if kind == "url"}
    same: ColumnElement[bool] = col(Article.content_hash).in_(hashes)
    if urls:
        same = or_(same, col(Article.source_url).in_(urls))
    found: dict[Key, Article] = {}
    for article in session.execute(select(Article).where(same)).scalars():
        found[("hash", article.content_hash)] = article
        if article.source_url:
            found[("url", article.source_url)] = article
    return found


def _store_batch(
    session: Session, extractions: list[Extraction], version: str, turn: Turn
) -> list[Ingested]:
    keyed = [_keys(extraction) for extraction in extractions]
    if turn.before_inserted is not None:
        turn.before_inserted.wait()
    stored = _stored(session, keyed)
    results: list[Ingested] = []
    new: list[tuple[Article, Extraction]] = []
    for extraction, keys in zip(extractions, keyed, strict=True):
        article = next((stored[key] for key in keys if key in stored), None)
        created = article is None
        if article is None:
            try:
                article = _insert(session, extraction, version)
                new.append((article, extraction))
            except AlreadyStored as twin:  # a concurrent writer stored it meanwhile
                article, created = twin.article, False
        stored.update(dict.fromkeys(keys, article))
        assert article.id is not None
        results.append(Ingested(article, created=created, article_id=article.id))
    turn.inserted.set()
    if turn.before_ended is not None:
        turn.before_ended.wait()
    _write_knowledge(session, new)
    return results


def _insert(session: Session, extraction: Extraction, version: str) -> Article:
    """The new article's row, as the object ``knowledge_rows`` reads (not loaded back)."""
    values = article_values(extraction, version)
    article_id, slug = insert_article(session, extraction, values)
    return Article(id=article_id, slug=slug, **values)


def _write_knowledge(session: Session, new: list[tuple[Article, Extraction]]) -> None:
    """The new articles' entities, mentions, links and quotes, and the entity counts."""
    entities = [entity for _, extraction in new for entity in extraction.entities]
    if not entities and not any(extraction.quotes for _, extraction in new):
        return
    with session.no_autoflush:
        ids = resolve_entities(session, entities)
    rows = KnowledgeRows([], [], [], Counter())
    articles: Counter[int] = Counter()
    at = 0
    for article, extraction in new:
        part = knowledge_rows(article, extraction, ids[at : at + len(extraction.entities)])
        at += len(extraction.entities)
        rows.mentions += part.mentions
        rows.links += part.links
        rows.quotes += part.quotes
        rows.counts.update(part.counts)
        articles.update(part.counts.keys())
    insert_rows(session, rows)
    # Each entity's counts moved once for the batch.
    move_counts(session, {entity: (n, rows.counts[entity]) for entity, n in articles.items()})
