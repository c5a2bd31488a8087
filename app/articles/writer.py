"""The one write path: an ``Extraction`` becomes an article with its entities, mentions and
quotes, all in the caller's transaction, so nothing is ever half-written."""

import hashlib
from collections import Counter
from datetime import UTC, date, datetime

from sqlalchemy import delete, select, update
from sqlmodel import Session, col

from app.articles.models import Article, utcnow
from app.entities.models import ArticleEntity, Entity, Mention
from app.entities.service import upsert_entity
from app.errors import Unprocessable
from app.extraction import Extraction
from app.quotes.models import Quote
from app.text import slugify, word_count

LEDE_WORDS = 10


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
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _free_slug(session: Session, extraction: Extraction) -> str:
    words = extraction.title or " ".join(extraction.body.split()[:LEDE_WORDS])
    base = slugify(words, max_length=100)
    taken = set(
        session.execute(
            select(col(Article.slug)).where(col(Article.slug).like(f"{base}%"))
        ).scalars()
    )
    if base not in taken:
        return base
    return next(f"{base}-{n}" for n in range(2, len(taken) + 3) if f"{base}-{n}" not in taken)


def _check_offsets(extraction: Extraction) -> None:
    body = extraction.body
    spans = [(m.start, m.end, m.text) for e in extraction.entities for m in e.mentions]
    spans += [(q.start, q.end, q.text) for q in extraction.quotes]
    for start, end, text in spans:
        if body[start:end] != text:
            raise Unprocessable(f"Offsets {start}:{end} do not hold {text!r} in the body")


def store_extraction(session: Session, extraction: Extraction, version: str | None) -> Article:
    """Insert a new article; the caller checks for duplicates first and commits."""
    _check_offsets(extraction)
    published = _as_datetime(extraction.published_at)
    now = utcnow()
    article = Article(
        slug=_free_slug(session, extraction),
        title=extraction.title,
        published_at=published,
        byline=extraction.byline,
        source_name=extraction.source_name,
        source_url=extraction.source_url,
        body=extraction.body,
        sections=extraction.sections,
        word_count=word_count(extraction.body),
        content_hash=content_hash(extraction.body),
        extractor_version=version,
        dated_at=published or now,
        created_at=now,
        updated_at=now,
    )
    session.add(article)
    session.flush()
    _store_knowledge(session, article, extraction)
    return article


def _store_knowledge(session: Session, article: Article, extraction: Extraction) -> None:
    assert article.id is not None
    by_name: dict[str, int] = {}
    mentions: Counter[int] = Counter()
    for extracted in extraction.entities:
        entity = upsert_entity(session, extracted)
        assert entity.id is not None
        by_name[extracted.name] = entity.id
        for m in extracted.mentions:
            session.add(
                Mention(
                    article_id=article.id,
                    entity_id=entity.id,
                    start=m.start,
                    end=m.end,
                    text=m.text,
                )
            )
        mentions[entity.id] += len(extracted.mentions)
    for entity_id, count in mentions.items():
        session.add(
            ArticleEntity(
                article_id=article.id,
                entity_id=entity_id,
                mention_count=max(count, 1),
                dated_at=article.dated_at,
            )
        )
        session.execute(
            update(Entity)
            .where(col(Entity.id) == entity_id)
            .values(
                article_count=Entity.article_count + 1,
                mention_count=Entity.mention_count + count,
            )
        )
    for q in extraction.quotes:
        session.add(
            Quote(
                article_id=article.id,
                text=q.text,
                start=q.start,
                end=q.end,
                speaker_id=by_name.get(q.speaker) if q.speaker else None,
                speaker_text=q.speaker_text,
                kind=q.kind,
                cue=q.cue,
                dated_at=article.dated_at,
            )
        )
    session.flush()


def clear_knowledge(session: Session, article: Article) -> None:
    """Remove what extraction produced for an article, keeping entity counts right."""
    links = session.execute(
        select(col(ArticleEntity.entity_id), col(ArticleEntity.mention_count)).where(
            col(ArticleEntity.article_id) == article.id
        )
    ).all()
    for entity_id, count in links:
        session.execute(
            update(Entity)
            .where(col(Entity.id) == entity_id)
            .values(
                article_count=Entity.article_count - 1,
                mention_count=Entity.mention_count - count,
            )
        )
    session.execute(delete(Quote).where(col(Quote.article_id) == article.id))
    session.execute(delete(Mention).where(col(Mention.article_id) == article.id))
    session.execute(delete(ArticleEntity).where(col(ArticleEntity.article_id) == article.id))


def replace_knowledge(
    session: Session, article: Article, extraction: Extraction, version: str
) -> None:
    """Re-apply extraction to a stored article (the body itself does not change)."""
    _check_offsets(extraction)
    clear_knowledge(session, article)
    article.extractor_version = version
    article.sections = extraction.sections
    article.updated_at = utcnow()
    session.add(article)
    _store_knowledge(session, article, extraction)


def delete_article(session: Session, article: Article) -> None:
    clear_knowledge(session, article)
    session.delete(article)
    session.flush()
