"""Change notifications on PostgreSQL: every committed write NOTIFYs the response caches.

SQLite needs nothing: readers ask it for ``PRAGMA data_version``.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANNEL = "broadsheet_changed"
TABLES = ("article", "entity", "entity_alias", "article_entity", "mention", "quote")

# Statement-level, and PostgreSQL folds identical notifications of one transaction into
# one delivered at commit, so a bulk write costs one message, and a rolled-back one none.
FUNCTION = f"""
CREATE FUNCTION broadsheet_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', '');
    RETURN NULL;
END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute(FUNCTION)
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION broadsheet_notify_change()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table in TABLES:
        op.execute(f"DROP TRIGGER {table}_notify_change ON {table}")
    op.execute("DROP FUNCTION broadsheet_notify_change()")
