"""``broadsheet check`` finds and repairs count drift; a database that stays locked is a
503 with Retry-After over HTTP and a named cause in the CLI, on both backends."""

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, col

from app.articles import ingest
from app.config import PROJECT_ROOT, Settings
from app.entities.models import Entity
from app.main import create_app
from app.writes.recount import find_drift
from tests.conftest import admin_dsn, assert_problem
from tests.writes.conftest import story

TEXT = {"X-API-Key": "test-key", "Content-Type": "text/plain"}
SEED = next(p for p in sorted((PROJECT_ROOT / "seed").iterdir()) if p.suffix == ".txt")


def broadsheet(url: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("BROADSHEET_")}
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        cwd=PROJECT_ROOT,
        env={**clean, "PYTHONPATH": str(PROJECT_ROOT), "BROADSHEET_DATABASE_URL": url, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_check_reports_drift_and_repair_fixes_it(
    race_settings: Settings, race_engine: Engine
) -> None:
    text = "Mara Ostrova met Tomas Hallberg in Norway. Mara Ostrova left."
    with Session(race_engine) as session:
        ingest.ingest_extraction(
            session, story(text, people=("Mara Ostrova", "Tomas Hallberg")), "test"
        )
    url = race_settings.database_url
    clean = broadsheet(url, "check")
    assert clean.returncode == 0, clean.stderr
    assert "no drift" in clean.stdout
    with Session(race_engine) as session:
        session.execute(
            update(Entity).where(col(Entity.name) == "Mara Ostrova").values(article_count=3)
        )
        session.commit()
        [drift] = find_drift(session)
    assert (drift.stored_articles, drift.counted_articles) == (3, 1)
    assert (drift.stored_mentions, drift.counted_mentions) == (2, 2)
    found = broadsheet(url, "check")
    assert found.returncode == 1
    assert "mara-ostrova" in found.stdout and "articles 3 stored, 1 counted" in found.stdout
    repaired = broadsheet(url, "check", "--repair")
    assert repaired.returncode == 0, repaired.stderr
    assert "1 entity count(s) repaired" in repaired.stdout
    with Session(race_engine) as session:
        assert find_drift(session) == []


@contextmanager
def writers_locked_out(settings: Settings) -> Iterator[Settings]:
    """Settings for the same database while another connection holds it locked, with a
    short wait so the test need not sit out the default timeouts."""
    url = settings.database_url
    if settings.is_sqlite:
        holder = sqlite3.connect(make_url(url).database or "", isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            yield settings.model_copy(update={"sqlite_busy_ms": 50})
        finally:
            holder.rollback()
            holder.close()
        return
    name = make_url(url).database
    with psycopg.connect(admin_dsn(), autocommit=True) as admin:
        admin.execute(f"ALTER DATABASE \"{name}\" SET lock_timeout = '100ms'")
    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn) as holder:
        holder.execute("LOCK TABLE article IN ACCESS EXCLUSIVE MODE")
        yield settings


def test_a_locked_database_is_a_503_with_retry_after(race_settings: Settings) -> None:
    with writers_locked_out(race_settings) as locked:
        with TestClient(create_app(locked), raise_server_exceptions=False) as api:
            refused = api.post("/articles", content="Mara Ostrova spoke.", headers=TEXT)
            problem = assert_problem(refused, 503)
            assert refused.headers["Retry-After"] == "1"
            assert "after 3 attempts" in problem["detail"]
        wait = {"BROADSHEET_SQLITE_BUSY_MS": str(locked.sqlite_busy_ms)}
        cli = broadsheet(locked.database_url, "ingest", "--jobs", "1", str(SEED), **wait)
        assert cli.returncode == 1
        # The cause, in the driver's words, rather than an exception class name.
        assert "after 3 attempts" in cli.stderr, cli.stderr
        assert "OperationalError" not in cli.stderr
    with TestClient(create_app(race_settings)) as api:
        assert api.post("/articles", content="Mara Ostrova spoke.", headers=TEXT).status_code == 201
