"""Section lookups and filters, answered from the ``(section, dated_at, id)`` index."""

from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlmodel import Session, col

from app.articles.models import Article
from app.errors import InvalidInput
from app.extraction.section import normalize_section
from app.pagination import Page
from app.sections.schemas import SectionCount

SUGGESTIONS = 20


def section_counts(session: Session) -> list[SectionCount]:
    """Every section with its number of articles, largest first (an index-only count)."""
    count = func.count().label("n")
    stmt = (
        select(col(Article.section), count)
        .where(col(Article.section).is_not(None))
        .group_by(col(Article.section))
        .order_by(count.desc(), col(Article.section))
    )
    return [SectionCount(name=name, article_count=n) for name, n in session.execute(stmt)]


def list_sections(session: Session) -> Page[SectionCount]:
    counts = section_counts(session)
    return Page(items=counts, next_cursor=None, total=len(counts))


def require_section(session: Session, value: str) -> str:
    """The stored spelling of a section asked for, in any case; a section no article has is
    bad input (a typo would otherwise look like an empty desk). One index probe."""
    section = normalize_section(value)
    if section is not None:
        stmt = select(col(Article.id)).where(col(Article.section) == section).limit(1)
        if session.execute(stmt).first() is not None:
            return section
    known = ", ".join(s.name for s in section_counts(session)[:SUGGESTIONS]) or "none yet"
    raise InvalidInput(f"No article has the section '{value}'; known: {known}", field="section")


def in_section(section: str, article_id: Any) -> ColumnElement[bool]:
    """Articles (by id column, e.g. a link table's) of one section, as a filter clause."""
    return col(article_id).in_(select(col(Article.id)).where(col(Article.section) == section))
