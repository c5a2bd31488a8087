"""Whether a new extraction would change what is stored for an article.

Both sides are reduced to the same plain value, with entities named by their identity
across articles (type and key) rather than by row id: the comparison then needs no entity
to be created, and an article the extractor reads as before is not written at all.
"""

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from app.articles.models import Article
from app.entities.identity import entity_key
from app.entities.models import ArticleEntity, Entity, Mention
from app.extraction import Extraction
from app.quotes.models import Quote

Identity = tuple[str, str]  # (type, key)
Fingerprint = tuple[object, ...]


def _quote(
    start: int,
    end: int,
    speaker: Identity | None,
    speaker_text: str | None,
    kind: str,
    cue: str | None,
    confidence: float | None,
    rule: str | None,
) -> tuple[object, ...]:
    # Rounded: a float read back from the database need not be the one written.
    rounded = None if confidence is None else round(confidence, 6)
    return (start, end, speaker, speaker_text, kind, cue, rounded, rule)


def of_extraction(extraction: Extraction) -> Fingerprint:
    identities = [(e.type, entity_key(e)) for e in extraction.entities]
    by_name = {
        e.name: identity for e, identity in zip(extraction.entities, identities, strict=True)
    }
    mentions = sorted(
        (*identity, m.start, m.end, m.text)
        for e, identity in zip(extraction.entities, identities, strict=True)
        for m in e.mentions
    )
    quotes = sorted(
        (
            _quote(
                q.start,
                q.end,
                by_name.get(q.speaker) if q.speaker else None,
                q.speaker_text,
                q.kind,
                q.cue,
                q.confidence,
                q.rule,
            )
            for q in extraction.quotes
        ),
        key=repr,
    )
    return (sorted(set(identities)), mentions, quotes, list(extraction.sections))


def of_stored(session: Session, articles: list[Article]) -> dict[int, Fingerprint]:
    """The fingerprint of each stored article, in three queries for the whole batch."""
    ids = [a.id for a in articles]
    linked: defaultdict[int, list[Identity]] = defaultdict(list)
    for article_id, type_, key in session.execute(
        select(col(ArticleEntity.article_id), col(Entity.type), col(Entity.key))
        .join(Entity, col(Entity.id) == col(ArticleEntity.entity_id))
        .where(col(ArticleEntity.article_id).in_(ids))
    ):
        linked[article_id].append((type_, key))
    mentions: defaultdict[int, list[tuple[object, ...]]] = defaultdict(list)
    for article_id, type_, key, start, end, text in session.execute(
        select(
            col(Mention.article_id),
            col(Entity.type),
            col(Entity.key),
            col(Mention.start),
            col(Mention.end),
            col(Mention.text),
        )
        .join(Entity, col(Entity.id) == col(Mention.entity_id))
        .where(col(Mention.article_id).in_(ids))
    ):
        mentions[article_id].append((type_, key, start, end, text))
    quotes = _stored_quotes(session, ids)
    return {
        a.id: (
            sorted(linked[a.id]),
            sorted(mentions[a.id]),
            sorted(quotes[a.id], key=repr),
            a.sections,
        )
        for a in articles
        if a.id is not None
    }


def _stored_quotes(session: Session, ids: list[int | None]) -> dict[int, list[tuple[object, ...]]]:
    speaker = aliased(Entity)
    found: defaultdict[int, list[tuple[object, ...]]] = defaultdict(list)
    rows = session.execute(
        select(
            col(Quote.article_id),
            col(Quote.start),
            col(Quote.end),
            col(speaker.type),
            col(speaker.key),
            col(Quote.speaker_text),
            col(Quote.kind),
            col(Quote.cue),
            col(Quote.confidence),
            col(Quote.rule),
        )
        .outerjoin(speaker, col(speaker.id) == col(Quote.speaker_id))
        .where(col(Quote.article_id).in_(ids))
    )
    for article_id, start, end, type_, key, *rest in rows:
        who = (type_, key) if type_ is not None else None
        found[article_id].append(_quote(start, end, who, *rest))
    return found
