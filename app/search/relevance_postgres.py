"""PostgreSQL: a page of articles matching a full-text query alone, by relevance, from
statements built once (as ``app.search.relevance`` does on SQLite).

The general path (``app.articles.listing._ranked``) built the ranked page per request and
read the page's highlight windows in a statement of its own. Here the page, its windows and
(through the RUM index) the count of the newest matches are one statement per order in
which the newest matches are found (``fulltext.newest_order``), compiled once per process.
"""

from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Integer, String, bindparam, func, literal_column, select, true
from sqlmodel import Session

from app.answers import rows
from app.articles.built import TOPS
from app.articles.models import Article
from app.articles.queries import A_TABLE, SUMMARY_COLUMNS, A
from app.pagination import AnySelect, Offset, PageRequest
from app.search import fulltext, matches
from app.search.fulltext import HIGHLIGHT_WINDOW, newest_key, newest_order, window_highlight
from app.search.matches import count_matches, rum_counted, rum_matches
from app.search.relevance import RankedPage
from app.search.terms import query_words

_OFFSET = Offset("articles:relevance")


@lru_cache(maxsize=4)
def _page(order: str, counted: bool) -> AnySelect:
    """The ranked page among the newest ``candidates`` matches of ``terms`` found in
    ``order``, with each row's highlight window and ``TOPS``; ``counted`` adds
    ``rum_counted``'s columns (``rum_walked``), on a row of their own when the page is
    empty."""
    vector: ColumnElement[Any] = literal_column(f"{Article.__tablename__}.search_vector")
    tsquery = func.websearch_to_tsquery("english", bindparam("terms", type_=String))
    candidates = (
        select(A.id.label("id"), func.ts_rank_cd(vector, tsquery, 32).label("score"))
        .where(vector.op("@@")(tsquery))
        .order_by(newest_key(Article, order))
        .limit(bindparam("candidates", type_=Integer))
        .subquery("candidates")
    )
    ranked = (
        select(candidates)
        .order_by(candidates.c.score.desc(), candidates.c.id)
        .offset(bindparam("offset", type_=Integer))
        .limit(bindparam("limit", type_=Integer))
        .subquery("ranked")
    )
    window = func.substr(A.body, 1, HIGHLIGHT_WINDOW).label("window")
    page = ranked.join(A_TABLE, A.id == ranked.c.id)
    columns = (*SUMMARY_COLUMNS, ranked.c.score, window, TOPS)
    if counted:
        walked = rum_counted(Article, tsquery, []).subquery("walked")
        stmt = select(walked, *columns).select_from(walked.outerjoin(page, true()))
    else:
        stmt = select(*columns).select_from(page)
    return stmt.order_by(ranked.c.score.desc(), A.id)


def ranked_page(session: Session, query: str, page: PageRequest) -> RankedPage:
    """The page of matches of ``query`` (searchable) by relevance, as the general path
    gives it (``app.articles.listing._ranked``)."""
    order = newest_order(session, Article, query)
    counted = order == "rum"
    params: dict[str, Any] = {
        "terms": query,
        "limit": page.limit + 1,
        "offset": _OFFSET.start(page),
        "candidates": fulltext.CANDIDATES,  # read per call, as the general path reads it
    }
    if counted:
        params["rum_walked"] = matches.COUNT_CAP + 1
    found = rows(session, _page(order, counted), **params)
    if counted:
        first = found[0]
        total = rum_matches(first.walked, first.lowest, first.highest).total
    else:
        total = count_matches(session, Article, query, [], page.limit).total
    items, cursor = _OFFSET.page([row for row in found if row.id is not None], page)
    words = query_words(query)
    highlights = {row.id: window_highlight(row.window, words) for row in items}
    return RankedPage(items, cursor, total, highlights)
