"""64-bit ids for the rows that grow with every article: mentions, quotes, the change log.

A news article holds tens of mentions and quotes, so 32-bit ids would run out near 80M
articles. Articles and entities keep 32-bit ids (2.1 billion of each), and so do the
columns that refer to them, links (``article_entity``) among them: nothing refers to a
mention's, a quote's or a change's id, so only those keys and their sequences widen.

SQLite has nothing to do: an ``INTEGER PRIMARY KEY`` is the table's 64-bit rowid, and any
INTEGER column stores up to 8 bytes. PostgreSQL rewrites each table once (its indexes with
it) under an exclusive lock: minutes at 100M rows, so run it in a quiet hour. Downgrading
fails, and changes nothing, once an id has passed 2**31 - 1.

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("mention", "quote", "change")


def _retype(sql_type: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table in TABLES:
        op.execute(f'ALTER TABLE "{table}" ALTER COLUMN id TYPE {sql_type}')
        # AS moves the sequence's limit with the type, as it still sits at the old type's.
        op.execute(f"ALTER SEQUENCE {table}_id_seq AS {sql_type}")


def upgrade() -> None:
    _retype("bigint")


def downgrade() -> None:
    _retype("integer")
