"""Article filters, planned so the database reads as little as possible.

Entity filters are resolved to ids first. When the listing is in date order, the entity
with the fewest articles drives it: its rows in ``article_entity`` are already in date
order, so a page costs one short index range scan, however large the archive."""

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, bindparam, select
from sqlmodel import Session, col

from app.answers import rows
from app.articles.models import UNDATED, Article
from app.articles.schemas import ArticleFilters
from app.changes.service import changed_since
from app.entities import service as entities
from app.entities.models import Entity
from app.prepared import Prepared
from app.quotes import service as quotes
from app.schemas import as_utc
from app.sections.service import in_section, require_section


def date_clauses(
    column: Any, after: datetime | None, before: datetime | None
) -> list[ColumnElement[bool]]:
    """A date range on a stored sort date; any range leaves out the undated."""
    clauses = []
    if after is not None or before is not None:
        clauses.append(column > UNDATED)
    if after is not None:
        clauses.append(column >= as_utc(after))
    if before is not None:
        clauses.append(column < as_utc(before))
    return clauses


def written_since(since: datetime | None, article_id: Any) -> list[ColumnElement[bool]]:
    """Articles stored or re-extracted at or after ``since``, by the change log's index."""
    if since is None:
        return []
    return [article_id.in_(changed_since("article", since))]


@dataclass
class Plan:
    """Resolved filters: ``driver`` is the entity whose index the listing walks, if any."""

    empty: bool = False
    driver: int | None = None
    driver_articles: int = 0  # the driver's stored article count
    groups: list[list[int]] = field(default_factory=list)  # each: any of these ids
    speakers: list[str] = field(default_factory=list)
    section: str | None = None  # as stored


def _entity_values(filters: ArticleFilters) -> list[tuple[str, tuple[str, ...] | None]]:
    typed: list[tuple[list[str], tuple[str, ...] | None]] = [
        (filters.person, ("person",)),
        (filters.country, ("country",)),
        (filters.organization, ("organization",)),
        (filters.entity, None),
    ]
    return [(value, types) for values, types in typed for value in values]


@lru_cache(maxsize=16)
def _sized(code: bool, types: tuple[str, ...] | None) -> Prepared:
    by_code: Any = bindparam("code") if code else None
    ids = entities.ids_named(bindparam("slug"), bindparam("normalized"), by_code, types)
    return Prepared(
        select(col(Entity.id), col(Entity.article_count)).where(col(Entity.id).in_(ids))
    )


def _sized_matches(
    session: Session, value: str, types: tuple[str, ...] | None
) -> list[tuple[int, int]]:
    """Id and article count of each entity ``value`` names (``entities.ids_matching``):
    one statement per kind of lookup, built once; building it per request cost more than
    running it."""
    slug, normalized, code = entities.lookup_names(value)
    by_code = entities.by_code(code, types)
    params = {"slug": slug, "normalized": normalized} | ({"code": code} if by_code else {})
    return [(row[0], row[1]) for row in rows(session, _sized(by_code, types), **params)]


def plan(session: Session, filters: ArticleFilters, *, may_drive: bool) -> Plan:
    """Resolve each entity filter (one small indexed query each) and pick a driver."""
    result = Plan(speakers=list(filters.speaker))
    if filters.section is not None:
        result.section = require_section(session, filters.section)
    sized: list[tuple[int, list[int]]] = []
    for value, types in _entity_values(filters):
        rows = _sized_matches(session, value, types)
        if not rows:
            return Plan(empty=True)
        sized.append((sum(count for _, count in rows), [entity_id for entity_id, _ in rows]))
    sized.sort()
    if may_drive and sized and len(sized[0][1]) == 1:
        result.driver_articles, (result.driver,) = sized.pop(0)
    result.groups = [ids for _, ids in sized]
    return result


def clauses(plan: Plan, article_id: Any, *, with_driver: bool = False) -> list[ColumnElement[bool]]:
    """Every filter but the driver (unless ``with_driver``), as existence checks on one
    article."""
    groups = [[plan.driver], *plan.groups] if with_driver and plan.driver else plan.groups
    found = [entities.articles_with(ids, article_id) for ids in groups]
    for value in plan.speakers:
        found.append(quotes.article_has_speaker(entities.ids_matching(value), article_id))
    if plan.section is not None:
        # On the article table itself a plain equality, so the (section, dated_at, id)
        # index can serve the listing; from a link table, a lookup by id.
        on_article = article_id is Article.id
        found.append(
            (col(Article.section) == plan.section)
            if on_article
            else in_section(plan.section, article_id)
        )
    return found


def conditions(session: Session, filters: ArticleFilters) -> list[ColumnElement[bool]] | None:
    """Every filter but ``q`` as clauses on the article table; None when nothing can match."""
    found = plan(session, filters, may_drive=False)
    if found.empty:
        return None
    dates = date_clauses(col(Article.dated_at), filters.published_after, filters.published_before)
    written = written_since(filters.updated_since, col(Article.id))
    return [*clauses(found, col(Article.id)), *dates, *written]
