"""The schema comes only from migrations, and the migrations agree with the models."""

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Engine, make_url
from sqlmodel import SQLModel

import app.models  # noqa: F401
from app.config import Settings
from app.db import make_engine
from app.migrate import alembic_config, current_revision, head_revision, include_object
from tests.conftest import POSTGRES_URL, admin_dsn


def test_models_and_migrations_agree(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, SQLModel.metadata) == []


def test_database_is_at_head(engine: Engine) -> None:
    assert current_revision(engine) == head_revision() is not None


@pytest.fixture
def scratch_url(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An empty database of the same backend, for migrating down and up."""
    if settings.is_sqlite:
        yield f"sqlite:///{tmp_path_factory.mktemp('scratch') / 'scratch.db'}"
        return
    name = f"broadsheet_scratch_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_dsn(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(admin_dsn(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


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
