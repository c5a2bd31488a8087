"""SQLite: a page of articles matching a full-text query alone, by relevance, in one statement.

``/articles?q=`` and ``/search?q=`` without other filters are the commonest searches. The
general path (``app.articles.listing``) builds four statements per request: the matches
counted, the highest id, the page ranked, its bodies read for highlights. Here one, built
once at import (so compiled once per process), returns the count of the newest matches
(on a row of its own when the page is empty), the ranked page and each row's highlight
window. Measured in-process at 100k articles (rare words, CPU per request): 5.5 ms with the
four statements, 2.8 ms with this one (with top entities prebuilt too); SQLite's own time
was about a third of the four statements' cost.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Integer, bindparam, column, func, literal_column, select, table, true
from sqlmodel import Session

from app.answers import Record, rows
from app.articles.queries import A_TABLE, A, summary_columns
from app.pagination import Offset, PageRequest, Total
from app.prepared import Prepared
from app.search import fulltext, matches
from app.search.fulltext import HIGHLIGHT_WINDOW, TITLE_WEIGHTS, window_highlight
from app.search.matches import sqlite_total
from app.search.terms import fts5_query, query_words

_FTS = table("article_fts", column("rowid", Integer))
_MATCHING = literal_column("article_fts").op("MATCH")(bindparam("terms"))

# The newest ``COUNT_CAP`` + 1 matches, counted as ``app.search.matches`` counts them.
_NEWEST = (
    select(_FTS.c.rowid.label("id"))
    .where(_MATCHING)
    .order_by(_FTS.c.rowid.desc())
    .limit(bindparam("walked"))
    .subquery("newest")
)
_WALKED = select(
    func.count().label("walked"),
    func.min(_NEWEST.c.id).label("lowest"),
    select(func.max(A.id)).scalar_subquery().label("highest"),
).subquery("walked")
# Ranked among the newest ``CANDIDATES`` matches; the page is cut before any article row is read.
_CANDIDATES = (
    select(
        _FTS.c.rowid.label("id"),
        (-func.bm25(literal_column("article_fts"), *TITLE_WEIGHTS)).label("score"),
    )
    .where(_MATCHING)
    .order_by(_FTS.c.rowid.desc())
    .limit(bindparam("candidates"))
    .subquery("candidates")
)
_RANKED = (
    select(_CANDIDATES)
    .order_by(_CANDIDATES.c.score.desc(), _CANDIDATES.c.id)
    .limit(bindparam("limit"))
    .offset(bindparam("offset"))
    .subquery("ranked")
)
# The summary's ``lede`` column carries the highlight window, which the lede is cut from
# too: each body is read once, not twice (SQLite reads a body's overflow pages per column).
PAGE = Prepared(
    select(_WALKED, *summary_columns(HIGHLIGHT_WINDOW), _RANKED.c.score)
    .select_from(_WALKED.outerjoin(_RANKED.join(A_TABLE, A.id == _RANKED.c.id), true()))
    .order_by(_RANKED.c.score.desc(), A.id)
)
_OFFSET = Offset("articles:relevance")


@dataclass
class RankedPage:
    rows: Sequence[Record]  # summary columns (``lede`` the highlight window) and ``score``
    cursor: str | None
    total: Total
    highlights: dict[int, str]


def ranked_page(session: Session, query: str, page: PageRequest) -> RankedPage:
    """The page of matches of ``query`` (searchable) by relevance, as the general path
    gives it (``app.articles.listing._ranked``)."""
    found = rows(
        session,
        PAGE,
        terms=fts5_query(query),
        limit=page.limit + 1,
        offset=_OFFSET.start(page),
        # Read per call, as the general path reads them.
        walked=matches.COUNT_CAP + 1,
        candidates=fulltext.CANDIDATES,
    )
    first = found[0]
    total = sqlite_total(first.walked, first.lowest, first.highest or 0, first.walked)
    items, cursor = _OFFSET.page([row for row in found if row.id is not None], page)
    words = query_words(query)
    highlights = {row.id: window_highlight(row.lede, words) for row in items}
    return RankedPage(items, cursor, total, highlights)
