"""Quotes read as plain rows (see ``app.answers``): the columns of each document, and the
documents built from them in the order of ``QuotePublic`` and ``QuoteDetail``."""

from sqlalchemy import bindparam, select

from app.answers import Document, Record, utc
from app.articles.models import Article
from app.entities.models import Entity
from app.pagination import AnySelect
from app.prepared import Prepared
from app.quotes.models import Quote

Q_TABLE = Quote.__table__  # type: ignore[attr-defined]
Q = Q_TABLE.c
E_TABLE = Entity.__table__  # type: ignore[attr-defined]
E = E_TABLE.c
A_TABLE = Article.__table__  # type: ignore[attr-defined]
A = A_TABLE.c

QUOTE_COLUMNS = (
    Q.id,
    Q.article_id,
    Q.text,
    Q.start,
    Q.end,
    Q.kind,
    Q.cue,
    Q.speaker_text,
    Q.confidence,
    Q.rule,
    Q.dated_at,
    E.id.label("speaker_id"),
    E.slug.label("speaker_slug"),
    E.name.label("speaker_name"),
    E.type.label("speaker_type"),
    E.country_code.label("speaker_country_code"),
)
ARTICLE_COLUMNS = (
    A.slug.label("article_slug"),
    A.title.label("article_title"),
    A.published_at.label("article_published_at"),
)


def detail_select() -> AnySelect:
    """Quotes with their speaker and article, one row each."""
    return select(*QUOTE_COLUMNS, *ARTICLE_COLUMNS).select_from(
        Q_TABLE.join(A_TABLE, A.id == Q.article_id).outerjoin(E_TABLE, E.id == Q.speaker_id)
    )


def quote_document(row: Record) -> Document:
    speaker = None
    if row.speaker_id is not None:
        speaker = {
            "id": row.speaker_id,
            "slug": row.speaker_slug,
            "name": row.speaker_name,
            "type": row.speaker_type,
            "country_code": row.speaker_country_code,
        }
    return {
        "id": row.id,
        "article_id": row.article_id,
        "text": row.text,
        "start": row.start,
        "end": row.end,
        "kind": row.kind,
        "cue": row.cue,
        "speaker": speaker,
        "speaker_text": row.speaker_text,
        "confidence": row.confidence,
        "rule": row.rule,
    }


def detail_document(row: Record) -> Document:
    article = {
        "id": row.article_id,
        "slug": row.article_slug,
        "title": row.article_title,
        "published_at": utc(row.article_published_at),
    }
    return {**quote_document(row), "article": article}


WITH_SPEAKER = select(*QUOTE_COLUMNS).select_from(Q_TABLE.outerjoin(E_TABLE, E.id == Q.speaker_id))
OF_ARTICLE = Prepared(
    WITH_SPEAKER.where(Q.article_id == bindparam("article_id")).order_by(Q.start, Q.id)
)
