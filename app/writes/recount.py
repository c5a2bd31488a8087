"""Stored entity counts against a recount from the link table, in one query.

``entity.article_count`` and ``entity.mention_count`` are kept by the write path so lists
can sort on an index; they must always equal the number of ``article_entity`` rows and the
sum of their ``mention_count``. ``broadsheet check`` runs this; tests run it after races.
"""

from dataclasses import dataclass

from sqlalchemy import func, or_, select, text, update
from sqlmodel import Session, col

from app.entities.models import ArticleEntity, Entity


@dataclass(frozen=True)
class Drift:
    entity_id: int
    slug: str
    stored_articles: int
    counted_articles: int
    stored_mentions: int
    counted_mentions: int

    def __str__(self) -> str:
        return (
            f"{self.slug} (id {self.entity_id}): articles {self.stored_articles} stored, "
            f"{self.counted_articles} counted; mentions {self.stored_mentions} stored, "
            f"{self.counted_mentions} counted"
        )


def find_drift(session: Session) -> list[Drift]:
    """Every entity whose stored counts differ from the recount (one statement, so one
    consistent snapshot even while writers commit)."""
    links = (
        select(
            col(ArticleEntity.entity_id).label("entity_id"),
            func.count().label("articles"),
            func.sum(ArticleEntity.mention_count).label("mentions"),
        )
        .group_by(col(ArticleEntity.entity_id))
        .subquery()
    )
    articles = func.coalesce(links.c.articles, 0)
    mentions = func.coalesce(links.c.mentions, 0)
    stmt = (
        select(
            col(Entity.id),
            col(Entity.slug),
            col(Entity.article_count),
            articles,
            col(Entity.mention_count),
            mentions,
        )
        .outerjoin(links, links.c.entity_id == Entity.id)
        .where(or_(col(Entity.article_count) != articles, col(Entity.mention_count) != mentions))
        .order_by(col(Entity.id))
    )
    return [Drift(*(row)) for row in session.execute(stmt)]


def repair(session: Session) -> list[Drift]:
    """Set drifted counts to the recount, inside the caller's write transaction; returns
    what was wrong."""
    if session.get_bind().dialect.name == "postgresql":
        # Writers lock entity rows before adding links: waiting for them on the entity table
        # first, then holding the links still, makes the recount final until commit.
        session.execute(text("LOCK TABLE entity IN EXCLUSIVE MODE"))
        session.execute(text("LOCK TABLE article_entity IN SHARE MODE"))
    drifted = find_drift(session)
    if drifted:
        ids = [d.entity_id for d in drifted]
        linked = select(func.count()).where(col(ArticleEntity.entity_id) == Entity.id)
        mentioned = select(func.coalesce(func.sum(ArticleEntity.mention_count), 0)).where(
            col(ArticleEntity.entity_id) == Entity.id
        )
        session.execute(
            update(Entity)
            .where(col(Entity.id).in_(ids))
            .values(
                article_count=linked.scalar_subquery(), mention_count=mentioned.scalar_subquery()
            )
        )
    return drifted
