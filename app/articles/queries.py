"""Article documents read as plain rows (see ``app.answers``): Core statements built once,
dicts in the order of ``ArticleDetail`` and ``ArticleSummary``."""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlmodel import Session

from app.answers import Document, Record, picked, rows
from app.articles.models import Article
from app.articles.schemas import ArticleDetail, ArticleFields
from app.entities.models import ArticleEntity, Entity, Mention
from app.prepared import Prepared
from app.quotes.queries import OF_ARTICLE, quote_document

A_TABLE = Article.__table__  # type: ignore[attr-defined]
A = A_TABLE.c
AE_TABLE = ArticleEntity.__table__  # type: ignore[attr-defined]
AE = AE_TABLE.c
E_TABLE = Entity.__table__  # type: ignore[attr-defined]
E = E_TABLE.c
M_TABLE = Mention.__table__  # type: ignore[attr-defined]
M = M_TABLE.c

LEDE_CHARS = 280
TOP_ENTITIES = 5
DATES = {"published_at": True, "created_at": True, "updated_at": True}
# Every field of the detail but its entities and quotes is a column of the article row.
DETAIL_FIELDS = tuple(name for name in ArticleDetail.model_fields if name in A)
SUMMARY_FIELDS = tuple(ArticleFields.model_fields)

# The lede is cut from this much of the body: any longer opening gives the same lede.
LEDE_SPAN = LEDE_CHARS + 40


def summary_columns(opening: int) -> tuple[Any, ...]:
    """The columns of a summary row; ``lede`` holds the body's first ``opening`` characters
    (at least ``LEDE_SPAN``)."""
    return (
        *(A[name] for name in SUMMARY_FIELDS),
        A.dated_at,
        func.substr(A.body, 1, opening).label("lede"),
    )


SUMMARY_COLUMNS = summary_columns(LEDE_SPAN)
DETAIL = select(*(A[name] for name in DETAIL_FIELDS))
BY = {
    "id": Prepared(DETAIL.where(A.id == bindparam("value"))),
    "slug": Prepared(DETAIL.where(A.slug == bindparam("value"))),
}
ENTITY_LINKS = (
    select(E.id, E.slug, E.name, E.type, E.country_code, AE.mention_count)
    .select_from(E_TABLE.join(AE_TABLE, AE.entity_id == E.id))
    .order_by(AE.mention_count.desc(), E.id)
)
ENTITIES = Prepared(ENTITY_LINKS.where(AE.article_id == bindparam("article_id")))
MENTIONS = Prepared(
    select(M.entity_id, M.start, M.end, M.text)
    .where(M.article_id == bindparam("article_id"))
    .order_by(M.start)
)


def article_document(session: Session, key: str, value: int | str) -> Document | None:
    """The article whose ``key`` (id or slug) is ``value``, as ``ArticleDetail``: on
    PostgreSQL in one statement (``app.articles.built``), on SQLite in four."""
    if session.get_bind().dialect.name == "postgresql":
        return built_document(session, key, value)
    return document_apart(session, key, value)


def built_document(session: Session, key: str, value: int | str) -> Document | None:
    """PostgreSQL: ``article_document`` with its nested parts built by the server."""
    from app.articles.built import WHOLE  # which imports this module

    found = rows(session, WHOLE[key], value=value)
    if not found:
        return None
    document = picked(found[0], DETAIL_FIELDS, DATES)
    document["entities"], document["quotes"] = found[0].entities, found[0].quotes
    return document


def document_apart(session: Session, key: str, value: int | str) -> Document | None:
    """``article_document`` from a statement per part."""
    found = rows(session, BY[key], value=value)
    if not found:
        return None
    document = picked(found[0], DETAIL_FIELDS, DATES)
    document["entities"] = entity_documents(session, document["id"])
    document["quotes"] = [
        quote_document(row) for row in rows(session, OF_ARTICLE, article_id=document["id"])
    ]
    return document


def entity_documents(
    session: Session, article_id: int, links: Sequence[Record] | None = None
) -> list[Document]:
    """Entities of an article (``links``, rows of ``ENTITY_LINKS``; all by default) with
    their mention offsets."""
    if links is None:
        links = rows(session, ENTITIES, article_id=article_id)
    return _with_mentions(links, rows(session, MENTIONS, article_id=article_id))


def _with_mentions(links: Sequence[Record], found: Sequence[Record]) -> list[Document]:
    """Rows of ``ENTITY_LINKS`` as documents, each with its rows of ``MENTIONS``."""
    mentions: dict[int, list[Document]] = defaultdict(list)
    for row in found:
        mentions[row.entity_id].append({"start": row.start, "end": row.end, "text": row.text})
    return [{**_linked(row), "mentions": mentions[row.id]} for row in links]


def lede(text: str | None) -> str:
    """The first paragraph of an opening of the body, cut to ``LEDE_CHARS``."""
    text = text[:LEDE_SPAN].split("\n\n")[0] if text else ""
    if len(text) <= LEDE_CHARS:
        return text.strip()
    cut = text[:LEDE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"


def summary_documents(
    session: Session, found: Sequence[Record], highlights: dict[int, str]
) -> list[Document]:
    """Rows of ``SUMMARY_COLUMNS`` (and perhaps ``TOPS``) as ``ArticleSummary`` documents."""
    if found and "tops" in found[0]._fields:
        tops = {row.id: row.tops for row in found}
    else:
        tops = top_entities(session, [row.id for row in found])
    return [
        {
            **picked(row, SUMMARY_FIELDS, DATES),
            "lede": lede(row.lede),
            "highlight": highlights.get(row.id),
            "top_entities": tops.get(row.id, []),
        }
        for row in found
    ]


# Built once (the ids an expanding parameter): building it per page cost more than running it.
_POSITION = func.row_number().over(
    partition_by=AE.article_id, order_by=(AE.mention_count.desc(), AE.entity_id)
)
_RANKED_LINKS = (
    select(AE.article_id, AE.entity_id, AE.mention_count, _POSITION.label("position"))
    .where(AE.article_id.in_(bindparam("article_ids", expanding=True)))
    .subquery()
)
TOP_LINKS = Prepared(
    select(_RANKED_LINKS.c.article_id, _RANKED_LINKS.c.mention_count, E.id, E.slug, E.name)
    .add_columns(E.type, E.country_code)
    .join(E_TABLE, E.id == _RANKED_LINKS.c.entity_id)
    .where(_RANKED_LINKS.c.position <= TOP_ENTITIES)
    .order_by(_RANKED_LINKS.c.article_id, _RANKED_LINKS.c.position)
)


def top_entities(session: Session, article_ids: list[int]) -> dict[int, list[Document]]:
    """The most-mentioned entities of each article, for a whole page in one query."""
    if not article_ids:
        return {}
    result: dict[int, list[Document]] = defaultdict(list)
    for row in rows(session, TOP_LINKS, article_ids=article_ids):
        result[row.article_id].append(_linked(row))
    return result


def _linked(row: Any) -> Document:
    """An entity as an article links it, in the field order of ``ArticleTopEntity``."""
    return {
        "id": row.id,
        "slug": row.slug,
        "name": row.name,
        "type": row.type,
        "country_code": row.country_code,
        "mention_count": row.mention_count,
    }
