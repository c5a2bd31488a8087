"""Mention queries, in id order (the order they were stored)."""

from typing import Any

from sqlalchemy import ColumnElement, select
from sqlmodel import Session, col

from app.articles.filters import date_clauses
from app.articles.models import Article
from app.articles.service import get_article
from app.entities import service as entities
from app.entities.models import Entity, Mention
from app.mentions.schemas import MentionFilters, MentionRow
from app.pagination import Keyset, Page, PageRequest, SortKey, total_of
from app.schemas import EntityRef

STORED = Keyset("mentions:id", [SortKey(col(Mention.id))])


def _clauses(session: Session, filters: MentionFilters) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if filters.entity:
        ids = [entities.ids_matching(value) for value in filters.entity]
        clauses.append(col(Mention.entity_id).in_(ids[0].union(*ids[1:])))
    if filters.type is not None:
        clauses.append(col(Entity.type) == filters.type)
    if filters.article is not None:
        clauses.append(col(Mention.article_id) == get_article(session, filters.article).id)
    after, before = filters.published_after, filters.published_before
    if after is not None or before is not None:
        dated = select(col(Article.id)).where(*date_clauses(col(Article.dated_at), after, before))
        clauses.append(col(Mention.article_id).in_(dated))
    return clauses


def _row(mention: Mention, entity: Entity) -> MentionRow:
    data: dict[str, Any] = mention.model_dump()
    return MentionRow.model_validate({**data, "entity": EntityRef.model_validate(entity)})


def list_mentions(session: Session, filters: MentionFilters, page: PageRequest) -> Page[MentionRow]:
    stmt = (
        select(Mention, Entity)
        .join(Entity, col(Entity.id) == Mention.entity_id)
        .where(*_clauses(session, filters))
    )
    rows = session.execute(STORED.apply(stmt, page)).all()
    items, cursor = STORED.page(rows, page, lambda r: (r[0].id,))
    total = total_of(session, stmt.with_only_columns(col(Mention.id)))
    return Page(items=[_row(m, e) for m, e in items], next_cursor=cursor, **total.fields())
