"""Read what the archive knows into a ``Knowledge`` snapshot for extraction."""

from collections import defaultdict
from typing import cast

from sqlalchemy import select
from sqlmodel import Session, col

from app.entities.models import Entity, EntityAlias
from app.extraction.knowledge import Knowledge, KnownEntity
from app.extraction.schemas import EntityType


def load_snapshot(session: Session, *, min_articles: int = 1) -> Knowledge:
    """Every entity named in at least ``min_articles`` articles, with its aliases.

    Two queries, not one per entity: the snapshot of 100k articles is read in one pass.
    """
    rows = session.execute(
        select(
            col(Entity.id),
            col(Entity.name),
            col(Entity.type),
            col(Entity.country_code),
            col(Entity.article_count),
        )
        .where(col(Entity.article_count) >= min_articles)
        .order_by(col(Entity.id))
    ).all()
    aliases: defaultdict[int, list[str]] = defaultdict(list)
    wanted = select(col(EntityAlias.entity_id), col(EntityAlias.name)).join(
        Entity, col(Entity.id) == col(EntityAlias.entity_id)
    )
    for entity_id, name in session.execute(
        wanted.where(col(Entity.article_count) >= min_articles).order_by(col(EntityAlias.id))
    ):
        aliases[entity_id].append(name)
    return Knowledge(
        tuple(
            KnownEntity(
                name=name,
                type=cast(EntityType, type_),
                aliases=tuple(alias for alias in aliases[entity_id] if alias != name),
                country_code=country_code,
                articles=article_count,
            )
            for entity_id, name, type_, country_code, article_count in rows
        )
    )
