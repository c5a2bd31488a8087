"""Which stored articles to re-extract, read in keyset batches by id."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from app.articles.filters import date_clauses
from app.articles.models import Article
from app.entities.models import ArticleEntity, Entity
from app.errors import InvalidInput
from app.pagination import AnySelect
from app.sections.service import require_section


@dataclass(frozen=True)
class Selection:
    """Every article, or those matching all the filters given. ``since``/``until`` bound
    the publication date (undated articles fall outside any range); ``stale_than`` keeps
    the articles another extractor version (or none) read."""

    section: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    entity: str | None = None
    stale_than: str | None = None

    def clauses(self, session: Session) -> list[ColumnElement[bool]]:
        """Filter clauses on ``article``; raises ``InvalidInput`` for an unknown section or
        entity slug, so a typo is not mistaken for nothing to do."""
        clauses = date_clauses(col(Article.dated_at), self.since, self.until)
        if self.section is not None:
            clauses.append(col(Article.section) == require_section(session, self.section))
        if self.entity is not None:
            clauses.append(col(Article.id).in_(_articles_of(session, self.entity)))
        if self.stale_than is not None:
            version = col(Article.extractor_version)
            clauses.append(version.is_(None) | (version != self.stale_than))
        return clauses


def _articles_of(session: Session, slug: str) -> AnySelect:
    entity_id = session.execute(
        select(col(Entity.id)).where(col(Entity.slug) == slug.strip().lower())
    ).scalar()
    if entity_id is None:
        raise InvalidInput(f"No entity with slug '{slug}'", field="entity")
    return select(col(ArticleEntity.article_id)).where(col(ArticleEntity.entity_id) == entity_id)


@dataclass(frozen=True)
class Stored:
    """An article as re-extraction reads it: the body is all extraction needs."""

    id: int
    body: str
    sections: list[str]


Clauses = list[ColumnElement[bool]]


def count(session: Session, clauses: Clauses) -> int:
    stmt = select(func.count()).select_from(Article).where(*clauses)
    return int(session.execute(stmt).scalar_one())


def batches(engine: Engine, clauses: Clauses, size: int) -> Iterator[list[Stored]]:
    """The selected articles in id order, ``size`` at a time, each batch one short read
    (continuing after the last id): no read stays open while the batches are written."""
    after = 0
    while True:
        with Session(engine) as session:
            rows = session.execute(
                select(col(Article.id), col(Article.body), col(Article.sections))
                .where(col(Article.id) > after, *clauses)
                .order_by(col(Article.id))
                .limit(size)
            ).all()
        if not rows:
            return
        yield [Stored(article_id, body, sections) for article_id, body, sections in rows]
        after = rows[-1][0]
