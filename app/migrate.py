"""Run and inspect Alembic migrations from code (CLI, start-up, readiness, tests)."""

from functools import lru_cache
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

from app.config import PROJECT_ROOT

# Full-text machinery is written by hand in the migrations (FTS5 tables and triggers on
# SQLite, tsvector columns and GIN indexes on PostgreSQL); the models do not describe it.
HAND_MANAGED_MARKERS = ("_fts", "search_vector", "_pattern")


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Autogenerate compares everything but the hand-managed full-text objects."""
    return not (name and any(marker in name for marker in HAND_MANAGED_MARKERS))


def alembic_config(database_url: str) -> Config:
    config = Config(toml_file=str(PROJECT_ROOT / "pyproject.toml"))
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)


@lru_cache
def head_revision() -> str | None:
    script = ScriptDirectory.from_config(alembic_config(""))
    return script.get_current_head()


def current_revision(bind: Engine | Connection) -> str | None:
    if isinstance(bind, Connection):
        return MigrationContext.configure(bind).get_current_revision()
    with bind.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
