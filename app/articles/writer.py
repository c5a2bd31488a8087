"""The one write path: an ``Extraction`` becomes an article with its entities, mentions and
quotes, all in the caller's transaction, so nothing is ever half-written."""

import hashlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import chain
from typing import Any

from sqlalchemy import bindparam, delete, select, update
from sqlmodel import Session, SQLModel, col

from app.articles.models import Article, sort_date, utcnow
from app.entities.identity import resolve_entities
from app.entities.models import ArticleEntity, Mention
from app.errors import Unprocessable
from app.extraction import Extraction
from app.quotes.models import Quote
from app.schemas import as_utc
from app.text import slugify, word_count
from app.writes.bulk import insert_all
from app.writes.locks import insert_ignore, lock_entities

LEDE_WORDS = 10
SLUG_ATTEMPTS = 20


def content_hash(body: str) -> str:
    """Same text, same hash, however it was wrapped or spaced."""
    return hashlib.sha256(" ".join(body.split()).encode()).hexdigest()


def find_existing(session: Session, extraction: Extraction) -> Article | None:
    same = col(Article.content_hash) == content_hash(extraction.body)
    if extraction.source_url:
        same = same | (col(Article.source_url) == extraction.source_url)
    return session.execute(select(Article).where(same)).scalars().first()


def _as_datetime(value: date | datetime | None) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    return as_utc(value)


# Statements built once, values bound at each call: building them per article (a slug
# lookup, an insert of 15 columns) cost more than running them.
_SLUG_TAKEN = select(col(Article.id)).where(col(Article.slug) == bindparam("slug"))


def _free_slug(session: Session, extraction: Extraction) -> str:
    words = extraction.title or " ".join(extraction.body.split()[:LEDE_WORDS])
    base = slugify(words, max_length=100)
    # Exact lookups on the unique index: a prefix scan would grow with the archive. The
    # candidates are made as they are tried: building all 10,000 per article was 6% of ingest.
    for candidate in chain((base,), (f"{base}-{n}" for n in range(2, 10_000))):
        if session.execute(_SLUG_TAKEN, {"slug": candidate}).first() is None:
            return candidate
    raise RuntimeError(f"no free slug for {base!r}")


def check_offsets(extraction: Extraction) -> None:
    body = extraction.body
    spans = [(m.start, m.end, m.text) for e in extraction.entities for m in e.mentions]
    spans += [(q.start, q.end, q.text) for q in extraction.quotes]
    for start, end, text in spans:
        if body[start:end] != text:
            raise Unprocessable(f"Offsets {start}:{end} do not hold {text!r} in the body")


class AlreadyStored(Exception):
    """A concurrent writer stored the same article (same text or URL) first."""

    def __init__(self, article: Article) -> None:
        super().__init__(f"article {article.id} holds the same text or URL")
        self.article = article


def store_extraction(session: Session, extraction: Extraction, version: str | None) -> Article:
    """Insert a new article; the caller checks for duplicates first and commits. Raises
    ``AlreadyStored`` when a concurrent writer stored the same article meanwhile."""
    check_offsets(extraction)
    values = article_values(extraction, version)
    article = session.get(Article, insert_article(session, extraction, values)[0])
    assert article is not None
    with session.no_autoflush:
        ids = resolve_entities(session, extraction.entities)
    _write_knowledge(session, article, extraction, ids)
    return article


def article_values(extraction: Extraction, version: str | None) -> dict[str, Any]:
    """The new article row's columns but its id and slug."""
    published = _as_datetime(extraction.published_at)
    now = utcnow()
    return {
        "title": extraction.title,
        "published_at": published,
        "byline": extraction.byline,
        "source_name": extraction.source_name,
        "source_url": extraction.source_url,
        "body": extraction.body,
        "sections": extraction.sections,
        "section": extraction.section,
        "word_count": word_count(extraction.body),
        "content_hash": content_hash(extraction.body),
        "extractor_version": version,
        "dated_at": sort_date(published),
        "created_at": now,
        "updated_at": now,
    }


def insert_article(
    session: Session, extraction: Extraction, values: dict[str, Any]
) -> tuple[int, str]:
    """The new article's id and slug. Two writers may pick the same free slug at once (two POSTs
    with one title: 238 of 489 failed on article_slug_key); the one that loses waits for
    the other's commit, skips the row, and takes the next free slug."""
    stmt = insert_ignore(session, Article).returning(col(Article.id))
    for _ in range(SLUG_ATTEMPTS):
        slug = _free_slug(session, extraction)
        inserted = session.execute(stmt, {**values, "slug": slug}).scalar()
        if inserted is not None:
            return int(inserted), slug
        existing = find_existing(session, extraction)
        if existing is not None:
            raise AlreadyStored(existing)
    raise RuntimeError("no free slug after repeated conflicts")


