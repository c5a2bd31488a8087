"""Full-text search: FTS5 on SQLite, tsvector + GIN on PostgreSQL.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Porter stemming on both sides so "normalized" finds "normalization" either way.
SQLITE_TOKENIZER = "porter unicode61 remove_diacritics 2"


def _sqlite_fts(table: str, columns: list[str]) -> list[str]:
    fts = f"{table}_fts"
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    # External-content tables index the base table without storing the text twice;
    # the triggers keep them in step inside the writer's own transaction.
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', "
        f"content_rowid='id', tokenize='{SQLITE_TOKENIZER}')",
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {cols} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
    ]


POSTGRES_UP = [
    "ALTER TABLE article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english', body), 'B')) STORED",
    "CREATE INDEX ix_article_search_vector ON article USING gin (search_vector)",
    "ALTER TABLE quote ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "to_tsvector('english', text)) STORED",
    "CREATE INDEX ix_quote_search_vector ON quote USING gin (search_vector)",
    # LIKE 'prefix%' can use a btree only with pattern ops outside the C collation.
    "CREATE INDEX ix_entity_alias_normalized_pattern ON entity_alias "
    "(normalized text_pattern_ops)",
]

POSTGRES_DOWN = [
    "DROP INDEX ix_entity_alias_normalized_pattern",
    "ALTER TABLE quote DROP COLUMN search_vector",
    "ALTER TABLE article DROP COLUMN search_vector",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        statements = _sqlite_fts("article", ["title", "body"]) + _sqlite_fts("quote", ["text"])
    else:
        statements = POSTGRES_UP
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        statements = [
            f"DROP TRIGGER {table}_fts_{suffix}"
            for table in ("article", "quote")
            for suffix in ("ai", "ad", "au")
        ] + ["DROP TABLE article_fts", "DROP TABLE quote_fts"]
    else:
        statements = POSTGRES_DOWN
    for statement in statements:
        op.execute(statement)
