"""One query across articles, quotes and entities, with facets over the matching articles."""

from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, func, literal, select
from sqlmodel import Session, col

from app.answers import Document
from app.articles.filters import conditions
from app.articles.listing import article_rows
from app.articles.models import Article
from app.articles.queries import SUMMARY_COLUMNS, summary_documents
from app.entities.models import ArticleEntity, Entity
from app.entities.profile import list_entities
from app.entities.schemas import EntityFilters, EntityPublic
from app.pagination import AnySelect, PageRequest
from app.quotes.schemas import QuoteFilters
from app.quotes.service import quote_page
from app.search.fulltext import article_candidates, searchable
from app.search.schemas import (
    FacetCount,
    Facets,
    SearchFilters,
    SectionFacet,
)
from app.text import normalize_name

SIDE_RESULTS = 5
FACET_SIZE = 5
FACET_TYPES = {"person": "persons", "country": "countries", "organization": "organizations"}


def facets(session: Session, query: str, where: list[ColumnElement[bool]] | None = None) -> Facets:
    """Top persons, countries, organizations and sections by number of matching articles
    (among the newest ``CANDIDATES`` matches, as ranking is); ``where`` narrows the
    matches as the search's filters do, None meaning nothing matches."""
    buckets: dict[str, list[FacetCount]] = {name: [] for name in FACET_TYPES.values()}
    if not searchable(query) or where is None:
        return Facets(**buckets)
    matching = article_candidates(session, query, where, scored=False).subquery()
    # Count links per entity first (an index-only walk), then look up only the entities
    # that occur, rather than every link's entity.
    per_entity = (
        select(col(ArticleEntity.entity_id), func.count().label("n"))
        .join(matching, matching.c.id == ArticleEntity.article_id)
        .group_by(col(ArticleEntity.entity_id))
        .subquery()
    )
    found = session.execute(_entity_facets(per_entity, LEADING)).all()
    if not _complete(found):
        found = session.execute(_entity_facets(per_entity, None)).all()
    for row in found:
        buckets[FACET_TYPES[row.type]].append(FacetCount(slug=row.slug, name=row.name, count=row.n))
    return Facets(**buckets, sections=section_facet(session, matching))


# The most linked entities whose type is looked up: the top FACET_SIZE of a type are among
# them whenever FACET_SIZE of that type are. 1,000 matches of a common word link ~3,000
# entities, and looking each one up took about half of the entity facet's time.
LEADING = 200


def _entity_facets(per_entity: Any, leading: int | None) -> AnySelect:
    """The top ``FACET_SIZE`` entities of each type, among the ``leading`` most linked
    (all when None); ``linked`` is how many entities there were to choose from."""
    if leading is not None:
        per_entity = (
            select(per_entity, func.count().over().label("linked"))
            .order_by(per_entity.c.n.desc(), per_entity.c.entity_id)
            .limit(leading)
            .subquery()
        )
    linked = per_entity.c.linked if leading is not None else literal(0)
    position = func.row_number().over(
        partition_by=col(Entity.type), order_by=(per_entity.c.n.desc(), col(Entity.id))
    )
    counted = (
        select(col(Entity.slug), col(Entity.name), col(Entity.type), per_entity.c.n)
        .add_columns(linked.label("linked"), position.label("position"))
        .join(per_entity, per_entity.c.entity_id == Entity.id)
        .where(col(Entity.type).in_(FACET_TYPES))
        .subquery()
    )
    stmt = select(counted).where(counted.c.position <= FACET_SIZE)
    return stmt.order_by(counted.c.type, counted.c.position)


def _complete(found: Sequence[Row[Any]]) -> bool:
    """The leading entities held every entity, or ``FACET_SIZE`` of each type."""
    if found and found[0].linked <= LEADING:
        return True
    sizes = Counter(row.type for row in found)
    return all(sizes[kind] == FACET_SIZE for kind in FACET_TYPES)


def section_facet(session: Session, matching: Any) -> list[SectionFacet]:
    """Matching articles per section, largest first: primary-key probes of the matches."""
    n = func.count().label("n")
    stmt = (
        select(col(Article.section), n)
        .join(matching, matching.c.id == Article.id)
        .where(col(Article.section).is_not(None))
        .group_by(col(Article.section))
        .order_by(n.desc(), col(Article.section))
        .limit(FACET_SIZE)
    )
    return [SectionFacet(name=name, count=count) for name, count in session.execute(stmt)]


def entity_hits(session: Session, query: str) -> list[EntityPublic]:
    """Entities whose name starts with the query; none for a query without words."""
    if not searchable(query) or not normalize_name(query):
        return []
    # /search takes longer queries than /entities' `q`; a long one just matches no name.
    filters = EntityFilters.model_construct(q=query, type=None, country=None)
    first = PageRequest(limit=SIDE_RESULTS, cursor=None)
    return list_entities(session, filters, first).items


def _quote_filters(filters: SearchFilters) -> QuoteFilters:
    """The search's filters that quotes have too."""
    return QuoteFilters(
        q=filters.q,
        country=filters.country,
        section=filters.section,
        published_after=filters.published_after,
        published_before=filters.published_before,
    )


def search(session: Session, filters: SearchFilters, page: PageRequest) -> Document:
    """``SearchResult`` as a plain document (see ``app.answers``)."""
    query = filters.q
    found = article_rows(session, filters, page, SUMMARY_COLUMNS)
    hits = summary_documents(session, found.rows, found.highlights)
    for hit, row in zip(hits, found.rows, strict=True):
        hit["score"] = float(row.score)
    first = PageRequest(limit=SIDE_RESULTS, cursor=None)
    return {
        "query": query,
        "articles": hits,
        "next_cursor": found.cursor,
        "total": found.total.count,
        "total_is_estimate": found.total.estimate,
        "ranked_among": found.ranked_among,
        "quotes": quote_page(session, _quote_filters(filters), first)["items"],
        "entities": entity_hits(session, query),
        "facets": facets(session, query, conditions(session, filters)),
    }
