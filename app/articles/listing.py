"""Article listings: the index each page walks, and the size of the whole answer.

Date order (``newest``, ``oldest``) always reaches the last match, full-text query or not
(see ``app.search.matches``); ``relevance`` ranks a bounded set of the newest matches and
says so in ``ranked_among``."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlmodel import Session, col

from app import answers
from app.answers import Record
from app.articles import driven, whole
from app.articles import filters as filters_
from app.articles.models import Article
from app.articles.queries import SUMMARY_COLUMNS
from app.articles.schemas import ArticleFilters
from app.entities.models import ArticleEntity
from app.errors import InvalidInput
from app.pagination import (
    COUNT_CAP,
    AnySelect,
    Keyset,
    Offset,
    PageRequest,
    SortKey,
    Total,
    counting,
    planned_rows,
    total_of,
)
from app.search.fulltext import CANDIDATES, article_candidates, article_highlights
from app.search.matches import count_matches, every_match, match_test, unindexed
from app.search.relevance import ranked_page
from app.search.relevance_postgres import ranked_page as postgres_ranked_page
from app.search.terms import searchable

Rows = list[Record]
MatchTest = Callable[[Any], ColumnElement[bool]]


@dataclass
class Listing:
    """One page of summary rows (with ``score`` when ranked) and what the page belongs to."""

    rows: Rows
    cursor: str | None
    total: Total
    ranked_among: int | None = None
    highlights: dict[int, str] = field(default_factory=dict)


def _sort(filters: ArticleFilters) -> str:
    if filters.sort == "relevance" and not filters.q:
        raise InvalidInput("sort=relevance needs a full-text query `q`", field="sort")
    return filters.sort or ("relevance" if filters.q else "newest")


def _keyset(filters: ArticleFilters, dated: Any, ident: Any) -> Keyset:
    descending = filters.sort != "oldest"
    scope = "articles:newest" if descending else "articles:oldest"
    return Keyset(scope, [SortKey(dated, descending), SortKey(ident, descending)])


def _conditions(
    found: filters_.Plan,
    filters: ArticleFilters,
    dated: Any,
    ident: Any,
    *,
    with_driver: bool = False,
    match: MatchTest | None = None,
) -> list[ColumnElement[bool]]:
    after, before = filters.published_after, filters.published_before
    clauses = filters_.clauses(found, ident, with_driver=with_driver)
    clauses += filters_.date_clauses(dated, after, before)
    clauses += filters_.written_since(filters.updated_since, ident)
    return clauses + ([match(ident)] if match else [])


def _page(session: Session, keyset: Keyset, stmt: AnySelect, page: PageRequest) -> Any:
    found = answers.rows(session, keyset.apply(stmt, page))
    return keyset.page(found, page, lambda r: (r.dated_at, r.id))


def _by_date(
    session: Session,
    filters: ArticleFilters,
    found: filters_.Plan,
    page: PageRequest,
    columns: tuple[Any, ...],
    match: MatchTest | None = None,
) -> tuple[Rows, str | None, AnySelect]:
    """A page in date order, and the statement whose rows are the whole listing."""
    if found.driver is None:
        where = _conditions(found, filters, col(Article.dated_at), col(Article.id), match=match)
        keyset = _keyset(filters, col(Article.dated_at), col(Article.id))
        rows, cursor = _page(session, keyset, select(*columns).where(*where), page)
        return rows, cursor, select(col(Article.id)).where(*where)
    # Walk the driving entity's links and test the other filters on them alone; only the
    # page's articles are then read. Joining articles first read every article walked past,
    # which cost up to 280 ms for a rare pairing at 1M articles.
    walked = _walked(filters, found, match)
    dated, ident = col(ArticleEntity.dated_at), col(ArticleEntity.article_id)
    ids = _keyset(filters, dated, ident).apply(walked, page).subquery()
    keyset = _keyset(filters, ids.c.dated_at, ids.c.article_id)
    rows, cursor = _page(
        session, keyset, select(*columns).join(ids, ids.c.article_id == Article.id), page
    )
    return rows, cursor, walked


def _walked(filters: ArticleFilters, found: filters_.Plan, match: MatchTest | None) -> AnySelect:
    """The driving entity's links that pass the other filters."""
    dated, ident = col(ArticleEntity.dated_at), col(ArticleEntity.article_id)
    return select(ident, dated).where(
        col(ArticleEntity.entity_id) == found.driver,
        *_conditions(found, filters, dated, ident, match=match),
    )


