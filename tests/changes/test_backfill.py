"""Migration 0006 starts the feed with one ``created`` change per stored article and entity."""

from alembic.script import ScriptDirectory
from sqlalchemy import text

from app.config import Settings
from app.db import make_engine
from app.migrate import alembic_config, upgrade

ARTICLE = (
    "INSERT INTO article (slug, body, sections, word_count, content_hash, dated_at, created_at,"
    " updated_at) VALUES (:slug, 'Text.', '[]', 1, :slug, :at, :at, :at)"
)
ENTITY = (
    "INSERT INTO entity (name, type, slug, key, article_count, mention_count)"
    " VALUES (:slug, 'person', :slug, :slug, 0, 0)"
)


def test_existing_rows_are_backfilled_in_id_order(scratch_url: str) -> None:
    before = ScriptDirectory.from_config(alembic_config(scratch_url)).get_revision("0006")
    assert before is not None and isinstance(before.down_revision, str)
    upgrade(scratch_url, before.down_revision)
    engine = make_engine(Settings(database_url=scratch_url))
    with engine.begin() as connection:
        for slug in ("first", "second"):
            connection.execute(text(ARTICLE), {"slug": slug, "at": "2024-05-01 10:00:00"})
        connection.execute(text(ENTITY), {"slug": "someone"})
    # To 0006 itself: later data migrations (0005 re-dates undated rows) log changes of their own.
    upgrade(scratch_url, "0006")
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT kind, slug, action FROM change ORDER BY id")).all()
    engine.dispose()
    assert [tuple(row) for row in rows] == [
        ("article", "first", "created"),
        ("article", "second", "created"),
        ("entity", "someone", "created"),
    ]
