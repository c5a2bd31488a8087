"""One query across articles, quotes and entities, with facets over the matching articles."""

from sqlalchemy import func, select
from sqlmodel import Session, col

from app.articles.schemas import ArticleFilters
from app.articles.service import article_rows, summaries
from app.entities.models import ArticleEntity, Entity
from app.entities.profile import list_entities
from app.entities.schemas import EntityFilters, EntityPublic
from app.pagination import PageRequest
from app.quotes.schemas import QuoteFilters
from app.quotes.service import list_quotes
from app.search.fulltext import article_candidates, searchable
from app.search.schemas import ArticleHit, FacetCount, Facets, SearchResult
from app.text import normalize_name

SIDE_RESULTS = 5
FACET_SIZE = 5
FACET_TYPES = {"person": "persons", "country": "countries", "organization": "organizations"}


def facets(session: Session, query: str) -> Facets:
    """Top persons, countries and organizations by number of matching articles (among the
    newest ``CANDIDATES`` matches, as ranking is)."""
    buckets: dict[str, list[FacetCount]] = {name: [] for name in FACET_TYPES.values()}
    if not searchable(query):
        return Facets(**buckets)
    matching = article_candidates(session, query, [], scored=False).subquery()
    # Count links per entity first (an index-only walk), then look up only the entities
    # that occur, rather than every link's entity.
    per_entity = (
        select(col(ArticleEntity.entity_id), func.count().label("n"))
        .join(matching, matching.c.id == ArticleEntity.article_id)
        .group_by(col(ArticleEntity.entity_id))
        .subquery()
    )
    counted = (
        select(
            col(Entity.slug),
            col(Entity.name),
            col(Entity.type),
            per_entity.c.n,
            func.row_number()
            .over(partition_by=col(Entity.type), order_by=(per_entity.c.n.desc(), col(Entity.id)))
            .label("position"),
        )
        .join(per_entity, per_entity.c.entity_id == Entity.id)
        .where(col(Entity.type).in_(FACET_TYPES))
        .subquery()
    )
    stmt = (
        select(counted)
        .where(counted.c.position <= FACET_SIZE)
        .order_by(counted.c.type, counted.c.position)
    )
    for row in session.execute(stmt):
        buckets[FACET_TYPES[row.type]].append(FacetCount(slug=row.slug, name=row.name, count=row.n))
    return Facets(**buckets)


def entity_hits(session: Session, query: str) -> list[EntityPublic]:
    """Entities whose name starts with the query; none for a query without words."""
    if not searchable(query) or not normalize_name(query):
        return []
    # /search takes longer queries than /entities' `q`; a long one just matches no name.
    filters = EntityFilters.model_construct(q=query, type=None, country=None)
    first = PageRequest(limit=SIDE_RESULTS, cursor=None)
    return list_entities(session, filters, first).items


def search(session: Session, query: str, page: PageRequest) -> SearchResult:
    found = article_rows(session, ArticleFilters(q=query, sort="relevance"), page)
    rows, cursor, highlights = found
    hits = [
        ArticleHit(**summary.model_dump(), score=float(row.score))
        for summary, row in zip(summaries(session, rows, highlights), rows, strict=True)
    ]
    first = PageRequest(limit=SIDE_RESULTS, cursor=None)
    return SearchResult(
        query=query,
        articles=hits,
        next_cursor=cursor,
        quotes=list_quotes(session, QuoteFilters(q=query), first).items,
        entities=entity_hits(session, query),
        facets=facets(session, query),
    )
