"""One query across articles, quotes and entities, with facets over the matching articles."""

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    bindparam,
    column,
    func,
    literal,
    literal_column,
    select,
    table,
)
from sqlmodel import Session, col

from app.answers import Document, Record, rows
from app.articles.filters import conditions
from app.articles.listing import article_rows
from app.articles.models import Article
from app.articles.queries import SUMMARY_COLUMNS, summary_documents
from app.entities.models import ArticleEntity, Entity, EntityAlias
from app.entities.schemas import EntityPublic
from app.pagination import AnySelect, PageRequest
from app.prepared import Prepared
from app.quotes.schemas import QuoteFilters
from app.quotes.service import quote_page
from app.search import fulltext
from app.search.fulltext import (
    article_candidates,
    newest_key,
    newest_order,
    pattern_match,
    prefix_pattern,
)
from app.search.schemas import SearchFilters
from app.search.terms import fts5_query, searchable
from app.text import normalize_name

SIDE_RESULTS = 5
FACET_SIZE = 5
FACET_TYPES = {"person": "persons", "country": "countries", "organization": "organizations"}


def facets(
    session: Session, query: str, where: list[ColumnElement[bool]] | None = None
) -> Document:
    """Top persons, countries, organizations and sections by number of matching articles
    (among the newest ``CANDIDATES`` matches, as ranking is), as ``Facets``; ``where``
    narrows the matches as the search's filters do, None meaning nothing matches."""
    buckets: dict[str, list[Document]] = {name: [] for name in FACET_TYPES.values()}
    if not searchable(query) or where is None:
        return {**buckets, "sections": []}
    params: dict[str, Any] = {"leading": LEADING}
    statements: tuple[AnySelect | Prepared, AnySelect | Prepared, AnySelect | Prepared]
    if not where and session.get_bind().dialect.name == "sqlite":
        statements = _prepared_facets()
        params |= {"terms": fts5_query(query), "candidates": fulltext.CANDIDATES}
    elif not where:
        statements = _prepared_postgres_facets(newest_order(session, Article, query))
        params |= {"terms": query, "candidates": fulltext.CANDIDATES}
    else:
        statements = _facet_statements(article_candidates(session, query, where, scored=False))
    leading, every, sections = statements
    found = rows(session, leading, **params)
    if not _complete(found):
        found = rows(session, every, **params)
    for row in found:
        buckets[FACET_TYPES[row.type]].append({"slug": row.slug, "name": row.name, "count": row.n})
    by_section = [
        {"name": row.section, "count": row.n} for row in rows(session, sections, **params)
    ]
    return {**buckets, "sections": by_section}


def _facet_statements(candidates: AnySelect) -> tuple[AnySelect, AnySelect, AnySelect]:
    """The entity facets among the ``leading`` most linked entities, among all of them, and
    the section facet, of the articles ``candidates`` selects."""
    matching = candidates.subquery()
    # Count links per entity first (an index-only walk), then look up only the entities
    # that occur, rather than every link's entity.
    per_entity = (
        select(col(ArticleEntity.entity_id), func.count().label("n"))
        .join(matching, matching.c.id == ArticleEntity.article_id)
        .group_by(col(ArticleEntity.entity_id))
        .subquery()
    )
    return (
        _entity_facets(per_entity, bindparam("leading")),
        _entity_facets(per_entity, None),
        _section_facet(matching),
    )


def _as_prepared(
    statements: tuple[AnySelect, AnySelect, AnySelect],
) -> tuple[Prepared, Prepared, Prepared]:
    leading, every, sections = statements
    return Prepared(leading), Prepared(every), Prepared(sections)


@lru_cache(maxsize=1)
def _prepared_facets() -> tuple[Prepared, Prepared, Prepared]:
    """SQLite, a query alone: the facet statements built once (``terms``, ``candidates``,
    ``leading``); built per request they cost more than running them."""
    fts = table("article_fts", column("rowid", Integer))
    matching = literal_column("article_fts").op("MATCH")(bindparam("terms"))
    newest = select(fts.c.rowid.label("id")).where(matching).order_by(fts.c.rowid.desc())
    return _as_prepared(_facet_statements(newest.limit(bindparam("candidates"))))


@lru_cache(maxsize=3)
def _prepared_postgres_facets(order: str) -> tuple[Prepared, Prepared, Prepared]:
    """PostgreSQL, a query alone: the facet statements built once per ``newest_order``
    (``terms``, ``candidates``, ``leading``). Built per request (and their cache keys
    generated from scratch) they took a quarter of a search's instructions in the
    application: 32.0M a request, 23.7M once prepared (callgrind, 10k articles)."""
    vector: ColumnElement[Any] = literal_column(f"{Article.__tablename__}.search_vector")
    tsquery = func.websearch_to_tsquery("english", bindparam("terms", type_=String))
    newest: AnySelect = (
        select(col(Article.id).label("id"))
        .where(vector.op("@@")(tsquery))
        .order_by(newest_key(Article, order))
    )
    return _as_prepared(_facet_statements(newest.limit(bindparam("candidates", type_=Integer))))


# The most linked entities whose type is looked up: the top FACET_SIZE of a type are among
# them whenever FACET_SIZE of that type are. 1,000 matches of a common word link ~3,000
# entities, and looking each one up took about half of the entity facet's time.
LEADING = 200


def _entity_facets(per_entity: Any, leading: Any) -> AnySelect:
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


def _complete(found: Sequence[Record]) -> bool:
    """The leading entities held every entity, or ``FACET_SIZE`` of each type."""
    if found and found[0].linked <= LEADING:
        return True
    sizes = Counter(row.type for row in found)
    return all(sizes[kind] == FACET_SIZE for kind in FACET_TYPES)


def _section_facet(matching: Any) -> AnySelect:
    """Matching articles per section, largest first: primary-key probes of the matches."""
    n = func.count().label("n")
    return (
        select(col(Article.section), n)
        .join(matching, matching.c.id == Article.id)
        .where(col(Article.section).is_not(None))
        .group_by(col(Article.section))
        .order_by(n.desc(), col(Article.section))
        .limit(FACET_SIZE)
    )


def entity_hits(session: Session, query: str) -> list[Document]:
    """Entities whose name starts with the query, most covered first, as ``EntityPublic``
    (``/entities?q=``'s first items); none for a query without words."""
    prefix = normalize_name(query)
    if not searchable(query) or not prefix:
        return []
    dialect = session.get_bind().dialect.name
    found = rows(session, _named(dialect), pattern=prefix_pattern(dialect, prefix))
    return [dict(zip(ENTITY_FIELDS, row, strict=True)) for row in found]


ENTITY_FIELDS = tuple(EntityPublic.model_fields)


@lru_cache(maxsize=2)
def _named(dialect: str) -> Prepared:
    """``list_entities``' first page for a name prefix (``pattern``), built once."""
    named = select(col(EntityAlias.entity_id)).where(
        pattern_match(dialect, col(EntityAlias.normalized), bindparam("pattern"))
    )
    entity = Entity.__table__.c  # type: ignore[attr-defined]
    return Prepared(
        select(*(entity[name] for name in ENTITY_FIELDS))
        .where(entity.article_count > 0, entity.id.in_(named))
        .order_by(entity.article_count.desc(), entity.id.desc())
        .limit(SIDE_RESULTS)
    )


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
