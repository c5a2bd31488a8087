"""Entity rules: identity across articles, name lookup, and the per-entity queries."""

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import func, or_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from app.entities.models import ArticleEntity, Entity, EntityAlias, Mention
from app.errors import NotFound
from app.extraction import ExtractedEntity
from app.pagination import AnySelect
from app.quotes.models import Quote
from app.text import normalize_name, slugify


def entity_key(entity: ExtractedEntity) -> str:
    if entity.type == "country" and entity.country_code:
        return entity.country_code.upper()
    return normalize_name(entity.name)


def _free_slug(session: Session, name: str, type_: str) -> str:
    base = slugify(name, max_length=100)
    for candidate in [base, f"{base}-{type_}", *(f"{base}-{type_}-{n}" for n in range(2, 1000))]:
        taken = session.exec(select(Entity.id).where(Entity.slug == candidate)).first()
        if taken is None:
            return candidate
    raise RuntimeError(f"no free slug for {name!r}")


def _find(session: Session, type_: str, key: str) -> Entity | None:
    return session.exec(select(Entity).where(Entity.type == type_, Entity.key == key)).first()


def upsert_entity(session: Session, extracted: ExtractedEntity) -> Entity:
    """The stored entity for an extracted one: found by type and key, else created."""
    key = entity_key(extracted)
    entity = _find(session, extracted.type, key)
    if entity is None:
        entity = Entity(
            name=extracted.name,
            type=extracted.type,
            key=key,
            slug=_free_slug(session, extracted.name, extracted.type),
            country_code=extracted.country_code.upper() if extracted.country_code else None,
            description=extracted.description,
        )
        try:
            # A concurrent writer may create the same entity first; the savepoint lets
            # this transaction carry on with theirs.
            with session.begin_nested():
                session.add(entity)
        except IntegrityError:
            entity = _find(session, extracted.type, key)
            if entity is None:
                raise
    elif entity.description is None and extracted.description:
        entity.description = extracted.description
    _add_aliases(session, entity, [extracted.name, *extracted.aliases])
    return entity


def _add_aliases(session: Session, entity: Entity, names: Iterable[str]) -> None:
    assert entity.id is not None
    wanted = {normalize_name(n): n for n in names if normalize_name(n)}
    known = set(
        session.exec(
            select(EntityAlias.normalized).where(
                EntityAlias.entity_id == entity.id, col(EntityAlias.normalized).in_(wanted)
            )
        )
    )
    for normalized, name in wanted.items():
        if normalized not in known:
            session.add(EntityAlias(entity_id=entity.id, name=name, normalized=normalized))


def ids_matching(value: str, types: Sequence[str] | None = None) -> AnySelect:
    """Ids of entities a user string names: slug, name, alias, or (countries) ISO code."""
    norm = normalize_name(value)
    alias_ids = select(EntityAlias.entity_id).where(EntityAlias.normalized == norm)
    named: list[ColumnElement[bool]] = [
        col(Entity.slug) == value.strip().lower(),
        col(Entity.id).in_(alias_ids),
    ]
    if len(value.strip()) == 2 and (types is None or "country" in types):
        named.append((col(Entity.type) == "country") & (col(Entity.key) == value.strip().upper()))
    stmt = select(Entity.id).where(or_(*named))
    if types:
        stmt = stmt.where(col(Entity.type).in_(types))
    return stmt


def get_entity(session: Session, slug: str) -> Entity:
    entity = session.exec(select(Entity).where(Entity.slug == slug)).first()
    if entity is None:
        raise NotFound(f"No entity with slug '{slug}'")
    return entity


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


def articles_with(entity_ids: AnySelect, article_id: Any) -> ColumnElement[bool]:
    return (
        select(ArticleEntity.article_id)
        .where(ArticleEntity.article_id == article_id, col(ArticleEntity.entity_id).in_(entity_ids))
        .exists()
    )


def seen_range(session: Session, entity_id: int) -> tuple[Any, Any]:
    first, last = session.exec(
        select(func.min(ArticleEntity.dated_at), func.max(ArticleEntity.dated_at)).where(
            ArticleEntity.entity_id == entity_id
        )
    ).one()
    return first, last
