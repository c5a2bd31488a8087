"""Article queries: filtering, ordering and shaping, done in the database."""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, func, select
from sqlmodel import Session, col

from app.articles import filters as filters_
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
from app.errors import InvalidInput, NotFound
from app.pagination import AnySelect, Keyset, Offset, Page, PageRequest, SortKey
from app.quotes import service as quotes
from app.search.fulltext import article_candidates, article_highlights, searchable

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


def _sort(filters: ArticleFilters) -> str:
    if filters.sort == "relevance" and not filters.q:
        raise InvalidInput("sort=relevance needs a full-text query `q`", field="sort")
    return filters.sort or ("relevance" if filters.q else "newest")


Rows = list[Row[*tuple[Any, ...]]]


def _keyset(filters: ArticleFilters, dated: Any, ident: Any) -> Keyset:
    descending = filters.sort != "oldest"
    scope = "articles:newest" if descending else "articles:oldest"
    return Keyset(scope, [SortKey(dated, descending), SortKey(ident, descending)])


def _conditions(
    found: filters_.Plan, filters: ArticleFilters, dated: Any, ident: Any = None
) -> list[ColumnElement[bool]]:
    after, before = filters.published_after, filters.published_before
    article_id = col(Article.id) if ident is None else ident
    return [
        *filters_.clauses(found, article_id),
        *filters_.date_clauses(dated, after, before),
        *filters_.written_since(filters.updated_since, article_id),
    ]


def _by_date(
    session: Session, filters: ArticleFilters, found: filters_.Plan, page: PageRequest
) -> tuple[Rows, str | None]:
    if found.driver is None:
        keyset = _keyset(filters, col(Article.dated_at), col(Article.id))
        stmt = select(*SUMMARY_COLUMNS).where(*_conditions(found, filters, col(Article.dated_at)))
        rows = session.execute(keyset.apply(stmt, page)).all()
        return keyset.page(rows, page, lambda r: (r.dated_at, r.id))
    # Walk the driving entity's links and test the other filters on them alone; only the
    # page's articles are then read. Joining articles first read every article walked past,
    # which cost up to 280 ms for a rare pairing at 1M articles.
    link = ArticleEntity
    dated, ident = col(link.dated_at), col(link.article_id)
    walked = select(ident, dated).where(
        col(link.entity_id) == found.driver, *_conditions(found, filters, dated, ident)
    )
    ids = _keyset(filters, dated, ident).apply(walked, page).subquery()
    keyset = _keyset(filters, ids.c.dated_at, ids.c.article_id)
    stmt = select(*SUMMARY_COLUMNS).join(ids, ids.c.article_id == Article.id)
    rows = session.execute(keyset.apply(stmt, page)).all()
    return keyset.page(rows, page, lambda r: (r.dated_at, r.id))


def _by_match(
    session: Session, filters: ArticleFilters, found: filters_.Plan, page: PageRequest
) -> tuple[Rows, str | None]:
    """Among the newest full-text matches (see ``CANDIDATES``), by relevance or by date."""
    assert filters.q is not None
    where = _conditions(found, filters, col(Article.dated_at))
    relevance = _sort(filters) == "relevance"
    candidates = article_candidates(session, filters.q, where, scored=relevance).subquery()
    # Order and cut the page on the candidates' own columns first, so only the page's rows
    # are read from the article table (bodies included, for the lede).
    if relevance:
        offset = Offset("articles:relevance")
        ranked = offset.apply(
            select(candidates).order_by(candidates.c.score.desc(), candidates.c.id), page
        ).subquery()
        stmt = select(*SUMMARY_COLUMNS, ranked.c.score).join(ranked, ranked.c.id == Article.id)
        ordered = stmt.order_by(ranked.c.score.desc(), col(Article.id))
        return offset.page(session.execute(ordered).all(), page)
    keyset = _keyset(filters, col(Article.dated_at), col(Article.id))
    newest = keyset.apply(
        select(col(Article.id), col(Article.dated_at)).join(
            candidates, candidates.c.id == Article.id
        ),
        page,
    ).subquery()
    stmt = select(*SUMMARY_COLUMNS).join(newest, newest.c.id == Article.id)
    rows = session.execute(keyset.apply(stmt, page)).all()
    return keyset.page(rows, page, lambda r: (r.dated_at, r.id))


def article_rows(
    session: Session, filters: ArticleFilters, page: PageRequest
) -> tuple[Rows, str | None, dict[int, str]]:
    """One page of summary rows (with ``score`` when there is a query) and highlights."""
    _sort(filters)  # reject relevance without a query before touching the database
    if filters.q is not None and not searchable(filters.q):
        return [], None, {}
    found = filters_.plan(session, filters, may_drive=not filters.q)
    if found.empty:
        return [], None, {}
    if not filters.q:
        return (*_by_date(session, filters, found, page), {})
    rows, cursor = _by_match(session, filters, found, page)
    return rows, cursor, article_highlights(session, filters.q, [r.id for r in rows])


def list_articles(
    session: Session, filters: ArticleFilters, page: PageRequest
) -> Page[ArticleSummary]:
    rows, cursor, highlights = article_rows(session, filters, page)
    return Page(items=summaries(session, rows, highlights), next_cursor=cursor)


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
    rows = session.execute(offset.apply(_entities_select(article_id), page)).all()
    items, cursor = offset.page(rows, page)
    return Page(items=_with_mentions(session, article_id, items), next_cursor=cursor)


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
    return Page(items=summaries(session, items, {}), next_cursor=cursor)
