"""Quote queries: who said what, where, and about whom."""

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, bindparam, func, select
from sqlmodel import Session, col

from app.answers import Document, Record, rows
from app.changes.service import changed_since
from app.errors import NotFound
from app.pagination import (
    COUNT_CAP,
    AnySelect,
    Keyset,
    Page,
    PageRequest,
    SortKey,
    Total,
    counting,
    page_document,
    total_of,
)
from app.prepared import Prepared
from app.quotes.models import Quote
from app.quotes.queries import WITH_SPEAKER, Q, detail_document, detail_select, quote_document
from app.quotes.schemas import QuoteDetail, QuoteFilters, QuotePublic
from app.search.matches import count_matches, every_match, match_test, prepared_match, unindexed
from app.search.terms import fts5_query, searchable

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


def quote_page(session: Session, filters: QuoteFilters, page: PageRequest) -> Document:
    """A page of quotes as a plain document (see ``app.answers``)."""
    if filters.q is not None and not searchable(filters.q):
        return page_document([], None, Total(0))
    clauses = filter_clauses(session, filters)
    keyset = NEWEST
    if filters.q:
        # Every match, newest first, however many (see app.search.matches).
        matches = count_matches(session, Quote, filters.q, clauses, page.limit)
        total = matches.total
        if _alone(clauses):
            return _words_alone(session, filters.q, matches.dense, page, total)
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
    return _newest(session, NEWEST.apply(stmt, page), page, total)


def _alone(clauses: list[ColumnElement[bool]]) -> bool:
    """A full-text query with no other filter: ``_words_alone``, on either backend."""
    return not clauses


@lru_cache(maxsize=8)
def _words_statement(dialect: str, dense: bool, after: bool) -> Prepared:
    """The page ``quote_page`` builds for a full-text query alone, built once per form
    (``terms``, ``limit``, the cursor's ``after_``s): on SQLite, building it per request
    cost more than running it (``/search`` asks for quotes beside articles); on PostgreSQL
    it was about a quarter of a search's instructions in the application."""
    matched = prepared_match(Quote, col(Quote.id), dense=dense, dialect=dialect)
    keyset = NEWEST if dense else SPARSE
    ids = keyset.prepared(select(col(Quote.id), col(Quote.dated_at)).where(matched), after=after)
    inner = ids.subquery()
    return Prepared(
        NEWEST.prepared(detail_select().join(inner, inner.c.id == Quote.id), after=after)
    )


def _words_alone(
    session: Session, query: str, dense: bool, page: PageRequest, total: Total
) -> Document:
    dialect = session.get_bind().dialect.name
    terms = fts5_query(query) if dialect == "sqlite" else query
    params = NEWEST.params(page) | {"terms": terms}
    stmt = _words_statement(dialect, dense, "after_0" in params)
    return _documents(rows(session, stmt, **params), page, total)


def _newest(session: Session, stmt: AnySelect, page: PageRequest, total: Total) -> Document:
    return _documents(rows(session, stmt), page, total)


def _documents(found: Sequence[Record], page: PageRequest, total: Total) -> Document:
    items, cursor = NEWEST.page(found, page, lambda r: (r.dated_at, r.id))
    return page_document([detail_document(row) for row in items], cursor, total)


def list_quotes(session: Session, filters: QuoteFilters, page: PageRequest) -> Page[QuoteDetail]:
    return Page[QuoteDetail].model_validate(quote_page(session, filters, page))


def get_quote(session: Session, quote_id: int) -> Document:
    found = rows(session, detail_select().where(Q.id == quote_id))
    if not found:
        raise NotFound(f"No quote with id {quote_id}")
    return detail_document(found[0])


def page_of_article(session: Session, article_id: int, page: PageRequest) -> Page[QuotePublic]:
    stmt = WITH_SPEAKER.where(Q.article_id == article_id)
    found = rows(session, IN_ARTICLE.apply(stmt, page))
    items, cursor = IN_ARTICLE.page(found, page, lambda r: (r.start, r.id))
    total = total_of(session, select(Q.id).where(Q.article_id == article_id))
    body = page_document([quote_document(row) for row in items], cursor, total)
    return Page[QuotePublic].model_validate(body)


def _quotes_about(entity_id: int) -> AnySelect:
    """Ids of quotes whose span holds a mention of the entity, found from its mentions: a
    correlated test per quote walked every quote when the entity is rarely quoted about
    (2 s at 10k articles on SQLite, 40k quotes)."""
    from app.entities.models import Mention

    return (
        select(col(Quote.id))
        .join(Mention, col(Mention.article_id) == Quote.article_id)
        .where(
            col(Mention.entity_id) == entity_id,
            col(Mention.start) >= Quote.start,
            col(Mention.end) <= Quote.end,
        )
    )


def quotes_for_entity(session: Session, entity_id: int, role: str, page: PageRequest) -> Document:
    """Quotes an entity said (``speaker``) or that mention it (``about``), newest first."""
    if role == "speaker":
        return _spoken(session, entity_id, page)
    clause = col(Quote.id).in_(_quotes_about(entity_id))
    total = total_of(session, select(col(Quote.id)).where(clause))
    return _newest(session, NEWEST.apply(detail_select().where(clause), page), page, total)


_SPEAKER = col(Quote.speaker_id) == bindparam("speaker")


@lru_cache(maxsize=2)
def _spoken_page(after: bool) -> Prepared:
    return Prepared(NEWEST.prepared(detail_select().where(_SPEAKER), after=after))


@lru_cache(maxsize=2)
def _spoken_count(capped: bool) -> Prepared:
    spoken = select(col(Quote.id)).where(_SPEAKER)
    if capped:
        spoken = spoken.limit(bindparam("cap"))
    return Prepared(select(func.count()).select_from(spoken.subquery()))


def _spoken(session: Session, entity_id: int, page: PageRequest) -> Document:
    """What an entity said, from statements built once: built per request, the page and
    its count took a third of the request's instructions on PostgreSQL. Counted as
    ``total_of`` counts (PostgreSQL: up to ``COUNT_CAP``, past it by estimate)."""
    total = Total(0, estimate=True)
    if counting():
        sqlite = session.get_bind().dialect.name == "sqlite"
        cap = {} if sqlite else {"cap": COUNT_CAP + 1}
        count = int(rows(session, _spoken_count(not sqlite), speaker=entity_id, **cap)[0][0])
        total = Total(count)
        if count > COUNT_CAP and not sqlite:
            spoken = select(col(Quote.id)).where(col(Quote.speaker_id) == entity_id)
            total = total_of(session, spoken)
    params = NEWEST.params(page) | {"speaker": entity_id}
    found = rows(session, _spoken_page("after_0" in params), **params)
    return _documents(found, page, total)
