"""Undated articles: their sort date becomes UNDATED instead of the ingest time.

Rows whose article has no publication date (``published_at IS NULL``) took the ingest time
as ``dated_at``, in ``article`` and in its copies in ``article_entity`` and ``quote``. The
data alone changes; the schema and indexes stay.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# app.articles.models.UNDATED, fixed here as migrations must not move with the code.
UNDATED = datetime(1, 1, 2, tzinfo=UTC)
STAMP = sa.DateTime(timezone=True)

article = sa.table(
    "article",
    sa.column("id", sa.Integer),
    sa.column("published_at", STAMP),
    sa.column("dated_at", STAMP),
    sa.column("created_at", STAMP),
)
COPIES = [
    sa.table(name, sa.column("article_id", sa.Integer), sa.column("dated_at", STAMP))
    for name in ("article_entity", "quote")
]


def _copy_article_dates() -> None:
    """``article_entity`` and ``quote`` take their undated articles' ``dated_at`` again."""
    undated = sa.select(article.c.id).where(article.c.published_at.is_(None))
    for copy in COPIES:
        dated = sa.select(article.c.dated_at).where(article.c.id == copy.c.article_id)
        op.execute(
            sa.update(copy)
            .where(copy.c.article_id.in_(undated))
            .values(dated_at=dated.scalar_subquery())
        )


def upgrade() -> None:
    # Typed statements, so each backend stores the value in the form its DateTime reads.
    undated = article.c.published_at.is_(None)
    op.execute(sa.update(article).where(undated).values(dated_at=UNDATED))
    _copy_article_dates()


def downgrade() -> None:
    undated = article.c.published_at.is_(None)
    op.execute(sa.update(article).where(undated).values(dated_at=article.c.created_at))
    _copy_article_dates()
