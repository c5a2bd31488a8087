"""Entity redirects: where an entity that re-extraction left without articles went, and a
``merged`` action in the change feed naming both ends.

``entity_redirect`` holds one row per such entity: the entity its names now belong to, or
none (it answers 410 Gone). The change log gains ``into_id`` and ``into_slug``; a trigger
records ``merged`` whenever a redirect gains or changes its target, by the same rules as
the other change triggers (migration 0006): at commit time under the log's advisory lock on
PostgreSQL, as a plain trigger on SQLite.

Revision ID: 0009
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0009"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCK_KEY = 7_206_218_829  # migration 0006's: the one advisory lock guarding the log's order

RECORD = (
    "INSERT INTO change (kind, object_id, slug, action, changed_at, into_id, into_slug) "
    "VALUES ('entity', NEW.entity_id, (SELECT slug FROM entity WHERE id = NEW.entity_id), "
    "'merged', {now}, NEW.target_id, (SELECT slug FROM entity WHERE id = NEW.target_id))"
)

PG_FUNCTION = f"""
CREATE FUNCTION broadsheet_record_merge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock({LOCK_KEY});
    {RECORD.format(now="clock_timestamp()")};
    RETURN NULL;
END $$
"""

# (trigger name, event, WHEN condition): a redirect to nowhere (410) is no merge.
TRIGGERS = (
    ("entity_redirect_created", "INSERT", "NEW.target_id IS NOT NULL"),
    (
        "entity_redirect_retargeted",
        "UPDATE",
        "NEW.target_id IS NOT NULL AND NEW.target_id IS DISTINCT FROM OLD.target_id",
    ),
)
SQLITE_NOW = "strftime('%Y-%m-%d %H:%M:%f000', 'now')"


def _create_table() -> None:
    op.create_table(
        "entity_redirect",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("redirected_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["entity.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["target_id"], ["entity.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("entity_id"),
    )
    op.create_index("ix_entity_redirect_target_id", "entity_redirect", ["target_id"])
    op.add_column("change", sa.Column("into_id", sa.Integer(), nullable=True))
    op.add_column(
        "change",
        sa.Column("into_slug", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    )


def upgrade() -> None:
    _create_table()
    if op.get_bind().dialect.name == "sqlite":
        for name, event, when in TRIGGERS:
            op.execute(
                f"CREATE TRIGGER {name}_change AFTER {event} ON entity_redirect "
                f"WHEN {when.replace('IS DISTINCT FROM', 'IS NOT')} BEGIN "
                f"{RECORD.format(now=SQLITE_NOW)}; END"
            )
        return
    op.execute(PG_FUNCTION)
    for name, event, when in TRIGGERS:
        op.execute(
            f"CREATE CONSTRAINT TRIGGER {name} AFTER {event} ON entity_redirect "
            f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN ({when}) "
            "EXECUTE FUNCTION broadsheet_record_merge()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name, *_ in TRIGGERS:
            op.execute(f"DROP TRIGGER {name}_change")
    else:
        for name, *_ in TRIGGERS:
            op.execute(f"DROP TRIGGER {name} ON entity_redirect")
        op.execute("DROP FUNCTION broadsheet_record_merge()")
    # Plain ALTER TABLE on both backends (SQLite 3.35+): no copy of the log is made.
    op.execute("ALTER TABLE change DROP COLUMN into_slug")
    op.execute("ALTER TABLE change DROP COLUMN into_id")
    op.drop_index("ix_entity_redirect_target_id", table_name="entity_redirect")
    op.drop_table("entity_redirect")
