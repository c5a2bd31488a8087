"""Article queries: filtering, ordering and shaping, done in the database."""

from sqlalchemy import select
from sqlmodel import Session, col

from app.answers import Document, rows
from app.articles import listing, queries
from app.articles.models import Article
from app.articles.queries import (
    AE,
    ENTITY_LINKS,
    SUMMARY_COLUMNS,
    entity_documents,
    summary_documents,
)
from app.articles.schemas import ArticleDetail, ArticleEntityPublic, ArticleFilters, ArticleSummary
from app.db import MAX_ID
from app.entities.models import ArticleEntity, Entity
from app.errors import NotFound
from app.pagination import (
    Keyset,
    Offset,
    Page,
    PageRequest,
    SortKey,
    Total,
    page_document,
    total_of,
)


def lookup(ref: str | int) -> tuple[str, int | str]:
    """The column (``id`` or ``slug``) and value an article reference names."""
    # ASCII digits only: "²" passes isdigit() but is no number int() can read.
    if isinstance(ref, int) or (str(ref).isascii() and str(ref).isdigit()):
        if not 0 < int(ref) <= MAX_ID:
            raise NotFound(f"No article with id or slug '{ref}'")
        return "id", int(ref)
    return "slug", str(ref)


def get_article(session: Session, ref: str | int) -> Article:
    """An article by numeric id or by slug."""
    key, value = lookup(ref)
    column = Article.id if key == "id" else Article.slug
    article = session.execute(select(Article).where(col(column) == value)).scalar()
    if article is None:
        raise NotFound(f"No article with id or slug '{ref}'")
    return article


def article_id(session: Session, ref: str | int) -> int:
    article = get_article(session, ref)
    assert article.id is not None
    return article.id


def article_page(session: Session, filters: ArticleFilters, page: PageRequest) -> Document:
    """A page of ``ArticleSummary`` as a plain document (see ``app.answers``)."""
    found = listing.article_rows(session, filters, page, SUMMARY_COLUMNS)
    items = summary_documents(session, found.rows, found.highlights)
    return page_document(items, found.cursor, found.total, found.ranked_among)


def list_articles(
    session: Session, filters: ArticleFilters, page: PageRequest
) -> Page[ArticleSummary]:
    return Page[ArticleSummary].model_validate(article_page(session, filters, page))


def page_of_entities(
    session: Session, article_id: int, page: PageRequest
) -> Page[ArticleEntityPublic]:
    offset = Offset(f"article-entities:{article_id}")
    stmt = ENTITY_LINKS.where(AE.article_id == article_id)
    links, cursor = offset.page(rows(session, offset.apply(stmt, page)), page)
    body = page_document(
        entity_documents(session, article_id, links), cursor, total_of(session, stmt)
    )
    return Page[ArticleEntityPublic].model_validate(body)


def article_document(session: Session, ref: str) -> Document:
    """An article by id or slug as ``ArticleDetail`` (see ``app.answers``)."""
    document = queries.article_document(session, *lookup(ref))
    if document is None:
        raise NotFound(f"No article with id or slug '{ref}'")
    return document


def article_detail(session: Session, ref: str) -> ArticleDetail:
    return ArticleDetail.model_validate(article_document(session, ref))


BY_ENTITY = Keyset(
    "entity-articles",
    [SortKey(col(ArticleEntity.dated_at), True), SortKey(col(ArticleEntity.article_id), True)],
)


def entity_article_page(session: Session, entity_id: int, page: PageRequest) -> Document:
    """Articles mentioning an entity, newest first, paged on the link table's own index."""
    stmt = (
        select(*SUMMARY_COLUMNS)
        .join(ArticleEntity, col(ArticleEntity.article_id) == Article.id)
        .where(col(ArticleEntity.entity_id) == entity_id)
    )
    found = rows(session, BY_ENTITY.apply(stmt, page))
    items, cursor = BY_ENTITY.page(found, page, lambda r: (r.dated_at, r.id))
    # The stored count, which the write path keeps equal to a recount.
    count = session.execute(
        select(col(Entity.article_count)).where(col(Entity.id) == entity_id)
    ).scalar_one()
    return page_document(summary_documents(session, items, {}), cursor, Total(count))