def _dated(
    session: Session,
    filters: ArticleFilters,
    found: filters_.Plan,
    page: PageRequest,
    columns: tuple[Any, ...],
) -> Listing:
    if found.driver is not None and _no_other_filter(filters, found):
        if columns is SUMMARY_COLUMNS:
            keyset = _keyset(filters, col(ArticleEntity.dated_at), col(ArticleEntity.article_id))
            rows, cursor = driven.entity_page(session, found.driver, keyset, page)
        else:
            rows, cursor, _ = _by_date(session, filters, found, page, columns)
        # The stored count, which the write path keeps equal to a recount.
        return Listing(list(rows), cursor, Total(found.driver_articles))
    if _entities_alone(filters, found, columns):
        assert found.driver is not None
        keyset = _keyset(filters, col(ArticleEntity.dated_at), col(ArticleEntity.article_id))
        rows, cursor = driven.entity_page(session, found.driver, keyset, page, found.groups)
        if not counting():
            return Listing(list(rows), cursor, Total(0, estimate=True))
        return Listing(list(rows), cursor, _entities_total(session, filters, found))
    if found.driver is None and _no_other_filter(filters, found) and columns is SUMMARY_COLUMNS:
        rows, cursor = whole.page_of_all(session, filters.sort != "oldest", page)
        return Listing(list(rows), cursor, _every_article(session, rows))
    rows, cursor, every = _by_date(session, filters, found, page, columns)
    return Listing(rows, cursor, total_of(session, every))


def _every_article(session: Session, found: Sequence[Record]) -> Total:
    if not counting():
        return Total(0, estimate=True)
    if session.get_bind().dialect.name == "sqlite":
        return Total(whole.article_count(session))
    count = whole.postgres_count(session, found, COUNT_CAP + 1)
    if count <= COUNT_CAP:
        return Total(count)
    # As ``total_of`` gives it past the cap.
    return Total(max(planned_rows(session, select(col(Article.id))), count), estimate=True)


def _no_other_filter(filters: ArticleFilters, found: filters_.Plan) -> bool:
    """No filter beside the driving entity (if any) and the query: no group, speaker,
    section or date."""
    return not found.groups and _entities_only(filters, found)


def _entities_alone(
    filters: ArticleFilters, found: filters_.Plan, columns: tuple[Any, ...]
) -> bool:
    """Entity filters alone driven by one: ``app.articles.driven`` pages and counts them
    with statements built once. Built per request (``_by_date``), a person + country
    filter's two statements cost PostgreSQL more instructions than the rest of the request.
    """
    driven_alone = found.driver is not None and _entities_only(filters, found)
    return driven_alone and columns is SUMMARY_COLUMNS


def _entities_total(session: Session, filters: ArticleFilters, found: filters_.Plan) -> Total:
    """The size of a listing of ``_entities_alone``: counted on SQLite; on PostgreSQL
    counted up to ``COUNT_CAP``, past it as ``total_of`` gives it (the planner's estimate)."""
    assert found.driver is not None
    if session.get_bind().dialect.name == "sqlite":
        return Total(driven.entity_count(session, found.driver, found.groups))
    count = driven.entity_count(session, found.driver, found.groups, cap=COUNT_CAP + 1)
    if count <= COUNT_CAP:
        return Total(count)
    return total_of(session, _walked(filters, found, None))


