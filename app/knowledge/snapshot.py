"""Read what the archive knows into a ``Knowledge`` snapshot for extraction."""

from collections import defaultdict
from typing import cast

from sqlalchemy import func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from app.articles.models import Article
from app.entities.models import ArticleEntity, Entity, EntityAlias, Mention
from app.extraction.knowledge import RELATED_NAMES, Knowledge, KnownEntity
from app.extraction.schemas import EntityType


def load_snapshot(
    session: Session, *, min_articles: int = 1, related: int = RELATED_NAMES
) -> Knowledge:
    """Every entity named in at least ``min_articles`` articles, with its aliases, and for
    each person named in full the ``related`` entities most often named alongside.

    Four queries, not one per entity: the snapshot of 100k articles is read in one pass.
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
    company = _company(session, min_articles, related)
    introduced = _introduced(session, min_articles)
    return Knowledge(
        tuple(
            KnownEntity(
                name=name,
                type=cast(EntityType, type_),
                aliases=tuple(alias for alias in aliases[entity_id] if alias != name),
                country_code=country_code,
                articles=article_count,
                related=tuple(company[entity_id]),
                introduced=tuple(introduced[entity_id]),
            )
            for entity_id, name, type_, country_code, article_count in rows
        )
    )


def _company(session: Session, min_articles: int, related: int) -> defaultdict[int, list[str]]:
    """Person id → names of the entities sharing most articles with them, most first.

    Counted in the database over article-entity pairs, and only for people named in full
    (a name with a space): a bare surname is what gets resolved, never a candidate."""
    person, other = aliased(ArticleEntity), aliased(ArticleEntity)
    shared = func.count().label("shared")
    pairs = (
        select(col(person.entity_id).label("person_id"), col(other.entity_id).label("other_id"))
        .add_columns(shared)
        .join(Entity, col(Entity.id) == col(person.entity_id))
        .join(
            other,
            (col(other.article_id) == col(person.article_id))
            & (col(other.entity_id) != col(person.entity_id)),
        )
        .where(
            col(Entity.type) == "person",
            col(Entity.name).contains(" "),
            col(Entity.article_count) >= min_articles,
        )
        .group_by(col(person.entity_id), col(other.entity_id))
        .subquery()
    )
    rank = (
        func.row_number()
        .over(partition_by=pairs.c.person_id, order_by=(pairs.c.shared.desc(), pairs.c.other_id))
        .label("rank")
    )
    ranked = select(pairs.c.person_id, pairs.c.other_id, rank).subquery()
    query = (
        select(ranked.c.person_id, col(Entity.name))
        .join(Entity, col(Entity.id) == ranked.c.other_id)
        .where(ranked.c.rank <= related)
        .order_by(ranked.c.person_id, ranked.c.rank)
    )
    company: defaultdict[int, list[str]] = defaultdict(list)
    for person_id, name in session.execute(query):
        company[person_id].append(name)
    return company


def _introduced(
    session: Session, min_articles: int
) -> defaultdict[int, dict[tuple[str, str], None]]:
    """Organization id -> (role, person) for each "<organization> <role> <person>" the
    stored mentions make: the text between two mentions close together, read by the same
    rule as one article's entities (``same_groups.introductions``)."""
    # Imported here: the rule pulls in the word lists, which a serving worker never loads.
    from app.extraction.same_groups import ROLE_REACH, role_between

    group, person = aliased(Mention), aliased(Mention)
    group_entity, person_entity = aliased(Entity), aliased(Entity)
    between = func.substr(col(Article.body), col(group.end) + 1, col(person.start) - col(group.end))
    query = (
        select(col(group.entity_id), between, col(person_entity.name))
        .join(group_entity, col(group_entity.id) == col(group.entity_id))
        .join(
            person,
            (col(person.article_id) == col(group.article_id))
            & (col(person.start) > col(group.end))
            & (col(person.start) <= col(group.end) + ROLE_REACH),
        )
        .join(person_entity, col(person_entity.id) == col(person.entity_id))
        .join(Article, col(Article.id) == col(group.article_id))
        .where(
            col(group_entity.type) == "organization",
            col(group_entity.article_count) >= min_articles,
            col(person_entity.type) == "person",
        )
    )
    introduced: defaultdict[int, dict[tuple[str, str], None]] = defaultdict(dict)
    for entity_id, text, name in session.execute(query):
        role = role_between(text)
        if role is not None:
            introduced[entity_id].setdefault((role, name), None)
    return introduced
