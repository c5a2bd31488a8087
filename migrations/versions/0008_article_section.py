"""The desk an article ran under (business, politics, sport…), indexed for filtering.

Revision ID: 0008
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A nullable column without a default: a metadata-only change on both backends, so
    # it costs the same on an archive of any size.
    # Plain ALTERs, not a batch copy: copying the table on SQLite would drop the
    # full-text triggers that 0002 put on it.
    op.add_column(
        "article",
        sa.Column("section", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
    )
    op.create_index("ix_article_section_dated_at_id", "article", ["section", "dated_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_article_section_dated_at_id", table_name="article")
    op.drop_column("article", "section")
