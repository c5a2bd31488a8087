"""Entities re-extraction leaves without articles keep answering at their old slug.

An entity whose last article no longer names it, while its name has become an alias of
another entity of the same type (re-extraction now reads "Blair" as the "Tony Blair" named
in the same article), is recorded as merged into that one: its slug answers 308 there, and
the change feed says ``merged``. One whose names no other entity holds is recorded with no
successor and answers 410 Gone. The rows stay, as those of entities whose articles were
deleted do: an article naming one again brings it back at the same slug.
"""

from sqlalchemy import func, select, update
from sqlmodel import Session, col

from app.articles.models import utcnow
from app.entities.models import Entity, EntityAlias, EntityRedirect
from app.text import normalize_name
from app.writes.locks import insert_ignore


def settle(session: Session, left: set[int]) -> tuple[int, list[int]]:
    """Record where each entity in ``left`` (ids that lost an article in this transaction,
    their rows locked) went if it has no article now: how many merged, and the ids of
    those orphaned (no successor)."""
    if not left:
        return 0, []
    orphans = session.execute(
        select(col(Entity.id), col(Entity.type), col(Entity.name))
        .where(col(Entity.id).in_(left), col(Entity.article_count) == 0)
        .order_by(col(Entity.id))
    ).all()
    gone: list[int] = []
    for entity_id, type_, name in orphans:
        target = successor(session, entity_id, type_, name)
        redirect(session, entity_id, target)
        if target is None:
            gone.append(entity_id)
    return len(orphans) - len(gone), gone


def successor(session: Session, entity_id: int, type_: str, name: str) -> int | None:
    """The live entity of the same type holding this one's name as an alias; among several,
    the one holding most of its other aliases too, then the most covered."""
    own = select(col(EntityAlias.normalized)).where(col(EntityAlias.entity_id) == entity_id)
    holds_name = select(col(EntityAlias.entity_id)).where(
        col(EntityAlias.normalized) == normalize_name(name)
    )
    shared = func.count(col(EntityAlias.id))
    row = session.execute(
        select(col(Entity.id))
        .join(EntityAlias, col(EntityAlias.entity_id) == col(Entity.id))
        .where(
            col(Entity.id).in_(holds_name),
            col(Entity.id) != entity_id,
            col(Entity.type) == type_,
            col(Entity.article_count) > 0,
            col(EntityAlias.normalized).in_(own),
        )
        .group_by(col(Entity.id), col(Entity.article_count))
        .order_by(shared.desc(), col(Entity.article_count).desc(), col(Entity.id))
        .limit(1)
    ).first()
    return None if row is None else int(row[0])


def redirect(session: Session, entity_id: int, target: int | None) -> None:
    """Point ``entity_id`` at ``target`` (None: gone), and everything that pointed at
    ``entity_id`` at ``target`` too, so a redirect is always one hop."""
    now = utcnow()
    session.execute(
        insert_ignore(session, EntityRedirect).values(
            entity_id=entity_id, target_id=target, redirected_at=now
        )
    )
    session.execute(
        update(EntityRedirect)
        .where(
            col(EntityRedirect.entity_id) == entity_id,
            col(EntityRedirect.target_id).is_distinct_from(target),
        )
        .values(target_id=target, redirected_at=now)
    )
    if target is not None:
        session.execute(
            update(EntityRedirect)
            .where(col(EntityRedirect.target_id) == entity_id)
            .values(target_id=target, redirected_at=now)
        )


def revisit(session: Session, gone: list[int]) -> int:
    """Give a successor to the entities a run orphaned whose names another entity took
    later in the run; how many found one (still without articles and successor)."""
    if not gone:
        return 0
    rows = session.execute(
        select(col(Entity.id), col(Entity.type), col(Entity.name))
        .join(EntityRedirect, col(EntityRedirect.entity_id) == col(Entity.id))
        .where(
            col(Entity.id).in_(gone),
            col(EntityRedirect.target_id).is_(None),
            col(Entity.article_count) == 0,
        )
        .order_by(col(Entity.id))
    ).all()
    found = 0
    for entity_id, type_, name in rows:
        target = successor(session, entity_id, type_, name)
        if target is not None:
            redirect(session, entity_id, target)
            found += 1
    return found
