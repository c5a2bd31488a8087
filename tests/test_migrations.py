"""The schema comes only from migrations, and the migrations agree with the models."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

import app.models  # noqa: F401
from app.config import Settings
from app.db import make_engine
from app.migrate import (
    HAND_MANAGED_MARKERS,
    alembic_config,
    current_revision,
    head_revision,
    include_object,
)


def test_models_and_migrations_agree(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, SQLModel.metadata) == []


# What the migrations write by hand, which the models (and so the comparison above) leave
# out: full-text tables and the triggers that fill them on SQLite; tsvector columns, their
# GIN indexes and a prefix index on PostgreSQL.
SQLITE_FTS = {
    f"{table}_fts{suffix}" for table in ("article", "quote") for suffix in ("", "_ai", "_ad", "_au")
}
POSTGRES_FTS = {
    "article.search_vector",
    "quote.search_vector",
    "ix_article_search_vector",
    "ix_quote_search_vector",
    "ix_entity_alias_normalized_pattern",
}


def hand_managed(engine: Engine) -> set[str]:
    """The hand-written full-text objects present in the database."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            sql = "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')"
            return set(connection.exec_driver_sql(sql).scalars()) & SQLITE_FTS
        columns = connection.exec_driver_sql(
            "SELECT table_name || '.' || column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND column_name = 'search_vector'"
        )
        indexes = connection.exec_driver_sql(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
        )
        return ({*columns.scalars()} | {*indexes.scalars()}) & POSTGRES_FTS


def expected_hand_managed(engine: Engine) -> set[str]:
    return SQLITE_FTS if engine.dialect.name == "sqlite" else POSTGRES_FTS


def test_migrations_make_the_full_text_objects_the_models_leave_out(engine: Engine) -> None:
    assert hand_managed(engine) == expected_hand_managed(engine)
    # And they are filled: the seed article is found through them.
    if engine.dialect.name == "sqlite":
        sql = "SELECT rowid FROM article_fts WHERE article_fts MATCH 'Pegasus'"
    else:
        sql = "SELECT id FROM article WHERE search_vector @@ websearch_to_tsquery('Pegasus')"
    with engine.connect() as connection:
        assert connection.exec_driver_sql(sql).scalars().all() == [1]


def test_the_comparison_leaves_out_only_the_full_text_objects(engine: Engine) -> None:
    """Without the filter, the only differences are the hand-written objects: the filter
    hides no real drift between models and migrations."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences, "the full-text objects should differ from the models"
    for difference in differences:
        assert any(marker in repr(difference) for marker in HAND_MANAGED_MARKERS), difference


def test_down_to_nothing_and_up_again(scratch_url: str) -> None:
    config = alembic_config(scratch_url)
    engine = make_engine(Settings(database_url=scratch_url))
    command.upgrade(config, "head")
    assert {"article", "entity", "quote"} <= set(inspect(engine).get_table_names())
    command.downgrade(config, "base")
    assert current_revision(engine) is None
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    command.upgrade(config, "head")
    assert current_revision(engine) == head_revision()
    # Down and up again rebuilds the same schema, full-text objects included.
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, SQLModel.metadata) == []
    assert hand_managed(engine) == expected_hand_managed(engine)
    engine.dispose()
