"""The schema comes only from migrations, and the migrations agree with the models."""

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

import app.models  # noqa: F401
from app.articles.writer import store_extraction
from app.config import Settings
from app.db import make_engine
from app.extraction import ExtractedQuote, Extraction
from app.main import create_app
from app.migrate import (
    HAND_MANAGED_MARKERS,
    alembic_config,
    current_revision,
    head_revision,
    include_object,
)
from tests.conftest import mentioned


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
    "ix_entity_alias_normalized_pattern",
}
# The full-text indexes: RUM where the server has the extension, else GIN.
GIN = {"ix_article_search_vector", "ix_quote_search_vector"}
RUM = {f"{name}_rum" for name in GIN}


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
        return ({*columns.scalars()} | {*indexes.scalars()}) & (POSTGRES_FTS | GIN | RUM)


def expected_hand_managed(engine: Engine) -> set[str]:
    if engine.dialect.name == "sqlite":
        return SQLITE_FTS
    with engine.connect() as connection:
        rum = connection.exec_driver_sql(
            "SELECT 1 FROM pg_available_extensions WHERE name = 'rum'"
        ).first()
    return POSTGRES_FTS | (RUM if rum else GIN)


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


BIG_TABLES = ("mention", "quote", "change")
PAST_32_BITS = 2**31 + 7


def _id_types(engine: Engine) -> set[tuple[str, str, str]]:
    with engine.connect() as connection:
        columns = connection.execute(
            text(
                "SELECT table_name, data_type FROM information_schema.columns "
                "WHERE column_name = 'id' AND table_name IN ('mention', 'quote', 'change')"
            )
        ).all()
        sequences = connection.execute(
            text(
                "SELECT sequencename, data_type FROM pg_sequences "
                "WHERE sequencename IN ('mention_id_seq', 'quote_id_seq', 'change_id_seq')"
            )
        ).all()
    return {("column", t, kind) for t, kind in columns} | {
        ("sequence", s.removesuffix("_id_seq"), kind) for s, kind in sequences
    }


def _big_ids_stored(client: TestClient, engine: Engine) -> None:
    body = "Ada Quillfeather spoke at the harbour. \u201cWe sail at dawn,\u201d she said."
    said = "We sail at dawn"
    extraction = Extraction(
        title="Ids past 32 bits",
        body=body,
        entities=[mentioned(body, "Ada Quillfeather")],
        quotes=[ExtractedQuote(text=said, start=body.index(said), end=body.index(said) + 15)],
    )
    with Session(engine) as session:
        article = store_extraction(session, extraction, "test")
        session.commit()
        article_id = article.id
    quotes = client.get("/quotes", params={"article": article_id}).json()["items"]
    assert [q["id"] for q in quotes] == [PAST_32_BITS]
    assert client.get(f"/quotes/{PAST_32_BITS}").json()["text"] == "We sail at dawn"
    mentions = client.get("/mentions", params={"article": article_id}).json()["items"]
    assert [m["id"] for m in mentions] == [PAST_32_BITS]
    changes = client.get("/changes", params={"since": PAST_32_BITS - 1}).json()
    assert changes["items"][0]["id"] == PAST_32_BITS
    assert changes["items"][0]["object_id"] == article_id


# SQLite's INTEGER PRIMARY KEY is the 64-bit rowid already.
@pytest.mark.parametrize("settings", ["postgresql"], indirect=True)
def test_mentions_quotes_and_changes_have_64_bit_ids(scratch_url: str) -> None:
    settings = Settings(database_url=scratch_url, api_key="k", response_cache_mb=0)
    config = alembic_config(scratch_url)
    engine = make_engine(settings)
    command.upgrade(config, "0009")
    assert {kind for *_, kind in _id_types(engine)} == {"integer"}
    command.upgrade(config, "head")
    widened = {(what, t, "bigint") for what in ("column", "sequence") for t in BIG_TABLES}
    assert _id_types(engine) == widened
    command.downgrade(config, "0009")
    assert {kind for *_, kind in _id_types(engine)} == {"integer"}
    command.upgrade(config, "head")
    assert _id_types(engine) == widened
    with engine.begin() as connection:
        for table in BIG_TABLES:
            connection.execute(text(f"SELECT setval('{table}_id_seq', {PAST_32_BITS - 1})"))
    with TestClient(create_app(settings)) as client:
        _big_ids_stored(client, engine)
    engine.dispose()
