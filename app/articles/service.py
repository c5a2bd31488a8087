"""Article queries: filtering, ordering and shaping, done in the database."""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, func, select
from sqlmodel import Session, col

from app.articles import listing
from app.articles.models import Article
from app.articles.schemas import (
    ArticleDetail,
    ArticleEntityPublic,
    ArticleFilters,
    ArticleSummary,
    ArticleTopEntity,
    MentionPublic,
)
from app.entities.models import ArticleEntity, Entity, Mention
from app.errors import NotFound
from app.pagination import AnySelect, Keyset, Offset, Page, PageRequest, SortKey, total_of
from app.quotes import service as quotes

LEDE_CHARS = 280
MAX_ID = 2**31 - 1  # ids are 32-bit INTEGER on PostgreSQL
TOP_ENTITIES = 5

SUMMARY_COLUMNS = (
    col(Article.id),
    col(Article.slug),
    col(Article.title),
    col(Article.published_at),
    col(Article.byline),
    col(Article.source_name),
    col(Article.source_url),
    col(Article.section),
    col(Article.word_count),
    col(Article.dated_at),
    col(Article.created_at),
    func.substr(Article.body, 1, LEDE_CHARS + 40).label("lede"),
)


def get_article(session: Session, ref: str | int) -> Article:
    """An article by numeric id or by slug."""
    # ASCII digits only: "²" passes isdigit() but is no number int() can read.
    numeric = isinstance(ref, int) or (str(ref).isascii() and str(ref).isdigit())
    column = Article.id if numeric else Article.slug
    value: str | int = int(ref) if column is Article.id else str(ref)
    if column is Article.id and not 0 < int(value) <= MAX_ID:
        raise NotFound(f"No article with id or slug '{ref}'")
    article = session.execute(select(Article).where(col(column) == value)).scalar()
    if article is None:
        raise NotFound(f"No article with id or slug '{ref}'")
    return article


def article_id(session: Session, ref: str | int) -> int:
    article = get_article(session, ref)
    assert article.id is not None
    return article.id


def list_articles(
    session: Session, filters: ArticleFilters, page: PageRequest
) -> Page[ArticleSummary]:
    found = listing.article_rows(session, filters, page, SUMMARY_COLUMNS)
    return Page(
        items=summaries(session, found.rows, found.highlights),
        next_cursor=found.cursor,
        ranked_among=found.ranked_among,
        **found.total.fields(),
    )