@dataclass
class KnowledgeRows:
    """An article's mentions, links and quotes as rows to insert, and each linked entity's
    mention count (what its counts move by)."""

    mentions: list[dict[str, Any]]
    links: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    counts: Counter[int]


def knowledge_rows(article: Article, extraction: Extraction, ids: list[int]) -> KnowledgeRows:
    """The rows ``extraction`` becomes for ``article``, its entities resolved to ``ids``."""
    assert article.id is not None
    by_name = {e.name: entity_id for e, entity_id in zip(extraction.entities, ids, strict=True)}
    mentions = [
        {"article_id": article.id, "entity_id": entity_id, **m.model_dump()}
        for e, entity_id in zip(extraction.entities, ids, strict=True)
        for m in e.mentions
    ]
    counts: Counter[int] = Counter()
    for e, entity_id in zip(extraction.entities, ids, strict=True):
        counts[entity_id] += len(e.mentions)
    # An entity named without a located mention still counts once, in its link and in its
    # total alike, so deleting the article takes back exactly what storing it added.
    counts = Counter({entity_id: max(n, 1) for entity_id, n in counts.items()})
    quotes = [
        {
            **q.model_dump(exclude={"speaker"}),
            "article_id": article.id,
            "speaker_id": by_name.get(q.speaker) if q.speaker else None,
            "dated_at": article.dated_at,
        }
        for q in extraction.quotes
    ]
    links = [
        {
            "article_id": article.id,
            "entity_id": entity_id,
            "mention_count": count,
            "dated_at": article.dated_at,
        }
        for entity_id, count in counts.items()
    ]
    return KnowledgeRows(mentions, links, quotes, counts)


def insert_rows(session: Session, rows: KnowledgeRows) -> None:
    """Each kind of row as one batch insert, of the table rather than the ORM class: the
    ORM's bulk insert spent more time preparing the rows (20% of a 50-article ingest batch)
    than the database spent storing them."""
    insert_all(session, "mention", rows.mentions)
    insert_all(session, "article_entity", rows.links)
    insert_all(session, "quote", rows.quotes)


def _write_knowledge(
    session: Session, article: Article, extraction: Extraction, ids: list[int]
) -> None:
    """Mentions, links and quotes, each written as one batch, and the entity counts; the
    entity rows in ``ids`` are already locked."""
    rows = knowledge_rows(article, extraction, ids)
    insert_rows(session, rows)
    if rows.counts:
        _bump_counts(session, rows.counts, articles=1)


def _bump_counts(session: Session, counts: Counter[int], *, articles: int) -> None:
    """Move each entity's article count by ``articles`` and its mention count by its count."""
    move_counts(session, {entity_id: (articles, articles * n) for entity_id, n in counts.items()})


def move_counts(session: Session, deltas: Mapping[int, tuple[int, int]]) -> None:
    """Move each entity's (article, mention) counts by its delta, in one statement."""
    if not deltas:
        return
    table = SQLModel.metadata.tables["entity"]
    session.execute(
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values(
            article_count=table.c.article_count + bindparam("b_articles"),
            mention_count=table.c.mention_count + bindparam("b_mentions"),
        ),
        # In id order, the order every writer locks entity rows in.
        [
            {"b_id": entity_id, "b_articles": articles, "b_mentions": mentions}
            for entity_id, (articles, mentions) in sorted(deltas.items())
        ],
    )


def _links(session: Session, article: Article) -> Counter[int]:
    rows = session.execute(
        select(col(ArticleEntity.entity_id), col(ArticleEntity.mention_count)).where(
            col(ArticleEntity.article_id) == article.id
        )
    ).all()
    return Counter(dict(rows))


def _clear(session: Session, article: Article, links: Counter[int]) -> None:
    if links:
        _bump_counts(session, links, articles=-1)
    session.execute(delete(Quote).where(col(Quote.article_id) == article.id))
    session.execute(delete(Mention).where(col(Mention.article_id) == article.id))
    session.execute(delete(ArticleEntity).where(col(ArticleEntity.article_id) == article.id))


def clear_knowledge(session: Session, article: Article) -> None:
    """Remove what extraction produced for an article, keeping entity counts right; the
    caller holds the article's row lock (``app.writes.locks.lock_article``)."""
    links = _links(session, article)
    lock_entities(session, links)
    _clear(session, article, links)


def links_of(session: Session, article_ids: list[int]) -> dict[int, Counter[int]]:
    """Each article's linked entity ids with their mention counts, in one query."""
    found: dict[int, Counter[int]] = {article_id: Counter() for article_id in article_ids}
    rows = session.execute(
        select(
            col(ArticleEntity.article_id),
            col(ArticleEntity.entity_id),
            col(ArticleEntity.mention_count),
        ).where(col(ArticleEntity.article_id).in_(article_ids))
    )
    for article_id, entity_id, count in rows:
        found[article_id][entity_id] = count
    return found


def delete_article(session: Session, article: Article) -> None:
    clear_knowledge(session, article)
    session.delete(article)
    session.flush()
