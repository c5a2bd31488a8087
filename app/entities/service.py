"""Entity rules: identity across articles, name lookup, and the per-entity queries."""

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import func, tuple_, union, update
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from app.articles.models import UNDATED
from app.entities.models import ArticleEntity, Entity, EntityAlias, EntityRedirect, Mention
from app.errors import Gone, Moved, NotFound
from app.extraction import ExtractedEntity
from app.pagination import AnySelect
from app.quotes.models import Quote
from app.text import normalize_name, slugify
from app.writes.locks import insert_ignore, lock_entities, lock_keys

SLUG_ATTEMPTS = 5


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
    """The entity's id, inserting it unless a concurrent writer stored it first."""
    values = {
        "name": extracted.name,
        "type": extracted.type,
        "key": key,
        "country_code": extracted.country_code.upper() if extracted.country_code else None,
        "description": extracted.description,
    }
    for _ in range(SLUG_ATTEMPTS):
        slug = _free_slug(session, extracted.name, extracted.type)
        session.execute(insert_ignore(session, Entity).values(slug=slug, **values))
        found = _find(session, extracted.type, key)
        if found is not None:
            assert found.id is not None
            return found.id
        # Nothing inserted and no such entity: another entity took the slug meanwhile.
    raise RuntimeError(f"no free slug for {extracted.name!r}")


def resolve_entities(
    session: Session, extracted: Sequence[ExtractedEntity], lock_also: Iterable[int] = ()
) -> list[int]:
    """Stored ids for extracted entities (matched by type and key across articles), creating
    the new ones and recording every name as an alias; a few statements per article.

    Writers creating the same entities first take a lock on each key, in one global order,
    then every entity row involved (with ``lock_also``) is locked in id order, so concurrent
    writers never wait on each other in a circle. New entities get ids in extraction
    order."""
    keys: list[tuple[str, str]] = [(e.type, entity_key(e)) for e in extracted]
    known = _known(session, keys)
    missing: dict[tuple[str, str], ExtractedEntity] = {}
    for entity, type_key in zip(extracted, keys, strict=True):
        if type_key not in known:
            missing.setdefault(type_key, entity)
    lock_keys(session, [f"{type_}:{key}" for type_, key in missing])
    for type_key, entity in missing.items():
        known[type_key] = (_create(session, entity, type_key[1]), entity.description)
    ids = [known[type_key][0] for type_key in keys]
    lock_entities(session, [*ids, *lock_also])
    for entity, type_key in zip(extracted, keys, strict=True):
        entity_id, description = known[type_key]
        if description is None and entity.description:
            session.execute(
                update(Entity)
                .where(col(Entity.id) == entity_id, col(Entity.description).is_(None))
                .values(description=entity.description)
            )
            known[type_key] = (entity_id, entity.description)
    _add_aliases(session, ids, [[e.name, *e.aliases] for e in extracted])
    return ids


def _known(
    session: Session, keys: list[tuple[str, str]]
) -> dict[tuple[str, str], tuple[int, str | None]]:
    if not keys:
        return {}
    rows = session.execute(
        select(col(Entity.id), col(Entity.type), col(Entity.key), col(Entity.description)).where(
            tuple_(col(Entity.type), col(Entity.key)).in_(keys)
        )
    )
    return {(type_, key): (entity_id, description) for entity_id, type_, key, description in rows}


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
        # A concurrent writer may add the same alias first (uq_alias_entity_norm).
        session.execute(insert_ignore(session, EntityAlias), new)


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
