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
from app.migrate import alembic_config, current_revision, head_revision, include_object


def test_models_and_migrations_agree(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, SQLModel.metadata) == []


def test_database_is_at_head(engine: Engine) -> None:
    assert current_revision(engine) == head_revision() is not None


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
    engine.dispose()
