"""Entity rules: identity across articles, name lookup, and the per-entity queries."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, insert, tuple_, union, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased
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


def _create(session: Session, extracted: ExtractedEntity, key: str) -> int:
    entity = Entity(
        name=extracted.name,
        type=extracted.type,
        key=key,
        slug=_free_slug(session, extracted.name, extracted.type),
        country_code=extracted.country_code.upper() if extracted.country_code else None,
        description=extracted.description,
    )
    try:
        # A concurrent writer may create the same entity first; the savepoint lets this
        # transaction carry on with theirs.
        with session.begin_nested():
            session.add(entity)
    except IntegrityError:
        found = _find(session, extracted.type, key)
        if found is None:
            raise
        entity = found
    assert entity.id is not None
    return entity.id


def resolve_entities(session: Session, extracted: Sequence[ExtractedEntity]) -> list[int]:
    """Stored ids for extracted entities (matched by type and key across articles), creating
    the new ones and recording every name as an alias; a few statements per article."""
    keys = [(e.type, entity_key(e)) for e in extracted]
    known: dict[tuple[str, str], tuple[int, str | None]] = (
        {
            (type_, key): (entity_id, description)
            for entity_id, type_, key, description in session.execute(
                select(
                    col(Entity.id), col(Entity.type), col(Entity.key), col(Entity.description)
                ).where(tuple_(col(Entity.type), col(Entity.key)).in_(keys))
            )
        }
        if keys
        else {}
    )
    ids: list[int] = []
    for entity, (type_, key) in zip(extracted, keys, strict=True):
        if (type_, key) not in known:
            known[type_, key] = (_create(session, entity, key), entity.description)
        entity_id, description = known[type_, key]
        if description is None and entity.description:
            session.execute(
                update(Entity)
                .where(col(Entity.id) == entity_id)
                .values(description=entity.description)
            )
            known[type_, key] = (entity_id, entity.description)
        ids.append(entity_id)
    _add_aliases(session, ids, [[e.name, *e.aliases] for e in extracted])
    return ids


def _add_aliases(session: Session, ids: list[int], names: list[list[str]]) -> None:
    wanted: dict[tuple[int, str], str] = {}
    for entity_id, entity_names in zip(ids, names, strict=True):
        for name in entity_names:
            normalized = normalize_name(name)
            if normalized:
                wanted.setdefault((entity_id, normalized), name)
    if not wanted:
        return
    rows = session.execute(
        select(col(EntityAlias.entity_id), col(EntityAlias.normalized)).where(
            col(EntityAlias.entity_id).in_(set(ids)),
            col(EntityAlias.normalized).in_({n for _, n in wanted}),
        )
    )
    known = {(entity_id, normalized) for entity_id, normalized in rows}
    new = [
        {"entity_id": entity_id, "name": name, "normalized": normalized}
        for (entity_id, normalized), name in wanted.items()
        if (entity_id, normalized) not in known
    ]
    if new:
        session.execute(insert(EntityAlias), new)


def ids_matching(value: str, types: Sequence[str] | None = None) -> AnySelect:
    """Ids of entities a user string names: slug, name, alias, or (countries) ISO code."""
    code = value.strip().upper()
    branches: list[AnySelect] = [
        select(col(Entity.id)).where(col(Entity.slug) == value.strip().lower()),
        select(col(EntityAlias.entity_id)).where(
            col(EntityAlias.normalized) == normalize_name(value)
        ),
    ]
    if len(code) == 2 and (types is None or "country" in types):
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
    entity = session.exec(select(Entity).where(Entity.slug == slug)).first()
    if entity is None:
        raise NotFound(f"No entity with slug '{slug}'")
    return entity


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
    first, last = session.exec(
        select(func.min(ArticleEntity.dated_at), func.max(ArticleEntity.dated_at)).where(
            ArticleEntity.entity_id == entity_id
        )
    ).one()
    return first, last
