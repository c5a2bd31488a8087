"""Quote attribution: how sure the speaker is and which attribution step chose it.

Both columns are nullable and nothing is backfilled: quotes stored earlier keep null
until their article is extracted again.

Revision ID: 0004
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0004"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("quote", sa.Column("confidence", sa.Float(), nullable=True))
    op.add_column(
        "quote", sa.Column("rule", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True)
    )


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+ has it): a batch copy of the table would lose the
    # full-text triggers that migration 0002 put on it.
    op.execute("ALTER TABLE quote DROP COLUMN rule")
    op.execute("ALTER TABLE quote DROP COLUMN confidence")
