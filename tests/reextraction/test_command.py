"""``broadsheet reextract`` run as a user runs it, on a scratch SQLite database."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlmodel import Session, col

from app.articles.ingest import ingest_extraction
from app.config import PROJECT_ROOT, Settings
from app.db import make_engine
from app.entities.models import Entity, EntityRedirect
from app.migrate import upgrade
from tests.reextraction.stories import FULL_SLUG, NOUN_SLUG, SURNAME_SLUG, stale


def broadsheet(url: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("BROADSHEET_")}
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "reextract", *args],
        env={**clean, "PYTHONPATH": str(PROJECT_ROOT), "BROADSHEET_DATABASE_URL": url, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def stored(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'archive.db'}"
    upgrade(url)
    engine = make_engine(Settings(database_url=url))
    for n in range(2):
        with Session(engine) as session:
            ingest_extraction(session, stale(n), "0.9")
    engine.dispose()
    return url


def _redirects(url: str) -> dict[str, str | None]:
    engine = make_engine(Settings(database_url=url))
    with Session(engine) as session:
        slugs = dict(session.execute(select(col(Entity.id), col(Entity.slug))).all())
        rows = session.execute(select(EntityRedirect)).scalars().all()
    engine.dispose()
    return {slugs[r.entity_id]: slugs.get(r.target_id or 0) for r in rows}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_reextract_reports_and_stores_then_finds_nothing_to_change(stored: str, jobs: str) -> None:
    first = broadsheet(stored, "--jobs", jobs, "--batch-size", "1")
    assert first.returncode == 0, first.stderr
    summary = "2 changed, 0 unchanged, 0 failed; entities: 0 created, 1 merged, 1 orphaned"
    assert summary in first.stdout
    assert _redirects(stored) == {SURNAME_SLUG: FULL_SLUG, NOUN_SLUG: None}
    again = broadsheet(stored, "--jobs", jobs, "--older-than-version")
    assert again.returncode == 0, again.stderr
    assert "0 changed, 0 unchanged, 0 failed" in again.stdout  # none is older now
    everything = broadsheet(stored, "--jobs", jobs, "--entity", FULL_SLUG)
    assert "0 changed, 2 unchanged, 0 failed" in everything.stdout


def test_reextract_names_failures_and_exits_nonzero(stored: str) -> None:
    failed = broadsheet(stored, "--jobs", "1", BROADSHEET_MAX_ARTICLE_ITEMS="1")
    assert failed.returncode == 1
    assert "0 changed, 0 unchanged, 2 failed" in failed.stdout
    assert "failed: article 1: The article holds" in failed.stderr
    assert _redirects(stored) == {}  # nothing written


def test_reextract_refuses_an_unknown_filter(stored: str) -> None:
    for args in (("--section", "nowhere"), ("--entity", "no-such-entity")):
        result = broadsheet(stored, *args)
        assert result.returncode == 2, result.stdout
        assert "nowhere" in result.stderr or "no-such-entity" in result.stderr
