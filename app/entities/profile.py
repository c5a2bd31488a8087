"""Per-entity views: listing, profile, co-occurrence and timeline, all aggregated in SQL."""

from typing import Any

from sqlalchemy import ColumnElement, Date, cast, func, literal_column, select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from app.articles.models import UNDATED
from app.changes.service import changed_since
from app.entities.models import ArticleEntity, Entity, EntityAlias, Mention
from app.entities.schemas import (
    EntityCounts,
    EntityDetail,
    EntityFilters,
    EntityPublic,
    Interval,
    RelatedEntity,
    TimelineBucket,
)
from app.entities.service import ids_matching, seen_range
from app.pagination import Keyset, Offset, Page, PageRequest, SortKey, total_of
from app.quotes.models import Quote
from app.search.fulltext import prefix_match
from app.text import normalize_name

MOST_COVERED = Keyset(
    "entities:articles",
    [SortKey(col(Entity.article_count), True), SortKey(col(Entity.id), True)],
)


def list_entities(
    session: Session, filters: EntityFilters, page: PageRequest
) -> Page[EntityPublic]:
    # Entities whose articles were all deleted are gone; the index range starts past 0.
    stmt = select(Entity).where(col(Entity.article_count) > 0)
    if filters.q is not None:
        prefix = normalize_name(filters.q)
        dialect = session.get_bind().dialect.name
        named = select(col(EntityAlias.entity_id)).where(
            prefix_match(dialect, col(EntityAlias.normalized), prefix)
        )
        stmt = stmt.where(col(Entity.id).in_(named))
    if filters.type is not None:
        stmt = stmt.where(col(Entity.type) == filters.type)
    if filters.country is not None:
        stmt = stmt.where(_in_country(filters.country))
    if filters.updated_since is not None:
        stmt = stmt.where(col(Entity.id).in_(changed_since("entity", filters.updated_since)))
    rows = session.execute(MOST_COVERED.apply(stmt, page)).scalars().all()
    items, cursor = MOST_COVERED.page(rows, page, lambda e: (e.article_count, e.id))
    return Page(
        items=[EntityPublic.model_validate(e) for e in items],
        next_cursor=cursor,
        **total_of(session, stmt.with_only_columns(col(Entity.id))).fields(),
    )


def _in_country(value: str) -> ColumnElement[bool]:
    """Entities whose country is named by ``value``: a country's name or alias, or any ISO
    code, even one no stored country entity has."""
    codes = select(col(Entity.key)).where(col(Entity.id).in_(ids_matching(value, ("country",))))
    code = value.strip().upper()
    if len(code) == 2:
        return col(Entity.country_code).in_(codes) | (col(Entity.country_code) == code)
    return col(Entity.country_code).in_(codes)


def _count(session: Session, stmt: Any) -> int:
    return int(session.execute(stmt).scalar_one())


def quotes_about_count(session: Session, entity_id: int) -> int:
    inside = (
        select(func.count(func.distinct(Quote.id)))
        .select_from(Mention)
        .join(
            Quote,
            (col(Quote.article_id) == Mention.article_id)
            & (col(Mention.start) >= Quote.start)
            & (col(Mention.end) <= Quote.end),
        )
        .where(col(Mention.entity_id) == entity_id)
    )
    return _count(session, inside)


def entity_detail(session: Session, entity: Entity) -> EntityDetail:
    assert entity.id is not None
    aliases = session.execute(
        select(col(EntityAlias.name))
        .where(col(EntityAlias.entity_id) == entity.id)
        .order_by(col(EntityAlias.name))
    ).scalars()
    said = select(func.count()).select_from(Quote).where(col(Quote.speaker_id) == entity.id)
    first, last = seen_range(session, entity.id)
    counts = EntityCounts(
        articles=entity.article_count,
        mentions=entity.mention_count,
        quotes_said=_count(session, said),
        quotes_about=quotes_about_count(session, entity.id),
    )
    return EntityDetail.model_validate(
        {
            **entity.model_dump(),
            "aliases": [a for a in aliases if a != entity.name],
            "counts": counts,
            "first_seen": first,
            "last_seen": last,
        }
    )


def related_entities(session: Session, entity: Entity, page: PageRequest) -> Page[RelatedEntity]:
    """Entities that share articles with this one, most shared first."""
    mine, theirs = aliased(ArticleEntity), aliased(ArticleEntity)
    shared = func.count().label("shared_articles")
    stmt = (
        select(Entity, shared)
        .join(theirs, col(theirs.entity_id) == Entity.id)
        .join(mine, col(mine.article_id) == theirs.article_id)
        .where(col(mine.entity_id) == entity.id, col(theirs.entity_id) != entity.id)
        .group_by(col(Entity.id))
        .order_by(shared.desc(), col(Entity.article_count).desc(), col(Entity.id))
    )
    offset = Offset(f"related:{entity.id}")
    rows = session.execute(offset.apply(stmt, page)).all()
    items, cursor = offset.page(rows, page)
    return Page(
        items=[
            RelatedEntity.model_validate({**e.model_dump(), "shared_articles": n}) for e, n in items
        ],
        next_cursor=cursor,
        **total_of(session, stmt).fields(),
    )


def _period(dialect: str, interval: Interval) -> ColumnElement[Any]:
    column = col(ArticleEntity.dated_at)
    if dialect == "sqlite":
        modifiers = {"day": [], "week": ["weekday 0", "-6 days"], "month": ["start of month"]}
        return func.date(column, *modifiers[interval])
    utc = column.op("AT TIME ZONE")(literal_column("'UTC'"))
    return cast(func.date_trunc(interval, utc), Date)


def timeline(
    session: Session, entity: Entity, interval: Interval, page: PageRequest
) -> Page[TimelineBucket]:
    """Articles and mentions per day, ISO week (from Monday) or month, oldest first; undated
    articles belong to no period."""
    period = _period(session.get_bind().dialect.name, interval).label("period")
    stmt = (
        select(
            period,
            func.count().label("articles"),
            func.sum(ArticleEntity.mention_count).label("mentions"),
        )
        .where(col(ArticleEntity.entity_id) == entity.id, col(ArticleEntity.dated_at) > UNDATED)
        .group_by(period)
        .order_by(period)
    )
    offset = Offset(f"timeline:{entity.id}:{interval}")
    rows = session.execute(offset.apply(stmt, page)).all()
    items, cursor = offset.page(rows, page)
    return Page(
        items=[TimelineBucket.model_validate(dict(row._mapping)) for row in items],
        next_cursor=cursor,
        **total_of(session, stmt).fields(),
    )