def _lede(text: str) -> str:
    if len(text) <= LEDE_CHARS:
        return text.strip()
    cut = text[:LEDE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"


def summaries(
    session: Session, rows: Sequence[Row[*tuple[Any, ...]]], highlights: dict[int, str]
) -> list[ArticleSummary]:
    tops = top_entities(session, [row.id for row in rows])
    return [
        ArticleSummary.model_validate(
            {
                **row._mapping,
                "lede": _lede(row.lede.split("\n\n")[0] if row.lede else ""),
                "highlight": highlights.get(row.id),
                "top_entities": tops.get(row.id, []),
            }
        )
        for row in rows
    ]


def top_entities(session: Session, article_ids: list[int]) -> dict[int, list[ArticleTopEntity]]:
    """The most-mentioned entities of each article, for a whole page in one query."""
    if not article_ids:
        return {}
    ranked = (
        select(
            col(ArticleEntity.article_id),
            col(ArticleEntity.entity_id),
            col(ArticleEntity.mention_count),
            func.row_number()
            .over(
                partition_by=col(ArticleEntity.article_id),
                order_by=(col(ArticleEntity.mention_count).desc(), col(ArticleEntity.entity_id)),
            )
            .label("position"),
        )
        .where(col(ArticleEntity.article_id).in_(article_ids))
        .subquery()
    )
    # Plain columns rather than ORM objects: this runs for every page of every list.
    stmt = (
        select(
            ranked.c.article_id,
            ranked.c.mention_count,
            col(Entity.id),
            col(Entity.slug),
            col(Entity.name),
            col(Entity.type),
            col(Entity.country_code),
        )
        .join(Entity, col(Entity.id) == ranked.c.entity_id)
        .where(ranked.c.position <= TOP_ENTITIES)
        .order_by(ranked.c.article_id, ranked.c.position)
    )
    result: dict[int, list[ArticleTopEntity]] = defaultdict(list)
    for article_id, mentions, entity_id, slug, name, type_, code in session.execute(stmt):
        result[article_id].append(
            ArticleTopEntity(
                id=entity_id,
                slug=slug,
                name=name,
                type=type_,
                country_code=code,
                mention_count=mentions,
            )
        )
    return result


def _entities_select(article_id: int) -> AnySelect:
    return (
        select(Entity, col(ArticleEntity.mention_count))
        .join(ArticleEntity, col(ArticleEntity.entity_id) == Entity.id)
        .where(col(ArticleEntity.article_id) == article_id)
        .order_by(col(ArticleEntity.mention_count).desc(), col(Entity.id))
    )


def _with_mentions(
    session: Session, article_id: int, rows: Sequence[Row[*tuple[Any, ...]]]
) -> list[ArticleEntityPublic]:
    ids = [entity.id for entity, _ in rows]
    mentions: dict[int, list[MentionPublic]] = defaultdict(list)
    # Plain columns, not ORM objects: an article can hold hundreds of mentions.
    for entity_id, start, end, text in session.execute(
        select(col(Mention.entity_id), col(Mention.start), col(Mention.end), col(Mention.text))
        .where(col(Mention.article_id) == article_id, col(Mention.entity_id).in_(ids))
        .order_by(col(Mention.start))
    ):
        mentions[entity_id].append(MentionPublic(start=start, end=end, text=text))
    return [
        ArticleEntityPublic.model_validate(
            {**entity.model_dump(), "mention_count": count, "mentions": mentions[entity.id]}
        )
        for entity, count in rows
    ]


def article_entities(session: Session, article_id: int) -> list[ArticleEntityPublic]:
    """Every entity of an article with all its mention offsets, most mentioned first."""
    return _with_mentions(session, article_id, session.execute(_entities_select(article_id)).all())


def page_of_entities(
    session: Session, article_id: int, page: PageRequest
) -> Page[ArticleEntityPublic]:
    offset = Offset(f"article-entities:{article_id}")
    stmt = _entities_select(article_id)
    rows = session.execute(offset.apply(stmt, page)).all()
    items, cursor = offset.page(rows, page)
    return Page(
        items=_with_mentions(session, article_id, items),
        next_cursor=cursor,
        **total_of(session, stmt).fields(),
    )


def article_detail(session: Session, ref: str) -> ArticleDetail:
    article = get_article(session, ref)
    assert article.id is not None
    return ArticleDetail.model_validate(
        {
            **article.model_dump(),
            "entities": article_entities(session, article.id),
            "quotes": quotes.quotes_of_article(session, article.id),
        }
    )


BY_ENTITY = Keyset(
    "entity-articles",
    [SortKey(col(ArticleEntity.dated_at), True), SortKey(col(ArticleEntity.article_id), True)],
)


def articles_of_entity(session: Session, entity_id: int, page: PageRequest) -> Page[ArticleSummary]:
    """Articles mentioning an entity, newest first, paged on the link table's own index."""
    stmt = (
        select(*SUMMARY_COLUMNS)
        .join(ArticleEntity, col(ArticleEntity.article_id) == Article.id)
        .where(col(ArticleEntity.entity_id) == entity_id)
    )
    rows = session.execute(BY_ENTITY.apply(stmt, page)).all()
    items, cursor = BY_ENTITY.page(rows, page, lambda r: (r.dated_at, r.id))
    # The stored count, which the write path keeps equal to a recount.
    count = session.execute(
        select(col(Entity.article_count)).where(col(Entity.id) == entity_id)
    ).scalar_one()
    return Page(items=summaries(session, items, {}), next_cursor=cursor, total=count)
