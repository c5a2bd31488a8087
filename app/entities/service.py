"""Entity look-ups: names, slugs and redirects, and the per-entity queries."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, union
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from app.articles.models import UNDATED
from app.entities.models import ArticleEntity, Entity, EntityAlias, EntityRedirect, Mention
from app.errors import Gone, Moved, NotFound
from app.pagination import AnySelect
from app.quotes.models import Quote
from app.text import normalize_name


def ids_matching(value: str, types: Sequence[str] | None = None) -> AnySelect:
    """Ids of entities a user string names: slug, name, alias, or (countries) ISO code."""
    slug, normalized, code = lookup_names(value)
    return ids_named(slug, normalized, code if by_code(code, types) else None, types)


def lookup_names(value: str) -> tuple[str, str, str]:
    """What a user string is looked up as: a slug, a normalized name and an ISO code."""
    return value.strip().lower(), normalize_name(value), value.strip().upper()


def by_code(code: str, types: Sequence[str] | None) -> bool:
    """Whether a lookup also tries ``code`` as a country's ISO code."""
    return len(code) == 2 and (types is None or "country" in types)


def ids_named(slug: Any, normalized: Any, code: Any, types: Sequence[str] | None) -> AnySelect:
    """``ids_matching`` from its parts (values or bound parameters; no ``code``: None)."""
    branches: list[AnySelect] = [
        select(col(Entity.id)).where(col(Entity.slug) == slug),
        select(col(EntityAlias.entity_id)).where(col(EntityAlias.normalized) == normalized),
    ]
    if code is not None:
        branches.append(
            select(col(Entity.id)).where(col(Entity.type) == "country", col(Entity.key) == code)
        )
    # A UNION of lookups, each on its own index, then the type on the few rows found: with
    # one OR (or the type inside each lookup) SQLite walked every entity of the type
    # instead (30 ms per person at 1M articles).
    stmt = select(col(Entity.id)).where(col(Entity.id).in_(union(*branches)))
    if types:
        stmt = stmt.where(col(Entity.type).in_(types))
    return stmt


def get_entity(session: Session, slug: str) -> Entity:
    """An entity that some stored article mentions: one whose last article was deleted is
    gone from the API (its row stays, so a new article naming it finds it again). One that
    re-extraction left without articles raises ``Moved`` to the entity its names now belong
    to, or ``Gone`` when none does."""
    entity = session.exec(select(Entity).where(Entity.slug == slug)).first()
    if entity is not None and entity.article_count > 0:
        return entity
    if entity is not None:
        assert entity.id is not None
        _follow_redirect(session, entity.id, slug)
    raise NotFound(f"No entity with slug '{slug}'")


# Successors are flattened as they move on; the bound only guards against a cycle a hand
# edit could make.
MAX_HOPS = 8


def _follow_redirect(session: Session, start: int, slug: str) -> None:
    """Raise ``Moved`` or ``Gone`` for an entity without articles that has a redirect;
    return when it has none (a plain 404)."""
    current = start
    for _ in range(MAX_HOPS):
        row = session.execute(
            select(col(EntityRedirect.target_id), col(Entity.slug), col(Entity.article_count))
            .outerjoin(Entity, col(Entity.id) == col(EntityRedirect.target_id))
            .where(col(EntityRedirect.entity_id) == current)
        ).first()
        if row is None and current == start:
            return
        if row is None or row[0] is None:
            break
        target, target_slug, articles = row
        if articles > 0:
            raise Moved(
                f"Entity '{slug}' was merged into '{target_slug}'", old=slug, new=target_slug
            )
        current = target
    raise Gone(f"Entity '{slug}' was removed by re-extraction and has no successor")


def entity_id(session: Session, slug: str) -> int:
    entity = get_entity(session, slug)
    assert entity.id is not None
    return entity.id


def quotes_about_clause(entity_ids: AnySelect | list[int]) -> ColumnElement[bool]:
    """Quotes whose span contains a mention of one of these entities."""
    inside = (
        select(Mention.id)
        .where(
            Mention.article_id == Quote.article_id,
            col(Mention.entity_id).in_(entity_ids),
            Mention.start >= Quote.start,
            Mention.end <= Quote.end,
        )
        .exists()
    )
    return inside


def articles_with(entity_ids: AnySelect | list[int], article_id: Any) -> ColumnElement[bool]:
    """The article mentions one of these entities."""
    # An alias of its own, so the check never correlates with a join on the same table.
    link = aliased(ArticleEntity)
    return (
        select(col(link.article_id))
        .where(col(link.article_id) == article_id, col(link.entity_id).in_(entity_ids))
        .exists()
    )


def seen_range(session: Session, entity_id: int) -> tuple[Any, Any]:
    """First and last publication dates among its articles; undated ones do not count."""
    first, last = session.exec(
        select(func.min(ArticleEntity.dated_at), func.max(ArticleEntity.dated_at)).where(
            ArticleEntity.entity_id == entity_id, col(ArticleEntity.dated_at) > UNDATED
        )
    ).one()
    return first, last
