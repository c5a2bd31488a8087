"""Quote queries: who said what, where, and about whom."""

from typing import Any

from sqlalchemy import ColumnElement, Row, select
from sqlmodel import Session, col

from app.articles.models import Article
from app.changes.service import changed_since
from app.entities.models import Entity
from app.errors import NotFound
from app.pagination import AnySelect, Keyset, Page, PageRequest, SortKey, total_of
from app.quotes.models import Quote
from app.quotes.schemas import QuoteDetail, QuoteFilters, QuotePublic
from app.schemas import ArticleRef, EntityRef
from app.search.fulltext import searchable
from app.search.matches import count_matches, every_match, match_test, unindexed

NEWEST = Keyset("quotes:newest", [SortKey(col(Quote.dated_at), True), SortKey(col(Quote.id), True)])
# The same order for a few full-text matches, sorted rather than walked (same cursors).
SPARSE = Keyset(
    "quotes:newest", [SortKey(unindexed(col(Quote.dated_at)), True), SortKey(col(Quote.id), True)]
)
IN_ARTICLE = Keyset("quotes:position", [SortKey(col(Quote.start)), SortKey(col(Quote.id))])


def article_has_speaker(entity_ids: AnySelect, article_id: Any) -> ColumnElement[bool]:
    return (
        select(col(Quote.id))
        .where(col(Quote.article_id) == article_id, col(Quote.speaker_id).in_(entity_ids))
        .exists()
    )


def _public(quote: Quote, speaker: Entity | None) -> dict[str, Any]:
    return {
        **quote.model_dump(),
        "speaker": EntityRef.model_validate(speaker) if speaker else None,
    }


def _detail(row: Row[*tuple[Any, ...]]) -> QuoteDetail:
    quote, speaker, article_id, slug, title, published_at = row
    article = ArticleRef(id=article_id, slug=slug, title=title, published_at=published_at)
    return QuoteDetail.model_validate({**_public(quote, speaker), "article": article})


def detail_select() -> AnySelect:
    return (
        select(
            Quote,
            Entity,
            col(Article.id),
            col(Article.slug),
            col(Article.title),
            col(Article.published_at),
        )
        .join(Article, col(Article.id) == Quote.article_id)
        .outerjoin(Entity, col(Entity.id) == Quote.speaker_id)
    )


def filter_clauses(session: Session, filters: QuoteFilters) -> list[ColumnElement[bool]]:
    from app.articles.filters import date_clauses
    from app.articles.service import get_article
    from app.entities import service as entities
    from app.sections.service import in_section, require_section

    clauses: list[ColumnElement[bool]] = []
    for value in filters.speaker:
        clauses.append(col(Quote.speaker_id).in_(entities.ids_matching(value)))
    for value in filters.about:
        clauses.append(entities.quotes_about_clause(entities.ids_matching(value)))
    for value in filters.country:
        ids = entities.ids_matching(value, ("country",))
        clauses.append(entities.articles_with(ids, col(Quote.article_id)))
    if filters.article is not None:
        clauses.append(col(Quote.article_id) == get_article(session, filters.article).id)
    if filters.section is not None:
        clauses.append(in_section(require_section(session, filters.section), Quote.article_id))
    if filters.kind is not None:
        clauses.append(col(Quote.kind) == filters.kind)
    if filters.updated_since is not None:
        clauses.append(col(Quote.article_id).in_(changed_since("article", filters.updated_since)))
    return clauses + date_clauses(
        col(Quote.dated_at), filters.published_after, filters.published_before
    )


def list_quotes(session: Session, filters: QuoteFilters, page: PageRequest) -> Page[QuoteDetail]:
    if filters.q is not None and not searchable(filters.q):
        return Page(items=[], next_cursor=None, total=0)
    clauses = filter_clauses(session, filters)
    keyset = NEWEST
    if filters.q:
        # Every match, newest first, however many (see app.search.matches).
        matches = count_matches(session, Quote, filters.q, clauses, page.limit)
        total = matches.total
        if matches.dense:
            clauses.append(match_test(session, Quote, filters.q, col(Quote.id)))
        else:
            clauses.append(every_match(session, Quote, filters.q))
            keyset = SPARSE
    else:
        total = total_of(session, select(col(Quote.id)).where(*clauses))
    # The page is cut on the quote table alone before the joins that fill each quote in.
    ids = keyset.apply(select(col(Quote.id), col(Quote.dated_at)).where(*clauses), page).subquery()
    stmt = detail_select().join(ids, ids.c.id == Quote.id)
    rows = session.execute(NEWEST.apply(stmt, page)).all()
    items, cursor = NEWEST.page(rows, page, lambda r: (r[0].dated_at, r[0].id))
    return Page(items=[_detail(row) for row in items], next_cursor=cursor, **total.fields())


def get_quote(session: Session, quote_id: int) -> QuoteDetail:
    row = session.execute(detail_select().where(col(Quote.id) == quote_id)).first()
    if row is None:
        raise NotFound(f"No quote with id {quote_id}")
    return _detail(row)


def _article_select(article_id: int) -> AnySelect:
    return (
        select(Quote, Entity)
        .outerjoin(Entity, col(Entity.id) == Quote.speaker_id)
        .where(col(Quote.article_id) == article_id)
    )


def quotes_of_article(session: Session, article_id: int) -> list[QuotePublic]:
    stmt = _article_select(article_id).order_by(col(Quote.start), col(Quote.id))
    return [QuotePublic.model_validate(_public(q, s)) for q, s in session.execute(stmt)]


def page_of_article(session: Session, article_id: int, page: PageRequest) -> Page[QuotePublic]:
    stmt = _article_select(article_id)
    rows = session.execute(IN_ARTICLE.apply(stmt, page)).all()
    items, cursor = IN_ARTICLE.page(rows, page, lambda r: (r[0].start, r[0].id))
    return Page(
        items=[QuotePublic.model_validate(_public(q, s)) for q, s in items],
        next_cursor=cursor,
        **total_of(session, stmt).fields(),
    )


def quotes_for_entity(
    session: Session, entity_id: int, role: str, page: PageRequest
) -> Page[QuoteDetail]:
    """Quotes an entity said (``speaker``) or that mention it (``about``), newest first."""
    from app.entities.service import quotes_about_clause

    if role == "speaker":
        clause = col(Quote.speaker_id) == entity_id
    else:
        clause = quotes_about_clause([entity_id])
    rows = session.execute(NEWEST.apply(detail_select().where(clause), page)).all()
    items, cursor = NEWEST.page(rows, page, lambda r: (r[0].dated_at, r[0].id))
    total = total_of(session, select(col(Quote.id)).where(clause))
    return Page(items=[_detail(row) for row in items], next_cursor=cursor, **total.fields())
