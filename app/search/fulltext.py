"""Full-text matching, ranking and highlighting on each backend.

SQLite uses FTS5 external-content tables kept in step by triggers; PostgreSQL uses
generated ``tsvector`` columns with GIN indexes. Any user string is safe: on SQLite it is
rebuilt into quoted FTS5 terms, on PostgreSQL ``websearch_to_tsquery`` never fails to parse.
"""

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Integer, bindparam, column, func, literal_column, table

_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")
HIGHLIGHT_START, HIGHLIGHT_END = "<mark>", "</mark>"


def _quoted(text: str) -> str | None:
    words = _WORD.findall(text)
    return '"' + " ".join(words) + '"' if words else None


def _group(included: list[str], excluded: list[str]) -> str:
    query = " ".join(included)
    if excluded:
        query = f"({query})" + "".join(f" NOT {term}" for term in excluded)
    return query


def fts5_query(text: str) -> str | None:
    """A user query as FTS5 syntax, read as PostgreSQL's ``websearch_to_tsquery`` reads it:
    words AND-ed, "quoted phrases", -excluded terms, and OR binding loosest.

    Every term is double-quoted, so FTS5 operators, column filters and stray punctuation
    in the input are plain text. None when the input holds no word to look for.
    """
    groups: list[tuple[list[str], list[str]]] = [([], [])]
    for match in _TOKEN.finditer(text):
        minus, phrase, bare = match.groups()
        if bare == "OR" and groups[-1][0]:
            groups.append(([], []))
            continue
        negated = bool(minus) or (bare is not None and bare.startswith("-") and len(bare) > 1)
        term = _quoted(phrase if phrase is not None else bare)
        if term:
            groups[-1][1 if negated else 0].append(term)
    # FTS5 cannot express "everything but": a group with nothing to include is dropped.
    rendered = [_group(included, excluded) for included, excluded in groups if included]
    if len(rendered) > 1:
        return " OR ".join(f"({group})" if " " in group else group for group in rendered)
    return rendered[0] if rendered else None


@dataclass(frozen=True)
class TextMatch:
    """How to filter, rank and highlight one searchable table for one query."""

    matches: ColumnElement[bool]
    rank: ColumnElement[float]  # higher is better on both backends
    join_on: ColumnElement[bool] | None  # SQLite joins its FTS table; PostgreSQL needs none
    fts_table: Any


def _sqlite(name: str, key: Any, query: str) -> TextMatch:
    fts = table(name, column("rowid", Integer))
    fts_ref: ColumnElement[Any] = literal_column(name)
    weights = (10.0, 1.0) if name == "article_fts" else (1.0,)
    return TextMatch(
        matches=fts_ref.op("MATCH")(bindparam(f"{name}_q", fts5_query(query) or '""')),
        # bm25 is lower-is-better; negate so both backends sort descending.
        rank=-func.bm25(fts_ref, *weights),
        join_on=fts.c.rowid == key,
        fts_table=fts,
    )


def _postgres(vector: str, query: str) -> TextMatch:
    tsquery = func.websearch_to_tsquery("english", query)
    return TextMatch(
        matches=literal_column(vector).op("@@")(tsquery),
        rank=func.ts_rank_cd(literal_column(vector), tsquery, 32),
        join_on=None,
        fts_table=None,
    )


def match_articles(dialect: str, query: str, article_id: Any) -> TextMatch:
    if dialect == "sqlite":
        return _sqlite("article_fts", article_id, query)
    return _postgres("article.search_vector", query)


def match_quotes(dialect: str, query: str, quote_id: Any) -> TextMatch:
    if dialect == "sqlite":
        return _sqlite("quote_fts", quote_id, query)
    return _postgres("quote.search_vector", query)


def article_highlight(dialect: str, query: str, body: Any) -> ColumnElement[str]:
    if dialect == "sqlite":
        return func.snippet(
            literal_column("article_fts"), 1, HIGHLIGHT_START, HIGHLIGHT_END, "…", 24
        )
    options = f"StartSel={HIGHLIGHT_START}, StopSel={HIGHLIGHT_END}, MaxWords=35, MinWords=15"
    return func.ts_headline("english", body, func.websearch_to_tsquery("english", query), options)


def searchable(query: str | None) -> bool:
    return bool(query and fts5_query(query))


def prefix_match(dialect: str, column: Any, prefix: str) -> ColumnElement[bool]:
    """``column`` starts with ``prefix``, in a form each backend serves from a btree index."""
    if dialect == "sqlite":
        # GLOB is case-sensitive, so SQLite can range-scan the index; LIKE could not.
        escaped = re.sub(r"([*?\[])", r"[\1]", prefix)
        result: ColumnElement[bool] = column.op("GLOB")(escaped + "*")
        return result
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.like(escaped + "%", escape="\\")
