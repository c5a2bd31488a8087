"""Entity identity on the write path: one entity per type and key, its slug and aliases,
whatever writers race to create them."""

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from sqlalchemy import update
from sqlmodel import Session, col, select

from app.entities.models import Entity, EntityAlias
from app.extraction import ExtractedEntity
from app.text import normalize_name, slugify
from app.writes.locks import insert_ignore, lock_entities, lock_keys

SLUG_ATTEMPTS = 5
# Values bound per IN list: far below SQLite's and PostgreSQL's limits on parameters.
CHUNK = 500


def entity_key(entity: ExtractedEntity) -> str:
    if entity.type == "country" and entity.country_code:
        return entity.country_code.upper()
    return normalize_name(entity.name)


def _slug_candidates(name: str, type_: str) -> Iterator[str]:
    base = slugify(name, max_length=100)
    yield from (base, f"{base}-{type_}")
    yield from (f"{base}-{type_}-{n}" for n in range(2, 1000))


def _free_slug(session: Session, name: str, type_: str) -> str:
    # Candidates are made as they are tried: building all 1,000 per entity was 3% of ingest.
    for candidate in _slug_candidates(name, type_):
        taken = session.exec(select(Entity.id).where(Entity.slug == candidate)).first()
        if taken is None:
            return candidate
    raise RuntimeError(f"no free slug for {name!r}")


def _find(session: Session, type_: str, key: str) -> Entity | None:
    return session.exec(select(Entity).where(Entity.type == type_, Entity.key == key)).first()


def _entity_values(extracted: ExtractedEntity, key: str) -> dict[str, str | None]:
    return {
        "name": extracted.name,
        "type": extracted.type,
        "key": key,
        "country_code": extracted.country_code.upper() if extracted.country_code else None,
        "description": extracted.description,
    }


def _create(session: Session, extracted: ExtractedEntity, key: str) -> int:
    """The entity's id, inserting it unless a concurrent writer stored it first."""
    values = _entity_values(extracted, key)
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
    order (but for the few whose first two slugs are taken, created after the others)."""
    keys: list[tuple[str, str]] = [(e.type, entity_key(e)) for e in extracted]
    known = _known(session, keys)
    missing: dict[tuple[str, str], ExtractedEntity] = {}
    for entity, type_key in zip(extracted, keys, strict=True):
        if type_key not in known:
            missing.setdefault(type_key, entity)
    lock_keys(session, [f"{type_}:{key}" for type_, key in missing])
    for type_key, entity_id in _create_many(session, missing).items():
        known[type_key] = (entity_id, missing[type_key].description)
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


def _create_many(
    session: Session, missing: dict[tuple[str, str], ExtractedEntity]
) -> dict[tuple[str, str], int]:
    """Ids for entities about to be created (their keys locked), inserted with one
    statement in extraction order. One at a time, an ingest into an empty archive spent a
    fifth of its time here: a slug lookup per candidate, the insert and a read back, per
    entity. An entity whose first two slugs are taken, or that loses its slug to a
    concurrent writer, goes the one-at-a-time way."""
    if not missing:
        return {}
    candidates = {
        tk: list(islice(_slug_candidates(e.name, e.type), 2)) for tk, e in missing.items()
    }
    taken = _taken_slugs(session, {slug for pair in candidates.values() for slug in pair})
    rows: list[dict[str, str | None]] = []
    by_one: list[tuple[str, str]] = []
    for type_key, entity in missing.items():
        slug = next((s for s in candidates[type_key] if s not in taken), None)
        if slug is None:
            by_one.append(type_key)
            continue
        taken.add(slug)
        rows.append({"slug": slug, **_entity_values(entity, type_key[1])})
    if rows:
        session.execute(insert_ignore(session, Entity), rows)
    found = {tk: entity_id for tk, (entity_id, _) in _known(session, list(missing)).items()}
    by_one += [tk for tk in missing if tk not in found and tk not in by_one]
    for type_key in by_one:
        found[type_key] = _create(session, missing[type_key], type_key[1])
    return found


def _in_chunks(values: Iterable[str]) -> Iterator[list[str]]:
    """``values`` sorted and cut into IN lists of at most ``CHUNK``."""
    ordered = sorted(values)
    for at in range(0, len(ordered), CHUNK):
        yield ordered[at : at + CHUNK]


def _taken_slugs(session: Session, slugs: set[str]) -> set[str]:
    taken: set[str] = set()
    for chunk in _in_chunks(slugs):
        taken.update(
            session.execute(select(col(Entity.slug)).where(col(Entity.slug).in_(chunk))).scalars()
        )
    return taken


def _known(
    session: Session, keys: list[tuple[str, str]]
) -> dict[tuple[str, str], tuple[int, str | None]]:
    # Types and keys as two IN lists, exact pairs kept here: SQLite runs a row-value
    # ``(type, key) IN (VALUES ...)`` as a scan of every entity (9,300 per article stored,
    # the BBC folder in), two lists as a few probes of the (type, key) index per key.
    wanted = set(keys)
    found: dict[tuple[str, str], tuple[int, str | None]] = {}
    types = sorted({type_ for type_, _ in wanted})
    for chunk in _in_chunks({key for _, key in wanted}):
        rows = session.execute(
            select(col(Entity.id), col(Entity.type), col(Entity.key), col(Entity.description))
            .where(col(Entity.type).in_(types))
            .where(col(Entity.key).in_(chunk))
        )
        for entity_id, type_, key, description in rows:
            if (type_, key) in wanted:
                found[type_, key] = (entity_id, description)
    return found


def _add_aliases(session: Session, ids: list[int], names: list[list[str]]) -> None:
    wanted: dict[tuple[int, str], str] = {}
    for entity_id, entity_names in zip(ids, names, strict=True):
        for name in entity_names:
            normalized = normalize_name(name)
            if normalized:
                wanted.setdefault((entity_id, normalized), name)
    if not wanted:
        return
    # By name alone, the pairs kept here: with the entity ids as a second IN list, SQLite
    # probed the (entity_id, normalized) index for every id and name pair (10% of a
    # 50-article ingest batch); a name is the alias of few entities.
    known: set[tuple[int, str]] = set()
    for chunk in _in_chunks({n for _, n in wanted}):
        rows = session.execute(
            select(col(EntityAlias.entity_id), col(EntityAlias.normalized)).where(
                col(EntityAlias.normalized).in_(chunk)
            )
        )
        known.update((entity_id, normalized) for entity_id, normalized in rows)
    new = [
        {"entity_id": entity_id, "name": name, "normalized": normalized}
        for (entity_id, normalized), name in wanted.items()
        if (entity_id, normalized) not in known
    ]
    if new:
        # A concurrent writer may add the same alias first (uq_alias_entity_norm).
        session.execute(insert_ignore(session, EntityAlias), new)
