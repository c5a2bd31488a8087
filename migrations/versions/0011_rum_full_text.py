"""PostgreSQL full text in id order: RUM indexes in place of GIN, where ``rum`` is at hand.

A RUM index stores each match's id beside it (``rum_tsvector_addon_ops``), so
``ORDER BY id <=| max LIMIT n`` reads the newest n matches straight from the index: no
planner estimate decides between walking ids and sorting every match (a rare word at 1M
articles took seconds when that guess went wrong). It answers ``@@`` as GIN does, so it
replaces the GIN index rather than sitting beside it, and the application finds out which
one a table has at run time (``app.search.fulltext``).

Only done where the extension is installed, or can be: it is not a trusted extension, so
creating it takes a superuser. Elsewhere (and on SQLite, whose FTS5 walks rowids in order
already) nothing changes; run ``CREATE EXTENSION rum`` as a superuser, downgrade to 0010
and upgrade again to switch later.

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("article", "quote")


def _rum_at_hand() -> bool:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return False
    installed = bind.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'rum'")).first()
    if installed:
        return True
    available = bind.execute(
        text("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
    ).first()
    superuser = bind.execute(
        text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    return bool(available and superuser)


def _has_index(name: str) -> bool:
    found = op.get_bind().execute(text("SELECT to_regclass(:name)"), {"name": name}).scalar()
    return found is not None


def upgrade() -> None:
    if not _rum_at_hand():
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS rum")
    for table in TABLES:
        op.execute(
            f"CREATE INDEX ix_{table}_search_vector_rum ON {table} USING rum "
            "(search_vector rum_tsvector_addon_ops, id) WITH (attach = 'id', to = 'search_vector')"
        )
        op.execute(f"DROP INDEX ix_{table}_search_vector")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        if _has_index(f"ix_{table}_search_vector_rum"):
            op.execute(f"CREATE INDEX ix_{table}_search_vector ON {table} USING gin (search_vector)")
            op.execute(f"DROP INDEX ix_{table}_search_vector_rum")