def _entities_only(filters: ArticleFilters, found: filters_.Plan) -> bool:
    """No filter beside entities and the query: no speaker, section or date."""
    dates = filters.published_after or filters.published_before or filters.updated_since
    return not (found.speakers or found.section or dates)


def _among(total: Total) -> int | None:
    """How many of the newest matches were ranked, when they were not all of them."""
    return CANDIDATES if total.count > CANDIDATES else None


def _ranked(
    session: Session,
    query: str,
    where: list[ColumnElement[bool]],
    page: PageRequest,
    columns: tuple[Any, ...],
) -> tuple[Rows, str | None]:
    """By relevance among the newest ``CANDIDATES`` matches."""
    candidates = article_candidates(session, query, where, scored=True).subquery()
    # Order and cut the page on the candidates' own columns first, so only the page's rows
    # are read from the article table (bodies included, for the lede).
    offset = Offset("articles:relevance")
    ranked = offset.apply(
        select(candidates).order_by(candidates.c.score.desc(), candidates.c.id), page
    ).subquery()
    stmt = select(*columns, ranked.c.score).join(ranked, ranked.c.id == Article.id)
    ordered = stmt.order_by(ranked.c.score.desc(), col(Article.id))
    return offset.page(answers.rows(session, ordered), page)


def _matching(
    session: Session,
    filters: ArticleFilters,
    found: filters_.Plan,
    page: PageRequest,
    columns: tuple[Any, ...],
) -> Listing:
    query = filters.q
    assert query is not None
    dated = col(Article.dated_at)
    where = _conditions(found, filters, dated, col(Article.id), with_driver=True)
    matches = count_matches(session, Article, query, where, page.limit)
    if _sort(filters) == "relevance":
        rows, cursor = _ranked(session, query, where, page, columns)
        return Listing(rows, cursor, matches.total, _among(matches.total))
    if matches.dense:
        test: MatchTest = lambda ident: match_test(session, Article, query, ident)  # noqa: E731
        rows, cursor, _ = _by_date(session, filters, found, page, columns, test)
        return Listing(rows, cursor, matches.total)
    # Sort the few matches on their keys alone, then read the page's rows: sorting whole
    # rows would read every match's body (for the lede).
    matching = select(col(Article.id), dated).where(*where, every_match(session, Article, query))
    ids = _keyset(filters, unindexed(dated), col(Article.id)).apply(matching, page).subquery()
    keyset = _keyset(filters, ids.c.dated_at, ids.c.id)
    stmt = select(*columns).join(ids, ids.c.id == Article.id)
    rows, cursor = _page(session, keyset, stmt, page)
    return Listing(rows, cursor, matches.total)


def _query_alone(filters: ArticleFilters, found: filters_.Plan) -> bool:
    """A search by relevance with no other filter: ``app.search.relevance`` (SQLite) or
    ``app.search.relevance_postgres``."""
    alone = found.driver is None and _no_other_filter(filters, found)
    return alone and _sort(filters) == "relevance"


def article_rows(
    session: Session, filters: ArticleFilters, page: PageRequest, columns: tuple[Any, ...]
) -> Listing:
    """One page of summary rows (``columns``), its highlights, and the listing's size."""
    _sort(filters)  # reject relevance without a query before touching the database
    if filters.q is not None and not searchable(filters.q):
        return Listing([], None, Total(0))
    found = filters_.plan(session, filters, may_drive=True)
    if found.empty:
        return Listing([], None, Total(0))
    if not filters.q:
        return _dated(session, filters, found, page, columns)
    if _query_alone(filters, found) and columns is SUMMARY_COLUMNS:
        sqlite = session.get_bind().dialect.name == "sqlite"
        ranked = (ranked_page if sqlite else postgres_ranked_page)(session, filters.q, page)
        total = ranked.total
        return Listing(list(ranked.rows), ranked.cursor, total, _among(total), ranked.highlights)
    listing = _matching(session, filters, found, page, columns)
    listing.highlights = article_highlights(session, filters.q, [r.id for r in listing.rows])
    return listing
