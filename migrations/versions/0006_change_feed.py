"""Change feed: a log of article and entity writes in commit order, kept by triggers.

Triggers rather than calls in the write path: every writer (API, CLI, seed, a future
merge, a hand-run UPDATE) is recorded, and a rolled-back write leaves nothing behind.

PostgreSQL assigns sequence values at insert time while transactions commit in any order,
so a reader paging by id could pass a smaller id that commits later. The triggers are
therefore deferred to commit time and take one transaction-scoped advisory lock before
appending: ids are handed out in commit order, and the lock is released only once the
commit is visible. SQLite has a single writer, so plain triggers already append in order.

Revision ID: 0006
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0006"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Entity writes that change what a client shows; the counts move with every article and
# are served with the articles' own changes.
ENTITY_FIELDS = ("name", "slug", "type", "country_code", "description", "key")
LOCK_KEY = 7_206_218_829  # any constant: the one advisory lock guarding the log's order

PG_FUNCTION = f"""
CREATE FUNCTION broadsheet_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    change_kind text := TG_ARGV[0];
    change_action text;
    change_id integer;
    change_slug text;
BEGIN
    PERFORM pg_advisory_xact_lock({LOCK_KEY});
    IF TG_TABLE_NAME = 'entity_alias' THEN
        change_action := 'updated';
        change_id := NEW.entity_id;
        SELECT slug INTO change_slug FROM entity WHERE id = NEW.entity_id;
    ELSIF TG_OP = 'DELETE' THEN
        change_action := 'deleted';
        change_id := OLD.id;
        change_slug := OLD.slug;
    ELSE
        change_action := CASE TG_OP WHEN 'INSERT' THEN 'created' ELSE 'updated' END;
        change_id := NEW.id;
        change_slug := NEW.slug;
    END IF;
    INSERT INTO change (kind, object_id, slug, action, changed_at)
    VALUES (change_kind, change_id, change_slug, change_action, clock_timestamp());
    RETURN NULL;
END $$
"""


def _changed(old: str, new: str, distinct: str) -> str:
    return " OR ".join(f"{old}.{f} {distinct} {new}.{f}" for f in ENTITY_FIELDS)


# (trigger name, table, events, kind, WHEN condition or None)
PG_TRIGGERS = (
    ("article_record_change", "article", "INSERT OR UPDATE OR DELETE", "article", None),
    ("entity_record_change", "entity", "INSERT OR DELETE", "entity", None),
    (
        "entity_update_record_change",
        "entity",
        "UPDATE",
        "entity",
        _changed("OLD", "NEW", "IS DISTINCT FROM"),
    ),
    ("entity_alias_record_change", "entity_alias", "INSERT", "entity", None),
)

SQLITE_NOW = "strftime('%Y-%m-%d %H:%M:%f000', 'now')"
# (trigger name, table, event, WHEN condition or None, kind, row, id, slug, action)
SQLITE_TRIGGERS = (
    ("article_created", "article", "INSERT", None, "article", "NEW.id", "NEW.slug", "created"),
    ("article_updated", "article", "UPDATE", None, "article", "NEW.id", "NEW.slug", "updated"),
    ("article_deleted", "article", "DELETE", None, "article", "OLD.id", "OLD.slug", "deleted"),
    ("entity_created", "entity", "INSERT", None, "entity", "NEW.id", "NEW.slug", "created"),
    (
        "entity_updated",
        "entity",
        "UPDATE",
        _changed("OLD", "NEW", "IS NOT"),
        "entity",
        "NEW.id",
        "NEW.slug",
        "updated",
    ),
    ("entity_deleted", "entity", "DELETE", None, "entity", "OLD.id", "OLD.slug", "deleted"),
    (
        "entity_alias_added",
        "entity_alias",
        "INSERT",
        None,
        "entity",
        "NEW.entity_id",
        "(SELECT slug FROM entity WHERE id = NEW.entity_id)",
        "updated",
    ),
)


def _create_table() -> None:
    op.create_table(
        "change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=False),
        sa.Column("slug", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_change_kind_changed_at", "change", ["kind", "changed_at"])


def _backfill(now: str) -> None:
    op.execute(
        "INSERT INTO change (kind, object_id, slug, action, changed_at) "
        "SELECT 'article', id, slug, 'created', created_at FROM article ORDER BY id"
    )
    op.execute(
        "INSERT INTO change (kind, object_id, slug, action, changed_at) "
        f"SELECT 'entity', id, slug, 'created', {now} FROM entity ORDER BY id"
    )


def _sqlite_triggers() -> None:
    for name, table, event, when, kind, row_id, slug, action in SQLITE_TRIGGERS:
        condition = f" WHEN {when}" if when else ""
        op.execute(
            f"CREATE TRIGGER {name}_change AFTER {event} ON {table}{condition} BEGIN "
            "INSERT INTO change (kind, object_id, slug, action, changed_at) "
            f"VALUES ('{kind}', {row_id}, {slug}, '{action}', {SQLITE_NOW}); END"
        )


def _postgres_triggers() -> None:
    op.execute(PG_FUNCTION)
    for name, table, events, kind, when in PG_TRIGGERS:
        condition = f" WHEN ({when})" if when else ""
        op.execute(
            f"CREATE CONSTRAINT TRIGGER {name} AFTER {events} ON {table} "
            f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW{condition} "
            f"EXECUTE FUNCTION broadsheet_record_change('{kind}')"
        )


def upgrade() -> None:
    _create_table()
    if op.get_bind().dialect.name == "sqlite":
        _backfill(SQLITE_NOW)
        _sqlite_triggers()
    else:
        _backfill("now()")
        _postgres_triggers()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name, table, *_ in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER {name}_change")
    else:
        for name, table, *_ in PG_TRIGGERS:
            op.execute(f"DROP TRIGGER {name} ON {table}")
        op.execute("DROP FUNCTION broadsheet_record_change()")
    op.drop_index("ix_change_kind_changed_at", table_name="change")
    op.drop_table("change")
