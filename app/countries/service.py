"""Countries: the country entities, addressed by ISO code."""

from sqlalchemy import select
from sqlmodel import Session, col

from app.countries.schemas import CountryDetail, CountryPublic
from app.entities.models import Entity
from app.entities.profile import MOST_COVERED, entity_detail
from app.entities.schemas import EntityPublic
from app.errors import NotFound
from app.pagination import Page, PageRequest, total_of

TOP_PLACES = 10


def _public(entity: Entity) -> CountryPublic:
    return CountryPublic(
        code=entity.key,
        name=entity.name,
        slug=entity.slug,
        article_count=entity.article_count,
    )


def list_countries(session: Session, page: PageRequest) -> Page[CountryPublic]:
    stmt = select(Entity).where(col(Entity.type) == "country", col(Entity.article_count) > 0)
    rows = session.execute(MOST_COVERED.apply(stmt, page)).scalars().all()
    items, cursor = MOST_COVERED.page(rows, page, lambda e: (e.article_count, e.id))
    total = total_of(session, stmt.with_only_columns(col(Entity.id)))
    return Page(items=[_public(e) for e in items], next_cursor=cursor, **total.fields())


def country_detail(session: Session, code: str) -> CountryDetail:
    entity = session.execute(
        select(Entity).where(
            col(Entity.type) == "country",
            col(Entity.key) == code.upper(),
            col(Entity.article_count) > 0,
        )
    ).scalar()
    if entity is None:
        raise NotFound(f"No country with code '{code}' appears in any article", field="code")
    places = session.execute(
        select(Entity)
        .where(col(Entity.type) == "place", col(Entity.country_code) == entity.key)
        .order_by(col(Entity.article_count).desc(), col(Entity.id))
        .limit(TOP_PLACES)
    ).scalars()
    profile = entity_detail(session, entity)
    return CountryDetail(
        **_public(entity).model_dump(),
        aliases=profile.aliases,
        counts=profile.counts,
        first_seen=profile.first_seen,
        last_seen=profile.last_seen,
        places=[EntityPublic.model_validate(p) for p in places],
    )
