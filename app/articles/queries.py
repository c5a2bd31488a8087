"""Article documents read as plain rows (see ``app.answers``): Core statements built once,
dicts in the order of ``ArticleDetail`` and ``ArticleSummary``."""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import JSON, bindparam, func, literal_column, select
from sqlmodel import Session

from app.answers import Document, Record, picked, rows, rows_together
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
    """The article whose ``key`` (id or slug) is ``value``, as ``ArticleDetail``.

    By id, the article, its entities, mentions and quotes are read together: on PostgreSQL
    one round trip where they were four (by slug the id comes first: two)."""
    if key == "id":
        found, *parts = rows_together(session, (BY["id"], {"value": value}), *_parts(value))
    else:
        found = rows(session, BY[key], value=value)
        parts = rows_together(session, *_parts(found[0].id)) if found else []
    if not found:
        return None
    document = picked(found[0], DETAIL_FIELDS, DATES)
    links, mentions, quotes = parts
    document["entities"] = _with_mentions(links, mentions)
    document["quotes"] = [quote_document(row) for row in quotes]
    return document


def _parts(article_id: int | str) -> list[tuple[Prepared, dict[str, Any]]]:
    """The statements of an article's entities, mentions and quotes."""
    return [
        (ENTITIES, {"article_id": article_id}),
        (MENTIONS, {"article_id": article_id}),
        (OF_ARTICLE, {"article_id": article_id}),
    ]


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


# PostgreSQL: a summary row's top entities as a column of its own, the documents of
# ``_linked`` built by the server, so that a page and its entities come in one round trip
# rather than two (a page's statement, then ``TOP_LINKS`` for its ids). Only for rows of
# ``article`` read unaliased, in a page's own statement (a dozen rows: one index probe each).
TOPS = literal_column(
    "(SELECT coalesce(json_agg(json_build_object("
    "'id', e.id, 'slug', e.slug, 'name', e.name, 'type', e.type, "
    "'country_code', e.country_code, 'mention_count', t.mention_count"
    ") ORDER BY t.mention_count DESC, t.entity_id), '[]') "
    "FROM (SELECT ae.entity_id, ae.mention_count FROM article_entity ae "
    "WHERE ae.article_id = article.id "
    f"ORDER BY ae.mention_count DESC, ae.entity_id LIMIT {TOP_ENTITIES}) AS t "
    "JOIN entity e ON e.id = t.entity_id)",
    type_=JSON,
).label("tops")


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
